"""Exporting a case as one JSON document and reading it back unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import case, person, role, tie
from store_refusals import one_role_per_case

from tenhands.graph.bundle import CaseBundle, export_case, import_case
from tenhands.graph.errors import Conflict, InvalidInput, NotFound
from tenhands.graph.model import (
    Candidate,
    CandidateKind,
    Engagement,
    Evidence,
    Meeting,
    Plan,
    Record,
    ScaleScore,
    Task,
)
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def source(tmp_path: Path) -> SqliteStore:
    s = SqliteStore(tmp_path / "source.db")
    s.init_schema()
    s.upsert_persons(
        [
            person("kid", "Lina"),
            person("mum", "Sofie"),
            person("oma", "Ria"),
            person("elders", "Niet in de casus"),
        ]
    )
    s.upsert_ties(
        [
            tie("t-1", "mum", "kid", "parent"),
            tie("t-2", "oma", "mum", "parent"),
            tie("t-3", "oma", "elders", "friend"),
        ]
    )
    s.create_case(case("c-1", "kid"))
    s.upsert_roles([role("c-1", "mum", engagement=Engagement.engaged), role("c-1", "oma")])
    s.add_plan(
        Plan(
            id="n-1",
            case_id="c-1",
            worries=["Zorgen"],
            tasks=[Task(what="Ophalen", who=["oma"], due=date(2026, 12, 1))],
        )
    )
    s.add_records(
        [
            Record(id="r-1", case_id="c-1", surname="Peeters"),
            Record(id="r-2", surname="Peters"),
            Record(id="r-3", surname="Elders"),
        ]
    )
    s.save_candidate(
        Candidate(
            id="m-1",
            kind=CandidateKind.match,
            case_id="c-1",
            record_id="r-2",
            person_id="oma",
            score=0.8,
            explanation=[Evidence(field="surname", level="fuzzy", weight=2)],
        )
    )
    return s


def test_export_holds_the_case_and_nothing_else(source: SqliteStore) -> None:
    bundle = export_case(source, "c-1")
    assert [p.id for p in bundle.persons] == ["kid", "mum", "oma"]
    assert [t.id for t in bundle.ties] == ["t-1", "t-2"]
    assert [r.id for r in bundle.records] == ["r-1", "r-2"]
    assert [p.id for p in bundle.plans] == ["n-1"]
    assert [c.id for c in bundle.candidates] == ["m-1"]
    with pytest.raises(NotFound):
        export_case(source, "c-none")


def test_json_round_trip_into_an_empty_store_is_unchanged(
    source: SqliteStore, store: GraphStore
) -> None:
    bundle = export_case(source, "c-1")
    text = bundle.model_dump_json(indent=2)
    import_case(store, CaseBundle.model_validate_json(text))
    again = export_case(store, "c-1")
    assert again.same_content(bundle)
    assert again.model_dump_json(exclude={"exported_at"}) == bundle.model_dump_json(
        exclude={"exported_at"}
    )


def test_importing_twice_is_a_conflict(source: SqliteStore, store: GraphStore) -> None:
    bundle = export_case(source, "c-1")
    import_case(store, bundle)
    with pytest.raises(Conflict):
        import_case(store, bundle)
    assert store.count_persons() == 3


def test_inconsistent_bundle_writes_nothing(source: SqliteStore, store: GraphStore) -> None:
    bundle = export_case(source, "c-1")
    broken = bundle.model_copy(update={"ties": [*bundle.ties, tie("t-9", "kid", "ghost")]})
    with pytest.raises(InvalidInput, match="ghost"):
        import_case(store, broken)
    assert store.count_persons() == 0
    with pytest.raises(NotFound):
        store.get_case("c-1")


def _refused(store: GraphStore, bundle: CaseBundle, *said: str) -> None:
    """The bundle is refused with a sentence saying each of ``said``, and nothing of it
    is written."""
    with pytest.raises(InvalidInput) as refused:
        import_case(store, bundle)
    message = str(refused.value)
    assert message.startswith("the case file is inconsistent and nothing was imported: ")
    for words in said:
        assert words in message, message
    assert store.count_persons() == 0
    with pytest.raises(NotFound):
        store.get_case(bundle.case.id)


def test_a_plan_naming_someone_not_in_the_file_is_refused(
    source: SqliteStore, store: GraphStore
) -> None:
    bundle = export_case(source, "c-1")
    plan = bundle.plans[0]
    task = plan.tasks[0].model_copy(update={"checked_by": ["buurman"]})
    scale = ScaleScore(person_id="nonkel", score=6, on=date(2026, 1, 5))
    broken = plan.model_copy(update={"tasks": [task], "safety_scale": [scale]})
    _refused(
        store,
        bundle.model_copy(update={"plans": [broken]}),
        "plan version 1 refers to person 'buurman', not among the persons",
        "plan version 1 refers to person 'nonkel'",
    )


def test_a_meeting_on_a_plan_version_not_in_the_file_is_refused(
    source: SqliteStore, store: GraphStore
) -> None:
    bundle = export_case(source, "c-1")
    meeting = Meeting(id="mt-1", case_id="c-1", held_on=date(2026, 1, 5), plan_version=99)
    _refused(
        store,
        bundle.model_copy(update={"meetings": [meeting]}),
        "meeting 'mt-1' refers to plan version 99, not included",
    )
    meeting = meeting.model_copy(update={"plan_version": 1, "attended": ["kid", "tante"]})
    _refused(
        store,
        bundle.model_copy(update={"meetings": [meeting]}),
        "meeting 'mt-1' refers to person 'tante'",
    )


def test_roles_ties_and_candidates_pointing_nowhere_are_refused_together(
    source: SqliteStore, store: GraphStore
) -> None:
    bundle = export_case(source, "c-1")
    candidate = bundle.candidates[0].model_copy(update={"record_id": "r-weg"})
    broken = bundle.model_copy(
        update={
            "roles": [*bundle.roles, role("c-1", "spook")],
            "ties": [*bundle.ties, tie("t-9", "kid", "ghost")],
            "candidates": [candidate],
        }
    )
    _refused(
        store,
        broken,
        "a role refers to person 'spook', not among the persons",
        "tie 't-9' refers to person 'ghost'",
        "candidate 'm-1' refers to record 'r-weg', not included",
    )


def test_only_the_first_problems_are_named(source: SqliteStore, store: GraphStore) -> None:
    bundle = export_case(source, "c-1")
    ghosts = [tie(f"t-{n}", "kid", f"ghost-{n}") for n in range(8)]
    with pytest.raises(InvalidInput, match=r"ghost-4'[^;]*; and 3 more$"):
        import_case(store, bundle.model_copy(update={"ties": ghosts}))


def test_a_store_refusing_half_way_keeps_nothing(source: SqliteStore, store: GraphStore) -> None:
    """The roles are written after the persons, ties and the case: when the store refuses
    them, those go too."""
    bundle = export_case(source, "c-1")
    assert len(bundle.roles) == 2
    with one_role_per_case(store), pytest.raises(Conflict):
        import_case(store, bundle)
    assert store.count_persons() == 0
    assert store.list_records() == []
    with pytest.raises(NotFound):
        store.get_case("c-1")
    import_case(store, bundle)  # once the store takes it, the same file goes in whole
    assert export_case(store, "c-1").same_content(bundle)
