"""The genogram (McGoldrick): generations in rows, couples joined through a union point,
children hanging from it in birth order.

Rules:

- Only family is drawn (the children of the case and their kin, in-laws included);
  informal supporters and professionals are counted in a note.
- The row of a person is their generation seen from the children (parents one row up,
  grandparents two…), from the kinship calculator, which follows the parent ties;
  partners who married in share their partner's row; a person the calculator cannot
  place takes a row from their ties (parent above child, partners and siblings level).
- A couple (partner or ex-partner tie, or two parents of one child) gets a union point
  between the two; their children hang from it, oldest left. A child with one known
  parent hangs from that parent. A divorce is marked ``divorced`` (two slashes), a
  separation ``separated`` (one), on the couple's line. Adoptive links are dashed,
  foster and guardianship links dotted. Half-siblings hang from the union of their own
  two parents, so they sit under the right couple.
- In each row the mother's family is on the left, the father's on the right (as on the
  ecomap), with the couple that joins them between; within a couple block married-in
  partners sit on the outside. Positions are found by sweeping down and up the rows:
  each person is drawn toward the centre of their parents' union (children spread
  evenly under it) or of their own children, and the row is then separated by least
  squares so no two persons are closer than ``Geometry.gap``, nor their labels
  (wrapped narrow, :data:`WRAP`, and estimated from their length) overlap, and
  partners stand far enough apart for the line down from their union to pass between
  their labels; the last sweep goes down, so children end centred under their parents
  where room allows. So that no family's line to its children crosses another family's
  sibling line, a row's order is then adjusted: a chain of partners (a man between his
  former and his present partner) stands in the chain's order; couple blocks follow where
  their families' lines come down from the row above; no one stands between the first
  and the last child of another family. These are local rules, not a search of every
  order: a knot the sides' conventions force can remain.
- Lines never cross the labels of the parents' row: from a union point one line goes
  down to below the labels, a sibship line runs across, and a line drops to each child;
  a single parent's line leaves beside their label (toward the children, or where there
  is more room when they stand below; never across where the parent's couple lets its
  own children down). A couple with persons standing between them lets its children down
  in a room between two labels that is not another couple's. Sibship lines that would overlap in
  one gap between rows get their own heights. A couple with someone standing between
  them is joined by a line over that person's head. The bends are unlabelled points
  (dots of size 0).
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass, field

from tenhands.graph.model import Basis, PartnerStatus, TieKind
from tenhands.graph.model.tie import GenogramDrawing

from .. import labels
from ..palette import (
    HOUSEHOLD_COLOUR,
    PARENT_LINE_COLOUR,
    UNION_COLOUR,
    UNKNOWN_PARENTS_COLOUR,
    Group,
)
from ..redaction import Link, Member, Network
from ..scene import Boundary, LineStyle, SceneEdge, SceneNode, Shape
from . import Geometry, Placed, label_height, label_width, separate

WRAP = labels.NARROW_WRAP
"""Genogram labels are wrapped narrow (rows are wide, generations far apart)."""

_PARENT_KINDS = frozenset(k for k in TieKind if k.genogram is GenogramDrawing.descent)
_COUPLE_KINDS = frozenset(k for k in TieKind if k.genogram is GenogramDrawing.couple)
_SIBLING_KINDS = frozenset(
    k for k in TieKind if k.genogram in (GenogramDrawing.sibship, GenogramDrawing.half_sibship)
)
"""Each tie kind is drawn as its :attr:`~tenhands.graph.model.TieKind.genogram` says."""
SWEEPS = 6


@dataclass
class Union:
    key: str
    partners: tuple[str, str]
    marks: tuple[str, ...] = ()
    children: list[str] = field(default_factory=list)


def in_genogram(m: Member) -> bool:
    return m.is_child or m.kin


def label_of(m: Member) -> str:
    """The genogram's label: the name, the age or year of death where the map may know it
    (``42``, ``† 2019``: the work map, see :attr:`.Member.age`), then the relation."""
    if not m.age:
        return m.label
    name, _, rest = m.label.partition("\n")
    return f"{name}\n{m.age}\n{rest}" if rest else f"{name}\n{m.age}"


def layout(net: Network, geo: Geometry) -> Placed:
    fam = [m for m in net.members if in_genogram(m)]
    keys = {m.key for m in fam}
    by_key = {m.key: dataclasses.replace(m, label=label_of(m)) for m in fam}
    links = [lk for lk in net.links if lk.source in keys and lk.target in keys]
    placed = Placed(positions={})
    placed.labels.update({k: m.label for k, m in by_key.items()})
    left_out = len(net.members) - len(fam)
    if left_out:
        placed.notes.append(labels.say("not_in_genogram", net.lang, n=left_out))

    row = _rows(fam, links)
    unions, parent_of, single, extra = _unions(fam, links, by_key)
    unknown = _sibships(links, parent_of, single, row, by_key)
    unions_of: dict[str, list[Union]] = {}
    for u in unions:
        for p in u.partners:
            unions_of.setdefault(p, []).append(u)
    family_of: dict[str, str] = {c: u.key for c, u in parent_of.items()}
    family_of.update({c: f"{p}>" for c, (p, _) in single.items()})
    family_of.update({c: q.key for q in unknown for c in q.children})

    siblings: dict[str, list[str]] = {}
    for lk in links:
        if lk.kind in _SIBLING_KINDS:
            siblings.setdefault(lk.source, []).append(lk.target)
            siblings.setdefault(lk.target, []).append(lk.source)
    birth = sorted(keys, key=lambda k: (by_key[k].birth_key, k))
    middle = {p for u in unions if any(by_key[c].is_child for c in u.children) for p in u.partners}
    middle |= {p for c, (p, _) in single.items() if by_key[c].is_child}
    couples = {u.partners for u in unions}
    x: dict[str, float] = {}
    rows = sorted(set(row.values()))
    for sweep in range(SWEEPS * 2 + 1):
        down = sweep % 2 == 0
        for r in rows if down else reversed(rows):
            members = sorted((k for k in keys if row[k] == r), key=lambda k: by_key[k].birth_key)
            desired = {
                k: _desired(k, x, down, parent_of, single, unions_of, siblings, birth, geo)
                for k in members
            }
            above = _anchors(members, family_of, parent_of, single, couples, row, x, by_key, geo)
            _place_row(members, desired, x, by_key, unions_of, row, family_of, middle, above, geo)

    for k in keys:
        placed.positions[k] = (round(x[k], 2), round(row[k] * geo.row, 2))
    direct = [(p, c, b) for c, (p, b) in single.items()] + extra
    _draw(placed, unions, unknown, direct, links, row, x, geo, by_key)
    placed.used.update(["junction.unknown"] if unknown else [])
    _households(placed, by_key, row, x, geo)
    return placed


# --- rows ---------------------------------------------------------------------------


def _rows(fam: list[Member], links: list[Link]) -> dict[str, int]:
    row: dict[str, int] = {m.key: m.generation for m in fam if m.generation is not None}
    in_law = {m.key for m in fam if m.in_law}
    # married-in partners share their partner's row
    for lk in links:
        if lk.kind in _COUPLE_KINDS:
            for a, b in ((lk.source, lk.target), (lk.target, lk.source)):
                if a in in_law and b not in in_law and b in row:
                    row[a] = row[b]
    changed = True
    while changed:
        changed = False
        for lk in links:
            s, t = lk.source, lk.target
            rows = lk.kind.genogram.rows
            if rows is None:
                continue
            pairs = ((s, t, rows), (t, s, -rows))
            for a, b, step in pairs:
                if a in row and b not in row:
                    row[b] = row[a] + step
                    changed = True
    for m in fam:
        row.setdefault(m.key, 0)
    _settle(row, links)
    return row


def _settle(row: dict[str, int], links: list[Link]) -> None:
    """Children below their parents, and a partner without parents in the map in the
    other partner's row, whatever inconsistent data says (bounded: cycles in parent ties
    cannot loop forever)."""
    parent_links = [(lk.source, lk.target) for lk in links if lk.kind in _PARENT_KINDS]
    has_parents = {c for _, c in parent_links}
    children_of: dict[str, list[str]] = {}
    for p, c in parent_links:
        children_of.setdefault(p, []).append(c)
    couples = [(lk.source, lk.target) for lk in links if lk.kind in _COUPLE_KINDS]
    for _ in range(len(row) + 2):
        changed = False
        for p, c in parent_links:
            if row[c] <= row[p]:
                row[c] = row[p] + 1
                changed = True
        for a, b in couples:
            if row[a] == row[b]:
                continue
            for mover, stay in ((a, b), (b, a)):
                kids = children_of.get(mover, [])
                if mover not in has_parents and all(row[k] > row[stay] for k in kids):
                    row[mover] = row[stay]
                    changed = True
                    break
        if not changed:
            return


# --- unions -------------------------------------------------------------------------


def _unions(
    fam: list[Member], links: list[Link], by_key: dict[str, Member]
) -> tuple[
    list[Union], dict[str, Union], dict[str, tuple[str, Basis]], list[tuple[str, str, Basis]]
]:
    couples: dict[tuple[str, str], list[Link]] = {}
    for lk in links:
        if lk.kind in _COUPLE_KINDS:
            couples.setdefault(_pair(lk.source, lk.target), []).append(lk)
    parents: dict[str, list[Link]] = {}
    for lk in links:
        if lk.kind in _PARENT_KINDS:
            parents.setdefault(lk.target, []).append(lk)

    pairs: set[tuple[str, str]] = set(couples)
    for pls in parents.values():
        ordered = _parent_order(pls)
        if len(ordered) >= 2:
            pairs.add(_pair(ordered[0].source, ordered[1].source))

    unions: dict[tuple[str, str], Union] = {}
    for i, pair in enumerate(sorted(pairs)):
        unions[pair] = Union(key=f"u{i + 1}", partners=pair, marks=_marks(couples.get(pair, [])))
    parent_of: dict[str, Union] = {}
    single: dict[str, tuple[str, Basis]] = {}
    extra: list[tuple[str, str, Basis]] = []
    for child in sorted(parents):
        ordered = _parent_order(parents[child])
        if len(ordered) >= 2:
            u = unions[_pair(ordered[0].source, ordered[1].source)]
            u.children.append(child)
            parent_of[child] = u
            # a third parent (adoptive, foster, guardian beside two others): a direct line
            extra += [(lk.source, child, lk.basis) for lk in ordered[2:]]
        else:
            single[child] = (ordered[0].source, ordered[0].basis)
    for u in unions.values():
        u.children.sort(key=lambda k: (by_key[k].birth_key, k))
    return sorted(unions.values(), key=lambda u: u.key), parent_of, single, extra


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _parent_order(pls: list[Link]) -> list[Link]:
    rank = {Basis.biological: 0, Basis.adoptive: 1, Basis.legal: 2, Basis.foster: 3}
    return sorted(
        pls, key=lambda lk: (lk.kind is not TieKind.parent, rank.get(lk.basis, 4), lk.source)
    )


def _marks(lks: list[Link]) -> tuple[str, ...]:
    statuses = {lk.partner_status for lk in lks}
    if PartnerStatus.divorced in statuses:
        return ("divorced",)
    if PartnerStatus.separated in statuses or any(
        lk.kind is TieKind.ex_partner and lk.partner_status is None for lk in lks
    ):
        return ("separated",)
    return ()


def _sibships(
    links: list[Link],
    parent_of: dict[str, Union],
    single: dict[str, tuple[str, Basis]],
    row: dict[str, int],
    by_key: dict[str, Member],
) -> list[Union]:
    """Relatives known only as someone's sibling. A full sibling of someone whose parents
    are in the map hangs under those parents (in their row); siblings none of whom has
    parents in the map hang together under unknown parents: a junction (``q1``…, partners
    none), never a person."""
    full = [(lk.source, lk.target) for lk in links if lk.kind.genogram is GenogramDrawing.sibship]
    joined: set[str] = set()
    changed = True
    while changed:
        changed = False
        for a, b in full:
            for o, s in ((a, b), (b, a)):
                if o in parent_of or o in single or not (s in parent_of or s in single):
                    continue
                if s in parent_of:
                    u = parent_of[s]
                    u.children.append(o)
                    u.children.sort(key=lambda k: (by_key[k].birth_key, k))
                    parent_of[o] = u
                else:
                    single[o] = single[s]
                row[o] = row[s]
                joined.add(o)
                changed = True
    if joined:
        _settle(row, links)
    kinds = _SIBLING_KINDS
    near: dict[str, set[str]] = {}
    for lk in links:
        a, b = lk.source, lk.target
        if lk.kind in kinds and not {a, b} & (set(parent_of) | set(single)):
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)
    out: list[Union] = []
    seen: set[str] = set()
    for start in sorted(near):
        if start in seen:
            continue
        group, stack = set(), [start]
        while stack:
            k = stack.pop()
            if k not in group:
                group.add(k)
                stack.extend(near[k])
        seen |= group
        kids = sorted(group, key=lambda k: (by_key[k].birth_key, k))
        out.append(Union(key=f"q{len(out) + 1}", partners=("", ""), children=kids))
    return out


# --- positions ----------------------------------------------------------------------


def _desired(
    k: str,
    x: dict[str, float],
    down: bool,
    parent_of: dict[str, Union],
    single: dict[str, tuple[str, Basis]],
    unions_of: dict[str, list[Union]],
    siblings: dict[str, list[str]],
    order: list[str],
    geo: Geometry,
) -> float | None:
    """Where a person would like to be: under their parents (down), over their children
    (up), else where they are."""
    from_parents = None
    u = parent_of.get(k)
    if u is not None and all(p in x for p in u.partners):
        n = len(u.children)
        centre = sum(x[p] for p in u.partners) / 2
        from_parents = centre + (u.children.index(k) - (n - 1) / 2) * geo.gap
    elif k in single and single[k][0] in x:
        sibs = sorted((c for c, (p, _) in single.items() if p == single[k][0]), key=order.index)
        from_parents = x[single[k][0]] + (sibs.index(k) - (len(sibs) - 1) / 2) * geo.gap
    from_children = None
    centres = []
    alone = [c for c, (p, _) in single.items() if p == k and c in x]
    if alone:
        centres.append(sum(x[c] for c in alone) / len(alone))
    for uu in unions_of.get(k, []):
        kids = [c for c in uu.children if c in x]
        other = uu.partners[1] if uu.partners[0] == k else uu.partners[0]
        if kids and k in x and other in x:
            side = -0.5 if x[k] <= x[other] else 0.5
            centres.append(sum(x[c] for c in kids) / len(kids) + side * geo.gap)
    if centres:
        from_children = sum(centres) / len(centres)
    if from_parents is None and from_children is None:
        beside = _beside_siblings(k, x, siblings, unions_of, geo)
        if beside is not None:
            return beside
    if down:
        return from_parents if from_parents is not None else x.get(k, from_children)
    return from_children if from_children is not None else x.get(k, from_parents)


def _beside_siblings(
    k: str,
    x: dict[str, float],
    siblings: dict[str, list[str]],
    unions_of: dict[str, list[Union]],
    geo: Geometry,
) -> float | None:
    """Next to a sibling, on the side away from the sibling's partner (a great-aunt whose
    parents are not in the map stands beside her sister, not between the couple)."""
    targets = []
    for s in siblings.get(k, []):
        if s not in x:
            continue
        partners = [p for u in unions_of.get(s, []) for p in u.partners if p != s and p in x]
        away = 1.0
        if partners and sum(x[p] for p in partners) / len(partners) > x[s]:
            away = -1.0
        targets.append(x[s] + away * geo.gap)
    return sum(targets) / len(targets) if targets else None


def _place_row(
    members: list[str],
    desired: dict[str, float | None],
    x: dict[str, float],
    by_key: dict[str, Member],
    unions_of: dict[str, list[Union]],
    row: dict[str, int],
    family_of: dict[str, str],
    middle: set[str],
    above: dict[str, float],
    geo: Geometry,
) -> None:
    known = [d for d in desired.values() if d is not None]
    cursor = max(known) if known else -geo.gap
    for k in members:  # unknown ones to the right, oldest first
        if desired[k] is None:
            cursor += geo.gap
            desired[k] = cursor
    want: dict[str, float] = {k: float(desired[k] or 0.0) for k in members}

    # couple blocks: partners in this row, connected
    block_of: dict[str, int] = {}
    for i, k in enumerate(members):
        if k in block_of:
            continue
        stack = [k]
        block_of[k] = i
        while stack:
            a = stack.pop()
            for u in unions_of.get(a, []):
                for b in u.partners:
                    if b not in block_of and b in want and row[b] == row[a]:
                        block_of[b] = i
                        stack.append(b)
    blocks: dict[int, list[str]] = {}
    for k in members:
        blocks.setdefault(block_of[k], []).append(k)
    block_rank: dict[int, int] = {}
    block_key: dict[int, float] = {}
    for bi, ks in blocks.items():
        groups = {by_key[k].group for k in ks}
        mixed = Group.maternal in groups and Group.paternal in groups
        block_rank[bi] = (
            1  # the children's parents stand in the middle, over them
            if mixed
            or not groups & {Group.maternal, Group.paternal}
            or any(k in middle for k in ks)
            else 0
            if Group.maternal in groups
            else 2
        )
        anchors = [k for k in ks if not by_key[k].in_law] or ks
        block_key[bi] = sum(want[k] for k in anchors) / len(anchors)
    order = sorted(
        members,
        key=lambda k: (
            block_rank[block_of[k]],
            block_key[block_of[k]],
            block_of[k],
            _inner_rank(by_key[k]),
            want[k],
            k,
        ),
    )
    order = _chains(order, block_of, unions_of)
    order = _untangle(_by_parents(order, block_of, family_of, above), family_of, unions_of)
    widths = [label_width(by_key[k].label, geo.font, WRAP) + geo.font for k in order]
    gaps = []
    for a, b, wa, wb in zip(order, order[1:], widths, widths[1:], strict=False):
        gap = max(geo.gap, (wa + wb) / 2)
        if any(b in u.partners for u in unions_of.get(a, [])):
            gap = max(gap, max(wa, wb))  # the line down from their union clears both labels
        gaps.append(gap)
    for k, v in zip(order, separate([want[k] for k in order], gaps), strict=True):
        x[k] = v


def _chains(
    order: list[str], block_of: dict[str, int], unions_of: dict[str, list[Union]]
) -> list[str]:
    """A couple block that is a chain of partners (a man between his former and his
    present partner) in the chain's order, the way round its sides' order has it, so
    that each couple stands side by side and its union point lies between them."""
    out: list[str] = []
    i = 0
    while i < len(order):
        block = [k for k in order[i:] if block_of[k] == block_of[order[i]]]
        i += len(block)
        near = {
            k: {p for u in unions_of.get(k, []) for p in u.partners if p != k and p in block}
            for k in block
        }
        ends = [k for k in block if len(near[k]) == 1]
        if len(block) < 3 or any(len(v) > 2 for v in near.values()) or len(ends) != 2:
            out += block
            continue
        chain = [min(ends, key=block.index)]
        while len(chain) < len(block):
            nxt = near[chain[-1]] - set(chain)
            if not nxt:
                break
            chain.append(next(iter(nxt)))
        out += chain if len(chain) == len(block) else block
    return out


def _anchors(
    members: list[str],
    family_of: dict[str, str],
    parent_of: dict[str, Union],
    single: dict[str, tuple[str, Basis]],
    couples: set[tuple[str, str]],
    row: dict[str, int],
    x: dict[str, float],
    by_key: dict[str, Member],
    geo: Geometry,
) -> dict[str, float]:
    """Where the line down to each family of ``members`` comes from, as the row above
    stands now: the couple's union point, or the single parent."""
    out: dict[str, float] = {}
    for k in members:
        u = parent_of.get(k)
        if u is not None and u.partners[0] and all(p in x for p in u.partners):
            out[family_of[k]] = _union_x(u, couples, row, x, by_key, geo)
        elif k in single and single[k][0] in x:
            out[family_of[k]] = x[single[k][0]]
    return out


