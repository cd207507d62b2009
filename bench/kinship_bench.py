"""Kinship calculator speed: one child's relationships to 5,000 persons.

Generates a seeded synthetic family tree (about 7 generations of couples and their
children, with divorces and second partners whose children are half-siblings,
adoptions, and partners marrying in from outside), writes it as a GEDCOM file and
imports that into a real SQLite store, fetches the child's neighbourhood back as a
graph, and times ``relationships_from(g, child)``. Target: < 1 s for 5,000 persons.

    python bench/kinship_bench.py
    python bench/kinship_bench.py --persons 5000 --runs 5 --record

``--record`` appends the figures, with machine and date, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from results import report

from tenhands.finding.gedcom import export_gedcom, import_gedcom
from tenhands.graph.kinship import relationships_from
from tenhands.graph.model import Basis, PartnerStatus, Person, Sex, Tie, TieKind
from tenhands.graph.network import build_graph
from tenhands.graph.stores.sqlite import SqliteStore

GIVEN_F = ["Lotte", "Mieke", "Ayşe", "Marie", "Zoë", "Fatima", "Els", "Nora"]
GIVEN_M = ["Jef", "Karim", "Youssef", "Pieter", "Emre", "Bram", "Luc", "Omar"]
SURNAMES = ["Peeters", "Janssens", "El Amrani", "Yılmaz", "Vermeulen", "De Smet", "Çelik"]


class TreeMaker:
    """A seeded family tree, generation by generation, as persons and ties."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.persons: list[Person] = []
        self.ties: list[Tie] = []

    def person(self, generation: int) -> str:
        sex = self.rng.choice([Sex.female, Sex.male])
        given = self.rng.choice(GIVEN_F if sex is Sex.female else GIVEN_M)
        pid = f"k-{len(self.persons):05d}"
        self.persons.append(
            Person(
                id=pid,
                given_names=[given],
                surname=self.rng.choice(SURNAMES),
                sex=sex,
                notes=f"generation {generation}",
            )
        )
        return pid

    def tie(self, source: str, target: str, kind: TieKind, **extra: object) -> None:
        self.ties.append(
            Tie(
                id=f"kt-{len(self.ties):06d}",
                source_id=source,
                target_id=target,
                kind=kind,
                **extra,
            )
        )

    def children(self, parents: tuple[str, ...], generation: int, n: int) -> list[str]:
        kids = []
        for _ in range(n):
            kid = self.person(generation)
            for parent in parents:
                self.tie(parent, kid, TieKind.parent)
            kids.append(kid)
        if len(kids) > 1 and self.rng.random() < 0.3:  # sometimes siblings are tied too
            self.tie(kids[0], kids[1], TieKind.sibling)
        return kids

    def grow(self, target: int, generations: int) -> list[str]:
        """Persons until ``target``; returns the youngest generation."""
        rng = self.rng
        founders = max(4, target // 180)
        couples = [(self.person(0), self.person(0)) for _ in range(founders)]
        for a, b in couples:
            self.tie(a, b, TieKind.partner, partner_status=PartnerStatus.married)
        youngest: list[str] = []
        for generation in range(1, generations + 1):
            born: list[str] = []
            for a, b in couples:
                if len(self.persons) >= target:
                    break
                born += self.children((a, b), generation, rng.choice([1, 2, 2, 3, 3, 4]))
                if rng.random() < 0.12:  # divorce; a second partner and half-siblings
                    self.ties.append(self._divorce(a, b))
                    newcomer = self.person(generation - 1)
                    self.tie(a, newcomer, TieKind.partner, partner_status=PartnerStatus.married)
                    born += self.children((a, newcomer), generation, rng.choice([1, 2]))
                if rng.random() < 0.05:  # an adoption
                    kid = self.person(generation)
                    for parent in (a, b):
                        self.tie(parent, kid, TieKind.parent, basis=Basis.adoptive)
                    born.append(kid)
            youngest = born or youngest
            if len(self.persons) >= target or generation == generations:
                break
            couples = self._pair(born, generation)
        while len(self.persons) < target:  # fill up with partners of the youngest
            partner = self.person(generations)
            self.tie(rng.choice(youngest), partner, TieKind.partner)
        return youngest

    def _divorce(self, a: str, b: str) -> Tie:
        for i, t in enumerate(self.ties):
            if t.kind is TieKind.partner and {t.source_id, t.target_id} == {a, b}:
                return self.ties.pop(i).model_copy(
                    update={"kind": TieKind.ex_partner, "partner_status": PartnerStatus.divorced}
                )
        raise AssertionError("no partner tie")

    def _pair(self, born: list[str], generation: int) -> list[tuple[str, str]]:
        """Most of a generation marries: each other (across families) or newcomers."""
        rng = self.rng
        pool = born[:]
        rng.shuffle(pool)
        couples = []
        while pool:
            a = pool.pop()
            if rng.random() < 0.15:
                continue  # stays single
            # Marries within the tree (across families) or someone from outside it.
            b = pool.pop() if pool and rng.random() < 0.5 else self.person(generation)
            status = rng.choice([PartnerStatus.married, PartnerStatus.cohabiting])
            self.tie(a, b, TieKind.partner, partner_status=status)
            couples.append((a, b))
        return couples


def bench(persons: int, generations: int, runs: int, seed: int) -> dict[str, str]:
    maker = TreeMaker(seed)
    youngest = maker.grow(persons, generations)
    born = {
        t.target_id for t in maker.ties if t.kind is TieKind.parent and t.basis is Basis.biological
    }
    chosen = next(pid for pid in youngest[len(youngest) // 2 :] + youngest if pid in born)
    # The file's xrefs follow the sorted person ids, so the chosen child is findable again.
    xref = {pid: f"@I{n}@" for n, pid in enumerate(sorted(p.id for p in maker.persons), 1)}
    text = export_gedcom(build_graph(maker.persons, maker.ties))
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "kinship.db")
        try:
            store.init_schema()
            start = time.perf_counter()
            report = import_gedcom(store, text.encode("utf-8"), source_name="stamboom.ged")
            imported = time.perf_counter() - start
            [child_person] = store.find_persons_by_source(xref[chosen])
            child = child_person.id
            start = time.perf_counter()
            g = store.neighbourhood(child, hops=50)
            fetch = time.perf_counter() - start
        finally:
            store.close()
    relationships_from(g, child)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rels = relationships_from(g, child)
        times.append(time.perf_counter() - start)
    related = [r for r in rels.values() if r.related]
    kinds = Counter(str(r.kind) for r in related)
    return {
        "graph": f"{g.number_of_nodes():,} persons, {g.number_of_edges():,} ties "
        f"(of {report.persons:,} imported from GEDCOM in {imported:.1f} s; "
        f"neighbourhood fetch {fetch:.2f} s)",
        "time": f"median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms ({runs} runs)",
        "related": f"{len(related):,} related ("
        + ", ".join(f"{k} {n:,}" for k, n in kinds.most_common())
        + f"), {len(rels) - len(related):,} not",
        "median_s": f"{statistics.median(times):.3f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--persons", type=int, default=5_000)
    parser.add_argument("--generations", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--record", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()

    row = bench(args.persons, args.generations, args.runs, args.seed)
    report(
        "Kinship bench",
        [
            "| graph (imported tree, SQLite neighbourhood, 50 hops) "
            "| relationships_from(g, child) | result |",
            "|---|---|---|",
            f"| {row['graph']} | {row['time']} | {row['related']} |",
        ],
        ["Target: relationships_from for one child over 5,000 persons < 1 s."],
        record=args.record,
    )


if __name__ == "__main__":
    main()
