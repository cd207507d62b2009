"""Twins, namesake fathers and sons, and partners at one address are never merged."""

from __future__ import annotations

import numpy as np
from matching_helpers import family_sets

from tenhands.finding.matching import Links, link, prepare, score
from tenhands.finding.matching.guards import APART, families_present
from tenhands.finding.matching.prepare import generation

Row = dict[str, str | None]

HOME = {"street": "Kerkstraat", "house_number": "12", "postcode": "9000", "city": "Gent"}
MAES = {**HOME, "surname": "Maes", "mother_name": "Sofie Wouters", "father_name": "Koen Maes"}
CLAES = {**HOME, "house_number": "40", "surname": "Claes", "father_name": "Wout Claes"}
PEETERS = {**HOME, "house_number": "7", "surname": "Peeters"}
WOUTERS = {**HOME, "house_number": "88", "surname": "Wouters"}

LEFT: list[Row] = [
    {**MAES, "id": "lotte", "given_names": "Lotte", "sex": "F", "birth_date": "2015-03-14"},
    {**MAES, "id": "noor", "given_names": "Noor", "sex": "F", "birth_date": "2015-03-14"},
    {**CLAES, "id": "bram", "given_names": "Bram", "sex": "M", "birth_date": "2012-06-02"},
    {**CLAES, "id": "ines", "given_names": "Ines", "sex": "F", "birth_date": "2012-06-02"},
    {**PEETERS, "id": "jan-sr", "given_names": "Jan sr.", "sex": "M", "birth_date": "1960-05-01"},
    {**PEETERS, "id": "jan-jr", "given_names": "Jan", "sex": "M", "birth_date": "1988-09-12"},
    {**WOUTERS, "id": "koen", "given_names": "Koen", "sex": "M", "birth_date": "1985-02-03"},
    {**WOUTERS, "id": "elke", "given_names": "Elke", "sex": "F", "birth_date": "1985-07-20"},
]
RIGHT: list[Row] = [
    # twin Lotte again, her name misspelt: the same child
    {**MAES, "id": "r-lotte", "given_names": "Lote", "sex": "F", "birth_date": "2015-03-14"},
    # a twin of the Claes family without a given name: the girl
    {**CLAES, "id": "r-ines", "given_names": None, "sex": "F", "birth_date": "2012-06-02"},
    # the son, written "junior", without a birth date
    {**PEETERS, "id": "r-jan-jr", "given_names": "Jan junior", "sex": "M", "birth_date": None},
    # the son with his birth date, no generation word
    {**PEETERS, "id": "r-jan", "given_names": "Jan", "sex": "M", "birth_date": "1988-09-12"},
    # Elke again
    {**WOUTERS, "id": "r-elke", "given_names": "Elke", "sex": "F", "birth_date": "1985-07-20"},
]


def scored() -> Links:
    """The hand-made families among 80 other families and 80 strangers."""
    left, right, _ = family_sets()
    return link(left + LEFT, right + RIGHT)


def pair_of(links: Links) -> dict[tuple[str, str], int]:
    return {links.ids(k): k for k in range(len(links.pairs))}


def reason(links: Links, k: int) -> str | None:
    return next((e.level for e in links.explain(k) if e.field == APART), None)


def test_twins_with_other_given_names_are_two_children_and_a_typo_still_merges() -> None:
    links = scored()
    k = pair_of(links)
    assert links.probabilities[k["noor", "r-lotte"]] < 0.5
    assert reason(links, k["noor", "r-lotte"]) == "twins: another given name"
    assert links.probabilities[k["lotte", "r-lotte"]] > 0.5
    assert reason(links, k["lotte", "r-lotte"]) is None


def test_twins_of_another_sex_are_two_children() -> None:
    links = scored()
    k = pair_of(links)
    assert links.probabilities[k["bram", "r-ines"]] < 0.5
    assert reason(links, k["bram", "r-ines"]) == "twins: another sex"
    assert links.probabilities[k["ines", "r-ines"]] > 0.5


def test_senior_and_junior_at_one_address_are_father_and_son() -> None:
    links = scored()
    k = pair_of(links)
    assert reason(links, k["jan-sr", "r-jan-jr"]) == "senior and junior"
    assert links.probabilities[k["jan-sr", "r-jan-jr"]] < 0.5
    assert reason(links, k["jan-sr", "r-jan"]) == "a generation apart"
    assert links.probabilities[k["jan-sr", "r-jan"]] < 0.5
    assert links.probabilities[k["jan-jr", "r-jan"]] > 0.5


