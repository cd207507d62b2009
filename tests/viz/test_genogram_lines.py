"""The genogram does not mislead: no family's line to its children crosses another family's
sibling line (on the demo and on generated families), siblings whose parents are not known
hang from an open junction, ages and the household only on the work map."""

from __future__ import annotations

import math

import pytest
from builders import case, person, role, tie
from genogram_families import seed_family
from genogram_lines import crossings
from viz_helpers import TODAY, by_name

from tenhands.demo.seed import seed_demo
from tenhands.graph.model import Address, PartialDate, PartnerStatus, Sex
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz import Mode, View, build_scene
from tenhands.viz.render import counter_text, render_html
from tenhands.viz.scene import Scene, SceneNode, Shape

SEEDS = range(200)
KNOTS = frozenset({45, 127})
"""Generated families whose row order still forces a crossing: a step-parent standing on
the mother's outer side (married-in partners stand outside) under a parent of their own
drawn in the grandparents' row beside a grandparent's later family; the row order is found
by local rules (sides, couples, where the lines come down), not by searching every order."""


@pytest.fixture
def demo(store: GraphStore) -> str:
    return seed_demo(store)


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_demo_genogram_has_no_line_across_another_familys_sibling_line(
    store: GraphStore, demo: str, mode: Mode, lang: str
) -> None:
    scene = build_scene(store, demo, View.genogram, mode, lang, today=TODAY)
    assert crossings(scene) == []
    names = by_name(scene)
    # the step-grandmother's son stands outside his partner's sibship
    sibs = [names[n].x for n in ("Pieter", "Tante Trien", "Sofie")]
    assert not min(sibs) < names["Emre"].x < max(sibs)


def test_the_check_finds_a_line_across_a_sibling_line(store: GraphStore, demo: str) -> None:
    """The geometric check itself: a family's line moved onto another's sibling line is
    found."""
    scene = build_scene(store, demo, View.genogram, Mode.work, "en", today=TODAY)
    bar = next(e for e in scene.edges if e.family and ".k." in e.target)
    other = next(e for e in scene.edges if e.family and e.family != bar.family)
    nodes = {n.id: n for n in scene.nodes}
    a, b = nodes[bar.source], nodes[bar.target]
    mid = (a.x + b.x) / 2
    moved = [
        SceneNode(**{**n.__dict__, "x": mid, "y": a.y - 30.0})
        if n.id == other.source
        else SceneNode(**{**n.__dict__, "x": mid, "y": a.y + 30.0})
        if n.id == other.target
        else n
        for n in scene.nodes
    ]
    broken = Scene(**{**scene.__dict__, "nodes": moved})
    assert any(f"e:{other.id}" in c for c in crossings(broken))


def _family_scene(seed: int, mode: Mode = Mode.work) -> Scene:
    store = SqliteStore(":memory:")
    store.init_schema()
    try:
        return build_scene(store, seed_family(store, seed), View.genogram, mode, "en", today=TODAY)
    finally:
        store.close()


@pytest.mark.parametrize(
    "seed",
    [
        pytest.param(s, marks=pytest.mark.xfail(strict=True, reason="row order not untangled"))
        if s in KNOTS
        else s
        for s in SEEDS
    ],
)
def test_generated_genograms_have_no_line_across_another_familys_sibling_line(
    seed: int,
) -> None:
    scene = _family_scene(seed)
    assert len(scene.people) >= 4
    assert crossings(scene) == []


def test_generated_families_hold_what_the_genogram_must_draw() -> None:
    """The generator makes what the rule is about: remarriages, step-parents, half-siblings,
    single parents and relatives known only as a sibling, across the seeds."""
    seen: set[str] = set()
    for seed in range(20):
        scene = _family_scene(seed)
        seen |= {e.id.split("-")[0][0] for e in scene.edges if e.family}
        words = " ".join(n.label for n in scene.people)
        for word in ("step", "half-", "great-aunt", "great-grand"):
            if word in words:
                seen.add(word)
        if any(n.shape is Shape.dot and n.border_width for n in scene.nodes):
            seen.add("unknown parents")
        if any("divorced" in e.marks or "separated" in e.marks for e in scene.edges):
            seen.add("apart")
    assert {"u", "n", "step", "half-", "great-aunt", "unknown parents", "apart"} <= seen


