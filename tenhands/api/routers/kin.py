"""Kin search for a case (``POST /cases/{case_id}/find``): ranked proposals with reasons."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from ...finding.kin import KinFinder, propose
from ...graph.model import Candidate, ReviewStatus
from ...graph.model.common import Id
from ..deps import CaseIdPath, StoreDep
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
    added: int = Field(description="proposals new to the review queue")
    updated: int = Field(description="pending proposals whose score and reasons were renewed")
    skipped: int = Field(description="proposals a worker already accepted or rejected")


def get_finder(request: Request) -> KinFinder:
    """The app's record index (built on first search, rebuilt after an import)."""
    finder: KinFinder | None = getattr(request.app.state, "kin_finder", None)
    if finder is None:
        finder = KinFinder()
        request.app.state.kin_finder = finder
    return finder


@router.post(
    "/{case_id}/find",
    summary="Search the outside records and the family graph for a case's kin",
    description="Ranks records that are probably kin of the child not yet in the network "
    "(a relative's child, parent, sibling or partner; a household member; a carrier of a "
    "parent's birth surname), records of persons already known, and relatives already in "
    "the family graph through other cases. Each comes with its reasons as weights in bits. "
    "The proposals are put in the case's review queue; ones a worker already decided are "
    "left out.",
    responses=NOT_FOUND,
)
def find_case_kin(
    case_id: CaseIdPath,
    store: StoreDep,
    request: Request,
    lang: LangDep,
    limit: Annotated[int, Query(ge=1, le=200, description="how many kin to propose")] = 20,
) -> KinFound:
    search = get_finder(request).search(store, case_id, limit=limit)
    proposed = propose(store, search)
    saved: dict[str | None, Candidate] = {
        c.record_id or c.person_id: c
        for c in store.list_candidates(case_id, status=ReviewStatus.pending)
    }

    def public(ids: list[str | None]) -> list[CandidatePublic]:
        return [CandidatePublic.of(saved[i], lang) for i in ids if i in saved]

    return KinFound(
        case_id=search.case_id,
        child_id=search.child_id,
        kin=public([f.record_id or f.person_id for f in search.kin]),
        matches=public([f.record_id for f in search.matches]),
        added=proposed.added,
        updated=proposed.updated,
        skipped=proposed.skipped,
    )
