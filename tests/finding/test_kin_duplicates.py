"""Possible duplicate persons across cases: proposed, and merged reversibly on accept."""

from __future__ import annotations

import math

import pytest
from builders import case, person, role, tie
from matching_helpers import family_sets

from tenhands.finding.kin import duplicates
from tenhands.finding.kin.duplicates import find_duplicates
from tenhands.finding.kin.found import ELSEWHERE
from tenhands.finding.review import accept, decide_link, request_link, undo
from tenhands.graph.errors import Forbidden, NotFound
from tenhands.graph.model import Address, CandidateKind, Confidential, PartialDate, Sex
from tenhands.graph.store import GraphStore
from tenhands.graph.visibility import CaseBoundary

HOME = [Address(street="Kerkstraat", house_number="4", postcode="9000", city="Gent")]


def _seed(
    store: GraphStore, *, other_given: str = "Jozef", other_birth: str = "1958-04-12"
) -> None:
    """Case c-a: Lotte and her father Jef Peeters. Case c-b: Wout, and a man who is
    Jef again (nickname and surname typo) unless told otherwise."""
    store.create_person(
        person("p-lotte", "Lotte", "Peeters", sex=Sex.female,
               birth_date=PartialDate.parse("2015-03-02"), addresses=HOME)
    )  # fmt: skip
    store.create_person(
        person("p-jef", "Jef", "Peeters", sex=Sex.male,
               birth_date=PartialDate.parse("1958-04-12"), addresses=HOME)
    )  # fmt: skip
    store.create_case(case("c-a", "p-lotte"))
    store.set_role(role("c-a", "p-jef"))
    store.create_tie(tie("t-father", "p-jef", "p-lotte", "parent"))
    store.create_person(
        person("p-wout", "Wout", "Maes", sex=Sex.male, birth_date=PartialDate.parse("2012-05-06"))
    )
    store.create_person(
        person("p-other", other_given, "Peters", sex=Sex.male,
               birth_date=PartialDate.parse(other_birth), birth_place="Gent")
    )  # fmt: skip
    store.create_case(case("c-b", "p-wout"))
    store.set_role(role("c-b", "p-other"))


def test_person_in_two_cases_is_proposed_as_a_link_without_their_data(
    store: GraphStore,
) -> None:
    _seed(store)
    found = find_duplicates(store, "c-a")

    assert [(f.person_id, f.other_person_id) for f in found] == [("p-jef", "p-other")]
    dup = found[0]
    assert dup.kind is CandidateKind.duplicate and dup.rule == "duplicate" and dup.elsewhere
    assert dup.probability >= 0.9
    [only] = dup.evidence  # one entry: that they may be known elsewhere, nothing of theirs
    assert (only.field, only.left, only.right) == (ELSEWHERE, None, None)
    assert math.isclose(1 / (1 + 2**-only.weight), dup.probability, rel_tol=1e-6)
    stored = dup.candidate("c-a").model_dump_json()
    assert not any(v in stored for v in ("Jozef", "jozef", "Peters", "Gent", "1958"))
    # from the other case, the other way round
    back = find_duplicates(store, "c-b")
    assert [(f.person_id, f.other_person_id) for f in back] == [("p-other", "p-jef")]
    assert back[0].elsewhere and "Kerkstraat" not in back[0].candidate("c-b").model_dump_json()


def test_father_and_son_of_one_name_are_not_proposed(store: GraphStore) -> None:
    _seed(store, other_given="Jef", other_birth="1985-02-03")
    assert find_duplicates(store, "c-a") == []
    assert find_duplicates(store, "c-b") == []


def test_persons_tied_to_each_other_are_not_proposed(store: GraphStore) -> None:
    _seed(store)
    store.create_tie(tie("t-friends", "p-other", "p-jef", "friend"))
    assert find_duplicates(store, "c-a") == []
    assert find_duplicates(store, "c-b") == []


def test_persons_of_one_case_are_compared_among_themselves(store: GraphStore) -> None:
    _seed(store)
    store.set_role(role("c-a", "p-other"))
    found = find_duplicates(store, "c-a")
    assert [(f.person_id, f.other_person_id) for f in found] == [("p-jef", "p-other")]
    dup = found[0]
    assert not dup.elsewhere and dup.probability >= 0.9
    prior = dup.evidence[0]
    assert (prior.field, prior.level, prior.right) == (
        "prior",
        "the same person entered twice",
        "duplicate",
    )
    fields = {e.field: e for e in dup.evidence}
    assert (fields["given_names"].left, fields["given_names"].right) == ("jef", "jozef")
    assert fields["birth_date"].level == "exact"
    bits = sum(e.weight for e in dup.evidence)
    assert math.isclose(1 / (1 + 2**-bits), dup.probability, rel_tol=1e-6)


def test_threshold_limit_and_confidential_identity(store: GraphStore) -> None:
    _seed(store)
    assert find_duplicates(store, "c-a", limit=0) == []
    assert find_duplicates(store, "c-a", threshold=1.0) == []
    hidden = store.get_person("p-other")
    store.update_person(hidden.model_copy(update={"confidential": {Confidential.identity}}))
    assert find_duplicates(store, "c-a") == []


