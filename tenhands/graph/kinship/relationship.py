"""The structured result of the kinship calculator: :class:`Relationship` and its enums.

A relationship says what TO is to FROM in numbers and names that do not depend on a
language: how many generations up from FROM to the closest common ancestor(s)
(``up``) and down from there to TO (``down``), whether the two lines meet in a couple
(``lineage`` full) or in one person (half), on what the tie rests (``kind``), through
which parent of FROM it runs (``side``), the sex-neutral ``role`` and the sex-specific
``term`` key, and the paths of person ids that carry it. :meth:`Relationship.words`
says it in Dutch, English or French; the words may be ambiguous (Dutch *neef*), the
structure never is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from .. import languages
from ..model import Sex
from . import words_en, words_fr, words_nl
from .kinds import Kind, Lineage, Role
from .sides import Side

MAX_PATHS = 16
"""At most this many paths are listed per relationship (``path_count`` has them all)."""

LANGUAGES = languages.LANGUAGES
"""The languages relationships are said in (:mod:`tenhands.graph.languages`)."""


Step = tuple[str, int, int]
"""One person on a path, with the generations up and down from FROM to them."""


class Trace(Protocol):
    """Where a relationship's paths come from (computed only when asked for)."""

    def annotated_paths(self, cap: int) -> tuple[list[list[Step]], bool]:
        """Up to ``cap`` paths, best first, and whether there were more."""
        ...

    def sex_of(self, person_id: str) -> Sex: ...


@dataclass(frozen=True)
class FixedTrace:
    """A trace with its paths known beforehand (direct ties, FROM itself)."""

    paths: tuple[tuple[Step, ...], ...]
    sexes: dict[str, Sex]

    def annotated_paths(self, cap: int) -> tuple[list[list[Step]], bool]:
        return [list(p) for p in self.paths[:cap]], len(self.paths) > cap

    def sex_of(self, person_id: str) -> Sex:
        return self.sexes.get(person_id, Sex.unknown)


_TERMS: dict[Role, tuple[str, str, str]] = {
    # role: (female, male, neutral)
    Role.parent: ("mother", "father", "parent"),
    Role.child: ("daughter", "son", "child"),
    Role.sibling: ("sister", "brother", "sibling"),
    Role.grandparent: ("grandmother", "grandfather", "grandparent"),
    Role.grandchild: ("granddaughter", "grandson", "grandchild"),
    Role.aunt_uncle: ("aunt", "uncle", "aunt_or_uncle"),
    Role.niece_nephew: ("niece", "nephew", "niece_or_nephew"),
    Role.cousin: ("female_cousin", "male_cousin", "cousin"),
    Role.parent_in_law: ("mother_in_law", "father_in_law", "parent_in_law"),
    Role.child_in_law: ("daughter_in_law", "son_in_law", "child_in_law"),
    Role.sibling_in_law: ("sister_in_law", "brother_in_law", "sibling_in_law"),
    Role.guardian: ("guardian", "guardian", "guardian"),
    Role.ward: ("ward", "ward", "ward"),
    Role.relative: ("relative", "relative", "relative"),
    Role.self_: ("self", "self", "self"),
}


def geometry_role(up: int, down: int) -> Role:
    """The blood role of ``up`` generations up and ``down`` down.

    >>> geometry_role(2, 0), geometry_role(2, 1), geometry_role(3, 2)
    (<Role.grandparent: 'grandparent'>, <Role.aunt_uncle: 'aunt_uncle'>, <Role.cousin: 'cousin'>)
    """
    if down == 0:
        return Role.self_ if up == 0 else Role.parent if up == 1 else Role.grandparent
    if up == 0:
        return Role.child if down == 1 else Role.grandchild
    if up == 1:
        return Role.sibling if down == 1 else Role.niece_nephew
    return Role.aunt_uncle if down == 1 else Role.cousin


