"""Fit the kin rules' track record (``tenhands/finding/kin/track_record.json``): what the
search's probabilities turn out to mean on synthetic populations with a known truth.

    python bench/kin_calibrate.py                 # fit on seeds 2-5, print the table
    python bench/kin_calibrate.py --write         # and write track_record.json
    python bench/kin_calibrate.py --record        # also append the table to RESULTS.md
    python bench/kin_calibrate.py --check         # fail if the shipped file is not this fit

Per seed: the population, its outside records and 40 seeded cases (as in
``kin_bench.py``); the search runs per case with no track record and a low floor, and
each proposal is kept with its rule and hop, its probability, how many found records its
chain went through and whether it is a record of a true relative (a second record of
one already proposed counts as not). A logistic regression on those::

    logit(kin) = a * logit(search) + b * steps + offset(rule/hop)

is the map (in bits: :class:`tenhands.finding.kin.track.TrackRecord`). Per rule it keeps
how many proposals the mapped search would show in a case's top 20 (at or above the
floor) and how many of them were kin: the track record the candidate card gives.

Seeds 1 and 7 are left for ``kin_bench.py``, so its figures are on populations the fit
never saw (seed 7 is held out from every tuning of the search).
"""

from __future__ import annotations

import argparse
import math
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
from kin_bench import bench_data, depth_of, seed_store
from results import report
from sklearn.linear_model import LogisticRegression

from tenhands.finding.kin import build_index, find_kin
from tenhands.finding.kin.track import Tally, TrackRecord, logit2, rule_key
from tenhands.graph.stores.sqlite import SqliteStore

_OUT = Path(__file__).resolve().parent.parent / "tenhands/finding/kin/track_record.json"


def proposals(seed: int, persons: int, cases: int) -> list[tuple[str, str, float, int, bool]]:
    """(case, rule/hop, search probability, steps, is kin) of every proposal of one seed."""
    pop, records, truth, seeded = bench_data(persons, cases, seed)
    out = []
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(Path(folder) / "kin.db")
        store.init_schema()
        seed_store(store, seeded, pop.by_id())
        store.add_records(records)
        index = build_index(records)
        for sc in seeded:
            kin = {k.person_id for k in sc.true_kin}
            search = find_kin(store, sc.case.id, index, limit=100, track=TrackRecord.none())
            seen: set[str | None] = set()
            for f in search.kin:
                if f.rule == "family_graph":
                    continue
                pid = truth.get(f.record_id or "") or f.person_id
                hit = pid in kin and pid not in seen
                seen.add(pid)
                case = f"{seed}/{sc.case.id}"
                out.append((case, rule_key(f.rule, f.relation), f.probability, depth_of(f), hit))
        store.close()
    return out


def fit(rows: list[tuple[str, str, float, int, bool]], floor: float, c: float) -> TrackRecord:
    keys = sorted({r[1] for r in rows})
    x = np.zeros((len(rows), 2 + len(keys)))
    for i, (_case, key, p, steps, _hit) in enumerate(rows):
        x[i, 0] = logit2(p)
        x[i, 1] = steps
        x[i, 2 + keys.index(key)] = 1.0
    y = np.array([r[4] for r in rows])
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000).fit(x, y)
    w = model.coef_[0] / math.log(2)  # natural-log odds to bits
    track = TrackRecord(
        slope=float(w[0]),
        per_step=float(w[1]),
        offsets={k: float(w[2 + i]) for i, k in enumerate(keys)},
        floor=floor,
    )
    # the track record: per rule, what the mapped search shows in a case's top 20
    by_case: dict[str, list[tuple[float, str, bool]]] = defaultdict(list)
    for case, key, p, steps, hit in rows:
        shown = track.shown(key, p, steps)
        if shown >= floor:
            by_case[case].append((shown, key, hit))
    proposed: dict[str, int] = defaultdict(int)
    right: dict[str, int] = defaultdict(int)
    for shown_rows in by_case.values():
        for _shown, key, hit in sorted(shown_rows, reverse=True)[:20]:
            proposed[key] += 1
            right[key] += hit
    tallies = {k: Tally(proposed[k], right[k]) for k in keys}
    return TrackRecord(
        slope=track.slope,
        per_step=track.per_step,
        offsets=track.offsets,
        tallies=tallies,
        floor=floor,
        fitted_on="",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[2, 3, 4, 5])
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=40)
    parser.add_argument(
        "--floor", type=float, default=0.05, help="proposals shown below this are left out"
    )
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--write", action="store_true", help=f"write {_OUT.name}")
    parser.add_argument("--record", action="store_true", help="append the table to RESULTS.md")
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"fail when the fit differs from the shipped {_OUT.name} (the search changed "
        "since it was fitted: fit again with --write)",
    )
    args = parser.parse_args()

    rows = [r for seed in args.seeds for r in proposals(seed, args.persons, args.cases)]
    track = fit(rows, args.floor, args.c)
    seeds = ", ".join(map(str, args.seeds))
    track = TrackRecord(
        slope=track.slope,
        per_step=track.per_step,
        offsets=track.offsets,
        tallies=track.tallies,
        floor=track.floor,
        fitted_on=(
            f"bench/kin_calibrate.py, {date.today().isoformat()}: seeds {seeds} of "
            f"tenhands/demo/population.py, {args.persons:,} persons and {args.cases} cases each, "
            f"{len(rows):,} proposals"
        ),
    )
    table = [
        f"Slope {track.slope:.3f}, per record on the chain {track.per_step:+.3f} bits, "
        f"floor {track.floor}.",
        "",
        "| rule/hop | offset (bits) | shown in a top 20 | of them kin |",
        "|---|---:|---:|---:|",
    ]
    for key, tally in sorted(track.tallies.items()):
        share = tally.kin / max(tally.proposed, 1)
        table.append(f"| {key} | {track.offsets[key]:+.2f} | {tally.proposed} | {share:.2f} |")
    report("Kin track record", table, [track.fitted_on + "."], record=args.record)
    if args.write:
        _OUT.write_text(track.to_json() + "\n", encoding="utf-8")
        print(f"written: {_OUT}")
    if args.check:
        shipped = TrackRecord.from_json(_OUT.read_text(encoding="utf-8"))
        fitted = TrackRecord.from_json(track.to_json())  # rounded as the file is
        if (shipped.slope, shipped.per_step, shipped.offsets, shipped.tallies) != (
            fitted.slope, fitted.per_step, fitted.offsets, fitted.tallies,
        ):  # fmt: skip
            raise SystemExit(f"{_OUT.name} is not the fit of the search as it is: run --write")
        print(f"{_OUT.name} is the fit of the search as it is")


if __name__ == "__main__":
    main()
