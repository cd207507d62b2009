"""Evidence for kin hypotheses, as match weights in bits, over many records at once.

A weight is ``log2`` of a likelihood ratio: how much more often the observed
agreement happens when the hypothesis is true than between unrelated records. Names
are weighed by their frequency in the corpus (a shared *Peeters* says less than a
shared *Vanhoutteghem*); birth years by how the generations lie. Every function takes
the index, an array of rows and what is known, and returns one :class:`Part` — per
row a level name and a weight — so a hypothesis is the sum of its parts plus a prior,
and its explanation lists them field by field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from .index import Floats, Ints, RecordIndex, Rows, Texts
from .probes import Probe

MISSING = "missing"

NAME_CAP = 14.0
"""No single name agreement counts for more than this many bits."""


@dataclass(frozen=True)
class Part:
    """One field's evidence for every row: the known value, the record's, level, weight."""

    field: str
    left: str | None
    right: Texts | DateColumn
    level: Texts
    weight: Floats
    lefts: Texts | None = None
    """The known value per row, when it differs by row (the better of two surnames)."""

    def right_at(self, k: int) -> str | None:
        return str(self.right[k]) or None

    def left_at(self, k: int) -> str | None:
        if self.lefts is not None:
            return str(self.lefts[k]) or None
        return self.left


def _texts(n: int, value: str) -> Texts:
    out = np.empty(n, dtype=object)
    out[:] = value
    return out


class _Graded:
    """Per row a level and a weight, a later grade overriding an earlier one; the
    levels are kept as numbers and written out once (setting strings in an object array
    row by row costs ten times more than one lookup)."""

    def __init__(self, n: int) -> None:
        self.code = np.zeros(n, dtype=np.int16)
        self.weight = np.zeros(n)
        self.names = [MISSING]

    def set(self, mask: npt.NDArray[np.bool_], name: str, weight: float | Floats) -> None:
        if name not in self.names:
            self.names.append(name)
        self.code[mask] = self.names.index(name)
        self.weight[mask] = weight

    @property
    def level(self) -> Texts:
        out: Texts = np.array(self.names, dtype=object)[self.code]
        return out


def similarity(names: Sequence[str], column: Texts) -> Floats:
    """Best Jaro-Winkler similarity of any of ``names`` against each value; -1 where
    the value (or every name) is empty."""
    out = np.full(len(column), -1.0)
    names = [n for n in names if n]
    if not names or not len(column):
        return out
    scores = process.cdist(
        names, column, scorer=JaroWinkler.normalized_similarity, dtype=np.float32, workers=1
    )
    best = np.asarray(scores, dtype=np.float64).max(axis=0)
    present = column != ""
    out[present] = best[present]
    return out


def similarities(names: Sequence[str], column: Texts) -> list[Floats]:
    """Per name, its Jaro-Winkler similarity against each value; -1 where the value (or
    the name) is empty. One pass over the values for all the names."""
    n = len(column)
    out = [np.full(n, -1.0) for _ in names]
    wanted = [k for k, name in enumerate(names) if name]
    if not wanted or not n:
        return out
    scores = process.cdist(
        [names[k] for k in wanted], column, scorer=JaroWinkler.normalized_similarity,
        dtype=np.float32, workers=1,
    )  # fmt: skip
    present = column != ""
    for row, k in zip(scores, wanted, strict=True):
        out[k][present] = row[present]
    return out


def given_part(
    index: RecordIndex,
    rows: Rows,
    probe: Probe,
    codes: Ints,
    texts: Texts,
    column: str,
    field: str,
) -> Part:
    """Given names: the same name (Jef = Jozef, Mohamed = Muhammad), similar, different."""
    g = _Graded(len(rows))
    right = texts[rows]
    if not probe.givens:
        return Part(field, None, right, g.level, g.weight)
    sim = similarity(probe.givens, right)
    rc = codes[rows]
    share = index.given_share[column]
    same = np.isin(rc, np.fromiter(probe.given_codes, np.int32)) & (rc >= 0)
    freq = np.where(rc >= 0, share[np.maximum(rc, 0)], 1.0)
    equal_weight = np.clip(np.log2(0.9 / np.maximum(freq, 1e-6)), 0.5, 10.0)
    present = sim >= 0
    g.set(present, "different", -5.0)
    fair = present & (sim >= 0.8)
    g.set(fair, "somewhat similar", 0.5)
    g.set(present & (sim >= 0.9), "similar", 2.5)
    g.set(same, "same name", equal_weight[same] - 0.5)
    exact = same & (sim >= 0.999)
    g.set(exact, "exact", equal_weight[exact])
    return Part(field, probe.givens[0], right, g.level, g.weight)


def surname_part(
    rows: Rows,
    probe_names: Sequence[str],
    shares: Sequence[float],
    columns: Sequence[Texts],
    field: str,
) -> Part:
    """Surnames: exact, similar, different; ``shares`` is each known name's frequency."""
    n = len(rows)
    g = _Graded(n)
    right = columns[0][rows].copy()
    if len(columns) > 1:
        empty = right == ""
        right[empty] = columns[1][rows][empty]
    best_sim = np.full(n, -1.0)
    best_weight = np.zeros(n)
    best_name = np.zeros(n, dtype=np.int16)
    weights = [float(np.clip(np.log2(0.9 / max(x, 1e-7)), 0.5, NAME_CAP)) for x in shares]
    for column in columns:
        # one pass over a column's values for all the known names
        values = column[rows]
        for k, sim in enumerate(similarities(probe_names, values)):
            better = sim > best_sim
            best_sim[better] = sim[better]
            best_weight[better] = weights[k]
            best_name[better] = k + 1
    present = best_sim >= 0
    g.set(present, "different", -3.0)
    fair = present & (best_sim >= 0.85)
    g.set(fair, "somewhat similar", np.minimum(best_weight[fair] - 4.0, 1.5))
    close = present & (best_sim >= 0.93)
    g.set(close, "similar", np.maximum(best_weight[close] - 1.5, 0.25))
    exact = present & (best_sim >= 0.999)
    g.set(exact, "exact", best_weight[exact])
    first = probe_names[0] if probe_names else None
    lefts = None
    if len(probe_names) > 1:
        lefts = np.array(["", *probe_names], dtype=object)[best_name]
    return Part(field, first, right, g.level, g.weight, lefts)


