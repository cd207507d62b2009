"""Bulk import and case-subgraph speed of each store.

Imports 100,000 persons and 200,000 ties (in calls of 10,000 rows, each call one
transaction), then fetches the subgraph of a 100-person case many times.
Targets: import < 10 s on SQLite and < 30 s on Neo4j; subgraph < 10 ms on SQLite.

    python bench/store_bench.py                     # SQLite, plus Neo4j if NEO4J_URI is set
    python scripts/neo4j_test_server.py run -- python bench/store_bench.py --record

``--record`` appends the figures, with machine and date, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from results import report

from tenhands.graph.model import (
    Case,
    Engagement,
    NetworkRole,
    PartialDate,
    Person,
    Sex,
    Tie,
    TieKind,
)
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore

GIVEN = ["Lotte", "Jef", "Mieke", "Karim", "Ayşe", "Youssef", "Marie", "Pieter", "Zoë", "Emre"]
SURNAMES = ["Peeters", "Janssens", "El Amrani", "Yılmaz", "Vermeulen", "De Smet", "Çelik"]
KINDS = [TieKind.parent, TieKind.sibling, TieKind.friend, TieKind.neighbour, TieKind.partner]
CHUNK = 10_000
CASE_SIZE = 100


def make_people(n: int, seed: int = 7) -> tuple[list[Person], list[Tie]]:
    """``n`` persons and ``2n`` ties, mostly between near ids (local families)."""
    rng = random.Random(seed)
    persons = [
        Person(
            id=f"p-{i:06d}",
            given_names=[rng.choice(GIVEN)],
            surname=rng.choice(SURNAMES),
            sex=rng.choice([Sex.female, Sex.male]),
            birth_date=PartialDate(rng.randint(1930, 2020), rng.randint(1, 12)),
            birth_place="Gent",
        )
        for i in range(n)
    ]
    ties = []
    for i in range(n):
        for k, step in enumerate((1, rng.randint(2, 6))):
            j = (i + step) % n
            ties.append(
                Tie(
                    id=f"t-{i:06d}-{k}",
                    source_id=f"p-{i:06d}",
                    target_id=f"p-{j:06d}",
                    kind=KINDS[(i + k) % len(KINDS)],
                )
            )
    return persons, ties


def import_all(store: GraphStore, persons: list[Person], ties: list[Tie]) -> float:
    start = time.perf_counter()
    for at in range(0, len(persons), CHUNK):
        store.upsert_persons(persons[at : at + CHUNK])
    for at in range(0, len(ties), CHUNK):
        store.upsert_ties(ties[at : at + CHUNK])
    return time.perf_counter() - start


def seed_case(store: GraphStore) -> str:
    store.create_case(Case(id="c-bench", title="Bench", child_ids=["p-000000"]))
    store.upsert_roles(
        [
            NetworkRole(case_id="c-bench", person_id=f"p-{i:06d}", engagement=Engagement.engaged)
            for i in range(1, CASE_SIZE)
        ]
    )
    return "c-bench"


def time_calls(fn: Callable[[], object], runs: int) -> list[float]:
    for _ in range(5):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def bench_store(name: str, store: GraphStore, n: int, runs: int) -> dict[str, str]:
    persons, ties = make_people(n)
    store.init_schema()
    seconds = import_all(store, persons, ties)
    assert store.count_persons() == n
    case_id = seed_case(store)
    graph = store.case_subgraph(case_id)
    times = time_calls(lambda: store.case_subgraph(case_id), runs)
    p99 = times[int(0.99 * (len(times) - 1))]
    return {
        "store": name,
        "import": f"{seconds:.1f} s ({n:,} persons + {len(ties):,} ties)",
        "subgraph": (
            f"median {statistics.median(times):.2f} ms, p99 {p99:.2f} ms "
            f"({graph.number_of_nodes()} persons, {graph.number_of_edges()} ties, {runs} runs)"
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--record", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = SqliteStore(Path(tmp) / "bench.db")
        try:
            rows.append(bench_store("SQLite", sqlite, args.persons, args.runs))
        finally:
            sqlite.close()
    uri = os.environ.get("NEO4J_URI")
    if uri:
        from tenhands.graph.stores.neo4j import Neo4jStore

        neo = Neo4jStore(uri)
        try:
            neo.init_schema()
            if neo.count_persons():
                raise SystemExit("the Neo4j database is not empty: use a fresh test server")
            rows.append(bench_store("Neo4j", neo, args.persons, args.runs))
        finally:
            neo.close()
    else:
        print("NEO4J_URI is not set: Neo4j not measured")

    report(
        "Store bench",
        [
            "| store | bulk import | case subgraph fetch |",
            "|---|---|---|",
            *(f"| {r['store']} | {r['import']} | {r['subgraph']} |" for r in rows),
        ],
        ["Targets: import < 10 s (SQLite), < 30 s (Neo4j); 100-person subgraph < 10 ms (SQLite)."],
        record=args.record,
    )


if __name__ == "__main__":
    main()
