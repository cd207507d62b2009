"""Layouts: ecomap sectors and rings, genogram rows and unions, circles by knowledge."""

from __future__ import annotations

import math

import pytest
from builders import case, person, role, tie
from viz_helpers import TODAY, by_name, closest_pair

from tenhands.demo.seed import seed_demo
from tenhands.graph.model import (
    Basis,
    Circle,
    PartialDate,
    PartnerStatus,
    Sex,
    WorryKnowledge,
)
from tenhands.graph.store import GraphStore
from tenhands.viz import Mode, View, build_scene
from tenhands.viz.build import GEOMETRY
from tenhands.viz.labels import wrap
from tenhands.viz.layout import FIT, WALL, label_width, overlap, person_box
from tenhands.viz.render import MIN_LABEL_PX, base_font, decor, person_boxes
from tenhands.viz.scene import LineStyle, Mark, Scene, SceneEdge, SceneNode, Shape
from tenhands.viz.views import wrap_width


@pytest.fixture
def demo(store: GraphStore) -> str:
    return seed_demo(store)


def _r(n: SceneNode) -> float:
    return math.hypot(n.x, n.y)


def _on_ring(n: SceneNode, rings: list[float], ring: float, exact: bool) -> bool:
    """Whether ``n`` stands on ``ring`` (``exact``), or at least nearer to it than to any
    other ring (a wall's layout steps persons in or out within their ring's band; those
    of the outermost ring may stand anywhere outside it)."""
    r = _r(n)
    if exact:
        return r == pytest.approx(ring, abs=0.1)
    if ring == rings[-1] and r >= ring:
        return True
    return min(rings, key=lambda x: abs(x - r)) == ring


# --- ecomap ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(Mode))
def test_ecomap_puts_the_mother_left_and_the_father_right(
    store: GraphStore, demo: str, mode: Mode
) -> None:
    scene = build_scene(store, demo, View.ecomap, mode, "nl", today=TODAY)
    maternal = [n for n in scene.people if n.group == "maternal"]
    paternal = [n for n in scene.people if n.group == "paternal"]
    assert len(maternal) >= 8 and len(paternal) >= 10
    assert all(n.x < 0 for n in maternal)
    assert all(n.x > 0 for n in paternal)
    supporters = [n for n in scene.people if n.group in ("informal", "professional")]
    assert supporters and all(n.y > 0 for n in supporters)  # below the children
    children = [n for n in scene.people if n.double_border]
    assert all(n.y == 0 and abs(n.x) < scene.rings[0].radius for n in children)
    assert [s.label for s in scene.sectors][:2] == [
        "familie langs mama's kant",
        "familie langs papa's kant",
    ]


@pytest.mark.parametrize("mode", list(Mode))
def test_ecomap_rings_by_circle_and_no_overlaps(store: GraphStore, demo: str, mode: Mode) -> None:
    scene = build_scene(store, demo, View.ecomap, mode, "en", today=TODAY)
    inner, middle, outer = (r.radius for r in scene.rings)
    assert inner < middle < outer
    assert [r.label for r in scene.rings] == ["inner circle", "middle circle", "outer circle"]
    names = by_name(scene)
    rings = [inner, middle, outer]
    exact = mode is Mode.work  # on a wall persons step in or out within their ring's band
    # the role's circle
    for name in ("Oma Ria", "Tante Trien", "Mima Fatima", "Joëlle"):
        assert _on_ring(names[name], rings, inner, exact), name
    for name in ("Bart", "Ayşe", "Hatice", "Nadia"):
        assert _on_ring(names[name], rings, middle, exact), name
    for name in ("Bomma Jeanne", "Pieter", "Eline"):
        assert _on_ring(names[name], rings, outer, exact), name
    # no role circle: the deceased grandfathers are outer (no close tie to a child)
    assert _on_ring(names["Opa Marc"], rings, outer, exact)
    gap = GEOMETRY[mode is Mode.projection].gap
    assert closest_pair(scene.people) >= gap - 0.5