def term_for(role: Role, sex: Sex, *, married: bool = False, up: int = 0, down: int = 0) -> str:
    """The sex-specific term key of a role, e.g. ``grandmother`` or ``son_in_law``.

    >>> term_for(Role.grandparent, Sex.female), term_for(Role.sibling, Sex.unknown)
    ('grandmother', 'sibling')
    >>> term_for(Role.partner, Sex.male, married=True), term_for(Role.partner, Sex.male)
    ('husband', 'partner')
    """
    if role in (Role.partner, Role.partner_of_relative):
        if not married:
            return "partner"
        return {Sex.female: "wife", Sex.male: "husband"}.get(sex, "spouse")
    if role is Role.relative_of_partner:
        role = geometry_role(up, down)
    female, male, neutral = _TERMS[role]
    return female if sex is Sex.female else male if sex is Sex.male else neutral


@dataclass(frozen=True)
class Relationship:
    """What TO is to FROM, unambiguously, and how to say it.

    ``up``/``down`` count generations from FROM to the common ancestor(s) and on to
    TO (a grandmother is 2/0, an aunt 2/1, a first cousin once removed 3/2 or 2/3);
    through a partner they count the blood part only (a mother-in-law is 1/0 from the
    partner). ``former`` marks ex-partners and former in-laws; ``married`` that the
    partner tie named in the words is (or was) a marriage. ``ties`` lists the kinds of
    the ties drawn directly between FROM and TO (a godparent who is also an aunt).
    ``path_count`` counts every shortest path; :attr:`paths` lists at most
    :data:`MAX_PATHS` of them.

    >>> Relationship("a", "b").to_json()
    {'related': False}
    """

    from_id: str
    to_id: str
    related: bool = False
    kind: Kind | None = None
    role: Role | None = None
    term: str | None = None
    sex: Sex = Sex.unknown
    up: int | None = None
    down: int | None = None
    lineage: Lineage | None = None
    side: Side = Side.none
    former: bool = False
    married: bool = False
    path_count: int = 0
    ties: tuple[str, ...] = ()
    trace: Trace | None = field(default=None, compare=False, repr=False)

    # -- numbers ----------------------------------------------------------------------

    @property
    def degree(self) -> int | None:
        """The degree of kinship as Belgian law counts it: generations up plus down
        (a parent 1, a sibling 2, an aunt 3, a first cousin 4; in-laws as their partner)."""
        if self.up is None or self.down is None:
            return None
        return self.up + self.down

    @property
    def cousin_degree(self) -> int | None:
        """For cousins: 1 for first cousins, 2 for second cousins…; else None."""
        if self.up is None or self.down is None or min(self.up, self.down) < 2:
            return None
        return min(self.up, self.down) - 1

    @property
    def removed(self) -> int:
        """Generations between FROM and TO: ``|up - down|`` (0 when unrelated)."""
        if self.up is None or self.down is None:
            return 0
        return abs(self.up - self.down)

    # -- paths ------------------------------------------------------------------------

    @cached_property
    def _annotated(self) -> tuple[list[list[Step]], bool]:
        if self.trace is None:
            return [], False
        return self.trace.annotated_paths(MAX_PATHS)

    @property
    def paths(self) -> tuple[tuple[str, ...], ...]:
        """The shortest paths of person ids from FROM to TO, most explicit first (at most
        :data:`MAX_PATHS`; :attr:`paths_truncated` says when there are more)."""
        return tuple(tuple(step[0] for step in p) for p in self._annotated[0])

    @property
    def path(self) -> tuple[str, ...]:
        """The first of :attr:`paths` (empty when unrelated)."""
        paths = self.paths
        return paths[0] if paths else ()

    @property
    def paths_truncated(self) -> bool:
        return self._annotated[1]

    @property
    def via_id(self) -> str | None:
        """The partner or relative the relationship runs through: FROM's (ex-)partner for
        a partner's relative (a mother-in-law), the relative for a relative's partner (an
        aunt's husband, a son-in-law); None otherwise."""
        steps = self._annotated[0]
        if not steps or len(steps[0]) < 3:
            return None
        first = steps[0]
        partner_first = (first[1][1], first[1][2]) == (0, 0)
        if partner_first and self.role in _THROUGH_PARTNER:
            return first[1][0]
        if not partner_first and self.role in _THROUGH_RELATIVE:
            return first[-2][0]
        return None

    def sex_along(self, up: int, down: int) -> Sex:
        """The sex of the first person on :attr:`path` at ``up``/``down`` generations
        from FROM (unknown if the path skips that generation)."""
        if self.trace is None:
            return Sex.unknown
        steps = self._annotated[0]
        if not steps:
            return Sex.unknown
        for pid, a, b in steps[0][1:]:
            if a == up and b == down:
                return self.trace.sex_of(pid)
        return Sex.unknown

    def via_sex(self) -> Sex:
        """The sex of :attr:`via_id` (unknown when there is none)."""
        via = self.via_id
        if via is None or self.trace is None:
            return Sex.unknown
        return self.trace.sex_of(via)

    # -- words ------------------------------------------------------------------------

    def words(self, lang: str = "nl", *, with_side: bool = False) -> str:
        """The relationship in words: ``"nl"`` (Flemish usage), ``"en"`` or ``"fr"``.

        With ``with_side`` the side of the family is said where it helps
        ("grootmoeder langs moederskant", "maternal grandmother").
        """
        try:
            say = _sayer(lang)
        except KeyError:
            raise ValueError(
                f"unknown language {lang!r}: use {languages.listed(LANGUAGES)}"
            ) from None
        return say(self, with_side)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; ``{"related": False}`` for the unrelated."""
        if not self.related:
            return {"related": False}
        return {
            "related": True,
            **{lang: self.words(lang) for lang in LANGUAGES},
            "with_side": {lang: self.words(lang, with_side=True) for lang in LANGUAGES},
            "side": self.side.value,
            "kind": None if self.kind is None else self.kind.value,
            "role": None if self.role is None else self.role.value,
            "term": self.term,
            "sex": self.sex.value,
            "up": self.up,
            "down": self.down,
            "degree": self.degree,
            "lineage": None if self.lineage is None else self.lineage.value,
            "former": self.former,
            "married": self.married,
            "path": list(self.path),
            "paths": [list(p) for p in self.paths],
            "path_count": self.path_count,
            "paths_truncated": self.paths_truncated,
            "ties": list(self.ties),
        }


_THROUGH_PARTNER = frozenset({Role.relative_of_partner, Role.parent_in_law, Role.sibling_in_law})
_THROUGH_RELATIVE = frozenset({Role.partner_of_relative, Role.child_in_law, Role.sibling_in_law})


def _sayer(lang: str) -> Callable[[Relationship, bool], str]:
    sayers: dict[str, Callable[[Relationship, bool], str]] = {
        "nl": words_nl.say,
        "en": words_en.say,
        "fr": words_fr.say,
    }
    return sayers[lang]


def self_relationship(person_id: str, sex: Sex) -> Relationship:
    """FROM to FROM."""
    return Relationship(
        person_id,
        person_id,
        related=True,
        kind=Kind.blood,
        role=Role.self_,
        term="self",
        sex=sex,
        up=0,
        down=0,
        lineage=Lineage.full,
        path_count=1,
        trace=FixedTrace((((person_id, 0, 0),),), {person_id: sex}),
    )


def ordered_paths(paths: Sequence[Sequence[Step]]) -> list[list[Step]]:
    """Paths without repeats, most explicit (most persons) first, then by ids."""
    seen: set[tuple[str, ...]] = set()
    unique = []
    for p in paths:
        key = tuple(s[0] for s in p)
        if key not in seen:
            seen.add(key)
            unique.append(list(p))
    unique.sort(key=lambda p: (-len(p), [s[0] for s in p]))
    return unique
