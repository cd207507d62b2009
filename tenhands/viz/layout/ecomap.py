"""The ecomap: the child (or the siblings together) at the centre, rings for the inner,
middle and outer circle, and a sector for each part of the network.

Sectors (angles counter-clockwise from the right, as seen on screen):

- the mother's side on the left half (100°–225°), the father's side on the right
  (−45°–80°), so a glance shows whether one side carries the network;
- family on both sides (full siblings, kin of unknown side) at the top (80°–100°);
  without them the two sides meet at 90°;
- informal supporters (225°–290°) and professionals (290°–315°) at the bottom; when
  one of them is absent the other takes the whole bottom.

Within a sector and ring persons are spread evenly, closest kin first; a ring grows
when its most crowded sector would put two persons closer than ``Geometry.gap``, and
every ring lies at least one gap outside the one within.

Lines run between the children and the persons tied to them directly: strong solid
and thick, tenuous dashed, stressful zigzag in vermillion, unknown quality thin solid
grey; the width grows with closeness (inner thickest).
"""

from __future__ import annotations

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
from . import Geometry, Placed, polar, radius_for, spread

RINGS = (Circle.inner, Circle.middle, Circle.outer)
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


def sectors_for(groups: set[Group]) -> dict[Group, tuple[float, float]]:
    """Sector angles in degrees for the groups present (both sides always have one).

    >>> sectors_for({Group.maternal, Group.informal})[Group.maternal]
    (90.0, 225.0)
    """
    out = dict(_SECTORS)
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
    positions, radii, sectors = place_around(net.children, others, lambda m: m.circle, RINGS, geo)
    placed = Placed(positions=positions)
    placed.rings = [
        Ring(radius=r, label=labels.say(f"ring.{c.value}", lang), colour=RING_COLOUR)
        for c, r in zip(RINGS, radii, strict=True)
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
) -> tuple[dict[str, tuple[float, float]], list[float], dict[Group, tuple[float, float]]]:
    """Children in a row at the centre, everyone else on their ring in their group's
    sector; returns positions, the radius of each ring and the sectors (degrees)."""
    positions: dict[str, tuple[float, float]] = {}
    xs = [(i - (len(children) - 1) / 2) * geo.gap for i in range(len(children))]
    for child, x in zip(children, xs, strict=True):
        positions[child.key] = (round(x, 2), 0.0)
    centre = (len(children) - 1) / 2 * geo.gap

    sectors = sectors_for({m.group for m in others})
    by_cell: dict[tuple[Group, int], list[Member]] = {}
    for m in others:
        by_cell.setdefault((m.group, rings.index(ring_of(m))), []).append(m)

    radii: list[float] = []
    previous = centre
    for ring in range(len(rings)):
        needed = max(
            (
                radius_for(len(ms), math.radians(sectors[g][1] - sectors[g][0]), geo.gap)
                for (g, r), ms in by_cell.items()
                if r == ring
            ),
            default=0.0,
        )
        radii.append(round(max(previous + geo.gap * 1.2, needed), 2))
        previous = radii[-1]

    for (group, ring), ms in sorted(by_cell.items()):
        start, end = sectors[group]
        ordered = sorted(ms, key=lambda m: (m.degree, m.label, m.key))
        if group in (Group.paternal, Group.professional):
            ordered.reverse()  # closest kin near the top on both halves
        for m, angle in zip(ordered, spread(len(ordered), start, end), strict=True):
            positions[m.key] = polar(radii[ring], math.radians(angle))
    return positions, radii, sectors


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
