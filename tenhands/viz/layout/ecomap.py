"""The ecomap: the child (or the siblings together) at the centre, rings for the inner,
middle and outer circle, and a sector for each part of the network.

Sectors (angles counter-clockwise from the right, as seen on screen):

- the mother's side on the left half (100°–225°), the father's side on the right
  (−45°–80°), so a glance shows whether one side carries the network;
- family on both sides (full siblings, kin of unknown side) at the top (80°–100°);
  without them the two sides meet at 90°;
- informal supporters and professionals share the bottom (225°–315°) by how many
  of each stand in their most crowded ring (each keeps at least a quarter); when one
  of them is absent the other takes the whole bottom.

Within a sector and ring persons are spread evenly, closest kin first, then pushed
apart along the ring (least squares, staying in their sector) just enough that their
label boxes (shape, badge and wrapped label, estimated from the text) keep clear. A
ring is the smallest (to a few per cent) at which no label box touches another, one of
a ring within, or the room kept for the ring's own label at its top; persons may stand
a little turned (:data:`SHIFTS`) to sit between those of the ring within. Labels are
the widest thing on the map, so this spacing is what keeps them readable when the map
is fitted to a screen.

On a wall (projection: :attr:`~tenhands.viz.layout.Geometry.wall`) labels are drawn at
a least size in screen pixels, so the map cannot simply be scaled down to fit: persons
are then placed on a canvas the size of the wall in map units (:func:`_on_wall`), one by
one near their even spread, stepping in or out within their ring's band and into the
corners beyond the outermost ring, so that at the final on-screen size no label box
touches another; the ring labels stand one above the other at the top. When the wall
cannot hold the network the layout above is used (the map grows, and the renderer
enlarges its labels).

Lines run between the children and the persons tied to them directly: strong solid
and thick, tenuous dashed, stressful zigzag in vermillion, unknown quality thin solid
grey; the width grows with closeness (inner thickest).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from typing import TypeVar

from tenhands.graph.model import Circle, Quality

from .. import labels
from ..palette import (
    PLAIN_COLOUR,
    RING_COLOUR,
    STRESSFUL_COLOUR,
    STRONG_COLOUR,
    TENUOUS_COLOUR,
    Group,
)
from ..redaction import Link, Member, Network
from ..scene import LineStyle, Ring, SceneEdge, Sector
from . import (
    RING_LABEL_ANGLE,
    ROOM,
    Box,
    BoxGrid,
    Geometry,
    Placed,
    label_height,
    label_width,
    overlap,
    person_box,
    polar,
    radius_for,
    ring_label_box,
    separate,
    spread,
)

RINGS = (Circle.inner, Circle.middle, Circle.outer)
GROWTH = 1.08
"""A crowded ring grows by this factor at a time (then the least fitting radius between
the last two is narrowed down)."""
SHIFTS = (0.0, 0.3, -0.3)
"""Ways to turn a ring's persons within their sectors (fractions of a step), tried in
this order at each radius."""
K = TypeVar("K")

_SECTORS: dict[Group, tuple[float, float]] = {
    Group.maternal: (100.0, 225.0),
    Group.both: (80.0, 100.0),
    Group.paternal: (-45.0, 80.0),
    Group.informal: (225.0, 290.0),
    Group.professional: (290.0, 315.0),
}
_SECTOR_ORDER = (Group.maternal, Group.both, Group.paternal, Group.informal, Group.professional)

CLOSENESS_WIDTH: dict[Circle | None, float] = {
    Circle.inner: 6.0,
    Circle.middle: 3.5,
    Circle.outer: 1.5,
    None: 1.5,
}


def sectors_for(
    groups: set[Group], crowd: dict[Group, int] | None = None
) -> dict[Group, tuple[float, float]]:
    """Sector angles in degrees for the groups present (both sides always have one).
    When both informal supporters and professionals are present, ``crowd`` (the most
    persons of each in one ring) shares the bottom between them, each keeping at least
    a quarter of it.

    >>> sectors_for({Group.maternal, Group.informal})[Group.maternal]
    (90.0, 225.0)
    >>> both = {Group.informal: 3, Group.professional: 2}
    >>> sectors_for(set(both), both)[Group.informal]
    (225.0, 279.0)
    """
    out = dict(_SECTORS)
    if crowd and Group.informal in groups and Group.professional in groups:
        informal, professional = crowd.get(Group.informal, 0), crowd.get(Group.professional, 0)
        if informal + professional:
            share = min(max(informal / (informal + professional), 0.25), 0.75)
            split = round(225.0 + 90.0 * share, 2)
            out[Group.informal] = (225.0, split)
            out[Group.professional] = (split, 315.0)
    if Group.both not in groups:
        del out[Group.both]
        out[Group.maternal] = (90.0, 225.0)
        out[Group.paternal] = (-45.0, 90.0)
    if Group.professional not in groups:
        del out[Group.professional]
        out[Group.informal] = (225.0, 315.0)
    elif Group.informal not in groups:
        del out[Group.informal]
        out[Group.professional] = (225.0, 315.0)
    return out


def layout(net: Network, geo: Geometry) -> Placed:
    lang = net.lang
    others = [m for m in net.members if not m.is_child]
    names = [labels.say(f"ring.{c.value}", lang) for c in RINGS]
    positions, radii, sectors = place_around(
        net.children, others, lambda m: m.circle, RINGS, geo, names
    )
    placed = Placed(positions=positions)
    placed.rings = [
        Ring(radius=r, label=name, colour=RING_COLOUR) for name, r in zip(names, radii, strict=True)
    ]
    placed.sectors = sector_list(sectors, lang)
    child_keys = {c.key for c in net.children}
    circle_of = {m.key: m.circle for m in net.members}
    for link in net.links:
        if link.source in child_keys or link.target in child_keys:
            other = link.target if link.source in child_keys else link.source
            placed.edges.append(tie_edge(link, circle_of[other], geo, placed.used))
    return placed


def place_around(
    children: Sequence[Member],
    others: Sequence[Member],
    ring_of: Callable[[Member], K],
    rings: Sequence[K],
    geo: Geometry,
    ring_labels: Sequence[str] = (),
) -> tuple[dict[str, tuple[float, float]], list[float], dict[Group, tuple[float, float]]]:
    """Children in a row at the centre, everyone else on their ring in their group's
    sector, clear of the ring's label at its top; returns positions, the radius of
    each ring and the sectors (degrees)."""
    positions: dict[str, tuple[float, float]] = {}
    steps = [
        max(
            geo.gap,
            geo.child * 2.8,
            # room to spare: names may be drawn larger on a wall (see ROOM)
            (label_width(a.label, geo.font) + label_width(b.label, geo.font)) / 2 * ROOM + geo.font,
        )
        for a, b in itertools.pairwise(children)
    ]
    xs = separate([0.0] * len(children), steps) if children else []
    for child, x in zip(children, xs, strict=True):
        positions[child.key] = (round(x, 2), 0.0)
    centre = max((abs(x) for x in xs), default=0.0)

    by_cell: dict[tuple[Group, int], list[Member]] = {}
    for m in others:
        by_cell.setdefault((m.group, rings.index(ring_of(m))), []).append(m)
    crowd: dict[Group, int] = {}
    for (g, _), ms in by_cell.items():
        crowd[g] = max(crowd.get(g, 0), len(ms))
    sectors = sectors_for({m.group for m in others}, crowd)

    taken = [
        person_box(x, y, geo.child, c.label, geo.font)
        for c, (x, y) in ((c, positions[c.key]) for c in children)
    ]
    cells = sorted(by_cell.items(), key=lambda item: (item[0][1], _SECTOR_ORDER.index(item[0][0])))
    canvas = geo.canvas()
    if canvas is not None:
        on_wall = _on_wall(cells, len(rings), sectors, geo, ring_labels, taken, centre, canvas)
        if on_wall is not None:
            positions.update(on_wall[0])
            return positions, on_wall[1], sectors
    radii: list[float] = []
    previous = centre
    for ring in range(len(rings)):
        in_ring = [(g, ms) for (g, r), ms in cells if r == ring]
        needed = max(
            (
                radius_for(len(ms), math.radians(sectors[g][1] - sectors[g][0]), geo.gap)
                for g, ms in in_ring
            ),
            default=0.0,
        )
        radius = max(previous + geo.node * 2 + geo.font, needed)
        label = ring_labels[ring] if ring < len(ring_labels) else None

        # grow in coarse steps until nobody's label box touches another, then narrow down
        found = _fit(in_ring, sectors, radius, geo, label, taken)
        low = radius
        for _ in range(300):
            if found is not None:
                break
            low, radius = radius, radius * GROWTH
            found = _fit(in_ring, sectors, radius, geo, label, taken)
        if found is None:
            raise ValueError("the ring cannot be laid out")  # not reached: bounded growth
        for _ in range(4 if low < radius else 0):
            middle = (low + radius) / 2
            better = _fit(in_ring, sectors, middle, geo, label, taken)
            if better is None:
                low = middle
            else:
                radius, found = middle, better
        trial, boxes = found
        for m, xy in trial:
            positions[m.key] = xy
        taken += boxes
        radii.append(round(radius, 2))
        previous = radius

    return positions, radii, sectors


_Fit = tuple[list[tuple[Member, tuple[float, float]]], list[Box]]

BAND = 0.49
"""On a wall, persons stand within this fraction of the distance between two rings from
their own ring (so each is nearer their ring than any other); those of the outermost
ring anywhere outside it, into the corners."""

WALL_SHARE = 0.5
"""The most of a wall persons' boxes may cover for a layout on it to be tried."""

