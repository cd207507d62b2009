"""Dates as people in Flanders type them: day first (``14/03/1975``, ``14.3.1975``,
``14-3-1975``), a month and year (``03/1975``), a year (``1975``) or the ISO form
(``1975-03-14``), maybe after ``ca.`` for "about".

Every form that takes a date reads it here, so a date typed one way on one page is
accepted on every other; what cannot be read raises :class:`UnreadableDate`, whose
``reason`` says in a word what went wrong (the pages turn it into a plain sentence).
The stored forms of :class:`~tenhands.graph.model.PartialDate` (``abt 1958``,
``bet 1850 and 1860``…) are read too, so a stored date shown in a form reads back.

>>> str(read_partial_date("14/03/1975")), str(read_partial_date("3.1975"))
('1975-03-14', '1975-03')
>>> str(read_partial_date("ca. 1975")), str(read_partial_date("1975-03-14"))
('abt 1975', '1975-03-14')
>>> read_day("1-2-2027"), read_day("2027-02-01")
(datetime.date(2027, 2, 1), datetime.date(2027, 2, 1))
>>> typed_form(read_partial_date("abt 1975-03"))
'ca. 03/1975'
>>> read_partial_date("31/02/2026")
Traceback (most recent call last):
...
tenhands.graph.typed_dates.UnreadableDate: no_such_day
>>> read_partial_date("na 'abt'")
Traceback (most recent call last):
...
tenhands.graph.typed_dates.UnreadableDate: shape
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from .model.dates import DateQualifier, PartialDate

Reason = Literal["shape", "no_such_day"]


class UnreadableDate(ValueError):
    """A typed date that names no day, month or year: ``reason`` is ``"shape"`` (not
    written as a date) or ``"no_such_day"`` (written as one, but the day does not exist,
    such as 31/02/2026)."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason)
        self.reason: Reason = reason


_SEP = r"[/.\-]"
_DAY_FIRST = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})")
_MONTH_YEAR = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{4}})")
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_ABOUT = re.compile(r"^(?:ca\.?|circa|ong\.?|ongeveer|rond|about|approx\.?|±|\+/-|~)\s*", re.I)


def _parts(text: str) -> tuple[int, int | None, int | None] | None:
    """Year, month and day of a plain typed date (None when it has no date's shape)."""
    if found := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(g) for g in found.groups())
        return year, month, day
    if found := _MONTH_YEAR.fullmatch(text):
        month, year = (int(g) for g in found.groups())
        return year, month, None
    if found := _ISO.fullmatch(text):
        year_s, month_s, day_s = found.groups()
        return int(year_s), int(month_s) if month_s else None, int(day_s) if day_s else None
    return None


def read_partial_date(text: str) -> PartialDate:
    """The date ``text`` names, as precise as it was typed (see the module's
    documentation); :class:`UnreadableDate` when it names none."""
    text = " ".join(text.split())
    about = _ABOUT.match(text)
    plain = text[about.end() :] if about else text
    parts = _parts(plain)
    if parts is None:
        try:  # a stored form: abt 1958, bet 1850 and 1860, 1958~
            return PartialDate.parse(text)
        except ValueError:
            raise UnreadableDate("shape") from None
    year, month, day = parts
    try:
        return PartialDate(year, month, day, qualifier=DateQualifier.about if about else None)
    except ValueError:
        raise UnreadableDate("no_such_day") from None


def read_day(text: str) -> date:
    """The calendar day ``text`` names (a whole date, day first or ISO);
    :class:`UnreadableDate` when it names none or only a month or year."""
    text = text.strip()
    parts = _parts(text)
    if parts is None or parts[2] is None:
        raise UnreadableDate("shape")
    year, month, day = parts
    assert month is not None and day is not None
    try:
        return date(year, month, day)
    except ValueError:
        raise UnreadableDate("no_such_day") from None


def typed_form(value: PartialDate) -> str:
    """How a form shows a stored date: day first (``14/03/1975``, ``03/1975``,
    ``1975``), ``ca.`` before an approximate one; a date before, after or between
    others in its stored form, which :func:`read_partial_date` reads back."""
    if value.qualifier not in (None, DateQualifier.about):
        return str(value)
    shown = "/".join(f"{part:02d}" for part in (value.day, value.month) if part is not None)
    shown = f"{shown}/{value.year:04d}" if shown else f"{value.year:04d}"
    return f"ca. {shown}" if value.qualifier is DateQualifier.about else shown
