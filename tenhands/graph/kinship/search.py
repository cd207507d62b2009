"""The kinship search: shortest kinship paths from one person to everyone, per kind.

A kinship path has a fixed shape: up from FROM through parents to a common ancestor,
then down to TO (an explicit sibling tie counts as one up and one down). A partner
tie may come first (the partner's relatives: in-laws) or last (a relative's partner),
never both, and never in the middle. The current partner of a parent is reached as a
step-parent (a derived link, see :mod:`.index`); a parent's ex-partner only as the
last step.

The search is a Dijkstra over states ``(person, phase)`` whose cost is, in order:
generations (up + down), generations up, partner ties. It runs once per *level*,
the highest link rank it may use (blood, then adoptive, legal, foster, step,
social, then in-law): a person first reached at level L is related by kind L, by
the closest path of that kind. Every equally short path is kept as a predecessor,
so path counts, the side of the family and full/half lineage cover all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from heapq import heappop, heappush

from ..model import Sex
from .index import HALF, IN_LAW, LINEAL, STEP, TIE_FULL, UNKNOWN, KinIndex
from .relationship import Step, ordered_paths

# Phases of a state. START: FROM itself. UP/DOWN: on the blood (or adoptive, step…)
# part. PS_*: just past FROM's partner (current or former). UP_*/DN_*: the partner's
# relatives. END_*: just past a relative's partner (terminal).
START, UP, DOWN, PS_CUR, PS_EX, UP_CUR, UP_EX, DN_CUR, DN_EX, END_CUR, END_EX = range(11)
PHASE_BITS = 4
_PHASE_MASK = (1 << PHASE_BITS) - 1

_UP_NEXT = {START: UP, UP: UP, PS_CUR: UP_CUR, PS_EX: UP_EX, UP_CUR: UP_CUR, UP_EX: UP_EX}
_DOWN_NEXT = {
    START: DOWN,
    UP: DOWN,
    DOWN: DOWN,
    PS_EX: DN_EX,  # an ex-partner's children (a current partner's are step-children)
    UP_CUR: DN_CUR,
    UP_EX: DN_EX,
    DN_CUR: DN_CUR,
    DN_EX: DN_EX,
}
_SIB_NEXT = {START: DOWN, UP: DOWN, PS_CUR: DN_CUR, PS_EX: DN_EX, UP_CUR: DN_CUR, UP_EX: DN_EX}
_TURNS = frozenset({UP, UP_CUR, UP_EX})
_LINEAL_DOWN = frozenset({START, PS_EX})
UP_PHASES = frozenset({UP, UP_CUR, UP_EX})
PARTNER_START = frozenset({PS_CUR, PS_EX})
IN_LAW_PHASES = frozenset({UP_CUR, UP_EX, DN_CUR, DN_EX})
END_PHASES = frozenset({END_CUR, END_EX})
FORMER_PHASES = frozenset({PS_EX, UP_EX, DN_EX, END_EX})

# Cost: generations, then generations up, then partner ties, packed in one int.
_G = 1 << 40
_A = 1 << 20
_UP1 = _G + _A
_SIB = 2 * _G + _A

MATERNAL, PATERNAL, BOTH = 1, 2, 3

Entry = tuple[int, int, int, int, int]
"""A predecessor: (state, via person or -1, generations of the link, lineage code or -1
to inherit, side mask of a first link)."""


def decode(cost: int) -> tuple[int, int, int]:
    """(generations up, generations down, partner ties) of a cost."""
    g, a, p = cost >> 40, (cost >> 20) & (_A - 1), cost & (_A - 1)
    return a, g - a, p


@dataclass
class Found:
    """The best states of one person at one level, with their aggregates."""

    states: list[int]
    cost: int
    count: int
    mask: int
    lineage: int


@dataclass
class LevelRun:
    """One level's search: costs and predecessors of every state it settled."""

    level: int
    source: int
    cost: dict[int, int]
    preds: dict[int, list[Entry]]
    agg: dict[int, tuple[int, int, int]]
    """Settled state -> (path count, side mask, lineage code)."""


