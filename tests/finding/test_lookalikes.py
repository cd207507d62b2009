"""Lookalikes of a person about to be added: whole names alike (typos, accents, order),
not set apart by the matcher's guard (a generation apart, twins)."""

from __future__ import annotations

from builders import person

from tenhands.finding.lookalikes import lookalikes

KNOWN = [
    person("p-katrien", "Katrien", "Vermeulen", birth_date="1975-03-14", sex="female"),
    person("p-jan", "Jan", "Peeters", birth_date="1980"),
    person("p-fatima", "Fatima", "El Amrani", sex="female"),
]


def ids(found: list) -> list[str]:  # type: ignore[type-arg]
    return [p.id for p in found]


def test_a_second_name_alike_is_found_despite_typos_accents_and_order() -> None:
    assert ids(lookalikes(person("n", "Katrien", "Vermeulen"), KNOWN)) == ["p-katrien"]
    assert ids(lookalikes(person("n", "Kathrien", "Vermeulen"), KNOWN)) == ["p-katrien"]
    assert ids(lookalikes(person("n", "Vermeulen", "Katrien"), KNOWN)) == ["p-katrien"]
    assert ids(lookalikes(person("n", "Fâtima", "El Amrani"), KNOWN)) == ["p-fatima"]


def test_other_persons_are_not_lookalikes() -> None:
    assert lookalikes(person("n", "Jan", "Janssens"), KNOWN) == []
    assert lookalikes(person("n", "Jef", "Peeters"), KNOWN) == []
    # a given name alone is not enough
    assert lookalikes(person("n", "Katrien", surname=None), KNOWN) == []  # type: ignore[arg-type]
    # the person itself (an edit) is not its own lookalike
    assert lookalikes(KNOWN[0], KNOWN) == []


def test_the_matchers_guard_keeps_a_generation_and_twins_apart() -> None:
    daughter = person("n", "Katrien", "Vermeulen", birth_date="2001")
    assert lookalikes(daughter, KNOWN) == []
    brother = person("n", "Jan", "Peeters", birth_date="1980", sex="male")
    assert ids(lookalikes(brother, KNOWN)) == ["p-jan"]  # one sex unknown: no twins
    other_sex = person("n", "Katrien", "Vermeulen", birth_date="1975-03-14", sex="male")
    assert lookalikes(other_sex, KNOWN) == []