def test_a_partner_between_a_former_and_a_present_partner_stands_between_them() -> None:
    """A grandfather with children from two unions stands between the two mothers, each
    couple side by side, so each family's line comes down between its own parents."""
    born = PartialDate.parse
    store = SqliteStore(":memory:")
    store.init_schema()
    store.upsert_persons(
        [
            person("kid", "Kid", sex=Sex.female, birth_date=born("2014")),
            person("mum", "Mum", sex=Sex.female, birth_date=born("1986")),
            person("gf", "Gramps", sex=Sex.male, birth_date=born("1955")),
            person("gm", "Gran", sex=Sex.female, birth_date=born("1958")),
            person("ggm", "Greatgran", sex=Sex.female, birth_date=born("1930")),
            person("new", "Later", sex=Sex.female, birth_date=born("1966")),
            person("h1", "Half", sex=Sex.male, birth_date=born("1990")),
            person("h2", "Halfie", sex=Sex.female, birth_date=born("1993")),
        ]
    )
    store.upsert_ties(
        [
            tie("t1", "mum", "kid", "parent"),
            tie("t2", "gf", "mum", "parent"),
            tie("t3", "gm", "mum", "parent"),
            tie("t4", "gf", "gm", "ex_partner", partner_status=PartnerStatus.divorced),
            tie("t5", "gf", "new", "partner"),
            tie("t6", "gf", "h1", "parent"),
            tie("t7", "new", "h1", "parent"),
            tie("t8", "gf", "h2", "parent"),
            tie("t9", "new", "h2", "parent"),
            tie("t10", "mum", "h1", "half_sibling"),
            tie("t11", "mum", "h2", "half_sibling"),
            tie("t12", "ggm", "gm", "parent"),
        ]
    )
    store.create_case(case("c-1", "kid"))
    store.upsert_roles([role("c-1", p) for p in ("mum", "gf", "gm", "ggm", "new", "h1", "h2")])
    scene = build_scene(store, "c-1", View.genogram, Mode.work, "en", today=TODAY)
    store.close()
    names = {n.label.split("\n")[0]: n for n in scene.people}
    xs = sorted(names[n].x for n in ("Gran", "Gramps", "Later"))
    assert names["Gramps"].x == xs[1]
    assert crossings(scene) == []


# --- relatives known only as someone's sibling -------------------------------------------


def test_siblings_without_known_parents_hang_from_an_open_junction(
    store: GraphStore, demo: str
) -> None:
    scene = build_scene(store, demo, View.genogram, Mode.work, "en", today=TODAY)
    names = by_name(scene)
    junctions = [n for n in scene.nodes if n.shape is Shape.dot and n.border_width]
    assert len(junctions) == 1
    q = junctions[0]
    assert q.label == "" and q.colour == "#ffffff"
    hanging = {e.target for e in scene.edges if e.family == q.id}
    kids = {n.id for n in scene.people} & hanging
    nodes = {n.id: n for n in scene.nodes}
    for e in scene.edges:
        if e.family == q.id and e.target in nodes and nodes[e.target].shape is Shape.dot:
            kids |= {f.target for f in scene.edges if f.source == e.target}
    assert {nodes[k].label.split("\n")[0] for k in kids} == {"Mima Fatima", "Zohra"}
    assert q.y < names["Zohra"].y
    # a mark of the lines: not a person in the count, the list of persons or the legend's shapes
    assert q not in scene.people
    assert "parents not known" in [e.label for e in scene.legend]
    page = render_html(scene)
    assert counter_text(scene) in page


