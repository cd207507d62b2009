"""The import commands on files that would make them work or hold without end: a sentence
and exit 1, never a traceback, and nothing stored (real SQLite stores)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner
from xlsx_builders import GOOD_ROWS, MAIN, sheet, workbook

from tenhands.cli import main as cli_main
from tenhands.cli import records as cli_records
from tenhands.cli.main import app
from tenhands.graph.stores.sqlite import SqliteStore

runner = CliRunner()

DTD_SHEET = (
    f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY a "lol">]><worksheet xmlns="{MAIN}">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row></sheetData>'
    "</worksheet>"
).encode()


def stored_records(cli_store: str) -> int:
    store = SqliteStore(Path(cli_store.removeprefix("sqlite:///")))
    store.init_schema()
    try:
        return len(store.list_records(limit=10))
    finally:
        store.close()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("lijst.xlsx", workbook(DTD_SHEET), "declares a DTD"),
        (
            "lijst.xlsx",
            workbook(
                sheet(GOOD_ROWS).replace(b"<sheetData>", b"<sheetData>" + b"<row/>" * 30_000_000),
                level=9,
            ),
            "unpacks to more than 160 MiB",
        ),  # fmt: skip
        (
            "lijst.jsonl",
            b'{"id": "r1"}\n' + b"[" * 100_000 + b"]" * 100_000 + b"\n",
            "row 2: not a JSON object (nested too deeply)",
        ),  # fmt: skip
        ("lijst.csv", b'id;naam\nr1;"' + b"x" * 200_000 + b'"\n', "longer than 131,072"),
        ("lijst.csv", b"id\n" + b"1\n" * 300_000, "more than 200,000 rows"),
    ],
)
def test_import_records_refuses_with_a_sentence(
    cli_store: str, tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    file = tmp_path / name
    file.write_bytes(data)
    started = time.monotonic()
    result = runner.invoke(app, ["import-records", str(file)])
    assert time.monotonic() - started < 60  # a guard against a hang, not a measure of speed
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert says in result.stderr
    assert f"tenhands: {name} has 1 problems; nothing was imported" in result.stderr
    assert stored_records(cli_store) == 0


def test_import_gedcom_refuses_a_level_of_thousands_of_digits(
    cli_store: str, tmp_path: Path
) -> None:
    file = tmp_path / "boom.ged"
    file.write_bytes(b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Jan /P/\n" + b"1" * 5000
                     + b" NOTE x\n0 TRLR\n")  # fmt: skip
    result = runner.invoke(app, ["import-gedcom", str(file)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "line 5 (@I1@): level number of 5,000 digits is too large" in result.stderr
    assert "tenhands: boom.ged has 1 problems; nothing was imported" in result.stderr


def test_import_json_refuses_deeply_nested_json(cli_store: str, tmp_path: Path) -> None:
    file = tmp_path / "case.json"
    file.write_bytes(b'{"format": "tenhands-case", "case": ' + b"[" * 100_000 + b"]" * 100_000
                     + b"}")  # fmt: skip
    result = runner.invoke(app, ["import-json", str(file)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "is not a TenHands case file" in result.stderr
    assert "recursion limit exceeded" in result.stderr
    assert json.loads(runner.invoke(app, ["cases", "--json"]).stdout) == []


def test_files_over_the_limit_are_refused_unread(
    cli_store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file (or a device that never ends) larger than the command takes is refused after
    reading one byte more than the limit."""
    monkeypatch.setattr(cli_main, "MAX_CASE_FILE_MIB", 1)
    monkeypatch.setattr(cli_records, "MAX_FILE_MIB", 1)
    big = tmp_path / "case.json"
    big.write_bytes(b" " * (2 * 1024 * 1024))
    for command, file in (("import-json", big), ("import-records", Path("/dev/zero"))):
        result = runner.invoke(app, [command, str(file)])
        assert result.exit_code == 1, result.output
        assert f"tenhands: {file} is larger than 1 MiB; split it into smaller files" in (
            result.stderr.replace("\n", "")
        )