def test_ecomap_circle_comes_from_the_tie_when_the_role_has_none(store: GraphStore) -> None:
    store.upsert_persons([person(p, p.title()) for p in ("kid", "near", "far", "none")])
    store.upsert_ties(
        [
            tie("t1", "near", "kid", "neighbour", closeness=Circle.inner),
            tie("t2", "far", "kid", "coach", closeness=Circle.middle),
            tie("t3", "none", "kid", "friend"),
        ]
    )
    store.create_case(case("c-1", "kid"))
    store.upsert_roles([role("c-1", p) for p in ("near", "far", "none")])
    scene = build_scene(store, "c-1", View.ecomap, Mode.work, "nl", today=TODAY)
    names = by_name(scene)
    radii = [r.radius for r in scene.rings]
    assert [round(_r(names[n]), 1) for n in ("Near", "Far", "None")] == [round(r, 1) for r in radii]


def test_a_crowded_ring_grows_so_nobody_overlaps(store: GraphStore) -> None:
    store.upsert_persons([person("kid", "Kid")])
    friends = [f"f{i:02d}" for i in range(30)]
    store.upsert_persons([person(f, f"Vriend{f}") for f in friends])
    store.upsert_ties([tie(f"t{f}", f, "kid", "friend", closeness=Circle.inner) for f in friends])
    store.create_case(case("c-1", "kid"))
    store.upsert_roles([role("c-1", f) for f in friends])
    scene = build_scene(store, "c-1", View.ecomap, Mode.work, "nl", today=TODAY)
    gap = GEOMETRY[False].gap
    # 30 persons in a 90-degree sector need a wide inner ring
    assert scene.rings[0].radius > 30 * gap / (math.pi / 2) * 0.95
    assert closest_pair(scene.people) >= gap - 0.5


def test_ecomap_lines_by_quality_and_closeness(store: GraphStore, demo: str) -> None:
    scene = build_scene(store, demo, View.ecomap, Mode.work, "nl", today=TODAY)
    names = by_name(scene)
    lina, adam = names["Lina"].id, names["Adam"].id

    def line(name: str, child: str) -> tuple[LineStyle, float]:
        (edge,) = [e for e in scene.edges if {e.source, e.target} == {names[name].id, child}]
        return edge.style, edge.width

    assert line("Oma Ria", lina)[0] is LineStyle.solid  # strong, inner
    assert line("Youssef", lina)[0] is LineStyle.dashed  # tenuous
    assert line("Kevin", lina)[0] is LineStyle.zigzag  # stressful
    assert line("Oma Ria", lina)[1] > line("Hatice", lina)[1]  # inner thicker than middle
    assert line("Hatice", lina)[1] > line("Hatice", adam)[1]  # strong middle vs tenuous outer
    projection = build_scene(store, "demo-case", View.ecomap, Mode.projection, "nl", today=TODAY)
    assert max(e.width for e in projection.edges) > max(e.width for e in scene.edges)


# --- genogram -------------------------------------------------------------------------


def _partners(scene: Scene, union: SceneNode) -> list[SceneNode]:
    """The two persons a union joins (its line may bend over persons between them)."""
    ids = {n.id: n for n in scene.nodes}
    out = []
    for e in scene.edges:
        end = None
        if e.target == union.id and e.id == f"{union.id}a":
            end = e.source
        if e.source == union.id and e.id == f"{union.id}b":
            end = e.target
        while end is not None and _bend(ids[end]):
            end = next(
                f.source if f.target == end else f.target
                for f in scene.edges
                if end in (f.source, f.target) and union.id not in (f.source, f.target)
            )
        if end is not None:
            out.append(ids[end])
    return out


def _unions(scene: Scene) -> list[SceneNode]:
    """Union points (the bends of the lines to the children are dots of size 0, the
    junction of siblings whose parents are not known an open dot)."""
    return [n for n in scene.nodes if n.shape is Shape.dot and n.size > 0 and not n.border_width]


def _bend(node: SceneNode) -> bool:
    return node.shape is Shape.dot and node.size == 0


