"""Who did something, as a page says it: a user's display name ("Wendy Werker"), never
their login. A login that names no user (any more) is said as "a colleague"."""

from __future__ import annotations

from collections.abc import Iterable

from ..graph.errors import NotFound
from ..graph.store import GraphStore
from .i18n import N_

SOMEONE = N_("a colleague")
"""What a page says for a login that names no user."""


def display_names(store: GraphStore, logins: Iterable[str | None]) -> dict[str, str]:
    """The display names of the users among ``logins``, by login (unknown ones left out:
    the page says :data:`SOMEONE`)."""
    names: dict[str, str] = {}
    for login in dict.fromkeys(x for x in logins if x):
        try:
            names[login] = store.get_user_by_login(login).display_name
        except NotFound:
            continue
    return names
