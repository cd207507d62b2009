"""Entering and reading a family in a real browser (Debian's Chromium through Playwright)
over the demo case: a wrong tie is removed and put back with undo, a person added as
"tante via moeder" is shown as tante on the mother's side, and the people list is
searched and filtered; no console errors, and no request leaves 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_browser_helpers import Visit, demo_visit, launch

from tenhands.graph.errors import NotFound
from tenhands.graph.stores.sqlite import SqliteStore

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    yield from launch(chromium_executable)


@pytest.fixture
def visit(browser: Browser, tmp_path: Path) -> Iterator[tuple[Visit, str, SqliteStore]]:
    with demo_visit(browser, tmp_path, "werker") as visited:
        yield visited


def _case_ties(store: SqliteStore, case_id: str) -> set[str]:
    return {t.id for _, _, t in store.case_subgraph(case_id).edges(data="tie")}


def test_a_wrong_tie_is_removed_and_put_back_with_undo(
    visit: tuple[Visit, str, SqliteStore],
) -> None:
    v, case_id, store = visit
    page = v.page
    v.go(f"/cases/{case_id}#ties")
    before = _case_ties(store, case_id)
    row = page.locator("table.ties tbody tr").first
    action = row.locator("form").get_attribute("action") or ""
    tie_id = action.split("/ties/")[1].split("/")[0]
    stored = store.get_tie(tie_id)
    row.get_by_role("button").click()
    page.wait_for_url(f"{v.base}/cases/{case_id}?done=removed#ties")
    with pytest.raises(NotFound):
        store.get_tie(tie_id)
    banner = page.locator("#undo-banner")
    assert "Verwijderd." in banner.inner_text()
    banner.get_by_role("button", name="Ongedaan maken").click()
    page.wait_for_url(f"{v.base}/cases/{case_id}?done=restored#people")
    assert "alles wat verwijderd was, is terug" in page.inner_text("main")
    assert store.get_tie(tie_id) == stored
    assert _case_ties(store, case_id) == before
    assert v.errors == [] and v.blocked == []


def test_an_aunt_through_the_mother_is_shown_as_tante_on_the_mothers_side(
    visit: tuple[Visit, str, SqliteStore],
) -> None:
    v, case_id, store = visit
    page = v.page
    v.go(f"/cases/{case_id}/persons/new")
    page.fill("#f-given_names", "Hilde")
    page.fill("#f-surname", "Claes")
    page.select_option("#f-sex", "female")
    page.select_option("#f-relation", "aunt_uncle")
    mother = page.locator("#f-via option", has_text="(moeder)").first
    page.select_option("#f-via", mother.get_attribute("value") or "")
    page.click("form#f-form button[type=submit]")
    page.wait_for_url(f"{v.base}/cases/{case_id}?done=person_placed#person-*")
    person_id = page.url.split("#person-")[1]
    row = page.locator(f"#person-{person_id}")
    assert "tante" in row.inner_text()
    assert "moederskant" in row.locator(".side").inner_text()
    assert row.locator("a").first.inner_text() == "Hilde Claes"
    assert store.get_role(case_id, person_id).person_id == person_id
    assert v.errors == [] and v.blocked == []


def test_the_people_list_is_searched_and_filtered(
    visit: tuple[Visit, str, SqliteStore],
) -> None:
    v, case_id, store = visit
    page = v.page
    v.go(f"/cases/{case_id}")
    rows = page.locator("table.people tbody tr")
    everyone = rows.count()
    assert everyone > 20

    page.select_option("#people-group", "informal")
    page.click("form.people-filter button[type=submit]")
    page.wait_for_url(f"{v.base}/cases/{case_id}?*group=informal*")
    informal = rows.count()
    assert 0 < informal < everyone
    assert all(
        "informeel" in rows.nth(i).locator(".side").inner_text().casefold() for i in range(informal)
    )
    assert f"{informal} van {everyone} personen getoond" in page.inner_text("#people-count")

    page.select_option("#people-group", "")
    page.fill("#people-q", "sofie")
    page.click("form.people-filter button[type=submit]")
    page.wait_for_url(f"{v.base}/cases/{case_id}?*q=sofie*")
    assert rows.count() >= 1
    first = rows.first.locator("a").first
    assert "Sofie" in first.inner_text()
    first.click()
    page.wait_for_url(f"{v.base}/cases/{case_id}/persons/*/edit")
    assert "Sofie" in page.inner_text("h1")

    v.go(f"/cases/{case_id}?side=maternal")
    maternal = rows.count()
    assert 0 < maternal < everyone
    page.click("text=Toon iedereen")
    page.wait_for_url(f"{v.base}/cases/{case_id}?view=ecomap#people")
    assert rows.count() == everyone
    assert v.errors == [] and v.blocked == []
