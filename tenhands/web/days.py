"""Days typed in a form: a browser's date field sends ``2026-11-14``; where the browser
shows a plain text field instead, people write ``14/11/2026`` or ``14-11-2026``."""

from __future__ import annotations

import re
from datetime import date

from .i18n import N_, Gettext

NO_DAY = N_("This is no date: write it as 2026-11-14 or 14/11/2026.")

_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_day(text: str) -> date:
    """The day ``text`` names; ValueError when it names none.

    >>> parse_day("2026-11-14"), parse_day("14/11/2026"), parse_day("1.2.2027")
    (datetime.date(2026, 11, 14), datetime.date(2026, 11, 14), datetime.date(2027, 2, 1))
    >>> parse_day("31/02/2026")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    text = text.strip()
    found = _DAY_FIRST.fullmatch(text)
    if found:
        day, month, year = (int(g) for g in found.groups())
        return date(year, month, day)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"not a day: {len(text)} characters")
    return date.fromisoformat(text)


def typed_day(text: str, _: Gettext) -> tuple[date | None, str | None]:
    """The day typed (None when left empty), or the error to show at the field."""
    if not text:
        return None, None
    try:
        return parse_day(text), None
    except ValueError:
        return None, _(NO_DAY)
