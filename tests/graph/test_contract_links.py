"""Store contract: requests to share a person across a case boundary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from builders import case, person, role

from tenhands.graph.errors import NotFound
from tenhands.graph.model import Candidate, CandidateKind, LinkRequest, LinkStatus
from tenhands.graph.store import GraphStore

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def two_cases(store: GraphStore) -> GraphStore:
    for pid in ["a-kid", "a-mum", "b-kid", "b-oma"]:
        store.create_person(person(pid))
    store.create_case(case("c-a", "a-kid"))
    store.create_case(case("c-b", "b-kid"))
    store.set_role(role("c-a", "a-mum"))
    store.set_role(role("c-b", "b-oma"))
    store.save_candidate(
        Candidate(
            id="m-dup",
            kind=CandidateKind.duplicate,
            case_id="c-a",
            person_id="a-mum",
            other_person_id="b-oma",
            score=0.9,
        )
    )
    return store


def link(lid: str, at: datetime = T0, **extra: object) -> LinkRequest:
    return LinkRequest.model_validate(
        {
            "id": lid,
            "case_id": "c-a",
            "candidate_id": "m-dup",
            "person_id": "b-oma",
            "requested_by": "an.werker",
            "requested_at": at,
            **extra,
        }
    )


def test_a_request_round_trips_and_its_answer_replaces_it(two_cases: GraphStore) -> None:
    asked = two_cases.save_link(link("l-1", note="Bel me even"))
    assert two_cases.get_link("l-1") == asked
    answered = asked.model_copy(
        update={"status": LinkStatus.granted, "decided_by": "bert.werker", "decided_at": T0}
    )
    two_cases.save_link(answered)
    assert two_cases.get_link("l-1") == answered
    assert two_cases.list_links(status=LinkStatus.requested) == []
    assert two_cases.list_links(status=LinkStatus.granted) == [answered]


def test_lists_filter_by_asking_case_person_and_status_newest_first(
    two_cases: GraphStore,
) -> None:
    first = two_cases.save_link(link("l-1"))
    second = two_cases.save_link(link("l-2", at=T0 + timedelta(hours=1)))
    assert [x.id for x in two_cases.list_links(case_id="c-a")] == [second.id, first.id]
    assert two_cases.list_links(case_id="c-b") == []
    assert [x.id for x in two_cases.list_links(person_ids=["b-oma", "x"])] == ["l-2", "l-1"]
    assert two_cases.list_links(person_ids=[]) == []
    assert two_cases.list_links(person_ids=["a-mum"]) == []


def test_a_request_names_things_that_exist(two_cases: GraphStore) -> None:
    for missing in ({"case_id": "c-zz"}, {"candidate_id": "m-zz"}, {"person_id": "p-zz"}):
        with pytest.raises(NotFound):
            two_cases.save_link(link("l-x", **missing))
    assert two_cases.list_links() == []
    with pytest.raises(NotFound):
        two_cases.get_link("l-x")


def test_requests_go_with_the_asking_case_and_with_an_erased_person(
    two_cases: GraphStore,
) -> None:
    two_cases.save_link(link("l-1"))
    two_cases.erase_person("b-oma", actor="admin")
    assert two_cases.list_links() == []
    two_cases.create_person(person("b-oma2"))
    two_cases.set_role(role("c-b", "b-oma2"))
    two_cases.save_candidate(
        Candidate(
            id="m-dup2",
            kind=CandidateKind.duplicate,
            case_id="c-a",
            person_id="a-mum",
            other_person_id="b-oma2",
            score=0.9,
        )
    )
    two_cases.save_link(link("l-2", candidate_id="m-dup2", person_id="b-oma2"))
    two_cases.delete_case("c-a")
    assert two_cases.list_links() == []
