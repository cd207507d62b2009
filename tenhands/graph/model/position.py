"""Where a person was left on one of a case's maps: a place on the wall that stays for
the next meeting. A position says nothing about the person; it is kept per case and
per view (the name of a map, such as ``ecomap``), in the map's own units."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .common import Id, Model

MapView = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z_]{0,19}$"),
    Field(description="which map, e.g. ecomap, genogram, circles"),
]

COORDINATE = 1_000_000.0
"""No position lies further than this from a map's centre."""

Coordinate = Annotated[float, Field(ge=-COORDINATE, le=COORDINATE, allow_inf_nan=False)]


class MapPosition(Model):
    """One person's place on one of a case's maps."""

    case_id: Id
    view: MapView
    person_id: Id
    x: Coordinate
    y: Coordinate
