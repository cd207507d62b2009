"""Readable from the back of the room: the demo's maps in a real browser (Debian's
Chromium driven by Playwright, offline), on a 1920×1080 wall.

In projection every name must be drawn at least :data:`~tenhands.viz.render.MIN_LABEL_PX`
CSS pixels tall, read back from the page's vis network (its scale times each label's font
size), and the map must still fit the screen; the worker's view keeps the sizes the scene
gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_helpers import launched, open_map
from viz_helpers import TODAY

from tenhands.demo.seed import seed_demo
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz import Mode, View, build_scene
from tenhands.viz.render import MIN_LABEL_PX
from tenhands.viz.scene import Scene

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    with launched(chromium_executable) as b:
        yield b


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteStore]:
    store = SqliteStore(tmp_path_factory.mktemp("demo") / "demo.db")
    store.init_schema()
    seed_demo(store)
    yield store
    store.close()


def _open(
    browser: Browser, scene: Scene, folder: Path, frame: tuple[int, int] = (1920, 1080)
) -> Iterator[Page]:
    width, height = frame  # a wall, unless a smaller frame is asked for
    for loaded in open_map(browser, scene, folder, width=width, height=height):
        yield loaded.page
        assert loaded.errors == [] and loaded.blocked == []


_SIZES = """(() => {
  const network = window.tenhandsNetwork;
  const scale = network.getScale();
  const people = network.body.data.nodes.get().filter((n) => n.label);
  const box = document.getElementById("network").getBoundingClientRect();
  const drawn = people.map((n) => {
    const p = network.canvasToDOM({x: n.x, y: n.y});
    return {name: n.font.bold.size * scale, rest: n.font.size * scale, x: p.x, y: p.y};
  });
  return {scale, drawn, width: box.width, height: box.height};
})()"""


@pytest.mark.parametrize("mode", [Mode.projection, Mode.family])
@pytest.mark.parametrize("view", list(View))
def test_projection_names_are_at_least_24_px_on_a_wall(
    browser: Browser, demo_store: SqliteStore, tmp_path: Path, view: View, mode: Mode
) -> None:
    scene = build_scene(demo_store, "demo-case", view, mode, "nl", today=TODAY)
    least = MIN_LABEL_PX[mode]
    assert least >= 24
    for page in _open(browser, scene, tmp_path):
        sizes = page.evaluate(_SIZES)
        assert len(sizes["drawn"]) == len(scene.people)
        for label in sizes["drawn"]:
            assert label["name"] >= least - 0.01  # names at least 24 px tall
            assert label["rest"] >= 0.75 * least  # the relationship a little smaller
            # and every person is on the screen
            assert 0 <= label["x"] <= sizes["width"] and 0 <= label["y"] <= sizes["height"]


@pytest.mark.parametrize("view", list(View))
def test_worker_view_keeps_the_scene_sizes_and_fits(
    browser: Browser, demo_store: SqliteStore, tmp_path: Path, view: View
) -> None:
    scene = build_scene(demo_store, "demo-case", view, Mode.work, "en", today=TODAY)
    for page in _open(browser, scene, tmp_path):
        sizes = page.evaluate(_SIZES)
        font = scene.people[0].font_size
        for label in sizes["drawn"]:
            assert label["name"] == pytest.approx(font * sizes["scale"])
            assert 0 <= label["x"] <= sizes["width"] and 0 <= label["y"] <= sizes["height"]


def test_labels_are_drawn_wrapped_with_the_name_in_bold(
    browser: Browser, demo_store: SqliteStore, tmp_path: Path
) -> None:
    scene = build_scene(demo_store, "demo-case", View.genogram, Mode.projection, "nl", today=TODAY)
    for page in _open(browser, scene, tmp_path):
        labels: list[str] = page.evaluate(
            "window.tenhandsNetwork.body.data.nodes.get().map((n) => n.label)"
        )
        assert "<b>Bart</b>\n(aangetrouwde\noom)" in labels


# --- no touching labels on the wall ----------------------------------------------------

_LABEL_BOXES = """(() => {
  const network = window.tenhandsNetwork;
  const scale = network.getScale();
  const ctx = document.querySelector("#network canvas").getContext("2d");
  const strip = (t) => t.replace(/<\\/?b>/g, "").replace(/&lt;/g, "<").replace(/&amp;/g, "&");
  const people = network.body.data.nodes.get().filter((n) => n.label);
  const labels = people.map((n) => {
    const p = network.canvasToDOM({x: n.x, y: n.y});
    const lines = n.label.split("\\n");
    let wide = 0, tall = 0;
    lines.forEach((line, i) => {
      const f = i === 0 ? n.font.bold : n.font;
      const px = f.size * scale;
      ctx.font = (i === 0 ? "bold " : "") + px + "px " + n.font.face;
      wide = Math.max(wide, ctx.measureText(strip(line)).width);
      tall += px * 1.15;
    });
    const top = p.y + n.size * scale + 2;
    return {name: strip(lines[0]), box: [p.x - wide / 2, top, p.x + wide / 2, top + tall]};
  });
  const cards = (window.tenhandsPlacards || []).map((c) => {
    const a = network.canvasToDOM({x: c.box[0], y: c.box[1]});
    const b = network.canvasToDOM({x: c.box[2], y: c.box[3]});
    return {name: c.lines.join(" "), ring: c.weight === "600", box: [a.x, a.y, b.x, b.y]};
  });
  return {labels, cards};
})()"""


def _touch(a: list[float], b: list[float], pad: float = 1.0) -> bool:
    """Whether two screen boxes overlap by more than ``pad`` pixels either way."""
    return a[0] + pad < b[2] and b[0] + pad < a[2] and a[1] + pad < b[3] and b[1] + pad < a[3]


FRAMES = [(1920, 1080), (1440, 805), (1280, 620)]
"""A wall; a meeting page's map on a 1440×900 screen, and on a 1280×720 projector."""


@pytest.mark.parametrize("frame", FRAMES, ids=lambda f: f"{f[0]}x{f[1]}")
@pytest.mark.parametrize("mode", [Mode.projection, Mode.family])
@pytest.mark.parametrize("view", [View.ecomap, View.circles])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_projection_labels_do_not_touch_on_a_wall(
    browser: Browser,
    demo_store: SqliteStore,
    tmp_path: Path,
    view: View,
    lang: str,
    mode: Mode,
    frame: tuple[int, int],
) -> None:
    scene = build_scene(demo_store, "demo-case", view, mode, lang, today=TODAY)
    for page in _open(browser, scene, tmp_path, frame):
        drawn = page.evaluate(_LABEL_BOXES)
        labels, cards = drawn["labels"], drawn["cards"]
        rings = [c for c in cards if c["ring"]]
        assert len(labels) == len(scene.people) and len(rings) == len(scene.rings)
        touching = [
            (a["name"], b["name"])
            for i, a in enumerate(labels)
            for b in labels[i + 1 :]
            if _touch(a["box"], b["box"])
        ]
        touching += [
            (r["name"], other["name"])
            for r in rings
            for other in labels + [c for c in rings if c is not r]
            if _touch(r["box"], other["box"])
        ]
        assert touching == []
