"""A map as data: what is drawn where, already redacted, before any drawing library.

A :class:`Scene` is the one thing a renderer receives. Everything in it may be shown to
the audience of its :class:`Mode`: redaction happens while the scene is built, so a
renderer cannot leak what the scene does not hold. Positions are computed in Python
(stable and repeatable: the same case gives the same map), so a renderer draws with
physics off.

Coordinates are in map units: x to the right, y downwards, the centre of an ecomap at
(0, 0); a renderer scales them to its canvas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class View(StrEnum):
    """Which map."""

    ecomap = "ecomap"
    """The child at the centre, rings for inner/middle/outer circle, sides in sectors."""
    genogram = "genogram"
    """Generations in rows, McGoldrick's shapes and lines."""
    circles = "circles"
    """Circles of safety and support: who knows about the worries, who does what."""


class Mode(StrEnum):
    """Who will see the map."""

    work = "work"
    """The worker's full view."""
    projection = "projection"
    """A family meeting on a wall: large, and nothing private (no addresses, phone
    numbers, e-mail, birth dates, notes, risk flags or confidential ties)."""
    family = "family"
    """Private family time and handouts: projection's rules, and persons who are not
    safe or may not be contacted left out entirely, confidential ties hidden."""


class Shape(StrEnum):
    """Node shapes, the genogram's conventions (used in every view, so sex reads alike)."""

    square = "square"
    """male"""
    circle = "circle"
    """female"""
    diamond = "diamond"
    """other or unknown"""
    dot = "dot"
    """a genogram union (couple) point, drawn tiny"""


class LineStyle(StrEnum):
    solid = "solid"
    dashed = "dashed"
    """tenuous; adoptive and foster links in a genogram"""
    dotted = "dotted"
    zigzag = "zigzag"
    """stressful (drawn as a dash pattern with its own colour)"""


@dataclass(frozen=True)
class SceneNode:
    """One person (or a genogram union point) as drawn."""

    id: str
    """A map-local id (never a stored id a renderer could be tempted to print)."""
    label: str
    """What is written under the shape, e.g. ``Oma Ria\\n(grootmoeder, mama's kant)``."""
    x: float
    y: float
    shape: Shape
    colour: str
    """Fill, from the colour-blind-safe palette (Okabe–Ito)."""
    size: float = 25.0
    border_width: float = 2.0
    double_border: bool = False
    """The child the map is about."""
    deceased: bool = False
    """Drawn with a cross or mark."""
    badge: str | None = None
    """A short engagement mark, e.g. ``✓`` committed, ``✕`` no contact."""
    tooltip: str | None = None
    """Plain text shown on hover (already redacted for the mode); no HTML."""
    group: str | None = None
    """mother's side, father's side, informal, professional, child… (legend key)."""
    tasks: tuple[str, ...] = ()
    """The person's plan tasks, shown on demand."""
    font_size: float = 14.0


@dataclass(frozen=True)
class SceneEdge:
    id: str
    source: str
    target: str
    style: LineStyle = LineStyle.solid
    colour: str = "#555555"
    width: float = 2.0
    label: str | None = None
    arrow: bool = False
    marks: tuple[str, ...] = ()
    """Extra marks on the line: ``divorced`` (two slashes), ``separated`` (one slash)."""


@dataclass(frozen=True)
class Ring:
    """A circle drawn behind the nodes (ecomap and circles views)."""

    radius: float
    label: str
    colour: str = "#dddddd"


@dataclass(frozen=True)
class Sector:
    """A labelled wedge of an ecomap (mother's side, father's side, informal, professional)."""

    start_angle: float
    """Radians, 0 at the right, counter-clockwise... as the layout defines; see layout."""
    end_angle: float
    label: str


class Mark(StrEnum):
    """What a legend swatch draws on its shape or line, as the map draws it."""

    double_border = "double_border"
    """the child the map is about"""
    deceased = "deceased"
    """a cross over the shape"""
    badge = "badge"
    """an engagement badge (:attr:`LegendEntry.badge` says which)"""
    divorced = "divorced"
    """two strokes across a couple's line"""
    separated = "separated"
    """one stroke across a couple's line"""


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a swatch (shape or line, with its mark) and what it means."""

    label: str
    shape: Shape | None = None
    colour: str | None = None
    style: LineStyle | None = None
    width: float | None = None
    mark: Mark | None = None
    badge: str | None = None
    """The character in an engagement badge."""


@dataclass(frozen=True)
class Counter:
    """The "ten hands and eyes" counter: committed adults against the goal."""

    committed: int
    goal: int = 5
    names: tuple[str, ...] = ()
    """The committed adults the map shows, by the name it writes, alphabetically."""

    @property
    def hands(self) -> int:
        return 2 * self.committed

    @property
    def missing(self) -> int:
        """Committed adults still needed to reach the goal."""
        return max(0, self.goal - self.committed)


@dataclass(frozen=True)
class Scene:
    """A whole map, ready to draw."""

    view: View
    mode: Mode
    lang: str
    title: str
    made_on: date
    nodes: list[SceneNode]
    edges: list[SceneEdge]
    counter: Counter
    legend: list[LegendEntry] = field(default_factory=list)
    rings: list[Ring] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Lines under the title (e.g. "2 persons not shown in this mode" — counts only)."""

    @property
    def people(self) -> list[SceneNode]:
        """The persons drawn (union points left out)."""
        return [n for n in self.nodes if n.shape is not Shape.dot]
