"""Slowing down password guessing: failed sign-ins counted per login and per address.

After :attr:`LoginThrottle.per_login` failures for one login, or
:attr:`LoginThrottle.per_address` from one client address, within
:attr:`LoginThrottle.window` seconds, further attempts are refused (HTTP 429 with
``Retry-After``) until the oldest failure leaves the window. A successful sign-in
clears its login's failures. Counted in the process (one service process per store).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class LoginThrottle:
    per_login: int = 5
    per_address: int = 30
    window: float = 15 * 60.0
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _keys(self, login: str, address: str) -> list[tuple[str, int]]:
        return [
            (f"login:{login.strip().lower()}", self.per_login),
            (f"addr:{address}", self.per_address),
        ]

    def wait(self, login: str, address: str) -> float:
        """Seconds before another attempt for ``login`` from ``address`` is allowed
        (0 when it is allowed now)."""
        now = self.clock()
        longest = 0.0
        with self._lock:
            for key, limit in self._keys(login, address):
                times = self._recent(key, now)
                if len(times) >= limit:
                    longest = max(longest, times[0] + self.window - now)
        return longest

    def failed(self, login: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            for key, _ in self._keys(login, address):
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, login: str) -> None:
        with self._lock:
            self._failures.pop(f"login:{login.strip().lower()}", None)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[key]
        return times
