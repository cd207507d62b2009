"""Review workflow: accepting and undoing kin candidates, the queue, the audit trail."""

from __future__ import annotations

import pytest
from builders import person, tie
from review_helpers import CASE, CHILD, MOTHER, kin, seed, share

from tenhands.finding.review import accept, direct_tie, review_queue, undo
from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import (
    Candidate,
    CandidateKind,
    Engagement,
    ReviewStatus,
    Sex,
    SourceKind,
    TieKind,
)
from tenhands.graph.store import GraphStore


def test_queue_lists_pending_best_first(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin("m-low", score=0.3))
    store.save_candidate(kin("m-high", relation="maternal_aunt", to=CHILD, score=0.9))
    store.save_candidate(kin("m-done", relation="cousin", to=CHILD, score=0.95))
    accept(store, "m-done", reviewer="worker-an")
    assert [c.id for c in review_queue(store, CASE)] == ["m-high", "m-low"]


def test_accept_sibling_creates_person_tie_and_role(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    result = accept(store, "m-kin", reviewer="worker-an")

    assert result.created_person and result.tie_id and result.role_case_id == CASE
    created = store.get_person(result.person_id)
    assert created.given_names == ["Griet", "Maria"]
    assert (created.surname, created.birth_surname) == ("Peeters", "Vermeulen")
    assert created.sex is Sex.female
    assert created.birth_date is not None and created.birth_date.iso() == "1971-04-12"
    assert created.birth_place == "Gent"
    assert [(a.street, a.house_number, a.postcode) for a in created.addresses] == [
        ("Kerkstraat", "12", "9000")
    ]
    assert created.contact.phones == ["+32 470 00 00 01"]
    assert created.contact.emails == ["griet@example.org"]
    assert created.provenance.created_by == "worker-an"
    assert created.provenance.source.kind is SourceKind.registry
    assert created.provenance.source.name == "rijksregister-extract"
    assert created.provenance.source.ref == "row-7"

    tie_ = store.get_tie(result.tie_id)
    assert tie_.kind is TieKind.sibling
    assert {tie_.source_id, tie_.target_id} == {created.id, MOTHER}
    assert tie_.confidence == pytest.approx(0.87)

    role_ = store.get_role(CASE, created.id)
    assert role_.engagement is Engagement.identified
    # in words a worker reads: the relation and the person it is to, never ids
    assert role_.note == "voorgesteld door TenHands: broer/zus van Elke Vermeulen"
    assert tie_.note == "voorgesteld door TenHands"

    decided = store.get_candidate("m-kin")
    assert decided.status is ReviewStatus.accepted
    assert decided.reviewed_by == "worker-an"
    assert decided.reviewed_at is not None and decided.reviewed_at.utcoffset() is not None
    assert decided.reviewed_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]


def test_accept_parent_relation_is_directed(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin(relation="maternal_grandmother", to=CHILD))
    result = accept(store, "m-kin", reviewer="worker-an")
    assert result.tie_id is not None
    tie_ = store.get_tie(result.tie_id)
    assert (tie_.kind, tie_.source_id, tie_.target_id) == (
        TieKind.grandparent,
        result.person_id,
        CHILD,
    )


def test_accept_indirect_relation_makes_no_tie_but_notes_it(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin(relation="maternal_aunt", to=CHILD))
    result = accept(store, "m-kin", reviewer="worker-an")
    assert result.tie_id is None
    assert store.ties_of(result.person_id) == []
    note = store.get_role(CASE, result.person_id).note
    # in words and by name, never a code or an id
    assert note == "voorgesteld door TenHands: tante langs moederskant van Lotte Vermeulen"


def test_relation_mapping() -> None:
    assert direct_tie("mother") is not None
    assert direct_tie("paternal_grandfather") is not None
    assert direct_tie("mother_of:p-1") is not None
    assert direct_tie("maternal_aunt") is None
    assert direct_tie("cousin") is None
    child = direct_tie("daughter")
    assert child is not None and (child.kind, child.candidate_is_source) == (TieKind.parent, False)


