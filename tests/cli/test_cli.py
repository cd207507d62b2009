"""The command line, run as a user would, against real SQLite stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tenhands.cli.main import app
from tenhands.graph.bundle import CaseBundle
from tenhands.settings import get_settings

runner = CliRunner()


def use_store(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("TENHANDS_STORE", url)
    get_settings.cache_clear()


def test_cases_on_an_empty_store(cli_store: str) -> None:
    result = runner.invoke(app, ["cases", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


def test_demo_seeds_and_lists_the_case(cli_store: str) -> None:
    result = runner.invoke(app, ["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8000/cases/demo-case/network" in result.stdout
    listed = json.loads(runner.invoke(app, ["cases", "--json"]).stdout)
    assert [c["id"] for c in listed] == ["demo-case"]
    assert len(listed[0]["children"]) == 2
    again = runner.invoke(app, ["demo", "--no-serve"])
    assert again.exit_code == 0
    assert len(json.loads(runner.invoke(app, ["cases", "--json"]).stdout)) == 1


def test_export_then_import_into_an_empty_store_is_unchanged(
    cli_store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["demo", "--no-serve"]).exit_code == 0
    first = tmp_path / "case.json"
    result = runner.invoke(app, ["export-json", "--case", "demo-case", "--out", str(first)])
    assert result.exit_code == 0, result.output
    use_store(monkeypatch, f"sqlite:///{tmp_path / 'other.db'}")
    result = runner.invoke(app, ["import-json", str(first)])
    assert result.exit_code == 0, result.output
    second = tmp_path / "again.json"
    assert (
        runner.invoke(app, ["export-json", "--case", "demo-case", "--out", str(second)]).exit_code
        == 0
    )
    a = CaseBundle.model_validate_json(first.read_text(encoding="utf-8"))
    b = CaseBundle.model_validate_json(second.read_text(encoding="utf-8"))
    assert a.same_content(b)
    assert len(a.persons) > 20
    result = runner.invoke(app, ["import-json", str(first)])
    assert result.exit_code == 1
    assert "exists already" in result.stderr


def test_bad_input_gets_a_sentence_and_a_nonzero_exit(cli_store: str, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["export-json", "--case", "c-none", "--out", str(tmp_path / "x")])
    assert missing.exit_code == 1
    assert "no case with id 'c-none'" in missing.stderr
    assert not (tmp_path / "x").exists()

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "tenhands-case", "case": {"title": 3}}', encoding="utf-8")
    result = runner.invoke(app, ["import-json", str(broken)])
    assert result.exit_code == 1
    assert "is not a TenHands case file" in result.stderr

    result = runner.invoke(app, ["import-json", str(tmp_path / "nothing.json")])
    assert result.exit_code == 1
    assert "cannot read" in result.stderr
    assert json.loads(runner.invoke(app, ["cases", "--json"]).stdout) == []


def test_unknown_store_kind_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    use_store(monkeypatch, "postgres://localhost/x")
    result = runner.invoke(app, ["cases"])
    assert result.exit_code == 2
    assert "unknown store" in result.stderr
    get_settings.cache_clear()