@dataclass(frozen=True)
class DateColumn:
    """Birth dates of rows, written out only for the rows an explanation shows."""

    index: RecordIndex
    rows: Rows

    def __getitem__(self, k: int) -> str:
        r = int(self.rows[k])
        y, m, d = int(self.index.year[r]), int(self.index.month[r]), int(self.index.day[r])
        if not y:
            return ""
        return f"{y}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d else "")


def _date_text(index: RecordIndex, rows: Rows) -> DateColumn:
    return DateColumn(index, rows)


def _probe_date(probe: Probe) -> str | None:
    if not probe.year:
        return None
    text = f"{probe.year}" + (f"-{probe.month:02d}" if probe.month else "")
    text += f"-{probe.day:02d}" if probe.day else ""
    return f"abt {text}" if probe.approximate else text


YEAR_FROM_AGE = 2.0
"""Bits for a record born a year from a known person's birth year given without a date."""


def birth_date_part(index: RecordIndex, rows: Rows, probe: Probe) -> Part:
    """The same person's birth date: exact, day and month swapped, one part off, same
    month, same year, a year apart, different. A different full date weighs heavily
    against: siblings share everything else."""
    g = _Graded(len(rows))
    y, m, d = index.year[rows], index.month[rows], index.day[rows]
    if not probe.year:
        return Part("birth_date", None, _date_text(index, rows), g.level, g.weight)
    known = y > 0
    gap = np.abs(y - probe.year)
    full = known & (m > 0) & (d > 0) & (probe.month > 0) & (probe.day > 0)
    fuzzy = probe.approximate | index.approximate[rows]
    same_year = known & (gap == 0)
    rules: list[tuple[npt.NDArray[np.bool_], str, float]] = [
        (known, "different", -8.0),
        (known & (gap <= 2) & fuzzy, "about the same year", 1.5),
        (known & (gap == 1) & ~full, "a year apart", 0.5),
        # a year known without the date is often worked out from an age: a year off fits
        (known & (gap == 1) & (probe.month == 0), "a year apart", YEAR_FROM_AGE),
        (same_year & full, "different day", -6.0),
        (same_year & ~full, "same year", 3.5),
        (same_year & ~full & (m > 0) & (m == probe.month), "same month", 5.0),
        (full & (gap == 1) & (m == probe.month) & (d == probe.day), "year one off", 3.0),
        (full & same_year & ((m == probe.month) != (d == probe.day)), "one part off", 2.0),
        (full & same_year & (m == probe.day) & (d == probe.month), "day and month swapped", 5.0),
        (full & same_year & (m == probe.month) & (d == probe.day), "exact", 10.0),
    ]
    for mask, name, w in rules:
        g.set(mask, name, w)
    return Part("birth_date", _probe_date(probe), _date_text(index, rows), g.level, g.weight)