def test_partners_of_one_age_at_one_address_are_two_persons() -> None:
    links = scored()
    k = pair_of(links)
    assert links.probabilities[k["koen", "r-elke"]] < 0.5
    assert links.probabilities[k["elke", "r-elke"]] > 0.5


def test_explanation_of_a_pair_kept_apart_still_sums_to_its_weight() -> None:
    links = scored()
    k = pair_of(links)["noor", "r-lotte"]
    evidence = links.explain(k)
    assert evidence[-1].field == APART
    assert np.isclose(sum(e.weight for e in evidence), links.weights[k])


def test_without_guards_an_exact_birth_date_merges_twins() -> None:
    """What the guard prevents: the same day and family outweigh another given name."""
    left, right, _ = family_sets()
    unguarded = score(prepare(left + LEFT), prepare(right + RIGHT), guards=False)
    guarded = score(prepare(left + LEFT), prepare(right + RIGHT))
    k = pair_of(guarded)["noor", "r-lotte"]
    assert unguarded.probabilities[k] > 0.5 > guarded.probabilities[k]
    assert int(guarded.apart[k]) != 0 and int(unguarded.apart[k]) == 0


def test_generation_words_are_read_and_taken_off_the_name() -> None:
    assert generation("Jan Peeters jr.") == ("Jan Peeters", "junior")
    assert generation("Jean fils") == ("Jean", "junior")
    assert generation("Jean Dubois père") == ("Jean Dubois", "senior")
    assert generation("Pere") == ("Pere", "")
    table = prepare([{"id": "a", "given_names": "Jan Senior", "surname": "Peeters"}])
    assert table.column("generation")[0] == "senior"
    assert table.column("given")[0] == "jan"


def test_families_are_seen_where_pairs_at_one_address_have_other_given_names() -> None:
    comparisons = link(LEFT, RIGHT).model.comparisons
    given = next(f for f, c in enumerate(comparisons) if c.field == "given_names")
    different = len(comparisons[given].level_names) - 1
    levels = np.zeros((40, len(comparisons)), dtype=np.int8)
    shared = np.ones(40, dtype=np.bool_)
    assert not families_present(comparisons, levels, shared)
    levels[:20, given] = different
    assert families_present(comparisons, levels, shared)
    assert families_present(comparisons, levels[:5], shared[:5])


def test_the_card_says_why_a_pair_was_kept_apart_in_dutch_and_english() -> None:
    from tenhands.finding.review.reasons import reasons as card_reasons

    links = scored()
    k = pair_of(links)["noor", "r-lotte"]
    nl = [r.text for r in card_reasons(links.explain(k), "nl")]
    en = [r.text for r in card_reasons(links.explain(k), "en")]
    assert "Tweeling: andere voornaam, dezelfde geboortedag: twee kinderen." in nl
    assert "Twins: another given name, the same birth date: two children." in en


def test_twins_of_another_sex_are_two_children_in_a_file_without_families() -> None:
    """In a file of persons written twice (no households, as in FEBRL) the family rules
    rest, but a boy and a girl born the same day are never one child."""
    given = ("Anna", "Bert", "Carla", "Dirk", "Eva", "Frank", "Greet", "Hans", "Ilse", "Joris")
    left: list[Row] = []
    right: list[Row] = []
    for i in range(60):
        name = f"{given[i % 10]}{'e' * (i // 10)}"
        born = f"19{50 + i % 40}-0{1 + i % 9}-1{i % 10}"
        row: Row = {"id": f"p{i}", "given_names": name, "surname": f"Naam{i:02d}",
                    "sex": "F" if i % 2 else "M", "birth_date": born, "street": f"Straat {i}",
                    "house_number": str(i + 1), "postcode": f"{9000 + i}",
                    "city": "Gent"}  # fmt: skip
        left.append(row)
        right.append({**row, "id": f"r{i}", "given_names": name[:-1] + name[-1].upper()})
    left += [{**CLAES, "father_name": None, "id": "bram", "given_names": "Bram", "sex": "M",
              "birth_date": "2012-06-02"}]  # fmt: skip
    right += [{**CLAES, "father_name": None, "id": "r-ines", "given_names": None, "sex": "F",
               "birth_date": "2012-06-02"}]  # fmt: skip
    links = link(left, right)
    assert not links.model.families
    k = pair_of(links)
    assert links.probabilities[k["bram", "r-ines"]] < 0.5
    assert reason(links, k["bram", "r-ines"]) == "twins: another sex"
    assert links.probabilities[k["p3", "r3"]] > 0.5
