"""The family's short feedback form: who answers (as a kind of participant, never by
name), five statements each answered 1 (not at all) to 5 (completely) or left out, and
a comment in their own words."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..graph.model import Feedback, Question, Respondent
from .forms import TOO_LONG, field_errors, message, optional
from .i18n import N_, Gettext

SCALE = (1, 2, 3, 4, 5)
MAX_COMMENT = 500


def answer_field(question: Question) -> str:
    """The form field of a statement.

    >>> answer_field(Question.own_plan)
    'answer_own_plan'
    """
    return f"answer_{question.value}"


ANSWER_FIELDS = tuple(answer_field(q) for q in Question)
FEEDBACK_FIELDS = ("respondent", *ANSWER_FIELDS, "comment")
WHERE = {"respondent": "respondent", "comment": "comment", "answers": "answers"}

WHO = N_("Choose who you are.")
NO_ANSWER = N_("Answer at least one statement.")


def checked_feedback(
    base: dict[str, Any], values: dict[str, Any], _: Gettext
) -> tuple[Feedback | None, dict[str, str]]:
    """``base`` (the case, the meeting, the day) with the form's answers, as valid
    feedback, or the errors by form field (``answers`` for the statements together)."""
    errors: dict[str, str] = {}
    if values["respondent"] not in {r.value for r in Respondent}:
        errors["respondent"] = _(WHO) if not values["respondent"] else message(_, "choice")
    answers: dict[str, int] = {}
    for question, name in zip(Question, ANSWER_FIELDS, strict=True):
        typed = values[name]
        if not typed:
            continue
        if typed not in {str(n) for n in SCALE}:
            errors[name] = message(_, "choice")
        else:
            answers[question.value] = int(typed)
    if not answers and not any(name in errors for name in ANSWER_FIELDS):
        errors["answers"] = _(NO_ANSWER)
    if len(values["comment"]) > MAX_COMMENT:
        errors["comment"] = _(TOO_LONG) % {"max": MAX_COMMENT}
    if errors:
        return None, errors
    data = {
        **base,
        "respondent": values["respondent"],
        "answers": answers,
        "comment": optional(values["comment"]),
    }
    try:
        return Feedback.model_validate(data), {}
    except ValidationError as exc:
        return None, field_errors(exc, WHERE, _)
