"""The tie form (add and edit): who is what of whom, on what basis, how close, how it
goes, since and until when.

A tie reads *FROM is KIND of TO*: a parent tie runs from the parent to the child.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..graph.model import Tie
from ..graph.typed_dates import typed_form
from .forms import field_errors, message, optional, typed_date
from .i18n import Gettext

TIE_FIELDS = (
    "source_id",
    "kind",
    "target_id",
    "basis",
    "partner_status",
    "closeness",
    "quality",
    "since",
    "until",
    "tie_confidential",
    "note",
)
DATES = ("since", "until")
WHERE = {
    **{name: name for name in TIE_FIELDS},
    "confidential": "tie_confidential",
}


def tie_values(tie: Tie) -> dict[str, Any]:
    """The form's values for a stored tie."""
    return {
        "source_id": tie.source_id,
        "kind": tie.kind.value,
        "target_id": tie.target_id,
        "basis": tie.basis.value if tie.basis else "",
        "partner_status": tie.partner_status.value if tie.partner_status else "",
        "closeness": tie.closeness.value if tie.closeness else "",
        "quality": tie.quality.value if tie.quality else "",
        "since": typed_form(tie.since) if tie.since else "",
        "until": typed_form(tie.until) if tie.until else "",
        "tie_confidential": "yes" if tie.confidential else "",
        "note": tie.note or "",
    }


def tie_changes(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "source_id": values["source_id"],
        "kind": values["kind"],
        "target_id": values["target_id"],
        "basis": optional(values["basis"]),
        "partner_status": optional(values["partner_status"]),
        "closeness": optional(values["closeness"]),
        "quality": optional(values["quality"]),
        "since": optional(values["since"]),
        "until": optional(values["until"]),
        "confidential": bool(values["tie_confidential"]),
        "note": optional(values["note"]),
    }


def checked_tie(
    base: dict[str, Any], values: dict[str, Any], members: set[str], _: Gettext
) -> tuple[Tie | None, dict[str, str]]:
    """``base`` (a stored tie's fields, or a new tie's) with the form's values, as a
    valid tie between two of ``members``, or the errors by form field. An empty basis
    takes the kind's default."""
    errors: dict[str, str] = {}
    dates: dict[str, object] = {}
    for name in DATES:
        dates[name], said = typed_date(values[name], _)
        if said:
            errors[name] = said
    for end in ("source_id", "target_id"):
        if values[end] not in members:
            errors[end] = message(_, "not_in_case")
    if not values["kind"]:
        errors["kind"] = message(_, "choice")
    if errors:
        # the rest of the form is checked too, so every error shows at once
        probe = {
            **tie_changes(values),
            **dates,
            "source_id": "a",
            "target_id": "b",
            "kind": values["kind"] or "other",
        }
        try:
            Tie.model_validate({**base, **probe})
        except ValidationError as exc:
            found = field_errors(exc, WHERE, _, dates=DATES)
            found.pop("target_id", None)
            errors = {**found, **errors}
        return None, errors
    try:
        return Tie.model_validate({**base, **tie_changes(values), **dates}), {}
    except ValidationError as exc:
        return None, field_errors(exc, WHERE, _, dates=DATES)