class Search:
    """Shortest kinship paths from ``source`` over ``ix``."""

    def __init__(self, ix: KinIndex, source: int) -> None:
        self.ix = ix
        self.source = source
        self._side_cache: dict[int, int] = {}

    def levels(self) -> list[int]:
        return sorted(self.ix.ranks)

    def run(self, level: int, target: int | None = None) -> LevelRun:
        """Settle every state reachable with links up to ``level`` (or, with ``target``,
        until the target's best states are settled)."""
        ix = self.ix
        start = self.source << PHASE_BITS | START
        cost: dict[int, int] = {start: 0}
        preds: dict[int, list[Entry]] = {}
        agg: dict[int, tuple[int, int, int]] = {}
        heap: list[tuple[int, int]] = [(0, start)]
        in_law = level >= IN_LAW
        stop: int | None = None
        up_links, down_links, sib_links, partners = ix.up, ix.down, ix.sib, ix.partners

        def relax(state: int, new: int, entry: Entry) -> None:
            old = cost.get(state)
            if old is None or new < old:
                cost[state] = new
                preds[state] = [entry]
                heappush(heap, (new, state))
            elif new == old:
                preds[state].append(entry)

        while heap:
            c, st = heappop(heap)
            if st in agg or c != cost[st]:
                continue
            if stop is not None and c > stop:
                break
            agg[st] = self._aggregate(st, start, preds, agg)
            u, ph = st >> PHASE_BITS, st & _PHASE_MASK
            if target is not None and u == target and stop is None and st != start:
                stop = c
            nph = _UP_NEXT.get(ph)
            if nph is not None:
                for p, rank, gens, via in up_links[u]:
                    if rank <= level:
                        mask = self._first_mask(p, rank, gens, via) if ph == START else 0
                        relax(p << PHASE_BITS | nph, c + gens * _UP1, (st, via, gens, LINEAL, mask))
            nph = _DOWN_NEXT.get(ph)
            if nph is not None:
                turn = ph in _TURNS
                for ch, rank, gens, via in down_links[u]:
                    if rank <= level:
                        if turn:
                            lin = self._turn_lineage(st, ch, gens, via, preds)
                        else:
                            lin = LINEAL if ph in _LINEAL_DOWN else -1
                        relax(ch << PHASE_BITS | nph, c + gens * _G, (st, via, gens, lin, 0))
            nph = _SIB_NEXT.get(ph)
            if nph is not None:
                for y, rank, lin in sib_links[u]:
                    if rank <= level:
                        mask = self._sibling_mask(y, rank, lin) if ph == START else 0
                        relax(y << PHASE_BITS | nph, c + _SIB, (st, -1, 1, lin, mask))
            if in_law and ph in (START, UP, DOWN):
                for s, tie in partners[u].items():
                    if ph == START:
                        nph = PS_EX if tie.former else PS_CUR
                        relax(s << PHASE_BITS | nph, c + 1, (st, -1, 0, LINEAL, 0))
                    elif ph == DOWN or tie.former:  # after UP only a parent's ex-partner
                        nph = END_EX if tie.former else END_CUR
                        relax(s << PHASE_BITS | nph, c + 1, (st, -1, 0, -1, 0))
        return LevelRun(level, self.source, cost, preds, agg)

    def best_states(self, run: LevelRun, skip: set[int]) -> dict[int, Found]:
        """Per person not in ``skip``: the settled states of least cost and aggregates."""
        found: dict[int, Found] = {}
        cost = run.cost
        for st, (count, mask, lin) in run.agg.items():
            u = st >> PHASE_BITS
            if u in skip:
                continue
            c = cost[st]
            f = found.get(u)
            if f is None or c < f.cost:
                found[u] = Found([st], c, count, mask, lin)
            elif c == f.cost:
                f.states.append(st)
                f.count += count
                f.mask |= mask
                f.lineage = max(f.lineage, lin)
        return found

    # -- aggregates -------------------------------------------------------------------

    @staticmethod
    def _aggregate(
        st: int, start: int, preds: dict[int, list[Entry]], agg: dict[int, tuple[int, int, int]]
    ) -> tuple[int, int, int]:
        if st == start:
            return 1, 0, LINEAL
        count = mask = 0
        lin = -1
        for pst, _via, _gens, elin, emask in preds[st]:
            pcount, pmask, plin = agg[pst]
            count += pcount
            mask |= emask if pst == start else pmask
            lin = max(lin, elin if elin >= 0 else plin)
        return count, mask, lin

    def _turn_lineage(
        self, st: int, child: int, gens: int, via: int, preds: dict[int, list[Entry]]
    ) -> int:
        """Full or half: do the person we came up from and ``child`` share both parents?"""
        if gens != 1 or via >= 0:
            return UNKNOWN
        best = UNKNOWN
        for pst, pvia, pgens, _lin, _mask in preds.get(st, ()):
            if pgens == 1 and pvia < 0:
                best = max(best, self.ix.pair_lineage(pst >> PHASE_BITS, child))
        return best

    def _first_mask(self, parent: int, rank: int, gens: int, via: int) -> int:
        """The side of the family a first step up from FROM goes to."""
        if via >= 0:
            return self._parent_side(via)
        if gens != 1:
            return 0  # an explicit grandparent tie does not say through which parent
        if rank == STEP:
            mask = 0
            for p in self.ix.side_parents[self.source]:
                if parent in self.ix.partners[p]:
                    mask |= self._parent_side(p)
            return mask
        return self._parent_side(parent)

    def _sibling_mask(self, sibling: int, rank: int, lineage: int) -> int:
        """A full sibling by an explicit tie is on both sides, unless the recorded
        parents show a half relation (then the paths through them tell the side)."""
        if lineage != TIE_FULL or rank >= STEP:
            return 0
        return 0 if self.ix.pair_lineage(self.source, sibling) == HALF else BOTH

    def _parent_side(self, parent: int) -> int:
        side = self._side_cache.get(parent)
        if side is None:
            side = self._side_cache[parent] = self._compute_parent_side(parent)
        return side

    def _compute_parent_side(self, parent: int) -> int:
        sex = self.ix.sex[parent]
        if sex is Sex.female:
            return MATERNAL
        if sex is Sex.male:
            return PATERNAL
        others = {self.ix.sex[p] for p in self.ix.side_parents[self.source] if p != parent}
        if Sex.female in others and Sex.male not in others:
            return PATERNAL
        if Sex.male in others and Sex.female not in others:
            return MATERNAL
        return 0


