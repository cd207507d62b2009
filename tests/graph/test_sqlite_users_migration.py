"""The embedded store's migration 3 → 4: accounts and tokens arrive, and the audit
log's earlier events become filterable without ever being changed."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from builders import case, person

from tenhands.graph.errors import StoreError
from tenhands.graph.model import AuditAction, AuditEvent, User, UserRole
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.graph.stores.sqlite.schema import MIGRATIONS, SCHEMA_VERSION

START = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)

OLD_EVENTS = [
    AuditEvent(
        id="a-1",
        at=START,
        actor="worker-an",
        action=AuditAction.read,
        entity="person",
        entity_id="p-kid",
        case_id="c-1",
    ),
    AuditEvent(
        id="a-2",
        at=datetime(2026, 10, 1, 10, 30, tzinfo=timezone(timedelta(hours=2))),
        actor="worker-an",
        action=AuditAction.update,
        entity="case",
        entity_id="c-1",
        case_id="c-1",
        detail="title",
    ),
    AuditEvent(
        id="a-3",
        at=START + timedelta(hours=1),
        actor="admin",
        action=AuditAction.import_,
        entity="record",
    ),
]


def schema_3_store(path: Path) -> None:
    """A file as schema 3 left it: a case, and audit rows without the filter keys."""
    with sqlite3.connect(path) as conn:
        for script in MIGRATIONS[:3]:
            for statement in script.split(";\n"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('schema_version', '3')")
        kid = person("p-kid")
        conn.execute(
            "INSERT INTO persons (id, data) VALUES (?, ?)", (kid.id, kid.model_dump_json())
        )
        conn.execute(
            "INSERT INTO cases (id, data) VALUES (?, ?)",
            ("c-1", case("c-1", "p-kid").model_dump_json()),
        )
        conn.executemany(
            "INSERT INTO audit (id, at, actor, case_id, data) VALUES (?, ?, ?, ?, ?)",
            [
                (
                    e.id,
                    e.at.astimezone(UTC).isoformat(timespec="microseconds"),
                    e.actor,
                    e.case_id,
                    e.model_dump_json(),
                )
                for e in OLD_EVENTS
            ],
        )


def test_migration_from_schema_3_fills_the_audit_keys_and_keeps_it_append_only(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v3.db"
    schema_3_store(path)
    store = SqliteStore(path)
    store.init_schema()
    assert store.schema_version == SCHEMA_VERSION == 9

    assert [e.id for e in store.list_audit()] == ["a-3", "a-2", "a-1"]
    assert sorted(store.list_audit(), key=lambda e: e.id) == OLD_EVENTS
    assert [e.id for e in store.list_audit(entity_id="c-1")] == ["a-2"]
    assert [e.id for e in store.list_audit(action=AuditAction.import_)] == ["a-3"]
    assert [e.id for e in store.list_audit(actor="worker-an", action=AuditAction.read)] == ["a-1"]
    assert store.count_audit(case_id="c-1") == 2

    store.create_user(User(id="u-an", login="an", display_name="An", role=UserRole.worker))
    store.assign_case("u-an", "c-1")
    assert store.cases_of_user("u-an") == ["c-1"]
    store.init_schema()  # a second run changes nothing
    assert store.cases_of_user("u-an") == ["c-1"]
    assert store.count_audit() == 3
    store.close()

    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT id, entity_id, action FROM audit ORDER BY seq").fetchall()
        assert rows == [("a-1", "p-kid", "read"), ("a-2", "c-1", "update"), ("a-3", None, "import")]
        triggers = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit' "
            "ORDER BY name"
        ).fetchall()
        assert triggers == [("audit_no_delete",), ("audit_no_update",)]
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit SET action = 'delete' WHERE id = 'a-1'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit WHERE id = 'a-3'")
        indexes = {
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
        }
        assert {"audit_entity", "audit_actor", "user_cases_case", "tokens_user"} <= indexes
    reopened = SqliteStore(path)
    assert sorted(reopened.list_audit(), key=lambda e: e.id) == OLD_EVENTS
    reopened.close()


def test_a_failed_migration_leaves_schema_3_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    schema_3_store(path)
    with sqlite3.connect(path) as conn:  # a table in the way makes the migration fail
        conn.execute("CREATE TABLE tokens (id TEXT PRIMARY KEY)")
    store = SqliteStore(path)
    with pytest.raises(StoreError, match="tokens"):
        store.init_schema()
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta").fetchone() == ("3",)
        columns = [r[1] for r in conn.execute("PRAGMA table_info(audit)")]
        assert "action" not in columns
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "users" not in tables
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit SET actor = 'someone else'")
