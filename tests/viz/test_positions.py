"""Persons moved on a map stay where they were left (:mod:`tenhands.viz.positions`,
:mod:`tenhands.viz.layout.pinned`): on every wall map of the view, in proportion on the
worker's map, with the others clear of them, and never for a person the map does not
draw."""

from __future__ import annotations

import pytest
from viz_helpers import TODAY, by_name, seed

from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz import Mode, View, build_scene
from tenhands.viz.build import GEOMETRY, build
from tenhands.viz.layout import person_box
from tenhands.viz.layout.boxes import overlap
from tenhands.viz.positions import Move, StaleMap, UnknownKey, saved, stamp_of
from tenhands.viz.scene import Scene, SceneNode
from tenhands.viz.views import wrap_width


@pytest.fixture
def demo(sqlite_store: SqliteStore) -> tuple[SqliteStore, str]:
    return sqlite_store, seed(sqlite_store)


def move(
    store: SqliteStore, case_id: str, view: View, mode: Mode, name: str, x: float, y: float
) -> None:
    """Move the person called ``name`` to (x, y) on the map as drawn, as the page does."""
    _scene, net = build(store, case_id, view, mode, "nl", today=TODAY)
    key = next(m.key for m in net.members if m.name == name)
    store.save_positions(saved(net, case_id, view, stamp_of(net), [Move(key, x, y)]))


def box(scene: Scene, node: SceneNode) -> tuple[float, float, float, float]:
    geo = GEOMETRY[scene.mode is not Mode.work]
    size = node.size
    return person_box(node.x, node.y, size, node.label, geo.font, wrap_width(scene.view))


@pytest.mark.parametrize("view", [View.ecomap, View.circles])
def test_a_moved_person_stays_on_every_map_of_the_view_and_the_others_make_room(
    demo: tuple[SqliteStore, str], view: View
) -> None:
    store, case_id = demo
    before = by_name(build_scene(store, case_id, view, Mode.family, today=TODAY))
    target = before["Hafsa"]  # put Oma Ria right on top of Hafsa
    move(store, case_id, view, Mode.family, "Oma Ria", target.x, target.y)
    font = GEOMETRY[True].font
    for mode in (Mode.family, Mode.projection):
        scene = build_scene(store, case_id, view, mode, today=TODAY)
        drawn = by_name(scene)
        assert (drawn["Oma Ria"].x, drawn["Oma Ria"].y) == pytest.approx(
            (target.x, target.y), abs=0.05
        )
        ria = box(scene, drawn["Oma Ria"])
        for name, node in drawn.items():
            if name != "Oma Ria":
                assert not overlap(ria, box(scene, node), 0.0), (mode, name)
        assert (drawn["Hafsa"].x, drawn["Hafsa"].y) != (target.x, target.y)
    work = by_name(build_scene(store, case_id, view, Mode.work, today=TODAY))
    small = GEOMETRY[False].font
    assert work["Oma Ria"].x == pytest.approx(target.x / font * small, abs=0.05)
    assert work["Oma Ria"].y == pytest.approx(target.y / font * small, abs=0.05)
    assert build_scene(store, case_id, view, Mode.family, today=TODAY) == build_scene(
        store, case_id, view, Mode.family, today=TODAY
    )  # nothing random
    other = View.genogram
    assert by_name(build_scene(store, case_id, other, Mode.family, today=TODAY)) == by_name(
        build_scene(store, case_id, other, Mode.family, today=TODAY)
    )
    store.clear_positions(case_id, view.value)
    assert by_name(build_scene(store, case_id, view, Mode.family, today=TODAY)) == before


def test_in_a_genogram_the_others_make_room_only_sideways(demo: tuple[SqliteStore, str]) -> None:
    store, case_id = demo
    view = View.genogram
    before = by_name(build_scene(store, case_id, view, Mode.family, today=TODAY))
    target = before["Hafsa"]
    move(store, case_id, view, Mode.family, "Oma Ria", target.x, target.y)
    after = by_name(build_scene(store, case_id, view, Mode.family, today=TODAY))
    assert (after["Oma Ria"].x, after["Oma Ria"].y) == pytest.approx((target.x, target.y), abs=0.05)
    assert after["Hafsa"].y == before["Hafsa"].y and after["Hafsa"].x != before["Hafsa"].x
    for name, node in after.items():
        if name != "Oma Ria":
            assert node.y == before[name].y, name


def test_a_map_drawn_for_other_persons_or_a_key_of_no_person_is_refused(
    demo: tuple[SqliteStore, str],
) -> None:
    store, case_id = demo
    scene, family = build(store, case_id, View.genogram, Mode.family, "nl", today=TODAY)
    _scene, work = build(store, case_id, View.genogram, Mode.work, "nl", today=TODAY)
    assert stamp_of(family) != stamp_of(work)
    key = family.members[0].key
    with pytest.raises(StaleMap):  # the worker's keys say other persons
        saved(family, case_id, View.genogram, stamp_of(work), [Move(key, 1.0, 1.0)])
    union = next(n.id for n in scene.nodes if n not in scene.people)
    for wrong in (union, "n999"):
        with pytest.raises(UnknownKey):
            saved(family, case_id, View.genogram, stamp_of(family), [Move(wrong, 1.0, 1.0)])
    stored = saved(family, case_id, View.genogram, stamp_of(family), [Move(key, 26.0, -52.0)])
    assert [(p.x, p.y) for p in stored] == [(1.0, -2.0)]  # in label fonts