def _routes(scene: Scene, parent: SceneNode) -> dict[str, list[SceneEdge]]:
    """The persons hanging from ``parent`` (a union or a single parent), each with the
    line segments leading to them through the bends."""
    ids = {n.id: n for n in scene.nodes}
    out: dict[str, list[SceneEdge]] = {}
    stack: list[tuple[str, list[SceneEdge]]] = [(parent.id, [])]
    while stack:
        at, path = stack.pop()
        for e in scene.edges:
            if e.source != at or e.id in (f"{parent.id}a", f"{parent.id}b"):
                continue
            target = ids[e.target]
            if _bend(target):
                stack.append((target.id, [*path, e]))
            elif target.shape is not Shape.dot and target.y > parent.y:
                out[target.id] = [*path, e]
    return out


def _hanging(scene: Scene, parent: SceneNode) -> list[SceneNode]:
    ids = {n.id: n for n in scene.nodes}
    return [ids[k] for k in _routes(scene, parent)]


@pytest.mark.parametrize("mode", list(Mode))
def test_genogram_rows_unions_and_no_overlaps(store: GraphStore, demo: str, mode: Mode) -> None:
    scene = build_scene(store, demo, View.genogram, mode, "nl", today=TODAY)
    names = by_name(scene)
    unions = _unions(scene)
    assert len(unions) >= 6
    for u in unions:
        a, b = _partners(scene, u)
        assert min(a.x, b.x) < u.x < max(a.x, b.x)
        assert min(a.y, b.y) - GEOMETRY[False].row <= u.y <= max(a.y, b.y)
        for child in _hanging(scene, u):
            assert child.y > max(a.y, b.y), child.label
    # generations
    y = {name: n.y for name, n in names.items()}
    assert y["Bomma Jeanne"] < y["Oma Ria"] == y["Opa Marc"] == y["Mima Fatima"]
    assert y["Oma Ria"] < y["Sofie"] == y["Youssef"] == y["Bart"] == y["Tante Trien"]
    assert y["Sofie"] < y["Lina"] == y["Adam"] == y["Emma"] == y["Yasmine"]
    # no two persons overlap in a row
    rows: dict[float, list[SceneNode]] = {}
    for n in scene.people:
        rows.setdefault(n.y, []).append(n)
    gap = GEOMETRY[mode is Mode.projection].gap
    font = GEOMETRY[mode is Mode.projection].font
    wide = wrap_width(View.genogram)
    for row in rows.values():
        row.sort(key=lambda n: n.x)
        for a, b in zip(row, row[1:], strict=False):
            assert b.x - a.x >= gap - 0.5
            # nor do their labels
            room = (label_width(a.label, font, wide) + label_width(b.label, font, wide)) / 2
            assert b.x - a.x >= room, (a.label, b.label)
    # birth order, left to right
    x = {name: n.x for name, n in names.items()}
    assert x["Lina"] < x["Adam"]
    assert x["Emma"] < x["Lodewijk"]
    assert x["Yasmine"] < x["Ilyas"]
    assert x["Pieter"] < x["Tante Trien"] < x["Sofie"]
    # mother's family left, father's right
    assert max(x[n] for n in ("Oma Ria", "Opa Marc", "Pieter")) < min(
        x[n] for n in ("Mima Fatima", "Hafsa", "Youssef")
    )
    # children centred under their parents' union, where room allows
    for u in unions:
        kids = _hanging(scene, u)
        if kids:
            centre = sum(k.x for k in kids) / len(kids)
            assert abs(centre - u.x) <= 1.5 * gap


