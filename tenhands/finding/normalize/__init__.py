"""Normalising names, dates and places for family finding.

Pure functions, cached, safe to call over a million records. Matching code calls:

========================  ====================================================
:func:`fold`              lower-case ASCII words (anyascii transliteration)
:func:`compact`           :func:`fold` without spaces
:func:`surname_forms`     full joined surname and core without particles
:func:`surname_keys`      both forms as a set, for blocking
:func:`surname_similarity`  Jaro-Winkler, the better of full and core
:func:`given_name_keys`   canonical keys of given names (Jef -> jozef)
:func:`same_given_name`   whether two given names share a key
:func:`dutch_key`         Dutch/Flemish phonetic key (Claeys = Claes = Klaas)
:func:`general_key`       primary Double Metaphone code of the folded name
:func:`general_keys`      primary and secondary Double Metaphone codes
:func:`parse_date`        ISO partial and Belgian dates to a PartialDate
:func:`compare_dates`     a :class:`DateLevel`, exact ... other, missing
:func:`place_key`         municipality keys (REFNIS codes) of a place or postcode
:func:`same_place`        a :class:`PlaceLevel`, exact ... other, missing
:func:`municipality_name` a municipality key's Dutch, French or German name
========================  ====================================================

>>> from tenhands.finding import normalize as nz
>>> nz.surname_forms("Van den Bossche").core, nz.dutch_key("Maes") == nz.dutch_key("Maas")
('bossche', True)
>>> nz.same_given_name("Griet", "Marguerite"), nz.same_place("Bergen", "Mons").name
(True, 'same_municipality')
"""

from .dates import DateLevel, compare_dates, parse_date
from .given_names import given_name_keys, same_given_name
from .phonetic import dutch_key, general_key, general_keys
from .places import PlaceLevel, municipality_name, place_key, same_place
from .surnames import SurnameForms, surname_forms, surname_keys, surname_similarity
from .text import compact, fold

__all__ = [
    "DateLevel",
    "PlaceLevel",
    "SurnameForms",
    "compact",
    "compare_dates",
    "dutch_key",
    "fold",
    "general_key",
    "general_keys",
    "given_name_keys",
    "municipality_name",
    "parse_date",
    "place_key",
    "same_given_name",
    "same_place",
    "surname_forms",
    "surname_keys",
    "surname_similarity",
]