def _by_parents(
    order: list[str], block_of: dict[str, int], family_of: dict[str, str], above: dict[str, float]
) -> list[str]:
    """The row's couple blocks in the order of where their families' lines come down, so
    that one family's children do not stand on the far side of another family's children
    from their own parents (their lines would cross). Blocks hanging from one family line
    are sorted by it (other blocks keep their places, ties keep the sides' order); then a
    block moves wherever that leaves fewer persons on the wrong side of another family's
    (a couple from two families, the children's parents among them, stays whole)."""
    seq: list[int] = []
    for k in order:
        if not seq or seq[-1] != block_of[k]:
            seq.append(block_of[k])
    if len(set(seq)) != len(seq):  # blocks not contiguous: leave the order alone
        return order
    members: dict[int, list[str]] = {}
    for k in order:
        members.setdefault(block_of[k], []).append(k)
    where: dict[int, float] = {}
    for b in seq:
        families = {family_of[k] for k in members[b] if k in family_of}
        if len(families) == 1 and (f := next(iter(families))) in above:
            where[b] = above[f]
    slots = [i for i, b in enumerate(seq) if b in where]
    moved = sorted((seq[i] for i in slots), key=lambda b: (where[b], seq.index(b)))
    for i, b in zip(slots, moved, strict=True):
        seq[i] = b

    def anchors(b: int) -> list[tuple[str, float]]:
        return [
            (family_of[k], above[family_of[k]]) for k in members[b] if family_of.get(k) in above
        ]

    tops = {b: anchors(b) for b in seq}
    wrong = {
        (a, b): sum(1 for f, x in tops[a] for g, y in tops[b] if f != g and x > y + 0.5)
        for a in seq
        for b in seq
        if a != b
    }

    def cost(s: list[int]) -> int:
        return sum(wrong[a, b] for i, a in enumerate(s) for b in s[i + 1 :])

    best = cost(seq)
    for _ in range(len(seq)):
        better = False
        for b in list(seq):
            rest = [c for c in seq if c != b]
            for i in range(len(rest) + 1):
                trial = rest[:i] + [b] + rest[i:]
                c = cost(trial)
                if c < best:
                    seq, best, better = trial, c, True
        if not better or best == 0:
            break
    return [k for b in seq for k in members[b]]


