"""Persons: ``/persons`` and what hangs off one person (ties, neighbourhood)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from ...graph.errors import NotFound
from ...graph.model import Person
from ..deps import ActorDep, PageDep, PersonIdPath, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, CONFLICT, NOT_FOUND
from ..schemas.common import Page, build, changed, created
from ..schemas.network import Neighbourhood, graph_edges, graph_nodes
from ..schemas.persons import PersonCreate, PersonPublic, PersonUpdate
from ..schemas.ties import TiePublic

MAX_HOPS = 4

router = APIRouter(prefix="/persons", tags=["persons"], responses=COMMON_RESPONSES)


@router.get("", summary="List persons, by id")
def list_persons(store: StoreDep, page: PageDep) -> Page[PersonPublic]:
    persons = store.list_persons(limit=page.limit, offset=page.offset)
    return Page[PersonPublic].of(
        [PersonPublic.of(p) for p in persons], limit=page.limit, offset=page.offset
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Add a person",
    responses={**BAD_JSON, **CONFLICT},
)
def create_person(
    body: PersonCreate, store: StoreDep, actor: ActorDep, request: Request, response: Response
) -> PersonPublic:
    data = created(
        body.model_dump(exclude_unset=True, exclude={"source"}), actor=actor, source=body.source
    )
    person = store.create_person(build(Person, data))
    response.headers["Location"] = str(request.url_for("get_person", person_id=person.id))
    return PersonPublic.of(person)


@router.get("/{person_id}", summary="One person", responses=NOT_FOUND)
def get_person(person_id: PersonIdPath, store: StoreDep) -> PersonPublic:
    return PersonPublic.of(store.get_person(person_id))


@router.patch(
    "/{person_id}", summary="Change some of a person's fields", responses={**BAD_JSON, **NOT_FOUND}
)
def update_person(
    person_id: PersonIdPath, body: PersonUpdate, store: StoreDep, actor: ActorDep
) -> PersonPublic:
    stored = store.get_person(person_id)
    person = changed(stored, body.model_dump(exclude_unset=True), actor=actor)
    return PersonPublic.of(store.update_person(person))


@router.delete(
    "/{person_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a person",
    description="A person with ties or network roles is only removed with `cascade=true`, "
    "which removes those too. A child of a case is never removed (409).",
    responses={**NOT_FOUND, **CONFLICT},
)
def delete_person(
    person_id: PersonIdPath,
    store: StoreDep,
    cascade: Annotated[
        bool, Query(description="also remove the person's ties and network roles")
    ] = False,
) -> None:
    store.delete_person(person_id, cascade=cascade)


@router.get("/{person_id}/ties", summary="Every tie a person is on", responses=NOT_FOUND)
def person_ties(person_id: PersonIdPath, store: StoreDep) -> list[TiePublic]:
    return [TiePublic.of(t) for t in store.ties_of(person_id)]


@router.get(
    "/{person_id}/neighbourhood",
    summary="Everyone within a few ties of a person",
    responses=NOT_FOUND,
)
def neighbourhood(
    person_id: PersonIdPath,
    store: StoreDep,
    hops: Annotated[int, Query(ge=0, le=MAX_HOPS, description="how many ties away")] = 2,
) -> Neighbourhood:
    graph = store.neighbourhood(person_id, hops)
    if person_id not in graph:
        raise NotFound("person", person_id)
    return Neighbourhood(
        person_id=person_id, hops=hops, nodes=graph_nodes(graph), edges=graph_edges(graph)
    )
