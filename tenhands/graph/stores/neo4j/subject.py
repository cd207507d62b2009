"""One person as a data subject in the neo4j store: the candidates naming them, and
their erasure (a mixin of :class:`~tenhands.graph.stores.neo4j.store.Neo4jStore`)."""

from __future__ import annotations


class Neo4jSubject:
    """The :class:`~tenhands.graph.store.SubjectStore` part of the store."""
