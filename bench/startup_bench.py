"""Start-up: how long the command line takes to answer, and what the kin index kept on
disk saves a new process (load instead of build), with the cost of the records revision
asked before every search.

    python bench/startup_bench.py                         # CLI timings, 1M-record index
    python bench/startup_bench.py --corpus 50000 --runs 5
    python bench/startup_bench.py --before /work/main     # also time another checkout
    python bench/startup_bench.py --record                # also append to bench/RESULTS.md

Command line: the wall time of ``tenhands --help``, ``tenhands find --help`` and
``tenhands cases --json`` (a light command: opens an empty SQLite store and lists its
cases), each in a fresh process, median of ``--runs``; with ``--before``, the same
commands from that checkout, for comparison.

Kin index: the synthetic population's outside records padded to ``--corpus`` records
(as in ``kin_bench.py``) go into a SQLite store; then it measures building the index
from the store (what every new process did before), saving it, loading it back, a new
finder's first search (revision check, load, search), one case's search with the
revision check against the search alone, and the check by itself.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kin_bench import padding, seed_store
from results import report

from tenhands.demo.population import derive_records, generate_population, seed_cases
from tenhands.finding.kin import KinFinder, build_index, find_kin, store_records
from tenhands.finding.kin.saved import load_index, save_index
from tenhands.graph.stores.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = (["--help"], ["find", "--help"], ["cases", "--json"])


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] * 1000


def _tenhands() -> list[str]:
    """The console script beside this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("tenhands")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tenhands.cli.main"]


def cli_times(trees: list[Path], runs: int, folder: Path) -> list[list[float]]:
    """Per tree, the median wall seconds of each of :data:`COMMANDS` run from it; the
    trees take turns run by run, so a busy moment of the machine falls on each alike."""
    samples: list[list[list[float]]] = [[[] for _ in COMMANDS] for _ in trees]
    for run in range(runs + 1):  # the first round warms the disk cache
        for t, tree in enumerate(trees):
            env = {
                **os.environ,
                "PYTHONPATH": str(tree),
                "TENHANDS_STORE": f"sqlite:///{folder / f'cli-{t}.db'}",
            }
            for c, args in enumerate(COMMANDS):
                start = time.perf_counter()
                subprocess.run([*_tenhands(), *args], env=env, capture_output=True, check=True)
                if run:
                    samples[t][c].append(time.perf_counter() - start)
    return [[statistics.median(s) for s in per_tree] for per_tree in samples]


def timed(work: Callable[[], object], runs: int = 1) -> tuple[float, object]:
    """Median seconds of ``runs`` calls of ``work``, and what the last returned."""
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", type=Path, help="Another checkout to time the CLI of.")
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=40)
    parser.add_argument("--corpus", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="startup-bench-"))
    try:
        trees = [ROOT, *([args.before.resolve()] if args.before else [])]
        timings = cli_times(trees, args.runs, folder)
        after, before = timings[0], (timings[1] if args.before else None)
        load_average = os.getloadavg()[0]

        pop = generate_population(args.persons, seed=args.seed)
        records = [r for s in derive_records(pop, seed=args.seed + 1) for r in s.records]
        cases = seed_cases(pop, n_cases=args.cases, seed=args.seed + 2)
        store = SqliteStore(folder / "kin.db")
        store.init_schema()
        seed_store(store, cases, pop.by_id())
        corpus = records + padding(records, args.corpus, args.seed + 3)
        for start in range(0, len(corpus), 50_000):
            store.add_records(corpus[start : start + 50_000])
        size = len(corpus)
        del corpus, records
        gc.collect()

        revision = store.records_revision()
        check, _ = timed(store.records_revision, 2000)
        start = time.perf_counter()
        index = build_index(store_records(store))
        build = time.perf_counter() - start
        saved = folder / "kin.db.kin-index.npz"
        start = time.perf_counter()
        save_index(index, saved, revision)
        save = time.perf_counter() - start
        del index
        gc.collect()
        load, _ = timed(lambda: load_index(saved, revision), 3)
        gc.collect()

        finder = KinFinder(saved)
        first, _ = timed(lambda: finder.search(store, cases[0].case.id, duplicates=False))
        assert finder.loads == 1 and finder.builds == 0
        held = finder.index(store)
        for sc in cases:  # warm-up round
            finder.search(store, sc.case.id, duplicates=False, learned=False)
        with_check, alone = [], []
        for sc in cases:
            t = time.perf_counter()
            finder.search(store, sc.case.id, duplicates=False, learned=False)
            with_check.append(time.perf_counter() - t)
            t = time.perf_counter()
            find_kin(store, sc.case.id, held, limit=20)
            alone.append(time.perf_counter() - t)
        store.close()
        megabytes = saved.stat().st_size / 2**20
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    names = ["`tenhands --help`", "`tenhands find --help`", "`tenhands cases --json` (empty store)"]
    table = ["| what | measured | target |", "|---|---|---|"]
    for k, name in enumerate(names):
        was = f" (before: {before[k]:.2f} s)" if before else ""
        target = "< 0.5 s" if k < 2 else "(no target)"
        table.append(f"| {name}, median of {args.runs} | {after[k]:.2f} s{was} | {target} |")
    table += [
        f"| kin index built from the store, {size:,} records (each process did this) | "
        f"{build:.1f} s | (no target) |",
        f"| … saved to disk | {save:.1f} s, {megabytes:.0f} MiB | (no target) |",
        f"| … loaded from disk, median of 3 | {load:.2f} s | (no target) |",
        f"| a new finder's first search (revision check, load, search) | {first:.2f} s "
        "| (no target) |",
        f"| one case's search with the revision check, {len(cases)} cases | p50 "
        f"{_median_ms(with_check):.1f} ms, p99 {_p99(with_check):.1f} ms | p99 < 100 ms |",
        f"| … the same searches without it (`find_kin` on the index) | p50 "
        f"{_median_ms(alone):.1f} ms, p99 {_p99(alone):.1f} ms | (no target) |",
        f"| the records revision check alone (SQLite), median of 2000 | "
        f"{check * 1e6:.0f} µs | (no target) |",
    ]
    report(
        "Start-up bench",
        table,
        [
            f"Command line: wall time of a fresh process each run (the first run of each "
            f"command not counted), from {ROOT.name}"
            + (f"; before: the same commands from {args.before}, by turns" if args.before else "")
            + f"; load average {load_average:.1f} on {os.cpu_count()} cores when timed"
            + ". Kin index: population "
            f"{len(pop.persons):,} persons (seed {args.seed}), records padded to {size:,} as in "
            "kin_bench.py, in a SQLite store; the index file is an uncompressed .npz read "
            "whole (the page cache holds it after the save).",
        ],
        record=args.record,
    )


if __name__ == "__main__":
    main()
