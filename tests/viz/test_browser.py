"""The map page in a real browser: Debian's Chromium driven by Playwright, offline.

Playwright never downloads a browser here: it launches ``/usr/bin/chromium`` (found by
:func:`tenhands.viz.export.find_chromium`; ``make browser`` installs it). Every request
that is not ``file://`` is aborted and recorded, so a page that needs the network fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser_helpers import Loaded, launched, open_map
from render_helpers import ecomap_scene, genogram_scene

from tenhands.viz.export import html_to_png, png_size
from tenhands.viz.render import render_html
from tenhands.viz.scene import Scene

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    with launched(chromium_executable) as b:
        yield b


@pytest.fixture
def ecomap(browser: Browser, tmp_path: Path) -> Iterator[Loaded]:
    yield from open_map(browser, ecomap_scene("nl", hostile=True), tmp_path)


def _positions(page: Page) -> dict[str, dict[str, float]]:
    result: dict[str, dict[str, float]] = page.evaluate("window.tenhandsNetwork.getPositions()")
    return result


@pytest.mark.parametrize("make", [lambda: ecomap_scene("nl", hostile=True), genogram_scene])
def test_page_draws_offline_without_errors(browser: Browser, tmp_path: Path, make: Any) -> None:
    scene: Scene = make()
    for loaded in open_map(browser, scene, tmp_path):
        page = loaded.page
        assert loaded.errors == []
        assert loaded.blocked == []
        assert page.evaluate("window.tenhandsReady") is True
        assert page.evaluate("window.tenhandsNetwork.body.data.nodes.length") == len(scene.nodes)
        assert page.evaluate("window.tenhandsNetwork.body.data.edges.length") == len(scene.edges)
        positions = _positions(page)  # vis draws at whole canvas units (truncated)
        exact: dict[str, list[float]] = page.evaluate(
            "Object.fromEntries(window.tenhandsNetwork.body.data.nodes.get()"
            ".map((n) => [n.id, [n.x, n.y]]))"
        )
        assert len(positions) == len(scene.nodes)
        for node in scene.nodes:
            drawn = positions[f"n:{node.id}"]
            assert drawn["x"] == pytest.approx(node.x, abs=1)
            assert drawn["y"] == pytest.approx(node.y, abs=1)
            assert exact[f"n:{node.id}"] == pytest.approx([node.x, node.y], abs=1e-9)
        assert page.evaluate("window.tenhandsNetwork.physics.options.enabled") is False


def test_hostile_label_runs_no_script(ecomap: Loaded) -> None:
    assert ecomap.page.locator("script").count() == 3
    assert ecomap.page.evaluate("typeof window.alert") == "function"
    assert ecomap.dialogs == []
    assert ecomap.errors == []


def test_header_legend_and_counter_are_shown(ecomap: Loaded) -> None:
    page = ecomap.page
    assert page.locator("h1").inner_text() == "Netwerk van Noor"
    assert "3 / 5 volwassenen · 6 / 10 handen en ogen" in page.locator(".counter").inner_text()
    assert page.locator(".legend li").count() == 8
    canvas = page.locator("#network canvas").bounding_box()
    assert canvas is not None
    assert canvas["width"] > 1000 and canvas["height"] == pytest.approx(900, abs=1)


def test_clicking_a_person_shows_their_tasks(ecomap: Loaded) -> None:
    page = ecomap.page
    point = page.evaluate(
        "(() => { const p = window.tenhandsNetwork.getPositions(['n:oma'])['n:oma'];"
        " return window.tenhandsNetwork.canvasToDOM(p); })()"
    )
    box = page.locator("#network").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    panel = page.locator("#person-tasks")
    panel.get_by_text("Haalt Noor op woensdag van school").wait_for(timeout=5_000)
    assert "Oma Ria" in panel.inner_text()


def test_png_export_has_the_asked_size(chromium_executable: str, tmp_path: Path) -> None:
    out = html_to_png(
        render_html(ecomap_scene("en")), tmp_path / "map.png", width=800, height=500, scale=2
    )
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png_size(out) == (1600, 1000)