def _untangle(
    order: list[str], family_of: dict[str, str], unions_of: dict[str, list[Union]]
) -> list[str]:
    """The row's order with no one whose parents are drawn standing between the first and
    the last child of another family (their line down would cross that family's sibling
    line): such a person moves just outside it, on the side of their partner, else the
    nearer side. Bounded: a knot that cannot be undone stays as it is."""
    order = list(order)
    for _ in range(2 * len(order)):
        at = {k: i for i, k in enumerate(order)}
        span: dict[str, tuple[int, int]] = {}
        for i, k in enumerate(order):
            f = family_of.get(k)
            if f is not None:
                lo, hi = span.get(f, (i, i))
                span[f] = (min(lo, i), max(hi, i))
        move = next(
            (
                (k, span[f])
                for k in order
                if k in family_of
                for f in span
                if f != family_of[k] and span[f][0] < at[k] < span[f][1]
            ),
            None,
        )
        if move is None:
            break
        k, (lo, hi) = move
        partners = [at[p] for u in unions_of.get(k, []) for p in u.partners if p != k and p in at]
        near_hi = hi - at[k] <= at[k] - lo
        right = sum(partners) / len(partners) > at[k] if partners else near_hi
        order.remove(k)
        order.insert(hi if right else lo, k)
    return order


