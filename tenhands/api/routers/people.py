"""A case's people and what each is to the children (``/cases/{case_id}/people``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from ...graph.figures import case_people as standing_in_case
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
    "`Accept-Language` header, else in Dutch. The side and the standing are those of the "
    "closest relationship to a child, as on the case page, the maps and the figures.",
    responses=NOT_FOUND,
)
def case_people(
    case_id: CaseIdPath,
    store: StoreDep,
    lang: LangDep,
    scope: Annotated[CaseScope, case_access()],
) -> CasePeople:
    found = standing_in_case(store, case_id)
    case = found.case
    order = {child: n for n, child in enumerate(case.child_ids)}
    people = [
        CasePerson(
            **node.model_dump(),
            side=found.people[node.id].side.value,
            standing=found.people[node.id].standing,
            relations=[
                KinRelation.of(child, rel, lang)
                for child, rel in found.people[node.id].relations.items()
            ],
        )
        for node in graph_nodes(found.graph, private=scope.principal.private)
    ]
    people.sort(key=lambda p: (order.get(p.id, len(order)), p.name.casefold(), p.id))
    return CasePeople(case_id=case.id, lang=lang, people=people)
