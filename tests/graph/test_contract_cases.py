"""Store contract: cases, their children and network roles."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from builders import case, person, role, tie

from tenhands.graph.errors import Conflict, InvalidInput, NotFound
from tenhands.graph.model import (
    Candidate,
    CandidateKind,
    Case,
    CaseStatus,
    Circle,
    Engagement,
    NetworkRole,
    Plan,
    Record,
    RiskFlag,
    SupportType,
    WorryKnowledge,
)
from tenhands.graph.store import GraphStore


@pytest.fixture
def family(store: GraphStore) -> GraphStore:
    for pid in ["p-kid", "p-sis", "p-mum", "p-oma", "p-buur"]:
        store.create_person(person(pid))
    return store


def test_case_round_trip(family: GraphStore) -> None:
    original = Case(
        id="c-1",
        title="De kinderen Peeters",
        child_ids=["p-sis", "p-kid"],
        status=CaseStatus.on_hold,
        opened_on=date(2026, 9, 1),
        team="Gent-Noord",
        notes="Broer en zus",
    )
    family.create_case(original)
    assert family.get_case("c-1") == original
    assert family.get_case("c-1").child_ids == ["p-sis", "p-kid"]


def test_case_with_a_missing_child_is_not_stored(family: GraphStore) -> None:
    with pytest.raises(NotFound, match="p-ghost"):
        family.create_case(case("c-1", "p-kid", "p-ghost"))
    with pytest.raises(NotFound):
        family.get_case("c-1")
    assert family.cases_of("p-kid") == []


def test_duplicate_case_is_a_conflict(family: GraphStore) -> None:
    family.create_case(case("c-1", "p-kid", title="Eerste"))
    with pytest.raises(Conflict):
        family.create_case(case("c-1", "p-sis", title="Tweede"))
    assert family.get_case("c-1").title == "Eerste"


def test_update_case_changes_its_children(family: GraphStore) -> None:
    family.create_case(case("c-1", "p-kid"))
    family.update_case(case("c-1", "p-kid", "p-sis", title="Broer en zus"))
    assert family.cases_of("p-sis") == ["c-1"]
    family.update_case(case("c-1", "p-sis"))
    assert family.cases_of("p-kid") == []
    with pytest.raises(NotFound):
        family.update_case(case("c-none", "p-kid"))


def test_list_cases_orders_by_id_and_pages(family: GraphStore) -> None:
    for cid in ["c-3", "c-1", "c-2"]:
        family.create_case(case(cid, "p-kid"))
    assert [c.id for c in family.list_cases()] == ["c-1", "c-2", "c-3"]
    assert [c.id for c in family.list_cases(limit=1, offset=1)] == ["c-2"]


def test_role_round_trip_and_replace(family: GraphStore) -> None:
    family.create_case(case("c-1", "p-kid"))
    original = NetworkRole(
        case_id="c-1",
        person_id="p-oma",
        circle=Circle.inner,
        engagement=Engagement.committed,
        support={SupportType.respite, SupportType.transport},
        risk_flags={RiskFlag.substance_use},
        confidential=True,
        named_by="p-mum",
        last_contact=datetime(2026, 10, 5, 14, 0, tzinfo=UTC),
        note="Haalt de kinderen op woensdag op",
    )
    stored = family.set_role(original)
    assert family.get_role("c-1", "p-oma") == stored
    assert stored.model_copy(update={"stages": []}) == original
    assert [(s.engagement, s.at) for s in stored.stages] == [
        (Engagement.committed, original.provenance.created_at)
    ]
    family.set_role(role("c-1", "p-oma", engagement=Engagement.declined))
    again = family.get_role("c-1", "p-oma")
    assert again.engagement is Engagement.declined
    assert [s.engagement for s in again.stages] == [Engagement.committed, Engagement.declined]
    assert len(family.list_roles("c-1")) == 1


def test_role_keeps_what_a_person_knows_about_the_worries(family: GraphStore) -> None:
    family.create_case(case("c-1", "p-kid"))
    family.upsert_roles(
        [
            NetworkRole(case_id="c-1", person_id="p-oma", knows_worries=WorryKnowledge.full),
            NetworkRole(case_id="c-1", person_id="p-buur", knows_worries=WorryKnowledge.none),
            NetworkRole(case_id="c-1", person_id="p-mum"),
        ]
    )
    knows = {r.person_id: r.knows_worries for r in family.list_roles("c-1")}
    assert knows == {"p-oma": WorryKnowledge.full, "p-buur": WorryKnowledge.none, "p-mum": None}
    graph = family.case_subgraph("c-1")
    assert graph.nodes["p-oma"]["role"].knows_worries is WorryKnowledge.full


def test_role_needs_an_existing_case_and_person(family: GraphStore) -> None:
    family.create_case(case("c-1", "p-kid"))
    with pytest.raises(NotFound, match="c-none"):
        family.set_role(role("c-none", "p-oma"))
    with pytest.raises(NotFound, match="p-ghost"):
        family.set_role(role("c-1", "p-ghost"))
    assert family.list_roles("c-1") == []


def test_unknown_role_and_case_are_not_found(family: GraphStore) -> None:
    family.create_case(case("c-1", "p-kid"))
    with pytest.raises(NotFound):
        family.get_role("c-1", "p-oma")
    with pytest.raises(NotFound):
        family.remove_role("c-1", "p-oma")
    with pytest.raises(NotFound):
        family.list_roles("c-none")
    with pytest.raises(NotFound):
        family.get_case("c-none")
    with pytest.raises(NotFound):
        family.delete_case("c-none")


def test_roles_list_in_person_order_and_cases_of(family: GraphStore) -> None:
    family.create_case(case("c-1", "p-kid"))
    family.create_case(case("c-2", "p-sis"))
    family.set_role(role("c-1", "p-oma"))
    family.set_role(role("c-1", "p-buur"))
    family.set_role(role("c-2", "p-oma"))
    assert [r.person_id for r in family.list_roles("c-1")] == ["p-buur", "p-oma"]
    assert family.cases_of("p-oma") == ["c-1", "c-2"]
    assert family.cases_of("p-kid") == ["c-1"]
    family.remove_role("c-1", "p-oma")
    assert family.cases_of("p-oma") == ["c-2"]


def test_upsert_roles_is_all_or_nothing(family: GraphStore) -> None:
    family.create_case(case("c-1", "p-kid"))
    with pytest.raises(InvalidInput):
        family.upsert_roles([role("c-1", "p-oma"), role("c-1", "p-oma")])
    with pytest.raises(NotFound):
        family.upsert_roles([role("c-1", "p-oma"), role("c-1", "p-ghost")])
    assert family.list_roles("c-1") == []
    assert family.upsert_roles([role("c-1", "p-oma"), role("c-1", "p-mum")]) == 2
    assert len(family.list_roles("c-1")) == 2


def test_delete_case_removes_what_belongs_to_it_only(family: GraphStore) -> None:
    family.create_case(case("c-1", "p-kid"))
    family.create_tie(tie("t-1", "p-oma", "p-kid", "grandparent"))
    family.set_role(role("c-1", "p-oma"))
    family.add_plan(Plan(id="n-1", case_id="c-1", worries=["Mama drinkt"]))
    family.add_records([Record(id="r-1", case_id="c-1", surname="Peeters")])
    family.save_candidate(
        Candidate(id="m-1", kind=CandidateKind.match, case_id="c-1", record_id="r-1", score=0.9)
    )
    family.delete_case("c-1")
    with pytest.raises(NotFound):
        family.get_case("c-1")
    with pytest.raises(NotFound):
        family.get_plan("n-1")
    with pytest.raises(NotFound):
        family.get_candidate("m-1")
    assert family.cases_of("p-oma") == []
    assert family.get_tie("t-1").kind.value == "grandparent"
    assert family.get_record("r-1").surname == "Peeters"
    assert family.count_persons() == 5
    family.delete_person("p-kid", cascade=True)  # no longer a child of any case
    assert family.count_persons() == 4


def test_roles_of_lists_a_persons_roles_across_cases(family: GraphStore) -> None:
    family.create_case(case("c-2", "p-kid"))
    family.create_case(case("c-1", "p-sis"))
    family.set_role(role("c-2", "p-oma", engagement=Engagement.committed))
    family.set_role(role("c-1", "p-oma"))
    family.set_role(role("c-1", "p-buur"))
    found = family.roles_of("p-oma")
    assert [(r.case_id, r.person_id) for r in found] == [("c-1", "p-oma"), ("c-2", "p-oma")]
    assert found[1] == family.get_role("c-2", "p-oma")
    assert family.roles_of("p-kid") == []  # a child of a case has no network role there
    assert family.roles_of("p-mum") == []
    with pytest.raises(NotFound, match="p-ghost"):
        family.roles_of("p-ghost")
    family.delete_case("c-2")
    assert [r.case_id for r in family.roles_of("p-oma")] == ["c-1"]
