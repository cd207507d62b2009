"""The plan recorder of meeting mode in a real browser (Debian's Chromium through
Playwright), over the demo case on a 1920×1080 screen: the recorder with one task open
is at most about two screen heights; the facilitator picks a person by typing part of
their name (only the network's adults who may be on the wall are offered), is asked for
the service only for professional help, ticks who came (the scale, and what its numbers
mean, appear with them), scores one of them (each with their previous score), names
someone else who came by function, and saves, back in family mode; the plan version and
the meeting are stored, and the scores of who did not score again are kept as they
were. No console errors, nothing leaves 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_browser_helpers import Visit, demo_visit, launch

from tenhands.graph.plans import current_plan
from tenhands.graph.stores.sqlite import SqliteStore

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

SCREEN = {"width": 1920, "height": 1080}
TASK = "Katrien haalt Adam op donderdag van de voetbal"
CHILDREN = ("demo-lina", "demo-adam", "demo-emma", "demo-lowie", "demo-aya", "demo-ilyas")
"""The demo's children of the case and the network's minors."""
BANNED = "demo-kevin"
"""The demo's ex-partner with a contact ban (no contact, violence): never on the wall."""


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    yield from launch(chromium_executable)


@pytest.fixture
def facilitator(browser: Browser, tmp_path: Path) -> Iterator[tuple[Visit, str, SqliteStore]]:
    with demo_visit(browser, tmp_path, "facilitator") as visited:
        visited[0].page.set_viewport_size(SCREEN)
        yield visited


def test_the_facilitator_records_the_plan_of_a_meeting_with_the_recorder(
    facilitator: tuple[Visit, str, SqliteStore],
) -> None:
    v, case_id, store = facilitator
    page = v.page
    before = current_plan(store, case_id)
    assert before is not None and len(store.list_meetings(case_id)) == 2
    v.go(f"/cases/{case_id}/meeting?plan=open")
    panel = page.locator("#plan-panel")
    panel.locator(".pick-filter").first.wait_for(state="attached")

    # compact: with one task open, about two screen heights at most
    open_tasks = panel.locator("details.task-row[open]")
    assert open_tasks.count() == 1
    height = panel.evaluate("(el) => el.scrollHeight")
    assert height <= 2 * SCREEN["height"], f"the recorder is {height} px tall"

    row = open_tasks.first
    who = row.locator("select[name$='-who']")
    offered = who.locator("option").evaluate_all("(os) => os.map((o) => o.value)")
    assert "demo-katrien" in offered and "demo-sofie" in offered
    assert not set(offered) & {*CHILDREN, BANNED, "demo-marc", "demo-pieter"}
    assert not who.is_visible()  # the script shows chips and a box to type in instead

    row.locator("input[name$='-what']").fill(TASK)
    box = row.locator(".pick-filter").first
    box.fill("katr")
    options = row.locator(".pick-list .pick-option")
    assert options.all_inner_texts() == ["Katrien Vermeulen (tante)"]
    box.press("Enter")
    chips = row.locator(".pick-chip")
    assert chips.count() == 1 and chips.first.inner_text().startswith("Katrien Vermeulen")
    assert who.evaluate("(el) => Array.from(el.selectedOptions).map((o) => o.value)") == [
        "demo-katrien"
    ]
    checker = row.locator(".pick-filter").nth(1)
    checker.fill("mária de sm")  # accents and case do not matter
    row.locator(".pick-list .pick-option", has_text="Maria Godelieve De Smet").click()
    row.locator("input[name$='-needs']").fill("1")
    service = row.locator("input[name$='-service']")
    assert not service.is_visible()  # asked only of professional help
    row.locator("select[name$='-owner']").select_option("professional")
    assert service.is_visible()
    row.locator("select[name$='-owner']").select_option("network")
    assert not service.is_visible()

    # the scale asks who came, each with their previous score
    scale = panel.locator("table.scale-form tbody tr:visible")
    meaning = panel.locator("#scale-hint")
    assert scale.count() == 0 and panel.locator("#scale-nobody").is_visible()
    assert not meaning.is_visible() and not panel.locator("table.scale-form").is_visible()
    assert not panel.locator(f"#f-present-{BANNED}").count()
    panel.locator("label[for='f-present-demo-sofie']").click()
    panel.locator("label[for='f-present-demo-lina']").click()
    assert scale.count() == 2 and meaning.is_visible()
    assert not panel.locator("#scale-nobody").is_visible()
    sofie = panel.locator("tr[data-present='demo-sofie']")
    assert "vorige keer: 6 (14 nov 2026)" in sofie.inner_text()
    sofie.locator("select").select_option("7")
    sofie.locator("input[type=text]").fill("Het gaat beter met de avonden")
    panel.locator("input[name$='-label']").first.fill("coördinator")
    assert scale.count() == 3
    assert "coördinator" in panel.locator("tr[data-other]:visible").inner_text()

    panel.locator("form.plan-form button[type=submit]").click()
    page.wait_for_url(f"**/cases/{case_id}/meeting?view=ecomap&mode=family&done=plan_agreed")

    after = current_plan(store, case_id)
    assert after is not None and after.version == before.version + 1
    (added,) = [t for t in after.tasks if t.what == TASK]
    assert added.who == ["demo-katrien"] and added.checked_by == ["demo-ria"]
    scores = {s.person_id: s for s in after.safety_scale}
    today = date.today()
    assert (scores["demo-sofie"].score, scores["demo-sofie"].on) == (7, today)
    earlier = {s.person_id: s for s in before.safety_scale}
    for kept in ("demo-lina", "demo-youssef", "demo-ria", "demo-eline"):
        assert scores[kept] == earlier[kept]  # came or not: not scored again, kept as it was
    meetings = store.list_meetings(case_id)
    assert len(meetings) == 3
    meeting = meetings[-1]
    assert meeting.held_on == today and meeting.plan_version == after.version
    assert meeting.attended == ["demo-lina", "demo-sofie"]
    assert meeting.others == ["coördinator"]

    assert v.errors == []
    assert v.blocked == []