TURN = math.radians(1.5)
"""Steps in which a person on a wall is turned from where they would stand evenly spread."""


def _on_wall(
    cells: list[tuple[tuple[Group, int], list[Member]]],
    count: int,
    sectors: dict[Group, tuple[float, float]],
    geo: Geometry,
    ring_labels: Sequence[str],
    children: list[Box],
    centre: float,
    canvas: tuple[float, float],
) -> tuple[dict[str, tuple[float, float]], list[float]] | None:
    """Rings and persons that fit ``canvas`` (map units, centred on the children), or
    ``None`` when the wall cannot hold them (the map then grows as it needs, and the
    renderer enlarges its labels).

    Ring by ring, from the centre, the least radius at which the ring's persons can be
    placed: one by one, by angle, as near as possible to where they would stand evenly
    spread in their sector and to their ring (turned in steps of :data:`TURN` and
    stepped in or out within :data:`BAND` of the distance to the next ring; those of the
    outermost ring anywhere outside it), wherever their box keeps clear of every other
    box, of the room kept for the ring labels (one above the other at the top, each on
    its own ring) and of the canvas' edge."""
    half_w, half_h = canvas[0] / 2, canvas[1] / 2
    pad = geo.font * 0.4
    area = 0.0
    for _, ms in cells:
        for m in ms:
            box = person_box(0.0, 0.0, geo.node, m.label, geo.font)
            area += (box[2] - box[0] + pad) * (box[3] - box[1] + pad)
    if area > canvas[0] * canvas[1] * WALL_SHARE:
        return None  # more than a wall holds: not worth trying
    rooms = [ring_label_box(name, 0.0, geo.font, 1.0) for name in ring_labels[:count]]
    # the outer ring and its label stay on the canvas, which stands a little low
    widest = min(half_w, half_h - canvas_shift(geo)) - max(
        [pad, *((b[3] - b[1]) / 2 for b in rooms)]
    )
    least = max([geo.node * 2 + geo.font, *((b[3] - b[1]) + pad * 2 for b in rooms)])
    taken = list(children)
    centres: list[tuple[float, float]] = []
    positions: dict[str, tuple[float, float]] = {}
    radii: list[float] = []
    previous = centre
    for ring in range(count):
        members = [(g, ms) for (g, r), ms in cells if r == ring]
        radius = previous + (least if radii else geo.child + geo.node + geo.font)
        while True:
            if radius > widest:
                return None
            inward = (radius - previous) * BAND if radii else radius * BAND
            outward = max(half_w, half_h) if ring == count - 1 else least * BAND
            kept = (
                [ring_label_box(ring_labels[ring], radius, geo.font, 1.0)]
                if ring < len(ring_labels)
                else []
            )
            placed = None
            for backwards in (False, True):
                placed = _wall_ring(
                    members,
                    radius,
                    (inward, outward),
                    sectors,
                    geo,
                    taken + kept,
                    centres,
                    canvas,
                    backwards,
                )
                if placed is not None:
                    break
            if placed is not None:
                break
            radius += geo.font * 0.5
        for key, xy, box in placed:
            positions[key] = xy
            taken.append(box)
            centres.append(xy)
        taken += kept
        radii.append(round(radius, 2))
        previous = radius
    return positions, radii


