from __future__ import annotations

import math

import numpy as np
import pytest
from matching_helpers import linked_sets

from tenhands.finding.matching import (
    DateComparison,
    ExactComparison,
    Pairs,
    StringComparison,
    dedupe,
    link,
    prepare,
    refine,
    score,
)


def pairs_of(n: int) -> Pairs:
    index = np.arange(n, dtype=np.int64)
    return Pairs(left=index, right=index)


def test_string_levels_are_ordered_null_exact_fuzzy_else() -> None:
    left = prepare([{"id": str(i), "surname": s} for i, s in enumerate(["Peeters"] * 4 + [""])])
    right = prepare(
        [
            {"id": str(i), "surname": s}
            for i, s in enumerate(["Peeters", "Peetres", "Pieters", "Maes", "X"])
        ]
    )
    levels = StringComparison("surname", (0.92, 0.8)).levels(left, right, pairs_of(5))
    assert levels.tolist() == [0, 1, 2, 3, -1]


def test_maiden_name_meets_married_name() -> None:
    left = prepare([{"id": "a", "surname": "Peeters", "birth_surname": "Maes"}])
    right = prepare([{"id": "b", "surname": "Maes"}])
    comparison = StringComparison("surname", columns=("surname", "birth_surname"))
    assert comparison.levels(left, right, pairs_of(1)).tolist() == [0]


def test_date_levels() -> None:
    left = prepare([{"id": str(i), "birth_date": "1958-04-12"} for i in range(6)])
    right = prepare(
        [
            {"id": str(i), "birth_date": d}
            for i, d in enumerate(
                ["12/04/1958", "1958-12-04", "1958-04-13", "1958", "1959-01-01", ""]
            )
        ]
    )
    levels = DateComparison().levels(left, right, pairs_of(6))
    assert levels.tolist() == [0, 1, 2, 4, 6, -1]


def test_partial_and_qualified_dates_follow_compare_dates() -> None:
    dates = ["1958-04", "1958", "1959", "1961", "abt 1958", "1959-04-12", "1958/04/12"]
    left = prepare([{"id": str(i), "birth_date": "1958-04-12"} for i in range(len(dates))])
    right = prepare([{"id": str(i), "birth_date": d} for i, d in enumerate(dates)])
    levels = DateComparison().levels(left, right, pairs_of(len(dates)))
    names = DateComparison().level_names
    assert [names[k] for k in levels.tolist()] == [
        "same month", "same year", "a year apart", "different", "same year", "one typo", "exact"
    ]  # fmt: skip


def test_postcode_one_edit_off() -> None:
    left = prepare([{"id": "a", "postcode": "9000"}, {"id": "b", "postcode": "9000"}])
    right = prepare([{"id": "a", "postcode": "9001"}, {"id": "b", "postcode": "2000"}])
    levels = ExactComparison("postcode", one_edit=True).levels(left, right, pairs_of(2))
    assert levels.tolist() == [1, 1]


def test_true_pairs_score_above_false_pairs() -> None:
    left, right, truth = linked_sets()
    links = link(left, right)
    ids = [links.ids(k) for k in range(len(links.pairs))]
    true = [links.probabilities[k] for k, pair in enumerate(ids) if pair in truth]
    false = [links.probabilities[k] for k, pair in enumerate(ids) if pair not in truth]
    assert len(true) == len(truth)
    assert min(true) > max(false)
    found = {links.ids(k) for k in links.above(0.5)}
    assert found == truth


def test_em_learns_that_names_agree_more_among_matches() -> None:
    left, right, _ = linked_sets(n=80)
    model = link(left, right).model
    assert model.converged
    for f, comparison in enumerate(model.comparisons):
        if comparison.field in ("given_names", "surname"):
            assert model.m[f][0] > model.u[f][0]
            assert model.m[f][-1] < model.u[f][-1]
    assert 0 < model.prior < 0.5


