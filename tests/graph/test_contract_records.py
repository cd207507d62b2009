"""Store contract: plans, outside records, candidates and the audit log."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from builders import case, person

from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import (
    AuditAction,
    AuditEvent,
    Candidate,
    CandidateKind,
    Evidence,
    PartialDate,
    Plan,
    Record,
    ReviewStatus,
    ScaleScore,
    SourceKind,
    SourceRef,
    Task,
    TaskOwner,
)
from tenhands.graph.model.common import Provenance
from tenhands.graph.store import GraphStore


@pytest.fixture
def with_case(store: GraphStore) -> GraphStore:
    store.upsert_persons([person("kid"), person("oma")])
    store.create_case(case("c-1", "kid"))
    store.create_case(case("c-2", "kid"))
    return store


def test_plan_versions(with_case: GraphStore) -> None:
    v1 = Plan(
        id="n-1",
        case_id="c-1",
        version=1,
        agreed_on=date(2026, 10, 1),
        worries=["Lina is alleen thuis 's avonds"],
        working_well=["Oma haalt de kinderen op"],
        needs_to_happen=["Er is elke avond een volwassene thuis"],
        safety_scale=[ScaleScore(person_id="oma", score=4, on=date(2026, 10, 1))],
        tasks=[
            Task(
                id="k-1",
                what="Woensdag ophalen",
                who=["oma"],
                due=date(2026, 12, 1),
                owner=TaskOwner.network,
            )
        ],
        review_on=date(2026, 12, 15),
    )
    with_case.add_plan(v1)
    with_case.add_plan(Plan(id="n-2", case_id="c-1", version=2))
    assert with_case.get_plan("n-1") == v1
    assert [p.version for p in with_case.list_plans("c-1")] == [1, 2]
    assert with_case.list_plans("c-2") == []
    with pytest.raises(Conflict):
        with_case.add_plan(Plan(id="n-3", case_id="c-1", version=2))
    with pytest.raises(NotFound):
        with_case.add_plan(Plan(id="n-4", case_id="c-none"))
    with pytest.raises(NotFound):
        with_case.get_plan("n-none")


def test_records_round_trip_and_all_or_nothing(with_case: GraphStore) -> None:
    rec = Record(
        id="r-1",
        case_id="c-1",
        given_names="Maria",
        surname="Peeters",
        birth_surname="De Smet",
        birth_date=PartialDate.parse("1958"),
        postcode="9000",
        city="Gent",
        mother_name="Godelieve Claeys",
        extra={"bron_rij": "17"},
        provenance=Provenance(source=SourceRef(kind=SourceKind.registry, name="extract.csv")),
    )
    assert with_case.add_records([rec, Record(id="r-2", surname="Özdemir")]) == 2
    assert with_case.get_record("r-1") == rec
    with pytest.raises(Conflict, match="r-2"):
        with_case.add_records([Record(id="r-3"), Record(id="r-2")])
    with pytest.raises(NotFound):
        with_case.get_record("r-3")
    assert [r.id for r in with_case.list_records(case_id="c-1")] == ["r-1"]
    assert [r.id for r in with_case.list_records()] == ["r-1", "r-2"]
    assert [r.id for r in with_case.list_records(limit=1, offset=1)] == ["r-2"]
    assert [r.id for r in with_case.list_records(after="r-1")] == ["r-2"]
    assert [r.id for r in with_case.list_records(case_id="c-1", after="r-1")] == []
    assert with_case.list_records(after="r-2") == []


def _record(rid: str, source: str | None, case_id: str | None = None) -> Record:
    ref = SourceRef(kind=SourceKind.registry, name=source)
    return Record(id=rid, case_id=case_id, provenance=Provenance(source=ref))


def test_records_by_source_and_by_the_cases_a_viewer_has(with_case: GraphStore) -> None:
    with_case.create_case(case("c-3", "kid"))
    with_case.add_records(
        [
            _record("r-1", "school.csv", "c-1"),
            _record("r-2", "register.xlsx"),
            _record("r-3", "school.csv"),
            _record("r-4", "school.csv", "c-2"),
            _record("r-5", None, "c-1"),
            _record("r-6", "school.csv", "c-3"),
        ]
    )

    def ids(**filters: Any) -> list[str]:
        return [r.id for r in with_case.list_records(**filters)]

    assert ids(source="school.csv") == ["r-1", "r-3", "r-4", "r-6"]
    assert ids(source="School.csv") == []  # the name as given, not folded
    assert ids(source="school.csv", case_id="c-2") == ["r-4"]
    assert ids(source="school.csv", limit=2, offset=1) == ["r-3", "r-4"]
    assert ids(source="school.csv", after="r-3") == ["r-4", "r-6"]
    assert ids(source="nowhere.csv") == []
    assert ids(within_cases=["c-1"]) == ["r-1", "r-2", "r-3", "r-5"]
    assert ids(within_cases=["c-1", "c-3"], source="school.csv") == ["r-1", "r-3", "r-6"]
    assert ids(within_cases=[]) == ["r-2", "r-3"]  # the agency-wide ones only
    assert ids(within_cases=["c-2"], after="r-3", limit=1) == ["r-4"]
    assert ids() == ["r-1", "r-2", "r-3", "r-4", "r-5", "r-6"]


def test_candidates_best_first_with_status_filter(with_case: GraphStore) -> None:
    with_case.add_records([Record(id="r-1"), Record(id="r-2"), Record(id="r-3")])
    expl = [Evidence(field="surname", left="Peeters", right="Peters", level="fuzzy", weight=3.2)]
    a = Candidate(
        id="m-a",
        kind=CandidateKind.kin,
        case_id="c-1",
        record_id="r-1",
        score=0.5,
        relation="maternal_aunt",
        relation_to="kid",
        explanation=expl,
    )
    b = Candidate(id="m-b", kind=CandidateKind.match, case_id="c-1", record_id="r-2", score=0.9)
    c = Candidate(id="m-c", kind=CandidateKind.match, case_id="c-1", record_id="r-3", score=0.7)
    for cand in (a, b, c):
        with_case.save_candidate(cand)
    assert [x.id for x in with_case.list_candidates("c-1")] == ["m-b", "m-c", "m-a"]
    assert with_case.get_candidate("m-a") == a
    decided = c.model_copy(
        update={
            "status": ReviewStatus.rejected,
            "reviewed_by": "worker-1",
            "reviewed_at": datetime(2026, 11, 1, tzinfo=UTC),
            "reason": "andere persoon",
        }
    )
    with_case.save_candidate(decided)
    assert [x.id for x in with_case.list_candidates("c-1", status=ReviewStatus.pending)] == [
        "m-b",
        "m-a",
    ]
    assert with_case.list_candidates("c-1", status=ReviewStatus.rejected) == [decided]
    assert with_case.list_candidates("c-2") == []
    with pytest.raises(NotFound):
        with_case.save_candidate(b.model_copy(update={"id": "m-x", "case_id": "c-none"}))
    with pytest.raises(NotFound):
        with_case.get_candidate("m-x")


def test_audit_is_append_only_and_newest_first(with_case: GraphStore) -> None:
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    events = [
        AuditEvent(
            id=f"a-{i}",
            at=start + timedelta(seconds=i, microseconds=0 if i % 2 else 5),
            actor="worker-1" if i < 3 else "admin",
            action=AuditAction.read,
            entity="person",
            entity_id="oma",
            case_id="c-1" if i % 2 else "c-2",
        )
        for i in range(5)
    ]
    for e in events:
        with_case.append_audit(e)
    assert [e.id for e in with_case.list_audit()] == ["a-4", "a-3", "a-2", "a-1", "a-0"]
    assert [e.id for e in with_case.list_audit(case_id="c-1")] == ["a-3", "a-1"]
    assert [e.id for e in with_case.list_audit(actor="admin")] == ["a-4", "a-3"]
    assert [e.id for e in with_case.list_audit(limit=2)] == ["a-4", "a-3"]
    assert with_case.list_audit(actor="worker-1", case_id="c-2", limit=1)[0] == events[2]
    with pytest.raises(Conflict):
        with_case.append_audit(events[0].model_copy(update={"actor": "intruder"}))
    assert with_case.list_audit(actor="intruder") == []


def test_store_lifecycle(store: GraphStore) -> None:
    assert store.kind in ("sqlite", "neo4j")
    assert store.ping()
    store.create_person(person("p-1"))
    store.init_schema()
    assert store.get_person("p-1").id == "p-1"
    assert "password" not in store.describe().lower()
