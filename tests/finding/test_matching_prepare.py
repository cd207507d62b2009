from __future__ import annotations

from matching_helpers import linked_sets

from tenhands.finding.matching import block, prepare, quality
from tenhands.finding.matching.prepare import fold, iso_date, phonetic_key


def test_fold_removes_accents_case_and_punctuation() -> None:
    assert fold("Çelik-Yılmaz") == "celik yilmaz"
    assert fold(None) == ""


def test_dates_in_belgian_and_partial_forms() -> None:
    assert iso_date("12.4.1958") == "1958-04-12"
    assert iso_date("1958") == "1958"
    assert iso_date("31/02") == ""


def test_dutch_spelling_variants_share_a_key() -> None:
    assert phonetic_key(fold("Dierckx")) == phonetic_key(fold("Dierx"))
    assert phonetic_key(fold("Van den Broeck")) == phonetic_key(fold("Vandenbroek"))
    assert phonetic_key(fold("Maes")) == phonetic_key(fold("Maas"))


def test_prepare_adds_derived_columns() -> None:
    table = prepare([{"id": "a", "given_names": "Jan Pieter", "birth_date": "03/02/1980"}])
    assert table.ids == ["a"]
    assert table.column("given")[0] == "jan"
    assert table.column("birth_year")[0] == "1980"
    assert table.column("birth_date_swapped")[0] == "1980-03-02"
    assert table.column("city")[0] == ""


def test_blocking_finds_the_true_pairs_and_skips_most_others() -> None:
    left_rows, right_rows, truth = linked_sets()
    left, right = prepare(left_rows), prepare(right_rows)
    pairs = block(left, right)
    index = {i: k for k, i in enumerate(left.ids)} | {i: k for k, i in enumerate(right.ids)}
    completeness, reduction = quality(
        pairs, {(index[a], index[b]) for a, b in truth}, len(left), len(right)
    )
    assert completeness == 1.0
    assert reduction > 0.5


def test_dedupe_blocking_pairs_each_record_once() -> None:
    left_rows, _, _ = linked_sets()
    table = prepare(left_rows + [dict(left_rows[0], id="copy")])
    pairs = block(table)
    assert (pairs.left < pairs.right).all()
    assert (0, len(table) - 1) in set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True))
