"""Store contract: meetings, feedback, a plan version's update, and each network role's
engagement history."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from builders import case, person, role

from tenhands.graph.errors import Conflict, InvalidInput, NotFound
from tenhands.graph.model import (
    Engagement,
    Feedback,
    Meeting,
    MeetingKind,
    Plan,
    Provenance,
    Question,
    Respondent,
    StageChange,
    Task,
    TaskStatus,
)
from tenhands.graph.store import GraphStore


@pytest.fixture
def family(store: GraphStore) -> GraphStore:
    for pid in ["p-kid", "p-mum", "p-oma", "p-buur", "p-kid2"]:
        store.create_person(person(pid))
    store.create_case(case("c-1", "p-kid"))
    store.create_case(case("c-2", "p-kid2"))
    store.upsert_roles([role("c-1", "p-mum"), role("c-1", "p-oma"), role("c-1", "p-buur")])
    return store


def meeting(mid: str, held_on: date, case_id: str = "c-1", **extra: object) -> Meeting:
    return Meeting.model_validate({"id": mid, "case_id": case_id, "held_on": held_on, **extra})


def feedback(fid: str, given_on: date, case_id: str = "c-1", **extra: object) -> Feedback:
    return Feedback.model_validate(
        {"id": fid, "case_id": case_id, "given_on": given_on, "answers": {"heard": 4}, **extra}
    )


def test_meeting_round_trip_in_date_order(family: GraphStore) -> None:
    later = meeting(
        "m-2",
        date(2026, 12, 12),
        kind=MeetingKind.review,
        attended=["p-mum", "p-oma"],
        others=["coördinator"],
        plan_version=2,
        next_review_on=date(2027, 1, 9),
        note="Alles liep goed",
    )
    family.add_meeting(later)
    family.add_meeting(meeting("m-1", date(2026, 11, 14), attended=["p-kid"]))
    family.add_meeting(meeting("m-9", date(2026, 11, 1), case_id="c-2"))
    assert family.get_meeting("m-2") == later
    assert [m.id for m in family.list_meetings("c-1")] == ["m-1", "m-2"]
    assert [m.id for m in family.list_meetings("c-2")] == ["m-9"]


def test_meeting_errors(family: GraphStore) -> None:
    family.add_meeting(meeting("m-1", date(2026, 11, 14)))
    with pytest.raises(Conflict):
        family.add_meeting(meeting("m-1", date(2026, 11, 15)))
    with pytest.raises(NotFound):
        family.add_meeting(meeting("m-2", date(2026, 11, 15), case_id="c-none"))
    with pytest.raises(NotFound):
        family.get_meeting("m-none")
    with pytest.raises(NotFound):
        family.list_meetings("c-none")
    with pytest.raises(NotFound):
        family.update_meeting(meeting("m-none", date(2026, 11, 15)))
    with pytest.raises(InvalidInput):
        family.update_meeting(meeting("m-1", date(2026, 11, 15), case_id="c-2"))
    assert family.get_meeting("m-1").held_on == date(2026, 11, 14)
    with pytest.raises(NotFound):
        family.delete_meeting("m-none")


def test_meeting_update_and_delete(family: GraphStore) -> None:
    family.add_meeting(meeting("m-1", date(2026, 11, 14)))
    family.add_meeting(meeting("m-2", date(2026, 11, 20)))
    family.update_meeting(meeting("m-2", date(2026, 11, 1), attended=["p-oma"]))
    assert [m.id for m in family.list_meetings("c-1")] == ["m-2", "m-1"]
    assert family.get_meeting("m-2").attended == ["p-oma"]
    family.delete_meeting("m-1")
    assert [m.id for m in family.list_meetings("c-1")] == ["m-2"]


def test_feedback_lists_by_case_and_dates(family: GraphStore) -> None:
    family.add_meeting(meeting("m-1", date(2026, 11, 14)))
    family.add_feedback(
        feedback(
            "f-2",
            date(2026, 11, 20),
            meeting_id="m-1",
            respondent=Respondent.parent,
            answers={Question.heard: 5, Question.own_plan: 3},
            comment="Fijn dat oma erbij was",
        )
    )
    family.add_feedback(feedback("f-1", date(2026, 11, 14)))
    family.add_feedback(feedback("f-3", date(2026, 12, 1), case_id="c-2"))
    assert family.list_feedback(case_id="c-1")[1].answers == {
        Question.heard: 5,
        Question.own_plan: 3,
    }
    assert [f.id for f in family.list_feedback()] == ["f-1", "f-2", "f-3"]
    assert [f.id for f in family.list_feedback(case_id="c-1")] == ["f-1", "f-2"]
    assert [f.id for f in family.list_feedback(since=date(2026, 11, 20))] == ["f-2", "f-3"]
    assert [f.id for f in family.list_feedback(until=date(2026, 11, 20))] == ["f-1", "f-2"]
    assert [f.id for f in family.list_feedback(limit=1, offset=1)] == ["f-2"]
    with pytest.raises(NotFound):
        family.list_feedback(case_id="c-none")


def test_feedback_errors(family: GraphStore) -> None:
    family.add_meeting(meeting("m-2", date(2026, 11, 1), case_id="c-2"))
    family.add_feedback(feedback("f-1", date(2026, 11, 14)))
    with pytest.raises(Conflict):
        family.add_feedback(feedback("f-1", date(2026, 11, 15)))
    with pytest.raises(NotFound):
        family.add_feedback(feedback("f-2", date(2026, 11, 15), case_id="c-none"))
    with pytest.raises(NotFound):  # a meeting of another case
        family.add_feedback(feedback("f-3", date(2026, 11, 15), meeting_id="m-2"))
    assert [f.id for f in family.list_feedback()] == ["f-1"]


def test_update_plan_replaces_one_version_only(family: GraphStore) -> None:
    task = Task(id="k-1", what="Woensdag koken", who=["p-oma"])
    v1 = family.add_plan(Plan(id="n-1", case_id="c-1", version=1, tasks=[task]))
    v2 = family.add_plan(Plan(id="n-2", case_id="c-1", version=2, tasks=[task]))
    done = v2.model_copy(update={"tasks": [task.model_copy(update={"status": TaskStatus.done})]})
    assert family.update_plan(done) == done
    assert family.list_plans("c-1") == [v1, done]
    with pytest.raises(NotFound):
        family.update_plan(Plan(id="n-none", case_id="c-1", version=3))
    with pytest.raises(InvalidInput):
        family.update_plan(v1.model_copy(update={"version": 2}))
    with pytest.raises(InvalidInput):
        family.update_plan(v1.model_copy(update={"case_id": "c-2"}))
    assert family.get_plan("n-1") == v1


def test_delete_case_takes_meetings_and_feedback(family: GraphStore) -> None:
    family.add_meeting(meeting("m-1", date(2026, 11, 14)))
    family.add_feedback(feedback("f-1", date(2026, 11, 14), meeting_id="m-1"))
    family.add_feedback(feedback("f-2", date(2026, 11, 14), case_id="c-2"))
    family.delete_case("c-1")
    with pytest.raises(NotFound):
        family.get_meeting("m-1")
    assert [f.id for f in family.list_feedback()] == ["f-2"]


def at(day: int) -> Provenance:
    return Provenance(created_by="an", created_at=datetime(2026, 11, day, 9, 0, tzinfo=UTC))


def test_roles_keep_their_engagement_history(family: GraphStore) -> None:
    family.create_person(person("p-new"))
    family.set_role(role("c-1", "p-new", engagement=Engagement.located, provenance=at(2)))
    same = family.set_role(
        role("c-1", "p-new", engagement=Engagement.located, note="belt terug", provenance=at(3))
    )
    assert [(s.engagement, s.at.day) for s in same.stages] == [(Engagement.located, 2)]
    touched = at(4).touched("bert")
    moved = family.set_role(
        role("c-1", "p-new", engagement=Engagement.contacted, provenance=touched)
    )
    assert [(s.engagement, s.by) for s in moved.stages] == [
        (Engagement.located, "an"),
        (Engagement.contacted, "bert"),
    ]
    assert moved.stages[-1].at == touched.updated_at
    # A caller sending its own history cannot rewrite the stored one.
    family.upsert_roles(
        [moved.model_copy(update={"stages": [], "engagement": Engagement.declined})]
    )
    kept = family.get_role("c-1", "p-new")
    assert [s.engagement for s in kept.stages] == [
        Engagement.located,
        Engagement.contacted,
        Engagement.declined,
    ]
    assert kept.furthest_stage() is Engagement.contacted


def test_a_new_role_keeps_the_history_it_brings(family: GraphStore) -> None:
    family.create_person(person("p-new"))
    history = [
        StageChange(engagement=Engagement.identified, at=datetime(2026, 3, 1, tzinfo=UTC)),
        StageChange(engagement=Engagement.committed, at=datetime(2026, 5, 1, tzinfo=UTC)),
    ]
    stored = family.set_role(role("c-1", "p-new", engagement=Engagement.committed, stages=history))
    assert stored.stages == history
    assert family.get_role("c-1", "p-new").stages == history


def test_erase_takes_the_person_out_of_meetings_and_who_they_named(family: GraphStore) -> None:
    family.add_meeting(meeting("m-1", date(2026, 11, 14), attended=["p-mum", "p-oma"]))
    family.add_meeting(meeting("m-2", date(2026, 11, 20), attended=["p-mum"]))
    family.set_role(role("c-1", "p-buur", named_by="p-oma"))
    erasure = family.erase_person("p-oma", actor="worker-an")
    assert (erasure.meetings, erasure.named) == (1, 1)
    assert family.get_meeting("m-1").attended == ["p-mum"]
    assert family.get_meeting("m-2").attended == ["p-mum"]
    assert family.get_role("c-1", "p-buur").named_by is None
