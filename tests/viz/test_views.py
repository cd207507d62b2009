"""Every map view is dispatched from one table, and a view missing from it is an error,
never a map drawn as another view."""

from __future__ import annotations

import pytest

from tenhands.demo.seed import seed_demo
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz import Mode, View, build_scene
from tenhands.viz.labels import say
from tenhands.viz.views import VIEWS, check_views, view_drawing


def test_every_view_has_its_row_and_its_words() -> None:
    assert set(VIEWS) == set(View)
    for view in View:
        assert say(f"view.{view.value}", "nl") and say(f"view.{view.value}", "en")


def test_a_view_missing_from_the_table_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="without a row in VIEWS: circles"):
        check_views({v: d for v, d in VIEWS.items() if v is not View.circles})
    with pytest.raises(ValueError, match="is not a valid View"):
        view_drawing("treemap")


@pytest.mark.parametrize("view", list(View))
def test_each_view_is_laid_out_by_its_own_layout(sqlite_store: SqliteStore, view: View) -> None:
    case_id = seed_demo(sqlite_store)
    scene = build_scene(sqlite_store, case_id, view, Mode.work, "nl")
    assert scene.view is view
    # the genogram alone has union points and no rings; ecomap and circles draw rings
    unions = [n for n in scene.nodes if n.id.startswith("u")]
    if view is View.genogram:
        assert unions and not scene.rings
    else:
        assert scene.rings
