"""Map bench: building a 300-person network's map, and drawing it in headless Chromium.

    python bench/map_bench.py            # print the table
    python bench/map_bench.py --record   # also append it to bench/RESULTS.md

A synthetic case (a child, four generations of family with partners, aunts, uncles and
cousins, and informal supporters and professionals: 300 persons) is stored in SQLite.
"Build" is the scene (layout and redaction) plus the HTML, median of 20 runs per view
and mode;
"drawn" is from navigation to the page saying it is drawn, in Debian's Chromium
(Playwright, headless, offline), median of 5 loads.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from results import report

from tenhands.graph.model import (
    Case,
    Circle,
    Engagement,
    NetworkRole,
    PartialDate,
    Person,
    Sex,
    Tie,
    TieKind,
)
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz import Mode, View, build_scene
from tenhands.viz.render import render_html

CASE = "bench-map"
INFORMAL = (TieKind.friend, TieKind.neighbour, TieKind.teacher, TieKind.coach,
            TieKind.godparent, TieKind.family_friend, TieKind.professional)  # fmt: skip


def big_case(size: int = 300) -> tuple[list[Person], list[Tie], Case, list[NetworkRole]]:
    """A child and ``size - 1`` others: family over four generations, then supporters."""
    persons: list[Person] = []
    ties: list[Tie] = []

    def person(year: int, sex: Sex) -> str:
        pid = f"m{len(persons):04d}"
        persons.append(Person(id=pid, given_names=[f"P{len(persons)}"], surname="Bench",
                              sex=sex, birth_date=PartialDate(year)))  # fmt: skip
        return pid

    def tie(a: str, b: str, kind: TieKind) -> None:
        ties.append(Tie(id=f"t{len(ties):05d}", source_id=a, target_id=b, kind=kind))

    child = person(2016, Sex.female)
    family_size = size * 2 // 3
    generation = [(child, 2016)]
    while len(persons) < family_size and generation:
        parents_of_next = []
        for pid, year in generation:
            if len(persons) >= family_size:
                break
            mum, dad = person(year - 28, Sex.female), person(year - 30, Sex.male)
            tie(mum, pid, TieKind.parent)
            tie(dad, pid, TieKind.parent)
            tie(mum, dad, TieKind.partner)
            for parent, pyear in ((mum, year - 28), (dad, year - 30)):
                for _ in range(2):  # the parent's siblings share the grandparents later
                    if len(persons) >= family_size:
                        break
                    sib = person(pyear + 3, Sex.male if len(persons) % 2 else Sex.female)
                    tie(sib, parent, TieKind.sibling)
                    for _ in range(2):
                        if len(persons) >= family_size:
                            break
                        cousin = person(pyear + 30, Sex.female)
                        tie(sib, cousin, TieKind.parent)
                parents_of_next.append((parent, pyear))
        generation = parents_of_next
    while len(persons) < size:
        other = person(1980, Sex.male if len(persons) % 2 else Sex.female)
        tie(other, child, INFORMAL[len(persons) % len(INFORMAL)])
    case = Case(id=CASE, title="Benchmark", child_ids=[child])
    circles = (Circle.inner, Circle.middle, Circle.outer)
    roles = [
        NetworkRole(case_id=CASE, person_id=p.id, circle=circles[i % 3],
                    engagement=Engagement.committed if i % 7 == 0 else Engagement.identified)
        for i, p in enumerate(persons[1:])
    ]  # fmt: skip
    return persons, ties, case, roles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    rows = ["| view | persons | build (scene + HTML), median | drawn in Chromium, median | "
            "target |", "|---|---:|---:|---:|---|"]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(Path(folder) / "map.db")
        store.init_schema()
        persons, ties, case, roles = big_case(args.size)
        store.upsert_persons(persons)
        store.upsert_ties(ties)
        store.create_case(case)
        store.upsert_roles(roles)
        for view, mode in [(v, m) for v in View for m in Mode]:
            builds = []
            html = ""
            for _ in range(20):
                start = time.perf_counter()
                scene = build_scene(store, CASE, view, mode, "nl")
                html = render_html(scene)
                builds.append((time.perf_counter() - start) * 1000)
            page = Path(folder) / f"{view.value}-{mode.value}.html"
            page.write_text(html, encoding="utf-8")
            drawn = _drawn(page, runs=5)
            rows.append(
                f"| {view.value}, {mode.value} | {len(scene.people)} | "
                f"{statistics.median(builds):.0f} ms | "
                f"{statistics.median(drawn):.0f} ms | build < 150 ms; drawn < 1.5 s |"
            )
        store.close()
    report(
        "Map bench",
        rows,
        [
            f"A synthetic case of {args.size} persons (family over four generations, "
            "informal supporters, professionals); Dutch labels; projection places the map "
            "for a 1920×1080 wall and falls back to growing rings when the persons do not "
            "fit it."
        ],
        record=args.record,
    )


def _drawn(page: Path, *, runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    from tenhands.viz.export import find_chromium

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(find_chromium()),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--no-first-run", "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        for _ in range(runs):
            tab = browser.new_page(viewport={"width": 1920, "height": 1080})
            start = time.perf_counter()
            tab.goto(page.as_uri())
            tab.wait_for_function("window.tenhandsReady === true", timeout=30_000)
            out.append((time.perf_counter() - start) * 1000)
            tab.close()
        browser.close()
    return out


if __name__ == "__main__":
    main()
