"""Logging a contact with a network member: when, how, whether they were reached, a
short note. The log's rule (the newest contacts kept, the role's last contact moving
forward, nothing lost to a contact logged at the same moment) is
:func:`tenhands.graph.contacts.log_contact`, as for the API's ``…/contacts``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.responses import Response

from ..api.auth.deps import CaseScope, TrailDep, audit_event
from ..api.auth.permissions import Permission
from ..api.deps import PersonIdPath, StoreDep
from ..graph.contacts import log_contact as append_contact
from ..graph.model import ContactEntry, utcnow
from ..graph.store import GraphStore
from .access import case_page
from .forms import Form, FormState, field_errors, optional, values_of
from .i18n import N_, Gettext, translations
from .routing import PageRoute
from .security import see_other
from .templating import ZONE, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

Writer = Annotated[CaseScope, case_page(Permission.write_case, entity="role")]

FIELDS = ("at", "way", "reached", "note")
NO_TIME = N_("This is no date and time.")
FUTURE = N_("A contact cannot lie in the future.")


def contact_time(text: str, _: Gettext, now: datetime) -> tuple[datetime | None, str | None]:
    """The time typed (a browser's ``YYYY-MM-DDTHH:MM``, Belgian time), now when empty, or
    an error."""
    if not text:
        return now, None
    try:
        typed = datetime.fromisoformat(text)
    except ValueError:
        return None, _(NO_TIME)
    at = typed if typed.tzinfo else typed.replace(tzinfo=ZONE or UTC)
    if at > now + timedelta(minutes=5):
        return None, _(FUTURE)
    return at.astimezone(UTC), None


def _page(
    request: Request, scope: CaseScope, store: GraphStore, person_id: str, state: FormState
) -> Response:
    return render(
        request,
        "contact_form.html",
        principal=scope.principal,
        case=store.get_case(scope.case_id),
        person=store.get_person(person_id),
        form=state,
        status=422 if state.errors else 200,
    )


@router.get("/cases/{case_id}/persons/{person_id}/contacts", name="web_contact_form")
def contact_form(
    request: Request, scope: Writer, store: StoreDep, person_id: PersonIdPath
) -> Response:
    store.get_role(scope.case_id, person_id)
    return _page(request, scope, store, person_id, FormState({"way": "phone", "reached": "yes"}))


@router.post("/cases/{case_id}/persons/{person_id}/contacts", name="web_log_contact")
def log_contact(
    request: Request,
    scope: Writer,
    store: StoreDep,
    trail: TrailDep,
    form: Form,
    person_id: PersonIdPath,
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    store.get_role(scope.case_id, person_id)
    values = values_of(form, FIELDS)
    errors: dict[str, str] = {}
    at, problem = contact_time(values["at"], _, utcnow())
    if problem:
        errors["at"] = problem
    entry: dict[str, Any] = {
        "at": at or utcnow(),
        "by": principal.login,
        "way": values["way"] or "phone",
        "reached": bool(values["reached"]),
        "note": optional(values["note"]),
    }
    try:
        contact = ContactEntry.model_validate(entry)
    except ValidationError as exc:
        errors = {**field_errors(exc, {f: f for f in FIELDS}, _), **errors}
    if errors:
        return _page(request, scope, store, person_id, FormState(values, errors))
    append_contact(store, scope.case_id, person_id, contact, principal.login)
    trail.record(
        audit_event(principal, request, "role", person_id, scope.case_id),
    )
    return see_other(f"/cases/{scope.case_id}?done=contact_logged#contacts-{person_id}")
