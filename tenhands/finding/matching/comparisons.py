"""Field comparisons as ordered levels: null → exact → equivalent → fuzzy → else.

Each comparison turns the candidate pairs into one small integer per pair: ``-1`` when
either side is missing (no evidence), else the index of the first level it reaches.
Scores come from rapidfuzz in batch (``process.cpdist`` over aligned pair arrays).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler

from ..normalize import DateLevel, compare_dates, parse_date
from .blocking import Pairs
from .prepare import Column, Numbers, Prepared, date_parts

Levels = npt.NDArray[np.int8]
NULL = -1


def _pairs_of(table: Prepared, column: str, index: npt.NDArray[np.int64]) -> Column:
    return table.column(column)[index]


def _jaro_winkler(a: Column, b: Column) -> npt.NDArray[np.float64]:
    """Jaro-Winkler similarity per aligned pair; -1 where either side is empty."""
    if len(a) == 0:
        return np.empty(0)
    scores = process.cpdist(
        a, b, scorer=JaroWinkler.normalized_similarity, workers=-1, dtype=np.float64
    )
    out = np.asarray(scores, dtype=np.float64)
    out[(a == "") | (b == "")] = -1.0
    return out


def _key_sets(table: Prepared, column: str) -> list[frozenset[str]]:
    """Per record, the space-separated keys of ``column`` as a set (once per distinct value)."""
    values = table.column(column).tolist()
    sets = {v: frozenset(v.split()) for v in set(values)}
    return [sets[v] for v in values]


@dataclass(frozen=True)
class StringComparison:
    """A name or place: exact, then Jaro-Winkler at or above each threshold, else.

    ``columns`` are alternatives compared crosswise, the best taken: with
    ``("surname_full", "surname_core", "birth_surname_full", "birth_surname_core")``
    a surname meets another without its particles, and a maiden name a married name.
    With ``swapped_with``, a level catches values written in each other's column
    (given name and surname exchanged on a form), and a level just above ``different``
    catches a value written in the other column on one side only (a given name
    recorded as the surname). With ``keys`` (two prepared columns
    of space-separated keys: the first value's keys and all keys), a level
    ``key_level`` below exact holds the pairs whose keys meet (one side's first keys
    among the other's keys): the same given name by equivalence (Jef and Jozef), the
    same municipality (Gent and Gand). ``family`` marks a field relatives share
    (see :mod:`.em`). ``m_bounds`` are (level, most) pairs: the largest share of true
    matches EM may put at a level.
    """

    field: str
    thresholds: tuple[float, ...] = (0.92, 0.8)
    columns: tuple[str, ...] = ()
    term_frequency: bool = False
    swapped_with: str | None = None
    swap_threshold: float = 0.92
    keys: tuple[str, str] | None = None
    key_level: str = "same by key"
    family: bool = False
    m_bounds: tuple[tuple[int, float], ...] = ()
    unless: str | None = None
    """A column that, agreeing on both sides, says the same thing (a city beside its
    postcode): the pair then gets no evidence from this comparison. Where that column
    disagrees (a postcode with a typo, two postcodes of one city), this one speaks."""

    @property
    def sources(self) -> tuple[str, ...]:
        return self.columns or (self.field,)

    @property
    def level_names(self) -> list[str]:
        swap = [f"swapped with {self.swapped_with}"] if self.swapped_with else []
        keyed = [self.key_level] if self.keys else []
        similar = [f"similar ≥ {t:g}" for t in self.thresholds]
        crossed = [f"one of them as {self.swapped_with}"] if self.swapped_with else []
        return ["exact", *swap, *keyed, *similar, *crossed, "different"]

    def _best(self, left: Prepared, right: Prepared, pairs: Pairs) -> npt.NDArray[np.float64]:
        """The best Jaro-Winkler similarity over the source columns crosswise; -1 where
        nothing is known. A value already compared on a row (a core equal to its full
        form, say) is not compared again, and all comparisons go to rapidfuzz at once."""
        lvalues = [_pairs_of(left, c, pairs.left) for c in self.sources if c in left.columns]
        rvalues = [_pairs_of(right, c, pairs.right) for c in self.sources if c in right.columns]
        rows: list[npt.NDArray[np.int64]] = []
        firsts: list[Column] = []
        seconds: list[Column] = []
        for i, a in enumerate(lvalues):
            new_a = a != ""
            for earlier in lvalues[:i]:
                new_a &= a != earlier
            for j, b in enumerate(rvalues):
                keep = new_a & (b != "")
                for earlier in rvalues[:j]:
                    keep &= b != earlier
                index = np.flatnonzero(keep)
                rows.append(index)
                firsts.append(a[index])
                seconds.append(b[index])
        best = np.full(len(pairs), -1.0)
        if rows and sum(len(r) for r in rows):
            scores = _jaro_winkler(np.concatenate(firsts), np.concatenate(seconds))
            np.maximum.at(best, np.concatenate(rows), scores)
        return best

    def levels(self, left: Prepared, right: Prepared, pairs: Pairs) -> Levels:
        out = _bucket(self._best(left, right, pairs), (1.0, *self.thresholds))
        shift = int(self.swapped_with is not None) + int(self.keys is not None)
        out[out > 0] += shift
        if self.keys is not None:
            level = 1 + int(self.swapped_with is not None)
            todo = np.flatnonzero(out > level)
            met = _keys_meet(left, right, pairs, self.keys, todo)
            out[todo[met]] = level
        if self.swapped_with is not None:
            other = self.swapped_with
            to_other = _jaro_winkler(
                _pairs_of(left, self.field, pairs.left), _pairs_of(right, other, pairs.right)
            )
            from_other = _jaro_winkler(
                _pairs_of(left, other, pairs.left), _pairs_of(right, self.field, pairs.right)
            )
            out[out == len(self.thresholds) + shift + 1] += 1
            crossed = np.minimum(to_other, from_other)
            out[(crossed >= self.swap_threshold) & (out > 1)] = 1
            one_way = np.maximum(to_other, from_other)
            last = len(self.level_names) - 1
            out[(one_way >= self.swap_threshold) & (out == last)] = last - 1
        if self.unless is not None and self.unless in left.columns and self.unless in right.columns:
            a = _pairs_of(left, self.unless, pairs.left)
            b = _pairs_of(right, self.unless, pairs.right)
            out[(a != "") & (a == b)] = NULL
        return out


def _keys_meet(
    left: Prepared,
    right: Prepared,
    pairs: Pairs,
    keys: tuple[str, str],
    todo: npt.NDArray[np.int64],
) -> npt.NDArray[np.bool_]:
    """For the pairs ``todo``: whether one side's first keys meet the other's keys.

    Where every side holds one key the test is equality, done on whole arrays; only
    pairs with several keys on a side are compared as sets.
    """
    first, every = keys
    li, ri = pairs.left[todo], pairs.right[todo]
    fa, ea = left.column(first)[li], left.column(every)[li]
    fb, eb = right.column(first)[ri], right.column(every)[ri]
    known: npt.NDArray[np.bool_] = ((fa != "") & (eb != "")) | ((fb != "") & (ea != ""))
    met: npt.NDArray[np.bool_] = known & ((fa == eb) | (fb == ea))
    several = np.array([" " in v for v in (ea + "|" + eb).tolist()], dtype=np.bool_)
    hard = np.flatnonzero(known & ~met & several)
    if len(hard):
        lf, la = _key_sets(left, first), _key_sets(left, every)
        rf, ra = (lf, la) if right is left else (_key_sets(right, first), _key_sets(right, every))
        hi, hj = li[hard].tolist(), ri[hard].tolist()
        met[hard] = [
            not lf[i].isdisjoint(ra[j]) or not rf[j].isdisjoint(la[i])
            for i, j in zip(hi, hj, strict=True)
        ]
    return met


@dataclass(frozen=True)
class ExactComparison:
    """A code (sex, house number, postcode): exact, optionally one edit off (a character
    inserted, left out, changed, or two neighbours exchanged), else."""

    field: str
    one_edit: bool = False
    term_frequency: bool = False
    family: bool = False
    m_bounds: tuple[tuple[int, float], ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.field,)

    @property
    def level_names(self) -> list[str]:
        return ["exact", "one edit off", "different"] if self.one_edit else ["exact", "different"]

    def levels(self, left: Prepared, right: Prepared, pairs: Pairs) -> Levels:
        a = _pairs_of(left, self.field, pairs.left)
        b = _pairs_of(right, self.field, pairs.right)
        out = np.full(len(pairs), 1 + int(self.one_edit), dtype=np.int8)
        if self.one_edit and len(a):
            edits = np.asarray(process.cpdist(a, b, scorer=OSA.distance, workers=-1))
            out[edits <= 1] = 1
        out[a == b] = 0
        out[(a == "") | (b == "")] = NULL
        return out


#: :class:`~tenhands.finding.normalize.DateLevel` → level of :class:`DateComparison`.
_DATE_LEVEL = {
    DateLevel.exact: 0,
    DateLevel.swapped: 1,
    DateLevel.same_month: 3,
    DateLevel.same_year: 4,
    DateLevel.near_year: 5,
    DateLevel.other: 6,
}


@dataclass(frozen=True)
class DateComparison:
    """A birth date, at the levels of :func:`tenhands.finding.normalize.compare_dates`
    with one refinement: two *full* dates agree exactly, with day and month swapped,
    or within one typo (a digit changed, two neighbours exchanged, or the year one off
    with the same day and month), or else they are ``different`` — a full date that
    disagrees beyond a typo is strong evidence of two people (siblings), never
    "same year". A partial date (year, or year and month) against another reaches
    ``same month``, ``same year`` or ``a year apart``; qualified dates (``abt 1958``)
    are compared by ``compare_dates`` itself.
    """

    field: str = "birth_date"
    term_frequency: bool = False
    family: bool = False
    m_bounds: tuple[tuple[int, float], ...] = ((6, 0.005),)
    """At most 0.5 % of the pairs of one person's records have two full birth dates that
    disagree beyond a typo (or partial dates years apart): EM may learn less, not more."""

    @property
    def level_names(self) -> list[str]:
        return [
            "exact",
            "day and month swapped",
            "one typo",
            "same month",
            "same year",
            "a year apart",
            "different",
        ]

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.field,)

    def _parts(self, table: Prepared) -> tuple[Numbers, Numbers, Numbers, npt.NDArray[np.bool_]]:
        if self.field == "birth_date" and "birth_y" in table.numbers:
            n = table.numbers
            return n["birth_y"], n["birth_m"], n["birth_d"], n["birth_plain"].astype(np.bool_)
        return date_parts(table.column(self.field).tolist())

    def levels(self, left: Prepared, right: Prepared, pairs: Pairs) -> Levels:
        a = _pairs_of(left, self.field, pairs.left)
        b = _pairs_of(right, self.field, pairs.right)
        out = np.full(len(pairs), 6, dtype=np.int8)
        if len(a) == 0:
            return out
        ly, lm, ld, lplain = self._parts(left)
        ry, rm, rd, rplain = self._parts(right)
        ya, ma, da = ly[pairs.left], lm[pairs.left], ld[pairs.left]
        yb, mb, db = ry[pairs.right], rm[pairs.right], rd[pairs.right]
        full = (da > 0) & (db > 0)
        partial = ~full
        gap = np.abs(ya - yb)
        out[partial & (gap == 1)] = 5
        out[partial & (gap == 0)] = 4
        out[partial & (gap == 0) & (ma > 0) & (ma == mb)] = 3
        if full.any():
            edits = np.asarray(process.cpdist(a[full], b[full], scorer=OSA.distance, workers=-1))
            typo = np.zeros(len(a), dtype=np.bool_)
            typo[full] = edits <= 1
            typo |= full & (gap == 1) & (ma == mb) & (da == db)
            out[typo] = 2
            out[full & (gap == 0) & (ma == db) & (da == mb) & (ma != mb)] = 1
            out[full & (gap == 0) & (ma == mb) & (da == db)] = 0
        qualified = np.flatnonzero(~lplain[pairs.left] | ~rplain[pairs.right])
        for k in qualified.tolist():
            level = compare_dates(parse_date(a[k]), parse_date(b[k]))
            out[k] = _DATE_LEVEL.get(level, NULL)
        out[(a == "") | (b == "")] = NULL
        return out


Comparison = StringComparison | ExactComparison | DateComparison


def _bucket(scores: npt.NDArray[np.float64], cuts: Sequence[float]) -> Levels:
    """Level index of each score: the first cut it reaches; past the last: else."""
    out = np.full(len(scores), len(cuts), dtype=np.int8)
    for index in range(len(cuts) - 1, -1, -1):
        out[scores >= cuts[index]] = index
    out[scores < 0] = NULL
    return out


SURNAME_COLUMNS = ("surname_full", "surname_core", "birth_surname_full", "birth_surname_core")
"""Full and particle-free forms of the surname and the birth surname, compared crosswise."""

DEFAULT_COMPARISONS: tuple[Comparison, ...] = (
    StringComparison(
        "given_names",
        (0.92, 0.8),
        term_frequency=True,
        swapped_with="surname",
        keys=("given_first_keys", "given_name_keys"),
        key_level="same name by equivalence",
    ),
    StringComparison(
        "surname", (0.92, 0.8), columns=SURNAME_COLUMNS, term_frequency=True, family=True
    ),
    DateComparison("birth_date"),
    ExactComparison("sex"),
    StringComparison(
        "birth_place",
        (0.9,),
        keys=("birth_place_keys", "birth_place_keys"),
        key_level="same municipality",
        family=True,
    ),
    StringComparison("street", (0.9, 0.75), family=True),
    ExactComparison("house_number", family=True),
    ExactComparison("postcode", one_edit=True, family=True),
    StringComparison(
        "city",
        (0.9,),
        keys=("city_keys", "city_keys"),
        key_level="same municipality",
        family=True,
        unless="postcode",
    ),
    StringComparison(
        "mother_name",
        (0.9, 0.8),
        keys=("mother_key", "mother_key"),
        key_level="same name by key",
        family=True,
    ),
    StringComparison(
        "father_name",
        (0.9, 0.8),
        keys=("father_key", "father_key"),
        key_level="same name by key",
        family=True,
    ),
)


def compare(
    left: Prepared, right: Prepared, pairs: Pairs, comparisons: Sequence[Comparison]
) -> npt.NDArray[np.int8]:
    """The level matrix: one row per pair, one column per comparison (-1 = missing)."""
    if not comparisons:
        return np.empty((len(pairs), 0), dtype=np.int8)
    return np.stack([c.levels(left, right, pairs) for c in comparisons], axis=1)
