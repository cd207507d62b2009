"""Folding of names and places."""

import pytest

from tenhands.finding.normalize import compact, fold


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Ayşe", "ayse"),
        ("AÏCHA", "aicha"),
        ("Hüseyin  Çelik", "huseyin celik"),
        ("d'Hondt", "d hondt"),
        ("'t Kint", "t kint"),
        ("Van den Bossche-Peeters", "van den bossche peeters"),
        ("Straße", "strasse"),
        ("Łukasz", "lukasz"),
        ("", ""),
        (" - ", ""),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_compact_joins_words() -> None:
    assert compact("Van Damme") == "vandamme" == compact("VANDAMME")
    assert compact("El-Amrani") == "elamrani"
