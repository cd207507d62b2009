"""Turning stored persons, ties and roles into a networkx graph, the same for every store."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .model import Case, NetworkRole, Person, Tie
from .store import GraphStore


def build_graph(
    persons: Iterable[Person],
    ties: Iterable[Tie],
    *,
    case: Case | None = None,
    roles: Iterable[NetworkRole] = (),
) -> nx.MultiDiGraph:
    """A directed multigraph: one node per person, one edge per tie (keyed by tie id).

    Node attributes: ``person`` (the :class:`Person`), ``role`` (their
    :class:`NetworkRole` in ``case``, or None) and ``is_child`` (a child of
    ``case``). Edge attributes: ``tie``, and ``kind`` for quick filtering.
    Graph attribute ``case`` holds the case. Ties whose ends are not both among
    ``persons`` are left out.

    >>> a = Person(id="a", given_names=["An"])
    >>> b = Person(id="b", given_names=["Bart"])
    >>> g = build_graph([a, b], [Tie(id="t1", source_id="a", target_id="b", kind="parent")])
    >>> sorted(g.nodes), list(g.edges(keys=True, data="kind"))
    (['a', 'b'], [('a', 'b', 't1', <TieKind.parent: 'parent'>)])
    """
    role_of = {r.person_id: r for r in roles}
    children = set(case.child_ids) if case is not None else set()
    graph = nx.MultiDiGraph(case=case)
    for p in persons:
        graph.add_node(p.id, person=p, role=role_of.get(p.id), is_child=p.id in children)
    for t in ties:
        if t.source_id in graph and t.target_id in graph:
            graph.add_edge(t.source_id, t.target_id, key=t.id, tie=t, kind=t.kind)
    return graph


KIN_HOPS = 24
"""How far kinship looks from a person: far enough for second cousins twice removed
through in-laws, near enough to stay fast on large imported trees."""


def surroundings(
    store: GraphStore, person_ids: Iterable[str], *, hops: int = KIN_HOPS
) -> nx.MultiDiGraph:
    """Everyone within ``hops`` ties of any of ``person_ids``, across all cases, with the
    ties among them: the graph kinship is computed on.

    Raises :class:`~tenhands.graph.errors.NotFound` for an unknown person.
    """
    graphs = [store.neighbourhood(pid, hops) for pid in dict.fromkeys(person_ids)]
    if not graphs:
        return nx.MultiDiGraph()
    return graphs[0] if len(graphs) == 1 else nx.compose_all(graphs)
