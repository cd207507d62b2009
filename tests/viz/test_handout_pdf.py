"""The closure handout as a PDF, printed by Debian's Chromium through Playwright: a real
A4 document whose text holds the listed people and not the hidden ones."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from handout_builders import GRANDMA, GRANDMA_PHONE, HIDDEN, HIDDEN_PHONE, TODAY
from handout_builders import seed_handout_case as seed
from pypdf import PdfReader

from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz.export import ChromiumNotFound, ExportError
from tenhands.viz.handout import build_handout, handout_pdf, render_handout_html

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
