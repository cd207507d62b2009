"""Logging a contact with a network member: when, how, whether they were reached, a
short note. The page reads the form (a browser's date and time, in Belgian time) and
says refusals in the reader's language; the rule (who and when, no contact in the
future, the newest contacts kept, the role's last contact moving forward, nothing lost
to a contact logged at the same moment) is :func:`tenhands.graph.contacts.record_contact`,
as for the API's ``…/contacts``. The access check audits the request."""

from __future__ import annotations

import re
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
from ..graph.typed_dates import UnreadableDate, read_day
from .access import case_page
from .forms import Form, FormState, field_errors, optional, values_of
from .i18n import N_, translations
from .routing import PageRoute
from .security import see_other
from .templating import ZONE, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

Writer = Annotated[CaseScope, case_page(Permission.write_case, entity="role")]

FIELDS = ("at", "way", "reached", "note")
NO_TIME = N_(
    "Write the day and time as day/month/year hours:minutes, for example 14/03/2026 10:30."
)
FUTURE = N_("A contact cannot lie in the future.")


_TIME = re.compile(r"(\d{1,2})[:.hu](\d{2})", re.IGNORECASE)


def typed_time(text: str) -> datetime:
    """A moment as typed: a browser's ``YYYY-MM-DDTHH:MM``, or a day as every form reads
    it (``14/03/2026``) maybe followed by a time (``10:30``, ``10u30``); ValueError when
    it names none.

    >>> typed_time("14/03/2026 10u30"), typed_time("2026-03-14T10:30")
    (datetime.datetime(2026, 3, 14, 10, 30), datetime.datetime(2026, 3, 14, 10, 30))
    >>> typed_time("14.3.2026")
    datetime.datetime(2026, 3, 14, 0, 0)
    """
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    day_text, _sep, time_text = text.strip().partition(" ")
    try:
        day = read_day(day_text)
    except UnreadableDate as exc:
        raise ValueError(exc.reason) from None
    if not time_text.strip():
        return datetime(day.year, day.month, day.day)
    found = _TIME.fullmatch(time_text.strip())
    if found is None:
        raise ValueError("no time")
    return datetime(day.year, day.month, day.day, int(found[1]), int(found[2]))


def contact_time(text: str) -> datetime | None:
    """The time typed (see :func:`typed_time`, Belgian time), None when empty;
    ValueError for no date and time."""
    if not text:
        return None
    typed = typed_time(text)
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
