"""Entering a family as a new worker would, in a real browser (Debian's Chromium through
Playwright) over the demo case: an uncle added without choosing the sex is asked for
it, a birth date in the future is refused at its field, a Belgian date is taken, and a
second person with the name of someone already in the case gets a warning and is
saved only when the worker says so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_browser_helpers import Visit, demo_visit, launch

from tenhands.graph.model import Sex
from tenhands.graph.stores.sqlite import SqliteStore

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

UNPROCESSABLE = (
    "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"
)


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    yield from launch(chromium_executable)


@pytest.fixture
def visit(browser: Browser, tmp_path: Path) -> Iterator[tuple[Visit, str, SqliteStore]]:
    with demo_visit(browser, tmp_path, "werker") as visited:
        yield visited


def _submit(page: Page) -> None:
    page.click("form.form button[type=submit]:not([name=confirm])")


def _added(page: Page, store: SqliteStore) -> str:
    page.wait_for_url("**/ties/new?from=*")
    assert "De persoon is toegevoegd" in page.inner_text("main")
    return page.url.split("from=", 1)[1].split("&", 1)[0]


def test_a_new_worker_enters_a_family_with_guardrails(
    visit: tuple[Visit, str, SqliteStore],
) -> None:
    v, case_id, store = visit
    page = v.page
    new = f"/cases/{case_id}/persons/new"
    count = store.count_persons()

    # an uncle, the sex left untouched: asked for, the field marked, nothing stored
    v.go(new)
    assert page.input_value("#f-sex") == ""
    page.fill("#f-given_names", "Jan")
    page.fill("#f-surname", "Zwartbles")
    _submit(page)
    assert page.is_visible(".error-summary")
    sex = page.locator("#f-sex")
    assert sex.get_attribute("aria-invalid") == "true"
    assert "Kies het geslacht" in page.inner_text("#f-sex-error")
    assert store.count_persons() == count
    page.select_option("#f-sex", "male")
    _submit(page)
    uncle = _added(page, store)
    assert store.get_person(uncle).sex is Sex.male

    # a birth date in the future: refused at its field; a Belgian date is taken
    v.go(new)
    page.fill("#f-given_names", "Mira")
    page.fill("#f-surname", "Zwartbles")
    page.select_option("#f-sex", "female")
    page.fill("#f-birth_date", f"14/03/{date.today().year + 2}")
    _submit(page)
    field = page.locator("#f-birth_date")
    assert field.get_attribute("aria-invalid") == "true"
    assert (
        page.inner_text("#f-birth_date-error")
        .strip()
        .endswith("De geboortedatum ligt in de toekomst.")
    )
    assert "Toch bewaren" not in page.inner_text("main")
    page.fill("#f-birth_date", "14/03/1975")
    _submit(page)
    aunt = _added(page, store)
    assert str(store.get_person(aunt).birth_date) == "1975-03-14"

    # the aunt again, with a typo: a warning names her, and "save anyway" saves
    v.go(new)
    page.fill("#f-given_names", "Mirra")
    page.fill("#f-surname", "Zwartbles")
    page.select_option("#f-sex", "female")
    _submit(page)
    summary = page.locator(".warning-summary")
    assert summary.is_visible()
    assert "Mira Zwartbles" in summary.inner_text()
    assert "in dit dossier" in summary.inner_text()
    given = page.locator("#f-given_names")
    assert "f-given_names-warning" in (given.get_attribute("aria-describedby") or "")
    assert store.count_persons() == count + 2
    page.click("button[name=confirm]")
    _added(page, store)
    assert store.count_persons() == count + 3

    # the browser notes each 422 answer in its console: expected, nothing else
    assert set(v.errors) <= {UNPROCESSABLE}
    assert v.blocked == []
