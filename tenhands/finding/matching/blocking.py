"""Blocking: several passes of exact keys, the union of their candidate pairs.

A pass is a tuple of prepared columns; two records are candidates when all of the
pass's columns are equal and non-empty. Pairs are index arrays into the two tables.

Besides names, dates and addresses, three passes use the parents' names (``mother_key``
and ``father_key`` of :mod:`.prepare`): a child's records meet through its parents even
when its own name is written differently, or it moved. :func:`quality` gives the
pair completeness and reduction ratio of a set of passes against known true pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .prepare import Prepared

Pass = tuple[str, ...]
Index = npt.NDArray[np.int64]

DEFAULT_PASSES: tuple[Pass, ...] = (
    ("surname_key", "given_key"),
    ("surname_key", "birth_year"),
    ("given_key", "birth_year"),
    ("postcode", "birth_year"),
    ("birth_date",),
    ("surname_key", "postcode"),
    ("given_key", "postcode"),
    ("given_key", "house_number"),
    ("given", "city"),
    ("name_key",),
    ("street", "house_number"),
    ("street", "postcode"),
    ("street", "given_key"),
    ("house_number", "postcode"),
    ("city", "birth_year"),
    ("surname_key", "house_number"),
    ("surname", "city"),
    ("city", "house_number"),
    ("surname_key", "given_canon"),
    ("surname_metaphone", "given_canon"),
    ("given_canon", "birth_year"),
    ("mother_key", "father_key"),
    ("mother_key", "birth_year"),
    ("father_key", "birth_year"),
)


@dataclass(frozen=True)
class Pairs:
    """Candidate pairs: ``left[i]`` and ``right[i]`` are row indexes into the two tables."""

    left: Index
    right: Index

    def __len__(self) -> int:
        return len(self.left)


def _keys(table: Prepared, columns: Pass) -> list[str]:
    parts = [table.column(c) for c in columns]
    return ["\x1f".join(values) if all(values) else "" for values in zip(*parts, strict=True)]


def _codes(left: list[str], right: list[str]) -> tuple[Index, Index]:
    """Integer codes of the keys, shared between the two sides; -1 where the key is empty."""
    uniques, inverse = np.unique(np.array(left + right, dtype=object), return_inverse=True)
    codes = inverse.astype(np.int64)
    if len(uniques) and uniques[0] == "":
        codes[codes == 0] = -1
    return codes[: len(left)], codes[len(left) :]


def _join(lcodes: Index, rcodes: Index, max_block: int) -> tuple[Index, Index]:
    """All (i, j) with equal non-negative codes, by sorting both sides."""
    lorder = np.argsort(lcodes, kind="stable")
    rorder = np.argsort(rcodes, kind="stable")
    lsorted, rsorted = lcodes[lorder], rcodes[rorder]
    common = np.intersect1d(lsorted[lsorted >= 0], rsorted[rsorted >= 0])
    lstart = np.searchsorted(lsorted, common, "left")
    lend = np.searchsorted(lsorted, common, "right")
    rstart = np.searchsorted(rsorted, common, "left")
    rend = np.searchsorted(rsorted, common, "right")
    lsize, rsize = lend - lstart, rend - rstart
    keep = lsize * rsize <= max_block
    lstart, lsize, rstart, rsize = lstart[keep], lsize[keep], rstart[keep], rsize[keep]
    sizes = lsize * rsize
    total = int(sizes.sum())
    if total == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    block = np.repeat(np.arange(len(sizes)), sizes)
    offset = np.arange(total) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    li = lstart[block] + offset // rsize[block]
    ri = rstart[block] + offset % rsize[block]
    return lorder[li].astype(np.int64), rorder[ri].astype(np.int64)


def block(
    left: Prepared,
    right: Prepared | None = None,
    passes: Sequence[Pass] = DEFAULT_PASSES,
    *,
    max_block: int = 250_000,
) -> Pairs:
    """The union of the candidate pairs of every pass; ``right=None`` dedupes ``left``
    (pairs ``i < j`` only). Blocks of more than ``max_block`` pairs are skipped."""
    other = left if right is None else right
    width = np.int64(len(other))
    found: list[Index] = []
    for columns in passes:
        lcodes, rcodes = _codes(_keys(left, columns), _keys(other, columns))
        li, ri = _join(lcodes, rcodes, max_block)
        if right is None:
            keep = li < ri
            li, ri = li[keep], ri[keep]
        found.append(li * width + ri)
    flat = np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)
    return Pairs(left=flat // width, right=flat % width)


def quality(
    pairs: Pairs, truth: set[tuple[int, int]], n_left: int, n_right: int
) -> tuple[float, float]:
    """Pair completeness (share of true pairs found) and reduction ratio (share of all
    pairs not compared)."""
    found = set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True))
    completeness = len(truth & found) / len(truth) if truth else 1.0
    reduction = 1.0 - len(pairs) / max(1, n_left * n_right)
    return completeness, reduction
