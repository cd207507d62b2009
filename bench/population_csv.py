"""A synthetic population (:mod:`tenhands.demo.population`) written as CSV files: one
per outside source, with the truth (record id → person id) beside each.

    python bench/population_csv.py 20000 --seed 1 --out /tmp/population
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tenhands.demo.population import (
    derive_records,
    generate_population,
    write_records_csv,
    write_truth_csv,
)


def main(argv: list[str] | None = None) -> None:
    """``python bench/population_csv.py N --seed S --out DIR``: one CSV per source, with truth."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("n", type=int, help="number of persons")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="folder for the CSV files")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    pop = generate_population(args.n, seed=args.seed)
    generated = time.perf_counter() - start
    sets = derive_records(pop, seed=args.seed + 1)
    derived = time.perf_counter() - start - generated
    print(
        f"{len(pop.persons):,} persons, {len(pop.ties):,} ties, {len(pop.households):,} "
        f"households in {generated:.1f} s; {sum(len(s.records) for s in sets):,} records "
        f"in {derived:.1f} s"
    )
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        for s in sets:
            write_records_csv(s.records, args.out / f"{s.source.name}.csv")
            write_truth_csv(s.truth, args.out / f"{s.source.name}_truth.csv")
        print(f"written to {args.out}")


if __name__ == "__main__":
    main()
