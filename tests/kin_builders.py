"""Builders of small synthetic family graphs for the kinship tests (never real people)."""

from __future__ import annotations

import itertools

import networkx as nx
from builders import person, tie

from tenhands.graph.model import Person, Tie
from tenhands.graph.network import build_graph

_SEX = {"f": "female", "m": "male", "o": "other", "u": "unknown"}


class Family:
    """A family written down tie by tie, by short ids.

    >>> fam = Family(kid="f", mum="f").parent("mum", "kid")
    >>> sorted(fam.graph().nodes)
    ['kid', 'mum']
    """

    def __init__(self, **sexes: str) -> None:
        self.persons: dict[str, Person] = {}
        self.ties: list[Tie] = []
        self._ids = itertools.count(1)
        self.add(**sexes)

    def add(self, **sexes: str) -> Family:
        """Persons by id, with sex ``f``, ``m``, ``o`` (other) or ``u`` (unknown)."""
        for pid, sex in sexes.items():
            self.persons[pid] = person(pid, sex=_SEX[sex])
        return self

    def tie(self, kind: str, source: str, target: str, **extra: object) -> Family:
        for pid in (source, target):
            if pid not in self.persons:
                self.persons[pid] = person(pid)
        self.ties.append(tie(f"t-{next(self._ids):04d}", source, target, kind, **extra))
        return self

    def parent(self, parent: str, *children: str, **extra: object) -> Family:
        for child in children:
            self.tie("parent", parent, child, **extra)
        return self

    def parents(self, mother: str, father: str, *children: str, **extra: object) -> Family:
        return self.parent(mother, *children, **extra).parent(father, *children, **extra)

    def couple(self, a: str, b: str, kind: str = "partner", **extra: object) -> Family:
        return self.tie(kind, a, b, **extra)

    def graph(self) -> nx.MultiDiGraph:
        return build_graph(self.persons.values(), self.ties)


def line(fam: Family, top: str, bottom: str, generations: int, sex: str = "f") -> list[str]:
    """A straight line of descent from ``top`` down to ``bottom`` over ``generations``
    generations (persons in between are named ``top-1``, ``top-2``…); returns the line."""
    ids = [top] + [f"{top}-{i}" for i in range(1, generations)] + [bottom]
    for pid in ids:
        if pid not in fam.persons:
            fam.add(**{pid: sex})
    for parent, child in itertools.pairwise(ids):
        fam.parent(parent, child)
    return ids
