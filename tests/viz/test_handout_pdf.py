"""The closure handout as a PDF, printed by Debian's Chromium through Playwright: a real,
tagged A4 document whose text holds the listed people and not the hidden ones; one
page for the demo network, and more pages, said so on the page, for a big one."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from handout_builders import GRANDMA, GRANDMA_PHONE, HIDDEN, HIDDEN_PHONE, TODAY
from handout_builders import seed_handout_case as seed
from handout_sizes import sized_handout
from pypdf import PdfReader

from tenhands.demo.seed import seed_demo
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz.export import ChromiumNotFound, ExportError
from tenhands.viz.handout import build_handout, handout_pdf, render_handout_html
from tenhands.viz.handout.fit import fits_one_page
from tenhands.viz.handout.words import helplines
from tenhands.viz.labels import display_name
from tenhands.viz.redaction import kept_away

A4_POINTS = (595.0, 842.0)


def _html(store: SqliteStore, lang: str) -> str:
    return render_handout_html(build_handout(store, seed(store), lang, today=TODAY))


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_real_pdf(chromium_executable: str, sqlite_store: SqliteStore, lang: str) -> None:
    data = handout_pdf(_html(sqlite_store, lang))
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    first = "Wie er is voor Noor en Milan" if lang == "nl" else "Who is there for Noor and Milan"
    assert first in text
    assert GRANDMA in text and GRANDMA_PHONE in text
    for name in HIDDEN:
        assert name not in text, name
    assert HIDDEN_PHONE not in text


def test_no_chromium_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TENHANDS_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ChromiumNotFound, match=r"^The PDF handout needs Chromium.*make browser"):
        handout_pdf("<p>x</p>")
    monkeypatch.setenv("TENHANDS_CHROMIUM", str(tmp_path / "nowhere"))
    with pytest.raises(ExportError, match="TENHANDS_CHROMIUM names"):
        handout_pdf("<p>x</p>")


def _pdf(html: str) -> PdfReader:
    return PdfReader(io.BytesIO(handout_pdf(html)))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_demo_is_one_tagged_page(
    chromium_executable: str, sqlite_store: SqliteStore, lang: str
) -> None:
    case_id = seed_demo(sqlite_store)
    away = [r.person_id for r in sqlite_store.list_roles(case_id) if kept_away(r)]
    away_names = {display_name(p) for p in sqlite_store.get_persons(away)}
    assert "Kevin" in away_names  # the ex-partner with a contact ban
    handout = build_handout(sqlite_store, case_id, lang)
    reader = _pdf(render_handout_html(handout))
    assert len(reader.pages) == 1
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == lang
    title = "Wie er is voor Lina en Adam" if lang == "nl" else "Who is there for Lina and Adam"
    assert reader.metadata is not None and reader.metadata.title == title
    text = _text(reader)
    for number, _ in helplines(lang):
        assert re.search(rf"^{number}\s", text, re.MULTILINE), number  # a line of its own
    assert "Oma Ria" in text
    for name in away_names:
        assert name not in text, name
    assert ("te groot" if lang == "nl" else "too big") not in text


@pytest.mark.browser
def test_the_estimate_and_the_printed_pages_agree(chromium_executable: str) -> None:
    """Whatever the estimate, the PDF says it is too big exactly when it runs over; and
    an estimate of "fits" is never wrong (it errs towards saying so)."""
    printed = {}
    for n in (8, 16, 18, 30):
        handout = sized_handout(n)
        reader = _pdf(render_handout_html(handout))
        printed[n] = len(reader.pages)
        assert ("te groot voor één blad" in _text(reader)) == (printed[n] > 1), n
        for i, page in enumerate(reader.pages):  # each page says which of how many it is
            assert f"{i + 1} / {printed[n]}" in page.extract_text(), (n, i)
        if fits_one_page(handout):
            assert printed[n] == 1, n
    assert printed[8] == 1 and printed[30] > 1


@pytest.mark.browser
@pytest.mark.parametrize("n", [14, 30])
def test_printed_text_is_never_under_10pt(chromium_executable: str, n: int) -> None:
    from browser_helpers import launched

    with launched(chromium_executable) as browser:
        page = browser.new_page()
        page.set_content(render_handout_html(sized_handout(n)))
        page.emulate_media(media="print")
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(e => [...e.childNodes].some(
                    c => c.nodeType === 3 && c.textContent.trim()))
                .filter(e => e.getClientRects().length)
                .map(e => parseFloat(getComputedStyle(e).fontSize))"""
        )
    assert sizes and min(sizes) >= 10 * 96 / 72 - 0.01
