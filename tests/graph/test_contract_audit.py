"""Store contract: the audit log, written one event or many at a time, and read back
through its filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from builders import case, person

from tenhands.graph.errors import Conflict, InvalidInput
from tenhands.graph.model import (
    AuditAction,
    AuditEvent,
    Candidate,
    CandidateKind,
    ReviewStatus,
)
from tenhands.graph.store import GraphStore

BRUSSELS = timezone(timedelta(hours=2))
START = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)


def event(eid: str, minute: int, **extra: Any) -> AuditEvent:
    fields: dict[str, Any] = {
        "at": START + timedelta(minutes=minute),
        "actor": "u-an",
        "action": AuditAction.read,
        "entity": "person",
        **extra,
    }
    return AuditEvent(id=eid, **fields)


EVENTS = [
    event("a-01", 0, case_id="c-1", entity_id="p-1"),
    event("a-02", 1, case_id="c-1", entity_id="p-2", action=AuditAction.update),
    event("a-03", 2, case_id="c-2", entity_id="p-1", actor="u-bram"),
    event("a-04", 3, entity="user", entity_id="u-bram", action=AuditAction.login, actor="u-bram"),
    # the same instant as a-04, written in Brussels time; ordered after it by id
    event(
        "a-05",
        0,
        at=datetime(2026, 11, 3, 11, 3, tzinfo=BRUSSELS),
        case_id="c-2",
        entity="case",
        entity_id="c-2",
        action=AuditAction.export,
        detail="map as html",
    ),
    event("a-06", 5, case_id="c-1", entity_id="p-1", action=AuditAction.update, actor="u-bram"),
    event("a-07", 6, entity="person", action=AuditAction.import_, actor="admin"),
]
"""Seven events; newest first they are a-07, a-06, a-05, a-04, a-03, a-02, a-01."""


def ids(events: list[AuditEvent]) -> list[str]:
    return [e.id for e in events]


@pytest.fixture
def with_events(store: GraphStore) -> GraphStore:
    assert store.append_audit_many(EVENTS) == len(EVENTS)
    return store


def test_many_events_are_appended_and_come_back_exactly(with_events: GraphStore) -> None:
    listed = with_events.list_audit()
    assert ids(listed) == ["a-07", "a-06", "a-05", "a-04", "a-03", "a-02", "a-01"]
    assert sorted(listed, key=lambda e: e.id) == EVENTS
    assert with_events.count_audit() == 7
    assert with_events.append_audit_many([]) == 0
    assert with_events.count_audit() == 7


def test_a_batch_with_one_used_id_stores_nothing(with_events: GraphStore) -> None:
    batch = [event("a-new-1", 10), event("a-03", 11, actor="intruder"), event("a-new-2", 12)]
    with pytest.raises(Conflict, match="a-03"):
        with_events.append_audit_many(batch)
    assert with_events.count_audit() == 7
    assert with_events.list_audit(actor="intruder") == []
    assert ids(with_events.list_audit(limit=1)) == ["a-07"]


def test_a_batch_naming_one_id_twice_stores_nothing(store: GraphStore) -> None:
    with pytest.raises(InvalidInput, match="a-1"):
        store.append_audit_many([event("a-1", 0), event("a-2", 1), event("a-1", 2)])
    assert store.count_audit() == 0


def test_events_are_never_changed(with_events: GraphStore) -> None:
    original = with_events.list_audit(entity_id="u-bram")
    with pytest.raises(Conflict, match="a-04"):
        with_events.append_audit(EVENTS[3].model_copy(update={"actor": "intruder"}))
    with pytest.raises(Conflict):
        with_events.append_audit_many([EVENTS[3].model_copy(update={"detail": "changed"})])
    assert with_events.list_audit(entity_id="u-bram") == original == [EVENTS[3]]
    assert with_events.count_audit() == 7


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"case_id": "c-1"}, ["a-06", "a-02", "a-01"]),
        ({"case_id": "c-none"}, []),
        ({"actor": "u-bram"}, ["a-06", "a-04", "a-03"]),
        ({"entity_id": "p-1"}, ["a-06", "a-03", "a-01"]),
        ({"entity_id": "u-bram"}, ["a-04"]),
        ({"action": AuditAction.update}, ["a-06", "a-02"]),
        ({"action": AuditAction.import_}, ["a-07"]),
        ({"action": AuditAction.erase}, []),
        ({"since": START + timedelta(minutes=3)}, ["a-07", "a-06", "a-05", "a-04"]),
        ({"until": START + timedelta(minutes=3)}, ["a-03", "a-02", "a-01"]),
        (
            {
                "since": datetime(2026, 11, 3, 11, 1, tzinfo=BRUSSELS),
                "until": START.replace(minute=5),
            },
            ["a-05", "a-04", "a-03", "a-02"],
        ),
        ({"since": START + timedelta(minutes=3, microseconds=1)}, ["a-07", "a-06"]),
        ({"until": START}, []),
        ({"case_id": "c-1", "actor": "u-bram"}, ["a-06"]),
        ({"entity_id": "p-1", "action": AuditAction.read}, ["a-03", "a-01"]),
        ({"actor": "u-an", "since": START + timedelta(minutes=1)}, ["a-05", "a-02"]),
        ({"case_id": "c-2", "actor": "u-an", "action": AuditAction.export}, ["a-05"]),
    ],
)
def test_every_filter_given_must_hold(
    with_events: GraphStore, filters: dict[str, Any], expected: list[str]
) -> None:
    assert ids(with_events.list_audit(**filters)) == expected
    assert with_events.count_audit(**filters) == len(expected)


def test_the_log_is_read_a_page_at_a_time(with_events: GraphStore) -> None:
    assert ids(with_events.list_audit(limit=3)) == ["a-07", "a-06", "a-05"]
    assert ids(with_events.list_audit(limit=3, offset=3)) == ["a-04", "a-03", "a-02"]
    assert ids(with_events.list_audit(limit=3, offset=6)) == ["a-01"]
    assert with_events.list_audit(offset=7) == []
    assert with_events.list_audit(limit=0) == []
    assert ids(with_events.list_audit(actor="u-bram", limit=1, offset=1)) == ["a-04"]
    assert with_events.count_audit(actor="u-bram") == 3  # a count has no page
    with pytest.raises(InvalidInput):
        with_events.list_audit(offset=-1)


def test_a_count_is_the_length_of_the_unlimited_list(store: GraphStore) -> None:
    many = [
        event(f"a-{i:03}", i % 7, case_id=f"c-{i % 3}", actor=f"u-{i % 4}", entity_id=f"p-{i % 5}")
        for i in range(150)
    ]
    store.append_audit_many(many)
    assert store.count_audit() == 150
    assert len(store.list_audit()) == 100  # the default page
    some: list[dict[str, Any]] = [{}, {"case_id": "c-1"}, {"actor": "u-2", "entity_id": "p-3"}]
    for filters in some:
        assert store.count_audit(**filters) == len(store.list_audit(**filters, limit=1000))
    assert store.count_audit(case_id="c-1") == 50
    assert store.count_audit(actor="u-2", entity_id="p-3") == 7


def test_single_events_and_decisions_are_filtered_the_same_way(store: GraphStore) -> None:
    store.create_person(person("p-kid"))
    store.create_case(case("c-1", "p-kid"))
    store.append_audit(event("a-1", 0, case_id="c-1", entity_id="p-kid"))
    candidate = Candidate(
        id="m-1", kind=CandidateKind.match, case_id="c-1", record_id="r-1", score=0.7
    )
    store.save_candidate(candidate)
    decided = candidate.model_copy(
        update={"status": ReviewStatus.rejected, "reviewed_by": "u-an", "reviewed_at": START}
    )
    store.record_decision(
        decided,
        event("a-2", 1, entity="candidate", entity_id="m-1", action=AuditAction.update),
    )
    assert ids(store.list_audit(entity_id="p-kid", action=AuditAction.read)) == ["a-1"]
    assert ids(store.list_audit(entity_id="m-1", action=AuditAction.update)) == ["a-2"]
    assert store.count_audit(case_id="c-1", actor="u-an") == 1
