"""Persons: ``/persons`` and what hangs off one person (ties, neighbourhood)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from ...finding.name_search import search_names
from ...graph.errors import NotFound
from ...graph.model import AuditAction, Person
from ..auth.deps import (
    PersonScope,
    PrincipalDep,
    TrailDep,
    allowed_to,
    audit_event,
    forbidden,
    person_access,
)
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..auth.visible import visible_persons
from ..deps import PageDep, PersonIdPath, StoreDep
from ..errors import BAD_JSON, CHECKED, COMMON_RESPONSES, CONFLICT, NOT_FOUND
from ..plausible import ConfirmQuery, person_checks, require_plausible, require_plausible_new
from ..schemas.common import Page, build, changed, created
from ..schemas.network import Neighbourhood, graph_edges, graph_nodes
from ..schemas.persons import PersonCreate, PersonPublic, PersonUpdate
from ..schemas.ties import TiePublic

MAX_HOPS = 4

router = APIRouter(prefix="/persons", tags=["persons"], responses=COMMON_RESPONSES)


@router.get(
    "",
    summary="List persons, by id, or find them by name",
    description="An admin sees every person; anyone else the persons in the cases "
    "assigned to them. With `q`, only persons whose name matches (typos, accents, word "
    "order and particles tolerated), best first.",
)
def list_persons(
    store: StoreDep,
    page: PageDep,
    principal: PrincipalDep,
    trail: TrailDep,
    request: Request,
    q: Annotated[
        str | None, Query(min_length=2, max_length=100, description="a name, or part of it")
    ] = None,
) -> Page[PersonPublic]:
    if q is not None:
        wanted = page.offset + page.limit
        found = search_names(q, visible_persons(store, principal), limit=wanted)
        persons = found[page.offset :]
    elif principal.all_cases:
        persons = store.list_persons(limit=page.limit, offset=page.offset)
    else:
        ids = sorted(principal.members())[page.offset : page.offset + page.limit]
        persons = store.get_persons(ids)
    trail.record(*(audit_event(principal, request, "person", p.id, None) for p in persons))
    return Page[PersonPublic].of(
        [PersonPublic.of(p, private=principal.private) for p in persons],
        limit=page.limit,
        offset=page.offset,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Add a person",
    description="The sex is required (`unknown` when it is not known). Impossible values "
    "(born or died in the future, died before being born) are refused (422 `implausible`); "
    "unlikely ones (a phone number of an odd shape, a Belgian postcode that is not four "
    "digits, a name like that of a person you may see) are refused until sent again with "
    "`confirm=true` (422 `unconfirmed`). Both list `problems`, each with its field.",
    responses={**BAD_JSON, **CONFLICT, **CHECKED},
)
def create_person(
    body: PersonCreate,
    store: StoreDep,
    principal: Annotated[Principal, allowed_to(Permission.write_case)],
    trail: TrailDep,
    request: Request,
    response: Response,
    confirm: ConfirmQuery = False,
) -> PersonPublic:
    data = created(
        body.model_dump(exclude_unset=True, exclude={"source"}),
        actor=principal.login,
        source=body.source,
    )
    new = build(Person, data)
    require_plausible_new(store, principal, new, confirm=confirm)
    person = store.create_person(new)
    trail.record(audit_event(principal, request, "person", person.id, None, AuditAction.create))
    response.headers["Location"] = str(request.url_for("get_person", person_id=person.id))
    return PersonPublic.of(person, private=principal.private)


@router.get("/{person_id}", summary="One person", responses=NOT_FOUND)
def get_person(
    person_id: PersonIdPath, store: StoreDep, scope: Annotated[PersonScope, person_access()]
) -> PersonPublic:
    return PersonPublic.of(store.get_person(person_id), private=scope.principal.private)


@router.patch(
    "/{person_id}",
    summary="Change some of a person's fields",
    description="Checked as when a person is added, and a new birth date against the "
    "person's parent ties (a parent less than 12 years older than the child is a warning); "
    "a warning the stored person already had is not repeated.",
    responses={**BAD_JSON, **NOT_FOUND, **CHECKED},
)
def update_person(
    person_id: PersonIdPath,
    body: PersonUpdate,
    store: StoreDep,
    scope: Annotated[PersonScope, person_access(Permission.write_case)],
    confirm: ConfirmQuery = False,
) -> PersonPublic:
    stored = store.get_person(person_id)
    person = changed(stored, body.model_dump(exclude_unset=True), actor=scope.principal.login)
    findings, _ = person_checks(store, scope.principal, person, today=date.today(), before=stored)
    require_plausible(findings, confirm=confirm)
    return PersonPublic.of(store.update_person(person), private=scope.principal.private)


@router.delete(
    "/{person_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a person",
    description="A person with ties or network roles is only removed with `cascade=true`, "
    "which removes those too. A child of a case is never removed (409). A person who is "
    "also in a case not assigned to you is not yours to remove (403).",
    responses={**NOT_FOUND, **CONFLICT},
)
def delete_person(
    person_id: PersonIdPath,
    store: StoreDep,
    scope: Annotated[PersonScope, person_access(Permission.write_case)],
    cascade: Annotated[
        bool, Query(description="also remove the person's ties and network roles")
    ] = False,
) -> None:
    if len(scope.case_ids) < len(store.cases_of(person_id)):
        raise forbidden("This person is also in a case not assigned to you.")
    store.delete_person(person_id, cascade=cascade)


@router.get("/{person_id}/ties", summary="Every tie a person is on", responses=NOT_FOUND)
def person_ties(
    person_id: PersonIdPath, store: StoreDep, scope: Annotated[PersonScope, person_access()]
) -> list[TiePublic]:
    """Ties to persons the user may not see are left out (and confidential ones, for
    those who do not read private parts)."""
    sees = scope.principal.sees_person
    shown = (
        TiePublic.shown(t, private=scope.principal.private)
        for t in store.ties_of(person_id)
        if sees(t.other(person_id))
    )
    return [t for t in shown if t is not None]


@router.get(
    "/{person_id}/neighbourhood",
    summary="Everyone within a few ties of a person",
    responses=NOT_FOUND,
)
def neighbourhood(
    person_id: PersonIdPath,
    store: StoreDep,
    scope: Annotated[PersonScope, person_access()],
    hops: Annotated[int, Query(ge=0, le=MAX_HOPS, description="how many ties away")] = 2,
) -> Neighbourhood:
    graph = store.neighbourhood(person_id, hops)
    if person_id not in graph:
        raise NotFound("person", person_id)
    principal = scope.principal
    if not principal.all_cases:  # only persons in the user's cases, and their ties
        graph = graph.subgraph([n for n in graph if principal.sees_person(str(n))])
    return Neighbourhood(
        person_id=person_id,
        hops=hops,
        nodes=graph_nodes(graph, private=principal.private),
        edges=graph_edges(graph, private=principal.private),
    )
