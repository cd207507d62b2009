"""Store contract: change sets, and a decision stored with its change set as one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from builders import case, person, role, tie

from tenhands.graph.errors import Conflict, InvalidInput, NotFound
from tenhands.graph.model import (
    AuditAction,
    AuditEvent,
    Candidate,
    CandidateKind,
    ChangeSet,
    EntityKind,
    EntityRef,
    Evidence,
    Provenance,
    ReviewStatus,
    snapshot,
)
from tenhands.graph.store import GraphStore


@pytest.fixture
def with_case(store: GraphStore) -> GraphStore:
    store.create_person(person("p-kid", "Lotte", "Vermeulen"))
    store.create_person(person("p-oma", "Rita", "Vermeulen", birth_place="Gent"))
    store.create_case(case("c-1", "p-kid"))
    store.create_tie(tie("t-1", "p-oma", "p-kid", "grandparent"))
    store.set_role(role("c-1", "p-oma"))
    store.save_candidate(pending())
    return store


PROVENANCE = Provenance(created_at=datetime(2026, 11, 1, 9, 0, tzinfo=UTC))


def pending(cid: str = "m-1") -> Candidate:
    return Candidate(
        provenance=PROVENANCE,
        id=cid,
        kind=CandidateKind.kin,
        case_id="c-1",
        person_id="p-oma",
        relation="grandmother",
        relation_to="p-kid",
        score=0.8,
        explanation=[Evidence(field="surname", level="exact", weight=2.5)],
    )


def accepted(cid: str = "m-1") -> Candidate:
    return pending(cid).model_copy(
        update={
            "status": ReviewStatus.accepted,
            "reviewed_by": "worker-an",
            "reviewed_at": datetime(2026, 11, 2, 10, 0, tzinfo=UTC),
        }
    )


def change_set(store: GraphStore, csid: str = "cs-1", subject: str = "m-1") -> ChangeSet:
    return ChangeSet(
        id=csid,
        subject_id=subject,
        case_id="c-1",
        kind="kin",
        created_by="worker-an",
        created_at=datetime(2026, 11, 2, 11, 30, 15, 123456, tzinfo=timezone(timedelta(hours=1))),
        created=[
            EntityRef(kind=EntityKind.tie, id="t-1"),
            EntityRef(kind=EntityKind.role, id="p-oma", case_id="c-1"),
        ],
        before=[snapshot(EntityKind.person, store.get_person("p-oma"))],
        after=[snapshot(EntityKind.role, store.get_role("c-1", "p-oma"))],
    )


def event(eid: str = "a-1") -> AuditEvent:
    return AuditEvent(
        id=eid,
        actor="worker-an",
        action=AuditAction.update,
        entity="candidate",
        entity_id="m-1",
        case_id="c-1",
        detail="accepted kin candidate",
    )


def test_change_set_round_trip(with_case: GraphStore) -> None:
    original = change_set(with_case)
    assert with_case.save_change_set(original) == original
    assert with_case.get_change_set("cs-1") == original
    assert with_case.change_set_for("m-1") == original
    assert with_case.change_set_for("m-2") is None
    snap = with_case.get_change_set("cs-1").before[0]
    assert (snap.kind, snap.id, snap.data["birth_place"]) == (EntityKind.person, "p-oma", "Gent")
    assert with_case.get_change_set("cs-1").after[0].case_id == "c-1"


def test_one_change_set_per_subject(with_case: GraphStore) -> None:
    with_case.save_change_set(change_set(with_case, "cs-1"))
    newer = change_set(with_case, "cs-2").model_copy(update={"kind": "match"})
    with_case.save_change_set(newer)
    assert with_case.change_set_for("m-1") == newer
    with pytest.raises(NotFound):
        with_case.get_change_set("cs-1")
    again = newer.model_copy(update={"created": []})
    with_case.save_change_set(again)  # the same id: replaced
    assert with_case.get_change_set("cs-2").created == []


def test_delete_change_set_and_unknown_ones(with_case: GraphStore) -> None:
    with_case.save_change_set(change_set(with_case))
    with_case.delete_change_set("cs-1")
    assert with_case.change_set_for("m-1") is None
    with pytest.raises(NotFound, match="cs-1"):
        with_case.delete_change_set("cs-1")
    with pytest.raises(NotFound, match="cs-none"):
        with_case.get_change_set("cs-none")


def test_a_change_set_needs_its_case_and_goes_with_it(with_case: GraphStore) -> None:
    lost = change_set(with_case).model_copy(update={"case_id": "c-none"})
    with pytest.raises(NotFound, match="c-none"):
        with_case.save_change_set(lost)
    assert with_case.change_set_for("m-1") is None
    with_case.save_change_set(change_set(with_case))
    with_case.delete_case("c-1")
    assert with_case.change_set_for("m-1") is None


def test_record_decision_stores_status_change_set_and_audit_together(
    with_case: GraphStore,
) -> None:
    cs = change_set(with_case)
    decided = with_case.record_decision(accepted(), event(), change_set=cs)
    assert with_case.get_candidate("m-1") == decided
    assert with_case.change_set_for("m-1") == cs
    assert [e.id for e in with_case.list_audit(case_id="c-1")] == ["a-1"]

    reopened = pending()
    with_case.record_decision(reopened, event("a-2"))
    assert with_case.get_candidate("m-1").status is ReviewStatus.pending
    assert with_case.change_set_for("m-1") is None  # gone with the decision
    assert {e.id for e in with_case.list_audit(case_id="c-1")} == {"a-1", "a-2"}


def test_a_failed_decision_leaves_neither_status_nor_change_set(with_case: GraphStore) -> None:
    with_case.append_audit(event("a-taken"))
    with pytest.raises(Conflict, match="a-taken"):
        with_case.record_decision(accepted(), event("a-taken"), change_set=change_set(with_case))
    assert with_case.get_candidate("m-1") == pending()
    assert with_case.change_set_for("m-1") is None

    lost = accepted().model_copy(update={"case_id": "c-none"})
    with pytest.raises(NotFound):
        with_case.record_decision(
            lost, event(), change_set=change_set(with_case).model_copy(update={"case_id": "c-none"})
        )
    assert with_case.get_candidate("m-1") == pending()
    assert with_case.change_set_for("m-1") is None
    assert [e.id for e in with_case.list_audit(case_id="c-1")] == ["a-taken"]


def test_a_failed_reopening_keeps_the_change_set(with_case: GraphStore) -> None:
    cs = change_set(with_case)
    with_case.record_decision(accepted(), event("a-1"), change_set=cs)
    with pytest.raises(Conflict):
        with_case.record_decision(pending(), event("a-1"))
    assert with_case.get_candidate("m-1").status is ReviewStatus.accepted
    assert with_case.change_set_for("m-1") == cs


def test_record_decision_refuses_a_change_set_of_something_else(with_case: GraphStore) -> None:
    with pytest.raises(InvalidInput):
        with_case.record_decision(
            accepted(), event(), change_set=change_set(with_case, subject="m-2")
        )
    with pytest.raises(InvalidInput):
        with_case.record_decision(pending(), event(), change_set=change_set(with_case))
    assert with_case.get_candidate("m-1") == pending()
    assert with_case.list_audit() == []
