"""A candidate card read in a real browser (Debian's Chromium through Playwright): a
worker searches the demo case's records for kin and reads the card of the grandmother's
sister, found through the grandmother's own record, in Dutch and then in English: her
birth year, municipality, source and the relative that led there, the score as a word
beside the number, and no weights, codes, ids or untranslated words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_browser_helpers import Visit, demo_visit, launch

from tenhands.graph.stores.sqlite import SqliteStore

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator

pytestmark = pytest.mark.browser

IDS = re.compile(r"\b(?:demo-(?:rec-[a-z]+|[a-z]+)\b(?!-)|[mpr]-[0-9a-f]{6,}\b)")
ENGLISH = (
    "exact",
    "same year",
    "born ",
    "years after",
    "a relative's own record",
    "names a known relative",
    "same parents as",
    "learned from",
    "missing",
    "relative",
    "sister",
    "registry",
    "Why",
)
DUTCH = ("zus van", "Geboren", "Gemeente", "Waarom", "register)", "langs moederskant")


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    yield from launch(chromium_executable)


@pytest.fixture
def visit(browser: Browser, tmp_path: Path) -> Iterator[tuple[Visit, str, SqliteStore]]:
    with demo_visit(browser, tmp_path, "werker") as visited:
        yield visited


def _card(v: Visit, name: str) -> Locator:
    title = v.page.locator("h3", has_text=name)
    card = v.page.locator("article.candidate-kin").filter(has=title)
    assert card.count() == 1
    return card


def _facts(card: Locator) -> dict[str, str]:
    labels = card.locator(".card-facts dt").all_inner_texts()
    values = card.locator(".card-facts dd").all_inner_texts()
    return dict(zip(labels, values, strict=True))


def test_a_card_read_in_dutch_and_in_english(visit: tuple[Visit, str, SqliteStore]) -> None:
    v, case_id, _store = visit
    page = v.page
    v.go(f"/cases/{case_id}/review")
    page.click("form.search-form button")
    page.wait_for_url("**/review?done=searched")

    card = _card(v, "Annemie De Smet")
    head = card.locator("h3").inner_text()
    assert head == "Oudtante langs moederskant: Annemie De Smet"
    assert card.locator(".score .band").inner_text() == "waarschijnlijk"
    assert re.fullmatch(r"\d{2,3}\s?%", card.locator(".score .percent").inner_text())
    facts = _facts(card)
    assert "1964" in facts["Geboren"]
    assert facts["Gemeente"] == "Maldegem"
    assert facts["Bron"] == "demo-rijksregister-extract (register)"
    assert facts["Gevonden via"] == "dochter van Bomma Jeanne"
    assert facts["Voor het kind"] == "oudtante langs moederskant"
    reasons = card.locator(".card-reasons li").all_inner_texts()
    assert "Noemt dezelfde moeder: Jeanne Van Damme." in reasons
    assert any(r.startswith("Van zulke voorstellen bleek ") for r in reasons)
    text = card.inner_text()
    assert "bits" not in text.lower() and "gewicht" not in text.lower()
    assert card.locator("th, td").count() == 0  # no table of weights
    assert not IDS.search(text), IDS.search(text)
    for word in ENGLISH:
        assert word not in text, word
    main = page.inner_text("main")
    assert not IDS.search(main.replace(case_id, "")), IDS.search(main)
    assert all(word not in main for word in ENGLISH[:9])

    page.click("button[lang=en]")
    page.wait_for_function("document.documentElement.lang === 'en'")
    card = _card(v, "Annemie De Smet")
    assert card.locator("h3").inner_text() == "Great-aunt on the mother's side: Annemie De Smet"
    assert card.locator(".score .band").inner_text() == "probable"
    facts = _facts(card)
    assert "1964" in facts["Born"]
    assert facts["Municipality"] == "Maldegem"
    assert facts["Source"] == "demo-rijksregister-extract (registry)"
    assert facts["Found through"] == "daughter of Bomma Jeanne"
    assert facts["To the child"] == "great-aunt on the mother's side"
    text = card.inner_text()
    assert "Names the same mother: Jeanne Van Damme." in text
    assert "bits" not in text.lower() and not IDS.search(text)
    for word in DUTCH:
        assert word not in text, word
    assert v.errors == [] and v.blocked == []
