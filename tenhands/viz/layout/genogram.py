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
  where room allows.
- Lines never cross the labels of the parents' row: from a union point one line goes
  down to below the labels, a sibship line runs across, and a line drops to each child;
  a single parent's line leaves beside their label. Sibship lines that would overlap in
  one gap between rows get their own heights. A couple with someone standing between
  them is joined by a line over that person's head. The bends are unlabelled points
  (dots of size 0).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from tenhands.graph.model import Basis, PartnerStatus, TieKind

from .. import labels
from ..palette import PARENT_LINE_COLOUR, UNION_COLOUR, Group
from ..redaction import Link, Member, Network
from ..scene import LineStyle, SceneEdge, SceneNode, Shape, View
from . import Geometry, Placed, label_height, label_width, separate

WRAP = labels.wrap_width(View.genogram)
"""Genogram labels are wrapped narrow (rows are wide, generations far apart)."""

_PARENT_KINDS = frozenset({TieKind.parent, TieKind.guardian})
_COUPLE_KINDS = frozenset({TieKind.partner, TieKind.ex_partner})
_LEVEL_KINDS = frozenset(
    {TieKind.partner, TieKind.ex_partner, TieKind.sibling, TieKind.half_sibling}
)
SWEEPS = 6


@dataclass
class Union:
    key: str
    partners: tuple[str, str]
    marks: tuple[str, ...] = ()
    children: list[str] = field(default_factory=list)


def in_genogram(m: Member) -> bool:
    return m.is_child or m.kin


def layout(net: Network, geo: Geometry) -> Placed:
    fam = [m for m in net.members if in_genogram(m)]
    keys = {m.key for m in fam}
    by_key = {m.key: m for m in fam}
    links = [lk for lk in net.links if lk.source in keys and lk.target in keys]
    placed = Placed(positions={})
    left_out = len(net.members) - len(fam)
    if left_out:
        placed.notes.append(labels.say("not_in_genogram", net.lang, n=left_out))

    row = _rows(fam, links)
    unions, parent_of, single, extra = _unions(fam, links, by_key)
    unions_of: dict[str, list[Union]] = {}
    for u in unions:
        for p in u.partners:
            unions_of.setdefault(p, []).append(u)

    siblings: dict[str, list[str]] = {}
    for lk in links:
        if lk.kind in (TieKind.sibling, TieKind.half_sibling):
            siblings.setdefault(lk.source, []).append(lk.target)
            siblings.setdefault(lk.target, []).append(lk.source)
    x: dict[str, float] = {}
    rows = sorted(set(row.values()))
    for sweep in range(SWEEPS * 2 + 1):
        down = sweep % 2 == 0
        for r in rows if down else reversed(rows):
            members = sorted((k for k in keys if row[k] == r), key=lambda k: by_key[k].birth_key)
            desired = {
                k: _desired(k, x, down, parent_of, single, unions_of, siblings, geo)
                for k in members
            }
            _place_row(members, desired, x, by_key, unions_of, row, geo)

    for k in keys:
        placed.positions[k] = (round(x[k], 2), round(row[k] * geo.row, 2))
    direct = [(p, c, b) for c, (p, b) in single.items()] + extra
    _draw(placed, unions, direct, links, row, x, geo, by_key)
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
            if lk.kind in _PARENT_KINDS or lk.kind is TieKind.step_parent:
                pairs = ((s, t, 1), (t, s, -1))
            elif lk.kind is TieKind.grandparent:
                pairs = ((s, t, 2), (t, s, -2))
            elif lk.kind in _LEVEL_KINDS:
                pairs = ((s, t, 0), (t, s, 0))
            else:
                continue
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


# --- positions ----------------------------------------------------------------------


