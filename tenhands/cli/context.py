"""What every command shares: the configured store, and errors said as sentences.

The command line imports what a command needs when the command runs (``tenhands
--help`` reads no settings and opens no store): the settings and the stores are
imported here, inside the functions that use them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ..graph.store import GraphStore
    from ..settings import Settings


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` to stderr; the caller raises the returned exit."""
    typer.secho(f"tenhands: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


MIB = 1024 * 1024


def read_input(file: Path, max_mib: int) -> bytes:
    """The bytes of ``file``; a sentence and exit 1 if it cannot be read or is larger than
    ``max_mib`` MiB (read no further, so a device or pipe that never ends is refused too)."""
    try:
        with file.open("rb") as source:
            data = source.read(max_mib * MIB + 1)
    except OSError as exc:
        raise fail(f"cannot read {file}: {exc.strerror}") from None
    if len(data) > max_mib * MIB:
        raise fail(f"{file} is larger than {max_mib} MiB; split it into smaller files")
    return data


def load_settings() -> Settings:
    from pydantic import ValidationError

    from ..settings import get_settings

    try:
        return get_settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise fail(f"the settings are not valid: {first['msg']}", 2) from None


@contextmanager
def opened_store(settings: Settings | None = None) -> Iterator[GraphStore]:
    """The configured store, initialised; store errors end the command with a sentence."""
    from ..graph.errors import StoreError, StoreUnavailable
    from ..settings import open_configured_store

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
