"""The import-records command against a real SQLite store named by TENHANDS_STORE."""

from __future__ import annotations

from pathlib import Path

import typer
from records_helpers import HEADER, ROWS, csv_bytes
from typer.testing import CliRunner

from tenhands.cli.records import import_records_command
from tenhands.finding.records.importer import record_id
from tenhands.graph.stores.sqlite import SqliteStore

runner = CliRunner()


def records_app() -> typer.Typer:
    app = typer.Typer()
    app.command("import-records")(import_records_command)

    @app.command("noop")
    def noop() -> None:  # a second command, so Typer keeps the command names
        """Nothing."""

    return app


def stored(cli_store: str) -> SqliteStore:
    return SqliteStore(Path(cli_store.removeprefix("sqlite:///")))


def test_import_prints_counts(cli_store: str, tmp_path: Path) -> None:
    file = tmp_path / "register.csv"
    file.write_bytes(csv_bytes(encoding="cp1252", rows=ROWS[:3]))
    result = runner.invoke(records_app(), ["import-records", str(file)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "Imported 3 of 3 records from register.csv; 0 rows skipped, 0 problems."
    )
    store = stored(cli_store)
    try:
        assert store.get_record(record_id("register.csv", "2")).given_names == "Hélène"
    finally:
        store.close()


def test_a_mapping_from_the_command_line(cli_store: str, tmp_path: Path) -> None:
    file = tmp_path / "klas.csv"
    file.write_bytes(csv_bytes([["k1", "Lotte", "Maes"]], ["Leerling", "Kind", "Naam"]))
    result = runner.invoke(
        records_app(),
        ["import-records", str(file), "--map", "Leerling=id", "--map", "Kind=given_names"],
    )
    assert result.exit_code == 0, result.output
    store = stored(cli_store)
    try:
        lotte = store.get_record(record_id("klas.csv", "k1"))
        assert (lotte.given_names, lotte.surname) == ("Lotte", "Maes")
    finally:
        store.close()


def test_a_bad_mapping_is_a_sentence(cli_store: str, tmp_path: Path) -> None:
    file = tmp_path / "a.csv"
    file.write_bytes(csv_bytes())
    result = runner.invoke(records_app(), ["import-records", str(file), "--map", "Kind"])
    assert result.exit_code == 2
    assert "--map 'Kind' is not of the form 'Their header=column'" in result.stderr
    result = runner.invoke(records_app(), ["import-records", str(file), "--map", "Kind=kid"])
    assert result.exit_code == 2
    assert "'kid', which is not a column" in result.stderr


def test_many_problems_are_cut_and_nothing_is_imported(cli_store: str, tmp_path: Path) -> None:
    rows = [[str(n), "Jos", "Peeters", "", "m", "1970-99", "Lier"] for n in range(25)]
    file = tmp_path / "slecht.csv"
    file.write_bytes(csv_bytes(rows))
    result = runner.invoke(records_app(), ["import-records", str(file)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("  row 2, column 'birth_date': birth_date: not a date")
    assert lines[20] == "  … and 5 more"
    assert lines[-1] == (
        "tenhands: slecht.csv has 25 problems; nothing was imported "
        "(fix them, or use --skip-bad-rows to import the good rows)"
    )
    assert "Peeters" not in result.output
    store = stored(cli_store)
    try:
        assert store.list_records() == []
    finally:
        store.close()


def test_skip_bad_rows_on_the_command_line(cli_store: str, tmp_path: Path) -> None:
    rows = [*ROWS, ["7", "Jef", "Janssens", "", "m", "32/01/1950", "Mol"]]
    file = tmp_path / "lijst.csv"
    file.write_bytes(csv_bytes(rows, HEADER, delimiter=","))
    result = runner.invoke(records_app(), ["import-records", str(file), "--skip-bad-rows"])
    assert result.exit_code == 0, result.output
    assert "Imported 6 of 7 records from lijst.csv; 1 row skipped, 1 problem." in result.stdout
    assert "  row 8, column 'birth_date'" in result.stdout


def test_missing_file_and_unknown_case(cli_store: str, tmp_path: Path) -> None:
    result = runner.invoke(records_app(), ["import-records", str(tmp_path / "nope.csv")])
    assert result.exit_code == 1
    assert "cannot read" in result.stderr
    file = tmp_path / "a.csv"
    file.write_bytes(csv_bytes())
    result = runner.invoke(records_app(), ["import-records", str(file), "--case", "c-x"])
    assert result.exit_code == 1
    assert "no case with id 'c-x'" in result.stderr
