"""Files with person data are for their owner only: the SQLite store with its -wal and
-shm files, and every file the command line writes (exports, GEDCOM, maps, handouts,
``match`` and ``dedupe`` output) are 0600, whatever the umask; folders TenHands makes
for them are 0700. Checked by ``stat`` after each write."""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from handout_builders import CASE_ID, seed_handout_case
from typer.testing import CliRunner

from tenhands.cli.main import app as cli
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz.export import html_to_png

runner = CliRunner()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """A umask that lets everyone read (022, the usual one), so 0600 is TenHands' doing."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def seeded(cli_store: str) -> Path:
    """The command line's store with a case in it."""
    path = Path(cli_store.removeprefix("sqlite:///"))
    store = SqliteStore(path)
    store.init_schema()
    seed_handout_case(store)
    store.close()
    return path


def test_the_store_and_its_companions_are_0600_in_0700_folders(tmp_path: Path) -> None:
    path = tmp_path / "nieuw" / "diep" / "tenhands.db"
    store = SqliteStore(path)
    store.init_schema()
    try:
        from builders import person

        store.create_person(person("p1", "Anna", "Peeters"))
        companions = [path.with_name(path.name + s) for s in ("", "-wal", "-shm")]
        assert all(p.exists() for p in companions)
        assert {p.name: mode(p) for p in companions} == {p.name: 0o600 for p in companions}
        assert mode(tmp_path / "nieuw") == 0o700 and mode(path.parent) == 0o700
    finally:
        store.close()


def test_a_store_left_readable_by_an_earlier_version_is_closed_off(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    SqliteStore(path).init_schema()
    os.chmod(path, 0o644)
    os.chmod(tmp_path, 0o755)
    store = SqliteStore(path)
    store.init_schema()
    try:
        assert mode(path) == 0o600
        assert mode(tmp_path) == 0o755  # a folder the user made is theirs to decide
    finally:
        store.close()


def _run(*args: str) -> None:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output


def test_every_file_the_command_line_writes_is_0600(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    out.mkdir(mode=0o755)
    store = SqliteStore(seeded)
    person_id = store.list_roles(CASE_ID)[0].person_id
    store.close()
    written = {
        "case.json": ["export-json", "--case", CASE_ID, "--out"],
        "person.json": ["export-person", person_id, "--out"],
        "case.ged": ["export-gedcom", "--case", CASE_ID],
        "map.html": ["map", CASE_ID, "--out"],
        "handout.html": ["handout", CASE_ID, "--out"],
    }
    for name, command in written.items():
        target = out / name
        target.write_text("eerder, leesbaar voor iedereen")  # an older file, 0644
        assert mode(target) == 0o644
        if command[0] == "export-gedcom":
            _run(command[0], str(target), *command[1:])
        else:
            _run(*command, str(target))
        assert mode(target) == 0o600, name
        assert "eerder" not in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == sorted(written)  # no leftovers


def test_match_and_dedupe_write_0600(tmp_path: Path) -> None:
    source = tmp_path / "mensen.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "given_names", "surname", "birth_date"])
        writer.writerow(["a", "Marie", "Peeters", "1980-03-04"])
        writer.writerow(["b", "Marie", "Peeters", "1980-03-04"])
        writer.writerow(["c", "Jan", "Janssens", "1961-01-02"])
    _run("match", str(source), str(source), "--out", str(tmp_path / "paren.csv"))
    _run("dedupe", str(source), "--out", str(tmp_path / "clusters.csv"))
    assert mode(tmp_path / "paren.csv") == 0o600 and mode(tmp_path / "clusters.csv") == 0o600


def test_a_file_that_cannot_be_written_leaves_nothing_behind(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    (out / "bezet.json").mkdir(parents=True)  # a folder where the file should go
    result = runner.invoke(
        cli, ["export-json", "--case", CASE_ID, "--out", str(out / "bezet.json")]
    )
    assert result.exit_code == 1 and "cannot write" in result.output
    assert [p.name for p in out.iterdir()] == ["bezet.json"]  # no temporary file left
    assert list((out / "bezet.json").iterdir()) == []


@pytest.mark.browser
def test_the_map_png_and_handout_pdf_are_0600(
    seeded: Path, tmp_path: Path, chromium_executable: str
) -> None:
    png, pdf = tmp_path / "kaart.png", tmp_path / "blad.pdf"
    _run("map", CASE_ID, "--out", str(tmp_path / "kaart.html"), "--png", str(png))
    _run("handout", CASE_ID, "--pdf", "--out", str(pdf))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and pdf.read_bytes()[:5] == b"%PDF-"
    assert mode(png) == 0o600 and mode(pdf) == 0o600


@pytest.mark.browser
def test_a_png_into_a_new_folder_makes_it_0700(tmp_path: Path, chromium_executable: str) -> None:
    out = html_to_png("<p>kaart</p>", tmp_path / "nieuw" / "kaart.png", width=200, height=100)
    assert mode(out) == 0o600 and mode(tmp_path / "nieuw") == 0o700
