"""Kin search for one case: who in the outside records is a known person, who may be
kin not yet known, and who in other cases is family already.

:func:`find_kin` reads the case's family graph, makes every known relative an
*anchor*, runs the rules of :mod:`.rules` over the record index, joins what they say
per record, ranks the records by probability and works out, for the best ones, what
they would be to the child (with :func:`~tenhands.graph.kinship.relate` on the graph
with the hypothesised person added). Relatives already in the graph through other
cases come in as kin candidates too.

The search sees through the case's boundary
(:class:`~tenhands.graph.visibility.CaseBoundary`), whoever runs it, because its
findings go to the case's review queue, which everyone on the case reads: it reads
only the records gathered for the case and the agency-wide ones, compares only the
case's own persons, and a relative found through another case is proposed as a *link*
(who they would be to the child, no data of theirs), to be shared only after that
case's worker grants it (:mod:`tenhands.finding.review.links`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import networkx as nx
import numpy as np
from rapidfuzz.distance import JaroWinkler

from ...graph.kinship import Kind, Lineage, Relationship, relate, relationships_from
from ...graph.model import (
    CandidateKind,
    Evidence,
    Person,
    Record,
    Sex,
    TieKind,
)
from ...graph.network import surroundings
from ...graph.store import GraphStore
from ..normalize.surnames import surname_forms
from ..normalize.text import fold
from ..review.accept import person_from_record
from .chains import NAMED, FamilyChains, Name
from .found import VIA_RECORD, Found, KinSearch, relation_code
from .index import RecordIndex, Skip
from .learning import CALIBRATION, Calibration
from .probes import Probe, person_probe, with_names
from .rules import (
    Hop,
    Hypothesis,
    family_name,
    family_name_parent,
    household,
    named_by,
    named_parent,
    parent_named,
    partner_of,
    same_parents,
    same_person,
    sibling_by_name,
)
from .scoring import probability
from .track import TRACK_RECORD, TrackRecord, logit2, rule_key, shipped

FLOOR = 0.05
"""Hypotheses below this probability are not kept."""
MATCH = 0.5
"""A record at or above this probability of being a known person is taken as theirs."""
CORROBORATION = 1.0
"""Bits added for each other rule that independently points to the same record (at most
two)."""
_SEX = {1: Sex.male, 2: Sex.female}
_HYPOTHETICAL = "tenhands:hypothesis"
_BETWEEN = "tenhands:hypothesis-between"
_RULE_TEXT = {
    "same_person": "a record of a known person",
    "named_parent": "names a known relative as parent",
    "parent_named": "named as parent in a relative's record",
    "same_parents": "same parents as a relative's record",
    "partner_of": "names a known relative as partner",
    "partner_named": "named as partner in a relative's record",
    "household": "lives at a relative's address",
    "family_name": "carries a parent's birth surname",
    "family_name_parent": "a parent of theirs carries a parent's birth surname",
    "named_by": "named by a relative",
}
OWN = 0.5
"""A record at or above this probability of being a known person is followed as theirs
(its address, the parents and partner it names), with that probability down the chain."""
NEAR = 0.1
"""A record at or above this probability of being a known person is not proposed as kin."""
SUPPORT = 0.3
"""A rule corroborates another's finding only at or above this probability."""
_WEAK_RULES = frozenset({"family_name", "family_name_parent"})
"""Rules too weak to corroborate another."""
WEAK_MAX = 0.6
"""A surname alone never makes a relative more probable than this."""
_GRAPH_KINDS = {Kind.blood, Kind.adoptive, Kind.legal, Kind.step, Kind.foster, Kind.in_law}


# -- the search ---------------------------------------------------------------------------


@dataclass
class _Context:
    store: GraphStore
    index: RecordIndex
    kin_graph: nx.MultiDiGraph
    case_persons: set[str]
    child: str
    relations: dict[str, Relationship]
    hidden: Skip
    """Per index row, gathered for another case: never read."""
    chains: FamilyChains
    probes: dict[str, Probe] = field(default_factory=dict)
    records: dict[int, Record] = field(default_factory=dict)
    links: dict[str, _Link] = field(default_factory=dict)
    """Per record person on a chain (a graph node), how it is reached."""
    written: dict[str, list[str]] = field(default_factory=dict)
    """Per known person, their name as their children's records write it."""
    near: list[int] = field(default_factory=list)
    """Rows that may well be a known person's own record (never proposed as kin)."""

    def record(self, row: int) -> Record:
        """The stored record of an index row, read once per search."""
        found = self.records.get(row)
        if found is None:
            found = self.records[row] = self.store.get_record(self.index.ids[row])
        return found


def _person(graph: nx.MultiDiGraph, pid: str) -> Person:
    person: Person = graph.nodes[pid]["person"]
    return person


def _anchors(ctx: _Context, children: Sequence[str]) -> list[str]:
    """The children and every case person with a family relationship to the child."""
    out = list(children)
    for pid in sorted(ctx.case_persons):
        rel = ctx.relations.get(pid)
        if pid not in out and rel is not None and rel.related and rel.kind in _GRAPH_KINDS:
            out.append(pid)
    return out


