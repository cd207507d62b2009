"""Finding persons by a name typed by a worker: tolerant of typos, accents, word order
and particles ("fatima el amrani", "Fatma Elamrani", "El Amrani, Fatima")."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from ..graph.model import Person
from .normalize.text import fold

THRESHOLD = 80.0
"""The least score (0–100) a name needs to be found."""


def name_forms(person: Person) -> list[str]:
    """The person's names as compared: given names with each surname, and each alias,
    folded (lower case, no accents)."""
    given = " ".join(person.given_names)
    surnames = [s for s in (person.surname, person.birth_surname) if s]
    out = [fold(f"{given} {s}") for s in surnames] or [fold(given)]
    out += [fold(alias) for alias in person.aliases]
    return [n for n in out if n]


def name_score(query: str, person: Person) -> float:
    """How well ``query`` names ``person`` (0–100), the best of their name forms.

    >>> p = Person(id="p", given_names=["Fatima"], surname="El Amrani")
    >>> name_score("fatma elamrani", p) >= THRESHOLD, name_score("Jan Peeters", p) < 50
    (True, True)
    """
    wanted = fold(query)
    if not wanted:
        return 0.0
    return max(
        (
            max(fuzz.token_sort_ratio(wanted, name), fuzz.WRatio(wanted, name))
            for name in name_forms(person)
        ),
        default=0.0,
    )


def search_names(query: str, persons: Iterable[Person], *, limit: int) -> list[Person]:
    """The persons ``query`` names best, best first (ties by id), at most ``limit``."""
    scored = [(name_score(query, p), p) for p in persons]
    found = [(s, p) for s, p in scored if s >= THRESHOLD]
    found.sort(key=lambda sp: (-sp[0], sp[1].id))
    return [p for _, p in found[:limit]]