def test_rare_shared_surname_says_more_than_a_common_one() -> None:
    common = {"given_names": "Jan", "birth_date": "1970", "city": "Gent"}
    left = [dict(common, id=f"L{i}", surname="Peeters") for i in range(30)]
    left += [dict(common, id="Lrare", surname="Vandekerckhove")]
    right = [
        dict(common, id="R1", surname="Peeters"),
        dict(common, id="R2", surname="Vandekerckhove"),
    ]
    right += [dict(common, id=f"R{i + 3}", surname="Peeters") for i in range(5)]
    # the weights, before any guard: only the surname speaks here
    links = score(prepare(left), prepare(right), guards=False)
    weight = {links.ids(k): links.weights[k] for k in range(len(links.pairs))}
    assert weight[("Lrare", "R2")] > weight[("L0", "R1")]


def test_explanations_sum_to_the_match_weight() -> None:
    left, right, truth = linked_sets()
    links = link(left, right)
    for k in links.above(0.5).tolist():
        evidence = links.explain(k)
        assert evidence[0].field == "prior"
        assert math.isclose(sum(e.weight for e in evidence), links.weights[k], abs_tol=1e-9)
        by_field = {e.field: e for e in evidence}
        assert by_field["given_names"].level != ""
    missing = [e for k in range(len(links.pairs)) for e in links.explain(k) if e.level == "missing"]
    assert all(e.weight == 0 for e in missing)


def test_dedupe_clusters_the_same_person() -> None:
    left, right, truth = linked_sets()
    rows = left + right
    links, labels = dedupe(rows)
    cluster = dict(zip(links.left.ids, labels, strict=True))
    for a, b in truth:
        assert cluster[a] == cluster[b]
    assert len(set(labels)) == pytest.approx(len(rows) - len(truth), abs=2)


def test_empty_and_tiny_tables() -> None:
    assert len(link([], []).pairs) == 0
    links, labels = dedupe([{"id": "a", "surname": "Maes"}])
    assert labels == [0]


def test_given_name_and_surname_swapped_on_a_form() -> None:
    left = prepare([{"id": "a", "given_names": "Karim", "surname": "El Amrani"}])
    right = prepare([{"id": "b", "given_names": "El Amrani", "surname": "Karim"}])
    comparison = StringComparison("given_names", swapped_with="surname")
    assert comparison.level_names[1] == "swapped with surname"
    assert comparison.levels(left, right, pairs_of(1)).tolist() == [1]


def test_one_to_one_keeps_only_mutual_best_pairs() -> None:
    person = {"given_names": "Jan", "surname": "Maes", "birth_date": "1970-01-02", "city": "Gent"}
    others, strangers, _ = linked_sets()
    left = [dict(person, id="a"), dict(person, id="b", birth_date="1970-01-03"), *others]
    right = [dict(person, id="x"), *strangers]
    links = link(left, right)
    with_x = [links.ids(k) for k in links.above(0.0) if links.ids(k)[1] == "x"]
    assert {("a", "x"), ("b", "x")} <= set(with_x)
    mutual = [links.ids(k) for k in links.above(0.0, one_to_one=True)]
    assert [pair for pair in mutual if pair[1] == "x"] == [("a", "x")]


def test_accepted_decisions_refine_the_weights() -> None:
    left, right, truth = linked_sets()
    links = link(left, right)
    accepted = np.array([links.ids(k) in truth for k in range(len(links.pairs))])
    f = [c.field for c in links.model.comparisons].index("surname")
    refined = refine(links.model, links.levels, accepted, strength=5.0)
    assert refined.m[f].sum() == pytest.approx(1.0, abs=1e-4)
    assert refined.u == links.model.u
    untouched = refine(links.model, links.levels, np.zeros(len(accepted), dtype=bool))
    assert all(np.allclose(a, b) for a, b in zip(untouched.m, links.model.m, strict=True))
