"""Choosing a store from a URL: ``sqlite:///path/file.db`` or ``neo4j://host:7687``."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InvalidInput
from ..store import GraphStore

NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


def open_store(
    url: str,
    *,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> GraphStore:
    """Open (not yet initialise) the store a URL names.

    ``sqlite:///relative.db``, ``sqlite:////abs/path.db`` and ``sqlite:///:memory:``
    open the embedded store; ``neo4j://…`` and ``bolt://…`` a Neo4j server, with
    ``user``/``password`` when the server asks for them.
    """
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        from .sqlite import SqliteStore

        path = url[len("sqlite:///") :] if url.lower().startswith("sqlite:///") else ""
        if not path:
            raise InvalidInput(
                f"a SQLite store URL looks like sqlite:///path/to/file.db, not {url!r}"
            )
        return SqliteStore(path if path == ":memory:" else Path(path))
    if scheme in NEO4J_SCHEMES:
        from .neo4j import Neo4jStore

        auth = (user, password) if user and password is not None else None
        return Neo4jStore(url, auth=auth, database=database)
    raise InvalidInput(f"unknown store {scheme or url!r}: use sqlite:///FILE or neo4j://HOST:PORT")