def generation_part(
    index: RecordIndex,
    rows: Rows,
    anchor: Probe,
    low: int,
    high: int,
    field: str = "age_gap",
    *,
    inside: float = 1.5,
    just: float = -1.5,
) -> Part:
    """Born ``low`` to ``high`` years after the anchor (negative: before); ``inside`` is
    the weight of fitting (small when the span is wide and fits nearly anyone), ``just``
    of missing it by a few years (strongly against where the bound is biology's)."""
    g = _Graded(len(rows))
    y = index.year[rows]
    right = _date_text(index, rows)
    if not anchor.year:
        return Part(field, None, right, g.level, g.weight)
    slack = 3 if anchor.approximate else 1
    known = y > 0
    gap = y - anchor.year
    fits = known & (gap >= low - slack) & (gap <= high + slack)
    near = known & ~fits & (gap >= low - 6) & (gap <= high + 6)
    outside = known & ~fits & ~near
    g.set(fits, f"born {low} to {high} years after", inside)
    g.set(near, "a generation apart, just", just)
    g.set(outside, "ages do not fit", -8.0)
    return Part(field, _probe_date(anchor), right, g.level, g.weight)


def sex_part(index: RecordIndex, rows: Rows, expected: int) -> Part:
    """The record's sex against the sex the hypothesis needs (0 = any)."""
    g = _Graded(len(rows))
    s = index.sex[rows]
    names = np.array(["", "male", "female"], dtype=object)
    right = names[s]
    if expected:
        known = s > 0
        g.set(known, "different", -8.0)
        g.set(known & (s == expected), "same", 0.5)
    return Part("sex", str(names[expected]) or None, right, g.level, g.weight)


def place_part(index: RecordIndex, rows: Rows, places: frozenset[int], field: str) -> Part:
    """Born or living in a municipality the known person is linked with: the rarer the
    municipality in the corpus, the more it says (kin live near in about 40%)."""
    n = len(rows)
    g = _Graded(n)
    birth, home = index.birth_place[rows], index.residence[rows]
    right = _texts(n, "")
    if places:
        wanted = np.fromiter(places, np.int32)
        known = (birth >= 0) | (home >= 0)
        g.set(known, "elsewhere", 0.0)
        hit_birth, hit_home = np.isin(birth, wanted), np.isin(home, wanted)
        hit = hit_birth | hit_home
        code = np.where(hit_birth, birth, home)
        share = index.place_share[np.maximum(code, 0)]
        g.set(
            hit, "same municipality", np.clip(np.log2(0.4 / np.maximum(share[hit], 1e-6)), 0.0, 4.0)
        )
    return Part(field, None, right, g.level, g.weight)


def total(parts: Sequence[Part], prior: float) -> Floats:
    """Prior plus every part's weight, per row."""
    out = np.full(len(parts[0].weight) if parts else 0, prior)
    for part in parts:
        out += part.weight
    return out


def probability(bits: Floats) -> Floats:
    """A match weight in bits as a probability."""
    return np.asarray(1.0 / (1.0 + np.exp2(-np.clip(bits, -60.0, 60.0))), dtype=np.float64)
