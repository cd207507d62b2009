"""Fellegi–Sunter match weights learned without labels.

* ``u`` (how often two *different* people agree at each level) is counted on random
  pairs of records;
* ``m`` (how often the *same* person agrees at each level) and the number of true
  matches are estimated by expectation–maximisation on the candidate pairs;
* a shared value that is rare says more than a common one: at the exact level, the
  average ``u`` is replaced by the value's own frequency (term-frequency adjustment);
* the match weight is ``log2`` of the odds, so the probability is calibrated to the
  prior odds that two random records are the same person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from .blocking import Pairs
from .comparisons import Comparison, compare
from .prepare import Prepared

Floats = npt.NDArray[np.float64]
LevelMatrix = npt.NDArray[np.int8]

FLOOR = 1e-6
"""No level is ever impossible: probabilities are kept at least this large."""


@dataclass(frozen=True)
class Model:
    """Trained weights for a list of comparisons."""

    comparisons: tuple[Comparison, ...]
    prior: float
    """The probability that two random records are the same person."""
    m: tuple[Floats, ...]
    u: tuple[Floats, ...]
    iterations: int
    converged: bool

    @property
    def prior_weight(self) -> float:
        return float(np.log2(self.prior / (1.0 - self.prior)))

    def level_weights(self) -> list[Floats]:
        """``log2(m / u)`` per comparison and level."""
        return [np.asarray(np.log2(m / u)) for m, u in zip(self.m, self.u, strict=True)]

    def contributions(self, levels: LevelMatrix, tf_adjust: Floats | None = None) -> Floats:
        """Weight each comparison adds for each pair (0 where a value is missing)."""
        out = np.zeros(levels.shape, dtype=np.float64)
        for f, weights in enumerate(self.level_weights()):
            column = levels[:, f]
            present = column >= 0
            out[present, f] = weights[column[present]]
        if tf_adjust is not None:
            out += tf_adjust
        return out

    def match_weight(self, contributions: Floats) -> Floats:
        total: Floats = contributions.sum(axis=1) + self.prior_weight
        return total


def probability(weight: Floats) -> Floats:
    """Match probability from a match weight (log2 odds)."""
    return np.asarray(1.0 / (1.0 + np.exp2(-np.clip(weight, -60, 60))), dtype=np.float64)


def random_pairs(n_left: int, n_right: int, size: int, *, same: bool, seed: int) -> Pairs:
    """``size`` random pairs (distinct rows when ``same``)."""
    rng = np.random.default_rng(seed)
    if n_left == 0 or n_right == 0:
        size = 0
    left = rng.integers(0, n_left, size, dtype=np.int64)
    right = rng.integers(0, n_right, size, dtype=np.int64)
    if same:
        keep = left != right
        left, right = left[keep], right[keep]
    return Pairs(left=left, right=right)


def _frequencies(levels: LevelMatrix, n_levels: Sequence[int], weights: Floats) -> list[Floats]:
    out = []
    for f, size in enumerate(n_levels):
        column = levels[:, f]
        present = column >= 0
        counts = np.bincount(column[present], weights=weights[present], minlength=size)
        total = counts.sum()
        share = counts / total if total > 0 else np.full(size, 1.0 / size)
        out.append(np.maximum(share, FLOOR))
    return out


def estimate_u(
    left: Prepared,
    right: Prepared | None,
    comparisons: Sequence[Comparison],
    *,
    sample: int = 100_000,
    seed: int = 0,
) -> list[Floats]:
    """Level frequencies among random pairs, nearly all of them different people."""
    other = left if right is None else right
    pairs = random_pairs(len(left), len(other), sample, same=right is None, seed=seed)
    levels = compare(left, other, pairs, comparisons)
    sizes = [len(c.level_names) for c in comparisons]
    unseen = 1.0 / max(len(pairs), 1)
    # a level never seen among the random pairs is rare, not impossible
    return [np.maximum(u, unseen) for u in _frequencies(levels, sizes, np.ones(len(pairs)))]


def train(
    levels: LevelMatrix,
    comparisons: Sequence[Comparison],
    u_random: Sequence[Floats],
    total_pairs: int,
    *,
    max_iterations: int = 100,
    tolerance: float = 1e-5,
) -> Model:
    """EM over the candidate pairs' levels.

    Inside the candidates both ``m`` and the candidates' own ``u`` are re-estimated; the
    model keeps ``m``, the random-pair ``u`` and the expected number of matches spread
    over all ``total_pairs`` possible pairs as its prior.
    """
    sizes = [len(c.level_names) for c in comparisons]
    m = [np.maximum(np.linspace(1.0, 0.05, size) ** 3, FLOOR) for size in sizes]
    m = [v / v.sum() for v in m]
    u = [np.asarray(v, dtype=np.float64).copy() for v in u_random]
    share = 0.1
    converged = False
    iteration = 0
    for iteration in range(1, max_iterations + 1):  # noqa: B007
        log_ratio = np.full(len(levels), np.log(share / (1.0 - share)))
        for f in range(len(sizes)):
            column = levels[:, f]
            present = column >= 0
            log_ratio[present] += np.log(m[f] / u[f])[column[present]]
        p = 1.0 / (1.0 + np.exp(-np.clip(log_ratio, -60, 60)))
        new_m = _frequencies(levels, sizes, p)
        new_u = _frequencies(levels, sizes, 1.0 - p)
        new_share = float(np.clip(p.mean(), FLOOR, 1 - FLOOR)) if len(p) else FLOOR
        change = max(
            [abs(new_share - share)]
            + [float(np.abs(a - b).max()) for a, b in zip(new_m, m, strict=True)]
        )
        m, u, share = new_m, new_u, new_share
        if change < tolerance:
            converged = True
            break
    matches = share * len(levels)
    prior = float(np.clip(matches / max(total_pairs, 1), FLOOR * FLOOR, 0.5))
    return Model(
        comparisons=tuple(comparisons),
        prior=prior,
        m=tuple(m),
        u=tuple(np.asarray(v, dtype=np.float64) for v in u_random),
        iterations=iteration,
        converged=converged,
    )


def term_frequency_adjustments(
    left: Prepared, right: Prepared, pairs: Pairs, levels: LevelMatrix, model: Model
) -> Floats:
    """Extra weight at the exact level for comparisons with ``term_frequency``:
    ``log2(u_exact / frequency of the shared value)``."""
    out = np.zeros(levels.shape, dtype=np.float64)
    for f, comparison in enumerate(model.comparisons):
        if not comparison.term_frequency:
            continue
        column = comparison.sources[0]
        lvalues = left.column(column)
        rvalues = right.column(column)
        counts = Counter(lvalues.tolist())
        counts.update(rvalues.tolist() if right is not left else [])
        counts.pop("", None)
        total = sum(counts.values())
        if not total:
            continue
        freq = np.array([counts.get(v, 0) / total for v in lvalues.tolist()], dtype=np.float64)
        a, b = lvalues[pairs.left], rvalues[pairs.right]
        hit = (levels[:, f] == 0) & (a == b) & (a != "")
        u_exact = model.u[f][0]
        out[hit, f] = np.log2(u_exact / np.maximum(freq[pairs.left[hit]], FLOOR))
    return out


def refine(
    model: Model,
    levels: LevelMatrix,
    accepted: npt.NDArray[np.bool_],
    *,
    strength: float = 50.0,
) -> Model:
    """Supervised refinement from a worker's decisions on some pairs.

    ``levels`` are those pairs' level rows and ``accepted`` their verdicts. ``m`` is
    re-estimated from the accepted pairs, each counting as one observation against
    ``strength`` pseudo-observations of the unsupervised estimate, so a handful of
    decisions nudges the weights and many decisions take over. ``u`` stays as counted
    on random pairs (rejected pairs are near misses, not random non-matches).
    """
    sizes = [len(c.level_names) for c in model.comparisons]
    m = []
    for f, size in enumerate(sizes):
        column = levels[accepted, f]
        counts = np.bincount(column[column >= 0], minlength=size).astype(np.float64)
        blended = (strength * model.m[f] + counts) / (strength + counts.sum())
        m.append(np.maximum(blended, FLOOR))
    return replace(model, m=tuple(m))
