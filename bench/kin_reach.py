"""The reach ceiling of kin search: which true relatives a perfect reasoner could reach
at all, in how many steps, and through which links the records carry.

    python bench/kin_reach.py                   # 20,000 persons, 40 cases, seed 1
    python bench/kin_reach.py --seed 7 --misses # also split the search's misses
    python bench/kin_reach.py --misses --record # also append to bench/RESULTS.md

Same population, outside records and seeded cases as ``kin_bench.py``. With the ground
truth (record id → person id, the population's true parents and partners) the persons
become nodes of a graph whose edges are the links the records themselves carry:

- (a) *named*: a record of X fills ``mother_name``/``father_name``/``partner_name`` for
  Y (by truth), so X and Y are one step apart, either way;
- (b) *address*: records of X and Y share street, house number and city;
- (c) *same parent*: records of X and Y name the same mother or father (siblings).

A person is a node when they have at least one record or the worker knows them (the
case's children and known relatives, with their records, are where every walk starts).
A findable relative (≥ 1 record) is *reached within k* when a breadth-first walk from
those persons gets to them in k links. The ceiling is given with all three links, with
(a) and (c), and with (a) alone.

A *name-only hop* is measured too: a relative without records who is named in a record
(a cousin's record names its mother, the aunt, who has none) becomes a node, and one
step joins them to their true parents — the hop a search could make from a known
grandparent to a named parent whose (birth) surname is the grandparent's, in the same
town. For the relatives reached only that way the table says how often the naming
record carries that surname and that town.

A reasoner with a budget is measured too: following every record link and name-only hop
without error, it spends the rest of a case's proposals on relatives reachable only by a
hop on names, picking among their namesakes by surname and birth years alone; its
expected recall and share of true kin per budget bound what ranking alone can reach.

A *surname hop* goes further: from a reached person to a true parent, child, sibling or
partner with a record who shares a surname or birth surname with them (in one of their
towns, or anywhere). It is a ceiling for a reasoner that always picks the right one of
the namesakes, so the table also gives how many namesakes there are to pick from.

With ``--misses`` the search itself runs per case (``find_kin``, as in kin_bench) and
every findable relative missing from its top 20 is put in one bin: proposed below rank
20, a namesake's record proposed in the top 20 instead (same first given name and
surname as one of theirs), or never proposed — split by the first of the links above
that reaches them (record links, the name-only hop, the surname hop, none).
"""

from __future__ import annotations

import argparse
import math
import tempfile
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from pathlib import Path

from kin_bench import KINDS, bench_data, kind_of, seed_store
from results import report

from tenhands.demo.population import (
    Population,
    SeededCase,
)
from tenhands.graph.model import Record, Sex, TieKind

STEPS = (1, 2, 3, 4)
NAMED, ADDRESS, SIBLING, NAME_HOP = "a", "b", "c", "g"
SURNAME_TOWN, SURNAME = "st", "s"
RECORD_LINKS = {NAMED, ADDRESS, SIBLING, NAME_HOP}
VARIANTS = {"a+b+c": {NAMED, ADDRESS, SIBLING}, "a+c": {NAMED, SIBLING}, "a": {NAMED}}
LEVELS: tuple[tuple[str, set[str], bool], ...] = (
    ("a", {NAMED}, False),
    ("a+c", {NAMED, SIBLING}, False),
    ("a+b+c", {NAMED, ADDRESS, SIBLING}, False),
    ("+ name-only hop", RECORD_LINKS, True),
    ("+ surname and town", RECORD_LINKS | {SURNAME_TOWN}, True),
    ("+ surname", RECORD_LINKS | {SURNAME_TOWN, SURNAME}, True),
)
"""Cumulative reach: (label, link kinds, whether named persons without records pass)."""

Graph = dict[str, dict[str, set[str]]]
"""person id → neighbour id → the link kinds joining them."""


def _fold(text: str | None) -> str:
    """Lower case without accents, for comparing names and towns."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def _partners(pop: Population) -> dict[str, str]:
    """The partner a record's ``partner_name`` names (as ``derive_records`` picks it)."""
    out: dict[str, str] = {}
    for t in pop.ties:
        if t.kind in (TieKind.partner, TieKind.ex_partner):
            out[t.source_id] = t.target_id
            out[t.target_id] = t.source_id
    return out


