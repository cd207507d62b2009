"""``tenhands find`` keeps the kin index beside the store between runs, uses it while the
records stay as they were, builds it again when they change, and ``tenhands erase``
takes it off the disk when erased records were in it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tenhands.cli.main import app
from tenhands.finding.kin.saved import load_index
from tenhands.graph.model import Record, ReviewStatus
from tenhands.graph.stores.sqlite import SqliteStore

runner = CliRunner()


def kept(cli_store: str) -> Path:
    return Path(cli_store.removeprefix("sqlite:///") + ".kin-index.npz")


def opened(cli_store: str) -> SqliteStore:
    store = SqliteStore(cli_store.removeprefix("sqlite:///"))
    store.init_schema()
    return store


def test_find_keeps_the_index_and_follows_the_records(cli_store: str) -> None:
    assert runner.invoke(app, ["demo", "--no-serve"]).exit_code == 0
    assert runner.invoke(app, ["find", "demo-case", "--no-save"]).exit_code == 0
    index_file = kept(cli_store)
    store = opened(cli_store)
    try:
        first = load_index(index_file, store.records_revision())
        assert first is not None and "demo-rec-ria" in first.ids
        written = index_file.stat().st_mtime_ns

        assert runner.invoke(app, ["find", "demo-case", "--no-save"]).exit_code == 0
        assert index_file.stat().st_mtime_ns == written  # loaded, not built again

        store.add_records([Record(id="r-new", given_names="Nele", surname="Wouters")])
        assert runner.invoke(app, ["find", "demo-case", "--no-save"]).exit_code == 0
        again = load_index(index_file, store.records_revision())
        assert again is not None and "r-new" in again.ids
    finally:
        store.close()


def test_erase_takes_the_kept_index_off_the_disk(cli_store: str) -> None:
    assert runner.invoke(app, ["demo", "--no-serve"]).exit_code == 0
    assert runner.invoke(app, ["find", "demo-case"]).exit_code == 0
    assert kept(cli_store).is_file()
    store = opened(cli_store)
    try:
        match = next(c for c in store.list_candidates("demo-case") if c.record_id == "demo-rec-ria")
        store.save_candidate(match.model_copy(update={"status": ReviewStatus.accepted}))
    finally:
        store.close()

    result = runner.invoke(app, ["erase", match.person_id or "", "--yes"])
    assert result.exit_code == 0, result.output
    assert "1 records" in result.output
    assert not kept(cli_store).exists()
