"""Reading a whole list from a store, page by page (the store's list methods take
``limit`` and ``offset`` and stop at a page shorter than asked)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

BATCH = 1000


def read_all(fetch: Callable[[int, int], Sequence[T]], batch: int = BATCH) -> Iterator[T]:
    """Every item ``fetch(limit, offset)`` lists, read ``batch`` at a time.

    >>> items = list(range(5))
    >>> list(read_all(lambda limit, offset: items[offset : offset + limit], batch=2))
    [0, 1, 2, 3, 4]
    """
    offset = 0
    while True:
        page = fetch(batch, offset)
        yield from page
        if len(page) < batch:
            return
        offset += len(page)
