"""The meeting form (record and change): when, what kind of meeting, who of the network
took part (ticked), who else took part by function, the plan version agreed, the next
review and a short note.

Nothing is stored while a field is wrong: someone ticked who is not in the case's
network (:func:`tenhands.graph.plans.outsiders`), a plan version the case does not have,
a next review before the meeting.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from ..graph.model import Meeting
from ..graph.plans import outsiders
from .days import typed_day
from .forms import TOO_LONG, field_errors, message, optional
from .i18n import N_, Gettext

MEETING_FIELDS = (
    "held_on",
    "kind",
    "attended",
    "others",
    "plan_version",
    "next_review_on",
    "note",
)
MULTI = ("attended",)
WHERE = {name: name for name in MEETING_FIELDS}
MAX_OTHER = 500

NOT_IN_NETWORK = N_("Someone ticked is not in this case's network.")
NO_VERSION = N_("This case has no plan version %(version)s.")
REVIEW_BEFORE = N_("The next review comes after the meeting, not before it.")


def meeting_values(meeting: Meeting | None) -> dict[str, Any]:
    """The form's values for a stored meeting (a new meeting's defaults when None)."""
    if meeting is None:
        return {"kind": "network_meeting", "attended": []}
    return {
        "held_on": meeting.held_on.isoformat(),
        "kind": meeting.kind.value,
        "attended": list(meeting.attended),
        "others": "\n".join(meeting.others),
        "plan_version": str(meeting.plan_version) if meeting.plan_version else "",
        "next_review_on": meeting.next_review_on.isoformat() if meeting.next_review_on else "",
        "note": meeting.note or "",
    }


def other_lines(text: str) -> list[str]:
    """Who else took part, one per line (empty lines left out).

    >>> other_lines("coördinator\\n\\n tolk \\r\\n")
    ['coördinator', 'tolk']
    """
    return [line.strip() for line in text.splitlines() if line.strip()]


def checked_meeting(
    base: dict[str, Any],
    values: dict[str, Any],
    members: set[str],
    versions: set[int],
    _: Gettext,
) -> tuple[Meeting | None, dict[str, str]]:
    """``base`` (a stored meeting's fields, or a new meeting's) with the form's values,
    as a valid meeting naming only ``members`` and agreeing one of ``versions``, or the
    errors by form field (every field checked at once)."""
    errors: dict[str, str] = {}
    held_on, said = typed_day(values["held_on"], _)
    if said:
        errors["held_on"] = said
    elif held_on is None:
        errors["held_on"] = message(_, "missing")
    review_on, said = typed_day(values["next_review_on"], _)
    if said:
        errors["next_review_on"] = said
    elif held_on and review_on and review_on < held_on:
        errors["next_review_on"] = _(REVIEW_BEFORE)
    version: int | None = None
    if values["plan_version"]:
        try:
            version = int(values["plan_version"])
        except ValueError:
            errors["plan_version"] = message(_, "choice")
        else:
            if version not in versions:
                errors["plan_version"] = _(NO_VERSION) % {"version": version}
    attended = list(dict.fromkeys(values["attended"]))
    probe = Meeting.model_construct(case_id="", held_on=held_on or date.min, attended=attended)
    if outsiders(probe, members):
        errors["attended"] = _(NOT_IN_NETWORK)
    others = other_lines(values["others"])
    if any(len(line) > MAX_OTHER for line in others):
        errors["others"] = _(TOO_LONG) % {"max": MAX_OTHER}
    changes = {
        "held_on": held_on,
        "kind": values["kind"] or "network_meeting",
        "attended": [] if "attended" in errors else attended,
        "others": [] if "others" in errors else others,
        "plan_version": None if "plan_version" in errors else version,
        "next_review_on": None if "next_review_on" in errors else review_on,
        "note": optional(values["note"]),
    }
    try:
        meeting = Meeting.model_validate({**base, **changes})
    except ValidationError as exc:
        return None, {**field_errors(exc, WHERE, _), **errors}
    return (None, errors) if errors else (meeting, {})
