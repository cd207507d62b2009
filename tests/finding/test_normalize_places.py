"""Belgian postcodes, municipalities and sections."""

import pytest

from tenhands.finding.normalize import PlaceLevel, municipality_name, place_key, same_place

GENT = frozenset({"44021"})


@pytest.mark.parametrize(
    "text",
    ["Gent", "Gand", "GENT", "9000", "9040", "Sint-Amandsberg", "9000 Gent", "Gent (Ledeberg)"],
)
def test_gent_in_every_form(text: str) -> None:
    assert place_key(text) == GENT


@pytest.mark.parametrize(
    ("nl", "fr"),
    [
        ("Antwerpen", "Anvers"),
        ("Luik", "Liège"),
        ("Bergen", "Mons"),
        ("Brussel", "Bruxelles"),
        ("Leuven", "Louvain"),
        ("Mechelen", "Malines"),
        ("Kortrijk", "Courtrai"),
        ("Doornik", "Tournai"),
        ("Namen", "Namur"),
        ("Ieper", "Ypres"),
        ("Aalst", "Alost"),
    ],
)
def test_dutch_and_french_names_meet(nl: str, fr: str) -> None:
    key = place_key(nl)
    assert len(key) == 1
    assert key == place_key(fr)
    assert same_place(nl, fr) is PlaceLevel.same_municipality


def test_german_names_and_sections() -> None:
    assert place_key("Lüttich") == place_key("Luik") == {"62063"}
    assert place_key("Sankt Vith") == place_key("Saint-Vith") == place_key("St. Vith")
    assert place_key("Borgerhout") == place_key("2000") == {"11002"}
    assert place_key("Kessel-Lo") == place_key("Leuven")


def test_postcode_shared_by_two_municipalities() -> None:
    assert place_key("1040") == {"21004", "21005"}
    assert place_key("1040 Etterbeek") == {"21005"}


def test_unknown_places_keep_a_folded_key() -> None:
    assert place_key("Casablanca") == place_key("CASABLANCA") == {"?casablanca"}
    assert place_key("İstanbul") == {"?istanbul"}
    assert place_key(None) == place_key("  ") == frozenset()


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("Gent", "gent", PlaceLevel.exact),
        ("9000", "9000", PlaceLevel.exact),
        ("Gand", "Sint-Amandsberg", PlaceLevel.same_municipality),
        ("9000", "9040", PlaceLevel.same_municipality),
        ("Gent", "Aalst", PlaceLevel.same_province),
        ("Gent", "Antwerpen", PlaceLevel.other),
        ("Casablanca", "Gent", PlaceLevel.other),
        ("Gent", None, PlaceLevel.missing),
        ("", "Gent", PlaceLevel.missing),
    ],
)
def test_same_place(a: str | None, b: str | None, level: PlaceLevel) -> None:
    assert same_place(a, b) is level
    assert same_place(b, a) is level


def test_municipality_names() -> None:
    assert municipality_name("44021") == "Gent"
    assert municipality_name("44021", "fr") == "Gand"
    assert municipality_name("44021", "de") == "Gent"
    assert municipality_name("21004", "de") == "Brüssel"
    assert municipality_name("nope") is None
