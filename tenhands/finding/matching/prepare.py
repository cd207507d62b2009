"""Columns → normalised arrays: matching's one call into :mod:`tenhands.finding.normalize`.

Every text column is folded (:func:`~tenhands.finding.normalize.fold`: anyascii
transliteration, lower case, punctuation to spaces). Birth dates are read by
:func:`~tenhands.finding.normalize.parse_date` (the package's one date reader) and
kept as ISO text (``1958``, ``1958-04``, ``1958-04-12``, ``abt 1958``); a value that
is not a date counts as missing. Derived columns:

==========================  ==========================================================
``given``                   the first given name
``given_key``               Dutch phonetic key of the first given name
``given_canon``             canonical key of the first given name (Jef → jozef)
``given_name_keys``         canonical keys of all given names, space-separated
``given_first_keys``        canonical keys of the first given name, space-separated
``surname_full``            surname, all words joined (``vandenbossche``)
``surname_core``            surname without leading particles (``bossche``)
``surname_key``             Dutch phonetic key of the surname without joined particles
``surname_metaphone``       Double Metaphone code of the surname (other languages)
``birth_surname_*``         the same three for the birth (maiden) surname
``name_key``                given and surname keys in either order
``mother_key``              a parent's name as one key: canonical first given name and
``father_key``              surname key (``Mieke Van den Bossche`` → ``maria bosge``)
``birth_year``              the year of the birth date
``birth_date_swapped``      a full birth date with day and month exchanged
``birth_place_keys``        municipality keys (REFNIS) of the birth place
``city_keys``               municipality keys of postcode and city together
``generation``              ``senior`` or ``junior`` when a name says so (``Jan sr.``);
                            the words are taken off the given names and surname
==========================  ==========================================================

Normalising runs once per distinct value (the normalize functions are cached too),
so a million rows with the usual repetition of names and places prepare in seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from .. import normalize as nz
from ..normalize.surnames import PARTICLES

Column = npt.NDArray[np.object_]
Numbers = npt.NDArray[np.int64]

#: Particles taken off the front of a joined surname for its loose key, longest first:
#: ``Vandenbossche``, ``Van den Bossche`` and ``Vanden Bossche`` all give ``bossche``.
_JOINED_PARTICLES = (
    "vanden", "vander", "vande", "van", "den", "der", "de", "ter", "ten",
    "el", "al", "ben", "abou", "abu", "le", "la", "du",
)  # fmt: skip
_MIN_CORE = 4

SENIOR = frozenset({"sr", "sen", "senior", "pere", "snr"})
JUNIOR = frozenset({"jr", "jun", "junior", "zoon", "fils", "jnr"})
"""Words that name a generation after a name (``Jan Peeters sr.``, ``Jean Dubois fils``)."""


def fold(value: str | None) -> str:
    """Accents off (anyascii), lower case, punctuation to spaces; ``""`` if missing.

    >>> fold("  Ayşe-Nur  D'Hondt ")
    'ayse nur d hondt'
    """
    return nz.fold(value) if value else ""


def iso_date(value: str | None) -> str:
    """A birth date as ISO text (see :func:`tenhands.finding.normalize.parse_date`);
    ``""`` when missing or not a date.

    >>> iso_date("12/04/1958"), iso_date("1958/04/12"), iso_date("19580412"), iso_date("?")
    ('1958-04-12', '1958-04-12', '1958-04-12', '')
    """
    try:
        found = nz.parse_date(value)
    except ValueError:
        return ""
    return "" if found is None else str(found)


def generation(name: str) -> tuple[str, str]:
    """A name without its generation words, and ``senior``, ``junior`` or ``""``. A
    word counts after the first (``Pere`` alone is a given name).

    >>> generation("Peeters jr."), generation("Jan Sr"), generation("Pere")
    (('Peeters', 'junior'), ('Jan', 'senior'), ('Pere', ''))
    """
    words = name.split()
    kept: list[str] = []
    found = ""
    for i, word in enumerate(words):
        key = nz.fold(word).replace(" ", "")
        if i and key in SENIOR:
            found = found or "senior"
        elif i and key in JUNIOR:
            found = found or "junior"
        else:
            kept.append(word)
    return " ".join(kept), found


def loose_surname(name: str) -> str:
    """The surname's full joined form with leading particles taken off while a core of
    four letters or more remains: one key for every way of writing the particles.

    >>> loose_surname("Van den Bossche"), loose_surname("Vandenbossche"), loose_surname("De Vos")
    ('bossche', 'bossche', 'devos')
    """
    key = nz.surname_forms(name).full
    stripped = True
    while stripped:
        stripped = False
        for particle in _JOINED_PARTICLES:
            if key.startswith(particle) and len(key) - len(particle) >= _MIN_CORE:
                key = key[len(particle) :]
                stripped = True
                break
    return key


def surname_key(name: str) -> str:
    """Dutch phonetic key of :func:`loose_surname`, for blocking."""
    return nz.dutch_key(loose_surname(name))


def given_canon(name: str) -> str:
    """One canonical key of the first given name (the first in sort order when the name
    belongs to several groups), for blocking.

    >>> given_canon("Jef"), given_canon("Jozef Maria"), given_canon("")
    ('jozef', 'jozef', '')
    """
    first = nz.fold(name).split(" ", 1)[0] if name else ""
    keys = nz.given_name_keys(first) if first else frozenset()
    return min(keys) if keys else ""


def person_key(name: str) -> str:
    """A parent's full name (given names then surname) as one blocking key: the
    canonical first given name and the surname key of the last word(s) after it.

    >>> person_key("Mieke Van den Bossche") == person_key("Maria Vandenbossche")
    True
    >>> person_key("Maria")
    ''
    """
    words = nz.fold(name).split() if name else []
    if len(words) < 2:
        return ""
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    surname = surname_key(" ".join(words[start:]))
    given = given_canon(words[0])
    return f"{given} {surname}" if given and surname else ""


def _keys_text(keys: Iterable[str]) -> str:
    return " ".join(sorted(keys))


def _map(function: Callable[[str], str], values: Sequence[str]) -> Column:
    """``function`` over a column, computed once per distinct value."""
    table = {value: function(value) for value in set(values)}
    return np.array([table[value] for value in values], dtype=object)


def date_parts(dates: Sequence[str]) -> tuple[Numbers, Numbers, Numbers, npt.NDArray[np.bool_]]:
    """Year, month and day (0 when unknown) of ISO dates, and whether a date is plain
    (no ``abt``/``bef``/``aft``/``bet``)."""
    table: dict[str, tuple[int, int, int, bool]] = {}
    for text in set(dates):
        parts = text.split("-")
        if text and all(p.isdigit() for p in parts):
            numbers = [int(p) for p in parts] + [0, 0]
            table[text] = (numbers[0], numbers[1], numbers[2], True)
        else:
            table[text] = (0, 0, 0, not text)
    rows = [table[text] for text in dates]
    year = np.array([r[0] for r in rows], dtype=np.int64)
    month = np.array([r[1] for r in rows], dtype=np.int64)
    day = np.array([r[2] for r in rows], dtype=np.int64)
    plain = np.array([r[3] for r in rows], dtype=np.bool_)
    return year, month, day, plain


@dataclass(frozen=True)
class Prepared:
    """A table ready for matching: its ids and one normalised array per column."""

    ids: list[str]
    columns: dict[str, Column]
    numbers: dict[str, Numbers] = field(default_factory=dict)
    """Numeric columns: ``birth_y``, ``birth_m``, ``birth_d`` (0 when unknown) and
    ``birth_plain`` (1 unless the date is qualified)."""

    def __len__(self) -> int:
        return len(self.ids)

    def column(self, name: str) -> Column:
        """The normalised column, or all-missing if the table lacks it."""
        found = self.columns.get(name)
        if found is None:
            return np.full(len(self.ids), "", dtype=object)
        return found


def _text(rows: Sequence[Mapping[str, str | None]], name: str) -> list[str]:
    return [(row.get(name) or "").strip() for row in rows]


def prepare(rows: Sequence[Mapping[str, str | None]], *, id_column: str = "id") -> Prepared:
    """Normalise rows (mappings of column → text) into arrays for blocking and scoring.

    >>> table = prepare([{"id": "a", "given_names": "Jef", "surname": "Van Damme",
    ...                   "birth_date": "1958/04/12", "mother_name": "Mieke Peeters"}])
    >>> [table.column(c)[0] for c in ("given_canon", "surname_core", "birth_date")]
    ['jozef', 'damme', '1958-04-12']
    >>> table.column("mother_key")[0]
    'maria peters'
    """
    ids = [str(row.get(id_column) or i) for i, row in enumerate(rows)]
    names = sorted({key for row in rows for key in row} - {id_column})
    raw = {name: _text(rows, name) for name in names}
    n = len(rows)
    marks = [""] * n
    for name in ("given_names", "surname"):
        if name in raw:
            split = [generation(v) for v in raw[name]]
            raw[name] = [text for text, _ in split]
            marks = [m or found for m, (_, found) in zip(marks, split, strict=True)]
    columns: dict[str, Column] = {}
    for name, values in raw.items():
        if name == "birth_date":
            columns[name] = _map(iso_date, values)
        elif name == "postcode":
            columns[name] = _map(lambda v: v.replace(" ", ""), values)
        else:
            columns[name] = _map(fold, values)
    empty = [""] * n
    columns["generation"] = np.array(marks, dtype=object)
    given_raw = raw.get("given_names", empty)
    folded_given = columns["given_names"].tolist() if "given_names" in columns else empty
    columns["given"] = _map(lambda v: v.split(" ", 1)[0], folded_given)
    columns["given_key"] = _map(nz.dutch_key, columns["given"].tolist())
    columns["given_canon"] = _map(given_canon, columns["given"].tolist())
    columns["given_name_keys"] = _map(lambda v: _keys_text(nz.given_name_keys(v)), given_raw)
    columns["given_first_keys"] = _map(
        lambda v: _keys_text(nz.given_name_keys(v)), columns["given"].tolist()
    )
    for name in ("surname", "birth_surname"):
        values = raw.get(name, empty)
        columns[f"{name}_full"] = _map(lambda v: nz.surname_forms(v).full, values)
        columns[f"{name}_core"] = _map(lambda v: nz.surname_forms(v).core, values)
        columns[f"{name}_key"] = _map(surname_key, values)
        columns[f"{name}_metaphone"] = _map(nz.general_key, values)
    columns["name_key"] = np.array(
        [
            " ".join(sorted(pair)) if all(pair) else ""
            for pair in zip(columns["given_key"], columns["surname_key"], strict=True)
        ],
        dtype=object,
    )
    for parent in ("mother", "father"):
        columns[f"{parent}_key"] = _map(person_key, raw.get(f"{parent}_name", empty))
    dates = columns.get("birth_date", np.array(empty, dtype=object)).tolist()
    year, month, day, plain = date_parts(dates)
    columns["birth_year"] = _map(lambda d: d[:4] if d[:4].isdigit() else "", dates)
    columns["birth_date_swapped"] = _map(_swapped, dates)
    columns["birth_place_keys"] = _map(
        lambda v: _keys_text(nz.place_key(v)), raw.get("birth_place", empty)
    )
    place = [
        f"{code} {city}"
        for code, city in zip(raw.get("postcode", empty), raw.get("city", empty), strict=True)
    ]
    columns["city_keys"] = _map(lambda v: _keys_text(nz.place_key(v)), place)
    numbers = {
        "birth_y": year,
        "birth_m": month,
        "birth_d": day,
        "birth_plain": plain.astype(np.int64),
    }
    return Prepared(ids=ids, columns=columns, numbers=numbers)


def _swapped(date: str) -> str:
    if len(date) != 10 or not date[:4].isdigit():
        return ""
    return f"{date[:4]}-{date[8:10]}-{date[5:7]}"
