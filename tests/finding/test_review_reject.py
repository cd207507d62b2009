"""Review workflow: rejection that sticks, and the audit trail of every decision."""

from __future__ import annotations

import pytest
from review_helpers import CASE, CHILD, kin, seed

from tenhands.finding.review import accept, filter_new, reject, review_queue, undo, was_rejected
from tenhands.graph.errors import Conflict, InvalidInput
from tenhands.graph.model import AuditAction, ReviewStatus
from tenhands.graph.store import GraphStore

PERSONAL = ("Griet", "Maria", "Peeters", "Vermeulen", "Lotte", "Elke", "Kerkstraat", "1971",
            "+32", "example.org", "Gent", "niet dezelfde")  # fmt: skip


def test_reject_marks_and_is_never_proposed_again(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    decided = reject(store, "m-kin", reviewer="worker-an", reason="niet dezelfde familie")

    assert decided.status is ReviewStatus.rejected
    stored = store.get_candidate("m-kin")
    assert (stored.reviewed_by, stored.reason) == ("worker-an", "niet dezelfde familie")
    assert stored.reviewed_at is not None

    again = kin("m-kin-2", score=0.99)  # the same record and relation, proposed anew
    other_relation = kin("m-kin-3", relation="maternal_aunt", to=CHILD)
    assert was_rejected(store, CASE, again)
    assert not was_rejected(store, CASE, other_relation)
    assert [c.id for c in filter_new(store, CASE, [again, other_relation])] == ["m-kin-3"]
    store.save_candidate(again)
    assert review_queue(store, CASE) == []
    with pytest.raises(Conflict, match="already rejected"):
        accept(store, "m-kin", reviewer="worker-bo")


def test_undo_reject_reopens(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    reject(store, "m-kin", reviewer="worker-an", reason="twijfel")
    reopened = undo(store, "m-kin", reviewer="worker-an")
    assert (reopened.status, reopened.reason, reopened.reviewed_by) == (
        ReviewStatus.pending,
        None,
        None,
    )
    assert not was_rejected(store, CASE, kin("m-kin-2"))
    assert [c.id for c in review_queue(store, CASE)] == ["m-kin"]


def test_reject_needs_a_reason(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    with pytest.raises(InvalidInput):
        reject(store, "m-kin", reviewer="worker-an", reason="  ")
    assert store.get_candidate("m-kin").status is ReviewStatus.pending


def test_audit_trail_names_reviewer_and_no_personal_values(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    store.save_candidate(kin("m-other", relation="cousin", to=CHILD))
    accept(store, "m-kin", reviewer="worker-an")
    undo(store, "m-kin", reviewer="worker-bo")
    reject(store, "m-other", reviewer="worker-cy", reason="niet dezelfde persoon")

    events = store.list_audit(case_id=CASE, limit=100)
    on_candidates = [e for e in reversed(events) if e.entity == "candidate"]
    assert [(e.actor, e.action, e.entity_id) for e in on_candidates] == [
        ("worker-an", AuditAction.update, "m-kin"),
        ("worker-bo", AuditAction.update, "m-kin"),
        ("worker-cy", AuditAction.update, "m-other"),
    ]
    assert [e.detail for e in on_candidates] == [
        "accepted kin candidate",
        "undid accepted kin candidate",
        "rejected kin candidate",
    ]
    kinds = {(e.action, e.entity) for e in events}
    assert {
        (AuditAction.create, "person"),
        (AuditAction.create, "tie"),
        (AuditAction.create, "role"),
        (AuditAction.delete, "person"),
        (AuditAction.delete, "tie"),
        (AuditAction.delete, "role"),
    } <= kinds
    text = " ".join(f"{e.actor} {e.entity} {e.entity_id} {e.detail}" for e in events)
    for value in PERSONAL:
        assert value not in text
