"""The Neo4j store: the production :class:`~tenhands.graph.store.GraphStore`."""

from .store import Neo4jStore

__all__ = ["Neo4jStore"]
