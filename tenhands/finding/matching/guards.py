"""Pairs that are two persons whatever their score: twins, generations, households.

Weights add evidence field by field; some combinations of fields are decisive
instead, and this module decides them after scoring (one rule for every user of the
matcher: ``tenhands match``/``dedupe`` and the kin search's duplicates):

* **senior and junior** — one record's name says ``sr``/``senior``/``père`` and the
  other's ``jr``/``junior``/``zoon``/``fils``: a father and his namesake son;
* **a generation apart** — both birth years known and 15 or more years apart;
* **twins** — the same full birth date, but another given name (more than one typo
  apart) or another sex: two children born the same day, not one child written twice;
* **only the household agrees** — the surname, address, birth place or parents'
  names agree, and nothing of the person's own (given names, birth date, sex) speaks
  for the match: partners of the same age, siblings, a father and his namesake son
  without birth dates at one address.

Twins whose records name the same mother or father, or of another sex, are always
kept apart; the other family rules (a generation apart, twins by surname or address alone, only the
household agrees) apply where the data holds families:
:func:`families_present` looks at the candidate pairs that share a household or a
pair of parents (see :data:`~tenhands.finding.matching.em.FAMILY_KEYS`) and finds
families when many of them carry different given names (relatives), rather than
nearly all the same one (a person's own records in a file without households, such
as FEBRL). A table with too few such pairs to tell is taken to hold families.

A pair kept apart gets the weight :data:`APART_WEIGHT` at most, and its explanation
ends with the reason (:data:`REASONS`), so a worker reads why.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .blocking import Pairs
from .comparisons import Comparison
from .prepare import Prepared

APART = "kept_apart"
"""The evidence field of the reason a pair was kept apart."""

NONE, SENIOR_JUNIOR, GENERATION, TWINS_NAME, TWINS_SEX, HOUSEHOLD = range(6)
REASONS: dict[int, str] = {
    SENIOR_JUNIOR: "senior and junior",
    GENERATION: "a generation apart",
    TWINS_NAME: "twins: another given name",
    TWINS_SEX: "twins: another sex",
    HOUSEHOLD: "only the household agrees",
}
"""Reason code → the evidence level a worker reads (translated in the web labels)."""

APART_WEIGHT = -30.0
"""The most a pair kept apart may weigh (log2 odds): a probability below 1e-9."""

GENERATION_GAP = 15
"""Birth years this far apart are two generations."""

FAMILY_SHARE = 0.4
"""Families are present when at least this share of the pairs agreeing on a family
key (with given names on both sides) has different given names."""
FAMILY_EVIDENCE = 20
"""Fewer such pairs than this cannot tell: families are taken to be present."""


def person_apart(
    same_day: npt.NDArray[np.bool_],
    other_name: npt.NDArray[np.bool_],
    other_sex: npt.NDArray[np.bool_],
    years_apart: npt.NDArray[np.int64],
) -> npt.NDArray[np.int8]:
    """The rule on a person's own fields, for any caller (the matcher, the kin search's
    own records): a generation apart (``years_apart`` ≥ :data:`GENERATION_GAP`; 0 where
    a year is unknown), else twins (``same_day`` with ``other_name`` or ``other_sex``).

    >>> t, f = np.array([True]), np.array([False])
    >>> person_apart(t, t, f, np.array([0])).tolist()  # twins: another given name
    [3]
    >>> person_apart(f, f, f, np.array([30])).tolist()  # a generation apart
    [2]
    """
    out = np.full(len(same_day), NONE, dtype=np.int8)
    out[same_day & other_sex] = TWINS_SEX
    out[same_day & other_name] = TWINS_NAME
    out[years_apart >= GENERATION_GAP] = GENERATION
    return out


def _field(comparisons: Sequence[Comparison], name: str) -> int | None:
    return next((f for f, c in enumerate(comparisons) if c.field == name), None)


def families_present(
    comparisons: Sequence[Comparison], levels: npt.NDArray[np.int8], shared: npt.NDArray[np.bool_]
) -> bool:
    """Whether the pairs that share a household or parents (``shared``) look like
    relatives: many with different given names (see the module's notes)."""
    f = _field(comparisons, "given_names")
    if f is None:
        return True
    given = levels[shared, f]
    known = given >= 0
    if int(known.sum()) < FAMILY_EVIDENCE:
        return True
    different = given == len(comparisons[f].level_names) - 1
    return float(different[known].mean()) >= FAMILY_SHARE


def reasons(
    comparisons: Sequence[Comparison],
    left: Prepared,
    right: Prepared,
    pairs: Pairs,
    levels: npt.NDArray[np.int8],
    contributions: npt.NDArray[np.float64],
    *,
    families: bool,
) -> npt.NDArray[np.int8]:
    """The reason code of each pair (:data:`NONE` when nothing keeps it apart); the
    first reason that holds, in the order of :data:`REASONS`."""
    out = np.full(len(pairs), NONE, dtype=np.int8)
    if len(pairs) == 0:
        return out
    ga = left.column("generation")[pairs.left]
    gb = right.column("generation")[pairs.right]
    out[(ga != "") & (gb != "") & (ga != gb)] = SENIOR_JUNIOR
    parents = np.zeros(len(pairs), dtype=np.bool_)
    for key in ("mother_key", "father_key"):
        pa, pb = left.column(key)[pairs.left], right.column(key)[pairs.right]
        parents |= (pa != "") & (pa == pb)
    same_day, other_name, other_sex = _twins(comparisons, left, right, pairs, levels)
    no_gap = np.zeros(len(pairs), dtype=np.int64)
    twins = person_apart(same_day, other_name, other_sex, no_gap)
    named = (out == NONE) & parents
    out[named] = twins[named]
    # another sex on the same day is two children in any file
    out[(out == NONE) & same_day & other_sex] = TWINS_SEX
    if not families:
        return out
    ya = left.numbers.get("birth_y")
    yb = right.numbers.get("birth_y")
    gap = no_gap
    if ya is not None and yb is not None:
        a, b = ya[pairs.left], yb[pairs.right]
        gap = np.where((a > 0) & (b > 0), np.abs(a - b), 0)
    decided = person_apart(same_day, other_name, other_sex, gap)
    free = out == NONE
    out[free] = decided[free]
    free = out == NONE
    family = np.array([c.family for c in comparisons], dtype=np.bool_)
    if family.any() and (~family).any():
        own = contributions[:, ~family].sum(axis=1)
        shared = contributions[:, family].sum(axis=1)
        out[free & (own <= 0) & (shared > 0)] = HOUSEHOLD
    return out


def _twins(
    comparisons: Sequence[Comparison],
    left: Prepared,
    right: Prepared,
    pairs: Pairs,
    levels: npt.NDArray[np.int8],
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Per pair: born the same day (full dates); another given name (not one typo from
    the other: ``Tom`` and ``Tmo`` are one boy); another sex."""
    n = len(pairs)
    same_day = np.zeros(n, dtype=np.bool_)
    other_name = np.zeros(n, dtype=np.bool_)
    other_sex = np.zeros(n, dtype=np.bool_)
    date = _field(comparisons, "birth_date")
    if date is None:
        return same_day, other_name, other_sex
    days = left.numbers.get("birth_d", np.zeros(len(left), dtype=np.int64))
    same_day = (levels[:, date] == 0) & (days[pairs.left] > 0)
    given = _field(comparisons, "given_names")
    if given is not None:
        other_name = levels[:, given] == len(comparisons[given].level_names) - 1
        todo = np.flatnonzero(same_day & other_name)
        if len(todo):
            a = left.column("given")[pairs.left[todo]]
            b = right.column("given")[pairs.right[todo]]
            edits = np.asarray(process.cpdist(a, b, scorer=OSA.distance, workers=-1))
            other_name[todo[edits <= 1]] = False
    sex = _field(comparisons, "sex")
    if sex is not None:
        other_sex = levels[:, sex] == 1
    return same_day, other_name, other_sex


def keep_apart(weights: npt.NDArray[np.float64], codes: npt.NDArray[np.int8]) -> None:
    """Lower the weights of the pairs kept apart to :data:`APART_WEIGHT` at most (in place)."""
    apart = codes != NONE
    weights[apart] = np.minimum(weights[apart], APART_WEIGHT)
