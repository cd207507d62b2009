"""The family's feedback on the collaboration: ``/cases/{case_id}/feedback`` (a short
form after a meeting, anonymous) and ``/feedback/summary`` over every case for the
organisation (averages only where enough answers stand behind them)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from ...graph.feedback import summarise
from ...graph.model import Feedback, utcnow
from ...graph.paging import read_all
from ..auth.deps import CaseScope, allowed_to, case_access
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import ActorDep, CaseIdPath, PageDep, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, NOT_FOUND
from ..schemas.common import Page, build, created
from ..schemas.meetings import FeedbackCreate, FeedbackPublic, FeedbackSummaryPublic

router = APIRouter(tags=["feedback"], responses={**COMMON_RESPONSES})

Read = Annotated[CaseScope, case_access(entity="feedback")]
Write = Annotated[CaseScope, case_access(Permission.write_plan, entity="feedback")]
Reports = Annotated[Principal, allowed_to(Permission.read_reports)]


@router.get(
    "/cases/{case_id}/feedback",
    summary="The case's feedback, by date",
    responses={**NOT_FOUND},
)
def list_feedback(
    case_id: CaseIdPath, store: StoreDep, page: PageDep, _: Read
) -> Page[FeedbackPublic]:
    found = store.list_feedback(case_id=case_id, limit=page.limit, offset=page.offset)
    return Page[FeedbackPublic].of(
        [FeedbackPublic.of(f) for f in found], limit=page.limit, offset=page.offset
    )


@router.post(
    "/cases/{case_id}/feedback",
    status_code=status.HTTP_201_CREATED,
    summary="Store one participant's feedback",
    description="Anonymous: the form has no name. A meeting, if named, must be one of the "
    "case's (404 otherwise).",
    responses={**NOT_FOUND, **BAD_JSON},
)
def add_feedback(
    case_id: CaseIdPath,
    body: FeedbackCreate,
    store: StoreDep,
    actor: ActorDep,
    response: Response,
    _: Write,
) -> FeedbackPublic:
    data = created(body.model_dump(), actor=actor, source=None)
    data.update(case_id=case_id, given_on=body.given_on or utcnow().date())
    feedback = store.add_feedback(build(Feedback, data))
    response.headers["Location"] = f"/cases/{case_id}/feedback"
    return FeedbackPublic.of(feedback)


@router.get(
    "/feedback/summary",
    summary="The families' feedback over every case",
    description="Counts per respondent and, per statement, the number of answers; the "
    "average and the low (1–2) and high (4–5) counts only where at least `min_answers` "
    "answers stand behind them, so a small team's answers cannot point at a family.",
)
def feedback_summary(
    store: StoreDep,
    _: Reports,
    since: Annotated[date | None, Query(description="from this day (included)")] = None,
    until: Annotated[date | None, Query(description="up to this day (included)")] = None,
) -> FeedbackSummaryPublic:
    items = read_all(
        lambda limit, offset: store.list_feedback(
            since=since, until=until, limit=limit, offset=offset
        )
    )
    return FeedbackSummaryPublic.model_validate(summarise(items).model_dump())