def _inner_rank(m: Member) -> int:
    """Within a couple block: the mother's in-laws, her family, the middle, the father's
    family, his in-laws."""
    if m.group is Group.maternal:
        return 0 if m.in_law else 1
    if m.group is Group.paternal:
        return 4 if m.in_law else 3
    return 2


# --- household ----------------------------------------------------------------------


def _households(
    placed: Placed,
    by_key: dict[str, Member],
    row: dict[str, int],
    x: dict[str, float],
    geo: Geometry,
) -> None:
    """The household (McGoldrick): a dashed outline around the children and who lives with
    them (:attr:`.Member.with_children`, known to the work map only), drawn where it
    encloses them and no one else. In each row the members standing side by side make a
    band (shapes and labels, half way to the next person); bands of consecutive rows that
    overlap are joined into one outline."""
    home = {k for k, m in by_key.items() if m.with_children}
    if not home:
        return
    home |= {k for k, m in by_key.items() if m.is_child}
    bands: dict[int, list[tuple[float, float, float, float]]] = {}
    for r in sorted({row[k] for k in home}):
        line = sorted((k for k in x if row[k] == r), key=lambda k: x[k])
        runs: list[list[int]] = []
        for i, k in enumerate(line):
            if k not in home:
                continue
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            lo = x[line[run[0]]] - _reach(line, run[0], -1, x, by_key, geo)
            hi = x[line[run[-1]]] + _reach(line, run[-1], 1, x, by_key, geo)
            size = max(geo.child if by_key[line[i]].is_child else geo.node for i in run)
            tall = max(label_height(by_key[line[i]].label, geo.font, WRAP) for i in run)
            y = r * geo.row
            bands.setdefault(r, []).append((lo, hi, y - size * 1.9, y + size + 8.0 + tall))
    used: set[tuple[int, int]] = set()
    for r in sorted(bands):
        for i, band in enumerate(bands[r]):
            if (r, i) in used:
                continue
            chain = [band]
            used.add((r, i))
            rr = r
            while rr + 1 in bands:
                nxt = next(
                    (
                        (j, b)
                        for j, b in enumerate(bands[rr + 1])
                        if (rr + 1, j) not in used
                        and min(chain[-1][1], b[1]) - max(chain[-1][0], b[0]) > geo.font
                    ),
                    None,
                )
                if nxt is None:
                    break
                used.add((rr + 1, nxt[0]))
                chain.append(nxt[1])
                rr += 1
            placed.boundaries.append(
                Boundary(points=_outline(chain), label="", colour=HOUSEHOLD_COLOUR)
            )
    placed.used.add("line.household")


