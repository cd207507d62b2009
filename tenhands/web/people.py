"""A case's people as the case page lists them: what each is to the children (in the
reader's language), their side of the family, circle, engagement and contacts, and the
"ten hands and eyes" counter.

Relationships are computed as for ``GET /cases/{case_id}/people``: on the family graph
around the children (also through relatives outside the case), the side as seen from the
first child. Someone who is no kin is named by their informal or professional tie
("buurvrouw", "teacher"). The counter counts as the maps and the figures do
(:func:`tenhands.graph.figures.counts_as_hands`): committed adults (18 or older, or of
unknown age), alive, who are neither a child of the case nor a professional, against
the case's goal (five: ten hands and eyes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx

from ..graph.figures import Standing, counts_as_hands, is_adult, is_deceased
from ..graph.kinship import Relationship, Side, relationships_from
from ..graph.model import Case, NetworkRole, Person, Tie, TieCategory, TieKind
from ..graph.network import surroundings
from ..graph.store import GraphStore
from ..viz.tie_words import INFORMAL_ORDER, tie_word

SIDE_ORDER = ("child", "maternal", "paternal", "both", "family", "informal", "professional")
_STANDS = {s.value for s in Standing}
"""Sides that are standings of their own (``family``, kin of unknown side, is not)."""


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
    graph = store.case_subgraph(case_id)
    case: Case | None = graph.graph.get("case")
    if case is None:
        case = store.get_case(case_id)
    kin = surroundings(store, case.child_ids)
    to_child = {c: relationships_from(kin, c) if c in kin else {} for c in case.child_ids}
    rows = [_row(graph, pid, case, to_child, lang, today) for pid in graph.nodes]
    names = {r.id: r.name for r in rows}
    for i, r in enumerate(rows):
        if r.is_child or r.relation is None or len(case.child_ids) < 2:
            continue
        rows[i] = _per_child(r, case, to_child, names, lang)
    rows.sort(key=lambda r: (SIDE_ORDER.index(r.side), r.name.casefold(), r.id))
    ties = sorted((t for _, _, t in graph.edges(data="tie")), key=lambda t: t.id)
    committed = tuple(sorted((r.person.first_name for r in rows if r.counts), key=str.casefold))
    return CasePeople(case, rows, ties, Counter(len(committed), case.hands_goal, committed))


def _row(
    graph: nx.MultiDiGraph,
    pid: str,
    case: Case,
    to_child: dict[str, dict[str, Relationship]],
    lang: str,
    today: date,
) -> PersonRow:
    data = graph.nodes[pid]
    person: Person = data["person"]
    role: NetworkRole | None = data.get("role")
    is_child = bool(data.get("is_child"))
    ties: list[Tie] = [t for _, _, t in graph.in_edges(pid, data="tie")]
    ties += [t for _, _, t in graph.out_edges(pid, data="tie")]
    rel = _closest(pid, case.child_ids, to_child)
    if is_child:
        side, relation = "child", None
    elif rel is not None:
        side = {Side.maternal: "maternal", Side.paternal: "paternal", Side.both: "both"}.get(
            rel.side, "family"
        )
        relation = rel.words(lang)
    else:
        professional = any(t.kind is TieKind.professional for t in ties)
        side = "professional" if professional else "informal"
        relation = _informal_word(person, ties, case.child_ids, lang)
    counts = role is not None and counts_as_hands(
        Standing.child if is_child else Standing(side) if side in _STANDS else Standing.both,
        role.engagement,
        adult=is_adult(person, today),
        deceased=is_deceased(person, role),
    )
    return PersonRow(person, role, is_child, relation, side, counts)


def _closest(
    pid: str, child_ids: list[str], to_child: dict[str, dict[str, Relationship]]
) -> Relationship | None:
    """The relationship to the child they are closest kin to (the first child on a tie)."""
    best: tuple[int, int, Relationship] | None = None
    for i, child in enumerate(child_ids):
        rel = to_child[child].get(pid)
        if rel is None or not rel.related or rel.role is None:
            continue
        rank = (rel.degree if rel.degree is not None else 50, i)
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], rel)
    return None if best is None else best[2]


def _per_child(
    row: PersonRow,
    case: Case,
    to_child: dict[str, dict[str, Relationship]],
    names: dict[str, str],
    lang: str,
) -> PersonRow:
    """The relation said per child when it differs between the children."""
    said: list[tuple[str, str]] = []
    for child in case.child_ids:
        rel = to_child[child].get(row.id)
        if rel is not None and rel.related and rel.role is not None:
            said.append((names.get(child, child), rel.words(lang)))
    if len({words for _, words in said}) <= 1:
        return row
    relation = "; ".join(f"{words} ({name})" for name, words in said)
    return PersonRow(row.person, row.role, row.is_child, relation, row.side, row.counts)


def _informal_word(person: Person, ties: list[Tie], child_ids: list[str], lang: str) -> str | None:
    kinds = {t.kind for t in ties if t.kind.category is not TieCategory.family}
    to_child = {t.kind for t in ties if t.source_id in child_ids or t.target_id in child_ids}
    for pool in (to_child & kinds, kinds):
        for kind in INFORMAL_ORDER:
            if kind in pool:
                return tie_word(kind, person.sex, lang)
    return None