def canvas_shift(geo: Geometry) -> float:
    """How far below the centre the middle of a wall's canvas stands: labels hang under
    their persons, so a map needs more room below than above."""
    return geo.font * 1.6


def _wall_ring(
    members: list[tuple[Group, list[Member]]],
    radius: float,
    band: tuple[float, float],
    sectors: dict[Group, tuple[float, float]],
    geo: Geometry,
    taken: list[Box],
    centres: list[tuple[float, float]],
    canvas: tuple[float, float],
    backwards: bool = False,
) -> list[tuple[str, tuple[float, float], Box]] | None:
    """One ring's persons placed greedily (see :func:`_on_wall`), or ``None``;
    ``backwards``: each sector's persons placed from its far end."""
    half_w, half_h = canvas[0] / 2, canvas[1] / 2
    top, bottom = -half_h + canvas_shift(geo), half_h + canvas_shift(geo)
    pad = geo.font * 0.4
    step = geo.font * 0.6
    steps = [0.0]
    k = 1
    while k * step <= max(band):
        steps += [d for d in (k * step, -k * step) if -band[0] <= d <= band[1]]
        k += 1
    boxes = BoxGrid(geo.font * 6.0, pad, taken)
    dots = list(centres)
    out: list[tuple[str, tuple[float, float], Box]] = []
    for g, ms in members:
        start, end = (math.radians(a) for a in sectors[g])
        ordered = sorted(ms, key=lambda m: (m.degree, m.label, m.key))
        if g in (Group.paternal, Group.professional):
            ordered.reverse()
        turns = int((end - start) / TURN) + 1
        wanted = list(zip(ordered, spread(len(ordered), start, end), strict=True))
        for m, want in reversed(wanted) if backwards else wanted:
            options = sorted(
                (abs(j * TURN) * radius + abs(d) * 1.5, want + j * TURN, radius + d)
                for j in range(-turns, turns + 1)
                if start <= want + j * TURN <= end
                for d in steps
            )
            for _, angle, r in options:
                x, y = polar(r, angle)
                box = person_box(x, y, geo.node, m.label, geo.font)
                if box[0] < -half_w or box[2] > half_w or box[1] < top or box[3] > bottom:
                    continue
                if any(math.hypot(x - cx, y - cy) < geo.gap for cx, cy in dots):
                    continue
                if boxes.touches(box):
                    continue
                out.append((m.key, (x, y), box))
                boxes.add(box)
                dots.append((x, y))
                break
            else:
                return None
    return out


