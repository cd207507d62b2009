"""Field comparisons as ordered levels: null → exact → fuzzy thresholds → else.

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
from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from .blocking import Pairs
from .prepare import Column, Prepared

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


@dataclass(frozen=True)
class StringComparison:
    """A name or place: exact, then Jaro-Winkler at or above each threshold, else.

    ``columns`` are alternatives compared crosswise, the best taken: with
    ``("surname", "birth_surname")`` a maiden name meets a married name. With
    ``swapped_with``, a second level catches values written in each other's column
    (given name and surname exchanged on a form).
    """

    field: str
    thresholds: tuple[float, ...] = (0.92, 0.8)
    columns: tuple[str, ...] = ()
    term_frequency: bool = False
    swapped_with: str | None = None
    swap_threshold: float = 0.92

    @property
    def sources(self) -> tuple[str, ...]:
        return self.columns or (self.field,)

    @property
    def level_names(self) -> list[str]:
        swap = [f"swapped with {self.swapped_with}"] if self.swapped_with else []
        return ["exact", *swap, *(f"similar ≥ {t:g}" for t in self.thresholds), "different"]

    def levels(self, left: Prepared, right: Prepared, pairs: Pairs) -> Levels:
        best = np.full(len(pairs), -1.0)
        for lcol in [c for c in self.sources if c in left.columns]:
            for rcol in [c for c in self.sources if c in right.columns]:
                a = _pairs_of(left, lcol, pairs.left)
                b = _pairs_of(right, rcol, pairs.right)
                np.maximum(best, _jaro_winkler(a, b), out=best)
        out = _bucket(best, (1.0, *self.thresholds))
        if self.swapped_with is None:
            return out
        other = self.swapped_with
        crossed = np.minimum(
            _jaro_winkler(
                _pairs_of(left, self.field, pairs.left), _pairs_of(right, other, pairs.right)
            ),
            _jaro_winkler(
                _pairs_of(left, other, pairs.left), _pairs_of(right, self.field, pairs.right)
            ),
        )
        out[out > 0] += 1
        out[(crossed >= self.swap_threshold) & (out != 0)] = 1
        return out


@dataclass(frozen=True)
class ExactComparison:
    """A code (sex, house number, postcode): exact, optionally one edit off, else."""

    field: str
    one_edit: bool = False
    term_frequency: bool = False

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
            edits = np.asarray(process.cpdist(a, b, scorer=Levenshtein.distance, workers=-1))
            out[edits <= 1] = 1
        out[a == b] = 0
        out[(a == "") | (b == "")] = NULL
        return out


@dataclass(frozen=True)
class DateComparison:
    """A birth date: exact, day and month swapped, one typo (a digit changed or two
    neighbours exchanged), same year, a year
    apart, else. A year-only date against a full one reaches "same year" at best."""

    field: str = "birth_date"
    term_frequency: bool = False

    @property
    def level_names(self) -> list[str]:
        return [
            "exact",
            "day and month swapped",
            "one typo",
            "same year",
            "a year apart",
            "different",
        ]

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.field,)

    def levels(self, left: Prepared, right: Prepared, pairs: Pairs) -> Levels:
        a = _pairs_of(left, self.field, pairs.left)
        b = _pairs_of(right, self.field, pairs.right)
        swapped = _pairs_of(right, "birth_date_swapped", pairs.right)
        out = np.full(len(pairs), 5, dtype=np.int8)
        if len(a):
            ya, fa = _years(left, self.field)
            yb, fb = _years(right, self.field)
            gap = np.abs(ya[pairs.left] - yb[pairs.right])
            out[gap == 1] = 4
            out[gap == 0] = 3
            full = fa[pairs.left] & fb[pairs.right]
            edits = np.asarray(process.cpdist(a, b, scorer=OSA.distance, workers=-1))
            out[full & (edits <= 1)] = 2
            out[full & (a == swapped) & (a != b)] = 1
            out[(a == b) & full] = 0
            out[(a == b) & ~full & (out > 3)] = 3
        out[(a == "") | (b == "")] = NULL
        return out


def _years(table: Prepared, column: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Per record: the birth year (-99 when unknown) and whether the date is complete."""
    dates = table.column(column).tolist()
    years = np.array([int(d[:4]) if d[:4].isdigit() else -99 for d in dates], dtype=np.int64)
    full = np.array([len(d) == 10 for d in dates], dtype=np.bool_)
    return years, full


Comparison = StringComparison | ExactComparison | DateComparison


def _bucket(scores: npt.NDArray[np.float64], cuts: Sequence[float]) -> Levels:
    """Level index of each score: the first cut it reaches; past the last: else."""
    out = np.full(len(scores), len(cuts), dtype=np.int8)
    for index in range(len(cuts) - 1, -1, -1):
        out[scores >= cuts[index]] = index
    out[scores < 0] = NULL
    return out


DEFAULT_COMPARISONS: tuple[Comparison, ...] = (
    StringComparison("given_names", (0.92, 0.8), term_frequency=True, swapped_with="surname"),
    StringComparison(
        "surname", (0.92, 0.8), columns=("surname", "birth_surname"), term_frequency=True
    ),
    DateComparison("birth_date"),
    ExactComparison("sex"),
    StringComparison("birth_place", (0.9,)),
    StringComparison("street", (0.9, 0.75)),
    ExactComparison("house_number"),
    ExactComparison("postcode", one_edit=True),
    StringComparison("city", (0.9,)),
    StringComparison("mother_name", (0.9, 0.8)),
    StringComparison("father_name", (0.9, 0.8)),
)


def compare(
    left: Prepared, right: Prepared, pairs: Pairs, comparisons: Sequence[Comparison]
) -> npt.NDArray[np.int8]:
    """The level matrix: one row per pair, one column per comparison (-1 = missing)."""
    if not comparisons:
        return np.empty((len(pairs), 0), dtype=np.int8)
    return np.stack([c.levels(left, right, pairs) for c in comparisons], axis=1)
