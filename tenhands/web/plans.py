"""The family's plan (Signs of Safety / FGDM) in the web pages.

- ``GET /cases/{case_id}/plan``: the current version (``?version=N`` an earlier one,
  read-only): what we are worried about, what is working well, what needs to happen,
  the safety scale over the versions, and who does what by when (the family's and
  network's own tasks apart from the professional help asked for), with the list of
  versions. Everyone who may read the case.
- ``GET/POST /cases/{case_id}/plan/new``: records the next version (roles that may
  record a plan). A participant not scored again keeps their latest score. Meeting
  mode posts the same form (``from=meeting``), with who came ticked at its top: the plan
  is stored with the meeting of its day (recorded then, or linked when the case has
  one that day), and the page comes back to the meeting, whose maps then show the new
  tasks.
- ``POST /cases/{case_id}/plan/{version}/tasks/{task_id}/status``: how a task of the
  current version went, between meetings (done, not done, changed, with a note).

The rules are :mod:`tenhands.graph.plans`'s, as for the API and the command line.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from ..api.auth.deps import CaseScope, TrailDep, audit_event
from ..api.auth.permissions import Permission
from ..api.deps import StoreDep
from ..api.errors import ID_PATTERN
from ..graph.errors import Conflict, NotFound
from ..graph.model import AuditAction, TaskStatus
from ..graph.plans import (
    agree_in_meeting,
    agree_plan,
    network_of,
    set_task_status,
    with_carried_scores,
)
from ..graph.store import GraphStore
from .access import case_page
from .cases import chosen_view
from .done import DoneQuery, done_message
from .forms import MESSAGES, TOO_LONG, Form, FormState
from .i18n import N_, translations
from .meeting import meeting_response, wall_mode
from .people import case_people
from .plan_form import MAX_LINE, PlanLayout, attendance, checked_plan, posted_values
from .plan_view import names_in, plan_form, plan_view, versions_of, who_may_come
from .routing import PageRefused, PageRoute
from .security import see_other
from .templating import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

Reader = Annotated[CaseScope, case_page(entity="plan")]
Recorder = Annotated[CaseScope, case_page(Permission.write_plan, entity="plan")]
StatusRecorder = Annotated[
    CaseScope, case_page(Permission.write_plan, entity="plan", action=AuditAction.update)
]
VersionPath = Annotated[int, Path(ge=1, le=1_000_000)]
TaskIdPath = Annotated[str, Path(pattern=ID_PATTERN)]

EARLIER = N_(
    "Only the tasks of the current plan change: an earlier version stays as it was agreed."
)


@router.get("/cases/{case_id}/plan", name="web_plan")
def plan_page(
    request: Request,
    scope: Reader,
    store: StoreDep,
    version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    done: DoneQuery = None,
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    today = date.today()
    people = case_people(store, scope.case_id, principal.user.lang, today)
    plans = store.list_plans(scope.case_id)
    shown = plans[-1] if plans else None
    if version is not None:
        found = [p for p in plans if p.version == version]
        if not found:
            raise NotFound("plan version", f"{scope.case_id}/{version}")
        shown = found[0]
    view = plan_view(plans, shown, names_in(store, people, _)) if shown is not None else None
    return render(
        request,
        "plan.html",
        principal=principal,
        case=people.case,
        view=view,
        versions=versions_of(store, plans),
        done=done_message(done),
    )


@router.get("/cases/{case_id}/plan/new", name="web_new_plan")
def new_plan(request: Request, scope: Recorder, store: StoreDep) -> Response:
    lang = scope.principal.user.lang
    shown = plan_form(store, scope.case_id, lang, date.today())
    return _form_page(request, scope, store, shown.form, shown.layout)


def _form_page(
    request: Request, scope: CaseScope, store: GraphStore, form: FormState, rows: PlanLayout
) -> Response:
    return render(
        request,
        "plan_form.html",
        principal=scope.principal,
        case=store.get_case(scope.case_id),
        form=form,
        layout=rows,
        status=422 if form.errors else 200,
    )


@router.post("/cases/{case_id}/plan/new", name="web_agree_plan")
def record_plan(
    request: Request, scope: Recorder, store: StoreDep, trail: TrailDep, form: Form
) -> Response:
    principal = scope.principal
    lang = principal.user.lang
    _ = translations(lang).gettext
    today = date.today()
    values = posted_values(form)
    in_meeting = form.get("from") == "meeting"
    view = chosen_view(str(form.get("view") or ""))
    mode = wall_mode(str(form.get("mode") or ""))
    members = network_of(store, scope.case_id)
    room = (
        who_may_come(case_people(store, scope.case_id, lang, today), today) if in_meeting else None
    )
    draft, errors = checked_plan(
        values,
        case_id=scope.case_id,
        members=members,
        by=principal.login,
        today=today,
        _=_,
        room=room,
    )
    if draft is None:
        shown = plan_form(
            store, scope.case_id, lang, today, posted=values, errors=errors, meeting=in_meeting
        )
        if in_meeting:
            return meeting_response(
                request, scope, store, view=view, mode=mode, panel=shown, status=422
            )
        return _form_page(request, scope, store, shown.form, shown.layout)
    draft = with_carried_scores(draft, store.list_plans(scope.case_id), members)
    if not in_meeting:
        plan = agree_plan(store, draft)
        trail.record(
            audit_event(principal, request, "plan", plan.id, scope.case_id, AuditAction.create)
        )
        return see_other(f"/cases/{scope.case_id}/plan?done=plan_agreed")
    came = attendance(values, draft.agreed_on or today)
    plan, meeting, new = agree_in_meeting(store, draft, came, by=principal.login)
    trail.record(
        audit_event(principal, request, "plan", plan.id, scope.case_id, AuditAction.create)
    )
    action = AuditAction.create if new else AuditAction.update
    trail.record(audit_event(principal, request, "meeting", meeting.id, scope.case_id, action))
    query = urlencode({"view": view.value, "mode": mode.value, "done": "plan_agreed"})
    return see_other(f"/cases/{scope.case_id}/meeting?{query}")


@router.post("/cases/{case_id}/plan/{version}/tasks/{task_id}/status", name="web_task_status")
def task_status(
    request: Request,
    scope: StatusRecorder,
    store: StoreDep,
    trail: TrailDep,
    form: Form,
    version: VersionPath,
    task_id: TaskIdPath,
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    try:
        status = TaskStatus(str(form.get("status") or ""))
    except ValueError:
        raise PageRefused(422, MESSAGES["choice"]) from None
    note = str(form.get("note") or "").strip()
    if len(note) > MAX_LINE:
        raise PageRefused(422, _(TOO_LONG) % {"max": MAX_LINE})
    try:
        plan = set_task_status(
            store,
            scope.case_id,
            version,
            task_id,
            status,
            by=principal.login,
            note=note or None,
        )
    except Conflict:
        raise PageRefused(409, EARLIER) from None
    trail.record(
        audit_event(principal, request, "plan", plan.id, scope.case_id, AuditAction.update)
    )
    return see_other(f"/cases/{scope.case_id}/plan?done=task_status#task-{task_id}")
