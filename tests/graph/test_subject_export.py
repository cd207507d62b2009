"""A data subject's export: everything held about one person, on both stores."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from builders import case, person, role, tie

from tenhands.graph.errors import NotFound
from tenhands.graph.model import (
    AuditAction,
    AuditEvent,
    Candidate,
    CandidateKind,
    Meeting,
    Plan,
    Record,
    ReviewStatus,
    ScaleScore,
    Task,
)
from tenhands.graph.store import GraphStore
from tenhands.graph.subject import EXPORT_FORMAT, export_person

ON = date(2026, 10, 1)


def event(eid: str, entity_id: str, hour: int) -> AuditEvent:
    return AuditEvent(
        id=eid,
        actor="worker-an",
        action=AuditAction.read,
        entity="person",
        entity_id=entity_id,
        at=datetime(2026, 11, 1, hour, 0, tzinfo=UTC),
    )


@pytest.fixture
def world(store: GraphStore) -> GraphStore:
    store.upsert_persons(
        [
            person("p-kid", "Lotte", "Vermeulen"),
            person("p-x", "Quirijntje", "Xylofoonvelde"),
            person("p-oma", "Rita", "Vermeulen"),
        ]
    )
    store.create_case(case("c-1", "p-kid"))
    store.create_case(case("c-2", "p-kid"))
    store.upsert_ties(
        [
            tie("t-1", "p-x", "p-kid", "parent"),
            tie("t-2", "p-oma", "p-x", "parent"),
            tie("t-3", "p-oma", "p-kid", "grandparent"),
        ]
    )
    store.upsert_roles([role("c-1", "p-x"), role("c-1", "p-oma"), role("c-2", "p-x")])
    store.add_records(
        [
            Record(id="r-x", case_id="c-1", surname="Xylofoonvelde"),
            Record(id="r-oma", case_id="c-1", surname="Peeters"),
        ]
    )
    for c in (
        Candidate(
            id="m-1",
            kind=CandidateKind.match,
            case_id="c-1",
            record_id="r-x",
            person_id="p-x",
            score=0.9,
            status=ReviewStatus.accepted,
            reviewed_by="worker-an",
        ),
        Candidate(
            id="m-2",
            kind=CandidateKind.duplicate,
            case_id="c-1",
            person_id="p-oma",
            other_person_id="p-x",
            score=0.4,
        ),
        Candidate(
            id="m-3",
            kind=CandidateKind.match,
            case_id="c-2",
            record_id="r-gone",
            person_id="p-x",
            score=0.5,
        ),
        Candidate(
            id="m-4",
            kind=CandidateKind.match,
            case_id="c-1",
            record_id="r-oma",
            person_id="p-oma",
            score=0.8,
        ),
    ):
        store.save_candidate(c)
    store.add_plan(
        Plan(
            id="n-1",
            case_id="c-1",
            version=1,
            tasks=[
                Task(id="k-1", what="Woensdag ophalen", who=["p-x"]),
                Task(id="k-2", what="Samen koken", who=["p-oma"], checked_by=["p-x"]),
                Task(id="k-3", what="Voorlezen", who=["p-oma"]),
            ],
            safety_scale=[
                ScaleScore(person_id="p-x", score=4, on=ON),
                ScaleScore(person_id="p-oma", score=6, on=ON),
            ],
        )
    )
    store.add_plan(
        Plan(id="n-2", case_id="c-2", version=1, tasks=[Task(id="k-4", what="Bellen", who=["p-x"])])
    )
    store.add_meeting(Meeting(id="m-1", case_id="c-1", held_on=ON, attended=["p-x", "p-oma"]))
    store.add_meeting(Meeting(id="m-2", case_id="c-1", held_on=ON, attended=["p-oma"]))
    for e in (event("a-1", "p-x", 9), event("a-2", "p-oma", 10), event("a-3", "p-x", 11)):
        store.append_audit(e)
    return store


def test_export_holds_everything_about_the_person(world: GraphStore) -> None:
    export = export_person(world, "p-x")

    assert export["format"] == EXPORT_FORMAT == "tenhands-subject-export/1"
    assert datetime.fromisoformat(export["exported_at"]).tzinfo is not None
    assert export["person"]["id"] == "p-x"
    assert export["person"]["surname"] == "Xylofoonvelde"
    assert [t["id"] for t in export["ties"]] == ["t-1", "t-2"]
    assert [(r["case_id"], r["person_id"]) for r in export["roles"]] == [
        ("c-1", "p-x"),
        ("c-2", "p-x"),
    ]
    assert export["cases"] == ["c-1", "c-2"]
    assert [c["id"] for c in export["candidates"]] == ["m-1", "m-2", "m-3"]
    assert [r["id"] for r in export["records"]] == ["r-x"], "r-gone is missing, r-oma not theirs"
    assert [(t["plan_id"], t["version"], t["task"]["id"]) for t in export["plan_tasks"]] == [
        ("n-1", 1, "k-1"),
        ("n-1", 1, "k-2"),
        ("n-2", 1, "k-4"),
    ]
    assert [(s["case_id"], s["score"]["score"]) for s in export["scale_scores"]] == [("c-1", 4)]
    assert [m["id"] for m in export["meetings"]] == ["m-1"]
    assert [e["id"] for e in export["audit"]] == ["a-3", "a-1"]


def test_export_is_json_and_holds_no_one_else(world: GraphStore) -> None:
    export = export_person(world, "p-x")

    text = json.dumps(export)
    assert json.loads(text) == export
    for other in ("Rita", "Lotte", "Peeters"):
        assert other not in text


def test_export_of_someone_unknown_or_erased_is_not_found(world: GraphStore) -> None:
    with pytest.raises(NotFound):
        export_person(world, "p-none")
    world.erase_person("p-x", actor="worker-an")
    with pytest.raises(NotFound):
        export_person(world, "p-x")
