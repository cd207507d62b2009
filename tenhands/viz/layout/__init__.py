"""Where persons go on each map: positions computed in Python, stable and repeatable.

Each view has its module (:mod:`.ecomap`, :mod:`.genogram`, :mod:`.circles`); all
take a redacted :class:`~tenhands.viz.redaction.Network` and a :class:`Geometry` and
return a :class:`Placed`: positions for the members, extra nodes (genogram unions),
edges, rings and sectors. Nothing random: ties are broken by map-local keys.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from ..labels import WRAP, wrap
from ..scene import Boundary, Ring, SceneEdge, SceneNode, Sector
from .boxes import Box as Box
from .boxes import BoxGrid as BoxGrid
from .boxes import overlap as overlap


@dataclass(frozen=True)
class Geometry:
    """Distances in map units."""

    gap: float = 130.0
    """Least distance between the centres of two persons (label room included)."""
    row: float = 170.0
    """Distance between genogram generations."""
    width: float = 1.0
    """Line width factor (thicker for projection)."""
    font: float = 14.0
    """Label font size (labels must not overlap in a genogram row)."""
    node: float = 24.0
    """Size (half the width) of a person's shape; a child's is :data:`CHILD_SCALE` times it."""
    wall: tuple[float, float] | None = None
    """Where labels have a least on-screen size (projection): the screen's map area in CSS
    pixels, e.g. :data:`WALL`. An ecomap or circles map is then laid out to fit it at a
    scale that draws names at :data:`WALL_LABEL_PX` without enlarging them, so that what
    keeps clear here keeps clear on the wall (see :func:`wall_canvas`)."""

    def canvas(self) -> tuple[float, float] | None:
        """The room on the wall in map units (width, height), or ``None``."""
        return None if self.wall is None else wall_canvas(self.wall, self.font)

    @property
    def child(self) -> float:
        return round(self.node * CHILD_SCALE, 2)


WALL = (1472.0, 1080.0)
"""A 1920×1080 wall less the side panel (28 rem): the map's area in CSS pixels."""

WALL_LABEL_PX = 24.0
"""The least on-screen size of a name on a wall (the renderer's ``MIN_LABEL_PX``)."""

FIT = 0.97
"""A renderer fits the map to this fraction of its area."""

WALL_SPARE = 0.99
"""The share of the wall a layout fills (room for rounding and the fonts' true widths)."""


def wall_canvas(wall: tuple[float, float], font: float) -> tuple[float, float]:
    """The wall ``(width, height)`` in CSS pixels as map units for labels of ``font``: a map
    no larger is fitted at a scale that draws names at :data:`WALL_LABEL_PX` or more.

    >>> wall_canvas((1472.0, 1080.0), 24.0)
    (1413.56, 1037.12)
    """
    k = FIT * WALL_SPARE * font / WALL_LABEL_PX
    return (round(wall[0] * k, 2), round(wall[1] * k, 2))


CHILD_SCALE = 34.0 / 24.0
"""A child's shape against an adult's."""

CHAR_WIDTH = 0.57
"""Average width of a character, in font sizes (measured on the sans-serif face
Chromium picks on Debian: 0.55–0.58 for a relationship line)."""

LINE_HEIGHT = 1.2
"""Height of a label line, in font sizes."""

BOLD = 1.2
"""Bold text is this much wider (a name in bold measures 0.66–0.70 font sizes a
character)."""

RELATION_SCALE = 0.77
"""A label's name is written at the font size, in bold; what follows (the relationship,
wrapped) at this fraction of it."""


@dataclass
class Placed:
    positions: dict[str, tuple[float, float]]
    edges: list[SceneEdge] = field(default_factory=list)
    extra_nodes: list[SceneNode] = field(default_factory=list)
    rings: list[Ring] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    """Legend keys of the line styles and marks drawn."""
    labels: dict[str, str] = field(default_factory=dict)
    """Labels a layout writes instead of the member's own (the genogram adds ages)."""
    boundaries: list[Boundary] = field(default_factory=list)
    """Outlines drawn behind the persons (the genogram's household)."""


def spread(n: int, start: float, end: float) -> list[float]:
    """``n`` angles evenly inside ``[start, end]``, half a step from either end.

    >>> [round(a, 2) for a in spread(2, 0.0, 1.0)]
    [0.25, 0.75]
    """
    step = (end - start) / n if n else 0.0
    return [start + (i + 0.5) * step for i in range(n)]


def radius_for(n: int, span: float, gap: float) -> float:
    """The least radius at which ``n`` points spread over ``span`` radians are ``gap`` apart
    (neighbours in adjacent sectors too, since each keeps half a step from its edges).

    >>> round(radius_for(4, math.pi, 100.0), 1)
    130.7
    """
    if n == 0:
        return 0.0
    step = min(span / n, math.pi)
    return gap / (2.0 * math.sin(step / 2.0))


