"""Adding and editing a tie between two persons of a case. For roles that may change a
case, on their own cases; both persons must be in the case."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from ..api.auth.deps import CaseScope, TrailDep, audit_event
from ..api.auth.permissions import Permission
from ..api.deps import StoreDep, TieIdPath
from ..api.errors import ID_PATTERN
from ..graph.errors import NotFound
from ..graph.model import AuditAction, Person, Provenance, SourceRef, Tie
from ..graph.plausibility import check_tie_change
from ..graph.store import GraphStore
from .access import case_page
from .done import DoneQuery, done_message
from .forms import Form, FormState, values_of
from .i18n import Gettext, translations
from .person_checks import Checked, sort_findings
from .routing import PageRoute
from .security import see_other
from .templating import render
from .tie_form import TIE_FIELDS, checked_tie, tie_values

router = APIRouter(route_class=PageRoute, include_in_schema=False)

Writer = Annotated[CaseScope, case_page(Permission.write_case, entity="tie")]


def members(store: GraphStore, case_id: str) -> list[Person]:
    """The case's children and network members, by name."""
    case = store.get_case(case_id)
    ids = [*case.child_ids, *(r.person_id for r in store.list_roles(case_id))]
    persons = store.get_persons(dict.fromkeys(ids))
    return sorted(persons, key=lambda p: (p.display_name.casefold(), p.id))


def _checked(tie: Tie, people: list[Person], _: Gettext, before: Tie | None = None) -> Checked:
    """The parent-age warnings of the tie (those the stored tie ``before`` had left out)."""
    findings = check_tie_change(tie, {p.id: p for p in people}, before)
    return sort_findings(findings, {"tie": "kind"}, _, Checked())


def _form_page(
    request: Request,
    scope: CaseScope,
    store: GraphStore,
    state: FormState,
    people: list[Person],
    **context: Any,
) -> Response:
    return render(
        request,
        "tie_form.html",
        principal=scope.principal,
        case=store.get_case(scope.case_id),
        people=people,
        form=state,
        status=422 if state.errors or state.warnings else 200,
        **context,
    )


@router.get("/cases/{case_id}/ties/new", name="web_new_tie")
def new_tie(
    request: Request,
    scope: Writer,
    store: StoreDep,
    from_: Annotated[str | None, Query(alias="from", pattern=ID_PATTERN)] = None,
    done: DoneQuery = None,
) -> Response:
    people = members(store, scope.case_id)
    start = from_ if from_ in {p.id for p in people} else ""
    state = FormState({"source_id": start})
    return _form_page(request, scope, store, state, people, tie=None, done=done_message(done))


@router.post("/cases/{case_id}/ties/new", name="web_add_tie")
def add_tie(
    request: Request, scope: Writer, store: StoreDep, trail: TrailDep, form: Form
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    people = members(store, scope.case_id)
    values = values_of(form, TIE_FIELDS)
    made = Provenance(created_by=principal.login, source=SourceRef())
    tie, errors = checked_tie({"provenance": made}, values, {p.id for p in people}, _)
    if tie is None:
        state = FormState(values, errors)
        return _form_page(request, scope, store, state, people, tie=None, done=None)
    checked = _checked(tie, people, _)
    if checked.holds(form):
        state = FormState(values, {}, checked.warnings, checked.keys)
        return _form_page(request, scope, store, state, people, tie=None, done=None)
    store.create_tie(tie)
    trail.record(audit_event(principal, request, "tie", tie.id, scope.case_id, AuditAction.create))
    return see_other(f"/cases/{scope.case_id}?done=tie_added#ties")


@router.get("/cases/{case_id}/ties/{tie_id}/edit", name="web_edit_tie")
def edit_tie(request: Request, scope: Writer, store: StoreDep, tie_id: TieIdPath) -> Response:
    people = members(store, scope.case_id)
    tie = _case_tie(store, tie_id, {p.id for p in people})
    state = FormState(tie_values(tie))
    return _form_page(request, scope, store, state, people, tie=tie, done=None)


@router.post("/cases/{case_id}/ties/{tie_id}/edit", name="web_save_tie")
def save_tie(
    request: Request,
    scope: Writer,
    store: StoreDep,
    trail: TrailDep,
    form: Form,
    tie_id: TieIdPath,
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    people = members(store, scope.case_id)
    ids = {p.id for p in people}
    stored = _case_tie(store, tie_id, ids)
    values = values_of(form, TIE_FIELDS)
    base = {**stored.model_dump(), "provenance": stored.provenance.touched(principal.login)}
    tie, errors = checked_tie(base, values, ids, _)
    if tie is None:
        state = FormState(values, errors)
        return _form_page(request, scope, store, state, people, tie=stored, done=None)
    checked = _checked(tie, people, _, stored)
    if checked.holds(form):
        state = FormState(values, {}, checked.warnings, checked.keys)
        return _form_page(request, scope, store, state, people, tie=stored, done=None)
    store.update_tie(tie)
    trail.record(audit_event(principal, request, "tie", tie.id, scope.case_id, AuditAction.update))
    return see_other(f"/cases/{scope.case_id}?done=tie_saved#ties")


def _case_tie(store: GraphStore, tie_id: str, ids: set[str]) -> Tie:
    """The tie, when both its persons are in the case (NotFound otherwise)."""
    tie = store.get_tie(tie_id)
    if tie.source_id not in ids or tie.target_id not in ids:
        raise NotFound("tie", tie_id)
    return tie
