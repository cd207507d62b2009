"""422 for a plan or meeting naming someone outside the case's network (or a plan
version the case does not have), located at the field like any invalid body."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from ..graph.model import Meeting, Plan
from ..graph.plans import Location, outsiders
from .errors import domain_invalid

FieldProblem = tuple[Location, str, str, object]
"""Where, an error type, its message, and the value refused."""


def invalid_at(title: str, problems: Sequence[FieldProblem]) -> None:
    """Raise the 422 listing ``problems`` (nothing if there are none)."""
    if not problems:
        return
    details: list[InitErrorDetails] = [
        {"type": PydanticCustomError(kind, message), "loc": loc, "input": value}
        for loc, kind, message, value in problems
    ]
    raise domain_invalid(ValidationError.from_exception_data(title, details))


def refuse_outsiders(item: Plan | Meeting, members: set[str]) -> None:
    """422 for every place ``item`` names someone not in ``members``."""
    invalid_at(
        type(item).__name__,
        [
            (loc, "not_in_network", f"{pid} is not in the case's network", pid)
            for loc, pid in outsiders(item, members)
        ],
    )
