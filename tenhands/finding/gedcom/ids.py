"""Ids of imported persons and ties, the same every time the same file is imported.

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


def file_key(source_name: str) -> str:
    """``g-`` and 8 hex digits of the file name: what every id of one file starts with."""
    return f"g-{_hash(source_name, 8)}"


def xref_key(xref: str) -> str:
    """The xref without its ``@``s, or a hash of it when it would not fit in an id."""
    bare = xref.strip("@")
    return bare if _SAFE.match(bare) else f"x{_hash(xref, 12)}"


def person_id(source_name: str, xref: str) -> str:
    return f"{file_key(source_name)}-{xref_key(xref)}"


def partner_tie_id(source_name: str, family: str) -> str:
    return f"{file_key(source_name)}-{xref_key(family)}-p"


def parent_tie_id(source_name: str, family: str, child: str, role: str) -> str:
    """``role`` is ``HUSB`` or ``WIFE``, the parent's place in the family."""
    side = "f" if role == "HUSB" else "m"
    return f"{file_key(source_name)}-{xref_key(family)}-{xref_key(child)}-{side}"


def association_tie_id(source_name: str, holder: str, number: int) -> str:
    """The ``number`` th ``ASSO`` (from 1) of the person ``holder``."""
    return f"{file_key(source_name)}-{xref_key(holder)}-a{number}"