def _reach(
    line: list[str],
    i: int,
    step: int,
    x: dict[str, float],
    by_key: dict[str, Member],
    geo: Geometry,
) -> float:
    """How far a household band reaches beyond the person ``line[i]`` on the side of
    ``step``: past the label, but at most half way to the next person."""
    k = line[i]
    room = max(geo.node * 1.3, label_width(by_key[k].label, geo.font, WRAP) / 2) + geo.font * 0.6
    j = i + step
    if 0 <= j < len(line):
        room = min(room, abs(x[line[j]] - x[k]) / 2)
    return room


def _outline(
    chain: list[tuple[float, float, float, float]],
) -> tuple[tuple[float, float], ...]:
    """The outline of bands (left, right, top, bottom) one under the other, each joined to
    the next over the width they share: down the left side, up the right."""
    left: list[tuple[float, float]] = []
    right: list[tuple[float, float]] = []
    for i, (lo, hi, top, bottom) in enumerate(chain):
        left += [(lo, top), (lo, bottom)]
        right += [(hi, top), (hi, bottom)]
        if i + 1 < len(chain):
            nlo, nhi, ntop, _ = chain[i + 1]
            left += [(max(lo, nlo), bottom), (max(lo, nlo), ntop)]
            right += [(min(hi, nhi), bottom), (min(hi, nhi), ntop)]
    points = left + right[::-1]
    out: list[tuple[float, float]] = []
    for px, py in points:
        p = (round(px, 2), round(py, 2))
        if not out or out[-1] != p:
            out.append(p)
    return tuple(out)


