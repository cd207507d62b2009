"""Recording the family's plan in meeting mode, in a real browser (Debian's Chromium
through Playwright), over the demo case: the facilitator opens the plan drawer over the
map (the page opens in family mode; here the facilitator chose projection), adds a task
for a network member, saves, comes back in projection, and the map on the wall shows that
task for that person when they are selected; no console errors, nothing leaves 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_browser_helpers import Visit, demo_visit, drawn, launch, map_frames

from tenhands.graph.plans import current_plan
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz.labels import display_name

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame

pytestmark = pytest.mark.browser

TASK = "Katrien brengt Lina op vrijdag naar de muziekschool"
MEMBER = "demo-katrien"


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    yield from launch(chromium_executable)


@pytest.fixture
def facilitator(browser: Browser, tmp_path: Path) -> Iterator[tuple[Visit, str, SqliteStore]]:
    with demo_visit(browser, tmp_path, "facilitator") as visited:
        yield visited


def select_person(frame: Frame, label: str) -> None:
    """Click the person labelled ``label`` on a drawn map, as someone at the wall would."""
    point = frame.evaluate(
        """(label) => {
          const data = JSON.parse(document.getElementById("tenhands-data").textContent);
          const people = data.extras.tasks;  // every person: their label and tasks
          const id = Object.keys(people).find((k) => people[k].label.split("\\n")[0] === label);
          if (!id) { return null; }
          const net = window.tenhandsNetwork;
          return net.canvasToDOM(net.getPositions([id])[id]);
        }""",
        label,
    )
    assert point is not None, f"nobody labelled {label!r} on the map"
    box = frame.locator("#network").bounding_box()
    assert box is not None
    frame.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_the_facilitator_records_a_task_in_meeting_mode_and_the_map_shows_it(
    facilitator: tuple[Visit, str, SqliteStore],
) -> None:
    v, case_id, store = facilitator
    page = v.page
    before = current_plan(store, case_id)
    assert before is not None

    v.go(f"/cases/{case_id}/meeting")  # family mode unless projection is chosen
    toggle_mode = page.locator("#family-toggle")
    assert toggle_mode.get_attribute("aria-pressed") == "true"
    for frame in map_frames(page, view="ecomap", mode="family"):
        drawn(frame)
    toggle_mode.click()  # a network meeting: projection, chosen
    assert toggle_mode.get_attribute("aria-pressed") == "false"
    assert page.url.endswith(f"/cases/{case_id}/meeting?view=ecomap&mode=projection")
    panel = page.locator("#plan-panel")
    assert not panel.is_visible()
    toggle = page.locator("#plan-toggle")
    toggle.click()  # opens over the map, without leaving the page
    assert panel.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    assert page.url.endswith(f"/cases/{case_id}/meeting?view=ecomap&mode=projection")
    for control in panel.locator("input[type=text]:visible, select:visible, button:visible").all():
        size = control.bounding_box()
        assert size is not None and size["height"] >= 48  # readable and clickable on the wall

    rows = panel.locator("details.task-row")
    count = rows.count()
    panel.locator("#add-task").click()
    assert rows.count() == count + 1
    row = rows.nth(count)
    assert row.get_attribute("open") is not None
    assert row.locator("summary").inner_text().strip() == f"Taak {count + 1}"
    what = row.locator("input[name$='-what']")
    assert what.evaluate("(el) => el === document.activeElement")
    what.fill(TASK)
    row.locator(".pick-filter").first.fill("katrien")
    row.locator(".pick-list .pick-option").first.click()
    row.locator("input[name$='-needs']").fill("1")
    panel.locator("form.plan-form button[type=submit]").click()

    # back in the mode the facilitator chose
    page.wait_for_url(f"**/cases/{case_id}/meeting?view=ecomap&mode=projection&done=plan_agreed")
    assert "Het plan is bewaard als nieuwe versie" in page.inner_text(".meeting-done")
    after = current_plan(store, case_id)
    assert after is not None and after.version == before.version + 1
    added = [t for t in after.tasks if t.what == TASK]
    assert len(added) == 1 and added[0].who == [MEMBER] and added[0].needs == [1]
    assert [t.id for t in after.tasks[: len(before.tasks)]] == [t.id for t in before.tasks]

    (frame,) = map_frames(page, view="ecomap", mode="projection")
    drawn(frame)
    label = display_name(store.get_person(MEMBER))
    select_person(frame, label)
    said = frame.locator("#person-tasks")
    said.get_by_text(TASK).wait_for(timeout=5_000)
    assert label in said.inner_text()
    shown, side = said.bounding_box(), frame.locator("#side").bounding_box()
    assert shown is not None and side is not None  # scrolled into sight beside the map
    assert side["y"] <= shown["y"] and shown["y"] + shown["height"] <= side["y"] + side["height"]

    deadline = time.monotonic() + 60
    while len(map_frames(page)) < 6:  # the other maps load again too, with the new task
        assert time.monotonic() < deadline, "the meeting's maps did not all load"
        time.sleep(0.2)
    family = map_frames(page, view="genogram", mode="family")[0]
    drawn(family)
    assert TASK in family.content()

    assert v.errors == []
    assert v.blocked == []
