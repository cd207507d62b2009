"""Relatives are not the same person: siblings share surname, parents and address."""

from __future__ import annotations

import numpy as np
from matching_helpers import family_sets

from tenhands.finding.matching import (
    DEFAULT_COMPARISONS,
    StringComparison,
    block,
    link,
    prepare,
    quality,
)
from tenhands.finding.matching.em import cap_family, family_cap


def test_siblings_score_low_and_the_same_person_with_a_nickname_and_typo_high() -> None:
    left, right, truth = family_sets()
    links = link(left, right)
    probability = {links.ids(k): float(links.probabilities[k]) for k in range(len(links.pairs))}
    siblings = [
        pair for pair in probability if pair[1].startswith("C") and pair not in truth
        and pair[0].split("-")[0] == "F" + pair[1][1:]
    ]  # fmt: skip
    assert len(siblings) >= 80
    assert max(probability[pair] for pair in siblings) < 0.5
    assert all(probability[pair] > 0.5 for pair in truth)
    found = {links.ids(k) for k in links.above(0.5)}
    assert found == truth


def test_a_different_full_birth_date_weighs_heavily_against() -> None:
    left, right, _ = family_sets()
    model = link(left, right).model
    f = [c.field for c in model.comparisons].index("birth_date")
    assert model.comparisons[f].level_names[-1] == "different"
    assert model.level_weights()[f][-1] < -6
    assert model.m[f][-1] <= 0.005


def test_family_fields_together_say_at_most_the_family_cap() -> None:
    left, right, _ = family_sets()
    links = link(left, right)
    family = links.model.family
    assert family.sum() >= 6
    assert np.isfinite(links.model.family_cap)
    assert (links.contributions[:, family].sum(axis=1) <= links.model.family_cap + 1e-9).all()


def test_the_cap_scales_only_positive_family_weights() -> None:
    rows = np.array([[10.0, 10.0, -2.0, 5.0]])
    out = cap_family(rows.copy(), np.array([True, True, True, False]), 8.0)
    assert out[0].tolist() == [5.0, 5.0, -2.0, 5.0]
    untouched = cap_family(rows.copy(), np.array([True, True, True, False]), 30.0)
    assert untouched[0].tolist() == rows[0].tolist()