# --- drawing ------------------------------------------------------------------------


@dataclass
class _Fan:
    """The lines of one family in the gap under the parents' row: what comes down into its
    sibling line (``down``: from the union point, or beside a single parent's label) and
    what drops from it to each child (``kids``)."""

    key: str
    row: int
    down: list[float]
    kids: list[float]

    @property
    def lo(self) -> float:
        return min(self.down + self.kids)

    @property
    def hi(self) -> float:
        return max(self.down + self.kids)


def _draw(
    placed: Placed,
    unions: list[Union],
    unknown: list[Union],
    direct: list[tuple[str, str, Basis]],
    links: list[Link],
    row: dict[str, int],
    x: dict[str, float],
    geo: Geometry,
    by_key: dict[str, Member],
) -> None:
    """Couples joined through their union point; from it one line down to below the
    parents' labels, a sibship line across, and a line down to each child (McGoldrick),
    so no line crosses a label of the parents' row. The bends are unlabelled points
    (``{union}.d`` under the union, ``{union}.k.{child}`` above a child). Every line to
    children carries its family (:attr:`.SceneEdge.family`)."""
    width = round(2.0 * geo.width, 2)
    basis_of = {(lk.source, lk.target): lk.basis for lk in links if lk.kind in _PARENT_KINDS}
    label_bottom: dict[int, float] = {}
    for k, r in row.items():
        bottom = geo.node + 4.0 + label_height(by_key[k].label, geo.font, WRAP)
        label_bottom[r] = max(label_bottom.get(r, 0.0), bottom)
    fans: list[_Fan] = []
    couples = {u.partners for u in unions}
    union_x = {u.key: _union_x(u, couples, row, x, by_key, geo) for u in unions}
    for u in unions:
        if u.children:
            ux = union_x[u.key]
            r = max(row[p] for p in u.partners)
            fans.append(_Fan(u.key, r, [ux], [x[c] for c in u.children]))
    # a parent alone (or a third parent): out beside the label, down, across, down
    alone: dict[str, list[tuple[str, Basis]]] = {}
    for p, c, basis in sorted(direct):
        if row[c] > row[p]:
            alone.setdefault(p, []).append((c, basis))
    side_x: dict[str, float] = {}
    for p, kids in alone.items():
        half = max(geo.node * 1.3, label_width(by_key[p].label, geo.font, WRAP) / 2)
        mean = sum(x[c] for c, _ in kids) / len(kids)
        # beside the label toward the children, unless the line across to them would pass
        # where the parent's couple lets its own children down
        own = [union_x[u.key] for u in unions if p in u.partners and u.children]
        toward = 1.0 if mean >= x[p] else -1.0
        if abs(mean - x[p]) < half:  # the children below: on the side with more room
            line = sorted(v for k, v in x.items() if row[k] == row[p] and k != p)
            left = min((x[p] - v for v in line if v < x[p]), default=float("inf"))
            right = min((v - x[p] for v in line if v >= x[p]), default=float("inf"))
            toward = 1.0 if right >= left else -1.0
        sides = sorted((1.0, -1.0), key=lambda d: d != toward)
        for d in sides:
            bx = round(x[p] + d * (half + geo.font * 0.5), 2)
            xs = [bx] + [x[c] for c, _ in kids]
            if not any(min(xs) - geo.font <= v <= max(xs) + geo.font for v in own):
                break
        else:
            bx = round(x[p] + sides[0] * (half + geo.font * 0.5), 2)
        side_x[p] = bx
        fans.append(_Fan(f"{p}>", row[p], [bx], [x[c] for c, _ in kids]))
    for q in unknown:
        r = min(row[c] for c in q.children) - 1
        fans.append(_Fan(q.key, r, [], [x[c] for c in q.children]))
    level = _levels(fans, label_bottom, geo)
    for u in unions:
        a, b = sorted(u.partners, key=lambda k: x[k])
        ya, yb = row[a] * geo.row, row[b] * geo.row
        between = [k for k in x if row[k] == row[a] == row[b] and x[a] < x[k] < x[b]]
        y = (ya + yb) / 2
        if between:  # the couple's line goes over the heads of who stands between them
            y = min(ya, yb) - geo.node * 2.0
        ux = round(union_x[u.key], 2)
        placed.positions[u.key] = (ux, round(y, 2))
        placed.extra_nodes.append(_point(u.key, ux, round(y, 2), 4.0))
        placed.used.add("line.couple")
        placed.used.update(f"mark.{m}" for m in u.marks)
        ends = {a: a, b: b}
        if between:
            for p, key in ((a, f"{u.key}.a"), (b, f"{u.key}.b")):
                placed.extra_nodes.append(_point(key, round(x[p], 2), round(y, 2), 0.0))
                ends[p] = key
            placed.edges.append(
                SceneEdge(
                    id=f"{u.key}a0", source=a, target=ends[a], colour=UNION_COLOUR, width=width
                )
            )
            placed.edges.append(
                SceneEdge(
                    id=f"{u.key}b0", source=ends[b], target=b, colour=UNION_COLOUR, width=width
                )
            )
        placed.edges.append(
            SceneEdge(
                id=f"{u.key}a",
                source=ends[a],
                target=u.key,
                colour=UNION_COLOUR,
                width=width,
                marks=u.marks,
            )
        )
        placed.edges.append(
            SceneEdge(
                id=f"{u.key}b", source=u.key, target=ends[b], colour=UNION_COLOUR, width=width
            )
        )
        if not u.children:
            continue
        drop_y = round(max(y, level[u.key]), 2)
        drop = f"{u.key}.d"
        placed.extra_nodes.append(_point(drop, ux, drop_y, 0.0))
        placed.edges.append(
            SceneEdge(
                id=f"{u.key}-d",
                source=u.key,
                target=drop,
                colour=PARENT_LINE_COLOUR,
                width=width,
                family=u.key,
            )
        )
        for c in u.children:
            basis = _least_blood({basis_of.get((p, c)) for p in u.partners})
            _hang(placed, u.key, drop, ux, drop_y, c, x[c], basis, width)
    for q in unknown:
        drop_y = round(level[q.key], 2)
        xs = [x[c] for c in q.children]
        qx = round((min(xs) + max(xs)) / 2, 2)
        placed.extra_nodes.append(_point(q.key, qx, drop_y, 4.0, unknown=True))
        for c in q.children:
            _hang(placed, q.key, q.key, qx, drop_y, c, x[c], Basis.biological, width)
    for p, c, basis in sorted(direct):
        if row[c] <= row[p]:  # inconsistent data: a plain line
            placed.edges.append(
                _child_edge(f"{p}-{c}", p, c, basis, width, placed.used, family=f"{p}>")
            )
    for p, kids in alone.items():
        bx, py, drop_y = side_x[p], round(row[p] * geo.row, 2), round(level[f"{p}>"], 2)
        side, drop = f"{p}.s", f"{p}.d"
        placed.extra_nodes.append(_point(side, bx, py, 0.0))
        placed.extra_nodes.append(_point(drop, bx, drop_y, 0.0))
        least = _least_blood({b for _, b in kids})
        placed.edges.append(_child_edge(f"{p}-s", p, side, least, width, set(), family=f"{p}>"))
        placed.edges.append(_child_edge(f"{p}-d", side, drop, least, width, set(), family=f"{p}>"))
        for c, basis in kids:
            _hang(placed, f"{p}>", drop, bx, drop_y, c, x[c], basis, width, prefix=p)


