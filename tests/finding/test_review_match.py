"""Review workflow: accepting a record ↔ person match fills only empty fields; undo."""

from __future__ import annotations

import pytest
from builders import person, role
from review_helpers import CASE, seed

from tenhands.finding.review import accept, undo
from tenhands.graph.model import Candidate, CandidateKind, PartialDate, ReviewStatus, Sex
from tenhands.graph.store import GraphStore


def _match(store: GraphStore) -> None:
    store.create_person(
        person("p-known", "Griet", "Peeters-Claes", birth_place=None, notes="door juf genoemd")
    )
    store.set_role(role(CASE, "p-known"))
    store.save_candidate(
        Candidate(
            id="m-match",
            kind=CandidateKind.match,
            case_id=CASE,
            record_id="r-aunt",
            person_id="p-known",
            score=0.93,
        )
    )


def test_match_fills_only_empty_fields(store: GraphStore) -> None:
    seed(store)
    _match(store)
    result = accept(store, "m-match", reviewer="worker-an")

    known = store.get_person("p-known")
    assert known.given_names == ["Griet"]  # entered by a worker: kept
    assert known.surname == "Peeters-Claes"  # kept, not the record's "Peeters"
    assert known.birth_surname == "Vermeulen"
    assert known.sex is Sex.female
    assert known.birth_date == PartialDate.parse("1971-04-12")
    assert known.birth_place == "Gent"
    assert known.contact.phones == ["+32 470 00 00 01"]
    assert [a.city for a in known.addresses] == ["Gent"]
    assert known.notes is not None and known.notes.startswith("door juf genoemd\n")
    assert "r-aunt" in known.notes and "registry" in known.notes
    assert set(result.filled) == {
        "addresses", "birth_date", "birth_place", "birth_surname", "emails", "phones", "sex",
    }  # fmt: skip
    assert store.get_candidate("m-match").status is ReviewStatus.accepted


def test_undo_match_empties_filled_fields(store: GraphStore) -> None:
    seed(store)
    _match(store)
    accept(store, "m-match", reviewer="worker-an")
    # a worker corrects one filled field afterwards: that one stays
    known = store.get_person("p-known")
    store.update_person(known.model_copy(update={"birth_place": "Gentbrugge"}))

    undo(store, "m-match", reviewer="worker-an")

    known = store.get_person("p-known")
    assert (known.given_names, known.surname) == (["Griet"], "Peeters-Claes")
    assert known.birth_surname is None
    assert known.sex is Sex.unknown
    assert known.birth_date is None
    assert known.birth_place == "Gentbrugge"
    assert known.addresses == [] and known.contact.phones == [] and known.contact.emails == []
    assert known.notes == "door juf genoemd"
    assert store.get_candidate("m-match").status is ReviewStatus.pending


def test_match_needs_record_and_person(store: GraphStore) -> None:
    from tenhands.graph.errors import InvalidInput

    seed(store)
    store.create_person(person("p-known", "Griet", "Peeters"))
    store.set_role(role(CASE, "p-known"))
    store.save_candidate(
        Candidate(
            id="m-bad", kind=CandidateKind.match, case_id=CASE, person_id="p-known", score=0.5
        )
    )
    with pytest.raises(InvalidInput):
        accept(store, "m-bad", reviewer="worker-an")
    assert store.get_candidate("m-bad").status is ReviewStatus.pending