def named_in(
    record: Record, person: str, pop: Population, sexes: dict[str, Sex], partners: dict[str, str]
) -> list[tuple[str, str, str]]:
    """Who ``record`` (a record of ``person``) names, by truth: (field, person id, text)."""
    out = []
    for parent, _basis in pop.parents.get(person, []):
        tag = "mother_name" if sexes[parent] is Sex.female else "father_name"
        text = getattr(record, tag)
        if text:
            out.append((tag, parent, text))
    if record.partner_name and person in partners:
        out.append(("partner_name", partners[person], record.partner_name))
    return out


class Links:
    """The links the records carry, over the whole population (see the module doc)."""

    def __init__(self, pop: Population, records: list[Record], truth: dict[str, str]) -> None:
        self.pop = pop
        self.persons = pop.by_id()
        sexes = {p.id: p.sex for p in pop.persons}
        partners = self.partners = _partners(pop)
        self.children = pop.children()
        self.records_of: dict[str, list[Record]] = defaultdict(list)
        for r in records:
            self.records_of[truth[r.id]].append(r)
        self.graph: Graph = defaultdict(lambda: defaultdict(set))
        self.naming: dict[str, list[Record]] = defaultdict(list)
        """person id → the records that name them (as parent or partner)."""
        self.naming_ones: set[str] = set()
        """Persons with a record naming a parent or partner."""
        by_address: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        by_parent: dict[str, set[str]] = defaultdict(set)
        for pid, own in self.records_of.items():
            for r in own:
                for tag, other, _text in named_in(r, pid, pop, sexes, partners):
                    self._join(pid, other, NAMED)
                    self.naming[other].append(r)
                    self.naming_ones.add(pid)
                    if tag != "partner_name":
                        by_parent[other].add(pid)
                if r.street and r.house_number and r.city:
                    by_address[(_fold(r.street), _fold(r.house_number), _fold(r.city))].add(pid)
        for group, kind in [(g, ADDRESS) for g in by_address.values()] + [
            (g, SIBLING) for g in by_parent.values()
        ]:
            members = sorted(group)
            for i, x in enumerate(members):
                for y in members[i + 1 :]:
                    self._join(x, y, kind)
        # the name-only hop: a person named in records but without a record of their own
        # is joined to their true parents
        for pid in self.naming:
            if pid not in self.records_of:
                for parent, _basis in pop.parents.get(pid, []):
                    self._join(pid, parent, NAME_HOP)
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        """surname or birth surname → the persons with records who carry it."""
        for pid in self.records_of:
            for name in _surnames(self, pid):
                self.by_surname[name].add(pid)
        # the surname hop: from a person to a true parent, child, sibling or partner who
        # shares a surname (or birth surname) with them, in the same town or anywhere
        for x in self.persons:
            for y in self.family(x):
                either = x in self.records_of or y in self.records_of
                if x < y and either and _surnames(self, x) & _surnames(self, y):
                    same_town = bool(_towns(self, x) & _towns(self, y))
                    self._join(x, y, SURNAME_TOWN if same_town else SURNAME)

    def namesakes(self, pid: str, target: str, *, town: bool) -> tuple[int, int]:
        """The field a surname hop from ``pid`` to ``target`` must choose from: how many
        persons with records share a surname of ``pid`` (and, with ``town``, one of their
        towns), and how many of them a record places in the birth years the tie allows
        (a parent 15–55 years older, a child 15–55 younger, a sibling within 20 years, a
        partner within 15; a record without a birth date always)."""
        field = set().union(*(self.by_surname.get(n, set()) for n in _surnames(self, pid)))
        if town:
            towns = _towns(self, pid)
            field = {o for o in field if _towns(self, o) & towns}
        field.discard(pid)
        born = self.persons[pid].birth_date
        assert born is not None
        if target in {p for p, _b in self.pop.parents.get(pid, [])}:
            lo, hi = born.year - 55, born.year - 15
        elif target in self.children.get(pid, []):
            lo, hi = born.year + 15, born.year + 55
        elif target == self.partners.get(pid):
            lo, hi = born.year - 15, born.year + 15
        else:
            lo, hi = born.year - 20, born.year + 20

        def fits(other: str) -> bool:
            return any(
                r.birth_date is None or lo <= r.birth_date.year <= hi
                for r in self.records_of[other]
            )

        return len(field), sum(1 for o in field if fits(o))

    def family(self, pid: str) -> set[str]:
        """True parents, children, full and half siblings and partner of ``pid``."""
        parents = {p for p, _b in self.pop.parents.get(pid, [])}
        children = set(self.children.get(pid, []))
        siblings = {c for p in parents for c in self.children.get(p, [])} - {pid}
        partner = {self.partners[pid]} if pid in self.partners else set()
        return parents | children | siblings | partner

    def _join(self, x: str, y: str, kind: str) -> None:
        self.graph[x][y].add(kind)
        self.graph[y][x].add(kind)

    def walk(
        self, start: Iterable[str], kinds: set[str], *, ghosts: bool = False
    ) -> dict[str, tuple[int, str | None]]:
        """Breadth-first from ``start`` over links of ``kinds``: person id → (steps, the
        person they were reached from). Persons without a record are passed only when
        known (in ``start``) or, with ``ghosts``, when a record names them."""
        seen: dict[str, tuple[int, str | None]] = {s: (0, None) for s in start}
        queue = deque(seen)
        while queue:
            x = queue.popleft()
            steps = seen[x][0]
            for y, on in self.graph.get(x, {}).items():
                if y in seen or not on & kinds:
                    continue
                if y not in self.records_of and not (
                    ghosts and y in self.naming and on & kinds & RECORD_LINKS
                ):
                    continue
                seen[y] = (steps + 1, x)
                queue.append(y)
        return seen


