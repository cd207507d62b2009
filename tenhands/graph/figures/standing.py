"""Where a person stands around the children: the one rule the API, the web pages, the
maps, the handout and the figures share, so they can never disagree.

:func:`case_people` reads a case and says, for everyone in it, what they are to each
child, their side of the family, where they stand and whether they count among the ten
hands and eyes; :func:`standing_in` does the same on graphs already read (the maps pass
the wider family without what their audience may not know).

- A child of the case is ``child``; a child's side is ``none`` (they are the centre).
- Kin of a child (any relationship with a role: blood, adoption, law, foster care, step
  or in-law) stand on the side of the family of their *closest* relationship to a child
  (the lowest degree, blood before step, then the first child): ``maternal``,
  ``paternal``, else ``both`` (full siblings, pedigree collapse, or a side the graph
  does not show). With half-siblings by different fathers each father is ``paternal``:
  the father of his own child, though the step-father of the other.
- Anyone else with a professional tie in the case is ``professional``.
- Everyone else is ``informal`` (a neighbour, a godmother, a coach).
- Someone who is no kin is named by one of their ties (:data:`NAMING_ORDER`, ties with a
  child first): a godmother who is also a neighbour is the godmother.

Kin comes first: an aunt who is also the family's social worker stands with the family.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import networkx as nx

from ..kinship import Kind, Relationship, Side, relationships_from
from ..model import Case, NetworkRole, Person, Tie, TieCategory, TieKind
from ..model.tie import INFORMAL_ORDER
from ..network import surroundings
from ..store import GraphStore
from .hands import counts_as_hands, is_adult, is_deceased
from .model import Standing

Relations = Mapping[str, Mapping[str, Relationship]]
"""For each child id: what every other person in the kin graph is to that child."""

_BY_SIDE = {Side.maternal: Standing.maternal, Side.paternal: Standing.paternal}
_KIND_ORDER = list(Kind)
"""Kinds of relationship, closest first."""

NAMING_ORDER = INFORMAL_ORDER
"""Which tie names someone who is no kin when they have several (a godmother who is a
neighbour is the godmother)."""


@dataclass(frozen=True)
class PersonStanding:
    """One person of a case: what they are to the children and where they stand."""

    person: Person
    role: NetworkRole | None
    is_child: bool
    standing: Standing
    side: Side
    """The side of the family of the closest relationship to a child; ``none`` for the
    children, for kin whose side the graph does not show and for whoever is no kin."""
    closest: tuple[str, Relationship] | None
    """The child they are closest kin to, and how; None for the children and non-kin."""
    relations: Mapping[str, Relationship | None]
    """What they are to each child of the case but themselves (None: not related)."""
    named_by: TieKind | None
    """For someone who is no kin (and no child): the tie that names them."""
    ties: tuple[Tie, ...]
    """Their ties in the case."""
    counts: bool
    """Counted among the ten hands and eyes (:func:`~.hands.counts_as_hands`)."""

    @property
    def id(self) -> str:
        return self.person.id

    @property
    def kin(self) -> bool:
        """Related to a child of the case (and no child of it)."""
        return self.closest is not None

    @property
    def relationship(self) -> Relationship | None:
        """The closest relationship to a child, if kin."""
        return None if self.closest is None else self.closest[1]


@dataclass(frozen=True)
class PeopleInCase:
    """Everyone in a case with their standing, and the graphs it was worked out on."""

    case: Case
    graph: nx.MultiDiGraph
    """The case subgraph (persons with their roles, the ties among them)."""
    people: dict[str, PersonStanding]
    """By person id, in id order."""

    @property
    def standing(self) -> dict[str, Standing]:
        return {pid: p.standing for pid, p in self.people.items()}


def case_people(store: GraphStore, case_id: str, *, today: date | None = None) -> PeopleInCase:
    """Everyone in a case with what they are to the children, their side and standing and
    whether they count among the hands on ``today`` (default: today). Relationships are
    worked out on the wider family around the children (also through relatives outside
    the case) and every tie, as the worker's map shows them. Raises
    :class:`~tenhands.graph.errors.NotFound` for an unknown case.

    >>> from tenhands.graph.stores.sqlite import SqliteStore
    >>> from tenhands.demo.seed import seed_demo
    >>> store = SqliteStore(":memory:"); store.init_schema(); case_id = seed_demo(store)
    >>> ria = case_people(store, case_id, today=date(2026, 11, 23)).people["demo-ria"]
    >>> ria.standing.value, ria.side.value, ria.relationship.words("en")
    ('maternal', 'maternal', 'grandmother')
    """
    graph = store.case_subgraph(case_id)
    case: Case = graph.graph["case"]
    kin = surroundings(store, case.child_ids)
    return PeopleInCase(case, graph, standing_in(graph, kin, today or date.today()))


def standing_in(
    case_graph: nx.MultiDiGraph, kin_graph: nx.MultiDiGraph, today: date
) -> dict[str, PersonStanding]:
    """Where everyone of a case subgraph stands (by id, in id order), with kinship worked
    out on ``kin_graph`` (the wider family around the children, e.g.
    :func:`~tenhands.graph.network.surroundings`) and the ties of ``case_graph``.

    >>> from tenhands.graph.model import Case, Person, Tie
    >>> from tenhands.graph.network import build_graph
    >>> people = [Person(id=i, sex=s) for i, s in [
    ...     ("kid", "female"), ("mum", "female"), ("oma", "female"), ("buur", "male")]]
    >>> ties = [Tie(id="t1", source_id="mum", target_id="kid", kind="parent"),
    ...         Tie(id="t2", source_id="oma", target_id="mum", kind="parent"),
    ...         Tie(id="t3", source_id="buur", target_id="kid", kind="neighbour")]
    >>> g = build_graph(people, ties, case=Case(title="t", child_ids=["kid"]))
    >>> {pid: s.standing.value for pid, s in standing_in(g, g, date(2026, 1, 1)).items()}
    {'buur': 'informal', 'kid': 'child', 'mum': 'maternal', 'oma': 'maternal'}
    """
    case: Case = case_graph.graph["case"]
    child_ids: list[str] = list(case.child_ids)
    relations = relations_to_children(kin_graph, child_ids)
    out: dict[str, PersonStanding] = {}
    for pid, data in sorted(case_graph.nodes(data=True)):
        person: Person = data["person"]
        role: NetworkRole | None = data.get("role")
        is_child = bool(data.get("is_child"))
        ties = tuple(t for _, _, t in case_graph.in_edges(pid, data="tie")) + tuple(
            t for _, _, t in case_graph.out_edges(pid, data="tie")
        )
        closest = None if is_child else closest_kin(pid, child_ids, relations)
        rel = None if closest is None else closest[1]
        standing = standing_of(is_child=is_child, closest=rel, ties=ties)
        out[pid] = PersonStanding(
            person=person,
            role=role,
            is_child=is_child,
            standing=standing,
            side=Side.none if rel is None else rel.side,
            closest=closest,
            relations={c: _related(relations[c].get(pid)) for c in child_ids if c != pid},
            named_by=None if is_child or rel is not None else naming_tie(ties, child_ids),
            ties=ties,
            counts=role is not None
            and counts_as_hands(
                standing,
                role.engagement,
                adult=is_adult(person, today),
                deceased=is_deceased(person, role),
            ),
        )
    return out


def _related(rel: Relationship | None) -> Relationship | None:
    return rel if rel is not None and rel.related else None


def relations_to_children(kin_graph: nx.MultiDiGraph, child_ids: Iterable[str]) -> Relations:
    """What everyone in ``kin_graph`` is to each child (nothing for a child not in it)."""
    return {c: relationships_from(kin_graph, c) if c in kin_graph else {} for c in child_ids}


def closest_kin(
    person_id: str, child_ids: Sequence[str], relations: Relations
) -> tuple[str, Relationship] | None:
    """The child a person is closest kin to, and how: the lowest degree of kinship
    (unknown degrees last), then the closest kind (blood before adoption, law, foster
    care, step and in-law: the father of one child who is the step-father of the other
    is a father), then the first child. None when kin to no child."""
    best: tuple[tuple[int, int, int], str, Relationship] | None = None
    for i, child in enumerate(child_ids):
        rel = relations.get(child, {}).get(person_id)
        if rel is None or not rel.related or rel.role is None:
            continue
        degree = rel.degree if rel.degree is not None else 50
        rank = (degree, _KIND_ORDER.index(rel.kind) if rel.kind else len(_KIND_ORDER), i)
        if best is None or rank < best[0]:
            best = (rank, child, rel)
    return None if best is None else (best[1], best[2])


def standing_of(*, is_child: bool, closest: Relationship | None, ties: Iterable[Tie]) -> Standing:
    """Where one person stands, from their closest kinship to a child (see
    :func:`closest_kin`) and their ties in the case.

    >>> from tenhands.graph.model import Tie
    >>> pro = Tie(source_id="pro", target_id="kid", kind="professional")
    >>> standing_of(is_child=False, closest=None, ties=[pro]).value
    'professional'
    >>> standing_of(is_child=True, closest=None, ties=[]).value
    'child'
    """
    if is_child:
        return Standing.child
    if closest is not None and closest.role is not None:
        return _BY_SIDE.get(closest.side, Standing.both)
    if any(t.kind is TieKind.professional for t in ties):
        return Standing.professional
    return Standing.informal


def naming_tie(ties: Iterable[Tie], child_ids: Sequence[str]) -> TieKind | None:
    """The tie that names someone who is no kin: a tie with a child first, then any, each
    in :data:`NAMING_ORDER`; None with family ties only.

    >>> from tenhands.graph.model import Tie
    >>> ties = [Tie(source_id="x", target_id="kid", kind="neighbour"),
    ...         Tie(source_id="x", target_id="mum", kind="godparent")]
    >>> naming_tie(ties, ["kid"]).value
    'neighbour'
    """
    ties = list(ties)
    kinds = {t.kind for t in ties if t.kind.category is not TieCategory.family}
    to_child = {t.kind for t in ties if t.source_id in child_ids or t.target_id in child_ids}
    for pool in (to_child & kinds, kinds):
        for kind in NAMING_ORDER:
            if kind in pool:
                return kind
    return None
