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

from ...graph.kinship import Kind, Relationship, relate, relationships_from
from ...graph.model import (
    CandidateKind,
    Evidence,
    Person,
    Record,
    Sex,
    Tie,
    TieKind,
)
from ...graph.network import surroundings
from ...graph.store import GraphStore
from ..review.accept import person_from_record
from .found import Found, KinSearch, relation_code
from .index import RecordIndex, Skip
from .learning import CALIBRATION, Calibration
from .probes import Probe, person_probe
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
)
from .scoring import probability

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
SUPPORT = 0.3
"""A rule corroborates another's finding only at or above this probability."""
_WEAK_RULES = frozenset({"family_name", "family_name_parent"})
"""Rules too weak to corroborate another."""
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
    probes: dict[str, Probe] = field(default_factory=dict)
    records: dict[int, Record] = field(default_factory=dict)

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


def _partners(ctx: _Context, pid: str) -> list[str]:
    """Partners, ex-partners and co-parents of a person in the family graph, of those in
    the case (a partner known only in another case is not read)."""
    g = ctx.kin_graph
    out: set[str] = set()
    for _a, b, kind in g.out_edges(pid, data="kind"):
        if kind in (TieKind.partner, TieKind.ex_partner):
            out.add(b)
        if kind is TieKind.parent:
            for other, _c, k2 in g.in_edges(b, data="kind"):
                if k2 is TieKind.parent and other != pid:
                    out.add(other)
    for a, _b, kind in g.in_edges(pid, data="kind"):
        if kind in (TieKind.partner, TieKind.ex_partner):
            out.add(a)
    return sorted(out & ctx.case_persons)


def _probe(ctx: _Context, pid: str, own: Iterable[Record] = ()) -> Probe:
    return person_probe(ctx.index, _person(ctx.kin_graph, pid), own)


def _own_records(
    ctx: _Context, anchors: Sequence[str]
) -> tuple[dict[str, list[tuple[int, float]]], list[Found]]:
    """Per anchor, the rows that are their records (with probability), and the match
    proposals: each record goes to the known person it fits best."""
    best: dict[int, tuple[float, str, Hypothesis, int]] = {}
    for pid in anchors:
        hyp = same_person(ctx.index, ctx.probes[pid])
        probs = probability(hyp.bits)
        for k in np.flatnonzero((probs >= MATCH) & ~ctx.hidden[hyp.rows]).tolist():
            row = int(hyp.rows[k])
            if row not in best or probs[k] > best[row][0]:
                best[row] = (float(probs[k]), pid, hyp, k)
    own: dict[str, list[tuple[int, float]]] = defaultdict(list)
    matches = []
    for row, (p, pid, hyp, k) in sorted(best.items(), key=lambda x: (-x[1][0], x[0])):
        own[pid].append((row, p))
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
    if hyp.calibration:
        out.append(
            Evidence(
                field=CALIBRATION, level="learned from workers' decisions", right=hyp.rule,
                weight=hyp.calibration,
            )
        )  # fmt: skip
    if hyp.chain < 1.0:
        bits = math.log2(max(hyp.chain, 1e-9))
        out.append(Evidence(field="via_record", level="a relative's own record", weight=bits))
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
        ctx.probes[pid] = probe
        partners = [ctx.probes.get(q) or _probe(ctx, q) for q in _partners(ctx, pid)]
        out += named_parent(index, probe, partners, exclude=exclude)
        out += partner_of(index, probe, mine, exclude=exclude)
        for record, p in mine:
            out += parent_named(index, probe, record, p, exclude=exclude)
            sibs = same_parents(index, probe, record, p, exclude=exclude)
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
        target = weak if hyp.rule in _WEAK_RULES else best
        for k in np.flatnonzero(p >= FLOOR).tolist():
            row = int(hyp.rows[k])
            if hyp.rule not in _WEAK_RULES and p[k] >= SUPPORT:
                support[row].add(hyp.rule)
            if row not in target or p[k] > target[row].p:
                target[row] = _Best(float(p[k]), hyp, k, set())
    for row, b in weak.items():
        if row not in best or best[row].p < SUPPORT:
            best[row] = b
    for row, b in best.items():
        others = support[row] - {b.hyp.rule}
        b.rules = others
        if others:
            bits = float(b.hyp.bits[b.k]) + CORROBORATION * min(len(others), 2)
            b.p = float(probability(np.array([bits]))[0]) * b.hyp.chain
    return best