def test_genogram_marks_divorce_and_hangs_half_siblings_right(store: GraphStore, demo: str) -> None:
    scene = build_scene(store, demo, View.genogram, Mode.work, "en", today=TODAY)
    names = by_name(scene)
    unions = {
        frozenset(p.label.split("\n")[0] for p in _partners(scene, u)): u for u in _unions(scene)
    }
    parents = unions[frozenset({"Sofie", "Youssef"})]
    father_new = unions[frozenset({"Youssef", "Nadia"})]
    assert {n.label.split("\n")[0] for n in _hanging(scene, parents)} == {"Lina", "Adam"}
    assert {n.label.split("\n")[0] for n in _hanging(scene, father_new)} == {"Yasmine", "Ilyas"}
    marks = {
        frozenset(p.label.split("\n")[0] for p in _partners(scene, u)): {
            m for e in scene.edges if u.id in (e.source, e.target) for m in e.marks
        }
        for u in _unions(scene)
    }
    assert marks[frozenset({"Sofie", "Youssef"})] == {"divorced"}
    assert marks[frozenset({"Sofie", "Kevin"})] == {"separated"}
    assert marks[frozenset({"Sofie", "Emre"})] == set()
    assert names["Opa Marc"].deceased and names["Mohamed"].deceased
    assert names["Lina"].double_border and not names["Sofie"].double_border
    assert "8 informal supporters and professionals are not in the genogram" in scene.notes
    assert "Hatice" not in names and "Eline" not in names
    legend = [e.label for e in scene.legend]
    assert "divorced" in legend and "separated" in legend and "couple (parents)" in legend
    legend_marks = {e.label: e.mark for e in scene.legend}
    assert legend_marks["divorced"] is Mark.divorced and legend_marks["separated"] is Mark.separated


def test_genogram_in_projection_has_no_trace_of_the_confidential_partner(
    store: GraphStore, demo: str
) -> None:
    scene = build_scene(store, demo, View.genogram, Mode.projection, "en", today=TODAY)
    assert "Kevin" not in by_name(scene)
    assert all("separated" not in e.marks for e in scene.edges)
    # Kevin (a contact ban) is on no wall map, and not among those counted as elsewhere
    assert "8 informal supporters and professionals are not in the genogram" in scene.notes


def test_genogram_adoptive_dashed_foster_dotted(store: GraphStore) -> None:
    born = PartialDate.parse
    store.upsert_persons(
        [
            person("kid", "Kid", sex=Sex.male, birth_date=born("2015-03-01")),
            person("sis", "Sis", sex=Sex.female, birth_date=born("2012-01-01")),
            person("mum", "Mum", sex=Sex.female),
            person("dad", "Dad", sex=Sex.male),
            person("adopt", "Ada", sex=Sex.female),
            person("foster", "Fos"),
        ]
    )
    store.upsert_ties(
        [
            tie("t1", "mum", "kid", "parent"),
            tie("t2", "dad", "kid", "parent"),
            tie("t3", "mum", "sis", "parent"),
            tie("t4", "dad", "sis", "parent"),
            tie("t5", "mum", "dad", "ex_partner", partner_status=PartnerStatus.divorced),
            tie("t6", "adopt", "kid", "parent", basis=Basis.adoptive),
            tie("t7", "foster", "sis", "parent", basis=Basis.foster),
        ]
    )
    store.create_case(case("c-1", "kid", "sis"))
    store.upsert_roles([role("c-1", p) for p in ("mum", "dad", "adopt", "foster")])
    scene = build_scene(store, "c-1", View.genogram, Mode.work, "en", today=TODAY)
    names = by_name(scene)
    assert names["Fos"].shape is Shape.diamond
    assert names["Sis"].x < names["Kid"].x  # older first
    adoptive = _routes(scene, names["Ada"])[names["Kid"].id]
    foster = _routes(scene, names["Fos"])[names["Sis"].id]
    assert {e.style for e in adoptive} == {LineStyle.dashed}
    assert {e.style for e in foster} == {LineStyle.dotted}
    assert names["Ada"].y < names["Kid"].y and names["Fos"].y < names["Sis"].y
    legend = [e.label for e in scene.legend]
    assert "adoption" in legend and "foster care or guardianship" in legend


# --- circles --------------------------------------------------------------------------


