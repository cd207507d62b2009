"""What only the embedded store promises: one file, WAL, foreign keys, migrations, crashes."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from builders import case, person, tie
from legacy_helpers import check_schema_3, seed_schema_2

from tenhands.graph.errors import InvalidInput, StoreUnavailable
from tenhands.graph.model import (
    AuditAction,
    AuditEvent,
    Provenance,
    Record,
    SourceKind,
    SourceRef,
)
from tenhands.graph.stores import open_store
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.graph.stores.sqlite.schema import MIGRATIONS, SCHEMA_VERSION
from tenhands.graph.stores.sqlite.store import records_query


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def test_one_file_in_wal_mode_with_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "t.db"
    store = SqliteStore(path)
    assert not path.exists()  # opening does nothing until the schema is initialised
    store.init_schema()
    store.create_person(person("p-1"))
    store.close()
    with raw(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        assert int(version[0]) == SCHEMA_VERSION


def test_data_survives_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    first = SqliteStore(path)
    first.init_schema()
    first.upsert_persons([person("p-1", "Ria"), person("p-2", "Jef")])
    first.create_tie(tie("t-1", "p-1", "p-2", "sibling"))
    first.close()
    second = SqliteStore(path)
    second.init_schema()
    assert [t.id for t in second.ties_of("p-1")] == ["t-1"]
    assert second.get_person("p-1").given_names == ["Ria"]
    second.close()


def test_foreign_keys_are_enforced_below_the_store(
    sqlite_store: SqliteStore, tmp_path: Path
) -> None:
    sqlite_store.create_person(person("p-1"))
    conn = sqlite_store._write_conn()
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO ties (id, source_id, target_id, kind, data) "
            "VALUES ('x', 'p-1', 'nope', 'friend', '{}')"
        )


def test_migration_from_schema_1_keeps_data_and_fills_new_keys(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    with raw(path) as conn:
        for statement in MIGRATIONS[0].split(";\n"):
            if statement.strip():
                conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        source = SourceRef(kind=SourceKind.gedcom, name="oud.ged", ref="@I1@")
        old = person("p-old", provenance=Provenance(source=source))
        conn.execute(
            "INSERT INTO persons (id, surname, data) VALUES (?, ?, ?)",
            (old.id, old.surname, old.model_dump_json()),
        )
    store = SqliteStore(path)
    store.init_schema()
    assert store.schema_version == SCHEMA_VERSION
    assert store.get_person("p-old") == old
    assert [p.id for p in store.find_persons_by_source("@I1@", name="oud.ged")] == ["p-old"]
    store.close()


def test_migration_from_schema_2_adds_change_sets_and_moves_undo_logs(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    store = SqliteStore(path)
    store.init_schema()
    seed_schema_2(store)
    store.close()
    with raw(path) as conn:  # the same file as schema 2 had it
        conn.executescript(
            "DROP TABLE positions; DROP TABLE links; DROP TABLE meetings; DROP TABLE feedback;"
            "DROP TABLE change_sets; DROP TABLE tokens; DROP TABLE user_cases; DROP TABLE users;"
            "DROP INDEX audit_entity; DROP INDEX audit_actor;"
            "ALTER TABLE audit DROP COLUMN entity_id; ALTER TABLE audit DROP COLUMN action;"
            "DROP INDEX records_source; ALTER TABLE records DROP COLUMN source_name;"
        )
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    store = SqliteStore(path)
    store.init_schema()
    assert store.schema_version == SCHEMA_VERSION
    check_schema_3(store)
    store.init_schema()  # a second run changes nothing
    check_schema_3(store)
    store.close()
    with raw(path) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(change_sets)")]
    assert columns[:3] == ["id", "subject_id", "case_id"]


def _record(rid: str, source: str, case_id: str | None = None) -> Record:
    ref = SourceRef(kind=SourceKind.school_list, name=source)
    return Record(id=rid, case_id=case_id, provenance=Provenance(source=ref))


def test_migration_from_schema_8_fills_the_records_source_names(tmp_path: Path) -> None:
    path = tmp_path / "v8.db"
    store = SqliteStore(path)
    store.init_schema()
    store.close()
    with raw(path) as conn:  # the records table as schema 8 had it
        conn.executescript(
            "DROP INDEX records_source; ALTER TABLE records DROP COLUMN source_name;"
        )
        conn.executemany(
            "INSERT INTO records (id, case_id, data) VALUES (?, NULL, ?)",
            [
                (r.id, r.model_dump_json())
                for r in (_record("r-1", "a.csv"), _record("r-2", "b.csv"))
            ],
        )
        conn.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    store = SqliteStore(path)
    store.init_schema()
    assert store.schema_version == SCHEMA_VERSION == 9
    assert [r.id for r in store.list_records(source="b.csv")] == ["r-2"]
    store.close()


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        (["source"], "records_source (source_name=?)"),
        (["source", "after"], "records_source (source_name=? AND id>?)"),
        (["case_id"], "records_case (case_id=?)"),
    ],
)
def test_records_are_listed_by_an_index(tmp_path: Path, filters: list[str], index: str) -> None:
    path = tmp_path / "t.db"
    store = SqliteStore(path)
    store.init_schema()
    store.add_records([_record(f"r-{i:03d}", f"s-{i % 7}.csv") for i in range(70)])
    assert len(store.list_records(source="s-3.csv")) == 10
    store.close()
    params = {"source": "s-3.csv", "case_id": "c-1", "after": "r-010", "limit": 5, "offset": 0}
    with raw(path) as conn:
        plan = " | ".join(
            str(row[3])
            for row in conn.execute(f"EXPLAIN QUERY PLAN {records_query(filters)}", params)
        )
    assert f"USING INDEX {index}" in plan


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    store = SqliteStore(path)
    store.init_schema()
    store.close()
    with raw(path) as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),)
        )
    newer = SqliteStore(path)
    with pytest.raises(InvalidInput, match="newer"):
        newer.init_schema()
    newer.close()


def test_the_audit_log_cannot_be_changed_even_in_sql(sqlite_store: SqliteStore) -> None:
    sqlite_store.append_audit(
        AuditEvent(id="a-1", actor="worker", action=AuditAction.read, entity="person")
    )
    conn = sqlite_store._write_conn()
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit SET actor = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit")
    assert sqlite_store.list_audit()[0].actor == "worker"


def test_reads_from_many_threads_see_committed_writes(sqlite_store: SqliteStore) -> None:
    sqlite_store.upsert_persons([person(f"p-{i}") for i in range(50)])
    sqlite_store.create_case(case("c-1", "p-0"))
    errors: list[BaseException] = []
    counts: list[int] = []

    def reader() -> None:
        try:
            for _ in range(20):
                counts.append(sqlite_store.count_persons())
                sqlite_store.case_subgraph("c-1")
        except BaseException as exc:  # noqa: BLE001 - collected and re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    sqlite_store.upsert_persons([person(f"q-{i}") for i in range(50)])
    for t in threads:
        t.join()
    assert not errors
    assert set(counts) <= {50, 100}
    assert sqlite_store.count_persons() == 100


def test_closed_store_says_so(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "t.db")
    store.init_schema()
    store.close()
    assert not store.ping()
    with pytest.raises(StoreUnavailable):
        store.get_person("p-1")


def test_memory_store_and_url_parsing(tmp_path: Path) -> None:
    mem = open_store("sqlite:///:memory:")
    mem.init_schema()
    mem.create_person(person("p-1"))
    assert mem.get_person("p-1").id == "p-1"
    mem.close()
    on_disk = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    assert on_disk.describe().endswith("x.db")
    with pytest.raises(InvalidInput):
        open_store("sqlite://")
    with pytest.raises(InvalidInput, match="unknown store"):
        open_store("mysql://localhost/db")


CRASHER = textwrap.dedent(
    """
    import os, sys
    from tenhands.graph.model import Person
    from tenhands.graph.stores.sqlite import SqliteStore
    store = SqliteStore(sys.argv[1])
    store.init_schema()
    store.upsert_persons([Person(id="kept", given_names=["Blijft"])])
    print("committed", flush=True)
    batch = [Person(id=f"b-{i:06d}", given_names=["Naam"]) for i in range(100_000)]
    print("writing", flush=True)
    store.upsert_persons(batch, batch_size=1_000)
    print("done", flush=True)
    """
)


def test_a_crash_in_the_middle_of_a_batch_leaves_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASHER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "committed"
    assert proc.stdout.readline().strip() == "writing"
    # Kill the process without warning once the batch's pages are pouring into the WAL,
    # i.e. inside the open transaction.
    wal = path.with_name(path.name + "-wal")
    committed_size = wal.stat().st_size
    for _ in range(600):
        if wal.stat().st_size > committed_size + 2_000_000:
            break
        threading.Event().wait(0.05)
    else:
        pytest.fail("the batch never started writing")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert "done" not in proc.stdout.read()
    with raw(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = SqliteStore(path)
    store.init_schema()
    assert store.get_person("kept").given_names == ["Blijft"]
    assert store.count_persons() == 1
    store.close()