_COUPLE_KINDS = frozenset(k for k in TieKind if k.is_couple)


def _partners(ctx: _Context, pid: str) -> list[str]:
    """Partners, ex-partners and co-parents of a person in the family graph, of those in
    the case (a partner known only in another case is not read)."""
    g = ctx.kin_graph
    out: set[str] = set()
    for _a, b, kind in g.out_edges(pid, data="kind"):
        if kind in _COUPLE_KINDS:
            out.add(b)
        if kind is TieKind.parent:
            for other, _c, k2 in g.in_edges(b, data="kind"):
                if k2 is TieKind.parent and other != pid:
                    out.add(other)
    for a, _b, kind in g.in_edges(pid, data="kind"):
        if kind in _COUPLE_KINDS:
            out.add(a)
    return sorted(q for q in out if q in ctx.case_persons or q in ctx.links or q.startswith(NAMED))


def _probe(ctx: _Context, pid: str, own: Iterable[Record] = ()) -> Probe:
    return person_probe(ctx.index, _person(ctx.kin_graph, pid), own)


def _own_records(
    ctx: _Context, anchors: Sequence[str]
) -> tuple[dict[str, list[tuple[int, float]]], list[Found]]:
    """Per anchor, the rows that are their records (with probability), and the match
    proposals: each record goes to the known person it fits best."""
    best: dict[int, tuple[float, str, Hypothesis, int]] = {}
    done: set[str] = set()
    for pid in sorted(anchors, key=lambda q: (_generation(ctx, q), q)):
        written, younger = _written_by_children(ctx, pid, best, done)
        homes: frozenset[str] = frozenset()
        if younger is not None and younger.year > date.today().year - 18:
            homes = younger.addresses
        if written:
            ctx.written[pid] = written
            ctx.probes[pid] = with_names(ctx.index, ctx.probes[pid], written)
        done.add(pid)
        hyp = same_person(ctx.index, ctx.probes[pid], child=younger, homes=homes)
        probs = probability(hyp.bits)
        ctx.near += hyp.rows[(probs >= NEAR) & (probs < OWN)].tolist()
        mine: list[tuple[float, int]] = []
        for k in np.flatnonzero((probs >= OWN) & ~ctx.hidden[hyp.rows]).tolist():
            row = int(hyp.rows[k])
            if row not in best or probs[k] > best[row][0]:
                best[row] = (float(probs[k]), pid, hyp, k)
                mine.append((-float(probs[k]), row))
        ctx.probes[pid] = _dated(ctx, ctx.probes[pid], [row for _p, row in sorted(mine)])
    own: dict[str, list[tuple[int, float]]] = defaultdict(list)
    matches = []
    born: dict[str, int] = {}
    year = ctx.index.year
    for row, (p, pid, hyp, k) in sorted(best.items(), key=lambda x: (-x[1][0], x[0])):
        # one person's records agree on the birth year: a namesake's do not
        first = born.setdefault(pid, int(year[row]))
        if first and year[row] and abs(int(year[row]) - first) > 1:
            continue
        own[pid].append((row, p))
        if p < MATCH:  # theirs probably enough to follow, not to propose
            continue
        record = ctx.record(row)
        matches.append(
            Found(
                kind=CandidateKind.match,
                probability=p,
                evidence=_evidence(hyp, k, record=record),
                rule=hyp.rule,
                record_id=ctx.index.ids[row],
                person_id=pid,
            )
        )
    return own, matches


def _dated(ctx: _Context, probe: Probe, rows: Sequence[int]) -> Probe:
    """A probe without a birth year given that of the most probable own record."""
    if probe.year:
        return probe
    years = [int(ctx.index.year[r]) for r in rows if ctx.index.year[r]]
    return replace(probe, year=years[0]) if years else probe


def _generation(ctx: _Context, pid: str) -> int:
    """Generations above the child (the child and siblings 0, parents 1 …)."""
    rel = ctx.relations.get(pid)
    return 0 if rel is None else (rel.up or 0) - (rel.down or 0)


def _written_by_children(
    ctx: _Context, pid: str, best: dict[int, tuple[float, str, Hypothesis, int]], done: set[str]
) -> tuple[list[str], Probe | None]:
    """How the records of a person's children (matched already) write the person's name,
    and the youngest child with a birth year."""
    sex = _person(ctx.kin_graph, pid).sex
    column = {Sex.female: "mother_name", Sex.male: "father_name"}.get(sex)
    children = [c for c in ctx.chains.children(pid) if c in done]
    written: list[str] = []
    if column is not None and children:
        for row, (p, owner, _hyp, _k) in best.items():
            if owner in children and p >= MATCH:
                text = getattr(ctx.record(row), column)
                if text:
                    written.append(text)
    years = [ctx.probes[c] for c in children if c in ctx.probes and ctx.probes[c].year]
    return written, max(years, key=lambda q: q.year, default=None)


