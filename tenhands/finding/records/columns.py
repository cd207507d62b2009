"""The canonical record columns, and how other headers are recognised as them.

>>> resolve_headers(["Voornaam", "Familienaam", "Date de naissance", "ID"]).fields
('given_names', 'surname', 'birth_date', 'id')
>>> resolve_headers(["Code", "Hobby", "Naam"], {"Code": "id", "naam": "extra"}).fields
('id', None, None)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

CANONICAL: tuple[str, ...] = (
    "id",
    "given_names",
    "surname",
    "birth_surname",
    "sex",
    "birth_date",
    "birth_place",
    "street",
    "house_number",
    "postcode",
    "city",
    "national_id",
    "mother_name",
    "father_name",
    "partner_name",
    "phone",
    "email",
    "note",
)
"""The columns a record file may have; only ``id`` is required."""

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("identifier", "record id", "ref"),
    "given_names": (
        "given name",
        "first name",
        "first names",
        "firstname",
        "forename",
        "voornaam",
        "voornamen",
        "prenom",
        "prenoms",
    ),
    "surname": (
        "last name",
        "lastname",
        "family name",
        "naam",
        "achternaam",
        "familienaam",
        "nom",
        "nom de famille",
    ),
    "birth_surname": (
        "birth name",
        "maiden name",
        "meisjesnaam",
        "geboortenaam",
        "nom de naissance",
        "nom de jeune fille",
    ),
    "sex": ("gender", "geslacht", "sexe", "genre"),
    "birth_date": (
        "date of birth",
        "dob",
        "birthdate",
        "born",
        "geboortedatum",
        "geboren",
        "date de naissance",
        "ne le",
    ),
    "birth_place": (
        "place of birth",
        "birthplace",
        "geboorteplaats",
        "lieu de naissance",
    ),
    "street": ("address", "straat", "adres", "rue", "adresse"),
    "house_number": (
        "number",
        "house nr",
        "huisnummer",
        "huisnr",
        "numero de maison",
    ),
    "postcode": ("postal code", "zip", "zip code", "postnummer", "code postal", "cp"),
    "city": (
        "town",
        "municipality",
        "gemeente",
        "woonplaats",
        "stad",
        "plaats",
        "commune",
        "localite",
        "ville",
    ),
    "national_id": (
        "national number",
        "rijksregisternummer",
        "rijksregister",
        "insz",
        "numero national",
        "numero de registre national",
        "niss",
    ),
    "mother_name": ("mother", "moeder", "naam moeder", "mere", "nom de la mere"),
    "father_name": ("father", "vader", "naam vader", "pere", "nom du pere"),
    "partner_name": (
        "partner",
        "spouse",
        "echtgenoot",
        "echtgenote",
        "conjoint",
        "epoux",
        "epouse",
    ),
    "phone": (
        "telephone",
        "tel",
        "tel.",
        "mobile",
        "telefoon",
        "telefoonnummer",
        "gsm",
        "portable",
    ),
    "email": ("e-mail", "mail", "e-mailadres", "emailadres", "courriel", "adresse e-mail"),
    "note": ("notes", "remark", "opmerking", "opmerkingen", "notitie", "remarque", "remarques"),
}


def header_key(header: str) -> str:
    """A header folded for comparison: accents off, lower case, ``_`` and spaces alike.

    >>> header_key("  Prénom_ ")
    'prenom'
    >>> header_key("Code Postal")
    'code postal'
    """
    decomposed = unicodedata.normalize("NFKD", header)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", " ", plain.casefold()).strip()


_BUILT_IN: dict[str, str] = {}
for _field in CANONICAL:
    _BUILT_IN[header_key(_field)] = _field
for _field, _words in _SYNONYMS.items():
    for _word in _words:
        _BUILT_IN.setdefault(header_key(_word), _field)


class ColumnMappingError(ValueError):
    """A column mapping names a column that does not exist."""


@dataclass(frozen=True, slots=True)
class Headers:
    """A file's headers as read, and the canonical field each one fills (``None``: extra)."""

    names: tuple[str, ...]
    fields: tuple[str | None, ...]
    doubled: tuple[str, ...]
    """Canonical fields that more than one header claims (a problem for the whole file)."""


EXTRA = "extra"
"""Mapping a header to ``extra`` keeps it as an extra column, not as a field."""


def check_mapping(mapping: Mapping[str, str]) -> None:
    """Refuse a mapping onto something that is not a canonical column (or ``extra``)."""
    for theirs, ours in mapping.items():
        if ours not in CANONICAL and ours != EXTRA:
            raise ColumnMappingError(
                f"the mapping for {theirs!r} names {ours!r}, which is not a column; "
                f"columns are: {', '.join(CANONICAL)} (or {EXTRA} to keep it as it is)"
            )


def resolve_headers(headers: Sequence[str], mapping: Mapping[str, str] | None = None) -> Headers:
    """Which canonical field each header fills: the explicit mapping first, then the
    built-in names (canonical, English, Dutch, French); other headers become extras."""
    mapping = dict(mapping or {})
    check_mapping(mapping)
    explicit = {header_key(k): v for k, v in mapping.items()}
    fields: list[str | None] = []
    for header in headers:
        key = header_key(header)
        ours = explicit.get(key) or _BUILT_IN.get(key)
        fields.append(None if ours == EXTRA else ours)
    seen: set[str] = set()
    doubled: list[str] = []
    for field in fields:
        if field is None:
            continue
        if field in seen and field not in doubled:
            doubled.append(field)
        seen.add(field)
    return Headers(tuple(headers), tuple(fields), tuple(doubled))
