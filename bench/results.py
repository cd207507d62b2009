"""What every benchmark shares: the machine it ran on, and its section of RESULTS.md."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")


def machine() -> str:
    """Cores, CPU model, memory and Python version of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}"


def report(title: str, table: Sequence[str], notes: Sequence[str], *, record: bool) -> None:
    """Print a section (heading with date, machine, table, notes); with ``record``, also
    append it to bench/RESULTS.md."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"### {title} — {when}", "", f"Machine: {machine()}", "", *table, "", *notes, ""]
    text = "\n".join(lines)
    print(text)
    if record:
        if not RESULTS.exists():
            RESULTS.write_text("# Benchmark results\n\n", encoding="utf-8")
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write(text + "\n")