def _written(record: Record, field: str) -> str | None:
    """What the record itself says for an evidence field, as written (None if nothing)."""
    name, _, rest = field.partition(" ")
    if name.endswith("_name"):
        return getattr(record, name, None)
    if name == "other_parent":
        return getattr(record, f"{rest.strip('()')}_name", None)
    if name == "given_names":
        return record.given_names
    if name == "surname":
        born = record.birth_surname
        return f"{record.surname} ({born})" if record.surname and born else record.surname or born
    if name in ("birth_date", "age_gap", "age"):
        return str(record.birth_date) if record.birth_date else None
    if name == "place":
        return ", ".join(x for x in (record.birth_place, record.city) if x) or None
    return None


def _evidence(
    hyp: Hypothesis, k: int, extra: Sequence[Evidence] = (), record: Record | None = None
) -> list[Evidence]:
    out = [
        Evidence(
            field="prior", level=_RULE_TEXT.get(hyp.rule, hyp.rule), right=hyp.rule,
            weight=hyp.prior,
        )
    ]  # fmt: skip
    if hyp.chain < 1.0 and hyp.via and not hyp.anchor.startswith(_RECORD_ANCHOR):
        out.append(
            Evidence(field=VIA_RECORD, level=_VIA, weight=_bits(hyp.chain))
        )  # fmt: skip
    for part in hyp.parts:
        level = str(part.level[k])
        if level == "missing":
            continue
        right = part.right_at(k)
        if record is not None:
            right = _written(record, part.field) or right
        out.append(
            Evidence(
                field=part.field,
                left=part.left_at(k),
                right=right,
                level=level,
                weight=float(part.weight[k]),
            )
        )
    return [*out, *extra]


def _hypotheses(
    ctx: _Context,
    anchors: Sequence[str],
    own: dict[str, list[tuple[int, float]]],
    exclude: Skip,
) -> list[Hypothesis]:
    index = ctx.index
    out: list[Hypothesis] = []
    for pid in anchors:
        mine = [(ctx.record(row), p) for row, p in own.get(pid, [])]
        probe = person_probe(index, _person(ctx.kin_graph, pid), [r for r, _p in mine])
        probe = with_names(index, probe, ctx.written.get(pid, []))
        probe = ctx.probes[pid] = _dated(ctx, probe, [row for row, _p in own.get(pid, [])])
        partners = [ctx.probes.get(q) or _probe(ctx, q) for q in _partners(ctx, pid)]
        partners = [q for q in partners if q.has_name]
        out += named_parent(index, probe, partners, exclude=exclude, family=_family(ctx, pid))
        out += partner_of(index, probe, mine, exclude=exclude)
        named: set[tuple[str, str]] = set()
        for record, p in mine:  # most probable first
            said = (fold(record.mother_name or ""), fold(record.father_name or ""))
            if said in named:  # another record naming the same parents says no more
                continue
            named.add(said)
            out += parent_named(
                index, probe, _unknown_parents(ctx, pid, record), p, exclude=exclude
            )
            sibs = same_parents(
                index, probe, record, p, exclude=exclude, parents=_parent_probes(ctx, pid)
            )
            if sibs is not None:
                out.append(sibs)
        for hyp in (
            household(index, probe, exclude=exclude),
            named_by(index, probe, exclude=exclude),
        ):
            if hyp is not None:
                out.append(hyp)
    for pid in anchors:
        rel = ctx.relations.get(pid)
        if rel is None or rel.up != 1 or rel.down != 0 or rel.kind is not Kind.blood:
            continue
        places = set(ctx.probes[pid].places)
        for gp in ctx.kin_graph.predecessors(pid):
            if gp in ctx.probes:
                places |= ctx.probes[gp].places
        hyp = family_name(index, ctx.probes[pid], frozenset(places), exclude=exclude)
        if hyp is not None:
            out.append(hyp)
        parents = [ctx.probes[q] for q in ctx.chains.parents(pid) if q in ctx.probes]
        sibs = sibling_by_name(index, ctx.probes[pid], parents, frozenset(places), exclude=exclude)
        if sibs is not None:
            out.append(sibs)
        child = ctx.probes[ctx.child]
        out += family_name_parent(index, ctx.probes[pid], child, frozenset(places), exclude=exclude)
    return out


@dataclass
class _Best:
    p: float
    hyp: Hypothesis
    k: int
    rules: set[str]


def _join(hypotheses: Sequence[Hypothesis]) -> dict[int, _Best]:
    """Per record, the most probable hypothesis, raised a little by other rules that
    point to the same record. A weak rule (a shared family name) is taken only when no
    specific one reaches :data:`SUPPORT`."""
    best: dict[int, _Best] = {}
    weak: dict[int, _Best] = {}
    support: dict[int, set[str]] = defaultdict(set)
    for hyp in hypotheses:
        if not len(hyp):
            continue
        p = probability(hyp.bits) * hyp.chain
        weak_rule = hyp.rule in _WEAK_RULES
        target = weak if weak_rule else best
        for k in np.flatnonzero(p >= FLOOR).tolist():
            row = int(hyp.rows[k])
            if not weak_rule and p[k] >= SUPPORT:
                support[row].add(hyp.rule)
            if row not in target or p[k] > target[row].p:
                target[row] = _Best(float(p[k]), hyp, k, set())
    for row, b in weak.items():
        if row not in best or best[row].p < SUPPORT:
            b.p = min(b.p, WEAK_MAX)
            best[row] = b
    for row, b in best.items():
        others = support[row] - {b.hyp.rule}
        b.rules = others
        if others:
            bits = float(b.hyp.bits[b.k]) + CORROBORATION * min(len(others), 2)
            b.p = float(probability(np.array([bits]))[0]) * b.hyp.chain
    return best