def test_family_cap_counts_pairs_sharing_a_household() -> None:
    rows = [
        {"id": str(i), "street": "Kerkstraat", "house_number": str(i // 4), "postcode": "9000"}
        for i in range(16)
    ]
    # 4 households of 4: 4 × 6 pairs share a household among 120
    assert np.isclose(family_cap(prepare(rows), None), -np.log2(24 / 120))
    assert family_cap(prepare([{"id": "a", "surname": "Maes"}]), None) == float("inf")


def test_nicknames_reach_the_equivalence_level_above_fuzzy() -> None:
    given = next(c for c in DEFAULT_COMPARISONS if c.field == "given_names")
    assert isinstance(given, StringComparison)
    names = given.level_names
    assert names.index("same name by equivalence") < names.index("similar ≥ 0.92")
    left = prepare([{"id": str(i), "given_names": g} for i, g in enumerate(
        ["Jozef", "Maria Josephina", "Jan", "Pieter Jan", "Jan"]
    )])  # fmt: skip
    right = prepare([{"id": str(i), "given_names": g} for i, g in enumerate(
        ["Jef", "Mieke", "Janet", "Jan", "Jan"]
    )])  # fmt: skip
    from tenhands.finding.matching import Pairs

    index = np.arange(5, dtype=np.int64)
    levels = given.levels(left, right, Pairs(left=index, right=index))
    got = [names[k] for k in levels.tolist()]
    assert got[0] == got[1] == got[3] == "same name by equivalence"
    assert got[2] != "same name by equivalence"
    assert got[4] == "exact"


def test_surname_compares_full_and_particle_free_forms() -> None:
    from tenhands.finding import normalize as nz
    from tenhands.finding.matching import Pairs

    surname = next(c for c in DEFAULT_COMPARISONS if c.field == "surname")
    pairs = [("Van den Bossche", "Bossche"), ("Van Damme", "Vandamme"), ("De Wulf", "Peeters")]
    left = prepare([{"id": str(i), "surname": a} for i, (a, _) in enumerate(pairs)])
    right = prepare([{"id": str(i), "surname": b} for i, (_, b) in enumerate(pairs)])
    index = np.arange(len(pairs), dtype=np.int64)
    levels = surname.levels(left, right, Pairs(left=index, right=index)).tolist()
    assert levels[:2] == [0, 0]
    assert levels[2] == len(surname.level_names) - 1
    assert [nz.surname_similarity(a, b) == 1.0 for a, b in pairs] == [True, True, False]


def test_parents_name_passes_find_the_children_and_keep_reduction() -> None:
    left_rows, right_rows, truth = family_sets()
    left, right = prepare(left_rows), prepare(right_rows)
    index = {i: k for k, i in enumerate(left.ids)} | {i: k for k, i in enumerate(right.ids)}
    true = {(index[a], index[b]) for a, b in truth}
    parents = [("mother_key", "father_key"), ("mother_key", "birth_year")]
    completeness, reduction = quality(block(left, right, parents), true, len(left), len(right))
    assert completeness == 1.0
    assert reduction > 0.9


def test_training_sessions_hold_pairs_agreeing_on_their_key() -> None:
    from tenhands.finding.matching import sessions_for

    left_rows, right_rows, _ = family_sets()
    left, right = prepare(left_rows), prepare(right_rows)
    pairs = block(left, right)
    by_date, by_name = sessions_for(left, right, pairs)
    assert by_date.skip == ("birth_date",)
    assert by_date.rows.sum() > 0
    dates_l = left.column("birth_date")[pairs.left[by_date.rows]]
    dates_r = right.column("birth_date")[pairs.right[by_date.rows]]
    assert (dates_l == dates_r).all()
    assert 0 < by_name.rows.sum() < len(pairs)


def test_a_city_beside_its_postcode_adds_no_second_weight() -> None:
    from tenhands.finding.matching import Pairs

    city = next(c for c in DEFAULT_COMPARISONS if c.field == "city")
    left = prepare([{"id": "a", "postcode": "9000", "city": "Gent"}, {"id": "b", "city": "Gent"}])
    right = prepare([{"id": "c", "postcode": "9000", "city": "Gand"}, {"id": "d", "city": "Gand"}])
    index = np.arange(2, dtype=np.int64)
    levels = city.levels(left, right, Pairs(left=index, right=index)).tolist()
    assert levels[0] == -1
    assert city.level_names[levels[1]] == "same municipality"


def test_a_city_speaks_where_the_postcodes_disagree() -> None:
    from tenhands.finding.matching import Pairs

    city = next(c for c in DEFAULT_COMPARISONS if c.field == "city")
    left = prepare([{"id": "a", "postcode": "9000", "city": "Gent"}])
    right = prepare([{"id": "b", "postcode": "9900", "city": "Gent"}])
    index = np.arange(1, dtype=np.int64)
    levels = city.levels(left, right, Pairs(left=index, right=index)).tolist()
    assert city.level_names[levels[0]] == "exact"


def test_a_postcode_with_two_digits_exchanged_is_one_edit_off() -> None:
    from tenhands.finding.matching import Pairs

    postcode = next(c for c in DEFAULT_COMPARISONS if c.field == "postcode")
    left = prepare([{"id": "a", "postcode": "3630"}, {"id": "b", "postcode": "3630"}])
    right = prepare([{"id": "c", "postcode": "3603"}, {"id": "d", "postcode": "3060"}])
    index = np.arange(2, dtype=np.int64)
    levels = postcode.levels(left, right, Pairs(left=index, right=index)).tolist()
    assert [postcode.level_names[v] for v in levels] == ["one edit off", "different"]


def test_a_given_name_written_as_the_surname_on_one_side_has_its_own_level() -> None:
    from tenhands.finding.matching import Pairs

    given = DEFAULT_COMPARISONS[0]
    left = prepare([
        {"id": "a", "given_names": "Gillian", "surname": "Lodge"},
        {"id": "b", "given_names": "Gillian", "surname": "Lodge"},
        {"id": "c", "given_names": "Gillian", "surname": "Lodge"},
    ])  # fmt: skip
    right = prepare([
        {"id": "d", "given_names": "Lodge", "surname": "Adele"},
        {"id": "e", "given_names": "Lodge", "surname": "Gillian"},
        {"id": "f", "given_names": "Noor", "surname": "Adele"},
    ])  # fmt: skip
    index = np.arange(3, dtype=np.int64)
    levels = given.levels(left, right, Pairs(left=index, right=index)).tolist()
    assert [given.level_names[v] for v in levels] == [
        "one of them as surname",
        "swapped with surname",
        "different",
    ]


def test_no_near_agreement_weighs_less_than_a_disagreement() -> None:
    left, right, _ = family_sets()
    model = link(left, right).model
    for weights in model.level_weights():
        assert (weights >= weights[-1] - 1e-9).all()