def _desired(
    k: str,
    x: dict[str, float],
    down: bool,
    parent_of: dict[str, Union],
    single: dict[str, tuple[str, Basis]],
    unions_of: dict[str, list[Union]],
    siblings: dict[str, list[str]],
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
        from_parents = x[single[k][0]]
    from_children = None
    centres = []
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
            1
            if mixed or not groups & {Group.maternal, Group.paternal}
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
    widths = [label_width(by_key[k].label, geo.font, WRAP) + geo.font for k in order]
    gaps = []
    for a, b, wa, wb in zip(order, order[1:], widths, widths[1:], strict=False):
        gap = max(geo.gap, (wa + wb) / 2)
        if any(b in u.partners for u in unions_of.get(a, [])):
            gap = max(gap, max(wa, wb))  # the line down from their union clears both labels
        gaps.append(gap)
    for k, v in zip(order, separate([want[k] for k in order], gaps), strict=True):
        x[k] = v


def _inner_rank(m: Member) -> int:
    """Within a couple block: the mother's in-laws, her family, the middle, the father's
    family, his in-laws."""
    if m.group is Group.maternal:
        return 0 if m.in_law else 1
    if m.group is Group.paternal:
        return 4 if m.in_law else 3
    return 2


# --- drawing ------------------------------------------------------------------------


def _draw(
    placed: Placed,
    unions: list[Union],
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
    (``{union}.d`` under the union, ``{union}.k.{child}`` above a child)."""
    width = round(2.0 * geo.width, 2)
    basis_of = {(lk.source, lk.target): lk.basis for lk in links if lk.kind in _PARENT_KINDS}
    label_bottom: dict[int, float] = {}
    for k, r in row.items():
        bottom = geo.node + 4.0 + label_height(by_key[k].label, geo.font, WRAP)
        label_bottom[r] = max(label_bottom.get(r, 0.0), bottom)
    # Where each family's sibship line runs: lines in the same gap between two rows that
    # would overlap get their own heights (tracks), so families never share a line.
    fans: list[tuple[str, int, float, float]] = []
    for u in unions:
        if u.children:
            ux = (x[u.partners[0]] + x[u.partners[1]]) / 2
            xs = [ux, *(x[c] for c in u.children)]
            fans.append((u.key, max(row[p] for p in u.partners), min(xs), max(xs)))
    side_x: dict[tuple[str, str], float] = {}
    for p, c, _ in direct:
        if row[c] > row[p]:
            half = max(geo.node * 1.3, label_width(by_key[p].label, geo.font, WRAP) / 2)
            bx = x[p] + (1.0 if x[c] >= x[p] else -1.0) * (half + geo.font * 0.5)
            side_x[(p, c)] = round(bx, 2)
            fans.append((f"{p}>{c}", row[p], min(bx, x[c]), max(bx, x[c])))
    level = _levels(fans, label_bottom, geo)
    for u in unions:
        a, b = sorted(u.partners, key=lambda k: x[k])
        ya, yb = row[a] * geo.row, row[b] * geo.row
        between = [k for k in x if row[k] == row[a] == row[b] and x[a] < x[k] < x[b]]
        y = (ya + yb) / 2
        if between:  # the couple's line goes over the heads of who stands between them
            y = min(ya, yb) - geo.node * 2.0
        ux = round((x[a] + x[b]) / 2, 2)
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
            )
        )
        for c in u.children:
            bases = {basis_of.get((p, c)) for p in u.partners}
            basis = _least_blood(bases)
            if abs(x[c] - ux) < 0.5:
                placed.edges.append(_child_edge(f"{u.key}-{c}", drop, c, basis, width, placed.used))
                continue
            knee = f"{u.key}.k.{c}"
            placed.extra_nodes.append(_point(knee, round(x[c], 2), drop_y, 0.0))
            placed.edges.append(_child_edge(f"{u.key}-k{c}", drop, knee, basis, width, set()))
            placed.edges.append(_child_edge(f"{u.key}-{c}", knee, c, basis, width, placed.used))
    for p, c, basis in sorted(direct):
        if row[c] <= row[p]:  # inconsistent data: a plain line
            placed.edges.append(_child_edge(f"{p}-{c}", p, c, basis, width, placed.used))
            continue
        # one parent: out to the side of the parent's label, down, across, down
        bx = side_x[(p, c)]
        py = round(row[p] * geo.row, 2)
        drop_y = round(level[f"{p}>{c}"], 2)
        route = [p, f"{p}.{c}.s", f"{p}.{c}.d", f"{p}.{c}.k", c]
        points = [(bx, py), (bx, drop_y), (round(x[c], 2), drop_y)]
        for key, (px, qy) in zip(route[1:-1], points, strict=True):
            placed.extra_nodes.append(_point(key, px, qy, 0.0))
        for i, (s, t) in enumerate(itertools.pairwise(route)):
            used = placed.used if t == c else set()
            key = f"{p}-{c}" if t == c else f"{p}-{c}.{i}"
            placed.edges.append(_child_edge(key, s, t, basis, width, used))


def _levels(
    fans: list[tuple[str, int, float, float]], label_bottom: dict[int, float], geo: Geometry
) -> dict[str, float]:
    """The height of each sibship line (``fans``: key, parents' row, span): in the gap
    under the parents' labels and above the next row, one track per line that would
    overlap another, tracks spread about the middle of the gap."""
    track: dict[str, int] = {}
    ends: dict[int, list[float]] = {}
    for key, r, lo, hi in sorted(fans, key=lambda f: (f[1], f[2], f[3], f[0])):
        lanes = ends.setdefault(r, [])
        for i, end in enumerate(lanes):
            if lo > end + geo.font * 0.5:
                lanes[i] = hi
                track[key] = i
                break
        else:
            lanes.append(hi)
            track[key] = len(lanes) - 1
    out: dict[str, float] = {}
    for key, r, _, _ in fans:
        below = r * geo.row + label_bottom.get(r, 0.0)
        above = (r + 1) * geo.row - geo.child * 1.5
        n = len(ends[r])
        step = min(geo.font * 0.8, max(above - below, 0.0) / (n + 1))
        out[key] = (below + above) / 2 + (track[key] - (n - 1) / 2) * step
    return out


def _point(key: str, x: float, y: float, size: float) -> SceneNode:
    """A union point (``size`` 4) or a bend of the lines to the children (size 0)."""
    return SceneNode(
        id=key,
        label="",
        x=x,
        y=y,
        shape=Shape.dot,
        colour=UNION_COLOUR,
        size=size,
        border_width=0.0,
    )


def _least_blood(bases: set[Basis | None]) -> Basis:
    for b in (Basis.foster, Basis.legal, Basis.social, Basis.adoptive):
        if b in bases:
            return b
    return Basis.biological


def _child_edge(
    key: str, source: str, target: str, basis: Basis, width: float, used: set[str]
) -> SceneEdge:
    if basis is Basis.adoptive:
        style, word = LineStyle.dashed, "line.adoptive"
    elif basis is Basis.biological:
        style, word = LineStyle.solid, "line.parent"
    else:
        style, word = LineStyle.dotted, "line.foster"
    used.add(word)
    return SceneEdge(
        id=key, source=source, target=target, style=style, colour=PARENT_LINE_COLOUR, width=width
    )
