"""What bulk imports share."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a file is read into many small
    objects that make no reference cycles; its full passes over them took half to two
    thirds of an import's time. The pause is process-wide: whoever found the collector
    running turns it back on, so overlapping imports leave it running at the end.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
