"""The persons a signed-in user may see, read from the store: for a name search and for
the lookalike warning when a person is added (which must never tell of a person in a
case the user may not see)."""

from __future__ import annotations

from collections.abc import Iterator

from ...graph.model import Person
from ...graph.paging import read_all
from ...graph.store import GraphStore
from .principal import Principal


def visible_persons(store: GraphStore, principal: Principal) -> Iterator[Person]:
    """Every person the user may see (an admin: everyone; anyone else: the children and
    network members of their cases), read in batches."""
    if not principal.all_cases:
        yield from store.get_persons(sorted(principal.members()))
        return
    yield from read_all(lambda limit, offset: store.list_persons(limit=limit, offset=offset))
