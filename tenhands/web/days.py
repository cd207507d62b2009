"""Days typed in a form: a browser's date field sends ``2026-11-14``; where the browser
shows a plain text field instead, people write ``14/11/2026``, ``14.11.2026`` or
``14-11-2026`` (read by :func:`tenhands.graph.typed_dates.read_day`, as every form
reads dates)."""

from __future__ import annotations

from datetime import date

from ..graph.typed_dates import UnreadableDate, read_day
from .i18n import N_, Gettext

NO_DAY = N_("Write the date as day/month/year, for example 14/11/2026.")
NO_SUCH_DAY = N_("This date does not exist: check the day and the month.")


def parse_day(text: str) -> date:
    """The day ``text`` names; ValueError when it names none.

    >>> parse_day("2026-11-14"), parse_day("14/11/2026"), parse_day("1.2.2027")
    (datetime.date(2026, 11, 14), datetime.date(2026, 11, 14), datetime.date(2027, 2, 1))
    >>> parse_day("31/02/2026")
    Traceback (most recent call last):
    ...
    tenhands.graph.typed_dates.UnreadableDate: no_such_day
    """
    return read_day(text)


def typed_day(text: str, _: Gettext) -> tuple[date | None, str | None]:
    """The day typed (None when left empty), or the error to show at the field."""
    if not text:
        return None, None
    try:
        return parse_day(text), None
    except UnreadableDate as exc:
        said = NO_SUCH_DAY if exc.reason == "no_such_day" else NO_DAY
        return None, _(said)
