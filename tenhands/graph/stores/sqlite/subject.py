"""One person as a data subject in the sqlite store: the candidates naming them, and
their erasure (a mixin of :class:`~tenhands.graph.stores.sqlite.store.SqliteStore`)."""

from __future__ import annotations


class SqliteSubject:
    """The :class:`~tenhands.graph.store.SubjectStore` part of the store."""
