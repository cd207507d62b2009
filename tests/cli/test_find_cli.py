"""``tenhands find``: ranked kin with reasons, into the review queue, on the demo."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tenhands.cli.main import app

runner = CliRunner()


def test_find_on_the_demo_ranks_kin_and_fills_the_queue(cli_store: str) -> None:
    assert runner.invoke(app, ["demo", "--no-serve"]).exit_code == 0
    result = runner.invoke(app, ["find", "demo-case", "--json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    kin = {k["record_id"]: k for k in data["kin"]}
    assert kin["demo-rec-annemie"]["relation_to_child"] == "maternal_great_aunt"
    assert kin["demo-rec-thomas"]["words"] == "first cousin once removed on the mother's side"
    matched = {m["record_id"]: m["person_id"] for m in data["matches"]}
    assert matched["demo-rec-ria"] == "demo-ria"
    assert "demo-rec-jan" not in kin  # a stranger with common names
    assert data["saved"]["added"] == len(data["kin"]) + len(data["matches"])
    again = json.loads(runner.invoke(app, ["find", "demo-case", "--json"]).output)
    assert again["saved"]["added"] == 0


def test_find_in_words_shows_reasons(cli_store: str) -> None:
    runner.invoke(app, ["demo", "--no-serve"])
    result = runner.invoke(app, ["find", "demo-case", "--no-save"])
    assert result.exit_code == 0
    assert "oudtante langs moederskant" in result.output
    assert "mother_name surname" in result.output
    assert "Review queue" not in result.output


def test_find_for_an_unknown_case_says_so(cli_store: str) -> None:
    result = runner.invoke(app, ["find", "c-nobody"])
    assert result.exit_code == 1
    assert "no case 'c-nobody'" in result.output


def test_find_refuses_an_unknown_language(cli_store: str) -> None:
    result = runner.invoke(app, ["find", "demo-case", "--lang", "de"])
    assert result.exit_code == 2
    assert "unknown language" in result.output