def _household_hop(ctx: _Context, b: _Best, row: int) -> Hop:
    anchor = ctx.probes[b.hyp.anchor]
    year = int(ctx.index.year[row])
    if not year or not anchor.year:
        return Hop.household
    gap = year - anchor.year
    if 15 <= gap <= 50:
        return Hop.child
    if -50 <= gap <= -15:
        return Hop.parent
    sex = int(ctx.index.sex[row])
    minor = max(year, anchor.year) > date.today().year - 18
    if sex and anchor.sex and sex != anchor.sex and not minor:
        return Hop.partner
    return Hop.sibling


def _relate(ctx: _Context, anchor: str, hop: Hop, sex: Sex) -> Relationship | None:
    """What a person ``hop`` of ``anchor`` would be to the child."""
    g = ctx.kin_graph
    added = [_HYPOTHETICAL]
    if hop is Hop.cousin:
        # through a sibling of the anchor whom the records do not show
        g.add_node(_BETWEEN, person=Person(id=_BETWEEN), role=None, is_child=False)
        added.insert(0, _BETWEEN)
        for t in (
            _tie_for(Hop.sibling, anchor, _BETWEEN),
            _tie_for(Hop.child, _BETWEEN, _HYPOTHETICAL),
        ):
            assert t is not None
            g.add_edge(t.source_id, t.target_id, key=t.id, tie=t, kind=t.kind)
    else:
        tie = _tie_for(hop, anchor, _HYPOTHETICAL)
        if tie is None:
            return None
        g.add_edge(tie.source_id, tie.target_id, key=tie.id, tie=tie, kind=tie.kind)
    g.add_node(_HYPOTHETICAL, person=Person(id=_HYPOTHETICAL, sex=sex), role=None, is_child=False)
    try:
        return relate(g, ctx.child, _HYPOTHETICAL)
    finally:
        g.remove_nodes_from(added)


_HOP_WORD = {Hop.child: "child", Hop.parent: "parent", Hop.sibling: "sibling",
             Hop.partner: "partner"}  # fmt: skip


def _kin_found(ctx: _Context, row: int, b: _Best) -> Found:
    hop = b.hyp.hop
    if hop is Hop.household:
        hop = _household_hop(ctx, b, row)
    sex = _SEX.get(int(ctx.index.sex[row]), Sex.unknown)
    kinship = _relate(ctx, b.hyp.anchor, hop, sex)
    extra = []
    if b.rules:
        extra.append(
            Evidence(
                field="also",
                level=", ".join(sorted(_RULE_TEXT.get(r, r) for r in b.rules)),
                weight=CORROBORATION * min(len(b.rules), 2),
            )
        )
    relation = _HOP_WORD.get(hop)
    relation_to: str | None = b.hyp.anchor
    if b.hyp.anchor.startswith(_RECORD_ANCHOR):
        # through a record not reviewed yet: the relation is said to the child
        relation = relation_code(kinship) if kinship is not None and kinship.related else None
        relation_to = ctx.child if relation else None
    elif b.hyp.hop is Hop.cousin:
        relation = relation_code(kinship) if kinship is not None and kinship.related else None
        relation_to = ctx.child if relation else None
    elif b.hyp.hop is Hop.relative:
        side = ctx.relations[b.hyp.anchor].side
        relation = f"{side.value}_relative" if side.value in ("maternal", "paternal") else None
    elif relation is None:
        relation_to = None
    return Found(
        kind=CandidateKind.kin,
        probability=b.p,
        evidence=_evidence(b.hyp, b.k, extra, ctx.record(row)),
        rule=b.hyp.rule,
        record_id=ctx.index.ids[row],
        relation=relation,
        relation_to=relation_to,
        kinship=kinship,
    )


