from __future__ import annotations

from matching_helpers import linked_sets

from tenhands.finding import normalize as nz
from tenhands.finding.matching import DEFAULT_PASSES, block, prepare, quality
from tenhands.finding.matching.prepare import fold, iso_date, person_key, surname_key


def test_fold_removes_accents_case_and_punctuation() -> None:
    assert fold("Çelik-Yılmaz") == "celik yilmaz"
    assert fold(None) == ""


def test_dates_in_belgian_year_first_and_partial_forms() -> None:
    assert iso_date("12.4.1958") == "1958-04-12"
    assert iso_date("1958") == "1958"
    assert iso_date("31/02") == ""
    assert iso_date("1958/04/12") == "1958-04-12"
    assert iso_date("1958.04.12") == "1958-04-12"
    assert iso_date("31/02/1958") == ""


def test_matching_reads_dates_with_the_one_date_parser() -> None:
    for text in ["12/04/1958", "1958/04/12", "19580412", "4/1958", "abt 1958", "1958-4-2"]:
        assert iso_date(text) == str(nz.parse_date(text))


def test_dutch_spelling_variants_share_a_key() -> None:
    assert surname_key("Dierckx") == surname_key("Dierx")
    assert surname_key("Van den Broeck") == surname_key("Vandenbroek")
    assert surname_key("Maes") == surname_key("Maas")
    assert surname_key("Peeters") != surname_key("Janssens")


def test_parents_names_get_one_key_for_nickname_and_particles() -> None:
    assert person_key("Mieke Van den Bossche") == person_key("Maria Vandenbossche")
    assert person_key("Jef Peeters") == person_key("Jozef Peters")
    assert person_key("Jef Peeters") != person_key("Jan Peeters")


def test_prepare_adds_derived_columns() -> None:
    table = prepare([{"id": "a", "given_names": "Jan Pieter", "birth_date": "03/02/1980"}])
    assert table.ids == ["a"]
    assert table.column("given")[0] == "jan"
    assert table.column("birth_year")[0] == "1980"
    assert table.column("birth_date_swapped")[0] == "1980-03-02"
    assert table.column("city")[0] == ""
    assert table.column("given_name_keys")[0] == "johannes petrus"


def test_surname_forms_and_places_are_prepared() -> None:
    table = prepare([{"id": "a", "surname": "Van den Bossche", "postcode": "9000", "city": "Gand"}])
    assert table.column("surname_full")[0] == "vandenbossche"
    assert table.column("surname_core")[0] == "bossche"
    assert table.column("city_keys")[0] == "44021"


def test_parents_names_block_siblings_and_a_moved_child() -> None:
    mother, father = "Mieke Janssens", "Jef Peeters"
    left = prepare(
        [{"id": "a", "given_names": "Lotte", "surname": "Peeters", "birth_date": "2012-03-04",
          "mother_name": mother, "father_name": father, "postcode": "9000"}]
    )  # fmt: skip
    right = prepare(
        [{"id": "b", "given_names": "Charlotte", "surname": "Janssens", "birth_date": None,
          "mother_name": "Maria Janssens", "father_name": "Jozef Peeters", "postcode": "2000"}]
    )  # fmt: skip
    parents_only = [p for p in DEFAULT_PASSES if p[0] in ("mother_key", "father_key")]
    assert len(parents_only) == 3
    assert len(block(left, right, parents_only)) == 1
    others = [p for p in DEFAULT_PASSES if p not in parents_only]
    assert len(block(left, right, others)) == 0


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