def _household_hop(ctx: _Context, b: _Best, row: int) -> Hop:
    """What a co-resident is to the anchor, by age: a generation apart a parent or a
    child; of one generation, an adult whose record names the anchor as partner, or of
    the other sex (or of no sex given) born with another surname, a partner, else a
    sibling; a co-resident of the child a generation older is a parent only when the
    child lacks one of that sex (else a step-parent would be guessed from an address:
    they are left unsaid)."""
    anchor = ctx.probes[b.hyp.anchor]
    year = int(ctx.index.year[row])
    if not year or not anchor.year:
        return _named_hop(ctx, b.hyp.anchor, ctx.record(row))
    gap = year - anchor.year
    if 15 <= gap <= 50:
        return Hop.child
    sex = int(ctx.index.sex[row])
    if -50 <= gap <= -15:
        present = ctx.chains.parent_of_sex(b.hyp.anchor, _SEX[sex]) if sex else []
        name = Name.of_record(ctx.record(row))
        if any(not Name.of_person(ctx.chains.person(p)).same(name) for p in present):
            return Hop.household
        return Hop.parent
    if abs(gap) > 20:
        return Hop.household
    minor = max(year, anchor.year) > date.today().year - 18
    if not minor and _names_as_partner(ctx, b.hyp.anchor, ctx.record(row)):
        return Hop.partner  # (a generation apart, the partner named is a namesake's)
    # of the other sex, or of a sex the record does not give, and born with another
    # surname: a partner
    other_sex = not sex or not anchor.sex or sex != anchor.sex
    if other_sex and not minor and not _same_birth_name(ctx, b, row):
        return Hop.partner
    return Hop.sibling


def _named_hop(ctx: _Context, anchor: str, record: Record) -> Hop:
    """What a co-resident of unknown age is to the anchor by the names the records give:
    a child when the record names the anchor as a parent, a parent when it is the parent
    a record of the anchor names (by name), a partner when it names the anchor as
    partner, a brother or sister (full or half) when it names a parent of the anchor;
    else nothing can be said (:attr:`Hop.household`)."""
    chains = ctx.chains
    person = chains.person(anchor)
    known = Name.of_person(person)
    female = person.sex is Sex.female
    for text in (record.mother_name, record.father_name):
        name = Name.written(text)
        if name is not None and known.same(name, married=female):
            return Hop.child
    own = Name.of_record(record)
    sex = record.sex or Sex.unknown
    for p in chains.parents(anchor):
        parent = chains.person(p)
        if sex in (Sex.unknown, parent.sex) and Name.of_person(parent).same(
            own, married=parent.sex is Sex.female
        ):
            # the parent a record names; one the graph holds already has this record
            # as a second of theirs, no kin
            return Hop.parent if p.startswith(NAMED) else Hop.household
    if _names_as_partner(ctx, anchor, record):
        return Hop.partner
    for column, psex in (("mother", Sex.female), ("father", Sex.male)):
        name = Name.written(getattr(record, f"{column}_name"))
        if name is not None and any(
            Name.of_person(chains.person(p)).same(name, married=psex is Sex.female)
            for p in chains.parent_of_sex(anchor, psex)
        ):
            return Hop.sibling  # full or half: the ties say which
    return Hop.household


def _names_as_partner(ctx: _Context, anchor: str, record: Record) -> bool:
    """Whether a record names the anchor (by any name of theirs) as partner."""
    partner = Name.written(record.partner_name)
    if partner is None:
        return False
    female = ctx.chains.person(anchor).sex is Sex.female
    return any(n.same(partner, married=female) for n in ctx.chains.names(anchor))


SAME_BIRTH_NAME = 0.9
"""Surnames at or above this Jaro-Winkler similarity are taken as one birth name."""


def _same_birth_name(ctx: _Context, b: _Best, row: int) -> bool:
    """Whether a co-resident was born with the anchor's surname: a brother or sister
    rather than a partner (a partner's married name is not a birth name)."""
    person = ctx.chains.person(b.hyp.anchor)
    record = ctx.record(row)
    mine = person.birth_surname or person.surname
    theirs = record.birth_surname or record.surname
    if not mine or not theirs:
        return False
    # a typo away, not a letter's different name (Kaya and Kara)
    similar = JaroWinkler.normalized_similarity(
        surname_forms(mine).full, surname_forms(theirs).full
    )
    return similar >= SAME_BIRTH_NAME


def _sayable(ctx: _Context, row: int, b: _Best) -> bool:
    """Whether what a record person reached through another record would be to that
    record's person can be said: someone at a found relative's address whose age and
    named parents do not say it is left out."""
    if b.hyp.hop is not Hop.household or not b.hyp.anchor.startswith(_RECORD_ANCHOR):
        return True
    return _household_hop(ctx, b, row) is not Hop.household


