"""GEDCOM dates to :class:`PartialDate` and back.

A date is read in three steps: what ged4py parsed from the file, else the text
tidied first (``ABT.`` and ``BET. 1794 - 1796`` as Family Tree Maker writes them,
month names in English, Dutch and French, ``ca.``, ``voor``, ``vers``, ISO and
day/month/year dates, GEDCOM 7 calendars and ``BCE``), then parsed by ged4py.
Julian and French Republican days become Gregorian days.

What comes out is one of: a :class:`PartialDate`; text kept as written, with
the reason (a phrase such as ``deceased``, a date before the year 1, a French
Republican month without a day, a Hebrew date) — a warning; or a date that cannot be right
(``31 FEB 1900``, an unknown month, a range that ends before it starts) — an
error, also kept as text when the caller imports what is valid.

>>> str(read_date("ABT. 1886").date), str(read_date("BET. 1794 - 1796").date)
('abt 1886', 'bet 1794 and 1796')
>>> str(read_date("12 mei 1958").date), str(read_date("vers 1850").date)
('1958-05-12', 'abt 1850')
>>> read_date("deceased").text, read_date("26 JUN 34 B.C.").text
('deceased', '26 JUN 34 B.C.')
>>> read_date("31 FEB 1900").error
'day 31 does not exist in 1900-02'
>>> to_gedcom(PartialDate.parse("bet 1850 and 1860-05")), to_gedcom(PartialDate.parse("1958-04-12"))
('BET 1850 AND MAY 1860', '12 APR 1958')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ged4py.calendar import CalendarDate, CalendarType, GregorianDate, JulianDate
from ged4py.date import (
    DateValue,
    DateValueAbout,
    DateValueAfter,
    DateValueBefore,
    DateValueCalculated,
    DateValueEstimated,
    DateValueFrom,
    DateValueInterpreted,
    DateValuePeriod,
    DateValuePhrase,
    DateValueRange,
    DateValueSimple,
    DateValueTo,
)

from ...graph.model import DateQualifier, PartialDate

MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

_MONTH_WORDS = {
    **{m: m for m in MONTHS},
    # English
    "JANUARY": "JAN",
    "FEBRUARY": "FEB",
    "MARCH": "MAR",
    "APRIL": "APR",
    "JUNE": "JUN",
    "JULY": "JUL",
    "AUGUST": "AUG",
    "SEPT": "SEP",
    "SEPTEMBER": "SEP",
    "OCTOBER": "OCT",
    "NOVEMBER": "NOV",
    "DECEMBER": "DEC",
    # Dutch
    "JANUARI": "JAN",
    "FEBRUARI": "FEB",
    "MAART": "MAR",
    "MRT": "MAR",
    "MEI": "MAY",
    "JUNI": "JUN",
    "JULI": "JUL",
    "AUGUSTUS": "AUG",
    "OKT": "OCT",
    "OKTOBER": "OCT",
    # French
    "JANVIER": "JAN",
    "JANV": "JAN",
    "FÉVRIER": "FEB",
    "FEVRIER": "FEB",
    "FÉVR": "FEB",
    "FEVR": "FEB",
    "FÉV": "FEB",
    "FEV": "FEB",
    "MARS": "MAR",
    "AVRIL": "APR",
    "AVR": "APR",
    "MAI": "MAY",
    "JUIN": "JUN",
    "JUILLET": "JUL",
    "JUIL": "JUL",
    "AOÛT": "AUG",
    "AOUT": "AUG",
    "SEPTEMBRE": "SEP",
    "OCTOBRE": "OCT",
    "NOVEMBRE": "NOV",
    "DÉCEMBRE": "DEC",
    "DECEMBRE": "DEC",
    "DÉC": "DEC",
}

_WORDS = {
    **{
        w: "ABT"
        for w in (
            "ABT",
            "ABOUT",
            "CIRCA",
            "CA",
            "C",
            "CIR",
            "APPROX",
            "ONG",
            "ONGEVEER",
            "ROND",
            "OMSTREEKS",
            "VERS",
            "ENV",
            "ENVIRON",
        )
    },
    **{w: "EST" for w in ("EST", "ESTIMATED", "GESCHAT")},
    **{w: "CAL" for w in ("CAL", "CALCULATED", "BEREKEND")},
    **{w: "BEF" for w in ("BEF", "BEFORE", "VOOR", "AVANT")},
    **{w: "AFT" for w in ("AFT", "AFTER", "NA", "APRÈS", "APRES")},
    **{w: "BET" for w in ("BET", "BETWEEN", "BTW", "TUSSEN", "ENTRE")},
    **{w: "AND" for w in ("AND", "EN", "ET", "-")},
    **{w: "FROM" for w in ("FROM", "VAN", "DEPUIS")},
    **{w: "TO" for w in ("TO", "TOT", "À")},
    "INT": "INT",
}

_CALENDARS_7 = {"JULIAN": "@#DJULIAN@", "HEBREW": "@#DHEBREW@", "FRENCH_R": "@#DFRENCH R@"}
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_YEAR_RANGE = re.compile(r"^(\d{3,4})\s*-\s*(\d{3,4})$")
_TOKEN = re.compile(r"@#D[^@]*@|\(.*\)|[^\s,]+")

_APPROX: dict[type[DateValue], DateQualifier] = {
    DateValueAbout: DateQualifier.about,
    DateValueCalculated: DateQualifier.calculated,
    DateValueEstimated: DateQualifier.estimated,
    DateValueBefore: DateQualifier.before,
    DateValueTo: DateQualifier.before,
    DateValueAfter: DateQualifier.after,
    DateValueFrom: DateQualifier.after,
}


@dataclass(frozen=True, slots=True)
class ReadDate:
    """A date as read: a :class:`PartialDate`, or text with the reason it stays text."""

    date: PartialDate | None = None
    text: str | None = None
    doubt: str | None = None
    """Why a readable-looking text was kept as text (a warning)."""
    error: str | None = None
    """Why the date cannot be right (an error; :attr:`text` keeps it)."""


class _KeepText(Exception):
    """The date is meaningful but no PartialDate can hold it."""


class _Wrong(Exception):
    """The date cannot be right."""


def read_date(text: str, parsed: DateValue | None = None) -> ReadDate:
    """Read a GEDCOM date; ``parsed`` is ged4py's reading of it, if any (then ``text`` may
    be empty: it is written from ``parsed`` only when the date is kept as text)."""
    text = " ".join(text.split())
    if parsed is None:
        if not text:
            return ReadDate()
        try:
            parsed = DateValue.parse(text)
        except ValueError:
            return ReadDate(text=text, error="it names a calendar that cannot be read")
    if isinstance(parsed, DateValuePhrase):
        text = " ".join((parsed.phrase or text).split())  # "(in de winter)" → its words
        if not text:
            return ReadDate()
        first = ReadDate(text=text, doubt="it is a phrase, not a date")
    else:
        first = _convert(parsed, text)
        if first.date is not None:
            return first
        text = first.text or ""
    tidied = tidy(text)
    if tidied is None:
        return first
    if _ISO.match(tidied):
        try:
            return ReadDate(PartialDate.parse(tidied))
        except ValueError as exc:
            return ReadDate(text=text, error=str(exc))
    if tidied == text:
        return first
    try:
        reparsed = DateValue.parse(tidied)
    except ValueError:
        return ReadDate(text=text, error="it names a calendar that cannot be read")
    if isinstance(reparsed, DateValuePhrase):
        return first
    return _convert(reparsed, text)


def _convert(value: DateValue, text: str) -> ReadDate:
    try:
        return ReadDate(_partial(value))
    except _KeepText as exc:
        return ReadDate(text=text or date_text(value), doubt=str(exc))
    except _Wrong as exc:
        return ReadDate(text=text or date_text(value), error=str(exc))


def tidy(text: str) -> str | None:
    """The text in GEDCOM's own date words, or None for a phrase in parentheses.

    >>> tidy("Bet. 1794 - 1796"), tidy("tussen 3 maart 1901 en 1902"), tidy("12.04.1958")
    ('BET 1794 AND 1796', 'BET 3 MAR 1901 AND 1902', '12 APR 1958')
    >>> tidy("JULIAN 1 JAN 1700"), tidy("34 BCE"), tidy("ca. 1850"), tidy("(in de oorlog)")
    ('@#DJULIAN@ 1 JAN 1700', '34 B.C.', 'ABT 1850', None)
    """
    t = " ".join(text.split())
    if t.startswith("(") and t.endswith(")"):
        return None
    if _ISO.match(t):
        return t
    upper = t.upper()
    if m := _NUMERIC.match(upper):
        day, month, year = (int(g) for g in m.groups())
        if 1 <= month <= 12:
            return f"{day} {MONTHS[month - 1]} {year}"
        return upper
    if m := _YEAR_RANGE.match(upper):
        return f"BET {m.group(1)} AND {m.group(2)}"
    upper = re.sub(r"\b(B\.\s?C\.?|BC|BCE|V\.\s?CHR\.?)$", "B.C.", upper)
    tokens = []
    for token in _TOKEN.findall(upper):
        if token.startswith(("@#", "(")) or token == "B.C.":
            tokens.append(token)
            continue
        word = token.rstrip(".")
        if word in _CALENDARS_7:
            tokens.append(_CALENDARS_7[word])
        elif word == "GREGORIAN":
            continue
        elif word in _WORDS:
            tokens.append(_WORDS[word])
        elif word in _MONTH_WORDS:
            tokens.append(_MONTH_WORDS[word])
        else:
            tokens.append(word if word else token)
    if tokens and tokens[0] not in ("BET", "FROM") and "AND" in tokens:
        tokens.insert(0, "BET")  # "1794 - 1796" with days or months
    if tokens and tokens[0] == "FROM" and "AND" in tokens:
        tokens[tokens.index("AND")] = "TO"  # "van 1900 - 1910"
    return " ".join(tokens)


def _partial(value: DateValue) -> PartialDate:
    kind = type(value)
    if kind is DateValueSimple or kind is DateValueInterpreted:
        return _plain(value.date)  # type: ignore[attr-defined]
    if kind is DateValueRange or kind is DateValuePeriod:
        start, end = _plain(value.date1), _plain(value.date2)  # type: ignore[attr-defined]
        if end.latest() < start.earliest():
            raise _Wrong("the range ends before it starts")
        return PartialDate(
            start.year, start.month, start.day, qualifier=DateQualifier.between, end=end
        )
    qualifier = _APPROX.get(kind)
    if qualifier is None:
        raise _KeepText("it is a phrase, not a date")
    plain = _plain(value.date)  # type: ignore[attr-defined]
    return PartialDate(plain.year, plain.month, plain.day, qualifier=qualifier)


def _plain(cal: CalendarDate) -> PartialDate:
    if cal.bc:
        raise _KeepText("it lies before the year 1")
    if cal.month is not None and cal.month_num is None:
        raise _Wrong(f"{cal.month} is not a month")
    if isinstance(cal, GregorianDate):
        year = cal.dual_year if cal.dual_year is not None else cal.year
        return _checked(year, cal.month_num, cal.day)
    if cal.calendar is CalendarType.HEBREW:
        raise _KeepText("Hebrew dates are kept as written")
    if cal.day is not None and cal.month_num is not None:
        return PartialDate.from_date(_to_gregorian(cal))
    if isinstance(cal, JulianDate):  # a year or month: within days of the Gregorian one
        return _checked(cal.year, cal.month_num, None)
    raise _KeepText("a French Republican date without a day has no single Gregorian year")


def _checked(year: int, month: int | None, day: int | None) -> PartialDate:
    try:
        return PartialDate(year, month, day)
    except ValueError as exc:
        raise _Wrong(str(exc)) from None


def _to_gregorian(cal: CalendarDate) -> date:
    try:
        julian_day = cal.key()[0]
        return date.fromordinal(round(julian_day - 1721424.5))
    except (ValueError, OverflowError, IndexError):
        raise _Wrong(f"there is no day {cal}") from None


def to_gedcom(value: PartialDate) -> str:
    """A :class:`PartialDate` as a GEDCOM 5.5.1 date."""
    if value.end is not None:
        return f"BET {_plain_gedcom(value)} AND {_plain_gedcom(value.end)}"
    if value.qualifier is not None:
        return f"{value.qualifier.value.upper()} {_plain_gedcom(value)}"
    return _plain_gedcom(value)


def _plain_gedcom(value: PartialDate) -> str:
    parts = []
    if value.day is not None:
        parts.append(str(value.day))
    if value.month is not None:
        parts.append(MONTHS[value.month - 1])
    parts.append(str(value.year))
    return " ".join(parts)


def text_to_gedcom(text: str) -> str:
    """A date kept as text, written so it reads back the same: as it is when GEDCOM can
    parse it (``26 JUN 34 B.C.``), else as a phrase in parentheses.

    >>> text_to_gedcom("26 JUN 34 B.C."), text_to_gedcom("deceased")
    ('26 JUN 34 B.C.', '(deceased)')
    """
    text = " ".join(text.split())
    try:
        parsed = DateValue.parse(text)
    except ValueError:
        parsed = DateValuePhrase(text)
    return f"({text})" if isinstance(parsed, DateValuePhrase) else text


_KEYWORD: dict[type[DateValue], str] = {
    DateValueAbout: "ABT",
    DateValueCalculated: "CAL",
    DateValueEstimated: "EST",
    DateValueBefore: "BEF",
    DateValueAfter: "AFT",
    DateValueFrom: "FROM",
    DateValueTo: "TO",
}


def date_text(value: DateValue) -> str:
    """A parsed date written back as GEDCOM (a phrase as its words).

    >>> date_text(DateValue.parse("ABT 1 MAR 1850")), date_text(DateValue.parse("(de oorlog)"))
    ('ABT 1 MAR 1850', 'de oorlog')
    >>> date_text(DateValue.parse("BET @#DJULIAN@ 1700 AND 1710"))
    'BET @#DJULIAN@ 1700 AND 1710'
    """
    if isinstance(value, DateValuePhrase):
        return value.phrase or ""
    if isinstance(value, DateValueRange):
        return f"BET {_cal(value.date1)} AND {_cal(value.date2)}"
    if isinstance(value, DateValuePeriod):
        return f"FROM {_cal(value.date1)} TO {_cal(value.date2)}"
    if isinstance(value, DateValueInterpreted):
        return f"INT {_cal(value.date)} ({value.phrase})"
    if isinstance(value, DateValueSimple):
        return _cal(value.date)
    keyword = _KEYWORD.get(type(value))
    date = getattr(value, "date", None)
    if keyword is None or not isinstance(date, CalendarDate):  # pragma: no cover
        return str(value)
    return f"{keyword} {_cal(date)}"


def _cal(date: CalendarDate) -> str:
    return str(date)  # with its calendar escape, e.g. "@#DJULIAN@ 1 JAN 1700"
