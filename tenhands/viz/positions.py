"""Moving persons on a map that the service shows: what a map page may post back, and
how it becomes the stored positions of :class:`~tenhands.graph.model.MapPosition`.

A map names its persons by map-local keys (``n1``, ``n2``…, see
:mod:`.redaction`), never by stored ids; which person a key stands for depends on the
case and the mode. A page that may move persons therefore carries a *stamp* of its
keys (:func:`stamp_of`); a move posted with a stamp that no longer fits (someone was
added or removed since the page was drawn) is refused, so nobody else is moved.

Positions are stored in units of the map's label font (:func:`saved`), the same on
every wall map of a view; :mod:`.layout.pinned` draws them back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from tenhands.graph.model import MapPosition

from .build import GEOMETRY
from .redaction import Network
from .scene import View

MAX_MOVES = 200
"""The most persons one post may move."""


@dataclass(frozen=True)
class Move:
    """One person moved on a map: their map key and where they were left (map units)."""

    key: str
    x: float
    y: float


class StaleMap(ValueError):
    """The map was drawn for other persons than the case's network holds now."""


class UnknownKey(ValueError):
    """A moved key that is no person of the map."""


def stamp_of(net: Network) -> str:
    """A short fingerprint of which person each map key stands for (and of the mode),
    without saying who: 16 hex digits of a SHA-256."""
    text = net.mode.value + "|" + ",".join(f"{m.key}={m.person_id}" for m in net.members)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def saved(
    net: Network, case_id: str, view: View, stamp: str, moves: Sequence[Move]
) -> list[MapPosition]:
    """The positions to store for ``moves`` on a map of ``net`` drawn with ``stamp``.

    Raises :class:`StaleMap` when the stamp does not fit ``net`` and
    :class:`UnknownKey` for a key that is no person of the map (a genogram's union
    point, or nothing at all)."""
    if stamp != stamp_of(net):
        raise StaleMap("the map has changed since it was drawn: reload it")
    person_of = {m.key: m.person_id for m in net.members}
    font = GEOMETRY[net.policy.large].font
    out: dict[str, MapPosition] = {}
    for move in moves:
        person_id = person_of.get(move.key)
        if person_id is None:
            raise UnknownKey(f"{move.key!r} is no person of this map")
        out[person_id] = MapPosition(
            case_id=case_id,
            view=view.value,
            person_id=person_id,
            x=round(move.x / font, 4),
            y=round(move.y / font, 4),
        )
    return list(out.values())
