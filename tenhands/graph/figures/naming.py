"""Who named whom: the chains along which a network was found.

Each network role may say who named the person to the worker (``named_by``). The naming
graph has an arrow from namer to named for each role whose namer is in the case's
network (a child of the case, or a network member). A ``named_by`` that points at
nobody in the network (someone erased, or outside the case) or at the person themselves
counts as *unknown*, like no namer at all.

Everyone has at most one namer, so the graph is a forest, except where the records
contradict themselves in a cycle (A named B, B named A). A cycle is broken, not looped:
the person in it the worker learned of first (their role's creation time, then id)
starts the chain. ``named`` still counts every recorded naming.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from ..model import NetworkRole
from .contacts import as_utc
from .model import Naming, NamingChain


def naming_graph(roles: Iterable[NetworkRole], members: Iterable[str]) -> nx.DiGraph:
    """An arrow namer → named for each role whose namer is among ``members`` (and not the
    person themselves); node attribute ``role`` holds the role of the named.

    >>> roles = [NetworkRole(case_id="c", person_id="b", named_by="a"),
    ...          NetworkRole(case_id="c", person_id="c", named_by="gone")]
    >>> sorted(naming_graph(roles, {"a", "b", "c"}).edges)
    [('a', 'b')]
    """
    network = set(members)
    g = nx.DiGraph()
    for role in roles:
        g.add_node(role.person_id, role=role)
    for role in roles:
        namer = role.named_by
        if namer is not None and namer in network and namer != role.person_id:
            g.add_edge(namer, role.person_id)
    return g


def _break_cycles(g: nx.DiGraph) -> None:
    """Remove, in each cycle, the arrow into the person the worker learned of first."""
    for cycle in list(nx.simple_cycles(g)):
        first = min(cycle, key=lambda pid: (_learned(g, pid), pid))
        namer = next(iter(g.predecessors(first)))
        g.remove_edge(namer, first)


def _learned(g: nx.DiGraph, pid: str) -> float:
    role: NetworkRole | None = g.nodes[pid].get("role")
    return float("-inf") if role is None else as_utc(role.provenance.created_at).timestamp()


def chains(g: nx.DiGraph) -> list[NamingChain]:
    """The maximal chains of a naming graph (from someone nobody in the network named to
    someone who named nobody), longest first, then by ids; the graph's cycles are broken
    first (on a copy).

    >>> g = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "d")])
    >>> [c.path for c in chains(g)]
    [['a', 'b', 'c'], ['a', 'd']]
    """
    forest = g.copy()
    _break_cycles(forest)
    out: list[NamingChain] = []
    for root in (n for n, d in forest.in_degree() if d == 0 and forest.out_degree(n) > 0):
        for leaf in nx.descendants(forest, root):
            if forest.out_degree(leaf) == 0:
                out.append(NamingChain(path=nx.shortest_path(forest, root, leaf)))
    out.sort(key=lambda c: (-len(c.path), c.path))
    return out


def naming(roles: Iterable[NetworkRole], members: Iterable[str]) -> Naming:
    """The naming chains of a case's network: ``roles`` of its members (children left
    out), ``members`` every id in the network (children included: a child names their
    teacher)."""
    roles = list(roles)
    g = naming_graph(roles, members)
    named = {pid: n for pid, n in sorted(g.out_degree()) if n > 0}
    unknown = sum(1 for r in roles if g.in_degree(r.person_id) == 0)
    return Naming(chains=chains(g), named=named, unknown=unknown)