def polar(r: float, angle: float) -> tuple[float, float]:
    """Map coordinates of ``angle`` (radians, counter-clockwise from the right, as seen
    on screen: y grows downwards)."""
    return (round(r * math.cos(angle), 2), round(-r * math.sin(angle), 2))


def separate(
    desired: Sequence[float], gap: float | Sequence[float], digits: int = 2
) -> list[float]:
    """Positions in the given order, as close as possible (least squares) to ``desired``
    while neighbours stay at least ``gap`` apart (one number, or one per neighbouring
    pair): isotonic regression by pooling adjacent violators; rounded to ``digits``.

    >>> separate([0.0, 10.0, 300.0], 100.0)
    [-45.0, 55.0, 300.0]
    >>> separate([0.0, 0.0, 0.0], [100.0, 300.0])
    [-166.67, -66.67, 233.33]
    """
    n = len(desired)
    gaps = [float(gap)] * max(n - 1, 0) if isinstance(gap, (int, float)) else list(gap)
    offsets = [0.0]
    for g in gaps[: n - 1]:
        offsets.append(offsets[-1] + g)
    shifted = [d - o for d, o in zip(desired, offsets, strict=True)]
    blocks: list[list[float]] = []  # [mean, count]
    for v in shifted:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, c2 = blocks.pop()
            m1, c1 = blocks.pop()
            blocks.append([(m1 * c1 + m2 * c2) / (c1 + c2), c1 + c2])
    out: list[float] = []
    for mean, count in blocks:
        out += [mean] * int(count)
    return [round(v + o, digits) for v, o in zip(out, offsets, strict=True)]


@cache
def label_width(label: str, font: float, width: int = WRAP) -> float:
    """About how wide a label is drawn, in map units: the name (first line) in bold at
    ``font``, the rest wrapped (see :func:`~tenhands.viz.labels.wrap`) at
    :data:`RELATION_SCALE` times ``font``.

    >>> label_width("Oma Ria\\n(grootmoeder, mama's kant)", 10.0)
    57.06
    """
    lines = wrap(label, width).split("\n")
    name = len(lines[0]) * font * CHAR_WIDTH * BOLD
    rest = max((len(line) for line in lines[1:]), default=0) * font * RELATION_SCALE * CHAR_WIDTH
    return round(max(name, rest), 2)


@cache
def label_height(label: str, font: float, width: int = WRAP) -> float:
    """About how tall a label is drawn (wrapped), in map units.

    >>> label_height("Oma Ria\\n(grootmoeder, mama's kant)", 10.0)
    30.48
    """
    if not label:
        return 0.0
    rest = len(wrap(label, width).split("\n")) - 1
    return round(font * LINE_HEIGHT * (1 + rest * RELATION_SCALE), 2)


def person_box(x: float, y: float, size: float, label: str, font: float, width: int = WRAP) -> Box:
    """The room a person takes: the shape (with its badge) and the label under it,
    wrapped at ``width`` characters."""
    half = max(size * 1.3, label_width(label, font, width) / 2)
    return (x - half, y - size * 1.4, x + half, y + size + 4.0 + label_height(label, font, width))


PLACARD_WRAP = 16
"""Characters on a line of a ring label or a sector title before it wraps."""

RING_LABEL_WRAP = 24
"""Characters on a line of a ring label: two lines at most, so rings stacked close on a
wall keep their labels apart (they stand one above the other at the top)."""

RING_LABEL_FONT = 0.8
"""A ring label's font against the persons' labels."""

ROOM = 1.35
"""How much larger than the scene says a renderer may draw labels where a least
on-screen size applies (projection): ring labels keep clear of that much."""


def placard_size(lines: Sequence[str], size: float) -> tuple[float, float]:
    """Width and height of a ring label or sector title (bold, on a light box)."""
    w = max((len(line) for line in lines), default=0) * size * CHAR_WIDTH * BOLD + size
    return (w, len(lines) * size * LINE_HEIGHT + size * 0.5)


RING_LABEL_ANGLE = math.radians(90.0)
"""Where a ring's label goes: on the ring, between the mother's side and the supporters."""


def ring_label_box(label: str, radius: float, font: float, room: float = ROOM) -> Box:
    """The room kept for a ring's label on the ring at :data:`RING_LABEL_ANGLE` (``room``
    times its size: :data:`ROOM` unless the map is laid out for a wall)."""
    w, h = placard_size(wrap(label, RING_LABEL_WRAP).split("\n"), font * RING_LABEL_FONT)
    w, h = w * room, h * room
    x, y = polar(radius, RING_LABEL_ANGLE)
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