def test_circles_by_what_people_know_about_the_worries(store: GraphStore, demo: str) -> None:
    scene = build_scene(store, demo, View.circles, Mode.projection, "en", today=TODAY)
    full, partial, none, unknown = (r.radius for r in scene.rings)
    assert full < partial < none < unknown
    assert scene.rings[-1].label == "not known what they know"
    names = by_name(scene)
    for name, radius in (
        ("Sofie", full),
        ("Oma Ria", full),
        ("Mima Fatima", partial),
        ("Elke", partial),
        ("Hatice", none),
        ("Bart", unknown),
    ):
        assert _on_ring(names[name], [full, partial, none, unknown], radius, False), name
    assert "Opa Marc" not in names  # the deceased are not in the circles
    assert "2 deceased persons are not in the circles" in scene.notes
    assert "Kevin" not in names  # a contact ban: on no wall map
    assert names["Oma Ria"].badge is None  # no engagement statuses on the wall
    assert closest_pair(scene.people) >= GEOMETRY[True].gap - 0.5
    # the ecomap's sides, so the two maps read alike
    assert all(n.x < 0 for n in scene.people if n.group == "maternal")
    assert all(n.x > 0 for n in scene.people if n.group == "paternal")


def test_circles_follow_the_role(store: GraphStore, demo: str) -> None:
    store.upsert_roles([role(demo, "demo-bart", knows_worries=WorryKnowledge.full)])
    scene = build_scene(store, demo, View.circles, Mode.work, "nl", today=TODAY)
    assert _r(by_name(scene)["Bart"]) == pytest.approx(scene.rings[0].radius, abs=0.1)
    assert scene.rings[0].label == "weet het meest over de zorgen"


# --- readability: labels and lines keep clear of each other --------------------------


def _label_box(n: SceneNode, view: View) -> tuple[float, float, float, float]:
    """Where a person's label is drawn (under the shape), map units."""
    box = person_box(n.x, n.y, n.size, n.label, n.font_size, wrap_width(view))
    return (box[0], n.y + n.size + 4.0, box[2], box[3])


def _crosses(a: tuple[float, float], b: tuple[float, float], box: tuple[float, ...]) -> bool:
    steps = 60
    for i in range(steps + 1):
        t = i / steps
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        if box[0] + 1 < x < box[2] - 1 and box[1] + 1 < y < box[3] - 1:
            return True
    return False


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_genogram_labels_and_lines_keep_clear(
    store: GraphStore, demo: str, mode: Mode, lang: str
) -> None:
    scene = build_scene(store, demo, View.genogram, mode, lang, today=TODAY)
    people = scene.people
    boxes = {n.id: person_box(n.x, n.y, n.size, n.label, n.font_size, 13) for n in people}
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            assert not overlap(boxes[a.id], boxes[b.id]), (a.label, b.label)
    ids = {n.id: n for n in scene.nodes}
    for e in scene.edges:
        s, t = ids[e.source], ids[e.target]
        for n in people:
            if n.id in (s.id, t.id):
                continue
            assert not _crosses((s.x, s.y), (t.x, t.y), _label_box(n, View.genogram)), (
                e.id,
                n.label,
            )


def test_genogram_labels_wrap_narrow_in_rows(store: GraphStore, demo: str) -> None:
    scene = build_scene(store, demo, View.genogram, Mode.projection, "nl", today=TODAY)
    names = by_name(scene)
    # "aangetrouwde oom" is wrapped, so Bart's row stays narrow
    bart = wrap(names["Bart"].label, wrap_width(View.genogram)).split("\n")
    assert bart == ["Bart", "(aangetrouwde", "oom)"]
    row = sorted((n for n in scene.people if n.y == names["Bart"].y), key=lambda n: n.x)
    widest = max(label_width(n.label, scene.people[0].font_size, 13) for n in row)
    assert widest < 13 * scene.people[0].font_size * 0.6


