"""Persons already known who resemble a person about to be added: the warning "is this
the same person?" before a second "Katrien Vermeulen" is made.

A person resembles another when their whole names match (the name search's forms,
:func:`~tenhands.finding.name_search.name_forms`, compared with rapidfuzz's token sort
ratio: typos, accents and word order tolerated, but "Jan" alone does not resemble
every "Jan Peeters"), and the birth dates, where both are known, do not set them apart: the
matcher's guard keeps a generation apart (birth years
:data:`~tenhands.finding.matching.guards.GENERATION_GAP` or more apart) and twins
(the same day, another given name or sex) apart.

The callers pass only persons the user may see (their cases' members), so a warning
never tells of a person in a case the user may not see.

>>> known = [Person(id="p-1", given_names=["Katrien"], surname="Vermeulen", birth_date="1975"),
...          Person(id="p-2", given_names=["Katrien"], surname="Vermeulen", birth_date="2010")]
>>> new = Person(given_names=["Katrien"], surname="Vermeulen", birth_date="1975-03-14")
>>> [p.id for p in lookalikes(new, known)]
['p-1']
>>> [p.id for p in lookalikes(Person(given_names=["Catrien"], surname="Vermeule"), known)]
['p-1', 'p-2']
>>> lookalikes(Person(given_names=["Katrien"]), known)
[]
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz

from ..graph.model import Person, Sex
from .matching.guards import NONE, person_apart
from .name_search import name_forms
from .normalize.text import fold

SHOWN = 5
"""The most lookalikes a warning names."""

THRESHOLD = 85.0
"""The least name score (0–100) of a lookalike."""


def _name(person: Person) -> str:
    return fold(" ".join([*person.given_names, person.surname or ""]))


def _score(wanted: str, person: Person) -> float:
    return max((fuzz.token_sort_ratio(wanted, form) for form in name_forms(person)), default=0.0)


def _apart(new: Person, known: Person) -> bool:
    """Whether the matcher's guard keeps the two apart on their own fields."""
    a, b = new.birth_date, known.birth_date
    same_day = bool(a and b and a.precision == "day" and a.exact and b.exact and a == b)
    other_sex = Sex.unknown not in (new.sex, known.sex) and new.sex != known.sex
    other_name = [g.casefold() for g in new.given_names[:1]] != [
        g.casefold() for g in known.given_names[:1]
    ]
    years = abs(a.year - b.year) if a and b else 0
    code = person_apart(
        np.array([same_day]), np.array([other_name]), np.array([other_sex]), np.array([years])
    )
    return int(code[0]) != NONE


def lookalikes(new: Person, known: Iterable[Person], *, limit: int = SHOWN) -> list[Person]:
    """The persons of ``known`` (other than ``new`` itself) who resemble ``new``, most
    alike first, at most ``limit``."""
    wanted = _name(new)
    if not wanted:
        return []
    scored = [
        (_score(wanted, person), person)
        for person in known
        if person.id != new.id and not _apart(new, person)
    ]
    found = [(score, person) for score, person in scored if score >= THRESHOLD]
    found.sort(key=lambda sp: (-sp[0], sp[1].id))
    return [person for _, person in found[:limit]]
