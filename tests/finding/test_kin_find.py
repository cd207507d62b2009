"""Kin search over outside records: who is known, who may be kin, and why (both stores)."""

from __future__ import annotations

import pytest
from kin_helpers import (
    AUNT,
    CASE,
    COUSIN,
    DECOY_CHILD,
    GRANDMOTHER,
    GRANDMOTHER_RECORD,
    HOUSEMATE,
    MOTHER,
    STRANGER,
    seed,
)

from tenhands.finding.kin import KinFinder, build_index, find_kin, store_records
from tenhands.finding.review import accept
from tenhands.graph.errors import NotFound
from tenhands.graph.store import GraphStore


def _search(store: GraphStore, limit: int = 20):  # type: ignore[no-untyped-def]
    return find_kin(store, CASE, build_index(store_records(store)), limit=limit)


def _by_record(search) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return {f.record_id: f for f in search.kin if f.record_id}


def test_a_known_persons_own_record_is_a_match_not_kin(store: GraphStore) -> None:
    seed(store)
    search = _search(store)
    matches = {f.record_id: f for f in search.matches}
    assert matches[GRANDMOTHER_RECORD].person_id == GRANDMOTHER
    assert matches[GRANDMOTHER_RECORD].probability > 0.9
    assert GRANDMOTHER_RECORD not in _by_record(search)


def test_a_record_naming_the_grandmother_as_mother_is_a_maternal_aunt(store: GraphStore) -> None:
    seed(store)
    aunt = _by_record(_search(store))[AUNT]
    assert aunt.relation == "child" and aunt.relation_to == GRANDMOTHER
    assert aunt.relation_code == "maternal_aunt"
    assert aunt.words("nl") == "tante langs moederskant"
    assert aunt.probability >= 0.6  # "waarschijnlijk" after the track record's mapping
    fields = {e.field: e for e in aunt.evidence}
    assert fields["mother_name surname"].level == "exact"
    assert fields["mother_name surname"].weight > 0
    assert fields["age_gap"].weight > 0
    # the waterfall sums: prior plus every part
    assert fields["prior"].weight < 0


def test_the_aunts_son_is_found_through_her_record_as_a_cousin(store: GraphStore) -> None:
    seed(store)
    found = _by_record(_search(store))
    cousin = found[COUSIN]
    assert cousin.relation_code == "maternal_first_cousin"
    # the chain starts at the grandmother, goes through the aunt's record, and the
    # cousin is that record's child
    assert cousin.relation_to == GRANDMOTHER and cousin.relation == "child"
    via = [(e.left, e.right) for e in cousin.evidence if e.field == "via_record"]
    assert via == [("child", AUNT)]
    # a second step can be no surer than the first
    assert cousin.probability <= found[AUNT].probability


def test_accepting_the_cousin_ties_him_to_no_one_he_is_not_the_child_of(
    store: GraphStore,
) -> None:
    """The cousin's hop (child) is to his mother's record, not to the grandmother the
    chain starts from: accepting him says his relation to the child and makes no tie."""
    seed(store)
    cousin = _by_record(_search(store))[COUSIN]
    saved = store.save_candidate(cousin.candidate(CASE))
    done = accept(store, saved.id, reviewer="worker")
    assert done.tie_id is None
    person = done.person_id
    assert person is not None
    assert not [t for t in store.ties_of(person) if GRANDMOTHER in (t.source_id, t.target_id)]
    decided = store.get_candidate(saved.id)
    assert decided.relation == "maternal_first_cousin"
    assert decided.relation_to == store.get_case(CASE).child_ids[0]


def test_the_parent_named_in_the_grandmothers_record_is_a_great_grandparent(
    store: GraphStore,
) -> None:
    seed(store)
    roger = _by_record(_search(store))[HOUSEMATE]
    assert roger.relation == "parent" and roger.relation_to == GRANDMOTHER
    assert roger.relation_code == "maternal_great_grandfather"
    rules = {e.field for e in roger.evidence}
    assert "also" in rules  # the shared address supports the parents' names


def test_impossible_ages_and_strangers_rank_low_or_not_at_all(store: GraphStore) -> None:
    seed(store)
    search = _search(store)
    found = _by_record(search)
    assert STRANGER not in found
    # born before Griet: never proposed as her child, at most as a namesake
    if DECOY_CHILD in found:
        assert found[DECOY_CHILD].relation != "child"
        assert found[DECOY_CHILD].probability < found[AUNT].probability
    assert not any(r.startswith("r-fill-") for r in found)
    scores = [f.probability for f in search.kin]
    assert scores == sorted(scores, reverse=True)


def test_limit_cuts_the_ranked_list(store: GraphStore) -> None:
    seed(store)
    assert len(_search(store, limit=1).kin) == 1


def test_an_unknown_case_is_not_found(store: GraphStore) -> None:
    seed(store)
    with pytest.raises(NotFound):
        KinFinder().search(store, "c-nobody")


def test_a_relative_in_another_case_is_proposed_from_the_graph(store: GraphStore) -> None:
    from builders import case, tie

    from tenhands.graph.model import Person, Sex

    seed(store, records=[])
    # Griet's son Tom is in another case's network, not in this one
    store.create_person(Person(id="p-tom", given_names=["Tom"], surname="Vermeulen",
                               sex=Sex.male))  # fmt: skip
    store.create_person(Person(id="p-other-child", given_names=["Mila"]))
    store.upsert_ties([tie("t-tom", GRANDMOTHER, "p-tom", "parent"),
                       tie("t-mila", "p-tom", "p-other-child", "parent")])  # fmt: skip
    store.create_case(case("c-other", "p-other-child"))
    search = _search(store)
    graph = {f.person_id: f for f in search.kin if f.person_id}
    assert graph["p-tom"].relation_code == "maternal_uncle"
    assert graph["p-other-child"].relation_code == "maternal_first_cousin"
    assert MOTHER not in graph and GRANDMOTHER not in graph


def test_what_workers_decided_shifts_a_rule_and_says_so(store: GraphStore) -> None:
    from tenhands.finding.kin.learning import CALIBRATION, Calibration
    from tenhands.finding.kin.track import logit2

    seed(store)
    index = build_index(store_records(store))
    plain = _by_record(find_kin(store, CASE, index))[AUNT]
    doubted = Calibration(adjustments={"named_parent": -2.0}, decisions={"named_parent": (2, 30)})
    shifted = _by_record(find_kin(store, CASE, index, calibration=doubted))[AUNT]
    assert shifted.probability < plain.probability
    lines = [e for e in shifted.evidence if e.field == CALIBRATION]
    assert [(e.right, e.weight) for e in lines] == [("named_parent", -2.0)]
    assert CALIBRATION not in {e.field for e in plain.evidence}
    # the correction lands whole on the score shown, after the track record's mapping
    assert logit2(shifted.probability) - logit2(plain.probability) == pytest.approx(-2.0)


def test_reasons_show_values_as_written(store: GraphStore) -> None:
    seed(store)
    aunt = _by_record(_search(store))[AUNT]
    surname = next(e for e in aunt.evidence if e.field == "mother_name surname")
    assert surname.left == "Griet Vermeulen (Vanhoutteghem)"  # the worker's entry
    assert surname.right == "Griet Vanhoutteghem"  # the record's mother_name
    age = next(e for e in aunt.evidence if e.field == "age_gap")
    assert age.right == "1991-09-12"
