"""Record matching on the synthetic Flemish population: families make it hard.

Siblings, parents and children share surnames, parents' names and addresses; only
given names, birth dates and sex tell them apart. The benchmark generates a seeded
population (:mod:`population`), derives its outside records (registry, case files,
school lists, each with its own noise), writes them as the CSV files ``tenhands
match`` reads, and measures without labels:

- linking the registry with the case files, and the registry with the school lists;
- deduplicating the case files (the same person twice in one source).

The population has twins (same birth date and parents, other given names), namesake
fathers and sons (some records write ``sr``/``jr``) and partners of one age at one
address. A second table counts, per trap, the pairs of two such persons merged
(probability ≥ 0.5) without and with the guards of
:mod:`tenhands.finding.matching.guards`.

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
from results import report

from tenhands.demo.population import (
    Population,
    RecordSet,
    derive_records,
    generate_population,
    namesakes,
    write_records_csv,
)
from tenhands.finding.matching import Links, block, prepare, quality, score
from tenhands.graph.model import TieKind

Rows = list[dict[str, str | None]]
Truth = set[tuple[int, int]]
Traps = dict[str, set[frozenset[str]]]


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


def traps(population: Population) -> Traps:
    """Pairs of two persons (ids) a matcher must not merge, by trap."""
    persons = population.by_id()
    twins: set[frozenset[str]] = set()
    by_birth: dict[tuple[tuple[str, ...], str], list[str]] = defaultdict(list)
    for child, parents in population.parents.items():
        if parents:
            key = (tuple(sorted(p for p, _ in parents)), str(persons[child].birth_date))
            by_birth[key].append(child)
    for group in by_birth.values():
        twins.update(frozenset((a, b)) for a in group for b in group if a < b)
    generations = namesakes(population)
    fathers = {
        frozenset((child, parent))
        for child, parents in population.parents.items()
        if generations.get(child) == "junior"
        for parent, _ in parents
        if generations.get(parent)
        and persons[parent].given_names[:1] == persons[child].given_names[:1]
    }
    partners: set[frozenset[str]] = set()
    for tie in population.ties:
        if tie.kind not in (TieKind.partner, TieKind.ex_partner):
            continue
        a, b = persons[tie.source_id], persons[tie.target_id]
        assert a.birth_date is not None and b.birth_date is not None
        homes = {(x.street, x.house_number, x.postcode) for x in a.addresses}
        shared = any((x.street, x.house_number, x.postcode) in homes for x in b.addresses)
        if shared and abs(a.birth_date.year - b.birth_date.year) <= 1:
            partners.add(frozenset((a.id, b.id)))
    return {
        "twins": twins,
        "namesake father and son": fathers,
        "same-age partners at one address": partners,
    }


def merged(
    links: Links, left: RecordSet, right: RecordSet | None, trap: set[frozenset[str]]
) -> int:
    """Pairs at probability ≥ 0.5 whose two records are the two persons of a trap."""
    other = left if right is None else right
    count = 0
    for k in np.flatnonzero(links.probabilities >= 0.5).tolist():
        a = left.truth[left.records[int(links.pairs.left[k])].id]
        b = other.truth[other.records[int(links.pairs.right[k])].id]
        count += frozenset((a, b)) in trap
    return count


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
    name: str, left: RecordSet, right: RecordSet | None, folder: Path, found: Traps
) -> tuple[str, str, Links]:
    """One task as a table row, its row of trap merges, and the links for the notes."""
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
    unguarded = score(lp, rp, guards=False)
    counts = [
        f"{merged(unguarded, left, right, pairs)} → {merged(links, left, right, pairs)}"
        for pairs in found.values()
    ]
    p0, r0, f10, _, _ = figures(unguarded, truth)
    trap_row = f"| {name} | {' | '.join(counts)} | {p0:.4f} / {r0:.4f} / {f10:.4f} |"
    size = f"{len(lp):,}" if rp is None else f"{len(lp):,} × {len(other):,}"
    row = (
        f"| {name} | {size} | {len(truth):,} | {len(pairs):,} | {completeness:.4f} | "
        f"{reduction:.6f} | {p:.4f} | {r:.4f} | {f1:.4f} | {best:.4f} @ {at:.2f} | {seconds:.2f} |"
    )
    return row, trap_row, links


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
    found = traps(population)
    trap_table = [
        "",
        "| task | "
        + " | ".join(f"{t} merged (without → with guards)" for t in found)
        + " | P / R / F1 without guards |",
        "|---|" + "---:|" * (len(found) + 1),
    ]
    models = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, left, right in (
            ("registry ↔ case files", registry, cases),
            ("registry ↔ school lists", registry, schools),
            ("dedupe case files", cases, None),
        ):
            row, trap_row, links = run(name, left, right, folder, found)
            table.append(row)
            trap_table.append(trap_row)
            models.append((name, links))
    table += trap_table
    notes = [
        f"{len(population.persons):,} persons (seed {args.seed}), records derived with seed "
        f"{args.seed + 1}; no labels used. Threshold: match probability ≥ 0.5; the best F1 is "
        "over every threshold. Seconds: CSV rows to scored pairs (prepare, block, train, score).",
        "Traps in the population: "
        + ", ".join(f"{len(pairs):,} {name}" for name, pairs in found.items())
        + " (pairs of persons); the second table counts their record pairs merged.",
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
