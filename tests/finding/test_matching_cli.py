"""The match and dedupe commands, through a small Typer app of their own."""

from __future__ import annotations

import csv
from pathlib import Path

import typer
from matching_helpers import Row, linked_sets
from typer.testing import CliRunner

from tenhands.cli.matching import dedupe_command, match_command

app = typer.Typer()
app.command("match")(match_command)
app.command("dedupe")(dedupe_command)
runner = CliRunner()
COLUMNS = ["id", "given_names", "surname", "birth_surname", "sex", "birth_date",
           "birth_place", "street", "house_number", "postcode", "city", "mother_name"]  # fmt: skip


def write(path: Path, rows: list[Row]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_match_writes_probable_pairs_with_reasons(tmp_path: Path) -> None:
    left, right, truth = linked_sets()
    out = tmp_path / "pairs.csv"
    result = runner.invoke(
        app,
        ["match", str(write(tmp_path / "l.csv", left)), str(write(tmp_path / "r.csv", right)),
         "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = read(out)
    assert list(rows[0])[:4] == ["left_id", "right_id", "probability", "match_weight"]
    assert {"surname_level", "surname_weight", "birth_date_level"} <= set(rows[0])
    assert {(r["left_id"], r["right_id"]) for r in rows} == truth
    assert all(float(r["probability"]) >= 0.5 for r in rows)


def test_dedupe_writes_a_cluster_per_record(tmp_path: Path) -> None:
    left, right, truth = linked_sets()
    out = tmp_path / "clusters.csv"
    result = runner.invoke(
        app, ["dedupe", str(write(tmp_path / "all.csv", left + right)), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = read(out)
    assert list(rows[0]) == ["id", "cluster_id"]
    cluster = {r["id"]: r["cluster_id"] for r in rows}
    assert len(cluster) == len(left) + len(right)
    assert all(cluster[a] == cluster[b] for a, b in truth)


def test_a_file_without_ids_is_refused_with_a_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name\nMaria\n", encoding="utf-8")
    result = runner.invoke(app, ["dedupe", str(bad), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 1
    assert "no 'id' column" in result.output
    missing = runner.invoke(app, ["dedupe", str(tmp_path / "nope.csv"), "--out", "o.csv"])
    assert missing.exit_code == 1
    assert "cannot read" in missing.output


def test_match_says_why_a_pair_was_kept_apart(tmp_path: Path) -> None:
    """Twins: one day, one mother, two given names; at threshold 0 the pair is written
    with its reason."""
    family = {"surname": "Maes", "sex": "F", "birth_date": "2015-03-14", "street": "Kerkstraat",
              "house_number": "12", "postcode": "9000", "city": "Gent",
              "mother_name": "Sofie Wouters"}  # fmt: skip
    left, right, _ = linked_sets()
    left = [*left, {**family, "id": "noor", "given_names": "Noor"}]
    right = [*right, {**family, "id": "lotte", "given_names": "Lotte"}]
    out = tmp_path / "pairs.csv"
    result = runner.invoke(
        app,
        ["match", str(write(tmp_path / "l.csv", left)), str(write(tmp_path / "r.csv", right)),
         "--out", str(out), "--threshold", "0"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = {(r["left_id"], r["right_id"]): r for r in read(out)}
    assert rows["noor", "lotte"]["kept_apart"] == "twins: another given name"
    assert float(rows["noor", "lotte"]["probability"]) < 1e-6
    assert {r["kept_apart"] for k, r in rows.items() if k[0] == k[1].replace("R", "L")} == {""}
