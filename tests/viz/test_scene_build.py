"""The scene builder: every view, mode and language; counter, legend, determinism."""

from __future__ import annotations

from datetime import date

import pytest
from builders import case, person, role, tie
from viz_helpers import TODAY, by_name, seed, strings

from tenhands.demo.seed import seed_demo
from tenhands.graph.errors import NotFound
from tenhands.graph.model import Engagement, PartialDate, Sex
from tenhands.graph.store import GraphStore
from tenhands.viz import Mode, Scene, View, build_scene
from tenhands.viz.scene import LineStyle, Mark, Shape


@pytest.fixture
def demo(store: GraphStore) -> str:
    return seed_demo(store)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("view", list(View))
def test_every_view_mode_and_language_builds(
    store: GraphStore, demo: str, view: View, mode: Mode, lang: str
) -> None:
    scene = build_scene(store, demo, view, mode, lang, today=TODAY)
    assert isinstance(scene, Scene)
    assert (scene.view, scene.mode, scene.lang, scene.made_on) == (view, mode, lang, TODAY)
    word = {"nl": {"ecomap": "ecogram", "circles": "cirkels"}, "en": {}}[lang].get(view, view)
    assert scene.title.startswith("Demo — De kinderen") and word in scene.title
    assert scene.counter.committed == 5 and scene.counter.goal == 5 and scene.counter.hands == 10
    assert scene.counter.names == ("Hafsa", "Joëlle", "Mima Fatima", "Oma Ria", "Tante Trien")
    ids = [n.id for n in scene.nodes]
    assert len(ids) == len(set(ids))
    assert len({e.id for e in scene.edges}) == len(scene.edges)
    assert all(e.source in ids and e.target in ids for e in scene.edges)
    children = [n for n in scene.people if n.double_border]
    assert sorted(n.label for n in children) == ["Adam", "Lina"]
    # Larger for the back of the room: a meeting, and family time on the same wall.
    if mode in (Mode.projection, Mode.family):
        assert all(n.font_size >= 24 for n in scene.people)
    else:
        assert all(n.font_size == 14 for n in scene.people)


def test_labels_say_name_relationship_and_side(store: GraphStore, demo: str) -> None:
    nl = by_name(build_scene(store, demo, View.ecomap, Mode.projection, "nl", today=TODAY))
    en = by_name(build_scene(store, demo, View.ecomap, Mode.projection, "en", today=TODAY))
    assert nl["Oma Ria"].label == "Oma Ria\n(grootmoeder, mama's kant)"
    assert en["Oma Ria"].label == "Oma Ria\n(grandmother, mother's side)"
    assert nl["Mima Fatima"].label == "Mima Fatima\n(grootmoeder, papa's kant)"
    assert nl["Sofie"].label == "Sofie\n(moeder)"
    assert en["Youssef"].label == "Youssef\n(father)"
    assert nl["Lina"].label == "Lina"
    assert nl["Hatice"].label == "Hatice\n(buurvrouw)"
    assert en["Hatice"].label == "Hatice\n(neighbour)"
    assert nl["Joëlle"].label == "Joëlle\n(meter)" and en["Joëlle"].label == "Joëlle\n(godmother)"
    assert nl["Elke"].label == "Elke\n(juf)" and nl["Murat"].label == "Murat\n(coach)"
    assert nl["Eline"].label == "Eline\n(hulpverlener)"


def test_shapes_badges_and_deceased(store: GraphStore, demo: str) -> None:
    scene = build_scene(store, demo, View.ecomap, Mode.work, "nl", today=TODAY)
    names = by_name(scene)
    assert names["Sofie"].shape is Shape.circle and names["Youssef"].shape is Shape.square
    assert names["Oma Ria"].badge == "✓" and names["Kevin"].badge == "✕"
    assert names["Pieter"].badge == "–" and names["Sofie"].badge == "4"
    assert names["Opa Marc"].deceased and not names["Oma Ria"].deceased
    assert names["Oma Ria"].border_width > names["Ayşe"].border_width
    legend = [e.label for e in scene.legend]
    badges = {e.label: e.badge for e in scene.legend if e.mark is Mark.badge}
    assert badges["engageert zich"] == "✓" and badges["geen contact"] == "✕"
    assert "overleden" not in badges  # the deceased have their own entry: a crossed shape
    dead = next(e for e in scene.legend if e.mark is Mark.deceased)
    assert (dead.label, dead.badge) == ("overleden", "†")
    assert "man" in legend and "vrouw" in legend
    assert "ander of onbekend" not in legend  # nobody of other or unknown sex in the demo