def _hop(ctx: _Context, b: _Best, row: int) -> Hop:
    return _household_hop(ctx, b, row) if b.hyp.hop is Hop.household else b.hyp.hop


GENERATION = 50
"""A parent is at most this many years older than their child: a record naming a known
relative as parent and born later still is taken as the child of a son or daughter of
theirs who bears their name."""


@dataclass(frozen=True)
class _Place:
    """Where a record person goes in the family graph: ``hop`` of ``anchor``, or (with
    ``namesake``) a grandchild of ``anchor`` through a son or daughter of their name."""

    anchor: str
    hop: Hop
    namesake: bool = False


def _year(ctx: _Context, node: str) -> int:
    """A person's birth year as the search knows it (0 if not)."""
    probe = ctx.probes.get(node)
    if probe is not None and probe.year:
        return probe.year
    born = ctx.chains.person(node).birth_date
    return born.year if born is not None and born.year else 0


def _place(ctx: _Context, b: _Best, row: int) -> _Place:
    """Where a record person goes: as the rule says, except that nobody is the child of
    a child (born less than 15 years ago); that a child of a known relative whose son or
    daughter bears their name and is of an age to be the record's parent (the nearer a
    generation's 30 years) is taken as that one's child; and that one born more than
    :data:`GENERATION` years after the relative, and a generation after their children,
    is the grandchild of a man (through his namesake son), and nothing said of a
    woman's."""
    hop = _hop(ctx, b, row)
    anchor = b.hyp.anchor
    if hop is Hop.child and _year(ctx, anchor) > date.today().year - 15:
        return _Place(anchor, Hop.household)  # a child has no children
    year = int(ctx.index.year[row])
    probe = ctx.probes.get(anchor)
    if hop is not Hop.child or not year or probe is None:
        return _Place(anchor, hop)
    chains = ctx.chains
    person = chains.person(anchor)
    name = Name.of_person(person)
    gap = year - probe.year if probe.year else None
    for c in chains.children(anchor):
        child = _year(ctx, c)
        if (
            child
            and 15 <= year - child <= GENERATION
            and (gap is None or abs(year - child - 30) < abs(gap - 30))
            and chains.person(c).sex is person.sex
            and any(n.same(name, married=person.sex is Sex.female) for n in chains.names(c))
        ):
            return _Place(c, hop)
    # a generation below the relative's children too (the relative's own birth year may
    # be a namesake's)
    below = all(year - _year(ctx, c) >= 15 for c in chains.children(anchor) if _year(ctx, c))
    if gap is not None and gap > GENERATION and below:
        # a son bears his father's full name; a woman's namesake a generation later is
        # no daughter of hers (a daughter bears her father's surname): nothing is said
        male = person.sex is Sex.male
        return _Place(anchor, hop, namesake=True) if male else _Place(anchor, Hop.household)
    return _Place(anchor, hop)


def _unguessed(ctx: _Context, rel: Relationship) -> Relationship:
    """A half relation that holds only through a parent the search guessed (no record
    names them) said without "half": what the graph says without that parent's ties
    to the others, when it is still a relation."""
    if rel.lineage is not Lineage.half:
        return rel
    g = ctx.kin_graph
    ties = ctx.chains.guessed_parent_ties(rel.path)
    if not ties:
        return rel
    removed = [(a, b, key, g.edges[a, b, key]) for a, b, key in ties]
    g.remove_edges_from(ties)
    try:
        plain = relate(g, rel.from_id, rel.to_id)
    finally:
        for a, b, key, data in removed:
            g.add_edge(a, b, key=key, **data)
    return plain if plain.related and plain.role is rel.role else rel


def _relate(
    ctx: _Context, anchor: str, hop: Hop, sex: Sex, row: int, *, namesake: bool = False
) -> Relationship | None:
    """What a person ``hop`` of ``anchor`` (the record at ``row``) would be to the child
    (with ``namesake``, a grandchild of ``anchor`` through a son or daughter of theirs)."""
    chains = ctx.chains
    g = ctx.kin_graph
    node = _HYPOTHETICAL
    added = [node]
    record = ctx.record(row)
    person = Person(
        id=node, given_names=(record.given_names or "").split(), surname=record.surname,
        birth_surname=record.birth_surname, sex=sex,
    )  # fmt: skip
    if hop is Hop.cousin:
        # through a sibling of the anchor whom the records do not show
        between = Person(id=_BETWEEN)
        chains.add(_BETWEEN, between, [(_BETWEEN, anchor, TieKind.sibling)])
        added.insert(0, _BETWEEN)
        edges = [(_BETWEEN, node, TieKind.parent)]
    else:
        if namesake:
            edges, made = chains.through_namesake(anchor, node)
        else:
            edges, made = chains.ties(anchor, hop, node, record, sex)
        added += made
        if not edges:
            return None
    chains.add(node, person, edges)
    try:
        return _unguessed(ctx, relate(g, ctx.child, node))
    finally:
        g.remove_nodes_from(added)
        chains.forget(added)


_HOP_WORD = {Hop.child: "child", Hop.parent: "parent", Hop.sibling: "sibling",
             Hop.partner: "partner"}  # fmt: skip