def _union_x(
    u: Union,
    couples: set[tuple[str, str]],
    row: dict[str, int],
    x: dict[str, float],
    by_key: dict[str, Member],
    geo: Geometry,
) -> float:
    """Where a couple's union point stands: half way between them, or, when persons stand
    between them, in the free room between two labels nearest that, so the line down to
    their children passes no one's label; a room between two partners (their own union
    point's) only when there is no other, so two families' lines do not come down
    together."""
    a, b = sorted(u.partners, key=lambda k: x[k])
    mid = (x[a] + x[b]) / 2
    line = sorted(
        (k for k in x if row[k] == row[a] == row[b] and x[a] <= x[k] <= x[b]), key=lambda k: x[k]
    )
    if len(line) <= 2:
        return mid
    rooms = []
    for p, q in itertools.pairwise(line):
        left = x[p] + max(geo.node * 1.3, label_width(by_key[p].label, geo.font, WRAP) / 2)
        right = x[q] - max(geo.node * 1.3, label_width(by_key[q].label, geo.font, WRAP) / 2)
        rooms.append((right - left, (left + right) / 2, _pair(p, q) in couples))
    roomy = [r for r in rooms if r[0] > geo.font]
    if roomy:
        return min(roomy, key=lambda r: (r[2], abs(r[1] - mid)))[1]
    return max(rooms)[1]


