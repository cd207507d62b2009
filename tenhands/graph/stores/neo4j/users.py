"""Accounts, case assignments and sign-in tokens in the neo4j store (a mixin of
:class:`~tenhands.graph.stores.neo4j.store.Neo4jStore`)."""

from __future__ import annotations


class Neo4jUsers:
    """The :class:`~tenhands.graph.store.UserStore` part of the store."""
