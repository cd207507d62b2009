"""The family graph of one search with what the records say added: record persons on a
chain, the parents that records name, and ties that make the words right.

A kin search reasons over the case's family graph plus *hypothesised* persons: a record
taken as an aunt is added as a child of the grandmother, her son as her child, and
:func:`~tenhands.graph.kinship.relate` says what each would be to the child. How a
hypothesised person is tied decides the word:

- a child of a parent whose record names the other parent is tied to that other parent
  too — the parent already known when the names agree, else a *named* parent (a node
  holding only the name the record gives), so a record naming one shared parent and a
  different other parent is a half-sibling, and the same two parents a full sibling;
- the child's own records name the parents the graph lacks: those become named
  parents of the child, so a brother's record is compared with them;
- a partner of one of the child's ancestors is a co-parent (the grandmother's partner
  is the grandfather) unless the records name another parent of that sex: step
  relations only when the records say so;
- a sibling of a person with parents in the graph is tied to those parents (a different
  parent named makes a half-sibling).

Names are compared loosely (Jaro-Winkler, given-name equivalents): a typo does not make
a half-sibling.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
from rapidfuzz.distance import JaroWinkler

from ...graph.model import Person, Record, Sex, TieKind
from ..normalize.given_names import given_name_keys
from ..normalize.surnames import surname_forms
from .names import first_given, split_full_name
from .rules import Hop

NAMED = "tenhands:named:"
"""Node ids of parents known only by the name a record gives."""
_SEXES = {"mother": Sex.female, "father": Sex.male}
_COLUMN = {Sex.female: "mother", Sex.male: "father"}


@dataclass(frozen=True)
class Name:
    """A folded first given name and the surnames (birth surname too) of a person."""

    given: str
    surnames: frozenset[str]
    text: str = ""
    """The name as a record writes it, if it comes from one field."""

    @classmethod
    def of_person(cls, person: Person) -> Name:
        given = first_given(" ".join(person.given_names))
        names = (person.surname, person.birth_surname)
        return cls(given, frozenset(surname_forms(s).full for s in names if s))

    @classmethod
    def of_record(cls, record: Record) -> Name:
        given = first_given(record.given_names or "")
        names = (record.surname, record.birth_surname)
        return cls(given, frozenset(surname_forms(s).full for s in names if s))

    @classmethod
    def written(cls, text: str | None) -> Name | None:
        """The name written in one field (``"Maria Van den Bossche"``), or None."""
        if not text:
            return None
        given, surname = split_full_name(text)
        if not given or not surname:
            return None
        return cls(first_given(given), frozenset({surname_forms(surname).full}), text)

    def same(self, other: Name, *, married: bool = False) -> bool:
        """Whether two names are probably one person's (typos and nicknames allowed; with
        ``married``, a woman's, another surname too when the given name agrees)."""
        if not self.given or not other.given:
            return False
        similar = JaroWinkler.normalized_similarity(self.given, other.given)
        if similar < 0.88 and not given_name_keys(self.given) & given_name_keys(other.given):
            return False
        return self.same_surname(other) or (married and similar >= 0.95)

    def same_surname(self, other: Name) -> bool:
        """Whether the surnames agree (or one is unknown)."""
        return (
            not self.surnames
            or not other.surnames
            or any(
                JaroWinkler.normalized_similarity(a, b) >= 0.85
                for a in self.surnames
                for b in other.surnames
            )
        )


Edge = tuple[str, str, TieKind]