def _sex_of(ctx: _Context, row: int, hyp: Hypothesis) -> Sex:
    """The record's sex, or the one the rule asked for (a mother a record names)."""
    sex = _SEX.get(int(ctx.index.sex[row]), Sex.unknown)
    if sex is Sex.unknown:
        wanted = next((p.left for p in hyp.parts if p.field == "sex"), None)
        sex = {"male": Sex.male, "female": Sex.female}.get(wanted or "", Sex.unknown)
    return sex


def _kin_found(ctx: _Context, row: int, b: _Best, place: _Place) -> Found:
    """A ranked record as a proposal, where :func:`_place` put it."""
    hop, anchor = place.hop, place.anchor
    sex = _sex_of(ctx, row, b.hyp)
    node = f"{_RECORD_ANCHOR}{row}"
    if node in ctx.kin_graph:
        # followed already: the graph holds it with the ties the chain gave it (a
        # second, hypothesised copy would be a stranger beside it)
        kinship: Relationship | None = _unguessed(ctx, relate(ctx.kin_graph, ctx.child, node))
    else:
        kinship = _relate(ctx, anchor, hop, sex, row, namesake=place.namesake)
    extra = []
    if b.rules:
        extra.append(
            Evidence(
                field="also",
                level=", ".join(sorted(_RULE_TEXT.get(r, r) for r in b.rules)),
                weight=CORROBORATION * min(len(b.rules), 2),
            )
        )
    link = ctx.links.get(anchor)
    relation = None if place.namesake else _HOP_WORD.get(hop)
    relation_to: str | None = link.root if link is not None else anchor
    if b.hyp.hop is Hop.relative and link is None:
        side = ctx.relations[anchor].side
        relation = f"{side.value}_relative" if side.value in ("maternal", "paternal") else None
    elif relation is None and b.hyp.hop is not Hop.cousin and not place.namesake:
        relation_to = None
    return Found(
        kind=CandidateKind.kin,
        probability=b.p,
        evidence=_evidence(b.hyp, b.k, [*_chain_evidence(ctx, anchor), *extra], ctx.record(row)),
        rule=b.hyp.rule,
        record_id=ctx.index.ids[row],
        relation=relation,
        relation_to=relation_to,
        kinship=kinship,
    )


def _chain_evidence(ctx: _Context, anchor: str) -> list[Evidence]:
    """One line per record the chain went through, from the known relative outward."""
    link = ctx.links.get(anchor)
    if link is None:
        return []
    return [
        Evidence(field=VIA_RECORD, left=word, right=rid, level=_VIA, weight=_bits(p))
        for word, rid, p in link.steps
    ]


def _bits(p: float) -> float:
    return math.log2(min(max(p, 1e-9), 1.0))


EXPAND = 0.3
"""Kin records at or above this probability become anchors of the next round."""
ROUNDS = 2
"""Rounds of expansion after the first: parent → grandparent → great-grandparent,
grandparent → aunt → cousin."""
PER_ROUND = 4
"""Records expanded per round, the most probable first: the budget that keeps a search
over a million records fast."""
_RECORD_ANCHOR = "tenhands:record:"
_EXPANDABLE = (Hop.child, Hop.parent, Hop.sibling, Hop.partner, Hop.household)
_VIA = "a relative's own record"


@dataclass(frozen=True)
class _Link:
    """How a record person is reached: the known relative the chain starts from, and per
    record on the way (the record itself last) its hop to the one before, its id and the
    probability of that step."""

    root: str
    steps: tuple[tuple[str, str, float], ...]


def _expand(
    ctx: _Context, best: dict[int, _Best], expanded: set[int], skip: Skip
) -> list[Hypothesis]:
    """One round from the most probable kin records not yet expanded: an aunt's record
    leads to her children (cousins) and her parents, a father's record to his parents
    (grandparents) and siblings (aunts and uncles)."""
    out: list[Hypothesis] = []
    strong = sorted(
        (
            (row, b)
            for row, b in best.items()
            if row not in expanded
            and b.p >= EXPAND
            and b.hyp.hop in _EXPANDABLE
            and not (b.hyp.hop is Hop.household and b.hyp.anchor.startswith(_RECORD_ANCHOR))
        ),
        key=lambda x: (-x[1].p, x[0]),
    )[:PER_ROUND]
    for row, _b in strong:
        expanded.add(row)
        skip[row] = True
    for row, b in strong:
        place = _place(ctx, b, row)
        hop = place.hop
        word = _HOP_WORD.get(hop)
        if word is None:
            continue
        record = ctx.record(row)
        node = f"{_RECORD_ANCHOR}{row}"
        sex = _sex_of(ctx, row, b.hyp)
        person = person_from_record(record, "kin search", node).model_copy(
            update={"id": node, "sex": sex}
        )
        if place.namesake:
            edges, _made = ctx.chains.through_namesake(place.anchor, node)
        else:
            edges, _made = ctx.chains.ties(place.anchor, hop, node, record, sex)
        ctx.chains.add(node, person, edges)
        if hop is Hop.parent:
            ctx.chains.drop_named(node)
        before = ctx.links.get(place.anchor)
        root = before.root if before is not None else place.anchor
        chain = math.prod(p for _w, _r, p in before.steps) if before is not None else 1.0
        ctx.links[node] = _Link(
            root, (*(before.steps if before else ()), (word, record.id, b.p / max(chain, 1e-9)))
        )
        probe = person_probe(ctx.index, person, [record])
        ctx.probes[node] = probe
        partners = [ctx.probes[q] for q in _partners(ctx, node) if q in ctx.probes]
        found = named_parent(ctx.index, probe, partners, exclude=skip, family=_family(ctx, node))
        if hop is not Hop.child:  # a descendant's other parent is no blood relative
            found += parent_named(
                ctx.index, probe, _unknown_parents(ctx, node, record), 1.0, exclude=skip
            )
        sibs = same_parents(
            ctx.index, probe, record, 1.0, exclude=skip, parents=_parent_probes(ctx, node)
        )
        if sibs is not None:
            found.append(sibs)
        home = household(ctx.index, probe, exclude=skip)
        if home is not None:  # who lives at the relative's address
            found.append(home)
        out += [replace(h, chain=h.chain * b.p, via=record.id) for h in found]
    return out