def _fit(
    in_ring: list[tuple[Group, list[Member]]],
    sectors: dict[Group, tuple[float, float]],
    radius: float,
    geo: Geometry,
    label: str | None,
    taken: list[Box],
) -> _Fit | None:
    """The ring's persons at ``radius`` with their boxes (and the ring label's), if no box
    touches another nor one already ``taken``."""
    kept = [ring_label_box(label, radius, geo.font)] if label is not None else []
    half = (kept[0][2] - kept[0][0]) / 2 if kept else 0.0
    for shift in SHIFTS:
        trial = _place_ring(in_ring, sectors, radius, geo, shift, half)
        if trial is None:
            continue
        boxes = [person_box(x, y, geo.node, m.label, geo.font) for m, (x, y) in trial]
        if not _any_overlap(boxes + kept, taken, geo.font * 0.4):
            return trial, boxes + kept
    return None


def _any_overlap(new: list[Box], fixed: list[Box], pad: float) -> bool:
    """Whether a box of ``new`` touches another of ``new`` or one of ``fixed`` (a sweep
    from left to right)."""
    items = sorted([(b, True) for b in new] + [(b, False) for b in fixed], key=lambda i: i[0][0])
    active: list[tuple[Box, bool]] = []
    for box, fresh in items:
        active = [(b, f) for b, f in active if b[2] + pad > box[0]]
        if any((fresh or f) and overlap(box, b, pad) for b, f in active):
            return True
        active.append((box, fresh))
    return False