class FamilyChains:
    """The search's family graph with hypothesised persons (see the module doc)."""

    def __init__(self, graph: nx.MultiDiGraph, child: str) -> None:
        self.graph = graph
        self.child = child
        self._serial = 0

    # -- reading the graph

    def person(self, node: str) -> Person:
        person: Person | None = self.graph.nodes[node].get("person")
        return person if person is not None else Person(id=node)

    def parents(self, node: str) -> list[str]:
        return [a for a, _b, k in self.graph.in_edges(node, data="kind") if k is TieKind.parent]

    def children(self, node: str) -> list[str]:
        return [b for _a, b, k in self.graph.out_edges(node, data="kind") if k is TieKind.parent]

    def parent_of_sex(self, node: str, sex: Sex) -> list[str]:
        return [p for p in self.parents(node) if self.person(p).sex is sex]

    def siblings(self, node: str) -> list[str]:
        """Brothers and sisters in the graph: by a sibling tie or a shared parent."""
        out = {c for p in self.parents(node) for c in self.children(p)}
        for a, b, k in [
            *self.graph.out_edges(node, data="kind"),
            *self.graph.in_edges(node, data="kind"),
        ]:
            if k is TieKind.sibling:
                out.add(b if a == node else a)
        out.discard(node)
        return sorted(out)

    def lineage(self) -> set[str]:
        """The child and the child's ancestors in the graph."""
        out = {self.child}
        todo = [self.child]
        while todo:
            for p in self.parents(todo.pop()):
                if p not in out:
                    out.add(p)
                    todo.append(p)
        return out

    # -- named parents

    def named_parent(self, name: Name, sex: Sex) -> str:
        """A node for a parent known only by name (a new one for every call), holding the
        name as the record writes it."""
        self._serial += 1
        node = f"{NAMED}{self._serial}"
        words = name.text.split()
        n = len(split_full_name(name.text)[0].split()) if words else 0
        given: list[str] = [name.given] if name.given else []
        surname: str | None = min(name.surnames, default=None)
        if words and 0 < n < len(words):
            given, surname = words[:n], " ".join(words[n:])
        person = Person(id=node, given_names=given, surname=surname, sex=sex)
        self.graph.add_node(node, person=person, role=None, is_child=False)
        return node

    def name_parents(self, person: str, records: Sequence[Record]) -> None:
        """The parents a person's own records name and the graph lacks, as named parents."""
        for column, sex in _SEXES.items():
            if self.parent_of_sex(person, sex):
                continue
            for record in records:
                name = Name.written(getattr(record, f"{column}_name"))
                if name is not None:
                    node = self.named_parent(name, sex)
                    self.graph.add_edge(node, person, key=f"{node}-tie", kind=TieKind.parent)
                    break

    def drop_named(self, node: str) -> None:
        """Named parents that ``node`` (a parent found as a record) turned out to be."""
        person = self.person(node)
        name = Name.of_person(person)
        for c in self.children(node):
            for p in self.parent_of_sex(c, person.sex):
                if p.startswith(NAMED) and self._same(p, name):
                    self.graph.remove_node(p)

    def _same(self, node: str, name: Name) -> bool:
        person = self.person(node)
        return Name.of_person(person).same(name, married=person.sex is Sex.female)

    def _matching(self, candidates: Sequence[str], name: Name) -> str | None:
        for c in candidates:
            if self._same(c, name):
                return c
        return None

    # -- ties of a hypothesised person

    def ties(
        self, anchor: str, hop: Hop, other: str, record: Record | None, sex: Sex
    ) -> tuple[list[Edge], list[str]]:
        """The ties that put ``other`` (``hop`` of ``anchor``, with its ``record``) into the
        graph, and the named parents made for it (to remove with it)."""
        made: list[str] = []
        if hop is Hop.child:
            edges: list[Edge] = [(anchor, other, TieKind.parent)]
            anchor_sex = self.person(anchor).sex
            for column, psex in _SEXES.items():
                if psex is anchor_sex or record is None:
                    continue
                name = Name.written(getattr(record, f"{column}_name"))
                if name is None:
                    continue
                mates = [
                    p
                    for c in self.children(anchor)
                    for p in self.parent_of_sex(c, psex)
                    if p != anchor and p != other
                ]
                mate = self._matching(list(dict.fromkeys(mates)), name)
                if mate is None:
                    mate = self.named_parent(name, psex)
                    made.append(mate)
                edges.append((mate, other, TieKind.parent))
            return edges, made
        if hop is Hop.parent:
            # a parent the records name takes the named parent's place
            if record is not None and sex is not Sex.unknown:
                name = Name.of_record(record)
                for p in self.parent_of_sex(anchor, sex):
                    if p.startswith(NAMED) and self._same(p, name):
                        return [(other, c, TieKind.parent) for c in self.children(p)], made
            edges = [(other, anchor, TieKind.parent)]
            # a parent of one's brother or sister is one's own, unless the graph or the
            # records name another
            for sib in self.siblings(anchor) if sex is not Sex.unknown else []:
                present = self.parent_of_sex(sib, sex)
                if not present or (
                    record is not None
                    and any(
                        p.startswith(NAMED) and self._same(p, Name.of_record(record))
                        for p in present
                    )
                ):
                    edges.append((other, sib, TieKind.parent))
            return edges, made
        if hop is Hop.sibling:
            parents = self.parents(anchor)
            if not parents:
                return [(other, anchor, TieKind.sibling)], made
            edges = []
            for p in parents:
                psex = self.person(p).sex
                name = None
                if record is not None and psex in _COLUMN:
                    name = Name.written(getattr(record, f"{_COLUMN[psex]}_name"))
                if name is None and psex is Sex.male and record is not None:
                    # children carry their father's surname: another surname, another father
                    own = Name.of_record(record)
                    father = Name.of_person(self.person(p))
                    if own.surnames and father.surnames and not own.same_surname(father):
                        name = Name("", own.surnames)
                if name is None or self._same(p, name):
                    edges.append((p, other, TieKind.parent))
                else:
                    mate = self.named_parent(name, psex)
                    made.append(mate)
                    edges.append((mate, other, TieKind.parent))
            return edges, made
        if hop is Hop.partner:
            return self._partner(anchor, other, record, sex), made
        return [], made

    def _partner(self, anchor: str, other: str, record: Record | None, sex: Sex) -> list[Edge]:
        """A partner of one of the child's ancestors is the co-parent of the ancestor's
        child on the line, unless that child has another parent of the partner's sex
        whom the records do not make the partner."""
        lineage = self.lineage()
        if anchor not in lineage or anchor == self.child:
            return [(other, anchor, TieKind.partner)]
        name = Name.of_record(record) if record is not None else None
        edges: list[Edge] = []
        for c in self.children(anchor):
            if c not in lineage:
                continue
            present = [p for p in self.parent_of_sex(c, sex) if p != anchor] if sex else []
            if present and (name is None or self._matching(present, name) is None):
                return [(other, anchor, TieKind.partner)]
            edges.append((other, c, TieKind.parent))
        return edges or [(other, anchor, TieKind.partner)]

    def add(self, node: str, person: Person, edges: Sequence[Edge]) -> None:
        self.graph.add_node(node, person=person, role=None, is_child=False)
        for source, target, kind in edges:
            self.graph.add_edge(source, target, key=f"{node}-{source}-{target}", kind=kind)
