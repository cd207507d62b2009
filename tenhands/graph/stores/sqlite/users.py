"""Accounts, case assignments and sign-in tokens in the sqlite store (a mixin of
:class:`~tenhands.graph.stores.sqlite.store.SqliteStore`)."""

from __future__ import annotations


class SqliteUsers:
    """The :class:`~tenhands.graph.store.UserStore` part of the store."""