EXPAND = 0.5
"""Kin records at or above this probability become anchors of a second round."""
MAX_EXPANDED = 12
_RECORD_ANCHOR = "tenhands:record:"
_BLOOD_HOPS = (Hop.child, Hop.parent, Hop.sibling)


def _expand(ctx: _Context, best: dict[int, _Best], exclude: Skip) -> list[Hypothesis]:
    """A second round from the most probable kin records: an aunt's record leads to her
    children (cousins), a father's record to his parents (grandparents)."""
    out: list[Hypothesis] = []
    strong = sorted(
        ((row, b) for row, b in best.items() if b.p >= EXPAND and b.hyp.hop in _BLOOD_HOPS),
        key=lambda x: (-x[1].p, x[0]),
    )
    taken = np.array([row for row, _b in strong[:MAX_EXPANDED]], dtype=np.int64)
    skip = exclude.copy()
    skip[taken] = True
    for row, b in strong[:MAX_EXPANDED]:
        hop = _household_hop(ctx, b, row) if b.hyp.hop is Hop.household else b.hyp.hop
        tie = _tie_for(hop, b.hyp.anchor, f"{_RECORD_ANCHOR}{row}")
        if tie is None:
            continue
        record = ctx.record(row)
        node = f"{_RECORD_ANCHOR}{row}"
        person = person_from_record(record, "kin search", node).model_copy(update={"id": node})
        ctx.kin_graph.add_node(node, person=person, role=None, is_child=False)
        ctx.kin_graph.add_edge(tie.source_id, tie.target_id, key=tie.id, tie=tie, kind=tie.kind)
        probe = person_probe(ctx.index, person, [record])
        ctx.probes[node] = probe
        found = [
            *named_parent(ctx.index, probe, [], exclude=skip),
            *parent_named(ctx.index, probe, record, 1.0, exclude=skip),
        ]
        sibs = same_parents(ctx.index, probe, record, 1.0, exclude=skip)
        if sibs is not None:
            found.append(sibs)
        out += [replace(h, chain=h.chain * b.p, via=record.id) for h in found]
    return out


def _tie_for(hop: Hop, anchor: str, other: str) -> Tie | None:
    ends = {
        Hop.child: (anchor, other, TieKind.parent),
        Hop.parent: (other, anchor, TieKind.parent),
        Hop.sibling: (other, anchor, TieKind.sibling),
        Hop.partner: (other, anchor, TieKind.partner),
    }
    if hop not in ends:
        return None
    source, target, kind = ends[hop]
    return Tie(id=f"{other}-tie", source_id=source, target_id=target, kind=kind)


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
) -> KinSearch:
    """Search ``index`` (and the family graph) for a case's kin; see the module doc.
    ``calibration`` (from :func:`~.learning.learn`) adds what workers' decisions taught
    to each rule. Records gathered for other cases are never read (see the module doc).

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
    )
    anchors = _anchors(ctx, case.child_ids)
    for pid in anchors:
        ctx.probes[pid] = _probe(ctx, pid)
    own, matches = _own_records(ctx, anchors)
    exclude = ctx.hidden.copy()  # a record taken as a known person's is not kin too
    exclude[[row for rows in own.values() for row, _p in rows]] = True
    cal = calibration or Calibration.empty()
    first = [h.calibrated(cal.bits(h.rule)) for h in _hypotheses(ctx, anchors, own, exclude)]
    second = [h.calibrated(cal.bits(h.rule)) for h in _expand(ctx, _join(first), exclude)]
    best = _join([*first, *second])
    ranked = sorted(best.items(), key=lambda x: (-x[1].p, x[0]))[:limit]
    found = [_kin_found(ctx, row, b) for row, b in ranked]
    graph_kin = _graph_kin(ctx, cal.bits("family_graph"))
    kin = sorted([*found, *graph_kin], key=lambda f: -f.probability)[:limit]
    return KinSearch(case_id=case.id, child_id=child, kin=kin, matches=matches)
