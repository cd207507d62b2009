"""The store's records and decisions revisions: each moves on in the transaction of every
change to what it follows (outside records added or removed with an erased person;
candidates decided, undone, or removed), by any process, and with nothing else; a store
made anew starts from another epoch."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from builders import case, person

from tenhands.graph.errors import Conflict
from tenhands.graph.model import (
    AuditAction,
    AuditEvent,
    Candidate,
    ReviewStatus,
)
from tenhands.graph.model import (
    Record as OutsideRecord,
)
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore


def record(rid: str, case_id: str | None = None) -> OutsideRecord:
    return OutsideRecord(id=rid, case_id=case_id, given_names="Wannes", surname="Qwertyck")


def test_it_is_a_stable_token_until_records_change(store: GraphStore) -> None:
    first = store.records_revision()
    assert isinstance(first, str) and first
    assert store.records_revision() == first

    store.add_records([record("r-1"), record("r-2")])
    second = store.records_revision()
    assert second != first
    assert store.records_revision() == second
    store.add_records([record("r-3")])
    assert store.records_revision() not in (first, second)


def test_other_changes_leave_it(store: GraphStore) -> None:
    store.add_records([record("r-1")])
    before = store.records_revision()
    store.upsert_persons([person("kid", "Lotte"), person("oma", "Rita")])
    store.create_case(case("c-1", "kid"))
    store.save_candidate(
        Candidate.model_validate(
            {"id": "k-1", "kind": "match", "case_id": "c-1", "score": 0.9, "record_id": "r-1",
             "person_id": "oma"}
        )
    )  # fmt: skip
    store.append_audit(AuditEvent(actor="worker-an", action=AuditAction.read, entity="case"))
    store.update_person(store.get_person("oma").model_copy(update={"surname": "Claes"}))
    assert store.records_revision() == before


def test_a_refused_or_undone_write_leaves_it(store: GraphStore) -> None:
    store.add_records([record("r-1")])
    before = store.records_revision()
    with pytest.raises(Conflict):
        store.add_records([record("r-2"), record("r-1")])
    assert store.records_revision() == before

    def adds_then_fails(s: GraphStore) -> None:
        s.add_records([record("r-9")])
        raise RuntimeError("the unit ends here")

    with pytest.raises(RuntimeError):
        store.atomic(adds_then_fails)
    assert store.records_revision() == before
    assert [r.id for r in store.list_records()] == ["r-1"]


def test_a_unit_of_work_moves_it_with_its_records(store: GraphStore) -> None:
    before = store.records_revision()

    def adds(s: GraphStore) -> None:
        s.add_records([record("r-1")])
        s.add_records([record("r-2")])

    store.atomic(adds)
    assert store.records_revision() != before


def test_erasing_a_person_moves_it_only_when_records_go(store: GraphStore) -> None:
    store.upsert_persons([person("kid", "Lotte"), person("x", "Wannes"), person("y", "Jef")])
    store.create_case(case("c-1", "kid"))
    store.add_records([record("r-x", "c-1"), record("r-other", "c-1")])
    accepted = Candidate.model_validate(
        {"id": "k-x", "kind": "match", "case_id": "c-1", "score": 0.9, "record_id": "r-x",
         "person_id": "x", "status": ReviewStatus.accepted}
    )  # fmt: skip
    store.save_candidate(accepted)

    before = store.records_revision()
    store.erase_person("y", actor="worker-an")  # no record of theirs
    assert store.records_revision() == before

    store.erase_person("x", actor="worker-an")  # their accepted record goes with them
    assert [r.id for r in store.list_records()] == ["r-other"]
    assert store.records_revision() != before


def test_another_connection_sees_it_move(sqlite_store: SqliteStore) -> None:
    other = SqliteStore(sqlite_store.describe().removeprefix("sqlite:///"))
    try:
        before = other.records_revision()
        sqlite_store.add_records([record("r-1")])
        assert other.records_revision() != before
    finally:
        other.close()


def test_a_store_made_anew_does_not_repeat_tokens(tmp_path: Path) -> None:
    path = tmp_path / "tenhands.db"
    tokens = []
    for _ in range(2):
        store = SqliteStore(path)
        store.init_schema()
        store.add_records([record("r-1")])
        tokens.append(store.records_revision())
        store.close()
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    assert tokens[0] != tokens[1]


def test_an_older_store_gets_a_revision_when_migrated(tmp_path: Path) -> None:
    path = tmp_path / "tenhands.db"
    store = SqliteStore(path)
    store.init_schema()
    store.add_records([record("r-1")])
    store.close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "DELETE FROM meta WHERE key IN "
            "('revision_epoch', 'records_revision', 'decisions_revision')"
        )
        conn.executescript(  # the records table as schema 7 had it
            "DROP INDEX records_source; ALTER TABLE records DROP COLUMN source_name;"
        )
        conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")

    store = SqliteStore(path)
    try:
        store.init_schema()
        before = store.records_revision()
        assert before.endswith(":0") and len(before) > 10
        assert store.decisions_revision() == before  # same epoch, revision 0
        store.add_records([record("r-2")])
        assert store.records_revision() != before
    finally:
        store.close()


def candidate(cid: str, status: ReviewStatus = ReviewStatus.pending) -> Candidate:
    return Candidate.model_validate(
        {"id": cid, "kind": "match", "case_id": "c-1", "score": 0.9, "record_id": "r-1",
         "person_id": "oma", "status": status}
    )  # fmt: skip


@pytest.fixture
def with_case(store: GraphStore) -> GraphStore:
    store.upsert_persons([person("kid", "Lotte"), person("oma", "Rita")])
    store.create_case(case("c-1", "kid"))
    store.add_records([record("r-1", "c-1")])
    return store


def test_pending_findings_leave_the_decisions_revision(with_case: GraphStore) -> None:
    store = with_case
    before = store.decisions_revision()
    assert isinstance(before, str) and before
    store.save_candidate(candidate("k-1"))
    store.save_candidate(candidate("k-1").model_copy(update={"score": 0.5}))
    assert store.decisions_revision() == before
    assert store.records_revision() != before  # the two are apart


def test_decisions_move_the_decisions_revision(with_case: GraphStore) -> None:
    store = with_case
    store.save_candidate(candidate("k-1"))
    seen = [store.decisions_revision()]

    def moved() -> bool:
        seen.append(store.decisions_revision())
        return seen[-1] != seen[-2]

    decided = candidate("k-1", ReviewStatus.rejected)
    event = AuditEvent(actor="worker-an", action=AuditAction.update, entity="candidate")
    store.record_decision(decided, event)
    assert moved()
    undone = AuditEvent(actor="worker-an", action=AuditAction.update, entity="candidate")
    store.record_decision(candidate("k-1"), undone)  # back to pending
    assert moved()
    store.save_candidate(candidate("k-2", ReviewStatus.accepted))  # saved decided (an import)
    assert moved()
    store.save_candidate(candidate("k-2"))  # a pending one over a decided one
    assert moved()
    records = store.records_revision()
    store.save_candidate(candidate("k-3", ReviewStatus.accepted))
    store.delete_case("c-1")  # its candidates go with it
    assert moved()
    assert store.records_revision() == records


def test_a_refused_decision_leaves_the_decisions_revision(with_case: GraphStore) -> None:
    store = with_case
    event = AuditEvent(actor="worker-an", action=AuditAction.update, entity="candidate")
    store.record_decision(candidate("k-1", ReviewStatus.rejected), event)
    before = store.decisions_revision()
    with pytest.raises(Conflict):  # the audit event's id is taken: nothing is kept
        store.record_decision(candidate("k-2", ReviewStatus.rejected), event)
    assert store.decisions_revision() == before


def test_erasing_a_person_with_candidates_moves_the_decisions_revision(
    with_case: GraphStore,
) -> None:
    store = with_case
    store.upsert_persons([person("x", "Wannes")])
    store.save_candidate(candidate("k-1"))
    before = store.decisions_revision()
    store.erase_person("x", actor="worker-an")  # nothing about them
    assert store.decisions_revision() == before
    store.erase_person("oma", actor="worker-an")  # the candidate naming her goes
    assert store.decisions_revision() != before
