"""Forms: what was typed, read back into the domain's values, and the domain's refusals
said next to the field they are about, in the reader's language.

The domain models validate (a birth date must be a partial date such as ``1975`` or
``1975-03``); :func:`field_errors` turns their pydantic errors into one message per form
field. Nothing is stored while any field has an error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import ValidationError
from starlette.datastructures import FormData

from ..graph.model import PartialDate
from ..graph.typed_dates import UnreadableDate, read_partial_date
from .i18n import N_, Gettext

MESSAGES = {
    "date": N_(
        "Write the date as day/month/year, for example 14/03/1975; or only month/year "
        "(03/1975) or the year (1975)."
    ),
    "no_such_day": N_("This date does not exist: check the day and the month."),
    "sex": N_("Choose the sex ('not known' is an answer too)."),
    "email": N_("This is no e-mail address (such as naam@example.org)."),
    "choice": N_("Choose one of the options."),
    "missing": N_("Fill this in."),
    "invalid": N_("This value is not accepted."),
    "name": N_("Give at least a given name or a surname."),
    "deceased": N_("A death date or place is given: tick 'deceased' too."),
    "death_before_birth": N_("The death date lies before the birth date."),
    "same_person": N_("A tie needs two different persons."),
    "until_before_since": N_("'Until' lies before 'since'."),
    "partner_status": N_("A partner status is only for partners and ex-partners."),
    "not_in_case": N_("Choose someone of this case."),
}
"""Message ids of the form errors, by what went wrong."""

TOO_LONG = N_("At most %(max)d characters.")

_MODEL_ERRORS: dict[str, tuple[str, str]] = {
    # the domain's sentence: (the form field it is about, the message)
    "a death date or place is given but deceased is false": ("deceased", "deceased"),
    "death date lies before birth date": ("death_date", "death_before_birth"),
    "a tie needs two different persons": ("target_id", "same_person"),
    "until lies before since": ("until", "until_before_since"),
    "partner_status is only for partner and ex-partner ties": (
        "partner_status",
        "partner_status",
    ),
}


def message(_: Gettext, key: str) -> str:
    """The message of :data:`MESSAGES` for ``key``, in the reader's language."""
    return _(MESSAGES[key])


SHORT_TEXT = 500
"""The most a one-line field of a decision (a reason, a note) may hold."""


def short_text(form: FormData, name: str, _: Gettext, *, required: bool) -> tuple[str, str | None]:
    """A one-line field, stripped, and the message beside it when it is missing (and
    ``required``) or longer than :data:`SHORT_TEXT` (None when it is fine)."""
    text = str(form.get(name) or "").strip()
    if len(text) > SHORT_TEXT:
        return text, _(TOO_LONG) % {"max": SHORT_TEXT}
    if required and not text:
        return text, message(_, "missing")
    return text, None


@dataclass
class FormState:
    """A form as shown: its values (text, or a list of ticked values), its errors and
    its warnings (already in the reader's language), by field name. A form with
    warnings and no errors offers to save anyway; ``seen`` are the keys of the warnings
    shown, sent back with that choice."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)

    def value(self, name: str) -> str:
        found = self.values.get(name)
        return found if isinstance(found, str) else ""

    def ticked(self, name: str) -> list[str]:
        found = self.values.get(name)
        if isinstance(found, list):
            return [str(v) for v in found]
        return [found] if isinstance(found, str) and found else []


async def form_data(request: Request) -> FormData:
    """The posted form (read once per request)."""
    return await request.form()


Form = Annotated[FormData, Depends(form_data)]


def values_of(
    form: FormData, names: tuple[str, ...], multi: tuple[str, ...] = ()
) -> dict[str, Any]:
    """What was posted for ``names`` (lists for ``multi``), as typed."""
    out: dict[str, Any] = {}
    for name in names:
        if name in multi:
            out[name] = [str(v) for v in form.getlist(name)]
        else:
            raw = form.get(name)
            out[name] = raw.strip() if isinstance(raw, str) else ""
    return out


def optional(value: Any) -> str | None:
    """A typed value, None when left empty."""
    return value if isinstance(value, str) and value else None


def typed_date(text: str, _: Gettext) -> tuple[PartialDate | None, str | None]:
    """The date typed (day first, month and year, a year, or ISO; None when left
    empty), or the message to show at the field."""
    if not text:
        return None, None
    try:
        return read_partial_date(text), None
    except UnreadableDate as exc:
        return None, message(_, "no_such_day" if exc.reason == "no_such_day" else "date")


def split_list(text: str) -> list[str]:
    """Several values typed in one field, separated by commas, semicolons or new lines.

    >>> split_list("0470 12 34 56; 09 123 45 67,")
    ['0470 12 34 56', '09 123 45 67']
    """
    return [part.strip() for part in re.split(r"[;,\n]", text) if part.strip()]


def field_errors(
    exc: ValidationError,
    where: Mapping[str, str],
    _: Gettext,
    *,
    dates: tuple[str, ...] = (),
) -> dict[str, str]:
    """One message per form field for a domain model's refusal. ``where`` maps a model
    field (the first part of an error's location, or the first two joined with a dot,
    such as ``contact.emails``) to the form field; ``dates`` are the form fields that
    hold partial dates. A refusal of the whole model goes to the field it is about, or
    to ``""`` (the form)."""
    out: dict[str, str] = {}
    for error in exc.errors(include_input=False, include_url=False):
        loc = [str(part) for part in error["loc"]]
        name = where.get(".".join(loc[:2]), where.get(loc[0], "")) if loc else ""
        said = _message(error, name, _, dates)
        if not loc:
            sentence = str((error.get("ctx") or {}).get("error", ""))
            name, key = _MODEL_ERRORS.get(sentence, ("", "invalid"))
            said = message(_, key)
        out.setdefault(name, said)
    return out


def _message(error: Any, name: str, _: Gettext, dates: tuple[str, ...]) -> str:
    kind = error["type"]
    if kind == "string_too_long":
        return _(TOO_LONG) % {"max": int(error.get("ctx", {}).get("max_length", 0))}
    if kind in ("enum", "literal_error"):
        return message(_, "choice")
    if kind == "missing":
        return message(_, "missing")
    if name in dates:
        return message(_, "date")
    if name == "emails":
        return message(_, "email")
    return message(_, "invalid")