def test_undo_kin_removes_everything(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    result = accept(store, "m-kin", reviewer="worker-an")
    before_ties = {t.id for t in store.ties_of(MOTHER)}

    reopened = undo(store, "m-kin", reviewer="worker-an")

    assert reopened.status is ReviewStatus.pending
    assert reopened.reviewed_by is None and reopened.reviewed_at is None
    assert [e.field for e in store.get_candidate("m-kin").explanation] == ["surname"]
    with pytest.raises(NotFound):
        store.get_person(result.person_id)
    with pytest.raises(NotFound):
        store.get_tie(result.tie_id or "")
    assert {r.person_id for r in store.list_roles(CASE)} == {MOTHER}
    assert {t.id for t in store.ties_of(MOTHER)} == before_ties - {result.tie_id}
    # and it can be accepted again
    again = accept(store, "m-kin", reviewer="worker-bo")
    assert again.person_id != result.person_id


def test_undo_refused_when_something_was_attached(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    result = accept(store, "m-kin", reviewer="worker-an")
    store.create_person(person("p-friend", "Koen", "Maes"))
    store.create_tie(tie("t-friend", "p-friend", result.person_id, "friend"))

    with pytest.raises(Conflict, match="changed or linked"):
        undo(store, "m-kin", reviewer="worker-an")

    assert store.get_candidate("m-kin").status is ReviewStatus.accepted
    assert store.get_person(result.person_id).surname == "Peeters"
    assert store.get_tie(result.tie_id or "").kind is TieKind.sibling
    assert store.get_role(CASE, result.person_id).engagement is Engagement.identified
    assert len(store.ties_of(result.person_id)) == 2


def test_undo_refused_when_person_was_edited(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    result = accept(store, "m-kin", reviewer="worker-an")
    edited = store.get_person(result.person_id)
    store.update_person(
        edited.model_copy(
            update={"notes": "belde terug", "provenance": edited.provenance.touched("w")}
        )
    )
    with pytest.raises(Conflict):
        undo(store, "m-kin", reviewer="worker-an")
    assert store.get_person(result.person_id).notes == "belde terug"


def test_domain_errors(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    with pytest.raises(NotFound):
        accept(store, "m-nope", reviewer="worker-an")
    with pytest.raises(NotFound):
        undo(store, "m-nope", reviewer="worker-an")
    with pytest.raises(Conflict, match="pending"):
        undo(store, "m-kin", reviewer="worker-an")
    accept(store, "m-kin", reviewer="worker-an")
    persons = store.count_persons()
    with pytest.raises(Conflict, match="already accepted"):
        accept(store, "m-kin", reviewer="worker-bo")
    assert store.count_persons() == persons
    assert store.get_candidate("m-kin").reviewed_by == "worker-an"


def test_kin_from_existing_person_adds_tie_and_role_only(store: GraphStore) -> None:
    seed(store)
    store.create_person(person("p-uncle", "Jozef", "Vermeulen"))
    store.save_candidate(
        Candidate(
            id="m-p",
            kind=CandidateKind.kin,
            case_id=CASE,
            person_id="p-uncle",
            relation="brother",
            relation_to=MOTHER,
            score=0.7,
        )
    )
    share(store, "m-p")  # a person of no case: an admin shares them
    result = accept(store, "m-p", reviewer="worker-an")
    assert (result.person_id, result.created_person) == ("p-uncle", False)
    assert store.get_tie(result.tie_id or "").kind is TieKind.sibling
    undo(store, "m-p", reviewer="worker-an")
    assert store.get_person("p-uncle").given_names == ["Jozef"]
    assert store.ties_of("p-uncle") == []
    assert "p-uncle" not in {r.person_id for r in store.list_roles(CASE)}


def test_undo_refused_when_role_was_worked_on(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    result = accept(store, "m-kin", reviewer="worker-an")
    role_ = store.get_role(CASE, result.person_id)
    store.set_role(role_.model_copy(update={"engagement": Engagement.contacted}))
    with pytest.raises(Conflict, match="worked on"):
        undo(store, "m-kin", reviewer="worker-an")
    assert store.get_role(CASE, result.person_id).engagement is Engagement.contacted
    assert store.get_person(result.person_id).surname == "Peeters"
    assert store.get_candidate("m-kin").status is ReviewStatus.accepted


def test_accept_with_missing_relative_writes_nothing(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin(to="p-nobody"))
    persons = store.count_persons()
    with pytest.raises(NotFound):
        accept(store, "m-kin", reviewer="worker-an")
    assert store.count_persons() == persons
    assert store.get_candidate("m-kin").status is ReviewStatus.pending
    assert store.list_audit(case_id=CASE) == []


def test_worker_corrects_the_relation_on_accept(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin(relation="maternal_aunt", to=CHILD))
    result = accept(store, "m-kin", reviewer="worker-an", relation="mother_of:" + MOTHER)
    tie_ = store.get_tie(result.tie_id or "")
    assert (tie_.kind, tie_.source_id, tie_.target_id) == (TieKind.parent, result.person_id, MOTHER)
    decided = store.get_candidate("m-kin")
    assert (decided.relation, decided.relation_to) == ("mother", MOTHER)
