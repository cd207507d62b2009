"""Answers kept while the store has not changed: a case's network, read far more often
(a map on a wall, a page refreshed in a meeting) than it changes.

An entry is kept with the store's :meth:`~tenhands.graph.store.GraphStore.generation`
read *before* the answer was built, and served only while the store still has that
generation; any change to persons, ties, cases or roles, by any process, moves the
generation on. A store that cannot tell (``None``) is never cached. Access checks and
the audit log happen before the cache is asked, for every request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from fastapi import Request

MAX_ENTRIES = 256


class ResponseCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[str, tuple[int, bytes]] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()

    def get(self, key: str, generation: int | None) -> bytes | None:
        if generation is None:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != generation:
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: str, generation: int | None, body: bytes) -> None:
        if generation is None:
            return
        with self._lock:
            self._entries[key] = (generation, body)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)


async def get_response_cache(request: Request) -> ResponseCache:
    cache: ResponseCache | None = getattr(request.app.state, "response_cache", None)
    if cache is None:
        cache = ResponseCache()
        request.app.state.response_cache = cache
    return cache
