"""Network roles: ``/cases/{case_id}/roles/{person_id}``, a person's place in a case's network.

``PUT`` sets a whole role (creating it or replacing it); ``PATCH`` changes some fields.
"""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from ...graph.errors import NotFound
from ...graph.model import NetworkRole, Provenance, SourceRef
from ...graph.store import GraphStore
from ..deps import ActorDep, CaseIdPath, PersonIdPath, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, NOT_FOUND
from ..schemas.common import build, changed
from ..schemas.roles import NetworkRoleCreate, NetworkRolePublic, NetworkRoleUpdate

router = APIRouter(
    prefix="/cases/{case_id}/roles", tags=["roles"], responses={**COMMON_RESPONSES, **NOT_FOUND}
)


def _stored_role(store: GraphStore, case_id: str, person_id: str) -> NetworkRole | None:
    """The person's role in the case, None if they have none; :class:`NotFound` for an unknown
    case or person."""
    store.get_case(case_id)
    try:
        return store.get_role(case_id, person_id)
    except NotFound:
        store.get_person(person_id)
        return None


@router.get("", summary="The network roles of a case, by person id")
def list_roles(case_id: CaseIdPath, store: StoreDep) -> list[NetworkRolePublic]:
    return [NetworkRolePublic.of(r) for r in store.list_roles(case_id)]


@router.put(
    "/{person_id}",
    summary="Set a person's whole role in the case",
    description="Creates the role (201) or replaces it (200). Fields left out take their "
    "defaults; the provenance's creation and source are kept unless a source is sent.",
    responses={
        **BAD_JSON,
        201: {"model": NetworkRolePublic, "description": "The role was created"},
    },
)
def put_role(
    case_id: CaseIdPath,
    person_id: PersonIdPath,
    body: NetworkRoleCreate,
    store: StoreDep,
    actor: ActorDep,
    response: Response,
) -> NetworkRolePublic:
    stored = _stored_role(store, case_id, person_id)
    if stored is None:
        provenance = Provenance(created_by=actor, source=body.source or SourceRef())
        response.status_code = status.HTTP_201_CREATED
    else:
        provenance = stored.provenance.touched(actor)
        if body.source is not None:
            provenance = provenance.model_copy(update={"source": body.source})
    data = body.model_dump(exclude_unset=True, exclude={"source"})
    role = build(
        NetworkRole, {**data, "case_id": case_id, "person_id": person_id, "provenance": provenance}
    )
    return NetworkRolePublic.of(store.set_role(role))


@router.get("/{person_id}", summary="A person's role in the case")
def get_role(case_id: CaseIdPath, person_id: PersonIdPath, store: StoreDep) -> NetworkRolePublic:
    stored = _stored_role(store, case_id, person_id)
    if stored is None:
        raise NotFound("network role", f"{case_id}/{person_id}")
    return NetworkRolePublic.of(stored)


@router.patch(
    "/{person_id}", summary="Change some of a person's role in the case", responses=BAD_JSON
)
def update_role(
    case_id: CaseIdPath,
    person_id: PersonIdPath,
    body: NetworkRoleUpdate,
    store: StoreDep,
    actor: ActorDep,
) -> NetworkRolePublic:
    stored = _stored_role(store, case_id, person_id)
    if stored is None:
        raise NotFound("network role", f"{case_id}/{person_id}")
    role = changed(stored, body.model_dump(exclude_unset=True), actor=actor)
    return NetworkRolePublic.of(store.set_role(role))


@router.delete(
    "/{person_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Take a person out of the case's network",
    description="The person and their ties stay.",
)
def delete_role(case_id: CaseIdPath, person_id: PersonIdPath, store: StoreDep) -> None:
    store.get_case(case_id)
    store.remove_role(case_id, person_id)
