"""The embedded SQLite store, the zero-setup default."""

from .store import SqliteStore

__all__ = ["SqliteStore"]
