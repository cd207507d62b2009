"""Network roles: ``/cases/{case_id}/roles/{person_id}``, a person's place in a case's network.

``PUT`` sets a whole role (creating it or replacing it); ``PATCH`` changes some fields.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from pydantic import ValidationError

from ...graph.contacts import record_contact
from ...graph.errors import NotFound
from ...graph.model import Engagement, NetworkRole, Provenance, SourceRef
from ...graph.store import GraphStore
from ..auth.deps import CaseScope, case_access
from ..auth.permissions import Permission
from ..deps import ActorDep, CaseIdPath, PageDep, PersonIdPath, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, NOT_FOUND, domain_invalid
from ..schemas.common import Page, build, changed
from ..schemas.roles import (
    ContactCreate,
    NetworkRoleCreate,
    NetworkRolePublic,
    NetworkRoleUpdate,
)

Read = Annotated[CaseScope, case_access(entity="role")]
Write = Annotated[CaseScope, case_access(Permission.write_case, entity="role")]

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


@router.get("", summary="The network roles of a case, by person id, filtered")
def list_roles(
    case_id: CaseIdPath,
    store: StoreDep,
    scope: Read,
    page: PageDep,
    engagement: Annotated[
        Engagement | None, Query(description="only members with this engagement status")
    ] = None,
) -> Page[NetworkRolePublic]:
    roles = [r for r in store.list_roles(case_id) if engagement in (None, r.engagement)]
    shown = roles[page.offset : page.offset + page.limit]
    return Page[NetworkRolePublic].of(
        [NetworkRolePublic.of(r, private=scope.principal.private) for r in shown],
        limit=page.limit,
        offset=page.offset,
    )


@router.put(
    "/{person_id}",
    summary="Set a person's whole role in the case",
    description="Creates the role (201) or replaces it (200). Fields left out take their "
    "defaults; the provenance's creation and source are kept unless a source is sent; the "
    "contact log is kept (it grows through `POST …/contacts`).",
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
    scope: Write,
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
    kept = {"contacts": stored.contacts} if stored is not None else {}  # the log stays
    role = build(
        NetworkRole,
        {**data, **kept, "case_id": case_id, "person_id": person_id, "provenance": provenance},
    )
    return NetworkRolePublic.of(store.set_role(role), private=scope.principal.private)


@router.get("/{person_id}", summary="A person's role in the case")
def get_role(
    case_id: CaseIdPath, person_id: PersonIdPath, store: StoreDep, scope: Read
) -> NetworkRolePublic:
    stored = _stored_role(store, case_id, person_id)
    if stored is None:
        raise NotFound("network role", f"{case_id}/{person_id}")
    return NetworkRolePublic.of(stored, private=scope.principal.private)


@router.patch(
    "/{person_id}", summary="Change some of a person's role in the case", responses=BAD_JSON
)
def update_role(
    case_id: CaseIdPath,
    person_id: PersonIdPath,
    body: NetworkRoleUpdate,
    store: StoreDep,
    actor: ActorDep,
    scope: Write,
) -> NetworkRolePublic:
    stored = _stored_role(store, case_id, person_id)
    if stored is None:
        raise NotFound("network role", f"{case_id}/{person_id}")
    role = changed(stored, body.model_dump(exclude_unset=True), actor=actor)
    return NetworkRolePublic.of(store.set_role(role), private=scope.principal.private)


@router.delete(
    "/{person_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Take a person out of the case's network",
    description="The person and their ties stay.",
)
def delete_role(case_id: CaseIdPath, person_id: PersonIdPath, store: StoreDep, _: Write) -> None:
    store.get_case(case_id)
    store.remove_role(case_id, person_id)


@router.post(
    "/{person_id}/contacts",
    status_code=status.HTTP_201_CREATED,
    summary="Log a contact with a network member",
    description="Appends to the role's contact log (who: you; when: now unless `at` says "
    "otherwise, never in the future) and moves `last_contact` forward when this contact is "
    "the newest. The log keeps the newest 500.",
    responses=BAD_JSON,
)
def log_contact(
    case_id: CaseIdPath,
    person_id: PersonIdPath,
    body: ContactCreate,
    store: StoreDep,
    actor: ActorDep,
    scope: Write,
) -> NetworkRolePublic:
    if _stored_role(store, case_id, person_id) is None:
        raise NotFound("network role", f"{case_id}/{person_id}")
    try:
        role = record_contact(store, case_id, person_id, actor, **body.model_dump())
    except ValidationError as exc:
        raise domain_invalid(exc) from None
    return NetworkRolePublic.of(role, private=scope.principal.private)
