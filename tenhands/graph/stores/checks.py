"""Checks every store makes the same way before it writes or reads a page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from ..errors import InvalidInput
from ..model import Candidate, ChangeSet, ReviewStatus
from ..store import HOLD_KINDS

R = TypeVar("R")

MAX_PAGE = 2**31 - 1
"""Larger limits and offsets are cut to this (no store holds more)."""


def refuse_duplicates(keys: Iterable[str], what: str) -> None:
    """:class:`InvalidInput` if a key comes twice in one batch.

    >>> refuse_duplicates(["a", "b", "a"], "person")
    Traceback (most recent call last):
    tenhands.graph.errors.InvalidInput: person 'a' appears twice in one batch
    """
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise InvalidInput(f"{what} {key!r} appears twice in one batch")
        seen.add(key)


def held(kind: str, table: Mapping[str, R], *, in_unit: bool) -> R:
    """What a store needs to hold a thing of ``kind`` (its entry in ``table``);
    :class:`InvalidInput` outside a unit of work or for a kind that cannot be held.

    >>> held("plan", {"plan": "Plan"}, in_unit=True)
    'Plan'
    >>> held("tie", {"plan": "Plan"}, in_unit=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    tenhands.graph.errors.InvalidInput: a tie cannot be held, only a candidate, role, ...
    """
    if not in_unit:
        raise InvalidInput("a thing is held only inside a unit of work (atomic)")
    if kind not in table:
        kinds = ", ".join(HOLD_KINDS[:-1])
        raise InvalidInput(f"a {kind} cannot be held, only a {kinds} or {HOLD_KINDS[-1]}")
    return table[kind]


def role_ids(key: str) -> tuple[str, str]:
    """The case and person ids of a role's key ``"CASE_ID/PERSON_ID"`` (ids hold no
    ``/``); ``("", "")`` for a key that is none.

    >>> role_ids("c-1/p-2")
    ('c-1', 'p-2')
    """
    case_id, slash, person_id = key.partition("/")
    return (case_id, person_id) if slash and "/" not in person_id else ("", "")


def chunks(rows: Sequence[R], size: int) -> list[Sequence[R]]:
    """``rows`` cut into slices of at most ``size``.

    >>> chunks([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]
    """
    if size < 1:
        raise InvalidInput("batch_size must be at least 1")
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def page(limit: int, offset: int = 0) -> tuple[int, int]:
    """A checked ``(limit, offset)``: never negative, at most :data:`MAX_PAGE`."""
    if limit < 0 or offset < 0:
        raise InvalidInput("limit and offset must not be negative")
    return min(limit, MAX_PAGE), min(offset, MAX_PAGE)


def check_decision(candidate: Candidate, change_set: ChangeSet | None) -> None:
    """:class:`InvalidInput` unless ``change_set`` belongs to ``candidate``'s decision."""
    if change_set is None:
        return
    if change_set.subject_id != candidate.id:
        raise InvalidInput(
            f"change set {change_set.id!r} belongs to {change_set.subject_id!r}, "
            f"not to candidate {candidate.id!r}"
        )
    if candidate.status is ReviewStatus.pending:
        raise InvalidInput("a candidate back to pending keeps no change set")
    if change_set.case_id != candidate.case_id:
        raise InvalidInput("a change set belongs to the case of its candidate")
