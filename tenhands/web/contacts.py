"""Logging a contact with a network member: when, how, whether they were reached, a
short note. The page reads the form (a browser's date and time, in Belgian time) and
says refusals in the reader's language; the rule (who and when, no contact in the
future, the newest contacts kept, the role's last contact moving forward, nothing lost
to a contact logged at the same moment) is :func:`tenhands.graph.contacts.record_contact`,
as for the API's ``…/contacts``. The access check audits the request."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.responses import Response

from ..api.auth.deps import CaseScope
from ..api.auth.permissions import Permission
from ..api.deps import PersonIdPath, StoreDep
from ..graph.contacts import ContactInFuture, record_contact
from ..graph.store import GraphStore
from .access import case_page
from .forms import Form, FormState, field_errors, optional, values_of
from .i18n import N_, translations
from .routing import PageRoute
from .security import see_other
from .templating import ZONE, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

Writer = Annotated[CaseScope, case_page(Permission.write_case, entity="role")]

FIELDS = ("at", "way", "reached", "note")
NO_TIME = N_("This is no date and time.")
FUTURE = N_("A contact cannot lie in the future.")


def contact_time(text: str) -> datetime | None:
    """The time typed (a browser's ``YYYY-MM-DDTHH:MM``, Belgian time), None when empty;
    ValueError for no date and time."""
    if not text:
        return None
    typed = datetime.fromisoformat(text)
    at = typed if typed.tzinfo else typed.replace(tzinfo=ZONE or UTC)
    return at.astimezone(UTC)


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
    form: Form,
    person_id: PersonIdPath,
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    store.get_role(scope.case_id, person_id)
    values = values_of(form, FIELDS)
    try:
        at = contact_time(values["at"])
    except ValueError:
        return _page(request, scope, store, person_id, FormState(values, {"at": _(NO_TIME)}))
    try:
        record_contact(
            store,
            scope.case_id,
            person_id,
            principal.login,
            at=at,
            way=values["way"] or "phone",
            reached=bool(values["reached"]),
            note=optional(values["note"]),
        )
    except ValidationError as exc:
        errors = field_errors(exc, {f: f for f in FIELDS}, _)
        return _page(request, scope, store, person_id, FormState(values, errors))
    except ContactInFuture:
        return _page(request, scope, store, person_id, FormState(values, {"at": _(FUTURE)}))
    return see_other(f"/cases/{scope.case_id}?done=contact_logged#contacts-{person_id}")