class Ceiling:
    """Per kind: findable, reached within 1–4 steps, never, and by which links."""

    def __init__(self) -> None:
        self.findable: Counter[str] = Counter()
        self.within: dict[str, Counter[str]] = {v: Counter() for v in VARIANTS}
        self.steps: Counter[tuple[str, int]] = Counter()
        self.needs: Counter[tuple[str, str]] = Counter()
        self.ghost: Counter[str] = Counter()
        self.ghost_surname: Counter[str] = Counter()
        self.ghost_town: Counter[str] = Counter()
        self.ghost_both: Counter[str] = Counter()
        self.never: Counter[tuple[str, str]] = Counter()
        self.field: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.level: dict[str, Counter[str]] = {label: Counter() for label, _k, _g in LEVELS}
        self.picks: list[tuple[int, list[int]]] = []
        """Per case: relatives reached by record links, and per relative reached only by a
        hop on names the field it must be picked from (themselves and their namesakes)."""

    def guessed(self, slots: int) -> tuple[float, float]:
        """Expected recall and precision of a reasoner that follows every record link
        perfectly and then spends the rest of a case's ``slots`` on namesakes it can tell
        apart only by surname and birth years: a slot spent on a field of ``n`` finds the
        relative with chance 1/n, so the smallest fields are filled first."""
        findable = sum(self.findable.values())
        hits = spent = 0.0
        for linked, fields in self.picks:
            hits += min(linked, slots)
            spent += min(linked, slots)
            free = max(0, slots - linked)
            for n in sorted(fields):
                use = min(n, free)
                hits += use / n
                spent += use
                free -= use
        return hits / max(findable, 1), hits / max(spent, 1)

    def lines(self) -> list[str]:
        head = " | ".join(f"≤ {k}" for k in STEPS)
        out = [
            "",
            f"| kind | findable | {head} | ever | never | by a | needs c | needs b |",
            "|---|---:|" + "---:|" * (len(STEPS) + 5),
        ]
        total: Counter[str] = Counter()
        for kind in (*KINDS, "all"):
            if kind == "all":
                n, row = sum(self.findable.values()), total
            else:
                n = self.findable[kind]
                row = Counter({f"≤{k}": self.steps[(kind, k)] for k in STEPS})
                row["ever"] = self.within["a+b+c"][kind]
                for need in ("a", "c", "b"):
                    row[need] = self.needs[(kind, need)]
                total.update(row)
            cells = [f"{row[f'≤{k}']}" for k in STEPS]
            out.append(
                f"| {kind} | {n} | {' | '.join(cells)} "
                f"| {row['ever']} ({row['ever'] / max(n, 1):.2f})"
                f" | {n - row['ever']} | {row['a']} | {row['c']} | {row['b']} |"
            )
        labels = [label for label, _k, _g in LEVELS]
        out += [
            "",
            "Ever reached, links added one kind at a time (cumulative, left to right):",
            "",
            f"| kind | findable | {' | '.join(labels)} |",
            "|---|---:|" + "---:|" * len(labels),
        ]
        for kind in (*KINDS, "all"):
            if kind == "all":
                n = sum(self.findable.values())
                got = {v: sum(self.level[v].values()) for v in labels}
            else:
                n = self.findable[kind]
                got = {v: self.level[v][kind] for v in labels}
            shares = " | ".join(f"{got[v]} ({got[v] / max(n, 1):.2f})" for v in labels)
            out.append(f"| {kind} | {n} | {shares} |")
        out += [
            "",
            "Relatives first reached by a surname hop: how many persons with records share "
            "a surname (and a town, when the hop needed one) with the relative it hops "
            "from: the field a search must pick them from by age and parents:",
            "",
            "| kind | first reached by a surname hop | persons to choose from, median "
            "| … 90th percentile | in the birth years the tie allows, median | … 90th "
            "percentile |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for kind in (*KINDS, "all"):
            pairs = (
                self.field[kind] if kind != "all" else [n for v in self.field.values() for n in v]
            )
            if pairs:
                quantiles: list[int] = []
                for sizes in (sorted(a for a, _w in pairs), sorted(w for _a, w in pairs)):
                    quantiles += [
                        sizes[len(sizes) // 2],
                        sizes[max(0, math.ceil(0.9 * len(sizes)) - 1)],
                    ]
                out.append(f"| {kind} | {len(pairs)} | {' | '.join(map(str, quantiles))} |")
        out += [
            "",
            "| kind | reached only through a relative without a record (name-only hop) "
            "| naming record: surname of the parent found | same town | both |",
            "|---|---:|---:|---:|---:|",
        ]
        for kind in KINDS:
            out.append(
                f"| {kind} | {self.ghost[kind]} | {self.ghost_surname[kind]} "
                f"| {self.ghost_town[kind]} | {self.ghost_both[kind]} |"
            )
        out.append(
            f"| all | {sum(self.ghost.values())} | {sum(self.ghost_surname.values())} "
            f"| {sum(self.ghost_town.values())} | {sum(self.ghost_both.values())} |"
        )
        out += [
            "",
            "| kind | out of reach even with the name-only hop | their records name a parent "
            "or partner (out of reach too) | their records name no one | next to a reached "
            "relative (parent, child, sibling, partner) | … sharing a surname with them "
            "| … and a town |",
            "|---|" + "---:|" * 6,
        ]
        for kind in (*KINDS, "all"):
            some = sum(
                n for (k, w), n in self.never.items() if w == "names someone" and kind in (k, "all")
            )
            none = sum(
                n for (k, w), n in self.never.items() if w == "names no one" and kind in (k, "all")
            )
            near, sur, town = (
                sum(n for (k, w), n in self.never.items() if w == what and kind in (k, "all"))
                for what in ("next to reached", "surname", "surname and town")
            )
            out.append(f"| {kind} | {some + none} | {some} | {none} | {near} | {sur} | {town} |")
        out += [
            "",
            "What a reasoner could expect that follows every record link and the name-only "
            "hop perfectly, then picks relatives reached only by a hop on names among their "
            "namesakes by surname and birth years alone (a slot spent on a field of n "
            "finds the relative with chance 1/n; smallest fields first):",
            "",
            "| proposals per case | expected recall | expected share of proposals that are kin |",
            "|---:|---:|---:|",
        ]
        for slots in (5, 10, 20):
            recall, share = self.guessed(slots)
            out.append(f"| {slots} | {recall:.2f} | {share:.2f} |")
        return out


def _towns(links: Links, pid: str) -> set[str]:
    """The towns a search knows for ``pid``: their records' (or, without records, the
    town they live in now)."""
    own = links.records_of.get(pid)
    if own:
        return {_fold(r.city) for r in own if r.city}
    return {_fold(a.city) for a in links.persons[pid].addresses[-1:] if a.city}


def _surnames(links: Links, pid: str) -> set[str]:
    """The surnames and birth surnames a search knows for ``pid``: their records' (or,
    without records, their true ones)."""
    own = links.records_of.get(pid)
    p = links.persons[pid]
    pairs = [(r.surname, r.birth_surname) for r in own] if own else [(p.surname, p.birth_surname)]
    return {_fold(n) for pair in pairs for n in pair if n}


def _hop_evidence(
    links: Links, path: dict[str, tuple[int, str | None]], end: str
) -> tuple[bool, bool]:
    """For the first name-only hop on the walk to ``end`` (a named person without a
    record, reached from or leading to their parent): whether a record naming them gives
    a surname of that parent, and whether it is in that parent's town."""
    node: str | None = end
    while node is not None:
        prev = path[node][1]
        if prev is None:
            break
        on = links.graph[node][prev]
        ghost_edge = node not in links.records_of or prev not in links.records_of
        if NAME_HOP in on and ghost_edge and not on & {NAMED, ADDRESS, SIBLING}:
            ghost, parent = (node, prev) if node not in links.records_of else (prev, node)
            surnames, towns = _surnames(links, parent), _towns(links, parent)
            names = links.naming[ghost]
            has_surname = any(
                any(s in _fold(r_text) for s in surnames)
                for r in names
                for r_text in (r.mother_name, r.father_name, r.partner_name)
                if r_text
            )
            has_town = any(_fold(r.city) in towns for r in names if r.city)
            return has_surname, has_town
        node = prev
    return False, False


Reach = dict[str, dict[str, tuple[int, int]]]
"""case id → person id → (index of the first of :data:`LEVELS` that reaches them, steps)."""


def measure(links: Links, cases: list[SeededCase]) -> tuple[Ceiling, Reach]:
    """The ceiling over all cases, and how each person is reached per case."""
    ceiling = Ceiling()
    reach: Reach = {}
    for sc in cases:
        start = {p.id for p in sc.known} | set(sc.case.child_ids)
        walks = {v: links.walk(start, kinds) for v, kinds in VARIANTS.items()}
        ghost_walk = links.walk(start, RECORD_LINKS, ghosts=True)
        levels = [links.walk(start, kinds, ghosts=g) for _label, kinds, g in LEVELS]
        first: dict[str, tuple[int, int]] = {}
        for i, walk in reversed(list(enumerate(levels))):
            first.update((pid, (i, steps)) for pid, (steps, _) in walk.items())
        reach[sc.case.id] = first
        linked, fields = 0, []
        for k in sc.true_kin:
            if k.person_id not in links.records_of:
                continue
            kind = kind_of(k.relation)
            ceiling.findable[kind] += 1
            for (label, _k, _g), walk in zip(LEVELS, levels, strict=True):
                ceiling.level[label][kind] += k.person_id in walk
            level = first.get(k.person_id, (None, 0))[0]
            if level is not None and level <= 3:
                linked += 1  # record links (and the name-only hop), followed perfectly
            elif level is not None:
                source = levels[level][k.person_id][1]
                assert source is not None
                fields.append(1 + links.namesakes(source, k.person_id, town=level == 4)[1])
            if level is not None and level >= 4:
                source = levels[level][k.person_id][1]
                assert source is not None
                ceiling.field[kind].append(links.namesakes(source, k.person_id, town=level == 4))
            for v, walk in walks.items():
                ceiling.within[v][kind] += k.person_id in walk
            full = walks["a+b+c"].get(k.person_id)
            if full is not None:
                for limit in STEPS:
                    ceiling.steps[(kind, limit)] += full[0] <= limit
                need = (
                    "a"
                    if k.person_id in walks["a"]
                    else "c"
                    if k.person_id in walks["a+c"]
                    else "b"
                )
                ceiling.needs[(kind, need)] += 1
            elif k.person_id in ghost_walk:
                ceiling.ghost[kind] += 1
                surname, town = _hop_evidence(links, ghost_walk, k.person_id)
                ceiling.ghost_surname[kind] += surname
                ceiling.ghost_town[kind] += town
                ceiling.ghost_both[kind] += surname and town
            else:
                why = "names someone" if k.person_id in links.naming_ones else "names no one"
                ceiling.never[(kind, why)] += 1
                near = [n for n in links.family(k.person_id) if n in ghost_walk]
                if near:
                    ceiling.never[(kind, "next to reached")] += 1
                    own = _surnames(links, k.person_id)
                    if any(own & _surnames(links, n) for n in near):
                        ceiling.never[(kind, "surname")] += 1
                        if any(_towns(links, k.person_id) & _towns(links, n) for n in near):
                            ceiling.never[(kind, "surname and town")] += 1
        ceiling.picks.append((linked, fields))
    return ceiling, reach


def misses(
    links: Links,
    cases: list[SeededCase],
    records: list[Record],
    truth: dict[str, str],
    reach: Reach,
) -> list[str]:
    """Run the search per case and split the findable relatives it misses (see the doc)."""
    from tenhands.finding.kin import build_index, find_kin
    from tenhands.graph.stores.sqlite import SqliteStore

    bins = ("found", "below rank 20", "namesake in top 20", "not proposed, reached by a+b+c",
            "… by the name-only hop", "… by the surname hop", "out of reach")  # fmt: skip
    table: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    unproposed_steps: Counter[int] = Counter()
    found_at: Counter[str] = Counter()
    unproposed_links: Counter[str] = Counter()
    by_id = {r.id: r for r in records}

    def key(r: Record) -> tuple[str, str]:
        given = _fold(r.given_names).split()
        return (given[0] if given else "", _fold(r.surname))

    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(Path(folder) / "kin.db")
        store.init_schema()
        seed_store(store, cases, links.persons)
        store.add_records(records)
        index = build_index(records)
        for sc in cases:
            search = find_kin(store, sc.case.id, index, limit=1000)
            rank_of: dict[str, int] = {}
            top_keys: dict[tuple[str, str], set[str]] = defaultdict(set)
            for rank, f in enumerate(search.kin, 1):
                pid = truth.get(f.record_id or "") or f.person_id
                if pid is not None:
                    rank_of.setdefault(pid, rank)
                if rank <= 20 and f.record_id in by_id and pid is not None:
                    top_keys[key(by_id[f.record_id])].add(pid)
            for k in sc.true_kin:
                own = links.records_of.get(k.person_id)
                if not own:
                    continue
                kind = kind_of(k.relation)
                best = rank_of.get(k.person_id)
                level, steps = reach[sc.case.id].get(k.person_id, (None, 0))
                if best is not None and best <= 20:
                    bin_ = "found"
                    found_at[LEVELS[level][0] if level is not None else "out of reach"] += 1
                elif best is not None:
                    bin_ = "below rank 20"
                elif any(top_keys.get(key(r), set()) - {k.person_id} for r in own):
                    bin_ = "namesake in top 20"
                elif level is None:
                    bin_ = "out of reach"
                elif level <= 2:
                    bin_ = "not proposed, reached by a+b+c"
                    unproposed_steps[steps] += 1
                    unproposed_links[LEVELS[level][0]] += 1
                elif level == 3:
                    bin_ = "… by the name-only hop"
                else:
                    bin_ = "… by the surname hop"
                table[kind][bin_] += 1
        store.close()
    out = ["", f"| kind | {' | '.join(bins)} |", "|---|" + "---:|" * len(bins)]
    total: Counter[str] = Counter()
    for kind in KINDS:
        total.update(table[kind])
        out.append(f"| {kind} | {' | '.join(str(table[kind][b]) for b in bins)} |")
    out.append(f"| all | {' | '.join(str(total[b]) for b in bins)} |")
    out += [
        "",
        "Reachable by a+b+c but never proposed, by steps away: "
        + ", ".join(f"{s}: {n}" for s, n in sorted(unproposed_steps.items()))
        + "; by the fewest links that reach them: "
        + ", ".join(f"{label}: {unproposed_links[label]}" for label, _k, _g in LEVELS[:3]),
        "",
        "Found, by the first level that reaches them: "
        + ", ".join(f"{label}: {found_at[label]}" for label, _k, _g in LEVELS)
        + f", out of reach: {found_at['out of reach']}",
    ]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--misses", action="store_true", help="also run the search per case")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()

    pop, records, truth, cases = bench_data(args.persons, args.cases, args.seed)
    links = Links(pop, records, truth)
    ceiling, reach = measure(links, cases)
    table = [
        "Reach with all links (a named, b address, c same parent), by steps; 'by a' /"
        " 'needs c' / 'needs b': the fewest link kinds that reach them.",
        *ceiling.lines(),
    ]
    if args.misses:
        table += [
            "",
            "The search's top 20 against the ceiling:",
            *misses(links, cases, records, truth, reach),
        ]
    report(
        "Kin reach ceiling",
        table,
        [
            f"Population {len(pop.persons):,} persons (seed {args.seed}), {len(cases)} seeded "
            "cases, the records of kin_bench. Findable: true kin with ≥ 1 outside record. "
            "Walks start from the case's children and the known relatives, with their records."
        ],
        record=args.record,
    )


if __name__ == "__main__":
    main()
