"""Adding a person to a case with what they are to the child
(``POST /cases/{case_id}/people``), and removing persons, ties and network roles from a
case with undo (``/cases/{case_id}/removals``). The rules are
:mod:`tenhands.graph.placing` and :mod:`tenhands.graph.removal`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, status

from ...graph.errors import NotFound
from ...graph.model import NetworkRole, Person, Provenance, SourceRef
from ...graph.placing import Placement, add_to_case
from ...graph.removal import pending_undo, remove_person, remove_role, remove_tie, restore
from ...graph.visibility import require_persons
from ..auth.deps import CaseScope, case_access
from ..auth.permissions import Permission
from ..deps import CaseIdPath, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, CONFLICT, ID_PATTERN, NOT_FOUND
from ..plausible import ConfirmQuery, require_plausible_new
from ..schemas.common import build, created
from ..schemas.persons import PersonCreate, PersonPublic
from ..schemas.placing import (
    CasePersonCreate,
    CasePersonCreated,
    Removal,
    RemovalCreate,
    RemovalKind,
)
from ..schemas.roles import NetworkRolePublic
from ..schemas.ties import TiePublic

Write = Annotated[CaseScope, case_access(Permission.write_case)]
RemovalIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a removal's id")]

router = APIRouter(
    prefix="/cases/{case_id}", tags=["cases"], responses={**COMMON_RESPONSES, **NOT_FOUND}
)


def _person(body: PersonCreate, actor: str) -> Person:
    data = created(
        body.model_dump(exclude_unset=True, exclude={"source"}), actor=actor, source=body.source
    )
    return build(Person, data)


@router.post(
    "/people",
    status_code=status.HTTP_201_CREATED,
    summary="Add a person to the case, with what they are to the child",
    description="The person, their role and the ties that make them what `relation` says "
    "(and a new parent gone through, with a role) are stored together or not at all; 422 "
    "when the relation cannot be placed (a parent or grandparent to go through missing "
    "or not one of the child's). The person is checked as `POST /persons` checks one: "
    "impossible values are refused (422 `implausible`), unlikely ones and lookalikes need "
    "`confirm=true` (422 `unconfirmed`).",
    responses={**BAD_JSON, **CONFLICT},
)
def add_case_person(
    case_id: CaseIdPath,
    body: CasePersonCreate,
    store: StoreDep,
    scope: Write,
    confirm: ConfirmQuery = False,
) -> CasePersonCreated:
    principal = scope.principal
    actor = principal.login
    person = _person(body.person, actor)
    require_plausible_new(store, principal, person, confirm=confirm)
    role_data = body.role.model_dump(exclude_unset=True, exclude={"source"})
    role = build(
        NetworkRole,
        {
            **role_data,
            "case_id": case_id,
            "person_id": person.id,
            "provenance": Provenance(created_by=actor, source=body.role.source or SourceRef()),
        },
    )
    placement: Placement | None = None
    if body.relation is not None:
        asked = body.relation
        if asked.via_id is not None:
            require_persons(principal, [asked.via_id])
        children = store.get_case(case_id).child_ids
        placement = Placement(
            asked.relation,
            asked.child_id or (children[0] if children else ""),
            via_id=asked.via_id,
            new_parent=_person(asked.new_parent, actor) if asked.new_parent else None,
        )
    added = add_to_case(store, person, role, placement, actor=actor)
    private = principal.private
    made = added.placed
    return CasePersonCreated(
        person=PersonPublic.of(added.person, private=private),
        role=NetworkRolePublic.of(added.role, private=private),
        new_parent=PersonPublic.of(made.persons[0], private=private) if made.persons else None,
        ties=[TiePublic.of(t) for t in made.ties],
    )


@router.post(
    "/removals",
    status_code=status.HTTP_201_CREATED,
    summary="Remove a person, a tie or a network role from the case, so it can be undone",
    description="A person goes with every tie and role they have; they must be a network "
    "member of this case only and named in no plan or meeting (409 otherwise). A role "
    "goes alone: the person and their ties stay. What was removed is kept so that "
    "`POST …/removals/{removal_id}/undo` puts it back exactly; your next removal in the "
    "case replaces it.",
    responses=CONFLICT,
)
def add_removal(case_id: CaseIdPath, body: RemovalCreate, store: StoreDep, scope: Write) -> Removal:
    actor = scope.principal.login
    if body.kind is RemovalKind.tie:
        return Removal.of(remove_tie(store, case_id, body.id, actor=actor))
    if body.kind is RemovalKind.role:
        return Removal.of(remove_role(store, case_id, body.id, actor=actor))
    return Removal.of(remove_person(store, case_id, body.id, actor=actor))


@router.get("/removals/last", summary="Your latest removal in the case that can be undone")
def last_removal(case_id: CaseIdPath, store: StoreDep, scope: Write) -> Removal:
    found = pending_undo(store, case_id, scope.principal.login)
    if found is None:
        raise NotFound("removal", "last")
    return Removal.of(found)


@router.post(
    "/removals/{removal_id}/undo",
    summary="Put back what a removal took away",
    description="Exactly as it was, with the person's ties and roles; 404 when it was undone "
    "already, 409 when it cannot be put back whole (nothing changes then).",
    responses=CONFLICT,
)
def undo_removal(
    case_id: CaseIdPath, removal_id: RemovalIdPath, store: StoreDep, scope: Write
) -> Removal:
    return Removal.of(restore(store, case_id, removal_id, actor=scope.principal.login))
