"""Kin search for a case (``POST /cases/{case_id}/find``): ranked proposals with reasons."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from ...finding.kin import Found, propose, search_case
from ...finding.review import shown
from ...finding.review.card import cards_of
from ...finding.review.decisions import pair_key
from ...graph.model.common import Id
from ..auth.deps import CaseScope, case_access
from ..auth.permissions import Permission
from ..deps import CaseIdPath, FinderDep, StoreDep
from ..errors import COMMON_RESPONSES, NOT_FOUND
from ..language import LangDep
from ..schemas.candidates import CandidatePublic

router = APIRouter(prefix="/cases", tags=["candidates"], responses=COMMON_RESPONSES)


class KinFound(BaseModel):
    """A search's proposals, as stored in the case's review queue."""

    case_id: Id
    child_id: Id
    kin: list[CandidatePublic] = Field(
        description="possible kin not yet in the network, best first (pending review; what a "
        "worker already decided is left out)"
    )
    matches: list[CandidatePublic] = Field(
        description="records that are probably persons already in the network"
    )
    duplicates: list[CandidatePublic] = Field(
        default_factory=list,
        description="persons probably stored twice (here and in another case, or twice here)",
    )
    added: int = Field(description="proposals new to the review queue")
    updated: int = Field(description="pending proposals whose score and reasons were renewed")
    skipped: int = Field(description="proposals a worker already accepted or rejected")


@router.post(
    "/{case_id}/find",
    summary="Search the outside records and the family graph for a case's kin",
    description="Ranks records that are probably kin of the child not yet in the network "
    "(a relative's child, parent, sibling or partner; a household member; a carrier of a "
    "parent's birth surname), records of persons already known, and relatives already in "
    "the family graph through other cases. Each comes with its reasons as weights in bits. "
    "Only the records gathered for this case and the agency-wide ones are read (each one "
    "proposed is audited); a person another case holds is proposed as a link, without "
    "their data (`elsewhere`). "
    "The proposals are put in the case's review queue; ones a worker already decided are "
    "left out.",
    responses=NOT_FOUND,
)
def find_case_kin(
    case_id: CaseIdPath,
    store: StoreDep,
    finder: FinderDep,
    lang: LangDep,
    scope: Annotated[CaseScope, case_access(Permission.find_kin, entity="kin search")],
    limit: Annotated[int, Query(ge=1, le=200, description="how many kin to propose")] = 20,
    duplicates: Annotated[
        bool, Query(description="also propose persons stored twice (slower on large stores)")
    ] = True,
) -> KinFound:
    search = search_case(
        store, finder, case_id, actor=scope.principal.login, limit=limit, duplicates=duplicates
    )
    proposed = propose(store, search)

    def public(found: list[Found]) -> list[CandidatePublic]:
        keys = [pair_key(f.candidate(search.case_id)) for f in found]
        waiting = [proposed.pending[k] for k in keys if k in proposed.pending]
        seen = shown(store, search.case_id, waiting)
        return [
            CandidatePublic.of(c, lang, card)
            for c, card in zip(seen, cards_of(store, seen, lang), strict=True)
        ]

    return KinFound(
        case_id=search.case_id,
        child_id=search.child_id,
        kin=public(search.kin),
        matches=public(search.matches),
        duplicates=public(search.duplicates),
        added=proposed.added,
        updated=proposed.updated,
        skipped=proposed.skipped,
    )
