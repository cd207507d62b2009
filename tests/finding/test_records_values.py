"""Cells to record fields: every date form, sex words, text trimming, header names."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tenhands.finding.records import resolve_headers
from tenhands.finding.records.values import DATE_EXPECTED, cell_text, parse_date, parse_sex
from tenhands.graph.model import PartialDate, Sex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1958", "1958"),
        ("1958-04", "1958-04"),
        ("1958-04-12", "1958-04-12"),
        ("12/04/1958", "1958-04-12"),
        ("12.4.1958", "1958-04-12"),
        ("12-04-1958", "1958-04-12"),
        ("2/3/2001", "2001-03-02"),
        ("04/1958", "1958-04"),
        (" 1958-04-12 00:00:00 ", "1958-04-12"),
        ("abt 1958", "abt 1958"),
        ("1958/04/12", "1958-04-12"),
        ("1958.04.12", "1958-04-12"),
        ("1958/4/2", "1958-04-02"),
    ],
)
def test_every_date_form(text: str, expected: str) -> None:
    assert str(parse_date(text)) == expected


def test_excel_and_json_date_values() -> None:
    assert parse_date(datetime(1971, 6, 30, 0, 0)) == PartialDate(1971, 6, 30)
    assert parse_date(date(1990, 9, 7)) == PartialDate(1990, 9, 7)
    assert parse_date(1958) == PartialDate(1958)
    assert parse_date(1958.0) == PartialDate(1958)


def test_year_first_dates_read_month_then_day() -> None:
    # a four-digit year in front is unambiguous: 1958/04/12 is 12 April, not 4 December
    assert parse_date("1958/04/12") == PartialDate(1958, 4, 12)
    assert parse_date("1958/12/04") == PartialDate(1958, 12, 4)
    with pytest.raises(ValueError):
        parse_date("1958/13/04")


@pytest.mark.parametrize(
    "text", ["31/02/1990", "12/13/1990", "april 1958", "58", "1958/02/30", "1958//04"]
)
def test_bad_dates_are_refused_without_the_value(text: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_date(text)
    assert str(raised.value) == DATE_EXPECTED


@pytest.mark.parametrize(
    ("word", "sex"),
    [
        ("m", Sex.male),
        ("M", Sex.male),
        ("man", Sex.male),
        ("Homme", Sex.male),
        ("male", Sex.male),
        ("v", Sex.female),
        ("f", Sex.female),
        ("Vrouw", Sex.female),
        ("femme", Sex.female),
        ("female", Sex.female),
        ("féminin", Sex.female),
        ("x", Sex.other),
    ],
)
def test_sex_words(word: str, sex: Sex) -> None:
    assert parse_sex(word) is sex


def test_unknown_sex_word_is_refused() -> None:
    with pytest.raises(ValueError, match="not a sex"):
        parse_sex("kat")


def test_cell_text_trims_and_keeps_postcodes_whole() -> None:
    assert cell_text("  Gent\t") == "Gent"
    assert cell_text("Van  den   Broeck") == "Van den Broeck"
    assert cell_text(9000.0) == "9000"
    assert cell_text(2.5) == "2.5"
    assert cell_text("") is None
    assert cell_text(None) is None


def test_dutch_and_french_headers_are_recognised() -> None:
    headers = resolve_headers(
        [
            "Voornamen",
            "Achternaam",
            "Prénom",
            "Nom",
            "Geboortedatum",
            "Date de naissance",
            "Geslacht",
            "Sexe",
            "Straat",
            "Rue",
            "Huisnummer",
            "Code postal",
            "Woonplaats",
            "Localité",
            "Rijksregisternummer",
            "Numéro national",
            "Moeder",
            "Mère",
            "Vader",
            "Père",
            "E-mail",
            "Courriel",
            "GSM",
            "Téléphone",
            "Hobby",
        ]
    )
    assert headers.fields == (
        "given_names",
        "surname",
        "given_names",
        "surname",
        "birth_date",
        "birth_date",
        "sex",
        "sex",
        "street",
        "street",
        "house_number",
        "postcode",
        "city",
        "city",
        "national_id",
        "national_id",
        "mother_name",
        "mother_name",
        "father_name",
        "father_name",
        "email",
        "email",
        "phone",
        "phone",
        None,
    )
    assert "given_names" in headers.doubled


def test_an_explicit_mapping_wins_over_built_in_names() -> None:
    headers = resolve_headers(["Dossiernr", "Naam"], {"Dossiernr": "id", "naam": "birth_surname"})
    assert headers.fields == ("id", "birth_surname")
