"""Draw a :class:`~tenhands.viz.scene.Scene` as one self-contained, offline HTML page.

This is the only module that imports pyvis, so the drawing library can be replaced
without touching how scenes are built.

How the page is assembled
-------------------------
pyvis's :class:`~pyvis.network.Network` collects the nodes and edges (its ``add_node`` /
``add_edge`` give vis-network's option names), but its HTML templates are not used: they
load Bootstrap from a CDN even in ``in_line`` mode and are written in the platform's
encoding. Instead :func:`render_html` writes the page itself:

- vis-network's CSS and JavaScript, read at render time from the installed pyvis
  package (``pyvis/lib/vis-9.1.2``, via :mod:`importlib.resources`), are inlined in
  ``<style>`` and ``<script>`` elements. There is no ``<script src>``, no
  ``<link href>`` and no other reference to a remote resource. vis's minified script
  holds a few ``http(s)`` strings that are never fetched (its licence header, core-js's
  copyright record, the SVG namespace name and an error message); they are kept, as the
  licences ask, and :data:`VENDORED_URLS` lists them so that tests can tell them apart
  from a real remote reference.
- The map data (nodes, edges, rings, sectors, options) is one JSON document in a
  ``<script type="application/json">`` element, with ``<``, ``>`` and ``&`` written as
  ``\\u003c``… escapes, so a label cannot close the element.
- Our own script and stylesheet are package data (``tenhands/viz/assets/map.js`` and
  ``map.css``, read with :mod:`importlib.resources`), inlined like vis-network's.
  The script draws what vis-network cannot: the rings and sector wedges behind the
  network (``beforeDrawing``), and the child's double outline, the deceased cross, the
  engagement badges, the stressful lines' zigzag, the divorce / separation slashes and
  the ring labels and sector titles (on a light box, where :func:`decor` placed them:
  ring labels on their ring where no person is, sector titles outside the outer ring)
  on top (``afterDrawing``). It exposes the network as ``window.tenhandsNetwork``, the
  ring labels' and sector titles' drawn text boxes as ``window.tenhandsPlacards``
  (canvas units, for tests) and sets ``window.tenhandsReady = true`` after the first
  full drawing.
- Labels are drawn wrapped (:func:`~tenhands.viz.labels.wrap`: only line breaks
  change), the name in bold at the scene's font size and the rest at
  :data:`~tenhands.viz.layout.RELATION_SCALE` of it (vis-network's ``multi: "html"``
  labels, the text escaped). The view is fitted to what the map covers
  (:attr:`Decor.bounds`); where :data:`MIN_LABEL_PX` applies (the wall modes) and the
  fitted scale would draw names smaller than that on screen, every label is enlarged as
  far as it would be on the wall the map was laid out for
  (:data:`~tenhands.viz.layout.WALL`), and in a smaller frame the map is drawn larger
  than the frame instead, with the children in sight (``window.tenhandsZoom(by)`` and
  ``window.tenhandsWhole()`` zoom and show the whole map, for a page's controls).
- The header (title, date, the "ten hands and eyes" counter), notes, legend (inline SVG
  swatches) and the plan tasks (all of them folded in a ``<details>``, and one person's
  when the person is clicked) are HTML beside the canvas, escaped with :func:`html.escape`.
  The caller writes the returned text as UTF-8 (see :mod:`tenhands.viz.export`).

pyvis 0.3.2 workarounds
-----------------------
- ``set_options`` strips every space from the options string (labels such as
  "Oma Ria" break): it is never called; the options are ``json.dumps`` of a dict.
- Parallel edges are dropped on an undirected network: the network is built as
  ``directed=True`` (pyvis then checks no duplicates), every edge carries its own id,
  and arrows are switched off per edge unless the scene asks for one. A second or third
  edge between the same two persons is drawn curved, so it does not hide the first.
- Numeric-string ids are cast to ``int`` on the way to vis: every id is prefixed
  (``n:`` for nodes, ``e:`` for edges), so no id is ever numeric.
- HTML tooltips are shown as raw text: tooltips are plain text (vis-network 9 sets a
  string ``title`` with ``innerText``, so nothing in it is interpreted as HTML).
- An empty label is replaced by the node's id: the label is set again after
  ``add_node``, so union points stay unlabelled.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import numpy as np
from babel.dates import format_date
from pyvis.network import Network

from tenhands.graph.languages import INTERFACE, WordTable, interface_lang, locale_of
from tenhands.viz.labels import wrap
from tenhands.viz.layout import (
    FIT,
    PLACARD_WRAP,
    RELATION_SCALE,
    RING_LABEL_ANGLE,
    RING_LABEL_FONT,
    RING_LABEL_WRAP,
    WALL,
    WALL_LABEL_PX,
    Box,
    BoxGrid,
    person_box,
    placard_size,
)
from tenhands.viz.listing import listing_html
from tenhands.viz.scene import (
    LegendEntry,
    LineStyle,
    Mark,
    Mode,
    Scene,
    SceneEdge,
    SceneNode,
    Shape,
)
from tenhands.viz.views import view_drawing

VIS_VERSION = "9.1.2"
"""The vis-network build shipped inside pyvis that the page inlines."""

VENDORED_URLS = frozenset(
    {
        "https://visjs.github.io/vis-network/",
        "http://almende.com",
        "https://github.com/visjs",
        "http://www.apache.org/licenses/LICENSE-2.0",
        "http://opensource.org/licenses/MIT",
        "http://www.w3.org/2000/svg",
        "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
        "https://github.com/zloirock/core-js",
        "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",
    }
)
"""URL strings inside vis-network's minified script that are never fetched: licence and
copyright notices, the SVG namespace name, an error message."""

_DASHES: dict[LineStyle, bool | list[int]] = {
    LineStyle.solid: False,
    LineStyle.dashed: [14, 8],
    LineStyle.dotted: [2, 7],
    LineStyle.zigzag: [16, 5, 3, 5],
}
"""vis-network dash patterns (canvas units) per line style; zigzag is dash-dot and gets a
drawn zigzag in its middle as well."""

_SVG_DASHES: dict[LineStyle, str] = {
    LineStyle.solid: "",
    LineStyle.dashed: "7 4",
    LineStyle.dotted: "1.5 4",
    LineStyle.zigzag: "",
}

_VIS_SHAPES: dict[Shape, str] = {
    Shape.square: "square",
    Shape.circle: "dot",  # vis's "circle" writes the label inside; "dot" writes it under
    Shape.diamond: "diamond",
    Shape.dot: "dot",
}

_TEXT = "#111111"
_FACE = "system-ui, 'Segoe UI', Roboto, Arial, sans-serif"
_BORDER = "#222222"


_PAGE_WORDS: WordTable[str, str] = WordTable(
    "map page words",
    INTERFACE,
    {
        "adults": ("volwassenen", "adults"),
        "hands": ("handen en ogen", "hands and eyes"),
        "committed": ("Doen mee", "Committed"),
        "missing": ("nog {n} nodig", "{n} more needed"),
        "reached": ("doel bereikt", "goal reached"),
        "legend": ("Legende", "Legend"),
        "tasks": ("Taken", "Tasks"),
        "all_tasks": ("Alle taken: wie doet wat", "All tasks: who does what"),
        "click_hint": (
            "Klik op een persoon om zijn of haar taken te zien.",
            "Click a person to see their tasks.",
        ),
        "no_tasks": ("Geen taken.", "No tasks."),
    },
)
"""The words of the page around a map (the map's own words are :mod:`.labels`)."""


@dataclass(frozen=True)
class _Words:
    """The page words of one language, read as attributes (``w.legend``)."""

    lang: str

    def __getattr__(self, key: str) -> str:
        return _PAGE_WORDS.say(key, self.lang)


def _words(lang: str) -> _Words:
    return _Words(interface_lang(lang.split("-")[0].lower()))


def counter_text(scene: Scene) -> str:
    """The "ten hands and eyes" line, who they are and what is missing, e.g. ``Doen mee:
    Hafsa, Oma Ria — 2 / 5 volwassenen · 4 / 10 handen en ogen · nog 3 nodig``."""
    w = _words(scene.lang)
    c = scene.counter
    who = f"{w.committed}: {', '.join(c.names)} — " if c.names else ""
    still = w.missing.format(n=c.missing) if c.missing else w.reached
    return (
        f"{who}{c.committed} / {c.goal} {w.adults} · {c.hands} / {2 * c.goal} {w.hands} · {still}"
    )


def date_text(scene: Scene) -> str:
    """The map's date in words, e.g. ``23 november 2026`` / ``23 November 2026``."""
    lang = _words(scene.lang).lang
    return format_date(scene.made_on, "d MMMM y", locale=locale_of(lang))


@cache
def _vendored(name: str) -> str:
    lib = resources.files("pyvis").joinpath("lib", f"vis-{VIS_VERSION}", name)
    return lib.read_text(encoding="utf-8")


def _node_id(node_id: str) -> str:
    return f"n:{node_id}"


def _edge_id(edge_id: str) -> str:
    return f"e:{edge_id}"


def _vis_node(node: SceneNode) -> dict[str, Any]:
    union = node.shape is Shape.dot
    options: dict[str, Any] = {
        "x": node.x,
        "y": node.y,
        "size": node.size,
        "borderWidth": node.border_width,
        "borderWidthSelected": node.border_width + 2,
        "color": {
            "background": node.colour,
            "border": _BORDER,
            "highlight": {"background": node.colour, "border": "#000000"},
            "hover": {"background": node.colour, "border": "#000000"},
        },
        "font": {  # the name (first line) in bold, the rest smaller: see layout.label_width
            "size": round(node.font_size * RELATION_SCALE, 2),
            "color": _TEXT,
            "face": _FACE,
            "strokeWidth": max(3.0, node.font_size / 5),
            "strokeColor": "#ffffff",
            "multi": "html",
            "bold": {"size": node.font_size, "color": _TEXT, "face": _FACE, "mod": "bold"},
        },
        "fixed": {"x": True, "y": True},
        "physics": False,
    }
    if node.tooltip:
        options["title"] = node.tooltip  # plain text: vis 9 sets it with innerText
    if union:
        options["borderWidth"] = 0
        options["color"] = {"background": _BORDER, "border": _BORDER}
        if node.border_width:  # an open dot: siblings whose parents are not known
            options["borderWidth"] = node.border_width
            options["color"] = {"background": node.colour, "border": _BORDER}
    return options


def _vis_edge(edge: SceneEdge) -> dict[str, Any]:
    options: dict[str, Any] = {
        "id": _edge_id(edge.id),
        "width": edge.width,
        "dashes": _DASHES[edge.style],
        "color": {"color": edge.colour, "highlight": edge.colour, "hover": edge.colour},
        "arrows": {"to": {"enabled": edge.arrow, "scaleFactor": 0.8}},
        "smooth": False,
    }
    if edge.label:
        options["label"] = edge.label
        options["font"] = {
            "size": 18,
            "color": _TEXT,
            "strokeWidth": 4,
            "strokeColor": "#ffffff",
            "align": "middle",
        }
    return options


def _check(scene: Scene) -> None:
    """A clear error for a scene that cannot be drawn (pyvis would only assert)."""
    ids = [n.id for n in scene.nodes]
    if len(set(ids)) != len(ids):
        raise ValueError("the scene has two nodes with the same id")
    known = set(ids)
    for edge in scene.edges:
        if edge.source not in known or edge.target not in known:
            raise ValueError(f"edge {edge.id!r} joins a node that is not in the scene")
    if len({e.id for e in scene.edges}) != len(scene.edges):
        raise ValueError("the scene has two edges with the same id")


def _network_data(scene: Scene) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    _check(scene)
    net = Network(directed=True)  # directed: pyvis keeps parallel edges
    for node in scene.nodes:
        vis_id = _node_id(node.id)
        net.add_node(vis_id, label=node.label, shape=_VIS_SHAPES[node.shape], **_vis_node(node))
        net.node_map[vis_id]["label"] = node.label  # pyvis puts the id in an empty label
    seen: dict[frozenset[str], int] = {}
    for edge in scene.edges:
        options = _vis_edge(edge)
        pair = frozenset((edge.source, edge.target))
        nth = seen[pair] = seen.get(pair, -1) + 1
        if nth:  # a parallel edge: bend it away from the straight one, alternately
            bend = "curvedCW" if nth % 2 else "curvedCCW"
            options["smooth"] = {"enabled": True, "type": bend, "roundness": 0.25 * (1 + nth // 2)}
        net.add_edge(_node_id(edge.source), _node_id(edge.target), **options)
    nodes: list[dict[str, Any]] = net.nodes
    edges: list[dict[str, Any]] = net.edges
    return nodes, edges


def _options() -> dict[str, Any]:
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"randomSeed": 1, "improvedLayout": False},
        "interaction": {
            "dragNodes": False,
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": False,
        },
        "edges": {"smooth": False, "selectionWidth": 2},
        "nodes": {"shadow": False},
    }


MIN_LABEL_PX = {Mode.projection: WALL_LABEL_PX, Mode.family: WALL_LABEL_PX}
"""Least on-screen label size (CSS pixels) per mode: a projected map is read from 5 m."""

TITLE_FONT = 1.1
"""A sector title's font against the persons' labels."""


@dataclass(frozen=True)
class Placard:
    """A ring label or sector title as drawn: text lines centred on ``(x, y)``, on a
    light background box."""

    lines: tuple[str, ...]
    x: float
    y: float
    size: float
    """Font size, map units."""

    @cached_property
    def box(self) -> Box:
        w, h = placard_size(self.lines, self.size)
        return (self.x - w / 2, self.y - h / 2, self.x + w / 2, self.y + h / 2)


@dataclass(frozen=True)
class Decor:
    """Where the ring labels and sector titles go, and what the map covers."""

    ring_labels: list[Placard]
    sector_titles: list[Placard]
    bounds: Box
    """Everything drawn (persons with their labels, rings, placards), map units."""


GRID_CELL = 6.0
"""Side of a cell of the grid that finds the boxes near a placard, in label font sizes
(about a label's width)."""


def base_font(scene: Scene) -> float:
    return max((n.font_size for n in scene.people), default=14.0)


def person_boxes(scene: Scene) -> list[Box]:
    """The room each person takes on the map (shape, badge, wrapped label)."""
    width = view_drawing(scene.view).wrap
    return [person_box(n.x, n.y, n.size, n.label, n.font_size, width) for n in scene.people]


def wall_growth(scene: Scene, boxes: list[Box]) -> float:
    """How much larger than the scene says labels will be drawn on a 1920×1080 wall
    (:data:`~tenhands.viz.layout.WALL`), estimated from what the persons and rings cover
    (at least 1.02, for the fonts' true widths)."""
    font = base_font(scene)
    least = MIN_LABEL_PX.get(scene.mode, 0.0)
    rings = [(-r.radius, -r.radius, r.radius, r.radius) for r in scene.rings]
    b = _union(boxes + rings)
    w, h = b[2] - b[0] + font, b[3] - b[1] + font
    if w <= 0 or h <= 0 or not least:
        return 1.02
    scale = FIT * min(WALL[0] / w, WALL[1] / h)
    return max(1.02, least / (font * scale) * 1.02)


def _nearest(box: Box) -> float:
    """Distance from the centre (0, 0) to the nearest point of ``box``."""
    px = min(max(0.0, box[0]), box[2])
    py = min(max(0.0, box[1]), box[3])
    return math.hypot(px, py)


def _at(r: float, angle: float) -> tuple[float, float]:
    return (r * math.cos(angle), -r * math.sin(angle))


def _turn(a: float, b: float) -> float:
    """The angle between two directions (radians, 0..pi)."""
    d = (a - b) % (2 * math.pi)
    return min(d, 2 * math.pi - d)


def decor(scene: Scene) -> Decor:
    """Ring labels on their ring where no person is (between sectors first, near the
    top), sector titles outside the outer ring where the map has room (towards its
    corners; on a wall where they least shrink the map fitted to it), neither touching
    a person nor each other. Deterministic.

    In a mode with a least on-screen label size the renderer may enlarge every label
    (see :data:`MIN_LABEL_PX`): placards then keep clear of persons whose labels are as
    much larger as they will be drawn on a 1920×1080 wall (:func:`wall_growth`; 1.02
    for a map laid out for the wall)."""
    font = base_font(scene)
    width = view_drawing(scene.view).wrap
    plain = person_boxes(scene)
    grow = wall_growth(scene, plain) if scene.mode in MIN_LABEL_PX else 1.0
    people = [
        person_box(n.x, n.y, n.size, n.label, n.font_size * grow, width) for n in scene.people
    ]
    pad = font * 0.4
    placed: list[Box] = []
    cell = font * GRID_CELL * grow
    grown_people = BoxGrid(cell, pad, people)
    plain_people = BoxGrid(cell, pad, plain)
    placards = BoxGrid(cell, pad)

    def clear(box: Box, persons: BoxGrid = grown_people) -> bool:
        box = _grown(box, grow)
        return not persons.touches(box) and not placards.touches(box)

    def keep(card: Placard) -> None:
        placed.append(card.box)
        placards.add(_grown(card.box, grow))

    boundaries = sorted(
        {round(a % (2 * math.pi), 4) for s in scene.sectors for a in (s.start_angle, s.end_angle)},
        key=lambda a: (_turn(a, math.pi / 2), a),
    )
    anywhere = sorted(
        (math.radians(d) for d in range(0, 360, 3)),
        key=lambda a: (_turn(a, math.pi / 2), a),
    )
    ring_labels: list[Placard] = []
    for ring in scene.rings:
        lines = tuple(wrap(ring.label, RING_LABEL_WRAP).split("\n"))
        size = round(font * RING_LABEL_FONT, 2)
        best: Placard | None = None
        for off in (0.0, -0.5, 0.5, -1.0, 1.0):  # on the ring, else just beside it
            for angle in [RING_LABEL_ANGLE, *boundaries, *anywhere]:
                x, y = _at(ring.radius + off * font, angle)
                card = Placard(lines, round(x, 2), round(y, 2), size)
                if clear(card.box, plain_people):  # the layout kept room for it
                    best = card
                    break
            if best is not None:
                break
        if best is None:  # nowhere free: on the ring where it covers least
            near = [b for b in plain if _nearest(b) < ring.radius + 4 * font]
            options = [
                Placard(lines, round(px, 2), round(py, 2), size)
                for px, py in (_at(ring.radius, a) for a in [RING_LABEL_ANGLE, *anywhere])
            ]
            covers = _crowding([_grown(c.box, grow) for c in options], near)
            best = options[int(np.argmin(covers))]
        ring_labels.append(best)
        keep(best)

    def footprint(box: Box) -> float:
        """The room the map takes with ``box`` drawn: its area, or on a wall the area
        of the wall-shaped frame it is fitted in (a title beside the map, where a wide
        wall has room, then costs less than one above it)."""
        w, h = box[2] - box[0], box[3] - box[1]
        if scene.mode not in MIN_LABEL_PX:
            return w * h
        side = max(w / WALL[0], h / WALL[1])
        return side * side * WALL[0] * WALL[1]

    outer = max((r.radius for r in scene.rings), default=0.0)
    covered = _union([*people, (-outer, -outer, outer, outer)])
    titles: list[Placard] = []
    size = round(font * TITLE_FONT, 2)
    for sector in scene.sectors:
        lines = tuple(wrap(sector.label, PLACARD_WRAP).split("\n"))
        span = sector.end_angle - sector.start_angle
        mid = (sector.start_angle + sector.end_angle) / 2
        choice: tuple[float, Placard] | None = None
        for k in range(11):
            angle = sector.start_angle + span * (0.1 + 0.08 * k)
            card = _outside(lines, size, angle, outer + pad, font * 0.5, clear)
            cost = footprint(_union([covered, card.box])) + _turn(angle, mid) * font
            if choice is None or cost < choice[0] - 1e-6:
                choice = (cost, card)
        assert choice is not None
        titles.append(choice[1])
        keep(choice[1])
        covered = _union([covered, choice[1].box])

    margin = font * 0.5
    everything = _union(
        [*people, *placed, *((-r.radius, -r.radius, r.radius, r.radius) for r in scene.rings)]
        + [person_box(n.x, n.y, n.size, "", n.font_size) for n in scene.nodes]
    )
    bounds = (
        round(everything[0] - margin, 2),
        round(everything[1] - margin, 2),
        round(everything[2] + margin, 2),
        round(everything[3] + margin, 2),
    )
    return Decor(ring_labels=ring_labels, sector_titles=titles, bounds=bounds)


STRIDE = 4
"""A sector title is first moved outwards :data:`STRIDE` steps at a time, then back one
step at a time to the nearest place that is clear."""


def _outside(
    lines: tuple[str, ...],
    size: float,
    angle: float,
    least: float,
    step: float,
    clear: Callable[[Box], bool],
) -> Placard:
    """A placard at ``angle``, as near the centre as it is clear (``clear``) and at least
    ``least`` from it, moving outwards from ``least`` in ``step``s (at most 200)."""

    def at(r: float) -> Placard:
        x, y = _at(r, angle)
        return Placard(lines, round(x, 2), round(y, 2), size)

    def free(card: Placard) -> bool:
        return _nearest(card.box) >= least and clear(card.box)

    card = at(least)
    if free(card):
        return card
    for k in range(STRIDE, 200 + STRIDE, STRIDE):
        card = at(least + min(k, 199) * step)
        if free(card):
            for back in range(k - STRIDE + 1, k):
                nearer = at(least + back * step)
                if free(nearer):
                    return nearer
            return card
    return card


def _crowding(boxes: list[Box], others: list[Box]) -> np.ndarray:
    """How much of ``others`` each of ``boxes`` covers (area), one figure per box.

    >>> _crowding([(0, 0, 2, 2), (5, 5, 6, 6)], [(1, 1, 3, 3)]).tolist()
    [1.0, 0.0]
    """
    if not others:
        return np.zeros(len(boxes))
    a = np.asarray(boxes, dtype=float)[:, None, :]
    b = np.asarray(others, dtype=float)[None, :, :]
    w = np.minimum(a[..., 2], b[..., 2]) - np.maximum(a[..., 0], b[..., 0])
    h = np.minimum(a[..., 3], b[..., 3]) - np.maximum(a[..., 1], b[..., 1])
    return np.asarray((np.clip(w, 0.0, None) * np.clip(h, 0.0, None)).sum(axis=1))


def _grown(box: Box, factor: float) -> Box:
    """``box`` scaled by ``factor`` about its centre."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    hw, hh = (box[2] - box[0]) / 2 * factor, (box[3] - box[1]) / 2 * factor
    return (cx - hw, cy - hh, cx + hw, cy + hh)


def _union(boxes: list[Box]) -> Box:
    if not boxes:
        return (0.0, 0.0, 0.0, 0.0)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _placard(card: Placard) -> dict[str, Any]:
    return {"lines": list(card.lines), "x": card.x, "y": card.y, "size": card.size}


def _extras(scene: Scene) -> dict[str, Any]:
    """What our canvas hooks draw, keyed by the vis ids."""
    base = base_font(scene)
    placed = decor(scene)
    width = view_drawing(scene.view).wrap
    return {
        "fontSize": base,
        "minFontPx": MIN_LABEL_PX.get(scene.mode, 0.0),
        "wall": list(WALL),
        "bounds": list(placed.bounds),
        "focus": [_node_id(n.id) for n in scene.nodes if n.double_border],
        "ringLabels": [_placard(c) for c in placed.ring_labels],
        "sectorTitles": [_placard(c) for c in placed.sector_titles],
        "wrapped": {
            _node_id(n.id): wrap(n.label, width)
            for n in scene.nodes
            if wrap(n.label, width) != n.label
        },
        "rings": [{"radius": r.radius, "label": r.label, "colour": r.colour} for r in scene.rings],
        "sectors": [
            {"start": s.start_angle, "end": s.end_angle, "label": s.label} for s in scene.sectors
        ],
        "boundaries": [
            {"points": [list(p) for p in b.points], "colour": b.colour} for b in scene.boundaries
        ],
        "decorations": [
            {
                "id": _node_id(n.id),
                "shape": n.shape.value,
                "size": n.size,
                "border": n.border_width,
                "double": n.double_border,
                "deceased": n.deceased,
                "badge": n.badge,
            }
            for n in scene.nodes
            if n.double_border or n.deceased or n.badge
        ],
        "edgeMarks": [
            {
                "id": _edge_id(e.id),
                "from": _node_id(e.source),
                "to": _node_id(e.target),
                "colour": e.colour,
                "width": e.width,
                "zigzag": e.style is LineStyle.zigzag,
                "slashes": sum(
                    2 if m == "divorced" else 1 if m == "separated" else 0 for m in e.marks
                ),
            }
            for e in scene.edges
            if e.style is LineStyle.zigzag or e.marks
        ],
        "tasks": {_node_id(n.id): {"label": n.label, "tasks": list(n.tasks)} for n in scene.people},
    }


def _script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element (cannot close it or open a comment)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _swatch(entry: LegendEntry) -> str:
    """An inline SVG swatch drawn as the map draws it: a line in its style (with a
    divorce's or separation's strokes), a shape (white unless coloured; a double border
    for the child, a cross for the deceased), an engagement badge, or a colour chip; an
    empty space for an entry that is words only."""
    if entry.style is None and entry.shape is None and entry.colour is None:
        if entry.mark is not Mark.badge:
            return '<span class="swatch" aria-hidden="true"></span>'
        return _svg(_badge(20, 11, entry.badge or "", 10.0))
    colour = html.escape(entry.colour or ("#ffffff" if entry.shape else "#888888"))
    if entry.style is not None:
        width = entry.width or 2.0
        if entry.style is LineStyle.zigzag:
            mark = (
                f'<polyline points="2,11 8,5 14,17 20,5 26,17 32,5 38,11" fill="none" '
                f'stroke="{colour}" stroke-width="{width:g}" stroke-linejoin="round"/>'
            )
        else:
            dash = _SVG_DASHES[entry.style]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            cap = ' stroke-linecap="round"' if entry.style is LineStyle.dotted else ""
            mark = (
                f'<line x1="2" y1="11" x2="38" y2="11" stroke="{colour}" '
                f'stroke-width="{width:g}"{dash_attr}{cap}/>'
            )
        strokes = _STROKES.get(entry.mark, ()) if entry.mark else ()
        mark += "".join(
            f'<line x1="{x - 3}" y1="18" x2="{x + 3}" y2="4" stroke="{_BORDER}" stroke-width="2"/>'
            for x in strokes
        )
    elif entry.shape in (Shape.circle, Shape.dot):
        r = 8 if entry.shape is Shape.circle else 4
        mark = (
            f'<circle cx="20" cy="11" r="{r}" fill="{colour}" stroke="{_BORDER}" stroke-width="2"/>'
        )
        if entry.mark is Mark.double_border:
            mark = (
                f'<circle cx="20" cy="11" r="10" fill="none" stroke="{_BORDER}" '
                f'stroke-width="1.2"/>'
                f'<circle cx="20" cy="11" r="7" fill="{colour}" stroke="{_BORDER}" '
                f'stroke-width="1.2"/>'
            )
    elif entry.shape is Shape.diamond:
        mark = (
            f'<polygon points="20,1 30,11 20,21 10,11" fill="{colour}" stroke="{_BORDER}" '
            f'stroke-width="2"/>'
        )
    else:  # a square, or a colour chip when the entry has no shape
        mark = (
            f'<rect x="12" y="3" width="16" height="16" fill="{colour}" stroke="{_BORDER}" '
            f'stroke-width="2"/>'
        )
        if entry.mark is Mark.deceased:  # the shape to the left, its badge beside it
            mark = (
                f'<rect x="2" y="3" width="16" height="16" fill="{colour}" stroke="{_BORDER}" '
                f'stroke-width="2"/><path d="M2,3 L18,19 M18,3 L2,19" stroke="{_BORDER}" '
                f'stroke-width="2"/>' + _badge(30, 11, entry.badge or "", 9.0)
            )
    return _svg(mark)


_STROKES: dict[Mark, tuple[int, ...]] = {Mark.divorced: (17, 23), Mark.separated: (20,)}
"""Where a couple line's strokes cross a legend swatch (x)."""


def _svg(mark: str) -> str:
    return f'<svg class="swatch" viewBox="0 0 40 22" aria-hidden="true">{mark}</svg>'


def _badge(x: float, y: float, text: str, r: float = 8.0) -> str:
    """An engagement badge as the map draws it: the character in a white disc."""
    return (
        f'<circle cx="{x:g}" cy="{y:g}" r="{r - 1:g}" fill="#ffffff" stroke="{_BORDER}" '
        f'stroke-width="2"/><text x="{x:g}" y="{y:g}" text-anchor="middle" '
        f'dominant-baseline="central" font-size="{r * 1.4:g}" font-weight="bold" '
        f'fill="{_BORDER}">{html.escape(text)}</text>'
    )


def _legend_html(scene: Scene) -> str:
    if not scene.legend:
        return ""
    items = "".join(
        f"<li>{_swatch(e)}<span>{html.escape(e.label)}</span></li>" for e in scene.legend
    )
    return (
        f'<section class="legend"><h2>{html.escape(_words(scene.lang).legend)}</h2>'
        f"<ul>{items}</ul></section>"
    )


def _tasks_html(scene: Scene) -> str:
    w = _words(scene.lang)
    people = [n for n in scene.people if n.tasks]
    rows = "".join(
        f"<li><strong>{html.escape(n.label)}</strong><ul>"
        + "".join(f"<li>{html.escape(t)}</li>" for t in n.tasks)
        + "</ul></li>"
        for n in people
    )
    every = (
        f'<details class="all-tasks"><summary>{html.escape(w.all_tasks)}</summary>'
        f"<ul>{rows}</ul></details>"
        if people
        else ""
    )
    return (
        f'<section class="tasks"><h2>{html.escape(w.tasks)}</h2>'
        f'<div id="person-tasks" aria-live="polite"><p class="hint">'
        f"{html.escape(w.click_hint)}</p></div>{every}</section>"
    )


@cache
def _asset(name: str) -> str:
    """Our own stylesheet or page script (package data in :mod:`tenhands.viz.assets`)."""
    return resources.files("tenhands.viz.assets").joinpath(name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Saving:
    """Where a map page the service shows to a user who may move persons posts each
    move (see :mod:`tenhands.viz.positions`). An exported map file has none, so it
    neither lets persons be dragged nor posts anything."""

    url: str
    token: str
    """The session's form token, sent as ``X-CSRF-Token``."""
    stamp: str
    """The map keys' fingerprint (:func:`tenhands.viz.positions.stamp_of`)."""


def render_html(scene: Scene, *, saving: Saving | None = None) -> str:
    """The whole map as one self-contained HTML page (no remote resource); with
    ``saving``, persons can be dragged and each move is posted there.

    The text is meant to be written as UTF-8 (the page declares ``charset="utf-8"``).
    """
    nodes, edges = _network_data(scene)
    w = _words(scene.lang)
    payload: dict[str, Any] = {
        "nodes": nodes,
        "edges": edges,
        "options": _options(),
        "extras": _extras(scene),
        "words": {"clickHint": w.click_hint, "noTasks": w.no_tasks},
    }
    if saving is not None:
        payload["save"] = {
            "url": saving.url,
            "token": saving.token,
            "stamp": saving.stamp,
            "view": scene.view.value,
            "mode": scene.mode.value,
        }
    notes = (
        '<ul class="notes">' + "".join(f"<li>{html.escape(n)}</li>" for n in scene.notes) + "</ul>"
        if scene.notes
        else ""
    )
    title = html.escape(scene.title)
    lang = html.escape(scene.lang)
    return "".join(
        [
            "<!DOCTYPE html>\n",
            f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{title}</title>\n",
            f"<style>\n{_vendored('vis-network.css')}\n</style>\n",
            f"<style>\n{_asset('map.css')}</style>\n",
            f"<script>\n{_vendored('vis-network.min.js')}\n</script>\n",
            "</head>\n<body>\n",
            f'<div id="app" data-view="{html.escape(scene.view.value)}" '
            f'data-mode="{html.escape(scene.mode.value)}">\n',
            '<main id="map"><div id="network" role="img" ',
            f'aria-label="{title}"></div></main>\n',
            '<aside id="side">\n<header>',
            f"<h1>{title}</h1>",
            f'<p class="date"><time datetime="{scene.made_on.isoformat()}">'
            f"{html.escape(date_text(scene))}</time></p>",
            f'<p class="counter">{html.escape(counter_text(scene))}</p>',
            f"{notes}</header>\n",
            _legend_html(scene),
            "\n",
            _tasks_html(scene),
            "\n</aside>\n</div>\n",
            listing_html(scene),  # the map as a list: screen readers, and print
            "\n",
            '<script id="tenhands-data" type="application/json">',
            _script_json(payload),
            "</script>\n",
            f"<script>\n{_asset('map.js')}</script>\n",
            "</body>\n</html>\n",
        ]
    )
