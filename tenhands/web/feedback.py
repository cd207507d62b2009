"""The family's feedback after a meeting, and what the organisation learns from it.

- ``/cases/{case_id}/feedback/new`` (``?meeting=ID``): a short form a worker hands to a
  family member on a tablet: large type, one statement a row, five big choices, who
  they are as a kind of participant (never a name), a comment. Afterwards a thank-you
  page that does not show the answers back: the next person may hold the tablet. For
  roles that may record a plan (``write_plan``), on their own cases.
- ``/cases/{case_id}/feedback``: the case's responses, for the case's workers.
- ``/feedback``: the organisation's summary over every case, between two dates, for
  admins only (``read_reports``: summaries over every case).
  Averages stand only on at least :data:`~tenhands.graph.feedback.MIN_ANSWERS` answers.

Nothing of a response (answers, comment) is ever logged.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from babel.numbers import format_decimal
from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from ..api.auth.deps import CaseScope, TrailDep, audit_event
from ..api.auth.permissions import Permission
from ..api.deps import StoreDep
from ..api.errors import ID_PATTERN
from ..graph.feedback import summarise
from ..graph.model import AuditAction, Feedback, Meeting, Provenance, Question, SourceRef
from ..graph.paging import read_all
from ..graph.plans import case_meeting
from ..graph.store import GraphStore
from .access import User, case_page, need
from .days import typed_day
from .feedback_form import ANSWER_FIELDS, FEEDBACK_FIELDS, SCALE, checked_feedback
from .forms import Form, FormState, values_of
from .i18n import N_, translations
from .routing import HtmlRoute, PageRoute
from .security import see_other
from .templating import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)
html_router = APIRouter(route_class=HtmlRoute, include_in_schema=False)
"""Pages whose address the API may share: only browsers come here."""

Reader = Annotated[CaseScope, case_page(entity="feedback")]
Writer = Annotated[CaseScope, case_page(Permission.write_plan, entity="feedback")]
MeetingQuery = Annotated[str | None, Query(alias="meeting", pattern=ID_PATTERN)]
DayQuery = Annotated[str, Query(max_length=20)]

SUMMARY_PERMISSION = Permission.read_reports
"""Who sees the organisation's summary: summaries over every case (admins only), as for
the API's ``/feedback/summary``."""

UNTIL_BEFORE = N_("'Until' lies before 'since'.")
BATCH = 500


def _meeting_of(store: GraphStore, case_id: str, meeting_id: str | None) -> Meeting | None:
    """The case's meeting asked for (NotFound for another case's or an unknown one)."""
    return None if meeting_id is None else case_meeting(store, case_id, meeting_id)


def _form_page(
    request: Request, scope: CaseScope, store: GraphStore, state: FormState, meeting: Meeting | None
) -> Response:
    return render(
        request,
        "feedback_form.html",
        principal=scope.principal,
        case=store.get_case(scope.case_id),
        meeting=meeting,
        form=state,
        questions=[(q.value, field) for q, field in zip(Question, ANSWER_FIELDS, strict=True)],
        scale=SCALE,
        status=422 if state.errors else 200,
    )


@router.get("/cases/{case_id}/feedback/new", name="web_new_feedback")
def new_feedback(
    request: Request, scope: Writer, store: StoreDep, meeting_id: MeetingQuery = None
) -> Response:
    meeting = _meeting_of(store, scope.case_id, meeting_id)
    return _form_page(request, scope, store, FormState(), meeting)


@router.post("/cases/{case_id}/feedback/new", name="web_add_feedback")
def add_feedback(
    request: Request,
    scope: Writer,
    store: StoreDep,
    trail: TrailDep,
    form: Form,
    meeting_id: MeetingQuery = None,
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    meeting = _meeting_of(store, scope.case_id, meeting_id)
    values = values_of(form, FEEDBACK_FIELDS)
    base = {
        "case_id": scope.case_id,
        "meeting_id": meeting.id if meeting else None,
        "given_on": date.today(),
        "provenance": Provenance(created_by=principal.login, source=SourceRef()),
    }
    feedback, errors = checked_feedback(base, values, _)
    if feedback is None:
        return _form_page(request, scope, store, FormState(values, errors), meeting)
    store.add_feedback(feedback)
    trail.record(
        audit_event(principal, request, "feedback", feedback.id, scope.case_id, AuditAction.create)
    )
    after = f"?meeting={meeting.id}" if meeting else ""
    return see_other(f"/cases/{scope.case_id}/feedback/thanks{after}")


@router.get("/cases/{case_id}/feedback/thanks", name="web_feedback_thanks")
def feedback_thanks(
    request: Request, scope: Writer, store: StoreDep, meeting_id: MeetingQuery = None
) -> Response:
    meeting = _meeting_of(store, scope.case_id, meeting_id)
    return render(
        request,
        "feedback_thanks.html",
        principal=scope.principal,
        case=store.get_case(scope.case_id),
        meeting=meeting,
    )


@html_router.get("/cases/{case_id}/feedback", name="web_case_feedback")
def case_feedback(request: Request, scope: Reader, store: StoreDep) -> Response:
    responses: list[Feedback] = list(
        read_all(
            lambda limit, offset: store.list_feedback(
                case_id=scope.case_id, limit=limit, offset=offset
            ),
            BATCH,
        )
    )
    meetings = {m.id: m for m in store.list_meetings(scope.case_id)}
    return render(
        request,
        "feedback_list.html",
        principal=scope.principal,
        case=store.get_case(scope.case_id),
        responses=list(reversed(responses)),
        meetings=meetings,
        questions=[q.value for q in Question],
    )


@html_router.get("/feedback", name="web_feedback_summary")
def feedback_summary(
    request: Request,
    principal: User,
    store: StoreDep,
    trail: TrailDep,
    since: DayQuery = "",
    until: DayQuery = "",
) -> Response:
    need(principal, SUMMARY_PERMISSION)
    _ = translations(principal.user.lang).gettext
    errors: dict[str, str] = {}
    first, said = typed_day(since.strip(), _)
    if said:
        errors["since"] = said
    last, said = typed_day(until.strip(), _)
    if said:
        errors["until"] = said
    elif first and last and last < first:
        errors["until"] = _(UNTIL_BEFORE)
    state = FormState({"since": since.strip(), "until": until.strip()}, errors)
    summary = None
    if not errors:
        trail.record(audit_event(principal, request, "feedback", None, None))
        summary = summarise(
            read_all(
                lambda limit, offset: store.list_feedback(
                    since=first, until=last, limit=limit, offset=offset
                ),
                BATCH,
            )
        )
    averages = {
        q.question.value: format_decimal(q.average, "0.0", locale=principal.user.lang)
        for q in (summary.questions if summary else [])
        if q.average is not None
    }
    return render(
        request,
        "feedback_summary.html",
        principal=principal,
        form=state,
        summary=summary,
        averages=averages,
        since=first,
        until=last,
        status=422 if errors else 200,
    )