def test_large_store_learns_from_a_sample(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(store)
    store.set_role(role("c-a", "p-other"))
    monkeypatch.setattr(duplicates, "TRAIN_LIMIT", 3)
    found = find_duplicates(store, "c-a")
    assert [(f.person_id, f.other_person_id) for f in found] == [("p-jef", "p-other")]
    assert found[0].evidence[0].field == "prior"


def test_unknown_case(store: GraphStore) -> None:
    with pytest.raises(NotFound):
        find_duplicates(store, "c-none")


def test_accepted_proposal_merges_and_undo_restores(store: GraphStore) -> None:
    _seed(store)
    [dup] = find_duplicates(store, "c-a")
    saved = store.save_candidate(dup.candidate("c-a"))

    with pytest.raises(Forbidden):  # the other case did not share p-other yet
        accept(store, saved.id, reviewer="worker")
    assert store.get_person("p-other").given_names == ["Jozef"]
    link = request_link(store, saved.id, requester="worker", note="Dezelfde vader?")
    with pytest.raises(Forbidden):  # only who sees p-other answers
        decide_link(store, link.id, decider="worker", viewer=CaseBoundary.of(store, "c-a"),
                    grant=True)  # fmt: skip
    decide_link(store, link.id, decider="bert", viewer=CaseBoundary.of(store, "c-b"), grant=True)
    accept(store, saved.id, reviewer="worker")
    with pytest.raises(NotFound):
        store.get_person("p-other")
    kept = store.get_person("p-jef")
    assert "Jozef" in kept.aliases and kept.birth_place == "Gent"
    assert "c-b" in store.cases_of("p-jef")

    undo(store, saved.id, reviewer="worker")
    restored = store.get_person("p-other")
    assert (restored.given_names, restored.surname) == (["Jozef"], "Peters")
    kept = store.get_person("p-jef")
    assert kept.aliases == [] and kept.birth_place is None
    assert store.cases_of("p-jef") == ["c-a"] and store.cases_of("p-other") == ["c-b"]


def _background(store: GraphStore) -> None:
    """Families of two to four children (the matching tests' registry) as persons of
    no case: a store the matcher learns from."""
    left, _, _ = family_sets(n_families=60)
    for row in left:
        store.create_person(
            person(
                f"p-{row['id']}",
                row["given_names"] or "",
                row["surname"] or "",
                sex=Sex.male if row["sex"] == "M" else Sex.female,
                birth_date=PartialDate.parse(row["birth_date"] or ""),
                birth_place=row["birth_place"],
                addresses=[
                    Address(street=row["street"], house_number=row["house_number"],
                            postcode=row["postcode"], city=row["city"])
                ],
            )
        )  # fmt: skip


def _twin(store: GraphStore, given: str, sex: Sex = Sex.female) -> None:
    """Lotte's case (c-a) and, in case c-b, a child born the same day at her address,
    among other families."""
    _background(store)
    _seed(store)
    store.create_person(
        person("p-twin", given, "Peeters", sex=sex,
               birth_date=PartialDate.parse("2015-03-02"), addresses=HOME)
    )  # fmt: skip
    store.set_role(role("c-b", "p-twin"))


def test_a_twin_with_another_given_name_is_not_proposed(store: GraphStore) -> None:
    _twin(store, "Noor")
    assert all(
        "p-twin" not in (f.person_id, f.other_person_id) for f in find_duplicates(store, "c-a")
    )


def test_a_twin_of_another_sex_is_not_proposed(store: GraphStore) -> None:
    _twin(store, "Lotte", Sex.male)
    assert all(
        "p-twin" not in (f.person_id, f.other_person_id) for f in find_duplicates(store, "c-a")
    )


def test_the_same_child_with_a_typo_in_another_case_is_proposed(store: GraphStore) -> None:
    _twin(store, "Lote")
    found = find_duplicates(store, "c-a")
    assert ("p-lotte", "p-twin") in [(f.person_id, f.other_person_id) for f in found]


def test_senior_and_junior_of_one_name_are_not_proposed(store: GraphStore) -> None:
    """Jef Peeters sr. in one case, Jef Peeters jr. in another; no birth dates."""
    _background(store)
    store.create_person(person("p-sr", "Jef sr.", "Peeters", sex=Sex.male, addresses=HOME))
    store.create_person(person("p-lotte", "Lotte", "Peeters", sex=Sex.female, addresses=HOME))
    store.create_case(case("c-a", "p-lotte"))
    store.set_role(role("c-a", "p-sr"))
    store.create_person(person("p-jr", "Jef jr.", "Peeters", sex=Sex.male, addresses=HOME))
    store.create_person(person("p-wout", "Wout", "Maes", sex=Sex.male))
    store.create_case(case("c-b", "p-wout"))
    store.set_role(role("c-b", "p-jr"))
    assert all(
        "p-jr" not in (f.person_id, f.other_person_id) for f in find_duplicates(store, "c-a")
    )
