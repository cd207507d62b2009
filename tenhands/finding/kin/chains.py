"""The family graph of one search with what the records say added: record persons on a
chain, the parents that records name, and ties that make the words right.

A kin search reasons over the case's family graph plus *hypothesised* persons: a record
taken as an aunt is added as a child of the grandmother, her son as her child, and
:func:`~tenhands.graph.kinship.relate` says what each would be to the child. How a
hypothesised person is tied decides the word:

- a child of a parent whose record names the other parent is tied to that other parent
  too — the parent already known (or the parent's partner) when the names agree, else a
  *named* parent (a node holding only the name the record gives), so a record naming one
  shared parent and a different other parent is a half-sibling, and the same two
  parents a full sibling; a mother's son (or minor daughter) whose record names no
  father but carries another surname than the father of her other children is a
  half-sibling too (children carry their father's surname; a grown woman's may be her
  husband's);
- the child's own records name the parents the graph lacks: those become named
  parents of the child, so a brother's record is compared with them; the names those
  records give a parent the graph has are kept as that parent's (:meth:`FamilyChains.names`);
- a partner of one of the child's ancestors is a co-parent (the grandmother's partner
  is the grandfather) unless a parent of that sex, known or named by a record, is
  clearly someone else: step relations only when the records say so;
- a sibling of a person with parents in the graph is tied to those parents (a parent
  named clearly otherwise makes a half-sibling); a sibling of a person without parents
  in the graph is a sibling of their brothers and sisters too;
- a parent found in place of a named one is the parent of the named one's children, and
  of the anchor's brothers and sisters who have no other.

Half is said only where records say it: names a typo or an unknown nickname apart
(:meth:`Name.differs`) make no half-sibling, and neither does a person the search only
guessed (:attr:`FamilyChains.guessed`: placed by an address or an age, not named by a
record), so where the records cannot tell full from half the plain word is said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

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
_CLOSE = 0.75
"""Given names at or above this Jaro-Winkler similarity may be one name with a typo: they
make no half-sibling, though they are not taken as the same either."""
_CLOSE_SURNAME = 0.85
"""The same for surnames (longer, so a typo leaves them nearer)."""


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

    def differs(self, other: Name, *, married: bool = False) -> bool:
        """Whether two names are clearly two persons' (not a typo, a nickname or an
        initial away): a different given name, or a different surname (for a woman's,
        with ``married``, only a different given name tells; a name without a given name
        differs by its surname alone)."""
        a, b = self.given, other.given
        close = (
            not a
            or not b
            or JaroWinkler.normalized_similarity(a, b) >= _CLOSE
            or given_name_keys(a) & given_name_keys(b)
            or (a[0] == b[0] and min(len(a), len(b)) <= 2)
        )
        if not close:
            return True
        if married or not self.surnames or not other.surnames:
            return False
        return all(
            JaroWinkler.normalized_similarity(x, y) < _CLOSE_SURNAME
            for x in self.surnames
            for y in other.surnames
        )

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
_COUPLE_KINDS = frozenset(k for k in TieKind if k.is_couple)


def _birth_surname(record: Record) -> str | None:
    """The surname a record's person was born with, as far as it tells: the birth surname,
    or the surname of a man or a minor (a woman's may be her husband's)."""
    if record.birth_surname:
        return record.birth_surname
    born = record.birth_date.year if record.birth_date is not None else None
    minor = born is not None and born > date.today().year - 18
    return record.surname if record.sex is Sex.male or minor else None


class FamilyChains:
    """The search's family graph with hypothesised persons (see the module doc)."""

    def __init__(self, graph: nx.MultiDiGraph, child: str) -> None:
        self.graph = graph
        self.child = child
        self._serial = 0
        self.aliases: dict[str, list[Name]] = {}
        """Per node, other names its own records and its children's records give it."""
        self.guessed: set[str] = set()
        """Record persons placed by a hypothesis alone (not the parent a record names):
        their names make nobody a half-sibling."""
        self.named_ties: set[tuple[str, str]] = set()
        """(parent, child) ties that the child's record names, whoever the parent is."""

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

    def partners(self, node: str) -> list[str]:
        """Partners and former partners tied to a person in the graph."""
        out = [b for _a, b, k in self.graph.out_edges(node, data="kind") if k in _COUPLE_KINDS]
        out += [a for a, _b, k in self.graph.in_edges(node, data="kind") if k in _COUPLE_KINDS]
        return sorted(set(out))

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
        """The parents a person's own records name and the graph lacks, as named parents;
        the names the records give the person and the parents the graph has are kept as
        theirs too."""
        for record in records:
            self.alias(person, Name.of_record(record))
        for column, sex in _SEXES.items():
            present = self.parent_of_sex(person, sex)
            if len(present) == 1:
                for record in records:
                    self.alias(present[0], Name.written(getattr(record, f"{column}_name")))
            if present:
                continue
            for record in records:
                name = Name.written(getattr(record, f"{column}_name"))
                if name is not None:
                    node = self.named_parent(name, sex)
                    self.graph.add_edge(node, person, key=f"{node}-tie", kind=TieKind.parent)
                    break

    def alias(self, node: str, name: Name | None) -> None:
        """Another name of ``node`` (as one of its records, or a child's, writes it)."""
        if name is not None and name.given:
            self.aliases.setdefault(node, []).append(name)

    def names(self, node: str) -> list[Name]:
        """Every name known for a node: the graph's and those its records give."""
        return [Name.of_person(self.person(node)), *self.aliases.get(node, [])]

    def drop_named(self, node: str) -> None:
        """Named parents that ``node`` (a parent found as a record) turned out to be."""
        person = self.person(node)
        name = Name.of_person(person)
        for c in self.children(node):
            for p in self.parent_of_sex(c, person.sex):
                if p.startswith(NAMED) and not self._differs(p, name):
                    self.graph.remove_node(p)
                    self.guessed.discard(node)  # the parent a record names
                    self.named_ties.add((node, c))

    def _same(self, node: str, name: Name) -> bool:
        married = self.person(node).sex is Sex.female
        return any(n.same(name, married=married) for n in self.names(node))

    def _differs(self, node: str, name: Name) -> bool:
        married = self.person(node).sex is Sex.female
        return all(n.differs(name, married=married) for n in self.names(node))

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
            if record is not None and anchor_sex in _COLUMN:
                written = Name.written(getattr(record, f"{_COLUMN[anchor_sex]}_name"))
                if written is not None and not self._differs(anchor, written):
                    self.named_ties.add((anchor, other))  # the record names the anchor
            for column, psex in _SEXES.items():
                if psex is anchor_sex or record is None:
                    continue
                name = Name.written(getattr(record, f"{column}_name"))
                # the other parents of the anchor's children, and the anchor's partners
                mates = [
                    p
                    for c in self.children(anchor)
                    for p in self.parent_of_sex(c, psex)
                    if p != anchor and p != other
                ]
                mates += [p for p in self.partners(anchor) if self.person(p).sex is psex]
                mates = list(dict.fromkeys(mates))
                if name is None and psex is Sex.male and mates:
                    # a mother's child carries its father's surname: another surname than
                    # that of the father of her other children, another father
                    surname = self._surname_father(record, mates)
                    if surname is not None:
                        father = self.named_parent(surname, psex)
                        made.append(father)
                        edges.append((father, other, TieKind.parent))
                if name is None:
                    continue
                mate = self._matching(mates, name) or self._near(mates, name)
                if mate is None and mates and not self._splits(mates, name):
                    continue  # neither full nor half is said
                if mate is None:
                    mate = self.named_parent(name, psex)
                    made.append(mate)
                edges.append((mate, other, TieKind.parent))
                self.named_ties.add((mate, other))
            return edges, made
        if hop is Hop.parent:
            # a parent the records name takes the named parent's place
            if record is not None and sex is not Sex.unknown:
                name = Name.of_record(record)
                named = [p for p in self.parent_of_sex(anchor, sex) if p.startswith(NAMED)]
                same = self._matching(named, name)
                if same is None and len(named) == 1 and not self._differs(named[0], name):
                    same = named[0]
                if same is not None:
                    edges = [(other, c, TieKind.parent) for c in self.children(same)]
                else:
                    edges = [(other, anchor, TieKind.parent)]
            else:
                edges = [(other, anchor, TieKind.parent)]
            # a parent of one's brother or sister is one's own, unless the graph or the
            # records name another
            for sib in self.siblings(anchor) if sex is not Sex.unknown else []:
                if any(target == sib for _s, target, _k in edges):
                    continue
                present = self.parent_of_sex(sib, sex)
                if not present or (
                    record is not None
                    and any(
                        p.startswith(NAMED) and not self._differs(p, Name.of_record(record))
                        for p in present
                    )
                ):
                    edges.append((other, sib, TieKind.parent))
            return edges, made
        if hop is Hop.sibling:
            return self._sibling(anchor, other, record, made), made
        if hop is Hop.partner:
            return self._partner(anchor, other, record, sex), made
        return [], made

    def _sibling(
        self, anchor: str, other: str, record: Record | None, made: list[str]
    ) -> list[Edge]:
        """A brother or sister shares each parent of the anchor whom the record names
        alike (a typo or an unknown nickname away) or does not name; a parent it names
        clearly otherwise is another (a half-sibling), unless the graph's parent is only
        guessed: then neither is said, unless no parent would be shared at all."""
        parents = self.parents(anchor)
        if not parents:  # a brother or sister of a brother or sister
            return [(other, s, TieKind.sibling) for s in [anchor, *self.siblings(anchor)]]
        edges: list[Edge] = []
        unsure: list[Edge] = []
        for p in parents:
            psex = self.person(p).sex
            name = None
            if record is not None and psex in _COLUMN:
                name = Name.written(getattr(record, f"{_COLUMN[psex]}_name"))
            if name is None and psex is Sex.male and record is not None:
                # children carry their father's surname: another surname, another father
                born = _birth_surname(record)
                surname = Name("", frozenset({surname_forms(born).full})) if born else None
                if surname and self._other_surname(p, surname):
                    if p in self.guessed:  # a guessed father says nothing either way
                        unsure.append((p, other, TieKind.parent))
                        continue
                    mate = self.named_parent(surname, psex)
                    made.append(mate)
                    edges.append((mate, other, TieKind.parent))
                    continue
            if name is None or not self._differs(p, name):  # alike, or a typo away
                edges.append((p, other, TieKind.parent))
                if name is not None:
                    self.named_ties.add((p, other))
            elif p not in self.guessed:
                mate = self.named_parent(name, psex)
                made.append(mate)
                edges.append((mate, other, TieKind.parent))
            else:  # a guessed parent: neither full nor half is said
                unsure.append((p, other, TieKind.parent))
        if not any(source in parents for source, _t, _k in edges):
            edges += unsure
        return edges

    def through_namesake(self, anchor: str, other: str) -> tuple[list[Edge], list[str]]:
        """The ties of ``other`` as a grandchild of ``anchor`` through a son or daughter
        bearing the anchor's name (a named parent: the record names them), and that
        parent, made for it."""
        person = self.person(anchor)
        junior = self.named_parent(Name.of_person(person), person.sex)
        return [(anchor, junior, TieKind.parent), (junior, other, TieKind.parent)], [junior]

    def _surname_father(self, record: Record, fathers: Sequence[str]) -> Name | None:
        """The father a record's surname says, as a name without a given name, when it is
        clearly not the surname of any of ``fathers`` (known or named by a record); None
        when it may be theirs or says nothing (a woman's surname may be her husband's)."""
        born = _birth_surname(record)
        if not born:
            return None
        surname = Name("", frozenset({surname_forms(born).full}))
        sure = [p for p in fathers if p not in self.guessed]
        if sure and all(self._other_surname(p, surname) for p in fathers):
            return surname
        return None

    def _near(self, candidates: Sequence[str], name: Name) -> str | None:
        """The one candidate a name is a typo or an unknown nickname away from (none if
        several are)."""
        near = [c for c in candidates if not self._differs(c, name)]
        return near[0] if len(near) == 1 else None

    def _splits(self, parents: Sequence[str], name: Name) -> bool:
        """Whether a record naming ``name`` as a parent where the graph has ``parents``
        says another parent: every one of them is clearly someone else, and one at least
        is known or named by a record (not only guessed)."""
        return all(self._differs(p, name) for p in parents) and any(
            p not in self.guessed for p in parents
        )

    def _other_surname(self, node: str, name: Name) -> bool:
        """Whether a surname is clearly not that of ``node`` (none of its names is near)."""
        return all(
            n.surnames
            and all(
                JaroWinkler.normalized_similarity(a, b) < _CLOSE_SURNAME
                for a in n.surnames
                for b in name.surnames
            )
            for n in self.names(node)
        )

    def _partner(self, anchor: str, other: str, record: Record | None, sex: Sex) -> list[Edge]:
        """A partner of one of the child's ancestors is the co-parent of the ancestor's
        child on the line, unless that child has another parent of the partner's sex,
        known or named by a record, who is clearly someone else (a name a typo away is
        taken as the partner's, a guessed one says nothing)."""
        lineage = self.lineage()
        if anchor not in lineage or anchor == self.child:
            return [(other, anchor, TieKind.partner)]
        name = Name.of_record(record) if record is not None else None
        edges: list[Edge] = []
        for c in self.children(anchor):
            if c not in lineage:
                continue
            present = [p for p in self.parent_of_sex(c, sex) if p != anchor] if sex else []
            if present and (
                name is None
                or (self._matching(present, name) is None and self._splits(present, name))
            ):
                return [(other, anchor, TieKind.partner)]
            edges.append((other, c, TieKind.parent))
        return edges or [(other, anchor, TieKind.partner)]

    def guessed_parent_ties(self, keep: Sequence[str]) -> list[tuple[str, str, str]]:
        """The parent ties (source, target, key) of guessed persons other than ``keep``
        that no record of the child names."""
        return [
            (a, b, key)
            for a, b, key, kind in self.graph.edges(keys=True, data="kind")
            if kind is TieKind.parent
            and a in self.guessed
            and a not in keep
            and (a, b) not in self.named_ties
        ]

    def forget(self, nodes: Sequence[str]) -> None:
        """What was noted about hypothesised persons taken out of the graph again."""
        gone = set(nodes)
        self.named_ties = {t for t in self.named_ties if not gone & set(t)}

    def add(self, node: str, person: Person, edges: Sequence[Edge]) -> None:
        """A hypothesised person and its ties (guessed until a record names it)."""
        self.guessed.add(node)
        self.graph.add_node(node, person=person, role=None, is_child=False)
        for source, target, kind in edges:
            self.graph.add_edge(source, target, key=f"{node}-{source}-{target}", kind=kind)
