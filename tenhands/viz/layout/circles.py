"""Circles of safety and support (Signs of Safety): who knows how much about the worries.

The children are at the centre; around them a ring for those who know most about the
worries, one for those who know a little, one for those who know nothing yet, and an
outermost ring for those of whom it is not known (no answer recorded). The sectors
are the ecomap's (mother's side left, father's right, supporters and professionals
below), so the two maps read alike; a ring grows when crowded. The deceased are not in
the circles (a note counts them). No lines: the rings, the badges and each person's
tasks carry the message.
"""

from __future__ import annotations

from tenhands.graph.model import WorryKnowledge

from .. import labels
from ..palette import RING_COLOUR
from ..redaction import Network
from ..scene import Ring
from . import Geometry, Placed, ecomap

RINGS: tuple[WorryKnowledge | None, ...] = (
    WorryKnowledge.full,
    WorryKnowledge.partial,
    WorryKnowledge.none,
    None,
)


def layout(net: Network, geo: Geometry) -> Placed:
    others = [m for m in net.members if not m.is_child and not m.deceased]
    left_out = sum(1 for m in net.members if not m.is_child and m.deceased)
    names = [labels.knows_word(k, net.lang) for k in RINGS]
    positions, radii, sectors = ecomap.place_around(
        net.children, others, lambda m: m.knows, RINGS, geo, names
    )
    placed = Placed(positions=positions)
    placed.rings = [
        Ring(radius=r, label=name, colour=RING_COLOUR) for name, r in zip(names, radii, strict=True)
    ]
    placed.sectors = ecomap.sector_list(sectors, net.lang)
    if left_out:
        placed.notes.append(labels.say("deceased_left_out", net.lang, n=left_out))
    return placed
