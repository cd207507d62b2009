"""A case's people as the case page lists them: what each is to the children (in the
reader's language), their side of the family, circle, engagement and contacts, and the
"ten hands and eyes" counter.

What each person is to the children, their side and whether they count is the one rule
:func:`tenhands.graph.figures.case_people`, as for ``GET /cases/{case_id}/people``, the
maps and the figures; this module only says it in the reader's language. Someone who is
no kin is named by their informal or professional tie ("buurvrouw", "teacher"). The
counter counts the committed adults (18 or older, or of unknown age), alive, who are
neither a child of the case nor a professional, against the case's goal (five: ten hands
and eyes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..graph.figures import PeopleInCase, PersonStanding, Standing
from ..graph.figures import case_people as standing_in_case
from ..graph.kinship import Side
from ..graph.model import Case, NetworkRole, Person, Tie
from ..graph.store import GraphStore
from ..viz.tie_words import tie_word

SIDE_ORDER = ("child", "maternal", "paternal", "both", "family", "informal", "professional")
"""The case page's groups: the standings, with kin of unknown side (``family``) apart
from family on both sides."""


@dataclass(frozen=True)
class PersonRow:
    """One person of the case, as the case page shows them."""

    person: Person
    role: NetworkRole | None
    is_child: bool
    relation: str | None
    """What they are to the children, in words ("grootmoeder"; per child when that differs)."""
    side: str
    """One of :data:`SIDE_ORDER`."""
    counts: bool
    """Counted among the ten hands and eyes."""

    @property
    def id(self) -> str:
        return self.person.id

    @property
    def name(self) -> str:
        return self.person.display_name


@dataclass(frozen=True)
class Counter:
    committed: int
    goal: int
    names: tuple[str, ...] = ()
    """The first names of the committed adults, alphabetically."""

    @property
    def hands(self) -> int:
        return 2 * self.committed

    @property
    def reached(self) -> bool:
        return self.committed >= self.goal


@dataclass(frozen=True)
class CasePeople:
    case: Case
    rows: list[PersonRow]
    ties: list[Tie]
    counter: Counter

    def name_of(self, person_id: str) -> str:
        for row in self.rows:
            if row.id == person_id:
                return row.name
        return person_id

    @property
    def children(self) -> list[PersonRow]:
        return [r for r in self.rows if r.is_child]


def case_people(store: GraphStore, case_id: str, lang: str, today: date) -> CasePeople:
    """The case's people, children first, then by side and name (NotFound for an unknown
    case)."""
    return people_rows(standing_in_case(store, case_id, today=today), lang)


def people_rows(found: PeopleInCase, lang: str) -> CasePeople:
    """:func:`case_people` of the standing already read."""
    case = found.case
    names = {pid: p.person.display_name for pid, p in found.people.items()}
    rows = [_row(p, case, names, lang) for p in found.people.values()]
    rows.sort(key=lambda r: (SIDE_ORDER.index(r.side), r.name.casefold(), r.id))
    ties = sorted((t for _, _, t in found.graph.edges(data="tie")), key=lambda t: t.id)
    committed = tuple(sorted((r.person.first_name for r in rows if r.counts), key=str.casefold))
    return CasePeople(case, rows, ties, Counter(len(committed), case.hands_goal, committed))


def _row(p: PersonStanding, case: Case, names: dict[str, str], lang: str) -> PersonRow:
    relation: str | None = None
    if p.relationship is not None:
        relation = _per_child(p, case, names, lang) or p.relationship.words(lang)
    elif p.named_by is not None:
        relation = tie_word(p.named_by, p.person.sex, lang)
    return PersonRow(p.person, p.role, p.is_child, relation, _side(p), p.counts)


def _side(p: PersonStanding) -> str:
    """The page's group (:data:`SIDE_ORDER`): the standing, with kin of unknown side apart."""
    if p.standing is Standing.both and p.side is Side.none:
        return "family"
    return p.standing.value


def _per_child(p: PersonStanding, case: Case, names: dict[str, str], lang: str) -> str | None:
    """The relation said per child when it differs between the children, else None."""
    said = [
        (names.get(child, child), rel.words(lang))
        for child in case.child_ids
        if (rel := p.relations.get(child)) is not None and rel.role is not None
    ]
    if len({words for _, words in said}) <= 1:
        return None
    return "; ".join(f"{words} ({name})" for name, words in said)
