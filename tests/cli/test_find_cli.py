"""``tenhands find``: ranked kin with reasons, into the review queue, on the demo."""

from __future__ import annotations

import json
import re

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
    card = kin["demo-rec-annemie"]["card"]
    assert card["title"] == "Great-aunt on the mother's side: Annemie De Smet"
    assert {"label": "Municipality", "value": "Maldegem"} in card["facts"]
    assert kin["demo-rec-thomas"]["words"] == "first cousin once removed on the mother's side"
    matched = {m["record_id"]: m["person_id"] for m in data["matches"]}
    assert matched["demo-rec-ria"] == "demo-ria"
    assert "demo-rec-jan" not in kin  # a stranger with common names
    assert data["saved"]["added"] == len(data["kin"]) + len(data["matches"])
    again = json.loads(runner.invoke(app, ["find", "demo-case", "--json"]).output)
    assert again["saved"]["added"] == 0


def test_find_in_words_prints_the_card(cli_store: str) -> None:
    runner.invoke(app, ["demo", "--no-serve"])
    result = runner.invoke(app, ["find", "demo-case", "--no-save"])
    assert result.exit_code == 0
    out = result.output
    annemie = out[out.index("Oudtante langs moederskant: Annemie De Smet") :]
    annemie = annemie[: annemie.index("\n  2. ")]
    # the score as its track record says such proposals turned out, in its word band
    score = re.search(r"— waarschijnlijk \((\d+)%\)", annemie.splitlines()[0])
    assert score is not None and 60 <= int(score.group(1)) < 90
    assert "Van zulke voorstellen bleek " in annemie
    for line in (
        "Geboren: 19 februari 1964",
        "Gemeente: Maldegem",
        "Bron: demo-rijksregister-extract (register)",
        "Gevonden via: dochter van Bomma Jeanne",
        "Voor het kind: oudtante langs moederskant",
        "+ Noemt dezelfde moeder: Jeanne Van Damme.",
    ):
        assert line in annemie
    for unsaid in ("mother_name", "bits", "demo-rec", "demo-ria", "same_parents", "maternal_"):
        assert unsaid not in out
    assert "Te beoordelen" not in out  # nothing saved


def test_review_prints_the_queue_as_the_page_shows_it(cli_store: str) -> None:
    from tenhands.cli.context import opened_store
    from tenhands.finding.review import review_queue
    from tenhands.web.review import items

    runner.invoke(app, ["demo", "--no-serve"])
    assert runner.invoke(app, ["find", "demo-case"]).exit_code == 0
    result = runner.invoke(app, ["review", "demo-case", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert re.search(
        r"Great-aunt on the mother's side: Annemie De Smet — probable \(\d\d%\)", result.output
    )
    assert "Of such proposals, " in result.output
    assert "Found through: daughter of Bomma Jeanne" in result.output
    with opened_store() as store:
        page = items(store, "demo-case", review_queue(store, "demo-case"), "en")
    assert page, "the queue is not empty"
    for item in page:  # the page's card, line by line, is what the command printed
        for line in item.card.lines():
            assert line in result.output
    assert runner.invoke(app, ["review", "c-nobody"]).exit_code == 1
    assert runner.invoke(app, ["review", "demo-case", "--lang", "fr"]).exit_code == 2


def test_find_for_an_unknown_case_says_so(cli_store: str) -> None:
    result = runner.invoke(app, ["find", "c-nobody"])
    assert result.exit_code == 1
    assert "no case 'c-nobody'" in result.output


def test_find_refuses_an_unknown_language(cli_store: str) -> None:
    result = runner.invoke(app, ["find", "demo-case", "--lang", "de"])
    assert result.exit_code == 2
    assert "unknown language" in result.output