def _family(ctx: _Context, node: str) -> frozenset[str]:
    """The surnames (full forms) of a person's children in the graph, other than the
    person's birth surname (which says nothing more than the name a record gives)."""
    person = ctx.chains.person(node)
    born = person.birth_surname or person.surname
    out = set()
    for c in ctx.chains.children(node):
        surname = ctx.chains.person(c).surname
        if surname and not c.startswith(_HYPOTHETICAL):
            out.add(surname_forms(surname).full)
    return frozenset(out - {surname_forms(born).full} if born else out)


def _parent_probes(ctx: _Context, node: str) -> list[Probe]:
    """Probes of a person's parents in the graph whose birth year is known."""
    out = []
    for p in ctx.chains.parents(node):
        probe = ctx.probes.get(p)
        if probe is None and not p.startswith(NAMED):
            probe = ctx.probes[p] = _probe(ctx, p)
        if probe is not None and probe.year:
            out.append(probe)
    return out


def _unknown_parents(ctx: _Context, node: str, record: Record) -> Record:
    """The record with the parents the graph already holds left out: their own records
    are found as theirs, not as kin."""
    update = {
        f"{column}_name": None
        for column, sex in (("mother", Sex.female), ("father", Sex.male))
        if any(not p.startswith(NAMED) for p in ctx.chains.parent_of_sex(node, sex))
    }
    return record.model_copy(update=update) if update else record


RULE_PRIORS = {
    "household": 1.0,
    "named_parent": -1.5,
    "parent_named": 0.0,
    "same_parents": -1.0,
    "partner_of": -2.0,
    "family_name": -3.0,
    "family_name/sibling": 0.0,
    "family_name_parent": -3.0,
}
"""Bits added to each rule's prior (``rule/hop`` where a rule has several hops): they
steer the search (which records a round follows further, which rule speaks for a
record). What the resulting probabilities mean is the track record's business
(:mod:`.track`), fitted on the search as it is with these priors."""


def _rule_key(b: _Best, place: _Place) -> str:
    """The rule and the hop it proposes, as the track record keeps them: the hop the
    proposal will say (:func:`_kin_found`), none for a namesake's grandchild."""
    return rule_key(b.hyp.rule, None if place.namesake else _HOP_WORD.get(place.hop))


def _steps(ctx: _Context, b: _Best) -> int:
    """How many found records the chain to a proposal went through."""
    link = ctx.links.get(b.hyp.anchor)
    return len(link.steps) if link is not None else 0


def _shifted(p: float, bits: float) -> float:
    return p if not bits else 1.0 / (1.0 + 2.0 ** -(logit2(p) + bits))


def _with_track(found: Found, track: TrackRecord, key: str, shown: float, learned: float) -> Found:
    """A proposal with the probability its track record gives and the workers'
    decisions moved (``learned`` bits, whole), and a line saying each."""
    tally = track.tally(key)
    lines = []
    if tally is not None or shown != found.probability:
        tracked = _shifted(shown, -learned)
        lines.append(
            Evidence(
                field=TRACK_RECORD,
                level=f"{tally.kin}/{tally.proposed}" if tally else "",
                right=key,
                weight=logit2(tracked) - logit2(found.probability),
            )
        )
    if learned:
        lines.append(
            Evidence(field=CALIBRATION, level="learned from workers' decisions",
                     right=found.rule, weight=learned)
        )  # fmt: skip
    return replace(found, probability=shown, evidence=[*found.evidence, *lines])


def _tracked(hyp: Hypothesis) -> Hypothesis:
    bits = RULE_PRIORS.get(f"{hyp.rule}/{hyp.hop.value}", RULE_PRIORS.get(hyp.rule, 0.0))
    if not bits:
        return hyp
    return replace(hyp, prior=hyp.prior + bits, bits=hyp.bits + bits)