@pytest.mark.parametrize("view", [View.ecomap, View.circles])
@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_ring_labels_and_sector_titles_keep_clear(
    store: GraphStore, demo: str, view: View, mode: Mode, lang: str
) -> None:
    scene = build_scene(store, demo, view, mode, lang, today=TODAY)
    people = person_boxes(scene)
    for i, a in enumerate(people):  # nobody's label touches another's
        for b in people[i + 1 :]:
            assert not overlap(a, b)
    placed = decor(scene)
    outer = max(r.radius for r in scene.rings)
    assert len(placed.sector_titles) == len(scene.sectors)
    assert len(placed.ring_labels) == len(scene.rings)
    for title in placed.sector_titles:
        x0, y0, x1, y1 = title.box
        nearest = math.hypot(min(max(0.0, x0), x1), min(max(0.0, y0), y1))
        assert nearest > outer, title.lines  # wholly outside the outer ring
    cards = placed.sector_titles + placed.ring_labels
    for card in cards:
        assert not any(overlap(card.box, p) for p in people), card.lines
        assert all(c is card or not overlap(card.box, c.box) for c in cards), card.lines
    for ring, card in zip(scene.rings, placed.ring_labels, strict=True):
        assert math.hypot(card.x, card.y) == pytest.approx(ring.radius, abs=card.size * 1.3)
    b = placed.bounds  # the map fitted to the screen covers everything drawn
    for box in people + [c.box for c in cards]:
        assert b[0] <= box[0] and b[1] <= box[1] and box[2] <= b[2] and box[3] <= b[3]


def test_ecomap_decor_is_repeatable(store: GraphStore, demo: str) -> None:
    one = build_scene(store, demo, View.ecomap, Mode.projection, "nl", today=TODAY)
    two = build_scene(store, demo, View.ecomap, Mode.projection, "nl", today=TODAY)
    assert one == two and decor(one) == decor(two)


@pytest.mark.parametrize("view", [View.ecomap, View.circles])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_projection_labels_keep_clear_at_the_size_drawn_on_a_wall(
    store: GraphStore, demo: str, view: View, lang: str
) -> None:
    """The estimate behind the browser test: fitted to a 1920×1080 wall, names are
    enlarged (if at all) to 24 px; at that size no two persons' label boxes touch, nor a
    ring label another ring label or a person."""
    scene = build_scene(store, demo, view, Mode.projection, lang, today=TODAY)
    placed = decor(scene)
    b = placed.bounds
    scale = FIT * min(WALL[0] / (b[2] - b[0]), WALL[1] / (b[3] - b[1]))
    font = base_font(scene)
    grow = max(1.0, MIN_LABEL_PX[Mode.projection] / (font * scale))
    assert grow < 1.1  # the layout was made for the wall: little or no enlarging
    width = wrap_width(view)
    people = [
        person_box(n.x, n.y, n.size, n.label, n.font_size * grow, width) for n in scene.people
    ]
    for i, a in enumerate(people):
        for j in range(i + 1, len(people)):
            assert not overlap(a, people[j]), (scene.people[i].label, scene.people[j].label)
    rings = [card.box for card in placed.ring_labels]
    for i, card in enumerate(rings):
        assert not any(overlap(card, p) for p in people), placed.ring_labels[i].lines
        assert not any(overlap(card, other) for other in rings[i + 1 :])


def test_a_wall_layout_falls_back_when_the_wall_cannot_hold_the_network(
    store: GraphStore,
) -> None:
    store.upsert_persons([person("kid", "Kid")])
    friends = [f"f{i:02d}" for i in range(40)]
    store.upsert_persons([person(f, f"Vriend{f}") for f in friends])
    store.upsert_ties([tie(f"t{f}", f, "kid", "friend", closeness=Circle.inner) for f in friends])
    store.create_case(case("c-1", "kid"))
    store.upsert_roles([role("c-1", f) for f in friends])
    scene = build_scene(store, "c-1", View.ecomap, Mode.projection, "nl", today=TODAY)
    # too many for a wall: the map grows (everyone on their ring, nobody overlapping)
    friends_drawn = [n for n in scene.people if not n.double_border]
    assert len(friends_drawn) == 40
    assert all(_r(n) == pytest.approx(scene.rings[0].radius, abs=0.1) for n in friends_drawn)
    assert closest_pair(scene.people) >= GEOMETRY[True].gap - 0.5
