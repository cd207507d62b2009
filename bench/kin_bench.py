"""Kin search on the synthetic Flemish population: recall of true kin in the top 20, and
latency of one case's search over a corpus of up to a million records.

    python bench/kin_bench.py                       # 20,000 persons, 40 cases, 1M corpus
    python bench/kin_bench.py --persons 5000 --corpus 100000
    python bench/kin_bench.py --record              # also append to bench/RESULTS.md

Quality: a population with outside records (registry, old case files, school lists) and
seeded cases (a child, the relatives the worker knows, and the true kin still to find)
go into a SQLite store; ``find_kin`` runs per case. A true relative counts as found when
one of the top 20 proposals is a record of them (or them, from the graph).

Speed: the corpus is padded to ``--corpus`` records with recombined records of the same
population (their names, dates and places shuffled between records, so name
frequencies stay realistic), indexed once, and every case is searched; p50/p99 are over
all searches after one warm-up round.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from results import report

from tenhands.demo.population import (
    Population,
    SeededCase,
    derive_records,
    generate_population,
    seed_cases,
)
from tenhands.finding.kin import Found, RecordIndex, build_index, find_kin
from tenhands.graph.model import NetworkRole, Person, Record
from tenhands.graph.stores.sqlite import SqliteStore

FIELDS = ("given_names", "surname", "birth_surname", "sex", "birth_date", "birth_place",
          "street", "house_number", "postcode", "city", "mother_name", "father_name",
          "partner_name")  # fmt: skip


def _resident() -> int:
    """Resident memory of this process, in bytes (Linux)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def padding(records: list[Record], total: int, seed: int) -> list[Record]:
    """``total - len(records)`` records recombined from ``records``: each field taken from
    a random record, so no padding record is a real person of the population."""
    rng = random.Random(seed)
    columns = {f: [getattr(r, f) for r in records] for f in FIELDS}
    out = []
    for i in range(max(0, total - len(records))):
        values = {f: rng.choice(columns[f]) for f in FIELDS}
        out.append(Record(id=f"pad-{i:07d}", **values))
    return out


_NEUTRAL = {
    "first_cousin": "cousin", "brother": "sibling", "sister": "sibling", "mother": "parent",
    "father": "parent", "grandmother": "grandparent", "grandfather": "grandparent",
    "aunt": "aunt_uncle", "uncle": "aunt_uncle", "niece": "niece_nephew",
    "nephew": "niece_nephew", "half_brother": "half_sibling", "half_sister": "half_sibling",
    "half_aunt": "half_aunt_uncle", "half_uncle": "half_aunt_uncle",
    # a record without its sex is said neutrally
    "aunt/uncle": "aunt_uncle", "niece/nephew": "niece_nephew",
}  # fmt: skip


def same_relation(code: str | None, truth: str) -> bool:
    """Whether a proposal's relation to the child is the true one, sex aside (a record
    without its sex can only be said neutrally: a sibling, a grandparent)."""
    if not code:
        return False

    def neutral(text: str) -> str:
        side, _, rest = text.partition("_")
        if side in ("maternal", "paternal"):
            return f"{side}_{_neutral_word(rest)}"
        return _neutral_word(text)

    return neutral(code) == neutral(truth)


def _neutral_word(word: str) -> str:
    for great in ("great_great_", "great_"):
        if word.startswith(great):
            return great + _NEUTRAL.get(word[len(great) :], word[len(great) :])
    return _NEUTRAL.get(word, word)


KINDS = ("parents", "siblings", "half-siblings", "grandparents", "great-grandparents",
         "aunts/uncles", "cousins", "nieces/nephews")  # fmt: skip
BANDS = ((1, 5), (6, 10), (11, 15), (16, 20))
HOPS = ("child", "parent", "sibling", "partner")


def kind_of(relation: str) -> str:
    """The kind of a true relative for the per-kind table (``maternal_aunt`` → aunts/uncles)."""
    word = relation.removeprefix("maternal_").removeprefix("paternal_")
    if word.startswith("great_grand"):
        return "great-grandparents"
    if word.startswith("grand"):
        return "grandparents"
    if word.startswith("half_brother") or word.startswith("half_sister"):
        return "half-siblings"
    if word in ("brother", "sister"):
        return "siblings"
    if word in ("mother", "father"):
        return "parents"
    if word.endswith(("aunt", "uncle")):
        return "aunts/uncles"
    if word in ("niece", "nephew"):
        return "nieces/nephews"
    return "cousins"


