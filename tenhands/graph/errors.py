"""Domain errors raised by every store; driver errors never leave a store."""

from __future__ import annotations


class StoreError(Exception):
    """Base of the errors a store raises. The message is a sentence for a person."""


class NotFound(StoreError):
    """A referenced thing does not exist."""

    def __init__(self, entity: str, ident: str) -> None:
        super().__init__(f"no {entity} with id {ident!r}")
        self.entity = entity
        self.ident = ident


class Conflict(StoreError):
    """The change clashes with what is stored (a duplicate id, a thing still in use)."""


class InvalidInput(StoreError):
    """The input cannot be stored as given."""


class Forbidden(StoreError):
    """The viewer may not do this with what they may see (a person of a case not theirs,
    a link not granted). The message says what to do, never what the other data is."""


class StoreUnavailable(StoreError):
    """The store does not answer (a server down, a file locked); retrying later may help."""