def _same_persons(ctx: _Context, ranked: list[tuple[int, _Best]]) -> list[tuple[int, _Best]]:
    """The ranked records with a second record of one person left out (the same first
    given name, surname and birth year)."""
    index = ctx.index
    seen: set[tuple[int, str, int]] = set()
    out = []
    for row, b in ranked:
        year = int(index.year[row])
        surname = str(index.birth_surname[row] or index.surname[row])
        key = (int(index.given_code[row]), surname, year)
        if year and key[0] >= 0 and surname:
            if key in seen:
                continue
            seen.add(key)
        out.append((row, b))
    return out


def _graph_kin(ctx: _Context, learned: float = 0.0) -> list[Found]:
    """Relatives in the family graph (through other cases) not in this case yet: links,
    with what they would be to the child and nothing of theirs."""
    out = []
    for pid, rel in ctx.relations.items():
        if pid in ctx.case_persons or not rel.related or rel.kind not in _GRAPH_KINDS:
            continue
        degree = rel.degree or 9
        p = 0.97 if degree <= 3 else 0.9 if degree <= 5 else 0.75
        if rel.kind is Kind.in_law or rel.former:
            p -= 0.2
        code = relation_code(rel)
        evidence = [
            Evidence(
                field="family_graph",
                level=f"{rel.words('en', with_side=True)} through ties in other cases",
                right="family_graph",
                weight=math.log2(p / (1 - p)),
            )
        ]
        if learned:
            evidence.append(
                Evidence(field=CALIBRATION, level="learned from workers' decisions",
                         right="family_graph", weight=learned)
            )  # fmt: skip
            p = 1.0 / (1.0 + 2.0 ** -(math.log2(p / (1 - p)) + learned))
        out.append(
            Found(
                kind=CandidateKind.kin,
                probability=p,
                evidence=evidence,
                rule="family_graph",
                person_id=pid,
                relation=code,
                relation_to=ctx.child,
                kinship=rel,
                elsewhere=True,
            )
        )
    return out


def find_kin(
    store: GraphStore,
    case_id: str,
    index: RecordIndex,
    *,
    limit: int = 20,
    calibration: Calibration | None = None,
    track: TrackRecord | None = None,
) -> KinSearch:
    """Search ``index`` (and the family graph) for a case's kin; see the module doc.
    ``calibration`` (from :func:`~.learning.learn`) adds what workers' decisions taught
    to each rule. ``track`` maps the search's probabilities to what such proposals turned
    out to be (:mod:`.track`; the shipped track record when not given). Records gathered
    for other cases are never read (see the module doc).

    Raises :class:`~tenhands.graph.errors.NotFound` for an unknown case.
    """
    case_graph = store.case_subgraph(case_id)
    case = case_graph.graph["case"]
    child = case.child_ids[0]
    kin_graph = surroundings(store, case.child_ids)
    for pid in case_graph.nodes:
        if pid not in kin_graph:
            kin_graph.add_node(pid, **case_graph.nodes[pid])
    ctx = _Context(
        store=store,
        index=index,
        kin_graph=kin_graph,
        case_persons=set(case_graph.nodes),
        child=child,
        relations=relationships_from(kin_graph, child),
        hidden=index.out_of_scope(case.id),
        chains=FamilyChains(kin_graph, child),
    )
    anchors = _anchors(ctx, case.child_ids)
    for pid in anchors:
        ctx.probes[pid] = _probe(ctx, pid)
    own, matches = _own_records(ctx, anchors)
    lineage = ctx.chains.lineage()
    for pid in anchors:
        if pid in lineage:
            ctx.chains.name_parents(pid, [ctx.record(row) for row, _p in own.get(pid, [])])
    exclude = ctx.hidden.copy()  # a record taken as a known person's is not kin too
    exclude[[row for rows in own.values() for row, _p in rows]] = True
    exclude[ctx.near] = True
    cal = calibration or Calibration.empty()
    hypotheses = [_tracked(h) for h in _hypotheses(ctx, anchors, own, exclude)]
    best = _join(hypotheses)
    expanded: set[int] = set()
    skip = exclude.copy()
    for _round in range(ROUNDS):
        more = [_tracked(h) for h in _expand(ctx, best, expanded, skip)]
        if not more:
            break
        hypotheses += more
        best = _join(hypotheses)
    track = track or shipped()
    places = {row: _place(ctx, b, row) for row, b in best.items()}
    keys = {row: _rule_key(b, places[row]) for row, b in best.items()}
    shown = {
        row: _shifted(track.shown(keys[row], b.p, _steps(ctx, b)), cal.bits(b.hyp.rule))
        for row, b in best.items()
    }
    ranked = sorted(
        (
            (row, b)
            for row, b in best.items()
            if shown[row] >= track.floor and _sayable(ctx, row, b)
        ),
        key=lambda x: (-shown[x[0]], x[0]),
    )
    ranked = _same_persons(ctx, ranked)[:limit]
    found = [
        _with_track(
            _kin_found(ctx, row, b, places[row]),
            track,
            keys[row],
            shown[row],
            cal.bits(b.hyp.rule),
        )
        for row, b in ranked
    ]
    graph_kin = _graph_kin(ctx, cal.bits("family_graph"))
    kin = sorted([*found, *graph_kin], key=lambda f: -f.probability)[:limit]
    return KinSearch(case_id=case.id, child_id=child, kin=kin, matches=matches)
