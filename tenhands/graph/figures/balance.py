"""The balance of a network: how many stand on each side, and how many are paid to be there.

Counted over the *active* members: those on the way or committed (identified …
committed), alive, and not a child of the case. A minor (a cousin of 15) counts on their
side, but not among the unpaid adults.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

import networkx as nx

from ..model import NetworkRole, Person
from .hands import is_adult, is_deceased
from .model import Balance, Standing


def active_members(
    case_graph: nx.MultiDiGraph, standing: Mapping[str, Standing]
) -> Iterator[tuple[Person, NetworkRole, Standing]]:
    """The active network members of a case subgraph, by id, with where they stand."""
    for pid, data in sorted(case_graph.nodes(data=True)):
        person: Person = data["person"]
        role: NetworkRole | None = data["role"]
        if role is None or data["is_child"] or not role.engagement.active:
            continue
        if is_deceased(person, role):
            continue
        yield person, role, standing.get(pid, Standing.informal)


def balance(case_graph: nx.MultiDiGraph, standing: Mapping[str, Standing], today: date) -> Balance:
    """Active members per standing; professionals per unpaid adult."""
    counts = dict.fromkeys(Standing, 0)
    unpaid = 0
    for person, _, where in active_members(case_graph, standing):
        counts[where] += 1
        if where is not Standing.professional and is_adult(person, today):
            unpaid += 1
    professionals = counts[Standing.professional]
    ratio = round(professionals / unpaid, 2) if unpaid else None
    return Balance(counts=counts, professionals=professionals, unpaid=unpaid, ratio=ratio)
