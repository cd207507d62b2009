"""Surname particles: full joined form and core."""

import pytest

from tenhands.finding.normalize import SurnameForms, surname_forms, surname_keys, surname_similarity


@pytest.mark.parametrize(
    ("name", "full", "core"),
    [
        ("Van den Bossche", "vandenbossche", "bossche"),
        ("Vanden Bossche", "vandenbossche", "bossche"),
        ("Vandenbossche", "vandenbossche", "vandenbossche"),
        ("van der Linden", "vanderlinden", "linden"),
        ("Vander Linden", "vanderlinden", "linden"),
        ("De Wulf", "dewulf", "wulf"),
        ("Dewulf", "dewulf", "dewulf"),
        ("Ter Beek", "terbeek", "beek"),
        ("ten Hove", "tenhove", "hove"),
        ("'t Jampens", "tjampens", "jampens"),
        ("d'Hondt", "dhondt", "hondt"),
        ("De la Fontaine", "delafontaine", "fontaine"),
        ("Le Clercq", "leclercq", "clercq"),
        ("Du Bois", "dubois", "bois"),
        ("Des Champs", "deschamps", "champs"),
        ("El Amrani", "elamrani", "amrani"),
        ("Al Idrissi", "alidrissi", "idrissi"),
        ("Ben Ali", "benali", "ali"),
        ("Bin Laden", "binladen", "laden"),
        ("Peeters", "peeters", "peeters"),
        ("De", "de", "de"),
        ("", "", ""),
    ],
)
def test_surname_forms(name: str, full: str, core: str) -> None:
    assert surname_forms(name) == SurnameForms(full, core)


def test_keys_for_blocking() -> None:
    assert surname_keys("Van Damme") == {"vandamme", "damme"}
    assert surname_keys("Janssens") == {"janssens"}
    assert surname_keys("") == set()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Van den Bossche", "Vandenbossche"),
        ("Van den Bossche", "Bossche"),
        ("Van den Bossche", "Van der Bossche"),
        ("El Amrani", "Amrani"),
        ("El Amrani", "Elamrani"),
        ("Dewulf", "De Wulf"),
    ],
)
def test_particle_variants_are_equal(a: str, b: str) -> None:
    assert surname_similarity(a, b) == 1.0


def test_similarity_takes_the_better_form() -> None:
    # joined "vanderbeke" vs "vandenbeke" differ in one letter, the cores agree
    assert surname_similarity("Van der Beke", "Van den Beke") == 1.0
    assert 0.9 < surname_similarity("Van den Bossche", "Van den Bosch") < 1.0
    assert surname_similarity("Peeters", "Janssens") < 0.6
    assert surname_similarity("", "Peeters") == 0.0
