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

from ..scene import Ring, SceneEdge, SceneNode, Sector


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


def separate(desired: Sequence[float], gap: float | Sequence[float]) -> list[float]:
    """Positions in the given order, as close as possible (least squares) to ``desired``
    while neighbours stay at least ``gap`` apart (one number, or one per neighbouring
    pair): isotonic regression by pooling adjacent violators.

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
    return [round(v + o, 2) for v, o in zip(out, offsets, strict=True)]


def label_width(label: str, font: float) -> float:
    """About how wide a label is drawn, in map units (half a font size per character).

    >>> label_width("Oma Ria\\n(grootmoeder, mama's kant)", 14.0)
    182.0
    """
    longest = max((len(line) for line in label.split("\n")), default=0)
    return round(longest * font * 0.5, 2)
