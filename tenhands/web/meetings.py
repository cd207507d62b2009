"""A case's meetings (``/cases/{case_id}/meetings``): when, what kind, who took part,
the plan version agreed and the next review; and the form to record or change one.

Reading needs ``read_case``, recording ``write_plan``, both on one's own cases. Only
people of the case's network are named on the list: someone taken out of the network
since (or erased) shows as such, without a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from starlette.responses import Response

from ..api.auth.deps import CaseScope, TrailDep, audit_event
from ..api.auth.permissions import Permission
from ..api.deps import StoreDep
from ..api.errors import ID_PATTERN
from ..graph.model import AuditAction, Meeting, Provenance, SourceRef
from ..graph.plans import case_meeting, network_of
from ..graph.store import GraphStore
from .access import case_page
from .done import DoneQuery, done_message
from .forms import Form, FormState, values_of
from .i18n import N_, WebLang, translations
from .meeting_form import MEETING_FIELDS, MULTI, checked_meeting, meeting_values
from .people import case_people
from .routing import HtmlRoute, PageRoute
from .security import see_other
from .templating import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)
html_router = APIRouter(route_class=HtmlRoute, include_in_schema=False)
"""The list shares its address with the API's (if it has one): only browsers come here."""

Reader = Annotated[CaseScope, case_page(entity="meeting")]
Writer = Annotated[CaseScope, case_page(Permission.write_plan, entity="meeting")]
MeetingIdPath = Annotated[str, Path(pattern=ID_PATTERN)]

CHILD = N_("child of the case")
GONE = N_("someone no longer in the network")

DONE = {
    "meeting_added": N_("The meeting was recorded."),
    "meeting_saved": N_("The meeting was saved."),
}


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as the list shows it: the names of who took part, in the reader's
    language."""

    meeting: Meeting
    names: list[str]
    gone: int
    """How many who took part are no longer in the network."""


def meeting_rows(store: GraphStore, case_id: str) -> list[MeetingRow]:
    """The case's meetings, newest first."""
    meetings = store.list_meetings(case_id)
    members = network_of(store, case_id)
    wanted = dict.fromkeys(pid for m in meetings for pid in m.attended if pid in members)
    names = {p.id: p.display_name for p in store.get_persons(wanted)}
    rows = []
    for meeting in reversed(meetings):
        shown = [names[pid] for pid in meeting.attended if pid in names]
        rows.append(MeetingRow(meeting, shown, len(meeting.attended) - len(shown)))
    return rows


@html_router.get("/cases/{case_id}/meetings", name="web_meetings")
def meetings_page(
    request: Request, scope: Reader, store: StoreDep, done: DoneQuery = None
) -> Response:
    return render(
        request,
        "meetings.html",
        principal=scope.principal,
        case=store.get_case(scope.case_id),
        rows=meeting_rows(store, scope.case_id),
        done=DONE.get(done or "") or done_message(done),
        today=date.today(),
    )


def attendee_options(
    store: GraphStore, case_id: str, lang: WebLang, ticked: list[str]
) -> list[tuple[str, str]]:
    """The case's children and network members as checkboxes, children first, each
    with what they are to the child; the deceased only when already ticked."""
    _ = translations(lang).gettext
    options = []
    for row in case_people(store, case_id, lang, date.today()).rows:
        if row.person.deceased and row.id not in ticked:
            continue
        what = _(CHILD) if row.is_child else row.relation
        options.append((row.id, f"{row.name} ({what})" if what else row.name))
    return options


def _form_page(
    request: Request,
    scope: CaseScope,
    store: GraphStore,
    state: FormState,
    meeting: Meeting | None,
    **context: Any,
) -> Response:
    lang = scope.principal.user.lang
    return render(
        request,
        "meeting_form.html",
        principal=scope.principal,
        case=store.get_case(scope.case_id),
        meeting=meeting,
        form=state,
        attendees=attendee_options(store, scope.case_id, lang, state.ticked("attended")),
        gone=0
        if meeting is None
        else len(set(meeting.attended) - network_of(store, meeting.case_id)),
        plans=store.list_plans(scope.case_id),
        status=422 if state.errors else 200,
        **context,
    )


def _versions(store: GraphStore, case_id: str) -> set[int]:
    return {p.version for p in store.list_plans(case_id)}


@router.get("/cases/{case_id}/meetings/new", name="web_new_meeting")
def new_meeting(request: Request, scope: Writer, store: StoreDep) -> Response:
    state = FormState({**meeting_values(None), "held_on": date.today().isoformat()})
    return _form_page(request, scope, store, state, None)


@router.post("/cases/{case_id}/meetings/new", name="web_add_meeting")
def add_meeting(
    request: Request, scope: Writer, store: StoreDep, trail: TrailDep, form: Form
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    values = values_of(form, MEETING_FIELDS, MULTI)
    made = Provenance(created_by=principal.login, source=SourceRef())
    base = {"case_id": scope.case_id, "provenance": made}
    members = network_of(store, scope.case_id)
    versions = _versions(store, scope.case_id)
    meeting, errors = checked_meeting(base, values, members, versions, _)
    if meeting is None:
        return _form_page(request, scope, store, FormState(values, errors), None)
    store.add_meeting(meeting)
    trail.record(
        audit_event(principal, request, "meeting", meeting.id, scope.case_id, AuditAction.create)
    )
    return see_other(f"/cases/{scope.case_id}/meetings?done=meeting_added#meeting-{meeting.id}")


@router.get("/cases/{case_id}/meetings/{meeting_id}/edit", name="web_edit_meeting")
def edit_meeting(
    request: Request, scope: Writer, store: StoreDep, meeting_id: MeetingIdPath
) -> Response:
    meeting = case_meeting(store, scope.case_id, meeting_id)
    return _form_page(request, scope, store, FormState(meeting_values(meeting)), meeting)


@router.post("/cases/{case_id}/meetings/{meeting_id}/edit", name="web_save_meeting")
def save_meeting(
    request: Request,
    scope: Writer,
    store: StoreDep,
    trail: TrailDep,
    form: Form,
    meeting_id: MeetingIdPath,
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    stored = case_meeting(store, scope.case_id, meeting_id)
    values = values_of(form, MEETING_FIELDS, MULTI)
    base = {**stored.model_dump(), "provenance": stored.provenance.touched(principal.login)}
    members = network_of(store, scope.case_id)
    # who took part and has left the network since has no checkbox: they stay recorded
    gone = [pid for pid in stored.attended if pid not in members]
    values["attended"] = [pid for pid in values["attended"] if pid not in gone] + gone
    versions = _versions(store, scope.case_id)
    meeting, errors = checked_meeting(base, values, members | set(gone), versions, _)
    if meeting is None:
        return _form_page(request, scope, store, FormState(values, errors), stored)
    store.update_meeting(meeting)
    trail.record(
        audit_event(principal, request, "meeting", meeting.id, scope.case_id, AuditAction.update)
    )
    return see_other(f"/cases/{scope.case_id}/meetings?done=meeting_saved#meeting-{meeting.id}")
