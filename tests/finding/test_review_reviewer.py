"""The one rule for opening and deciding on a candidate (:mod:`tenhands.finding.review.reviewer`):
who may open which candidate, and the audit of each opening."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from builders import case, person
from review_helpers import CASE, kin, seed

from tenhands.finding.review import ReviewDesk
from tenhands.graph.errors import NotFound
from tenhands.graph.model import AuditAction, AuditEvent, ReviewStatus
from tenhands.graph.store import GraphStore

OTHER = "c-other"


@dataclass(frozen=True)
class Worker:
    """A reviewer with some cases (or all of them)."""

    login: str
    cases: frozenset[str] = frozenset()
    all_cases: bool = False

    def sees_case(self, case_id: str) -> bool:
        return self.all_cases or case_id in self.cases


@dataclass
class Trail:
    events: list[AuditEvent] = field(default_factory=list)

    def __call__(self, event: AuditEvent) -> None:
        self.events.append(event)


AN = Worker("worker-an", frozenset({CASE}))
BO = Worker("worker-bo", frozenset({OTHER}))
ADMIN = Worker("admin", all_cases=True)


def _world(store: GraphStore) -> None:
    seed(store)
    store.create_person(person("p-other-child", "Mats", "Claes"))
    store.create_case(case(OTHER, "p-other-child"))
    store.save_candidate(kin())
    store.save_candidate(kin("m-nocase").model_copy(update={"case_id": None}))


def test_a_reviewer_opens_the_candidates_of_their_cases_only(store: GraphStore) -> None:
    _world(store)
    trail = Trail()
    assert ReviewDesk(store, AN, trail, "open").open("m-kin").id == "m-kin"
    assert ReviewDesk(store, ADMIN, trail, "open").open("m-kin").id == "m-kin"
    for who, candidate_id in [(BO, "m-kin"), (AN, "m-nocase"), (AN, "m-unknown")]:
        with pytest.raises(NotFound, match=f"no candidate with id '{candidate_id}'"):
            ReviewDesk(store, who, trail, "open").open(candidate_id)
    assert ReviewDesk(store, ADMIN, trail, "open").open("m-nocase").case_id is None
    assert [(e.actor, e.entity_id, e.case_id) for e in trail.events] == [
        ("worker-an", "m-kin", CASE),
        ("admin", "m-kin", CASE),
        ("admin", "m-nocase", None),
    ]
    assert {(e.entity, e.action, e.detail) for e in trail.events} == {
        ("candidate", AuditAction.read, "open")
    }


def test_asked_about_one_case_another_cases_candidate_is_not_found(store: GraphStore) -> None:
    _world(store)
    trail = Trail()
    with pytest.raises(NotFound):
        ReviewDesk(store, ADMIN, trail, "page", case_id=OTHER).open("m-kin")
    with pytest.raises(NotFound):
        ReviewDesk(store, ADMIN, trail, "page", case_id=CASE).open("m-nocase")
    assert trail.events == []
    assert ReviewDesk(store, AN, trail, "page", case_id=CASE).open("m-kin").case_id == CASE


def test_a_decision_is_opened_and_audited_once(store: GraphStore) -> None:
    _world(store)
    trail = Trail()
    desk = ReviewDesk(store, AN, trail, "web_reject", case_id=CASE)
    desk.open("m-kin", AuditAction.update)  # the page checks its form in between
    decided = desk.reject("m-kin", "niet dezelfde familie")
    assert (decided.status, decided.reviewed_by) == (ReviewStatus.rejected, "worker-an")
    assert [(e.action, e.detail) for e in trail.events] == [(AuditAction.update, "web_reject")]

    reopened = ReviewDesk(store, AN, trail, "undo").undo("m-kin")
    assert reopened.status is ReviewStatus.pending
    assert [e.detail for e in trail.events] == ["web_reject", "undo"]


def test_nothing_is_decided_on_a_candidate_the_reviewer_may_not_open(store: GraphStore) -> None:
    _world(store)
    trail = Trail()
    desk = ReviewDesk(store, BO, trail, "reject")
    with pytest.raises(NotFound):
        desk.reject("m-kin", "niet dezelfde familie")
    with pytest.raises(NotFound):
        desk.accept("m-kin")
    assert store.get_candidate("m-kin").status is ReviewStatus.pending
    assert trail.events == []
