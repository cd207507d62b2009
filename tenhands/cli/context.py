"""What every command shares: the configured store, and errors said as sentences."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from pydantic import ValidationError

from ..graph.errors import StoreError, StoreUnavailable
from ..graph.store import GraphStore
from ..settings import Settings, get_settings, open_configured_store


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` to stderr; the caller raises the returned exit."""
    typer.secho(f"tenhands: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


def load_settings() -> Settings:
    try:
        return get_settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise fail(f"the settings are not valid: {first['msg']}", 2) from None


@contextmanager
def opened_store(settings: Settings | None = None) -> Iterator[GraphStore]:
    """The configured store, initialised; store errors end the command with a sentence."""
    settings = settings or load_settings()
    try:
        store = open_configured_store(settings)
    except StoreError as exc:
        raise fail(str(exc), 2) from None
    try:
        store.init_schema()
        yield store
    except StoreUnavailable as exc:
        raise fail(f"the store at {store.describe()} does not answer: {exc}") from None
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
