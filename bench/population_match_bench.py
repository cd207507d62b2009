"""Record matching on the synthetic Flemish population: families make it hard.

Siblings, parents and children share surnames, parents' names and addresses; only
given names, birth dates and sex tell them apart. The benchmark generates a seeded
population (:mod:`population`), derives its outside records (registry, case files,
school lists, each with its own noise), writes them as the CSV files ``tenhands
match`` reads, and measures without labels:

- linking the registry with the case files, and the registry with the school lists;
- deduplicating the case files (the same person twice in one source).

    python bench/population_match_bench.py                 # 20,000 persons, seed 1
    python bench/population_match_bench.py --persons 50000
    python bench/population_match_bench.py --record        # also append to RESULTS.md
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from population import RecordSet, derive_records, generate_population, write_records_csv
from results import report

from tenhands.finding.matching import Links, block, prepare, quality, score

Rows = list[dict[str, str | None]]
Truth = set[tuple[int, int]]


def read_rows(records: RecordSet, folder: Path) -> Rows:
    """The records as the command line reads them: through a UTF-8 CSV file."""
    path = write_records_csv(records.records, folder / f"{records.source.name}.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        return [{k: (v or None) for k, v in row.items()} for row in csv.DictReader(handle)]


def true_pairs(left: RecordSet, right: RecordSet | None) -> Truth:
    """Index pairs of records of the same person (``i < j`` when deduplicating)."""
    other = left if right is None else right
    by_person: dict[str, list[int]] = defaultdict(list)
    for j, record in enumerate(other.records):
        by_person[other.truth[record.id]].append(j)
    out: Truth = set()
    for i, record in enumerate(left.records):
        for j in by_person.get(left.truth[record.id], []):
            if right is not None or i < j:
                out.add((i, j))
    return out


def figures(links: Links, truth: Truth) -> tuple[float, float, float, float, float]:
    """Precision, recall and F1 at probability 0.5; the best F1 and its threshold."""
    pairs = zip(links.pairs.left.tolist(), links.pairs.right.tolist(), strict=True)
    hit = np.array([pair in truth for pair in pairs], dtype=bool)
    chosen = links.probabilities >= 0.5
    tp = int((hit & chosen).sum())
    precision = tp / max(int(chosen.sum()), 1)
    recall = tp / max(len(truth), 1)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    order = np.argsort(-links.probabilities, kind="stable")
    cumulative = np.cumsum(hit[order])
    found = np.arange(1, len(order) + 1)
    f1s = 2 * cumulative / (found + len(truth)) if len(order) else np.zeros(1)
    best = int(np.argmax(f1s)) if len(order) else 0
    threshold = float(links.probabilities[order[best]]) if len(order) else 0.5
    return precision, recall, f1, float(f1s[best]), threshold


def run(
    name: str, left: RecordSet, right: RecordSet | None, folder: Path
) -> tuple[str, Links, float]:
    """One task as a table row; the links and seconds for the notes."""
    truth = true_pairs(left, right)
    start = time.perf_counter()
    lrows = read_rows(left, folder)
    lp = prepare(lrows)
    rp = None if right is None else prepare(read_rows(right, folder))
    links = score(lp, rp)
    seconds = time.perf_counter() - start
    other = lp if rp is None else rp
    pairs = block(lp, rp)
    completeness, _ = quality(pairs, truth, len(lp), len(other))
    total = len(lp) * (len(lp) - 1) // 2 if rp is None else len(lp) * len(other)
    reduction = 1.0 - len(pairs) / max(total, 1)
    p, r, f1, best, at = figures(links, truth)
    size = f"{len(lp):,}" if rp is None else f"{len(lp):,} × {len(other):,}"
    row = (
        f"| {name} | {size} | {len(truth):,} | {len(pairs):,} | {completeness:.4f} | "
        f"{reduction:.6f} | {p:.4f} | {r:.4f} | {f1:.4f} | {best:.4f} @ {at:.2f} | {seconds:.2f} |"
    )
    return row, links, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--record", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()
    population = generate_population(args.persons, seed=args.seed)
    sets = {s.source.name: s for s in derive_records(population, seed=args.seed + 1)}
    registry, cases, schools = sets["registry"], sets["case_files"], sets["school_lists"]
    table = [
        "| task | records | true pairs | candidates | pair completeness | reduction ratio "
        "| precision | recall | F1 | best F1 @ threshold | seconds |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    models = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, left, right in (
            ("registry ↔ case files", registry, cases),
            ("registry ↔ school lists", registry, schools),
            ("dedupe case files", cases, None),
        ):
            row, links, _ = run(name, left, right, folder)
            table.append(row)
            models.append((name, links))
    notes = [
        f"{len(population.persons):,} persons (seed {args.seed}), records derived with seed "
        f"{args.seed + 1}; no labels used. Threshold: match probability ≥ 0.5; the best F1 is "
        "over every threshold. Seconds: CSV rows to scored pairs (prepare, block, train, score).",
    ]
    for name, links in models:
        model = links.model
        fields = [c.field for c in model.comparisons]
        if "birth_date" in fields:
            f = fields.index("birth_date")
            weight = model.level_weights()[f][-1]
            notes.append(
                f"{name}: learned birth date 'different' m = {model.m[f][-1]:.4f}, "
                f"u = {model.u[f][-1]:.4f}, weight {weight:+.1f} bits; "
                f"EM {model.iterations} iterations."
            )
    report("Population record matching", table, notes, record=args.record)


if __name__ == "__main__":
    main()