def test_legend_explains_every_line_style_drawn(store: GraphStore, demo: str) -> None:
    for view in View:
        scene = build_scene(store, demo, view, Mode.work, "en", today=TODAY)
        drawn = {(e.style, e.colour) for e in scene.edges}
        explained = {(e.style, e.colour) for e in scene.legend if e.style is not None}
        assert drawn <= explained, view
        groups = {n.colour for n in scene.people}
        assert groups <= {e.colour for e in scene.legend if e.colour}, view
    ecomap = build_scene(store, demo, View.ecomap, Mode.work, "en", today=TODAY)
    styles = {e.style for e in ecomap.edges}
    assert {LineStyle.solid, LineStyle.dashed, LineStyle.zigzag} <= styles
    stressful = [e for e in ecomap.edges if e.style is LineStyle.zigzag]
    assert stressful and all(e.colour == "#D55E00" for e in stressful)


def test_same_store_same_scene(store: GraphStore, demo: str) -> None:
    for view in View:
        for mode in Mode:
            a = build_scene(store, demo, view, mode, "nl", today=TODAY)
            b = build_scene(store, demo, view, mode, "nl", today=TODAY)
            assert a == b and repr(a) == repr(b)


@pytest.mark.neo4j
def test_both_stores_draw_the_same_map(sqlite_store: GraphStore, neo4j_store: GraphStore) -> None:
    for s in (sqlite_store, neo4j_store):
        seed(s)
    for view in View:
        for mode in Mode:
            a = build_scene(sqlite_store, "demo-case", view, mode, "en", today=TODAY)
            b = build_scene(neo4j_store, "demo-case", view, mode, "en", today=TODAY)
            assert a == b, (view, mode)


def test_counter_counts_committed_adults_only(store: GraphStore, demo: str) -> None:
    # A committed child of the case, a committed minor cousin and a committed
    # professional do not count; an adult of unknown age does.
    store.upsert_roles(
        [
            role(demo, "demo-lina", engagement=Engagement.committed),
            role(demo, "demo-emma", engagement=Engagement.committed),
            role(demo, "demo-eline", engagement=Engagement.committed),
        ]
    )
    scene = build_scene(store, demo, View.ecomap, Mode.work, "nl", today=TODAY)
    assert scene.counter.committed == 5
    store.upsert_roles([role(demo, "demo-elke", engagement=Engagement.committed)])
    scene = build_scene(store, demo, View.genogram, Mode.work, "nl", today=TODAY)
    assert scene.counter.committed == 6 and scene.counter.hands == 12
    assert "Elke" in scene.counter.names and scene.counter.missing == 0
    # Emma turns 18: now she counts.
    later = build_scene(store, demo, View.ecomap, Mode.work, "nl", today=date(2031, 8, 20))
    assert later.counter.committed == 7


def test_unknown_case_view_or_language_is_refused(store: GraphStore, demo: str) -> None:
    with pytest.raises(NotFound):
        build_scene(store, "c-none", View.ecomap, Mode.work)
    with pytest.raises(ValueError, match="language"):
        build_scene(store, demo, View.ecomap, Mode.work, "de")
    with pytest.raises(ValueError):
        build_scene(store, demo, "map", Mode.work)


def test_a_person_of_unknown_sex_is_a_diamond(store: GraphStore) -> None:
    store.upsert_persons(
        [
            person("p-kid", "Kim", sex=Sex.female, birth_date=PartialDate.parse("2016")),
            person("p-x", "Sam"),
        ]
    )
    store.upsert_ties([tie("t1", "p-x", "p-kid", "friend")])
    store.create_case(case("c-1", "p-kid"))
    store.set_role(role("c-1", "p-x"))
    scene = build_scene(store, "c-1", View.ecomap, Mode.family, "en", today=TODAY)
    assert by_name(scene)["Sam"].shape is Shape.diamond
    assert "other or unknown" in strings(scene.legend)
