"""A case's people and what each is to the children (``/cases/{case_id}/people``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from ...graph.kinship import relationships_from
from ...graph.model import Case
from ...graph.network import surroundings
from ..auth.deps import CaseScope, case_access
from ..deps import CaseIdPath, StoreDep
from ..errors import COMMON_RESPONSES, NOT_FOUND
from ..language import LangDep
from ..schemas.network import graph_nodes
from ..schemas.people import CasePeople, CasePerson, KinRelation

router = APIRouter(prefix="/cases", tags=["cases"], responses=COMMON_RESPONSES)


@router.get(
    "/{case_id}/people",
    summary="A case's people, with what each is to the children",
    description="Relationships are derived from the family graph around the children (also "
    "through relatives outside the case) and said in the language of `lang`, else of the "
    "`Accept-Language` header, else in Dutch.",
    responses=NOT_FOUND,
)
def case_people(
    case_id: CaseIdPath,
    store: StoreDep,
    lang: LangDep,
    scope: Annotated[CaseScope, case_access()],
) -> CasePeople:
    graph = store.case_subgraph(case_id)
    case: Case = graph.graph["case"]
    kin = surroundings(store, case.child_ids)
    to_child = {child: relationships_from(kin, child) for child in case.child_ids}
    # family_sides(kin, first child), from the relationships already found
    sides = {pid: rel.side for pid, rel in to_child[case.child_ids[0]].items()}
    order = {child: n for n, child in enumerate(case.child_ids)}
    people = [
        CasePerson(
            **node.model_dump(),
            side=str(sides.get(node.id, "none")),
            relations=[
                KinRelation.of(child, to_child[child].get(node.id), lang)
                for child in case.child_ids
                if child != node.id
            ],
        )
        for node in graph_nodes(graph, private=scope.principal.private)
    ]
    people.sort(key=lambda p: (order.get(p.id, len(order)), p.name.casefold(), p.id))
    return CasePeople(case_id=case.id, lang=lang, people=people)