def _place_ring(
    in_ring: list[tuple[Group, list[Member]]],
    sectors: dict[Group, tuple[float, float]],
    radius: float,
    geo: Geometry,
    shift: float = 0.0,
    label_half: float = 0.0,
) -> list[tuple[Member, tuple[float, float]]] | None:
    """Persons of one ring at ``radius``: evenly spread in their sector, then pushed apart
    (least squares) just enough that neighbours' label boxes keep clear; ``None`` when
    someone would leave their sector (the ring must grow). ``shift`` moves everyone by
    that fraction of their sector's step (to stand between the persons of the ring
    within, rather than behind them). Nobody stands within ``label_half`` (plus their own
    half width) of :data:`~tenhands.viz.layout.RING_LABEL_ANGLE`, where the ring's label
    goes."""
    top = RING_LABEL_ANGLE
    people: list[tuple[Member, float, float, float]] = []  # member, desired, start, end
    for group, ms in in_ring:
        start, end = (math.radians(a) for a in sectors[group])
        ordered = sorted(ms, key=lambda m: (m.degree, m.label, m.key))
        if group in (Group.paternal, Group.professional):
            ordered.reverse()  # closest kin near the top on both halves
        step = (end - start) / len(ordered)
        for m, angle in zip(ordered, spread(len(ordered), start, end), strict=True):
            lo, hi, want = start, end, angle + shift * step
            if label_half and start < top + 1.0 and end > top - 1.0:
                half = label_half + label_width(m.label, geo.font) / 2 + geo.font * 0.5
                room = math.asin(min(1.0, half / radius))
                if want < top:
                    hi = min(hi, top - room)
                else:
                    lo = max(lo, top + room)
                if lo > hi:
                    return None
                want = min(max(want, lo), hi)
            people.append((m, want, lo, hi))
    people.sort(key=lambda p: p[1])
    pad = geo.font * 0.5
    gaps = []
    for (a, da, _, _), (b, db, _, _) in itertools.pairwise(people):
        mid = (da + db) / 2
        wide = (label_width(a.label, geo.font) + label_width(b.label, geo.font)) / 2 + pad
        wide = max(wide, geo.node * 2.6 + pad)
        tall = geo.node * 2.4 + 4.0 + max(label_height(m.label, geo.font) for m in (a, b)) + pad
        need = min(
            wide / max(radius * abs(math.sin(mid)), 1e-9),
            tall / max(radius * abs(math.cos(mid)), 1e-9),
        )
        gaps.append(max(need, 2 * math.asin(min(1.0, geo.gap / (2 * radius)))) * 1.02)
    angles = separate([p[1] for p in people], gaps, digits=6) if people else []
    # keep everyone in their sector: push in from the bounds, keeping the gaps
    for i, (_, _, start, _) in enumerate(people):
        angles[i] = max(angles[i], start, angles[i - 1] + gaps[i - 1] if i else start)
    for i in reversed(range(len(people))):
        end = people[i][3]
        angles[i] = min(angles[i], end, angles[i + 1] - gaps[i] if i + 1 < len(people) else end)
    out = []
    for i, ((m, _, start, end), angle) in enumerate(zip(people, angles, strict=True)):
        if not start - 1e-6 <= angle <= end + 1e-6:
            return None
        if i and angle - angles[i - 1] < gaps[i - 1] - 1e-6:
            return None
        out.append((m, polar(radius, angle)))
    return out


def sector_list(sectors: dict[Group, tuple[float, float]], lang: str) -> list[Sector]:
    return [
        Sector(
            start_angle=round(math.radians(sectors[g][0]), 4),
            end_angle=round(math.radians(sectors[g][1]), 4),
            label=labels.say(f"group.{g.value}", lang),
        )
        for g in _SECTOR_ORDER
        if g in sectors
    ]


def tie_edge(link: Link, circle: Circle, geo: Geometry, used: set[str]) -> SceneEdge:
    """A tie drawn by its quality (style, colour) and closeness (width)."""
    closeness = link.closeness or circle
    width = CLOSENESS_WIDTH[closeness]
    used.add("line.closeness")
    if link.quality is Quality.strong:
        style, colour, width = LineStyle.solid, STRONG_COLOUR, width + 2.0
        used.add("line.strong")
    elif link.quality is Quality.tenuous:
        style, colour = LineStyle.dashed, TENUOUS_COLOUR
        used.add("line.tenuous")
    elif link.quality is Quality.stressful:
        style, colour = LineStyle.zigzag, STRESSFUL_COLOUR
        used.add("line.stressful")
    else:
        style, colour, width = LineStyle.solid, PLAIN_COLOUR, min(width, 2.0)
        used.add("line.plain")
    return SceneEdge(
        id=link.key,
        source=link.source,
        target=link.target,
        style=style,
        colour=colour,
        width=round(width * geo.width, 2),
    )
