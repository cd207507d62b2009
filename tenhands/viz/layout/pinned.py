"""Persons the facilitator moved: they stay where they were left, and the others make
room around them.

A saved position is in units of the map's label font (see
:func:`tenhands.viz.positions.saved_positions`), so a person left somewhere on the wall
stands in the same place on every wall map of that view (projection and family share
their geometry) and in proportion on the worker's map, whose labels are smaller.

After a layout has placed everyone, :func:`pin` puts the moved persons at their saved
positions; a person whose room (shape and label) then touches a moved person's goes to
the nearest place clear of everyone, trying ever larger steps in a fixed order of
directions (in a genogram only sideways, so generations keep their rows). Nothing
random: the same positions give the same map.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from ..redaction import Member, Network
from . import Box, BoxGrid, Geometry, Placed, person_box

DIRECTIONS = 16
"""Directions tried at each distance (sideways only: two)."""

STEPS = 400
"""How many steps (of :data:`STEP` label fonts) a person may be moved to make room."""

STEP = 0.6


def pin(
    placed: Placed,
    net: Network,
    saved: Mapping[str, tuple[float, float]],
    geo: Geometry,
    *,
    width: int,
    rows: bool = False,
) -> set[str]:
    """Move the members with a saved position (by person id, in label fonts) there and
    the others clear of them, in ``placed``; returns the map keys of those pinned.
    ``width``: the label wrap width of the view; ``rows``: move others only sideways."""
    by_person = {m.person_id: m for m in net.members if m.key in placed.positions}
    pinned: set[str] = set()
    for person_id, (x, y) in sorted(saved.items()):
        member = by_person.get(person_id)
        if member is None:
            continue
        placed.positions[member.key] = (round(x * geo.font, 2), round(y * geo.font, 2))
        pinned.add(member.key)
    if not pinned:
        return pinned

    def box(m: Member, x: float, y: float) -> Box:
        size = geo.child if m.is_child else geo.node
        return person_box(x, y, size, m.label, geo.font, width)

    pad = geo.font * 0.4
    members = sorted((m for m in net.members if m.key in placed.positions), key=lambda m: m.key)
    fixed = BoxGrid(
        geo.font * 6.0, pad, [box(m, *placed.positions[m.key]) for m in members if m.key in pinned]
    )
    movers = [
        m
        for m in members
        if m.key not in pinned and fixed.touches(box(m, *placed.positions[m.key]))
    ]
    moving = {m.key for m in movers}
    for m in members:
        if m.key not in pinned and m.key not in moving:
            fixed.add(box(m, *placed.positions[m.key]))
    directions = (
        [(1.0, 0.0), (-1.0, 0.0)]
        if rows
        else [
            (math.cos(2 * math.pi * k / DIRECTIONS), math.sin(2 * math.pi * k / DIRECTIONS))
            for k in range(DIRECTIONS)
        ]
    )
    step = geo.font * STEP
    for m in movers:
        x0, y0 = placed.positions[m.key]
        for n in range(1, STEPS + 1):
            found = next(
                (
                    (round(x0 + dx * n * step, 2), round(y0 + dy * n * step, 2))
                    for dx, dy in directions
                    if not fixed.touches(box(m, x0 + dx * n * step, y0 + dy * n * step))
                ),
                None,
            )
            if found is not None:
                placed.positions[m.key] = found
                fixed.add(box(m, *found))
                break
    return pinned
