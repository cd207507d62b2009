"""What a piece of work costs: how long it took, and how far it raised this process's peak
memory above what was in use before it began.

The peak is the process's own high-water mark (``VmHWM`` in ``/proc/self/status``), reset
before the work (``/proc/self/clear_refs``), so it counts every allocation, the C ones of
parsers included. Where that cannot be reset, Python's ``tracemalloc`` measures instead
(the allocations Python makes, more slowly).

(A plain module, not a ``conftest.py``: see ``tests/api/api_helpers.py``.)
"""

from __future__ import annotations

import gc
import re
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


@dataclass
class Cost:
    """The outcome of the work (its value, or the exception it raised), its time and peak."""

    outcome: object
    seconds: float
    peak: int
    """Bytes the peak memory rose above the memory in use when the work began."""


def _status(field: str) -> int:
    found = re.search(rf"^{field}:\s+(\d+) kB", _STATUS.read_text(), re.M)
    assert found, field
    return int(found.group(1)) * 1024


def _peak_resettable() -> bool:
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True


def cost(work: Callable[[], object]) -> Cost:
    """Run ``work`` and measure it; an exception it raises is its outcome."""
    gc.collect()
    by_status = _STATUS.exists() and _peak_resettable()
    if by_status:
        before = _status("VmRSS")
        _CLEAR_REFS.write_text("5")
    else:
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
    started = time.monotonic()
    outcome: object
    try:
        outcome = work()
    except Exception as exc:
        outcome = exc
    seconds = time.monotonic() - started
    if by_status:
        peak = _status("VmHWM") - before
    else:
        peak = tracemalloc.get_traced_memory()[1] - before
        tracemalloc.stop()
    return Cost(outcome, seconds, max(peak, 0))
