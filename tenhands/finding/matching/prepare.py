"""Columns → normalised arrays: the one place matching normalises names, dates and places.

Kept small on purpose, so that it can later call :mod:`tenhands.finding.normalize`.
Every column is folded (accents off, lower case, punctuation to spaces); a few derived
columns are added: ``given`` (first given name), ``surname_key`` and ``given_key`` (a rough
Dutch phonetic key), ``name_key`` (both keys in either order), ``birth_year``,
``birth_date_swapped`` (day and month exchanged).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Column = npt.NDArray[np.object_]

_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d"})
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_BELGIAN = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DUTCH_SOUNDS = (
    ("ae", "a"),
    ("ij", "y"),
    ("ei", "y"),
    ("ckx", "x"),
    ("ck", "k"),
    ("ks", "x"),
    ("dt", "t"),
    ("ch", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("c", "k"),
    ("z", "s"),
    ("v", "f"),
    ("w", "v"),
)


def fold(value: str | None) -> str:
    """Accents off, lower case, punctuation to spaces, single spaces; ``""`` if missing.

    >>> fold("  Ayşe-Nur  D'Hondt ")
    'ayse nur d hondt'
    """
    if not value:
        return ""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().translate(_LETTERS)
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def phonetic_key(value: str) -> str:
    """A rough Dutch-aware sound key of a folded name: spelling variants collapse.

    >>> phonetic_key("vandenbroecke") == phonetic_key("van den broeke")
    True
    >>> phonetic_key("peeters") == phonetic_key("pieters")
    True
    """
    text = value.replace(" ", "")
    for old, new in _DUTCH_SOUNDS:
        text = text.replace(old, new)
    if not text:
        return ""
    head, tail = text[0], text[1:]
    tail = re.sub(r"[aeiouyh]", "", tail)
    return head + re.sub(r"(.)\1+", r"\1", tail)


def iso_date(value: str | None) -> str:
    """A birth date as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``""`` if not a date.

    >>> iso_date("12/04/1958"), iso_date("1958-4"), iso_date("19580412"), iso_date("?")
    ('1958-04-12', '1958-04', '1958-04-12', '')
    """
    text = (value or "").strip()
    if m := _ISO.match(text):
        parts = [m.group(1)] + [f"{int(p):02d}" for p in m.groups()[1:] if p]
        return "-".join(parts)
    if m := _BELGIAN.match(text):
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if m := _COMPACT.match(text):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return ""


def _swapped(date: str) -> str:
    if len(date) != 10:
        return ""
    return f"{date[:4]}-{date[8:10]}-{date[5:7]}"


@dataclass(frozen=True)
class Prepared:
    """A table ready for matching: its ids and one normalised array per column."""

    ids: list[str]
    columns: dict[str, Column]

    def __len__(self) -> int:
        return len(self.ids)

    def column(self, name: str) -> Column:
        """The normalised column, or all-missing if the table lacks it."""
        found = self.columns.get(name)
        if found is None:
            return np.full(len(self.ids), "", dtype=object)
        return found


def prepare(rows: Sequence[Mapping[str, str | None]], *, id_column: str = "id") -> Prepared:
    """Normalise rows (mappings of column → text) into arrays for blocking and scoring."""
    ids = [str(row.get(id_column) or i) for i, row in enumerate(rows)]
    names = sorted({key for row in rows for key in row} - {id_column})
    columns: dict[str, Column] = {}
    for name in names:
        if name == "birth_date":
            values = [iso_date(row.get(name)) for row in rows]
        elif name == "postcode":
            values = [(row.get(name) or "").strip().replace(" ", "") for row in rows]
        else:
            values = [fold(row.get(name)) for row in rows]
        columns[name] = np.array(values, dtype=object)
    n = len(rows)
    given = columns.get("given_names", np.full(n, "", dtype=object))
    columns["given"] = np.array([g.split(" ", 1)[0] for g in given], dtype=object)
    surname = columns.get("surname", np.full(n, "", dtype=object))
    columns["surname_key"] = np.array([phonetic_key(s) for s in surname], dtype=object)
    columns["given_key"] = np.array([phonetic_key(g) for g in columns["given"]], dtype=object)
    columns["name_key"] = np.array(
        [
            " ".join(sorted(pair)) if all(pair) else ""
            for pair in zip(columns["given_key"], columns["surname_key"], strict=True)
        ],
        dtype=object,
    )
    dates = columns.get("birth_date", np.full(n, "", dtype=object))
    columns["birth_year"] = np.array([d[:4] for d in dates], dtype=object)
    columns["birth_date_swapped"] = np.array([_swapped(d) for d in dates], dtype=object)
    return Prepared(ids=ids, columns=columns)
