"""Ids of imported persons and ties: the same every time the same file is imported into
the same case, never the same for a file of that name imported into another case.

Imported into a case, a file's ids come from the case and the file name, so a worker's
``familie.ged`` never lands on the persons another worker imported from a
``familie.ged`` of their own into another case:

>>> person_id("stamboom.ged", "@I35@", case_id="c-1")
'g-fc5b6e8961d9-I35'
>>> person_id("stamboom.ged", "@I35@", case_id="c-2")
'g-30891572a3ef-I35'

A file imported into no case (by the operator, at the command line) keeps ids made of
its name alone:

>>> person_id("stamboom.ged", "@I35@")
'g-5a6285bf-I35'
>>> partner_tie_id("stamboom.ged", "@F2@"), parent_tie_id("stamboom.ged", "@F2@", "@I35@", "HUSB")
('g-5a6285bf-F2-p', 'g-5a6285bf-F2-I35-f')
>>> person_id("stamboom.ged", "@I 35#@")
'g-5a6285bf-xe1004f02b035'
"""

from __future__ import annotations

import hashlib
import re

_SAFE = re.compile(r"^[A-Za-z0-9_.:-]{1,30}$")


def _hash(text: str, size: int) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:size]


def file_key(source_name: str, case_id: str | None = None) -> str:
    """What every id of one import starts with: ``g-`` and 12 hex digits of the case and
    the file name, or 8 hex digits of the file name for an import into no case."""
    if case_id is None:
        return f"g-{_hash(source_name, 8)}"
    scope = f"{case_id}\n{source_name}"  # ids hold no line break, file names none either
    return f"g-{_hash(scope, 12)}"


def xref_key(xref: str) -> str:
    """The xref without its ``@``s, or a hash of it when it would not fit in an id."""
    bare = xref.strip("@")
    return bare if _SAFE.match(bare) else f"x{_hash(xref, 12)}"


def person_id(source_name: str, xref: str, *, case_id: str | None = None) -> str:
    return f"{file_key(source_name, case_id)}-{xref_key(xref)}"


def partner_tie_id(source_name: str, family: str, *, case_id: str | None = None) -> str:
    return f"{file_key(source_name, case_id)}-{xref_key(family)}-p"


def parent_tie_id(
    source_name: str, family: str, child: str, role: str, *, case_id: str | None = None
) -> str:
    """``role`` is ``HUSB`` or ``WIFE``, the parent's place in the family."""
    side = "f" if role == "HUSB" else "m"
    return f"{file_key(source_name, case_id)}-{xref_key(family)}-{xref_key(child)}-{side}"


def association_tie_id(
    source_name: str, holder: str, number: int, *, case_id: str | None = None
) -> str:
    """The ``number`` th ``ASSO`` (from 1) of the person ``holder``."""
    return f"{file_key(source_name, case_id)}-{xref_key(holder)}-a{number}"