def depth_of(found: Found) -> int:
    """How many records the chain went through before the candidate's own (0: from a
    known person directly)."""
    return sum(1 for e in found.evidence if e.field == "via_record" and e.right)


@dataclass
class Tally:
    """Per kind, rule, depth and rank band: what was proposed and what was right."""

    findable: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    proposed: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)

    def add(self, key: str, *, hit: bool) -> None:
        self.proposed[key] += 1
        self.right[key] += hit

    def lines(self) -> list[str]:
        out = ["", "| kind | found / findable |", "|---|---|"]
        for kind in KINDS:
            n = self.findable[kind]
            out.append(f"| {kind} | {self.found[kind]}/{n} ({self.found[kind] / max(n, 1):.2f}) |")
        out += ["", "| proposals by | proposed | true kin |", "|---|---:|---:|"]
        for key in sorted(self.proposed, key=lambda k: (k.split(" ")[0], k)):
            n = self.proposed[key]
            out.append(f"| {key} | {n} | {self.right[key] / max(n, 1):.2f} |")
        return out


def bench_data(
    persons: int, n_cases: int, seed: int
) -> tuple[Population, list[Record], dict[str, str], list[SeededCase]]:
    """The population, its outside records, the truth (record id → person id) and the
    seeded cases of one seed, as every kin benchmark draws them."""
    pop = generate_population(persons, seed=seed)
    sets = derive_records(pop, seed=seed + 1)
    records = [r for s in sets for r in s.records]
    truth = {rid: pid for s in sets for rid, pid in s.truth.items()}
    return pop, records, truth, seed_cases(pop, n_cases=n_cases, seed=seed + 2)


def seed_store(store: SqliteStore, cases: list[SeededCase], persons: dict[str, Person]) -> None:
    """The seeded cases as a worker would have entered them: children, known relatives,
    their ties and roles."""
    for sc in cases:
        known = {p.id for p in sc.known}
        children = [persons[c] for c in sc.case.child_ids if c not in known]
        store.upsert_persons([
            Person(id=c.id, given_names=c.given_names, surname=c.surname, sex=c.sex,
                   birth_date=c.birth_date, birth_place=c.birth_place,
                   addresses=c.addresses[-1:])
            for c in children
        ])  # fmt: skip
        store.upsert_persons(sc.known)
        store.upsert_ties(sc.known_ties)
        store.create_case(sc.case)
        store.upsert_roles([NetworkRole(case_id=sc.case.id, person_id=p) for p in known])


