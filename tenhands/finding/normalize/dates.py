"""Birth dates as records write them, and how well two of them agree.

:func:`parse_date` reads ISO partial dates (``1958``, ``1958-04``,
``1958-04-12``, and the qualified forms of
:class:`~tenhands.graph.model.dates.PartialDate`), the Belgian forms
``12/04/1958``, ``12.4.1958``, ``12-04-1958`` and ``4/1958`` (day first), and the
year-first forms ``1958/04/12``, ``1958.04.12`` and ``19580412``: a four-digit year
in front is unambiguous, so what follows is month then day. It is the one birth-date
reader of the package: record import and matching both call it.

:func:`compare_dates` gives a :class:`DateLevel`, ordered from the strongest
agreement to disagreement, with ``missing`` (no evidence either way) last.

>>> str(parse_date("12.4.1958"))
'1958-04-12'
>>> compare_dates(parse_date("1958"), parse_date("12/04/1958")).name
'same_year'
"""

from __future__ import annotations

import re
from enum import IntEnum
from functools import lru_cache

from tenhands.graph.model.dates import DateQualifier, PartialDate

_BELGIAN = re.compile(r"^(?:(\d{1,2})[/.\-])?(\d{1,2})[/.\-](\d{4})$")
_ISO_LOOSE = re.compile(r"^(\d{4})[/.\-](\d{1,2})(?:[/.\-](\d{1,2}))?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


class DateLevel(IntEnum):
    """How two dates agree, strongest first (the lower the value, the stronger)."""

    exact = 0
    """The same full date."""
    swapped = 1
    """Full dates of the same year with day and month swapped (12/04 and 04/12)."""
    same_month = 2
    """The same year and month; the day is unknown on one side or both."""
    same_year = 3
    """The same year; or one is approximate ('abt 1958') and they may be the same day."""
    near_year = 4
    """Years one apart (or an approximate date within a year)."""
    other = 5
    """Known on both sides and different."""
    missing = 6
    """Unknown on at least one side: no evidence."""


@lru_cache(maxsize=1 << 16)
def parse_date(text: str | None) -> PartialDate | None:
    """Read a birth date as records write it; ``None`` for an empty value.

    Parameters
    ----------
    text : str or None
        ``1958``, ``1958-04``, ``1958-04-12``, ``1958-4-2``, ``12/04/1958``,
        ``12.4.1958``, ``12-04-1958``, ``4/1958``, ``1958/04/12``, ``1958.04.12``,
        ``19580412``, or a qualified form such as ``abt 1958``.

    Returns
    -------
    PartialDate or None

    Raises
    ------
    ValueError
        If the text is not a date, or names a day that does not exist.

    Examples
    --------
    >>> str(parse_date("4/1958"))
    '1958-04'
    >>> str(parse_date(" 12-04-1958 "))
    '1958-04-12'
    >>> str(parse_date("1958-4-2"))
    '1958-04-02'
    >>> str(parse_date("1958/04/12")), str(parse_date("1958.04.12")), str(parse_date("19580412"))
    ('1958-04-12', '1958-04-12', '1958-04-12')
    >>> parse_date("") is None
    True
    >>> parse_date("31/02/1958")
    Traceback (most recent call last):
    ...
    ValueError: day 31 does not exist in 1958-02
    """
    if text is None or not text.strip():
        return None
    value = text.strip()
    m = _BELGIAN.match(value)
    if m is not None:
        day, month, year = m.groups()
        return PartialDate(int(year), int(month), int(day) if day else None)
    m = _ISO_LOOSE.match(value)
    if m is not None:
        year, month, day = m.groups()
        return PartialDate(int(year), int(month), int(day) if day else None)
    m = _COMPACT.match(value)
    if m is not None:
        year, month, day = m.groups()
        return PartialDate(int(year), int(month), int(day))
    return PartialDate.parse(value)


def compare_dates(a: PartialDate | None, b: PartialDate | None) -> DateLevel:
    """The level at which two (partial) dates agree.

    Agreement counts only as far as both dates are known: ``1958`` against
    ``1958-04-12`` is ``same_year``, not ``exact``. A qualified date (``abt``,
    ``bet``, ``bef``, ``aft``) reaches at most ``same_year``.

    Examples
    --------
    >>> p = parse_date
    >>> compare_dates(p("12/04/1958"), p("1958-04-12")).name
    'exact'
    >>> compare_dates(p("12/04/1958"), p("04/12/1958")).name
    'swapped'
    >>> compare_dates(p("1958-04"), p("1958-04-12")).name
    'same_month'
    >>> compare_dates(p("1958-05-12"), p("1958-04-12")).name
    'same_year'
    >>> compare_dates(p("1959"), p("1958-04-12")).name
    'near_year'
    >>> compare_dates(p("1961"), p("1958")).name
    'other'
    >>> compare_dates(None, p("1958")).name
    'missing'
    >>> compare_dates(p("abt 1957"), p("1958-04-12")).name
    'near_year'
    >>> compare_dates(p("bef 1958"), p("1930")).name
    'near_year'
    >>> DateLevel.exact < DateLevel.same_year < DateLevel.missing
    True
    """
    if a is None or b is None:
        return DateLevel.missing
    if a.qualifier is not None or b.qualifier is not None:
        return _compare_qualified(a, b)
    if a.year != b.year:
        return DateLevel.near_year if abs(a.year - b.year) == 1 else DateLevel.other
    if a.month is None or b.month is None:
        return DateLevel.same_year
    if a.day is not None and b.day is not None:
        if a.month == b.month and a.day == b.day:
            return DateLevel.exact
        if a.month == b.day and a.day == b.month:
            return DateLevel.swapped
        return DateLevel.same_year
    return DateLevel.same_month if a.month == b.month else DateLevel.same_year


def _compare_qualified(a: PartialDate, b: PartialDate) -> DateLevel:
    open_ended = (DateQualifier.before, DateQualifier.after)
    if a.qualifier in open_ended and b.qualifier in open_ended:
        return DateLevel.near_year
    for x, y in ((a, b), (b, a)):
        if x.qualifier is DateQualifier.before:
            return DateLevel.near_year if y.earliest() <= x.latest() else DateLevel.other
        if x.qualifier is DateQualifier.after:
            return DateLevel.near_year if y.latest() >= x.earliest() else DateLevel.other
    if a.may_be(b):
        return DateLevel.same_year
    gap = min(abs(a.earliest().year - b.latest().year), abs(a.latest().year - b.earliest().year))
    return DateLevel.near_year if gap <= 1 else DateLevel.other
