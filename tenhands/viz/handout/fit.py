"""Whether a closure handout fits on one A4 page, estimated from what it holds.

The page's text never shrinks below 10 pt to make a large network fit: a handout that
does not fit runs over more pages and says so at its top. This estimate decides that
for the page a browser prints; :func:`tenhands.viz.handout.pdf.handout_pdf` measures
the printed layout itself. The estimate counts printed lines (at 10 pt, about
:data:`CHARS` characters to a full-width line) against :data:`BUDGET`; it errs
towards "does not fit" (tests hold it against Chromium's printed page count).
"""

from __future__ import annotations

from math import ceil

from .model import Handout, HandoutPerson, HandoutTask

BUDGET = 60.0
"""Printed lines of the body's 10 pt text one A4 page holds (62 at the ``@page``
margins, less a little for what the estimate cannot see); a heading, a box's border or
a table's rule counts as its share of a line."""

CHARS = 100
"""Characters on a full-width line of 10 pt text (a column gets its share)."""


def _lines(text: str, share: float = 1.0) -> int:
    """Lines a text takes in a column of ``share`` of the page's width."""
    return max(1, ceil(len(text) / max(1.0, CHARS * share)))


def _person_lines(people: tuple[HandoutPerson, ...]) -> float:
    """The network list: one entry a person, name, relation, agreement and contact
    flowing on."""
    lines = 0.0
    for p in people:
        text = " ".join(
            [p.name, p.relation or "", p.agreed_role or "", *p.phones, *p.emails, *p.addresses]
        )
        lines += _lines(text + " " * 12) + 0.25
    return lines


def _task_lines(tasks: tuple[HandoutTask, ...]) -> float:
    """A table of tasks: the header, and a row a task (what, and who, in their
    columns)."""
    rows = sum(max(_lines(t.what, 0.55), _lines(", ".join(t.who), 0.2)) + 0.3 for t in tasks)
    return 1.5 + rows


def estimated_lines(handout: Handout) -> float:
    """Printed lines the handout takes on A4 (see the module docstring)."""
    said = tuple(p for p in handout.people if p.agreed_role or p.reachable or p.tasks)
    also = [p for p in handout.people if p not in said]
    lines = 3.0  # title, intro
    calls = sum(_lines(" ".join([p.name, *p.phones, *p.emails]), 0.42) for p in handout.who_to_call)
    lines += 4.5 + max(calls + 1, 6)  # the call box beside the helplines box
    lines += 2.0 + _person_lines(said)
    if also:
        lines += _lines(", ".join(f"{p.name} ({p.relation or ''})" for p in also) + "Ook: ")
    if handout.tasks:
        lines += 2.0 + _task_lines(handout.tasks)
    if handout.help or handout.professionals:
        lines += 2.0
        if handout.help:
            lines += _task_lines(handout.help)
        lines += _person_lines(handout.professionals)
    lines += 3.0 + 2.5  # when we meet again; the footer
    return lines


def fits_one_page(handout: Handout) -> bool:
    """Whether the handout is expected to fit on one A4 page."""
    return estimated_lines(handout) <= BUDGET
