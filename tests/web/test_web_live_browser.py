"""The meeting page live with the family, in a real browser (Debian's Chromium through
Playwright) over the demo case: the facilitator drags a person on the wall map and,
after a reload, the person is still where they were left; a person named in the room is
added from the toolbar and appears on the map; no console errors, nothing leaves
127.0.0.1."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from web_browser_helpers import Visit, demo_visit, drawn, launch, map_frames

from tenhands.graph.model import Engagement
from tenhands.graph.stores.sqlite import SqliteStore

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame

pytestmark = pytest.mark.browser

MOVED = "Oma Ria"


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    yield from launch(chromium_executable)


@pytest.fixture
def facilitator(browser: Browser, tmp_path: Path) -> Iterator[tuple[Visit, str, SqliteStore]]:
    with demo_visit(browser, tmp_path, "facilitator") as visited:
        yield visited


def shown_map(v: Visit, view: str = "ecomap", mode: str = "family") -> Frame:
    frames = map_frames(v.page, view=view, mode=mode)
    assert frames, "the map is not on the page"
    drawn(frames[0])
    return frames[0]


def where(frame: Frame, label: str) -> dict[str, Any]:
    """The person labelled ``label``: their id, place on the map and on the screen."""
    found: dict[str, Any] | None = frame.evaluate(
        """(label) => {
          const data = JSON.parse(document.getElementById("tenhands-data").textContent);
          const people = data.extras.tasks;
          const id = Object.keys(people).find((k) => people[k].label.split("\\n")[0] === label);
          if (!id) { return null; }
          const net = window.tenhandsNetwork;
          const at = net.getPositions([id])[id];
          return {id: id, x: at.x, y: at.y, dom: net.canvasToDOM(at)};
        }""",
        label,
    )
    assert found is not None, f"nobody labelled {label!r} on the map"
    return found


def wait_saved(frame: Frame, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not frame.evaluate("() => window.tenhandsSaved > 0 || window.tenhandsRefused > 0"):
        assert time.monotonic() < end, "the move was not posted"
        time.sleep(0.1)
    assert frame.evaluate("() => window.tenhandsRefused || 0") == 0


def test_a_person_dragged_on_the_wall_stays_there_after_a_reload(
    facilitator: tuple[Visit, str, SqliteStore],
) -> None:
    v, case_id, store = facilitator
    page = v.page
    v.go(f"/cases/{case_id}/meeting")
    frame = shown_map(v)
    before = where(frame, MOVED)
    box = frame.locator("#network").bounding_box()
    assert box is not None
    start = (box["x"] + before["dom"]["x"], box["y"] + before["dom"]["y"])
    page.mouse.move(*start)
    page.mouse.down()
    for step in range(1, 11):  # a hand on the touch screen moves in small steps
        page.mouse.move(start[0] + 18 * step, start[1] + 9 * step)
    page.mouse.up()
    wait_saved(frame)
    moved = where(frame, MOVED)
    assert math.dist((moved["x"], moved["y"]), (before["x"], before["y"])) > 50
    kept = store.list_positions(case_id, "ecomap")
    assert [p.person_id for p in kept] == ["demo-ria"]

    page.reload()
    again = shown_map(v)
    after = where(again, MOVED)
    assert (after["x"], after["y"]) == pytest.approx((moved["x"], moved["y"]), abs=1.0)
    projection = map_frames(page, view="ecomap", mode="projection")  # the other wall map
    page.locator("#family-toggle").click()
    for f in projection:
        drawn(f)
        on_wall = where(f, MOVED)
        assert (on_wall["x"], on_wall["y"]) == pytest.approx((moved["x"], moved["y"]), abs=1.0)
    assert v.errors == [] and v.blocked == []


def test_a_person_named_in_the_room_is_added_from_the_toolbar_and_marked(
    facilitator: tuple[Visit, str, SqliteStore],
) -> None:
    v, case_id, store = facilitator
    page = v.page
    v.go(f"/cases/{case_id}/meeting")
    shown_map(v)
    page.locator("#live-tools > summary").click()
    page.locator("#live-add > summary").click()
    form = page.locator("#live-person-form")
    for control in form.locator("input:visible, select:visible, button:visible").all():
        size = control.bounding_box()  # on the screen, not under or beside it
        assert size is not None and size["x"] >= 0 and size["x"] + size["width"] <= 1440
    assert form.is_visible()
    form.locator("#f-given_names").fill("Josefien")
    form.locator("#f-named").select_option("aunt")
    assert not form.locator("#f-sex").is_visible()  # the word says it
    form.locator("#f-side").select_option("paternal")
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/cases/{case_id}/meeting?*done=person_named*")
    assert "De persoon is toegevoegd" in page.locator(".meeting-done").inner_text()
    where(shown_map(v), "Josefien")
    added = next(p for p in store.list_persons(limit=500) if p.given_names == ["Josefien"])

    page.locator("#live-tools > summary").click()
    page.locator("#live-mark > summary").click()
    mark = page.locator("#live-engagement-form")
    mark.locator("#f-person_id").select_option(added.id)
    mark.locator("#f-engagement").select_option("committed")
    mark.locator("button[type=submit]").click()
    page.wait_for_url("**done=engagement_marked*")
    assert store.get_role(case_id, added.id).engagement is Engagement.committed
    counter = shown_map(v).locator(".counter").inner_text()
    assert "Josefien" in counter
    assert v.errors == [] and v.blocked == []
