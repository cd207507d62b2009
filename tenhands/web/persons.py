"""Adding a person to a case (the person and their role in the case's network) and
editing a person of the case. For roles that may change a case, on their own cases.
Editing shows what the person does or checks in the case's current plan."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from ..api.auth.deps import CaseScope, TrailDep, audit_event
from ..api.auth.permissions import Permission
from ..api.deps import PersonIdPath, StoreDep
from ..graph.model import AuditAction, NetworkRole, Provenance, SourceRef
from ..graph.placing import PlacementError, add_to_case
from ..graph.store import GraphStore
from .access import case_page
from .forms import Form, FormState, values_of
from .i18n import translations
from .people import case_people
from .person_checks import Checked, check_person_form
from .person_form import (
    MULTI,
    PERSON_FIELDS,
    PERSON_WHERE,
    ROLE_FIELDS,
    checked_person,
    checked_role,
    person_values,
    role_values,
)
from .plan_view import person_tasks
from .relation_form import RELATION_FIELDS, error_at, read_placement, via_choices
from .routing import PageRoute
from .security import see_other
from .templating import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

Writer = Annotated[CaseScope, case_page(Permission.write_case)]


def _form_page(
    request: Request, scope: CaseScope, store: GraphStore, state: FormState, **context: Any
) -> Response:
    case = store.get_case(scope.case_id)
    person = context.get("person")
    placing: dict[str, Any] = {}
    if person is None:
        people = case_people(store, case.id, scope.principal.user.lang, date.today())
        members = {r.id: r.name for r in people.rows}
        relations = {r.id: r.relation or "" for r in people.rows}
        vias = via_choices(store, case.child_ids, members, relations)
        placing = {
            "children": people.children,
            "child_choices": [(r.id, r.name) for r in people.children],
            "via_options": [
                (v.id, f"{v.name} ({v.relation})" if v.relation else v.name) for v in vias
            ],
        }
    return render(
        request,
        "person_form.html",
        principal=scope.principal,
        case=case,
        form=state,
        status=422 if state.errors or state.warnings else 200,
        tasks=person_tasks(store, case.id, person.id) if person is not None else None,
        members={*case.child_ids, *(r.person_id for r in store.list_roles(case.id))}
        if context.get("alike")
        else set(),
        **placing,
        **context,
    )


@router.get("/cases/{case_id}/persons/new", name="web_new_person")
def new_person(request: Request, scope: Writer, store: StoreDep) -> Response:
    return _form_page(
        request, scope, store, FormState(role_values(None)), person=None, child=False, alike=[]
    )


def _held(values: dict[str, Any], errors: dict[str, str], checked: Checked) -> FormState:
    """The form again, with the errors, and the warnings when no error is left."""
    errors = {**checked.errors, **errors}
    if errors:
        return FormState(values, errors)
    return FormState(values, {}, checked.warnings, checked.keys)


@router.post("/cases/{case_id}/persons/new", name="web_add_person")
def add_person(request: Request, scope: Writer, store: StoreDep, form: Form) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    values = values_of(form, PERSON_FIELDS + ROLE_FIELDS + RELATION_FIELDS, MULTI)
    made = Provenance(created_by=principal.login, source=SourceRef())
    person, errors = checked_person({"provenance": made}, values, _)
    role_base = {
        "case_id": scope.case_id,
        "person_id": person.id if person else "p-new",
        "provenance": made,
    }
    role, role_errors = checked_role(role_base, values, _)
    errors.update(role_errors)
    case = store.get_case(scope.case_id)
    placement, placing_errors = read_placement(values, case.child_ids, made, _)
    errors.update(placing_errors)
    checked = Checked()
    if person is not None:
        checked = check_person_form(store, principal, person, PERSON_WHERE, _)
    if person is not None and role is not None and not errors and not checked.holds(form):
        try:
            add_to_case(store, person, role, placement, actor=principal.login)
        except PlacementError as exc:
            errors.update(error_at(exc, _))
    if person is None or role is None or errors or checked.holds(form):
        state = _held(values, errors, checked)
        alike = checked.lookalikes if not state.errors else []
        return _form_page(request, scope, store, state, person=None, child=False, alike=alike)
    if placement is not None:
        return see_other(f"/cases/{scope.case_id}?done=person_placed#person-{person.id}")
    return see_other(f"/cases/{scope.case_id}/ties/new?from={person.id}&done=person_added")


def _membership(store: GraphStore, case_id: str, person_id: str) -> tuple[bool, NetworkRole | None]:
    """Whether the person is a child of the case, and their role; NotFound when they are
    not in the case."""
    case = store.get_case(case_id)
    if person_id in case.child_ids:
        return True, None
    return False, store.get_role(case_id, person_id)


@router.get("/cases/{case_id}/persons/{person_id}/edit", name="web_edit_person")
def edit_person(
    request: Request, scope: Writer, store: StoreDep, person_id: PersonIdPath
) -> Response:
    child, role = _membership(store, scope.case_id, person_id)
    person = store.get_person(person_id)
    values = {**person_values(person), **role_values(role)}
    return _form_page(
        request, scope, store, FormState(values), person=person, child=child, alike=[]
    )


@router.post("/cases/{case_id}/persons/{person_id}/edit", name="web_save_person")
def save_person(
    request: Request,
    scope: Writer,
    store: StoreDep,
    trail: TrailDep,
    form: Form,
    person_id: PersonIdPath,
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    child, stored_role = _membership(store, scope.case_id, person_id)
    stored = store.get_person(person_id)
    names = PERSON_FIELDS if child else PERSON_FIELDS + ROLE_FIELDS
    values = values_of(form, names, MULTI)
    base = {**stored.model_dump(), "provenance": stored.provenance.touched(principal.login)}
    person, errors = checked_person(base, values, _)
    role: NetworkRole | None = None
    if stored_role is not None:
        role_base = {
            **stored_role.model_dump(),
            "provenance": stored_role.provenance.touched(principal.login),
        }
        role, role_errors = checked_role(role_base, values, _)
        errors.update(role_errors)
    checked = Checked()
    if person is not None:
        checked = check_person_form(store, principal, person, PERSON_WHERE, _, before=stored)
    if (
        person is None
        or errors
        or (stored_role is not None and role is None)
        or checked.holds(form)
    ):
        state = _held({**role_values(stored_role), **values}, errors, checked)
        return _form_page(request, scope, store, state, person=stored, child=child, alike=[])
    store.update_person(person)
    if role is not None:
        try:
            store.set_role(role)
        except Exception:
            store.update_person(stored)  # all or nothing
            raise
    trail.record(
        audit_event(principal, request, "role", person_id, scope.case_id, AuditAction.update)
    )
    return see_other(f"/cases/{scope.case_id}?done=person_saved#person-{person_id}")
