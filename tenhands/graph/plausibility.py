"""What is plausible about a person and their parent ties: the one rule the API, the
web forms and any other writer call before a person or a tie is stored.

A check returns :class:`Finding` s. An **error** is impossible and is never stored
(born in the future, died before being born); a **warning** is unlikely but can be
true, so it is stored once the worker confirms (a parent less than
:data:`LEAST_GAP` years older than the child, a phone number or postcode of an odd
shape). Each finding names the person's field it is about (``birth_date``,
``contact.phones``, ``addresses.postcode``…, or ``tie`` for a tie as a whole) and
carries a stable ``code`` that the pages translate.

>>> today = date(2026, 12, 7)
>>> [f.code for f in check_person(Person(birth_date="2031"), today=today)]
['born_in_future']
>>> [f.code for f in check_person(Person(contact={"phones": ["abc"]}), today=today)]
['phone_shape']
>>> check_person(Person(contact={"phones": ["0470 12 34 56", "+32 9 123 45 67"]}), today=today)
[]
>>> parent, child = Person(birth_date="2010"), Person(birth_date="2017-05-01")
>>> [(f.code, f.values) for f in check_parent(TieKind.parent, parent, child)]
[('young_parent', {'years': 7})]
>>> [f.code for f in check_parent(TieKind.parent, Person(birth_date="2031"), child)]
['born_after_child']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

import phonenumbers

from .errors import NotFound
from .model import Person, Tie, TieKind
from .model.dates import PartialDate
from .visibility import EVERYTHING, Visibility

if TYPE_CHECKING:
    from .store import GraphStore


class Severity(StrEnum):
    error = "error"
    """Impossible: never stored."""
    warning = "warning"
    """Unlikely: stored once confirmed."""


@dataclass(frozen=True)
class Finding:
    """One thing that is impossible or unlikely about what is about to be stored."""

    field: str
    """The field it is about: a person's (``birth_date``, ``contact.phones``…) or
    ``tie`` for a tie as a whole."""
    code: str
    """What it is, stable (see :data:`SENTENCES`)."""
    severity: Severity
    values: Mapping[str, str | int] = dataclasses.field(default_factory=dict)
    """What the sentence names (a number of years, the phone number as typed)."""

    @property
    def sentence(self) -> str:
        """The finding in plain English (the API's words; the pages translate ``code``)."""
        return SENTENCES[self.code] % dict(self.values)


SENTENCES: dict[str, str] = {
    "born_in_future": "The birth date lies in the future.",
    "died_in_future": "The death date lies in the future.",
    "death_before_birth": "The death date lies before the birth date.",
    "young_parent": "A parent is at most %(years)d years older than the child.",
    "young_grandparent": "A grandparent is at most %(years)d years older than the grandchild.",
    "born_after_child": "A parent or grandparent is born after the child.",
    "phone_shape": "'%(phone)s' does not look like a phone number.",
    "postcode_shape": "A Belgian postcode has four digits (such as 9000).",
}
"""The sentence of each finding's code, in English."""

LEAST_GAP: dict[TieKind, tuple[int, str]] = {
    TieKind.parent: (12, "young_parent"),
    TieKind.step_parent: (12, "young_parent"),
    TieKind.grandparent: (24, "young_grandparent"),
}
"""The fewest years a tie's source is expected to be older than its target, and the
warning's code when it is less."""

PHONE_REGION = "BE"
"""Numbers typed without a country code are read as Belgian."""


def check_person(person: Person, *, today: date) -> list[Finding]:
    """What is impossible or unlikely about the person on its own, errors first."""
    found = [*_date_errors(person, today), *_phone_warnings(person), *_postcode_warnings(person)]
    return sorted(found, key=lambda f: f.severity is not Severity.error)


def _date_errors(person: Person, today: date) -> Iterable[Finding]:
    born, died = person.birth_date, person.death_date
    if born is not None and born.earliest() > today:
        yield Finding("birth_date", "born_in_future", Severity.error)
    if died is not None and died.earliest() > today:
        yield Finding("death_date", "died_in_future", Severity.error)
    if born is not None and died is not None and died.latest() < born.earliest():
        yield Finding("death_date", "death_before_birth", Severity.error)


def phone_plausible(text: str, region: str = PHONE_REGION) -> bool:
    """Whether ``text`` may be a phone number (read as Belgian without a country code).

    >>> phone_plausible("0470 12 34 56"), phone_plausible("09/123.45.67")
    (True, True)
    >>> phone_plausible("abc"), phone_plausible("123")
    (False, False)
    """
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(number)


def _phone_warnings(person: Person) -> Iterable[Finding]:
    for phone in person.contact.phones:
        if not phone_plausible(phone):
            yield Finding("contact.phones", "phone_shape", Severity.warning, {"phone": phone})


def _postcode_warnings(person: Person) -> Iterable[Finding]:
    for address in person.addresses:
        belgian = (address.country or "BE").upper() in ("BE", "BEL", "BELGIË", "BELGIQUE")
        code = (address.postcode or "").strip()
        if belgian and code and not (code.isdigit() and len(code) == 4 and code[0] != "0"):
            yield Finding("addresses.postcode", "postcode_shape", Severity.warning)
            return


def _years(older: PartialDate, younger: PartialDate) -> int:
    """The most whole years ``older`` can be older than ``younger`` (negative when it
    is the younger)."""
    start, end = older.earliest(), younger.latest()
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def check_parent(kind: TieKind, source: Person, target: Person) -> list[Finding]:
    """What is unlikely about ``source`` being ``kind`` of ``target`` (a parent less
    than 12 years older than the child, a grandparent less than 24): warnings, since
    birth dates are often guessed."""
    rule = LEAST_GAP.get(kind)
    if rule is None or source.birth_date is None or target.birth_date is None:
        return []
    least, code = rule
    years = _years(source.birth_date, target.birth_date)
    if years >= least:
        return []
    if years < 0:
        return [Finding("tie", "born_after_child", Severity.warning)]
    return [Finding("tie", code, Severity.warning, {"years": years})]


def check_tie(tie: Tie, persons: Mapping[str, Person]) -> list[Finding]:
    """:func:`check_parent` for a tie whose two persons are in ``persons``."""
    source, target = persons.get(tie.source_id), persons.get(tie.target_id)
    if source is None or target is None:
        return []
    return check_parent(tie.kind, source, target)


def check_ties_of(
    person: Person, ties: Iterable[Tie], others: Mapping[str, Person]
) -> list[Finding]:
    """:func:`check_parent` for each of ``person``'s stored ties, with ``person`` as it
    is about to be stored (its birth date may have changed)."""
    persons = {**others, person.id: person}
    out: list[Finding] = []
    for tie in ties:
        for finding in check_tie(tie, persons):
            if finding not in out:
                out.append(finding)
    return out


def check_change(
    person: Person,
    *,
    today: date,
    before: Person | None = None,
    ties: Iterable[Tie] = (),
    others: Mapping[str, Person] | None = None,
) -> list[Finding]:
    """What is impossible or unlikely about ``person`` as it is about to be stored, on
    its own and on its parent ties (``ties``, with the persons at their other ends in
    ``others``). When it replaces ``before``, a warning ``before`` already had is left
    out (the worker confirmed it then); an error never is."""
    ties = list(ties)
    found = [*check_person(person, today=today), *check_ties_of(person, ties, others or {})]
    if before is None:
        return found
    old = [*check_person(before, today=today), *check_ties_of(before, ties, others or {})]
    return [f for f in found if f.severity is Severity.error or f not in old]


def check_stored_change(
    store: GraphStore,
    person: Person,
    *,
    today: date,
    before: Person | None = None,
    viewer: Visibility = EVERYTHING,
) -> list[Finding]:
    """:func:`check_change` with the stored ties of the person ``before`` stands for
    (none for a new person); ties to persons ``viewer`` may not see are left out, so a
    warning tells nothing of them."""
    if before is None:
        return check_change(person, today=today)
    ties = [t for t in store.ties_of(before.id) if t.kind in LEAST_GAP]
    seen = sorted({t.other(before.id) for t in ties if _sees(viewer, t.other(before.id))})
    others = {p.id: p for p in store.get_persons(seen)}
    shown = [t for t in ties if t.other(before.id) in others]
    return check_change(person, today=today, before=before, ties=shown, others=others)


def _sees(viewer: Visibility, person_id: str) -> bool:
    try:
        return viewer.sees_person(person_id)
    except NotFound:
        return False


def check_tie_change(
    tie: Tie, persons: Mapping[str, Person], before: Tie | None = None
) -> list[Finding]:
    """:func:`check_tie`, without the warnings the stored tie ``before`` already had."""
    found = check_tie(tie, persons)
    old = check_tie(before, persons) if before is not None else []
    return [f for f in found if f not in old]


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.error]


def warnings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.warning]
