"""The genogram's lines as the page draws them, and where one family's line runs into
another family's sibling line.

The segments are read from the map data of the rendered page (vis-network's nodes and
edges, the very coordinates it draws with); which family a line belongs to comes from the
scene the page was made of (:attr:`~tenhands.viz.scene.SceneEdge.family`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from tenhands.viz.render import render_html
from tenhands.viz.scene import Scene

Point = tuple[float, float]

TOUCH = 2.0
"""Two lines closer than this (map units, about a line's width) touch."""


@dataclass(frozen=True)
class Segment:
    family: str
    edge: str
    a: Point
    b: Point
    target: str
    """The vis id of the node the line ends at."""

    @property
    def horizontal(self) -> bool:
        return abs(self.a[1] - self.b[1]) < 0.01 and abs(self.a[0] - self.b[0]) >= 0.01


def drawn(scene: Scene) -> tuple[dict[str, Point], list[dict[str, object]]]:
    """The nodes' positions and the edges as the page's map data holds them."""
    page = render_html(scene)
    start = page.index('<script id="tenhands-data" type="application/json">')
    start = page.index(">", start) + 1
    data = json.loads(page[start : page.index("</script>", start)])
    nodes = {str(n["id"]): (float(n["x"]), float(n["y"])) for n in data["nodes"]}
    return nodes, list(data["edges"])


def family_lines(scene: Scene) -> list[Segment]:
    """Every line to children, with its family, as drawn (all straight: checked)."""
    family = {f"e:{e.id}": e.family for e in scene.edges if e.family is not None}
    nodes, edges = drawn(scene)
    out = []
    for e in edges:
        fam = family.get(str(e["id"]))
        if fam is None:
            continue
        assert not e.get("smooth"), f"{e['id']} is drawn curved"
        out.append(
            Segment(fam, str(e["id"]), nodes[str(e["from"])], nodes[str(e["to"])], str(e["to"]))
        )
    return out


def sibling_bars(lines: list[Segment]) -> dict[str, list[Segment]]:
    """Each family's sibling line: its lowest horizontal segments (from under the union
    point, or from beside a single parent, across to above each child)."""
    out: dict[str, list[Segment]] = {}
    for s in lines:
        if s.horizontal:
            out.setdefault(s.family, []).append(s)
    for fam, segs in out.items():
        low = max(s.a[1] for s in segs)
        out[fam] = [s for s in segs if abs(s.a[1] - low) < 0.01]
    return out


def _point_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = (
        0.0
        if length == 0
        else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    )
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def distance(s: Segment, t: Segment) -> float:
    if _cross(s.a, s.b, t.a, t.b):
        return 0.0
    return min(
        _point_segment(s.a, t.a, t.b),
        _point_segment(s.b, t.a, t.b),
        _point_segment(t.a, s.a, s.b),
        _point_segment(t.b, s.a, s.b),
    )


def crossings(scene: Scene) -> list[str]:
    """Each place where a family's line to its children crosses, touches or runs along
    another family's sibling line (a child hanging from two families, a third parent
    beside two, may be reached by both: their lines meet above that child only)."""
    lines = family_lines(scene)
    bars = sibling_bars(lines)
    kids: dict[str, set[str]] = {}
    people = {f"n:{n.id}" for n in scene.people}
    for s in lines:
        if s.target in people:
            kids.setdefault(s.family, set()).add(s.target)
    shared_x = {
        (f, g): {
            round(next(s.b[0] for s in lines if s.target == c), 1)
            for c in kids.get(f, set()) & kids.get(g, set())
        }
        for f in kids
        for g in kids
    }
    out = []
    for s in lines:
        for fam, bar in bars.items():
            if fam == s.family:
                continue
            for b in bar:
                if distance(s, b) > TOUCH:
                    continue
                if not s.horizontal and round(s.a[0], 1) in shared_x.get((s.family, fam), set()):
                    continue
                out.append(f"{s.edge} ({s.family}) meets the sibling line {b.edge} ({fam})")
    return out