def test_a_sibling_entered_without_parents_hangs_under_the_siblings_parents(
    store: GraphStore,
) -> None:
    born = PartialDate.parse
    store.upsert_persons(
        [
            person("kid", "Kid", sex=Sex.male, birth_date=born("2015")),
            person("mum", "Mum", sex=Sex.female, birth_date=born("1985")),
            person("gran", "Gran", sex=Sex.female),
            person("gramps", "Gramps", sex=Sex.male),
            person("uncle", "Uncle", sex=Sex.male, birth_date=born("1988")),
            person("a1", "Auntie", sex=Sex.female),
            person("a2", "Auntie2", sex=Sex.female),
        ]
    )
    store.upsert_ties(
        [
            tie("t1", "mum", "kid", "parent"),
            tie("t2", "gran", "mum", "parent"),
            tie("t3", "gramps", "mum", "parent"),
            tie("t4", "gran", "gramps", "partner"),
            tie("t5", "mum", "uncle", "sibling"),  # no parent ties of his own
            tie("t6", "gran", "a1", "sibling"),
            tie("t7", "a1", "a2", "sibling"),
            tie("t8", "gran", "a2", "sibling"),
        ]
    )
    store.create_case(case("c-1", "kid"))
    store.upsert_roles([role("c-1", p) for p in ("mum", "gran", "gramps", "uncle", "a1", "a2")])
    scene = build_scene(store, "c-1", View.genogram, Mode.work, "en", today=TODAY)
    names = {n.label.split("\n")[0]: n for n in scene.people}
    families = {e.target: e.family for e in scene.edges if e.family}
    assert families[names["Uncle"].id] == families[names["Mum"].id]
    assert names["Uncle"].y == names["Mum"].y
    # great-aunts without parents: one open junction over the grandmother and her sisters
    aunts = {families[names[n].id] for n in ("Gran", "Auntie", "Auntie2")}
    assert len(aunts) == 1 and next(iter(aunts)).startswith("q")
    assert len([n for n in scene.nodes if n.shape is Shape.dot and n.border_width]) == 1
    assert crossings(scene) == []
    assert len(scene.people) == 7


# --- ages ------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(Mode))
def test_ages_in_the_work_genogram_only(store: GraphStore, demo: str, mode: Mode) -> None:
    scene = build_scene(store, demo, View.genogram, mode, "en", today=TODAY)
    names = by_name(scene)
    lines = {name: n.label.split("\n") for name, n in names.items()}
    if mode is Mode.work:
        assert lines["Sofie"][1] == "35"  # born 22 March 1991
        assert lines["Lina"][1] == "9"
        assert lines["Opa Marc"][1] == "† 2021"
        assert lines["Emre"][1] == "37"  # October 1989
    else:
        for name, words in lines.items():
            assert not any(w.isdigit() or w.startswith("†") for w in words), name
        page = render_html(scene)
        assert "1991" not in page and "† 2021" not in page and '"35"' not in page


# --- household -------------------------------------------------------------------------


def _inside(px: float, py: float, poly: tuple[tuple[float, float], ...]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True):
        if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _enclosed(scene: Scene) -> set[str]:
    return {
        n.label.split("\n")[0]
        for n in scene.people
        if any(_inside(n.x, n.y, b.points) for b in scene.boundaries)
    }


@pytest.mark.parametrize("mode", list(Mode))
def test_the_household_outline_on_the_work_genogram_only(
    store: GraphStore, demo: str, mode: Mode
) -> None:
    scene = build_scene(store, demo, View.genogram, mode, "en", today=TODAY)
    if mode is Mode.work:
        assert _enclosed(scene) == {"Sofie", "Emre", "Lina", "Adam"}
        assert "lives with the children" in [e.label for e in scene.legend]
        assert '"boundaries":[{' in render_html(scene)
    else:
        assert scene.boundaries == []
        assert "lives with the children" not in [e.label for e in scene.legend]
        assert '"boundaries":[]' in render_html(scene)


def test_only_the_work_network_knows_who_lives_with_the_children(
    store: GraphStore, demo: str
) -> None:
    from tenhands.graph.network import surroundings
    from tenhands.viz.redaction import redact

    graph = store.case_subgraph(demo)
    kin = surroundings(store, graph.graph["case"].child_ids)
    for mode in Mode:
        net = redact(graph, kin, None, mode, "en", TODAY)
        home = {m.name for m in net.members if m.with_children}
        aged = {m.name for m in net.members if m.age}
        if mode is Mode.work:
            assert home == {"Sofie", "Emre"}
            assert "Sofie" in aged
        else:
            assert home == set() and aged == set()


@pytest.mark.parametrize("seed", range(0, 100, 7))
def test_the_household_outline_holds_exactly_the_household_in_generated_families(
    seed: int,
) -> None:
    store = SqliteStore(":memory:")
    store.init_schema()
    cid = seed_family(store, seed)
    scene = build_scene(store, cid, View.genogram, Mode.work, "en", today=TODAY)
    home = Address(street=f"Teststraat {seed}", house_number="1", postcode="9000", city="Gent")
    graph = store.case_subgraph(cid)
    expected = {
        p.given_names[0]
        for _, p in graph.nodes(data="person")
        if p.addresses and p.addresses[0] == home
    }
    store.close()
    assert _enclosed(scene) == expected
    assert all(math.isfinite(x) for b in scene.boundaries for pt in b.points for x in pt)
