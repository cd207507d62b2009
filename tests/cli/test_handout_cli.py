"""``tenhands handout``: the closure handout as a file, HTML or PDF, from the command line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from handout_builders import GRANDMA, GRANDMA_PHONE, HIDDEN, HIDDEN_PHONE
from handout_builders import seed_handout_case as seed
from typer.testing import CliRunner

from tenhands.cli.main import app
from tenhands.graph.model import AuditAction
from tenhands.graph.stores.sqlite import SqliteStore

runner = CliRunner()


@pytest.fixture
def store_file(cli_store: str) -> Iterator[Path]:
    """The command line's store, with the handout test case in it."""
    path = Path(cli_store.removeprefix("sqlite:///"))
    store = SqliteStore(path)
    store.init_schema()
    seed(store)
    store.close()
    yield path


def test_writes_the_page(store_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "blad.html"
    result = runner.invoke(app, ["handout", "ho-case", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote the closure handout of case 'ho-case' (nl, 6 persons)" in result.stdout
    assert GRANDMA not in result.output  # no names on the terminal (or in its logs)
    html = out.read_text(encoding="utf-8")
    assert "Wie er is voor Noor en Milan" in html and GRANDMA in html and GRANDMA_PHONE in html
    assert not [name for name in HIDDEN if name in html] and HIDDEN_PHONE not in html


def test_english_to_the_default_file(
    store_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["handout", "ho-case", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Who is there for Noor and Milan" in (tmp_path / "handout-ho-case.html").read_text()


def test_is_audited(store_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["handout", "ho-case", "--out", str(tmp_path / "h.html")])
    assert result.exit_code == 0, result.output
    store = SqliteStore(store_file)
    try:
        events = store.list_audit(entity_id="ho-case")
    finally:
        store.close()
    assert [(e.action, e.entity, e.case_id) for e in events] == [
        (AuditAction.export, "handout", "ho-case")
    ]
    assert events[0].actor.startswith("cli:")


@pytest.mark.browser
def test_writes_a_pdf(store_file: Path, tmp_path: Path, chromium_executable: str) -> None:
    out = tmp_path / "blad.pdf"
    result = runner.invoke(app, ["handout", "ho-case", "--pdf", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")


def test_pdf_without_chromium_says_so(
    store_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TENHANDS_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "blad.pdf"
    result = runner.invoke(app, ["handout", "ho-case", "--pdf", "--out", str(out)])
    assert result.exit_code == 1
    assert "The PDF handout needs Chromium" in result.output and not out.exists()


def test_unknown_case_and_bad_input(cli_store: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["handout", "ho-nobody", "--out", str(tmp_path / "x.html")])
    assert result.exit_code == 1 and "there is no case 'ho-nobody'" in result.output
    assert not (tmp_path / "x.html").exists()
    result = runner.invoke(app, ["handout", "ho-nobody", "--lang", "fr"])
    assert result.exit_code == 2 and "use nl or en" in result.output


def test_a_file_that_cannot_be_written_says_so(store_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["handout", "ho-case", "--out", str(tmp_path / "no" / "x.html")])
    assert result.exit_code == 1 and "cannot write" in result.output