def _latencies(
    store: SqliteStore, cases: list[SeededCase], index: RecordIndex
) -> tuple[float, float, float]:
    """p50 and p99 in ms of one search per case, after one warm-up round, and the CPU
    time of a search in ms (mean)."""
    for sc in cases:
        find_kin(store, sc.case.id, index, limit=20)
    latencies = []
    cpu = 0.0
    for sc in cases:
        t, c = time.perf_counter(), time.process_time()
        find_kin(store, sc.case.id, index, limit=20)
        latencies.append((time.perf_counter() - t) * 1000)
        cpu += (time.process_time() - c) * 1000
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(round(0.99 * (len(latencies) - 1))))]
    return statistics.median(latencies), p99, cpu / max(len(cases), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=40)
    parser.add_argument("--corpus", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--record", action="store_true")
    parser.add_argument(
        "--quality-only", action="store_true", help="skip the speed part (the padded corpus)"
    )
    args = parser.parse_args()

    pop, records, truth, cases = bench_data(args.persons, args.cases, args.seed)
    persons = pop.by_id()
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(Path(folder) / "kin.db")
        store.init_schema()
        seed_store(store, cases, persons)
        store.add_records(records)

        # -- quality, on the population's own records
        start = time.perf_counter()
        index = build_index(records)
        small_build = time.perf_counter() - start
        have = set(truth.values())
        total = findable = found = right = proposals = true_proposals = 0
        tally = Tally()
        wrong_words: Counter[tuple[str, str]] = Counter()
        for sc in cases:
            search = find_kin(store, sc.case.id, index, limit=20)
            hits: dict[str | None, Found] = {}
            kin_ids = {k.person_id for k in sc.true_kin}
            for rank, f in enumerate(search.kin, 1):
                pid = truth.get(f.record_id or "") or f.person_id
                hit = pid in kin_ids and pid not in hits
                hits.setdefault(pid, f)
                band = next(f"{a}-{b}" for a, b in BANDS if a <= rank <= b)
                hop = f" ({f.relation})" if f.relation in HOPS else ""
                tally.add(f"rule {f.rule}{hop}", hit=hit)
                tally.add(f"depth {depth_of(f)}", hit=hit)
                tally.add(f"rank {band}", hit=hit)
            proposals += len(search.kin)
            true_proposals += sum(1 for pid in hits if pid in kin_ids)
            for k in sc.true_kin:
                total += 1
                findable += k.person_id in have
                if k.person_id in have:
                    tally.findable[kind_of(k.relation)] += 1
                if k.person_id in hits:
                    found += 1
                    tally.found[kind_of(k.relation)] += 1
                    said = hits[k.person_id].relation_code
                    if same_relation(said, k.relation):
                        right += 1
                    else:
                        wrong_words[(k.relation, said or "-")] += 1
        n_records = len(records)
        detail = tally.lines()
        detail += ["", "| true relation | said | times |", "|---|---|---:|"]
        detail += [f"| {t} | {s} | {n} |" for (t, s), n in wrong_words.most_common(12)]
        if args.quality_only:
            store.close()
            report(
                "Kin search bench (quality only)",
                [
                    f"| recall in the top 20, of those with an outside record ({findable}) | "
                    f"{found / max(findable, 1):.3f} |",
                    f"| share of proposals that are true kin | "
                    f"{true_proposals / max(proposals, 1):.3f} ({proposals} proposals) |",
                    f"| relation to the child said right | {right / max(found, 1):.3f} |",
                    *detail,
                ],
                [f"Population {len(pop.persons):,} persons (seed {args.seed})."],
                record=args.record,
            )
            return

        # -- speed, on the padded corpus
        pad = padding(records, args.corpus, args.seed + 3)
        store.add_records(pad)
        corpus = records + pad
        del pad
        gc.collect()
        before = _resident()
        start = time.perf_counter()
        big = build_index(corpus)
        build = time.perf_counter() - start
        del corpus
        gc.collect()
        held = _resident() - before
        p50, p99, cpu = _latencies(store, cases, big)
        size = len(big)
        # -- the same with half the padding gathered for 1,000 other cases: a search
        # leaves out their rows (the case boundary), which must not cost it its speed
        del big
        gc.collect()
        scoped = build_index(
            r if k % 2 else r.model_copy(update={"case_id": f"c-other-{k % 1000:03d}"})
            for k, r in enumerate(records + padding(records, args.corpus, args.seed + 3))
        )
        scoped_p50, scoped_p99, scoped_cpu = _latencies(store, cases, scoped)
        store.close()
    report(
        "Kin search bench",
        [
            "| what | measured | target |",
            "|---|---|---|",
            f"| recall of true kin in the top 20 ({len(cases)} seeded cases, {total} true "
            f"relatives) | {found / total:.3f} ({found}/{total}) | (no target) |",
            f"| … of those with at least one outside record ({findable}) | "
            f"{found / max(findable, 1):.3f} | ≥ 0.80 |",
            f"| relation to the child said right (sex aside), of those found | "
            f"{right / max(found, 1):.3f} "
            "| ≥ 0.95 |",
            f"| share of proposals that are true kin | {true_proposals / max(proposals, 1):.3f} "
            "| ≥ 0.50 |",
            f"| index build, {n_records:,} records | {small_build:.2f} s | (no target) |",
            f"| index build, {size:,} records | {build:.1f} s; the index holds "
            f"{held / 2**30:.2f} GiB | (no target) |",
            f"| one case's search over {size:,} records | p50 {p50:.1f} ms, p99 "
            f"{p99:.1f} ms; CPU {cpu:.1f} ms a search | p99 < 100 ms |",
            f"| … with half of them gathered for 1,000 other cases (left out) | p50 "
            f"{scoped_p50:.1f} ms, p99 {scoped_p99:.1f} ms; CPU {scoped_cpu:.1f} ms a search "
            "| p99 < 100 ms |",
            *detail,
        ],
        [
            f"Population {len(pop.persons):,} persons (seed {args.seed}); outside records "
            "from three sources with noise; true kin are blood and adoptive relatives up to "
            "great-grandparents and first cousins. The 1M corpus pads the population's "
            "records with recombined ones.",
        ],
        record=args.record,
    )


if __name__ == "__main__":
    main()