def _hang(
    placed: Placed,
    family: str,
    start: str,
    sx: float,
    drop_y: float,
    child: str,
    cx: float,
    basis: Basis,
    width: float,
    prefix: str | None = None,
) -> None:
    """The line from a family's sibling line (at ``start``, ``(sx, drop_y)``) to a child:
    across to above the child, then down."""
    key = prefix or family
    if abs(cx - sx) < 0.5:
        placed.edges.append(
            _child_edge(f"{key}-{child}", start, child, basis, width, placed.used, family=family)
        )
        return
    knee = f"{key}.k.{child}"
    placed.extra_nodes.append(_point(knee, round(cx, 2), drop_y, 0.0))
    placed.edges.append(
        _child_edge(f"{key}-k{child}", start, knee, basis, width, set(), family=family)
    )
    placed.edges.append(
        _child_edge(f"{key}-{child}", knee, child, basis, width, placed.used, family=family)
    )


def _levels(fans: list[_Fan], label_bottom: dict[int, float], geo: Geometry) -> dict[str, float]:
    """The height of each family's sibling line: in the gap under the parents' labels and
    above the next row, one track per line that would overlap another, tracks spread about
    the middle of the gap. Of two overlapping lines the one whose children drop clear of
    the other's line (and whose line down does not come through it) goes higher, so no
    family's line to its children crosses another family's sibling line where the row
    order allows it."""
    pad = geo.font * 0.5
    out: dict[str, float] = {}
    for r in sorted({f.row for f in fans}):
        gap = sorted((f for f in fans if f.row == r), key=lambda f: (f.lo, f.hi, f.key))

        def meets(a: _Fan, b: _Fan) -> bool:
            return a.lo <= b.hi + pad and b.lo <= a.hi + pad

        def clear(xs: list[float], f: _Fan) -> bool:
            return all(not (f.lo - pad <= v <= f.hi + pad) for v in xs)

        above: dict[str, set[str]] = {f.key: set() for f in gap}  # who must be higher
        for i, a in enumerate(gap):
            for b in gap[i + 1 :]:
                if not meets(a, b):
                    continue
                a_up = clear(a.kids, b) and clear(b.down, a)
                b_up = clear(b.kids, a) and clear(a.down, b)
                if a_up and not b_up:
                    above[b.key].add(a.key)
                elif b_up and not a_up:
                    above[a.key].add(b.key)
        track: dict[str, int] = {}
        todo = list(gap)
        while todo:
            f = next((f for f in todo if above[f.key] <= set(track)), todo[0])
            todo.remove(f)
            higher = [track[g.key] for g in gap if g.key in track and meets(f, g)]
            track[f.key] = max(higher, default=-1) + 1
        n = max(track.values()) + 1
        below = r * geo.row + label_bottom.get(r, 0.0)
        top = (r + 1) * geo.row - geo.child * 1.5
        step = min(geo.font * 0.8, max(top - below, 0.0) / (n + 1))
        for f in gap:
            out[f.key] = (below + top) / 2 + (track[f.key] - (n - 1) / 2) * step
    return out


def _point(key: str, x: float, y: float, size: float, *, unknown: bool = False) -> SceneNode:
    """A union point (``size`` 4), a bend of the lines to the children (size 0), or the
    junction of siblings whose parents are not known (``unknown``: a small open dot)."""
    return SceneNode(
        id=key,
        label="",
        x=x,
        y=y,
        shape=Shape.dot,
        colour=UNKNOWN_PARENTS_COLOUR if unknown else UNION_COLOUR,
        size=size,
        border_width=2.0 if unknown else 0.0,
    )


def _least_blood(bases: set[Basis | None]) -> Basis:
    for b in (Basis.foster, Basis.legal, Basis.social, Basis.adoptive):
        if b in bases:
            return b
    return Basis.biological


def _child_edge(
    key: str,
    source: str,
    target: str,
    basis: Basis,
    width: float,
    used: set[str],
    *,
    family: str,
) -> SceneEdge:
    if basis is Basis.adoptive:
        style, word = LineStyle.dashed, "line.adoptive"
    elif basis is Basis.biological:
        style, word = LineStyle.solid, "line.parent"
    else:
        style, word = LineStyle.dotted, "line.foster"
    used.add(word)
    return SceneEdge(
        id=key,
        source=source,
        target=target,
        style=style,
        colour=PARENT_LINE_COLOUR,
        width=width,
        family=family,
    )
