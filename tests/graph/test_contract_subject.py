"""Store contract: one person as a data subject, the candidates naming them and their
erasure (the right to erasure: afterwards the store holds nothing of them)."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime

import pytest
from builders import case, person, role, tie

from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import (
    AuditAction,
    AuditEvent,
    Candidate,
    ChangeSet,
    EntityKind,
    EntityRef,
    Evidence,
    Plan,
    Record,
    ReviewStatus,
    ScaleScore,
    Task,
    snapshot,
)
from tenhands.graph.store import GraphStore

GIVEN = "Quirijntje"
SURNAME = "Xylofoonvelde"
"""A synthetic name nobody has, so a search for it finds only what the tests stored."""

ON = date(2026, 10, 1)


def everything(store: GraphStore) -> list[str]:
    """Every value the store holds, as text, sorted: every row of every table, or the
    properties of every node and relationship."""
    if store.kind == "sqlite":
        path = store.describe().removeprefix("sqlite:///")
        with closing(sqlite3.connect(path)) as conn:
            tables = [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            return sorted(
                f"{table}: {row!r}"
                for table in tables
                for row in conn.execute(f'SELECT * FROM "{table}"')
            )
    import neo4j

    user, password = os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD")
    auth = (user, password) if user and password else None
    with neo4j.GraphDatabase.driver(os.environ["NEO4J_URI"], auth=auth) as driver:
        records = driver.execute_query(
            "MATCH (n) RETURN labels(n) AS kind, properties(n) AS props "
            "UNION ALL MATCH ()-[r]->() RETURN [type(r)] AS kind, properties(r) AS props"
        ).records
    return sorted(json.dumps([r["kind"], r["props"]], default=str, sort_keys=True) for r in records)


def mentions_name(store: GraphStore) -> bool:
    return any(GIVEN in text or SURNAME in text for text in everything(store))


def candidate(cid: str, kind: str, case_id: str, **extra: object) -> Candidate:
    return Candidate.model_validate(
        {"id": cid, "kind": kind, "case_id": case_id, "score": 0.9, **extra}
    )


def accepted(c: Candidate) -> Candidate:
    return c.model_copy(
        update={
            "status": ReviewStatus.accepted,
            "reviewed_by": "worker-an",
            "reviewed_at": datetime(2026, 11, 2, 10, 0, tzinfo=UTC),
        }
    )


@pytest.fixture
def world(store: GraphStore) -> GraphStore:
    """Two cases; ``p-x`` (the distinctive name) is in both networks, with ties, candidates,
    change sets, an outside record accepted as them, plan tasks and scale scores."""
    store.upsert_persons(
        [
            person("p-kid", "Lotte", "Vermeulen"),
            person("p-kid2", "Mira", "Claes"),
            person("p-x", GIVEN, SURNAME, birth_surname=SURNAME, aliases=[f"{GIVEN}ke"]),
            person("p-oma", "Rita", "Vermeulen"),
            person("p-buur", "Jef", "Peeters"),
        ]
    )
    store.create_case(case("c-1", "p-kid"))
    store.create_case(case("c-2", "p-kid2"))
    store.upsert_ties(
        [
            tie("t-1", "p-x", "p-kid", "parent"),
            tie("t-2", "p-oma", "p-x", "parent"),
            tie("t-3", "p-oma", "p-kid", "grandparent"),
            tie("t-4", "p-buur", "p-kid2", "neighbour"),
        ]
    )
    store.upsert_roles(
        [role("c-1", "p-x"), role("c-1", "p-oma"), role("c-2", "p-x"), role("c-2", "p-buur")]
    )
    store.add_records(
        [
            Record(id="r-x", case_id="c-1", given_names=GIVEN, surname=SURNAME),
            Record(id="r-maybe", case_id="c-2", given_names="Kwinten", surname="Anders"),
            Record(id="r-oma", case_id="c-1", given_names="Rita", surname="Vermeulen"),
        ]
    )
    evidence = [Evidence(field="surname", left=SURNAME, right=SURNAME, level="exact", weight=3)]
    for c in (
        accepted(candidate("m-1", "match", "c-1", record_id="r-x", person_id="p-x")),
        candidate("m-2", "duplicate", "c-1", person_id="p-oma", other_person_id="p-x"),
        candidate("m-3", "match", "c-2", record_id="r-maybe", person_id="p-x"),
        candidate("m-4", "match", "c-2", record_id="r-x", person_id="p-buur"),
        accepted(candidate("m-5", "match", "c-1", record_id="r-oma", person_id="p-oma")),
        accepted(candidate("m-6", "kin", "c-2", person_id="p-buur")),
        candidate("m-7", "kin", "c-1", person_id="p-kid"),
    ):
        if c.record_id == "r-x":
            c = c.model_copy(update={"explanation": evidence})
        store.save_candidate(c)

    def change_set(csid: str, subject: str, **images: object) -> ChangeSet:
        return ChangeSet.model_validate(
            {"id": csid, "subject_id": subject, "kind": "test", "created_by": "worker-an", **images}
        )

    x, oma = store.get_person("p-x"), store.get_person("p-oma")
    for cs in (
        change_set("cs-1", "m-1", before=[snapshot(EntityKind.person, x)]),
        change_set("cs-5", "m-5", before=[snapshot(EntityKind.person, oma)]),
        change_set("cs-6", "m-6", after=[snapshot(EntityKind.role, store.get_role("c-2", "p-x"))]),
        change_set("cs-7", "d-7", before=[snapshot(EntityKind.tie, store.get_tie("t-2"))]),
        change_set("cs-8", "d-8", created=[EntityRef(kind=EntityKind.person, id="p-x")]),
        change_set(
            "cs-9",
            "d-9",
            created=[EntityRef(kind=EntityKind.tie, id="t-3")],
            after=[snapshot(EntityKind.role, store.get_role("c-1", "p-oma"))],
        ),
    ):
        store.save_change_set(cs)

    store.add_plan(
        Plan(
            id="n-1",
            case_id="c-1",
            version=1,
            tasks=[
                Task(id="k-1", what="Woensdag ophalen", who=["p-x"], checked_by=["p-oma"]),
                Task(id="k-2", what="Samen koken", who=["p-x", "p-oma"], checked_by=["p-x"]),
                Task(id="k-3", what="Naar de zwemles", who=["p-oma"], checked_by=["p-buur"]),
                Task(id="k-5", what="Naar school fietsen", who=["p-kid"]),
            ],
            safety_scale=[
                ScaleScore(person_id="p-x", score=4, on=ON),
                ScaleScore(person_id="p-oma", score=6, on=ON),
                ScaleScore(label="worker", score=3, on=ON),
            ],
        )
    )
    store.add_plan(
        Plan(
            id="n-2",
            case_id="c-1",
            version=2,
            tasks=[Task(id="k-4", what="Voorlezen", who=["p-oma"])],
        )
    )
    store.add_plan(
        Plan(
            id="n-3",
            case_id="c-2",
            version=1,
            safety_scale=[ScaleScore(person_id="p-x", score=5, on=ON)],
        )
    )
    store.append_audit(
        AuditEvent(
            id="a-read",
            actor="worker-an",
            action=AuditAction.read,
            entity="person",
            entity_id="p-x",
            at=datetime(2026, 11, 1, 9, 0, tzinfo=UTC),
        )
    )
    return store


def test_candidates_of_person_lists_both_sides_by_id(world: GraphStore) -> None:
    assert [c.id for c in world.candidates_of_person("p-x")] == ["m-1", "m-2", "m-3"]
    assert [c.id for c in world.candidates_of_person("p-oma")] == ["m-2", "m-5"]
    assert world.candidates_of_person("p-kid") == [world.get_candidate("m-7")]
    assert world.candidates_of_person("p-none") == []


def test_erase_removes_the_person_and_everything_holding_them(world: GraphStore) -> None:
    assert mentions_name(world), "the search must find the name before the erasure"

    erasure = world.erase_person("p-x", actor="worker-an")

    assert erasure.person_id == "p-x"
    assert erasure.erased_by == "worker-an"
    assert erasure.cases == ["c-1", "c-2"]
    assert (erasure.ties, erasure.roles, erasure.records, erasure.plans) == (2, 2, 1, 2)
    # m-1, m-2, m-3 name the person; m-4 proposes the record accepted as them.
    assert (erasure.candidates, erasure.change_sets) == (4, 4)
    assert not mentions_name(world), "the erased person's name is still stored"

    with pytest.raises(NotFound):
        world.get_person("p-x")
    assert {p.id for p in world.list_persons()} == {"p-kid", "p-kid2", "p-oma", "p-buur"}
    # ties, both directions
    for tie_id in ("t-1", "t-2"):
        with pytest.raises(NotFound):
            world.get_tie(tie_id)
    assert [t.id for t in world.ties_of("p-oma")] == ["t-3"]
    assert [t.id for t in world.ties_of("p-kid")] == ["t-3"]
    assert [t.id for t in world.ties_of("p-buur")] == ["t-4"]
    # roles in every case
    assert [r.person_id for r in world.list_roles("c-1")] == ["p-oma"]
    assert [r.person_id for r in world.list_roles("c-2")] == ["p-buur"]


def test_erase_takes_candidates_change_sets_and_the_accepted_record(world: GraphStore) -> None:
    world.erase_person("p-x", actor="worker-an")

    for candidate_id in ("m-1", "m-2", "m-3", "m-4"):
        with pytest.raises(NotFound):
            world.get_candidate(candidate_id)
    assert [c.id for c in world.list_candidates("c-1")] == ["m-5", "m-7"]
    assert [c.id for c in world.list_candidates("c-2")] == ["m-6"]
    for change_set_id in ("cs-1", "cs-6", "cs-7", "cs-8"):
        with pytest.raises(NotFound):
            world.get_change_set(change_set_id)
    assert world.get_change_set("cs-5").subject_id == "m-5"
    assert world.get_change_set("cs-9").subject_id == "d-9"
    with pytest.raises(NotFound):
        world.get_record("r-x")
    assert [r.id for r in world.list_records()] == ["r-maybe", "r-oma"]


def test_erase_takes_the_person_out_of_plans(world: GraphStore) -> None:
    before = {p.id: p for case_id in ("c-1", "c-2") for p in world.list_plans(case_id)}

    world.erase_person("p-x", actor="worker-an")

    v1, v2 = world.list_plans("c-1")
    assert [(t.id, t.who, t.checked_by) for t in v1.tasks] == [
        ("k-2", ["p-oma"], []),
        ("k-3", ["p-oma"], ["p-buur"]),
        ("k-5", ["p-kid"], []),
    ]
    assert v1.tasks[1:] == before["n-1"].tasks[2:]
    assert [(s.person_id, s.label) for s in v1.safety_scale] == [("p-oma", None), (None, "worker")]
    assert v1.model_copy(update={"tasks": [], "safety_scale": []}) == before["n-1"].model_copy(
        update={"tasks": [], "safety_scale": []}
    )
    assert v2 == before["n-2"]
    (c2,) = world.list_plans("c-2")
    assert c2.safety_scale == []
    assert c2.model_copy(update={"safety_scale": []}) == before["n-3"].model_copy(
        update={"safety_scale": []}
    )


def test_erase_appends_one_audit_event_without_personal_values(world: GraphStore) -> None:
    before = {e.id for e in world.list_audit(limit=1000)}

    erasure = world.erase_person("p-x", actor="worker-an")

    events = world.list_audit(limit=1000)
    new = [e for e in events if e.id not in before]
    assert len(new) == 1
    (event,) = new
    assert (event.action, event.entity, event.entity_id, event.actor) == (
        AuditAction.erase,
        "person",
        "p-x",
        "worker-an",
    )
    assert event.at == erasure.erased_at
    erasures = world.list_audit(entity_id="p-x", action=AuditAction.erase)
    assert [e.id for e in erasures] == [event.id]
    assert "a-read" in {e.id for e in events}, "earlier audit events stay"
    for e in events:
        text = e.model_dump_json()
        assert GIVEN not in text and SURNAME not in text


def test_erase_of_someone_unknown_is_not_found_and_writes_nothing(world: GraphStore) -> None:
    stored = everything(world)
    with pytest.raises(NotFound):
        world.erase_person("p-none", actor="worker-an")
    assert everything(world) == stored


def test_a_child_of_a_case_is_not_erased_and_nothing_changes(world: GraphStore) -> None:
    world.set_role(role("c-2", "p-kid"))
    stored = everything(world)

    with pytest.raises(Conflict):
        world.erase_person("p-kid", actor="worker-an")

    assert everything(world) == stored
    assert world.get_person("p-kid").surname == "Vermeulen"
    assert [t.id for t in world.ties_of("p-kid")] == ["t-1", "t-3"]
    assert [r.case_id for r in world.roles_of("p-kid")] == ["c-2"]
    assert [c.id for c in world.candidates_of_person("p-kid")] == ["m-7"]


def test_an_erasure_failing_at_its_audit_event_leaves_everything(
    world: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or nothing: the audit event is written last; when it clashes, nothing went."""
    from tenhands.graph.stores.neo4j import subject as neo4j_subject
    from tenhands.graph.stores.sqlite import subject as sqlite_subject

    original = sqlite_subject.erasure_event
    for module in (sqlite_subject, neo4j_subject):
        monkeypatch.setattr(
            module, "erasure_event", lambda e: original(e).model_copy(update={"id": "a-read"})
        )
    stored = everything(world)

    with pytest.raises(Conflict):
        world.erase_person("p-x", actor="worker-an")

    assert everything(world) == stored
    assert world.get_person("p-x").surname == SURNAME


def test_erase_of_someone_with_nothing_else_counts_nothing(store: GraphStore) -> None:
    store.create_person(person("p-alone", GIVEN, SURNAME))

    erasure = store.erase_person("p-alone", actor="worker-an")

    assert erasure.model_dump(include={"cases", "ties", "roles", "candidates", "plans"}) == {
        "cases": [],
        "ties": 0,
        "roles": 0,
        "candidates": 0,
        "plans": 0,
    }
    assert (erasure.change_sets, erasure.records) == (0, 0)
    assert store.count_persons() == 0
    assert not mentions_name(store)
