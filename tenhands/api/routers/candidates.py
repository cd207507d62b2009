"""Candidates and their review: ``GET /cases/{case_id}/candidates`` (the review queue),
``GET /candidates/{candidate_id}``, and ``POST …/accept``, ``…/reject``, ``…/undo``.

A decision is made by the signed-in user (a worker or an admin, on a case assigned to
them); the reviewer, the time and the decision go with the candidate and into the audit
log.
Answers about a decision carry ids only, never personal values.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import ValidationError

from ...finding.review import ReviewDesk, review_queue, shown_one
from ...finding.review.card import cards_of, shown_cards
from ...graph.model import Candidate, ReviewStatus
from ...graph.store import GraphStore
from ..auth.access import route_name
from ..auth.deps import CaseScope, TrailDep, allowed_to, case_access
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import CandidateIdPath, CaseIdPath, PageDep, StoreDep
from ..errors import (
    BAD_JSON,
    COMMON_RESPONSES,
    CONFLICT,
    NOT_FOUND,
    domain_invalid,
)
from ..language import LangDep
from ..schemas.candidates import (
    AcceptancePublic,
    AcceptBody,
    CandidateList,
    CandidatePublic,
    Decision,
    RejectBody,
)

router = APIRouter(tags=["candidates"], responses=COMMON_RESPONSES)

Reviewer = Annotated[Principal, allowed_to(Permission.review)]
Reader = Annotated[Principal, allowed_to(Permission.read_case)]


def desk(store: GraphStore, principal: Principal, trail: TrailDep, request: Request) -> ReviewDesk:
    """The signed-in user's work on candidates, audited under this route's name: which
    candidates they may open is :mod:`tenhands.finding.review.reviewer`'s rule."""
    return ReviewDesk(store, principal, audit=trail.record, detail=route_name(request))


@router.get(
    "/cases/{case_id}/candidates",
    summary="A case's candidates: the review queue, or those decided",
    description="`pending` (the default) is the review queue: best score first, leaving out "
    "proposals a worker rejected before. `accepted` and `rejected` list the decided ones, "
    "best score first. Each candidate carries its explanation, field by field.",
    responses=NOT_FOUND,
)
def list_candidates(
    case_id: CaseIdPath,
    store: StoreDep,
    lang: LangDep,
    page: PageDep,
    _: Annotated[CaseScope, case_access(entity="candidates")],
    status: Annotated[
        ReviewStatus, Query(description="pending (the review queue), accepted or rejected")
    ] = ReviewStatus.pending,
) -> CandidateList:
    store.get_case(case_id)
    found: list[Candidate] = (
        review_queue(store, case_id)
        if status is ReviewStatus.pending
        else store.list_candidates(case_id, status=status)
    )
    shown = found[page.offset : page.offset + page.limit]
    after = page.offset + len(shown)
    return CandidateList(
        case_id=case_id,
        status=status,
        total=len(found),
        items=[
            CandidatePublic.of(c, lang, card)
            for c, card in shown_cards(store, case_id, shown, lang)
        ],
        limit=page.limit,
        offset=page.offset,
        next_offset=after if after < len(found) else None,
    )


@router.get("/candidates/{candidate_id}", summary="One candidate", responses=NOT_FOUND)
def get_candidate(
    candidate_id: CandidateIdPath,
    store: StoreDep,
    lang: LangDep,
    principal: Reader,
    trail: TrailDep,
    request: Request,
) -> CandidatePublic:
    found = desk(store, principal, trail, request).open(candidate_id)
    one = shown_one(store, found)
    return CandidatePublic.of(one, lang, cards_of(store, [one], lang)[0])


@router.post(
    "/candidates/{candidate_id}/accept",
    summary="Accept a candidate",
    description="A kin candidate: the person is created from the record (or the named person "
    "used), tied to `relation_to` when the relation is a direct one (parent, sibling, "
    "grandparent, partner…), and given an *identified* role in the case. A match fills the "
    "person's empty fields from the record. A duplicate merges the second person into the "
    "first. `relation`/`relation_to` correct a kin hypothesis as it is accepted. 409 when "
    "the candidate was decided already.",
    responses={**BAD_JSON, **NOT_FOUND, **CONFLICT},
)
def accept_candidate(
    candidate_id: CandidateIdPath,
    store: StoreDep,
    principal: Reviewer,
    trail: TrailDep,
    request: Request,
    body: AcceptBody | None = None,
) -> AcceptancePublic:
    body = body or AcceptBody()
    try:
        done = desk(store, principal, trail, request).accept(
            candidate_id,
            relation=body.relation,
            relation_to=body.relation_to,
            note=body.note,
        )
    except ValidationError as exc:
        raise domain_invalid(exc) from None
    return AcceptancePublic.of_acceptance(done)


@router.post(
    "/candidates/{candidate_id}/reject",
    summary="Reject a candidate",
    description="The candidate is marked rejected with the reason; the same proposal is not "
    "shown in the case's review queue again. 409 when it was decided already.",
    responses={**BAD_JSON, **NOT_FOUND, **CONFLICT},
)
def reject_candidate(
    candidate_id: CandidateIdPath,
    body: RejectBody,
    store: StoreDep,
    principal: Reviewer,
    trail: TrailDep,
    request: Request,
) -> Decision:
    try:
        decided = desk(store, principal, trail, request).reject(candidate_id, body.reason)
    except ValidationError as exc:
        raise domain_invalid(exc) from None
    return Decision.of(decided)


@router.post(
    "/candidates/{candidate_id}/undo",
    summary="Undo a decision",
    description="The candidate goes back to pending. For an accepted one, what accepting "
    "made is removed first: a created person only if nothing was attached to or changed on "
    "them since, else 409 and nothing changes. 409 for a pending candidate.",
    responses={**NOT_FOUND, **CONFLICT},
)
def undo_decision(
    candidate_id: CandidateIdPath,
    store: StoreDep,
    principal: Reviewer,
    trail: TrailDep,
    request: Request,
) -> Decision:
    try:
        reopened = desk(store, principal, trail, request).undo(candidate_id)
    except ValidationError as exc:
        raise domain_invalid(exc) from None
    return Decision.of(reopened)
