"""Given-name equivalents."""

import pytest

from tenhands.finding.normalize import given_name_keys, same_given_name

GROUPS = [
    ("jozef", ["Jef", "Jos", "Jozef", "Joseph", "Josef"]),
    ("maria", ["Mieke", "Mia", "Ria", "Maria", "Marie"]),
    ("johannes", ["Jan", "Hans", "Johan", "Johannes", "Jean"]),
    ("willem", ["Wim", "Willem", "Guillaume", "Willy"]),
    ("margareta", ["Griet", "Greet", "Margareta", "Marguerite"]),
    ("abraham", ["Bram", "Abraham"]),
    ("alexander", ["Sander", "Alexander", "Alexandre"]),
    ("godelieve", ["Lieve", "Godelieve"]),
    ("catharina", ["Trien", "Katrien", "Catharina", "Catherine"]),
    ("josefien", ["Fien", "Josefien", "Joséphine"]),
    ("elisabeth", ["Els", "Elisabeth", "Lies", "Liesbeth"]),
    ("hendrik", ["Rik", "Hendrik", "Henri"]),
    ("gustaaf", ["Staf", "Gustaaf", "Gustave"]),
    ("alfons", ["Fons", "Alfons", "Alphonse"]),
    ("emiel", ["Miel", "Emiel", "Émile"]),
    ("edward", ["Warre", "Edward", "Edouard"]),
    ("ferdinand", ["Nand", "Ferdinand"]),
    ("julius", ["Jules", "Julius"]),
    ("muhammad", ["Mohamed", "Mohammed", "Muhammad", "Mohammad", "Mehmet"]),
    ("yusuf", ["Youssef", "Yusuf", "Yousef"]),
    ("fatima", ["Fatima", "Fatma", "Fadma"]),
    ("aisha", ["Ayşe", "Ayse", "Aicha", "Aïcha", "Aisha"]),
    ("hassan", ["Hassan", "Hasan"]),
    ("husayn", ["Hussein", "Hüseyin"]),
    ("karim", ["Karim", "Kerim"]),
    ("khadija", ["Khadija", "Hatice"]),
    ("abdelkader", ["Abdelkader", "Abdel Kader", "Abdulkadir"]),
]


@pytest.mark.parametrize(("key", "names"), GROUPS, ids=[g[0] for g in GROUPS])
def test_group_members_share_the_key(key: str, names: list[str]) -> None:
    for name in names:
        assert key in given_name_keys(name), name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jan", "Janet"),  # the English nicknames mistake
        ("Jan", "Jef"),
        ("Maria", "Martha"),
        ("Bram", "Ibrahim"),  # both meet Abraham, not each other
        ("Youssef", "Jef"),
        ("Mohamed", "Ahmed"),
        ("", "Jan"),
    ],
)
def test_different_names(a: str, b: str) -> None:
    assert not same_given_name(a, b)


def test_several_given_names_give_the_union() -> None:
    assert given_name_keys("Jan-Pieter") == {"johannes", "petrus"}
    assert given_name_keys("Marie Louise") == {"maria", "louise"}


def test_unknown_name_is_its_own_folded_key() -> None:
    assert given_name_keys("Zoë") == {"zoe"}
    assert given_name_keys("  ") == frozenset()


def test_ambiguous_short_form_is_in_several_groups() -> None:
    assert {"johannes", "jozef", "johanna"} <= given_name_keys("Jo")
    assert same_given_name("Abraham", "Ibrahim")
