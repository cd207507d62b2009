"""Where a person stands around the children: the one classification the maps and the
figures share, so they can never disagree.

- A child of the case is ``child``.
- Kin of a child (any relationship with a role: blood, adoption, law, foster care, step
  or in-law) stand on the side of the family of their *closest* relationship to a child
  (the lowest degree; the first child on a tie): ``maternal``, ``paternal``, else
  ``both`` (full siblings, pedigree collapse, or a side the graph does not show).
- Anyone else with a professional tie in the case is ``professional``.
- Everyone else is ``informal`` (a neighbour, a godmother, a coach).

Kin comes first: an aunt who is also the family's social worker stands with the family.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from ..kinship import Relationship, Side, relationships_from
from ..model import Tie, TieKind
from .model import Standing

Relations = Mapping[str, Mapping[str, Relationship]]
"""For each child id: what every other person in the kin graph is to that child."""

_BY_SIDE = {Side.maternal: Standing.maternal, Side.paternal: Standing.paternal}


def relations_to_children(kin_graph: nx.MultiDiGraph, child_ids: Iterable[str]) -> Relations:
    """What everyone in ``kin_graph`` is to each child (nothing for a child not in it)."""
    return {c: relationships_from(kin_graph, c) if c in kin_graph else {} for c in child_ids}


def closest_kin(
    person_id: str, child_ids: Sequence[str], relations: Relations
) -> tuple[str, Relationship] | None:
    """The child a person is closest related to, and how: the lowest degree of kinship
    (unknown degrees last), the first child on a tie. None when related to no child."""
    best: tuple[int, int, str, Relationship] | None = None
    for i, child in enumerate(child_ids):
        rel = relations.get(child, {}).get(person_id)
        if rel is None or not rel.related:
            continue
        rank = (rel.degree if rel.degree is not None else 50, i)
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], child, rel)
    return None if best is None else (best[2], best[3])


def is_kin(closest: Relationship | None, *, is_child: bool) -> bool:
    """Whether someone who is not a child of the case is family of a child."""
    return not is_child and closest is not None and closest.role is not None


def standing_of(*, is_child: bool, closest: Relationship | None, ties: Iterable[Tie]) -> Standing:
    """Where one person stands, from their closest relationship to a child (see
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
    if is_kin(closest, is_child=False) and closest is not None:
        return _BY_SIDE.get(closest.side, Standing.both)
    if any(t.kind is TieKind.professional for t in ties):
        return Standing.professional
    return Standing.informal


def standings(case_graph: nx.MultiDiGraph, kin_graph: nx.MultiDiGraph) -> dict[str, Standing]:
    """Where every person of a case subgraph stands, with kinship computed on
    ``kin_graph`` (the wider family around the children, e.g.
    :func:`~tenhands.graph.network.surroundings`) and every tie of the case: as the
    worker's map shows it.

    >>> from tenhands.graph.model import Case, Person, Tie
    >>> from tenhands.graph.network import build_graph
    >>> people = [Person(id=i, sex=s) for i, s in [
    ...     ("kid", "female"), ("mum", "female"), ("oma", "female"), ("buur", "male")]]
    >>> ties = [Tie(id="t1", source_id="mum", target_id="kid", kind="parent"),
    ...         Tie(id="t2", source_id="oma", target_id="mum", kind="parent"),
    ...         Tie(id="t3", source_id="buur", target_id="kid", kind="neighbour")]
    >>> g = build_graph(people, ties, case=Case(title="t", child_ids=["kid"]))
    >>> {pid: s.value for pid, s in sorted(standings(g, g).items())}
    {'buur': 'informal', 'kid': 'child', 'mum': 'maternal', 'oma': 'maternal'}
    """
    case = case_graph.graph["case"]
    child_ids: list[str] = list(case.child_ids)
    relations = relations_to_children(kin_graph, child_ids)
    out: dict[str, Standing] = {}
    for pid, is_child in sorted(case_graph.nodes(data="is_child")):
        ties = [t for _, _, t in case_graph.in_edges(pid, data="tie")]
        ties += [t for _, _, t in case_graph.out_edges(pid, data="tie")]
        closest = closest_kin(pid, child_ids, relations)
        out[pid] = standing_of(
            is_child=bool(is_child),
            closest=None if closest is None else closest[1],
            ties=ties,
        )
    return out
