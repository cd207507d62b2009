"""Cases: ``/cases`` and a case's network (``/cases/{case_id}/network``).

The roles of a case's network members have their own router (:mod:`.roles`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from starlette.status import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from ...graph.model import AuditAction, Case, CaseStatus
from ...graph.store import GraphStore
from ...graph.visibility import require_persons
from ..auth.access import visible_cases
from ..auth.deps import (
    CaseScope,
    PrincipalDep,
    TrailDep,
    allowed_to,
    audit_event,
    case_access,
)
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import ActorDep, CaseIdPath, PageDep, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, CONFLICT, NOT_FOUND
from ..response_cache import ResponseCache, get_response_cache
from ..schemas.cases import CaseCreate, CasePublic, CaseSummary, CaseUpdate
from ..schemas.common import Page, build, changed, created
from ..schemas.network import CaseNetwork, graph_edges, graph_nodes

router = APIRouter(prefix="/cases", tags=["cases"], responses=COMMON_RESPONSES)


@router.get(
    "",
    summary="List cases, by id, with their children's names",
    description="An admin sees every case; anyone else the cases assigned to them.",
)
def list_cases(
    store: StoreDep,
    page: PageDep,
    principal: PrincipalDep,
    trail: TrailDep,
    request: Request,
    status: Annotated[CaseStatus | None, Query(description="only cases with this status")] = None,
) -> Page[CaseSummary]:
    cases = visible_cases(store, principal, limit=page.limit, offset=page.offset, status=status)
    trail.record(*(audit_event(principal, request, "case", k.id, k.id) for k in cases))
    children = {p.id: p for p in store.get_persons(sorted({c for k in cases for c in k.child_ids}))}
    return Page[CaseSummary].of(
        [CaseSummary.of(k, children) for k in cases], limit=page.limit, offset=page.offset
    )


@router.post(
    "",
    status_code=HTTP_201_CREATED,
    summary="Open a case",
    description="The children must be persons you may see (404 otherwise, and nothing is stored).",
    responses={**BAD_JSON, **NOT_FOUND, **CONFLICT},
)
def create_case(
    body: CaseCreate,
    store: StoreDep,
    principal: Annotated[Principal, allowed_to(Permission.write_case)],
    trail: TrailDep,
    request: Request,
    response: Response,
) -> CasePublic:
    require_persons(principal, body.child_ids)
    data = created(
        body.model_dump(exclude_unset=True, exclude={"source"}),
        actor=principal.login,
        source=body.source,
    )
    case = store.create_case(build(Case, data))
    if not principal.all_cases:
        store.assign_case(principal.user.id, case.id)  # who opens a case works on it
    trail.record(audit_event(principal, request, "case", case.id, case.id, AuditAction.create))
    response.headers["Location"] = str(request.url_for("get_case", case_id=case.id))
    return CasePublic.of(case)


@router.get("/{case_id}", summary="One case", responses=NOT_FOUND)
def get_case(
    case_id: CaseIdPath, store: StoreDep, _: Annotated[CaseScope, case_access()]
) -> CasePublic:
    return CasePublic.of(store.get_case(case_id))


@router.patch(
    "/{case_id}", summary="Change some of a case's fields", responses={**BAD_JSON, **NOT_FOUND}
)
def update_case(
    case_id: CaseIdPath,
    body: CaseUpdate,
    store: StoreDep,
    actor: ActorDep,
    scope: Annotated[CaseScope, case_access(Permission.write_case)],
) -> CasePublic:
    stored = store.get_case(case_id)
    if body.child_ids is not None:  # a new child must be someone the user may see
        require_persons(scope.principal, sorted(set(body.child_ids) - set(stored.child_ids)))
    case = changed(stored, body.model_dump(exclude_unset=True), actor=actor)
    return CasePublic.of(store.update_case(case))


@router.delete(
    "/{case_id}",
    status_code=HTTP_204_NO_CONTENT,
    summary="Remove a case",
    description="Removes the case with its network roles, plans and candidates; "
    "persons and ties stay. Only an admin removes a case.",
    responses=NOT_FOUND,
)
def delete_case(
    case_id: CaseIdPath,
    store: StoreDep,
    _: Annotated[CaseScope, case_access(Permission.all_cases)],
) -> None:
    store.delete_case(case_id)


@router.get(
    "/{case_id}/network",
    summary="The case's children and network members, with the ties among them",
    response_model=CaseNetwork,
    responses=NOT_FOUND,
)
def case_network(
    case_id: CaseIdPath,
    store: StoreDep,
    scope: Annotated[CaseScope, case_access()],
    cache: Annotated[ResponseCache, Depends(get_response_cache)],
) -> Response:
    private = scope.principal.private
    key = f"network:{case_id}:{'private' if private else 'shared'}"
    generation = store.generation()  # before reading: a change meanwhile moves it on
    body = cache.get(key, generation)
    if body is None:
        body = _network(store, case_id, private=private).model_dump_json().encode()
        cache.put(key, generation, body)
    return Response(body, media_type="application/json")


def _network(store: GraphStore, case_id: str, *, private: bool) -> CaseNetwork:
    graph = store.case_subgraph(case_id)
    case: Case | None = graph.graph.get("case")
    if case is None:
        case = store.get_case(case_id)
    persons = {str(n): attrs["person"] for n, attrs in graph.nodes(data=True)}
    return CaseNetwork(
        case=CaseSummary.of(case, persons),
        nodes=graph_nodes(graph, private=private),
        edges=graph_edges(graph, private=private),
    )