@dataclass(frozen=True)
class SearchTrace:
    """The paths to one person, enumerated from a level run only when asked for."""

    ix: KinIndex
    run: LevelRun
    states: tuple[int, ...]

    def annotated_paths(self, cap: int) -> tuple[list[list[Step]], bool]:
        paths: list[list[Step]] = []
        seen: set[tuple[str, ...]] = set()
        for st in self.states:
            for path in self._walk(st):
                key = tuple(s[0] for s in path)
                if key in seen:
                    continue
                seen.add(key)
                paths.append(path)
                if len(paths) > cap:
                    return ordered_paths(paths)[:cap], True
        return ordered_paths(paths), False

    def sex_of(self, person_id: str) -> Sex:
        i = self.ix.pos.get(person_id)
        return Sex.unknown if i is None else self.ix.sex[i]

    def _walk(self, st: int) -> Iterator[list[Step]]:
        ids = self.ix.ids
        start = self.run.source << PHASE_BITS | START
        if st == start:
            yield [(ids[self.run.source], 0, 0)]
            return
        a, b, _ = decode(self.run.cost[st])
        here = (ids[st >> PHASE_BITS], a, b)
        upward = (st & _PHASE_MASK) in UP_PHASES
        for pst, via, _gens, _lin, _mask in self.run.preds[st]:
            for prefix in self._walk(pst):
                if via < 0:
                    yield [*prefix, here]
                else:
                    # A derived step link: the parent in between stands where the
                    # step-parent stands (going up) or where we come from (going down).
                    va, vb = (a, b) if upward else prefix[-1][1:]
                    yield [*prefix, (ids[via], va, vb), here]
