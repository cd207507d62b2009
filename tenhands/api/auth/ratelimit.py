"""Slowing down password guessing without handing anyone a way to lock a user out.

Failed password checks (signing in, and the current password when changing it) are
counted under three keys, each with its own rule (:class:`Backoff`):

- **one login from one address** (:attr:`LoginThrottle.pair`): a few free tries, then
  waits that double up to 15 minutes. A correct password clears it; otherwise it forgets
  slowly (one failure an hour), so a guesser there stays at about four tries an hour.
- **one address, over every login** (:attr:`LoginThrottle.address`): someone trying many
  logins from one place; more free tries, then waits that double up to 15 minutes.
- **one login, over every address** (:attr:`LoginThrottle.login`): a guesser spread
  over many addresses; its waits stop at one minute, so the user, at their own address,
  never waits longer than that for someone else's failures.

Each key forgets one failure every :attr:`Backoff.forget_every` seconds. Past its free
tries, the next attempt must wait ``first_wait · 2^(k-1)`` seconds after the last failure
(k: failures beyond the free ones), at most :attr:`Backoff.longest`. An attempt made
while waiting is refused (HTTP 429 with ``Retry-After``) without checking the password.

An attempt let through and not yet answered counts as a failure made just now
(:meth:`LoginThrottle.attempt`), so many attempts sent at once cannot all slip past the
check. A correct password clears its pair but not the login or the address, so signing
in to one's own account does not reset an address or a login someone else is guessing.

Counted in the process (one service process per store); at most
:attr:`LoginThrottle.max_keys` keys per rule are kept, the least recent dropped first.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Backoff:
    """How one key is slowed down.

    >>> rule = Backoff(free=3, first_wait=2.0, longest=60.0, forget_every=300.0)
    >>> [rule.delay(n) for n in (1, 3, 4, 5, 6, 9)]
    [0.0, 0.0, 2.0, 4.0, 8.0, 60.0]
    """

    free: int
    """failures remembered before waits begin"""
    first_wait: float
    """the first wait, in seconds; each further failure doubles it"""
    longest: float
    """the longest wait, in seconds"""
    forget_every: float
    """seconds after which one remembered failure is forgotten"""

    def delay(self, failures: int) -> float:
        """Seconds to wait after the last of ``failures`` remembered failures."""
        beyond = failures - self.free
        if beyond <= 0:
            return 0.0
        return min(self.longest, self.first_wait * 2.0 ** min(beyond - 1, 64))


@dataclass
class _Count:
    level: float = 0.0
    """failures remembered right after the last one"""
    at: float = 0.0
    """when the last failure was counted"""
    checking: int = 0
    """attempts let through and not yet answered"""


@dataclass
class LoginThrottle:
    pair: Backoff = Backoff(free=5, first_wait=1.0, longest=15 * 60.0, forget_every=60 * 60.0)
    """cleared by the right password, so it may forget slowly"""
    address: Backoff = Backoff(free=30, first_wait=1.0, longest=15 * 60.0, forget_every=5 * 60.0)
    login: Backoff = Backoff(free=10, first_wait=1.0, longest=60.0, forget_every=60.0)
    clock: Callable[[], float] = time.monotonic
    max_keys: int = 50_000
    """keys kept per rule (the least recently used are forgotten first)"""
    _counts: dict[str, OrderedDict[str, _Count]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _rules(self, login: str, address: str) -> list[tuple[str, str, Backoff]]:
        """(rule name, key, rule) for the three counts an attempt falls under."""
        name = login.strip().lower()
        return [
            ("pair", f"{name}\x00{address}", self.pair),
            ("address", address, self.address),
            ("login", name, self.login),
        ]

    def attempt(self, login: str, address: str) -> float:
        """Let one attempt through (0), to be answered by :meth:`failed`,
        :meth:`succeeded` or :meth:`withdrawn`; or, when it must wait, the seconds to
        wait (nothing is counted)."""
        now = self.clock()
        with self._lock:
            rules = self._rules(login, address)
            longest = max(self._wait(*rule, now) for rule in rules)
            if longest > 0:
                return longest
            for name, key, _ in rules:
                self._touch(name, key).checking += 1
            return 0.0

    def failed(self, login: str, address: str) -> None:
        """The password let through was wrong."""
        now = self.clock()
        with self._lock:
            for name, key, rule in self._rules(login, address):
                count = self._touch(name, key)
                count.level = self._remembered(count, rule, now) + 1.0
                count.at = now
                count.checking = max(0, count.checking - 1)

    def succeeded(self, login: str, address: str) -> None:
        """The password let through was right: its login and address start afresh
        together; the login's and the address's own counts stay."""
        with self._lock:
            for name, key, _ in self._rules(login, address):
                count = self._touch(name, key)
                count.checking = max(0, count.checking - 1)
                if name == "pair":
                    count.level = 0.0

    def withdrawn(self, login: str, address: str) -> None:
        """The password let through could not be checked (the store did not answer):
        the attempt counts as nothing."""
        with self._lock:
            for name, key, _ in self._rules(login, address):
                count = self._touch(name, key)
                count.checking = max(0, count.checking - 1)

    def _remembered(self, count: _Count, rule: Backoff, now: float) -> float:
        return max(0.0, count.level - max(0.0, now - count.at) / rule.forget_every)

    def _wait(self, name: str, key: str, rule: Backoff, now: float) -> float:
        counts = self._counts.get(name)
        count = counts.get(key) if counts is not None else None
        if counts is None or count is None:
            return 0.0
        if self._remembered(count, rule, now) <= 0 and not count.checking:
            del counts[key]  # all forgotten
            return 0.0
        # the failures remembered right after the last one (and the attempts being
        # checked, as failures made now) decide the wait
        failures = math.ceil(count.level - 1e-9) + count.checking
        since = now if count.checking else count.at
        return max(0.0, since + rule.delay(failures) - now)

    def _touch(self, name: str, key: str) -> _Count:
        counts = self._counts.setdefault(name, OrderedDict())
        count = counts.pop(key, None) or _Count()
        counts[key] = count
        while len(counts) > self.max_keys:
            counts.popitem(last=False)
        return count
