"""From a cell to a record field: text trimmed, dates and sex words read.

Messages never repeat the cell's value: it may be personal data.

>>> str(parse_date("12/04/1958")), str(parse_date("12.4.1958")), str(parse_date("1958-04"))
('1958-04-12', '1958-04-12', '1958-04')
>>> parse_sex("Vrouw"), parse_sex("H")
(<Sex.female: 'female'>, <Sex.male: 'male'>)
>>> cell_text(9000.0), cell_text("  Gent "), cell_text("   ")
('9000', 'Gent', None)
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from functools import lru_cache

from ...graph.model import PartialDate, Sex
from ..normalize.dates import parse_date as read_date

Cell = str | int | float | bool | date | datetime | time | None
"""A value as a reader gives it: text from CSV, JSON values, typed Excel cells."""

DATE_EXPECTED = "not a date (expected 1958, 1958-04, 1958-04-12 or 12/04/1958)"
SEX_EXPECTED = "not a sex (expected m/v, man/vrouw, homme/femme, male/female or x)"

_ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]00:00(?::00(?:\.0+)?)?$")

_SEX_WORDS: dict[str, Sex] = {}
for _sex, _words in {
    Sex.male: ("m", "man", "male", "mannelijk", "jongen", "h", "homme", "masculin", "garcon"),
    Sex.female: (
        "v",
        "f",
        "vrouw",
        "female",
        "vrouwelijk",
        "meisje",
        "femme",
        "feminin",
        "fille",
        "w",
    ),
    Sex.other: ("x", "o", "other", "ander", "anders", "autre", "divers"),
    Sex.unknown: ("u", "?", "unknown", "onbekend", "inconnu"),
}.items():
    for _word in _words:
        _SEX_WORDS[_word] = _sex


def cell_text(value: Cell) -> str | None:
    """The cell as trimmed text, ``None`` when empty. Whole floats lose their ``.0``
    (Excel keeps postcodes and numbers as floats)."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text or None


def parse_date(value: Cell) -> PartialDate:
    """A birth date from a cell: a year number, an Excel date cell, or text in any form
    :func:`tenhands.finding.normalize.parse_date` reads (ISO partial ``1958``,
    ``1958-04``, ``1958-04-12``, also qualified as ``abt 1958``; Belgian day-first
    ``12/04/1958``, ``12.4.1958``, ``04/1958``; year-first ``1958/04/12``); an ISO
    date with a midnight time (``1958-04-12 00:00:00``) is read as its date.

    Raises :class:`ValueError` (without the value) when it is none of these.

    >>> str(parse_date("1958/04/12")), str(parse_date("1958.4.12"))
    ('1958-04-12', '1958-04-12')
    """
    if isinstance(value, datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, date):
        return PartialDate.from_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1000 <= value <= 9999:
            return PartialDate(int(value))
        raise ValueError(DATE_EXPECTED)
    text = cell_text(value)
    if text is None:
        raise ValueError(DATE_EXPECTED)
    m = _ISO_TIME.match(text)
    try:
        found = read_date(m.group(1) if m else text)
    except ValueError:
        raise ValueError(DATE_EXPECTED) from None
    if found is None:
        raise ValueError(DATE_EXPECTED)
    return found


@lru_cache(maxsize=256)
def _sex_of(text: str) -> Sex | None:
    return _SEX_WORDS.get(text.casefold()) or _SEX_WORDS.get(_fold(text))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip(" .")


def parse_sex(value: Cell) -> Sex:
    """A sex from Dutch, French or English words and letters; :class:`ValueError` if unknown."""
    text = cell_text(value)
    sex = _sex_of(text) if text else None
    if sex is None:
        raise ValueError(SEX_EXPECTED)
    return sex
