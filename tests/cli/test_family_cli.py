"""Family trees and relationships on the command line, against a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tenhands.cli.main import app

runner = CliRunner()


def test_import_the_public_sample_then_ask_relations_by_xref(
    cli_store: str, gedcom_sample: Path
) -> None:
    result = runner.invoke(app, ["import-gedcom", str(gedcom_sample)])
    assert result.exit_code == 0, result.output
    assert "Imported 43 persons" in result.stdout

    result = runner.invoke(app, ["relation", "@I18@", "@I07@", "--json"])
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)
    assert facts["related"] is True
    assert (facts["en"], facts["nl"], facts["side"]) == ("grandfather", "grootvader", "paternal")

    words = runner.invoke(app, ["relation", "I07", "I18", "--lang", "en"])
    assert words.exit_code == 0
    assert words.stdout.startswith("grandson")


def test_unrelated_persons_say_so_and_exit_zero(cli_store: str, gedcom_sample: Path) -> None:
    assert runner.invoke(app, ["demo", "--no-serve"]).exit_code == 0
    assert runner.invoke(app, ["import-gedcom", str(gedcom_sample)]).exit_code == 0
    result = runner.invoke(app, ["relation", "demo-lina", "@I07@", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"related": False}
    result = runner.invoke(app, ["relation", "demo-lina", "demo-ria"])
    assert result.exit_code == 0
    assert "grootmoeder" in result.stdout and "maternal" in result.stdout


def test_unknown_person_is_a_sentence_and_exit_one(cli_store: str) -> None:
    result = runner.invoke(app, ["relation", "nobody", "@I99@"])
    assert result.exit_code == 1
    assert "no person with id or GEDCOM reference 'nobody'" in result.stderr


def test_a_broken_file_imports_nothing(cli_store: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ged"
    broken.write_text(
        "0 HEAD\n1 CHAR UTF-8\n1 GEDC\n2 VERS 5.5.1\n"
        "0 @I1@ INDI\n1 NAME Jan /Peeters/\n1 FAMC @F9@\n"
        "0 @I2@ INDI\n1 NAME Mia /Peeters/\n0 TRLR\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import-gedcom", str(broken)])
    assert result.exit_code == 1
    assert "@F9@" in result.stderr and "nothing was imported" in result.stderr
    listed = runner.invoke(app, ["relation", "@I2@", "@I1@"])
    assert listed.exit_code == 1  # neither person was stored

    kept = runner.invoke(app, ["import-gedcom", str(broken), "--keep-valid"])
    assert kept.exit_code == 0, kept.output
    assert "Imported 2 persons" in kept.stdout


def test_export_a_case_and_hide_the_living(cli_store: str, tmp_path: Path) -> None:
    assert runner.invoke(app, ["demo", "--no-serve"]).exit_code == 0
    out = tmp_path / "demo.ged"
    result = runner.invoke(app, ["export-gedcom", str(out), "--case", "demo-case"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("0 HEAD") and text.rstrip().endswith("0 TRLR")
    assert "Vermeulen" in text and "2017" in text
    hidden = tmp_path / "hidden.ged"
    result = runner.invoke(
        app, ["export-gedcom", str(hidden), "--case", "demo-case", "--hide-living"]
    )
    assert result.exit_code == 0
    private = hidden.read_text(encoding="utf-8")
    assert "2017" not in private  # Lina's birth year
    assert "Marc" in private  # the deceased grandfather stays
    missing = runner.invoke(app, ["export-gedcom", str(tmp_path / "x.ged"), "--case", "c-none"])
    assert missing.exit_code == 1
    assert not (tmp_path / "x.ged").exists()


def test_a_person_is_added_as_what_they_are_to_the_child(cli_store: str) -> None:
    assert runner.invoke(app, ["demo", "--no-serve"]).exit_code == 0
    result = runner.invoke(
        app,
        ["add-person", "demo-case", "--given", "Hilde", "--sex", "female"]
        + ["--relation", "aunt_uncle", "--child", "demo-lina", "--via", "demo-sofie"],
    )
    assert result.exit_code == 0, result.output
    person_id = result.stdout.split()[1]
    said = runner.invoke(app, ["relation", "demo-lina", person_id])
    assert said.exit_code == 0 and "tante" in said.stdout and "maternal" in said.stdout
    refused = runner.invoke(
        app, ["add-person", "demo-case", "--given", "Jef", "--relation", "grandparent"]
    )
    assert refused.exit_code == 1
    assert "through a parent" in refused.output
