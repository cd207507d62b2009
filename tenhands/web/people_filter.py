"""Searching and filtering the people list of a case page, on the server: a name (or a
relation word) typed in the search box, a group (children, family, informal network,
professionals) and a side of the family. Accents and case do not matter in the search
("celine" finds "Céline").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Annotated, Protocol

from fastapi import Query

from .i18n import N_

GROUPS: dict[str, str] = {
    "child": N_("children of the case"),
    "family": N_("family"),
    "informal": N_("informal network"),
    "professional": N_("professionals"),
}
"""The groups the list can be narrowed to."""

SIDES: dict[str, str] = {
    "maternal": N_("mother's side"),
    "paternal": N_("father's side"),
    "both": N_("both sides"),
}
"""The sides of the family the list can be narrowed to."""

_FAMILY_SIDES = frozenset({"maternal", "paternal", "both", "family"})

SearchQuery = Annotated[str, Query(max_length=100)]
GroupQuery = Annotated[
    str, Query(max_length=20, pattern=r"^(|child|family|informal|professional)$")
]
SideQuery = Annotated[str, Query(max_length=20, pattern=r"^(|maternal|paternal|both)$")]


class Row(Protocol):
    """What the filter reads of a row of the list."""

    @property
    def name(self) -> str: ...

    @property
    def relation(self) -> str | None: ...

    @property
    def side(self) -> str: ...


def folded(text: str) -> str:
    """Text without accents, in lower case, for comparing.

    >>> folded("Céline VAN Daële")
    'celine van daele'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class PeopleFilter:
    """The search and filters asked for (empty: everyone)."""

    q: str = ""
    group: str = ""
    side: str = ""

    @property
    def active(self) -> bool:
        return bool(self.q.strip() or self.group or self.side)

    def keeps(self, row: Row) -> bool:
        """Whether a row of the list is shown."""
        if self.group == "family" and row.side not in _FAMILY_SIDES:
            return False
        if self.group and self.group != "family" and row.side != self.group:
            return False
        if self.side and row.side not in (self.side, "both"):
            return False
        words = folded(self.q).split()
        said = folded(f"{row.name} {row.relation or ''}")
        return all(word in said for word in words)
