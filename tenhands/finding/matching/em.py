"""Fellegi–Sunter match weights learned without labels.

* ``u`` (how often two *different* people agree at each level) is counted on random
  pairs of records;
* ``m`` (how often the *same* person agrees at each level) and the number of true
  matches are estimated by expectation–maximisation on the candidate pairs;
* a shared value that is rare says more than a common one: at the exact level, the
  average ``u`` is replaced by the value's own frequency (term-frequency adjustment);
* the match weight is ``log2`` of the odds, so the probability is calibrated to the
  prior odds that two random records are the same person.

Relatives are not independent evidence
--------------------------------------
Fellegi–Sunter adds one weight per field, as if fields agreed independently among
different people. Family records break that: a sibling, parent or child shares the
surname, the parents' names, the street, house number, postcode, city and often the
birth place, *together*. Summed independently, those fields give 40–60 bits and
outweigh a different birth date and a different given name, so siblings scored as
the same person. Two things follow, and the code does both:

1. **Scoring: the family-shared fields count as one piece of evidence.** Comparisons
   marked ``family`` (surname, birth place, street, house number, postcode, city,
   mother's and father's name) may add, together, at most :attr:`Model.family_cap`
   bits (:func:`cap_family` scales down their positive weights; negative ones stay).
   The bound is the likelihood ratio of "these records belong to one family": among
   pairs of different people, the share that agree on a household or parents key is
   at least the share of relatives, so the family fields cannot make a pair more
   likely than ``1 / share`` times (:func:`family_cap` counts that share exactly over
   all pairs, with :data:`FAMILY_KEYS`). What tells two relatives apart (given names,
   birth date, sex) is then decisive, as it should be. The same bound applies inside
   EM. This is Splink's advice for correlated columns (do not let them add
   independently) made automatic for the family group.
2. **Training: EM is not allowed to learn "family" as "match".** On candidate pairs
   full of relatives, unconstrained EM finds the larger structure (same family or
   not) and learns that a different birth date is common among matches. Training
   therefore follows Splink's sessions: ``u`` is fixed from random pairs, and ``m`` is
   learned on pairs blocked on one key (the full birth date; the surname and first
   name) for the comparisons *not* in that key, then averaged (:data:`TRAINING_SESSIONS`).
   The number of matches is then settled under the full, capped model. As a last
   guard, comparisons may bound ``m`` for levels that are clearly diagnostic: a
   person's two records have two full birth dates that disagree beyond a typo at most
   0.5 % of the time (``DateComparison.m_bounds``). Without sessions (small tables),
   EM runs on the personal comparisons alone with ``u`` fixed, and the family ``m`` is
   counted from its result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from .blocking import Pairs, Pass, _codes, _keys
from .comparisons import Comparison, compare
from .prepare import Prepared

Floats = npt.NDArray[np.float64]
LevelMatrix = npt.NDArray[np.int8]

FLOOR = 1e-6
"""No level is ever impossible: probabilities are kept at least this large."""

MIN_PERSONAL = 2
"""Personal comparisons needed to train on them alone (see :func:`train`)."""


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
    family_cap: float = float("inf")
    """At most this many bits of evidence from the family-shared comparisons together
    (see :func:`family_cap`)."""
    families: bool = True
    """Whether the data it was trained on holds families (see
    :func:`tenhands.finding.matching.guards.families_present`): the family guards apply."""

    @property
    def family(self) -> npt.NDArray[np.bool_]:
        """Which comparisons are family-shared fields."""
        return np.array([c.family for c in self.comparisons], dtype=np.bool_)

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
        return cap_family(out, self.family, self.family_cap)

    def match_weight(self, contributions: Floats) -> Floats:
        total: Floats = contributions.sum(axis=1) + self.prior_weight
        return total


def cap_family(contributions: Floats, family: npt.NDArray[np.bool_], cap: float) -> Floats:
    """Scale down the positive weights of the family-shared comparisons of each pair so
    that, with their negative weights, they add at most ``cap``; other weights stay.
    Works in place and returns the array.

    >>> rows = np.array([[4.0, 6.0, -1.0, 2.0], [1.0, 2.0, 0.0, -3.0]])
    >>> cap_family(rows, np.array([True, True, True, False]), 6.0).round(6).tolist()
    [[2.8, 4.2, -1.0, 2.0], [1.0, 2.0, 0.0, -3.0]]
    """
    if not np.isfinite(cap) or not family.any() or len(contributions) == 0:
        return contributions
    part = contributions[:, family]
    positive = np.where(part > 0, part, 0.0)
    gain = positive.sum(axis=1)
    loss = np.where(part < 0, part, 0.0).sum(axis=1)
    over = gain + loss > cap
    if over.any():
        scale = (cap - loss[over]) / gain[over]
        part[over] = np.where(part[over] > 0, part[over] * scale[:, None], part[over])
        contributions[:, family] = part
    return contributions


FAMILY_KEYS: tuple[Pass, ...] = (
    ("street", "house_number", "postcode"),
    ("mother_key", "father_key"),
)
"""Keys two records of one household or one set of parents share: siblings, parents
and children agree on them without being the same person."""


def family_cap(left: Prepared, right: Prepared | None) -> float:
    """The most evidence, in bits, that family-shared fields can give together:
    ``-log2`` of the share of all pairs that agree on a :data:`FAMILY_KEYS` key.

    Relatives agree on surname, address and parents' names as well as two records of
    one person do, so among pairs of different people the chance of agreeing on all
    of them is at least the chance of being relatives, about this share; the
    likelihood ratio of the family fields together cannot exceed its inverse, however
    many of them agree. Infinite (no cap) when no key can be formed.

    >>> from .prepare import prepare
    >>> rows = [{"id": str(i), "street": "Kerkstraat", "house_number": str(i // 2),
    ...          "postcode": "9000"} for i in range(8)]
    >>> family_cap(prepare(rows), None)  # 4 households of 2: 4 pairs of 28
    2.807354922057604
    """
    other = left if right is None else right
    total = len(left) * (len(left) - 1) // 2 if right is None else len(left) * len(other)
    if total == 0:
        return float("inf")
    best = 0
    formed = False
    for key in FAMILY_KEYS:
        if not all(c in left.columns and c in other.columns for c in key):
            continue
        lcodes, rcodes = _codes(_keys(left, key), [] if right is None else _keys(other, key))
        lcounts = np.bincount(lcodes[lcodes >= 0]) if (lcodes >= 0).any() else np.zeros(0)
        if right is None:
            agree = int((lcounts * (lcounts - 1) // 2).sum())
        else:
            rcounts = np.bincount(rcodes[rcodes >= 0], minlength=len(lcounts))
            size = min(len(lcounts), len(rcounts))
            agree = int((lcounts[:size] * rcounts[:size]).sum())
        formed = formed or bool((lcodes >= 0).any())
        best = max(best, agree)
    if not formed:
        return float("inf")
    return float(-np.log2(max(best, 1) / total))


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


def _bounded(m: list[Floats], bounds: Sequence[tuple[tuple[int, float], ...]]) -> list[Floats]:
    """``m`` with each bounded level at most its bound, the other levels rescaled."""
    out = []
    for values, limits in zip(m, bounds, strict=True):
        for level, limit in limits:
            if values[level] > limit:
                rest = values.sum() - values[level]
                values = values * ((1.0 - limit) / rest) if rest > 0 else values
                values[level] = limit
        out.append(values)
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


@dataclass(frozen=True)
class _Fit:
    m: list[Floats]
    posterior: Floats
    share: float
    iterations: int
    converged: bool


def _em(
    levels: LevelMatrix,
    sizes: Sequence[int],
    u_start: Sequence[Floats],
    family: npt.NDArray[np.bool_],
    bounds: Sequence[tuple[tuple[int, float], ...]],
    cap: float,
    max_iterations: int,
    tolerance: float,
    *,
    fix_u: bool = False,
) -> _Fit:
    """Two-class EM on a level matrix; ``cap`` (natural log) bounds the family columns.
    With ``fix_u``, ``u`` stays as given (counted on random pairs)."""
    m = [np.maximum(np.linspace(1.0, 0.05, size) ** 3, FLOOR) for size in sizes]
    m = [v / v.sum() for v in m]
    u = [np.asarray(v, dtype=np.float64).copy() for v in u_start]
    share = 0.1
    converged = False
    iteration = 0
    p = np.zeros(len(levels))
    for iteration in range(1, max_iterations + 1):  # noqa: B007
        fields = np.zeros(levels.shape, dtype=np.float64)
        for f in range(len(sizes)):
            column = levels[:, f]
            present = column >= 0
            fields[present, f] = np.log(m[f] / u[f])[column[present]]
        log_ratio = np.log(share / (1.0 - share)) + cap_family(fields, family, cap).sum(axis=1)
        p = 1.0 / (1.0 + np.exp(-np.clip(log_ratio, -60, 60)))
        new_m = _bounded(_frequencies(levels, sizes, p), bounds)
        new_u = _frequencies(levels, sizes, 1.0 - p)
        new_share = float(np.clip(p.mean(), FLOOR, 1 - FLOOR)) if len(p) else FLOOR
        change = max(
            [abs(new_share - share)]
            + [float(np.abs(a - b).max()) for a, b in zip(new_m, m, strict=True)]
        )
        m, share = new_m, new_share
        u = u if fix_u else new_u
        if change < tolerance:
            converged = True
            break
    return _Fit(m, p, share, iteration, converged)


def _settle(
    levels: LevelMatrix,
    m: list[Floats],
    u: Sequence[Floats],
    family: npt.NDArray[np.bool_],
    reestimate: npt.NDArray[np.bool_],
    bounds: Sequence[tuple[tuple[int, float], ...]],
    cap: float,
    matches: float,
    total_pairs: int,
    max_iterations: int,
    tolerance: float,
) -> float:
    """With ``u`` from random pairs and the other ``m`` fixed, re-estimate the ``m`` of the
    ``reestimate`` comparisons (in place) and the number of matches under the full,
    capped model; returns the expected number of matches."""
    sizes = [len(v) for v in m]
    logs = [np.log(mv / uv) for mv, uv in zip(m, u, strict=True)]
    for _ in range(max_iterations):
        prior = min(max(matches / max(total_pairs, 1), FLOOR * FLOOR), 0.5)
        fields = np.zeros(levels.shape, dtype=np.float64)
        for f in range(len(sizes)):
            column = levels[:, f]
            present = column >= 0
            fields[present, f] = logs[f][column[present]]
        log_ratio = np.log(prior / (1.0 - prior)) + cap_family(fields, family, cap).sum(axis=1)
        p = 1.0 / (1.0 + np.exp(-np.clip(log_ratio, -60, 60)))
        counted = _bounded(_frequencies(levels, sizes, p), bounds)
        change = 0.0
        for f in np.flatnonzero(reestimate).tolist():
            change = max(change, float(np.abs(counted[f] - m[f]).max()))
            m[f] = counted[f]
            logs[f] = np.log(m[f] / u[f])
        new_matches = float(p.sum())
        change = max(change, abs(new_matches - matches) / max(matches, 1.0))
        matches = new_matches
        if change < tolerance:
            break
    return matches


@dataclass(frozen=True)
class Session:
    """Candidate pairs to train on, and the comparisons whose ``m`` they cannot tell
    (the fields the pairs were chosen for agree on every pair)."""

    rows: npt.NDArray[np.bool_]
    skip: tuple[str, ...]


TRAINING_SESSIONS: tuple[tuple[Pass, tuple[str, ...]], ...] = (
    (("birth_date",), ("birth_date",)),
    (("surname_key", "given_canon"), ("surname", "given_names")),
)
"""Blocking keys of the training sessions and the comparisons each does not estimate."""

MIN_SESSION_PAIRS = 50
"""A session with fewer candidate pairs is not used."""


def sessions_for(
    left: Prepared,
    right: Prepared | None,
    pairs: Pairs,
    plan: Sequence[tuple[Pass, tuple[str, ...]]] = TRAINING_SESSIONS,
) -> list[Session]:
    """The candidate pairs that agree on each session's key."""
    other = left if right is None else right
    out = []
    for key, skip in plan:
        lcodes, rcodes = _codes(_keys(left, key), [] if right is None else _keys(other, key))
        if right is None:
            rcodes = lcodes
        a, b = lcodes[pairs.left], rcodes[pairs.right]
        out.append(Session(rows=(a == b) & (a >= 0), skip=skip))
    return out


def train(
    levels: LevelMatrix,
    comparisons: Sequence[Comparison],
    u_random: Sequence[Floats],
    total_pairs: int,
    *,
    max_iterations: int = 100,
    tolerance: float = 1e-5,
    family_cap: float = float("inf"),
    sessions: Sequence[Session] = (),
) -> Model:
    """EM over the candidate pairs' levels.

    Inside the candidates both ``m`` and the candidates' own ``u`` are re-estimated; the
    model keeps ``m``, the random-pair ``u`` and the expected number of matches spread
    over all ``total_pairs`` possible pairs as its prior.

    When there are family-shared comparisons and at least two personal ones, EM runs
    on the personal comparisons only; the family comparisons' ``m`` is then counted
    once, weighted by the resulting match probabilities (see the module's notes).

    With ``sessions`` of at least :data:`MIN_SESSION_PAIRS` pairs, ``m`` is learned in
    each session instead (``u`` fixed), for the comparisons the session does not skip,
    and averaged over sessions; then the number of matches is settled under the full
    model.
    """
    sizes = [len(c.level_names) for c in comparisons]
    family = np.array([c.family for c in comparisons], dtype=np.bool_)
    bounds = [c.m_bounds for c in comparisons]
    cap = family_cap * np.log(2.0)
    personal = np.flatnonzero(~family).tolist()
    usable = [s for s in sessions if int(s.rows.sum()) >= MIN_SESSION_PAIRS]
    if usable:
        found: list[list[Floats]] = [[] for _ in comparisons]
        fits = []
        for session in usable:
            keep = [f for f, c in enumerate(comparisons) if c.field not in session.skip]
            if not keep:
                continue
            fit = _em(
                levels[session.rows][:, keep],
                [sizes[f] for f in keep],
                [u_random[f] for f in keep],
                family[keep],
                [bounds[f] for f in keep],
                cap,
                max_iterations,
                tolerance,
                fix_u=True,
            )
            fits.append(fit)
            for k, f in enumerate(keep):
                found[f].append(fit.m[k])
        missing = np.array([not e for e in found], dtype=np.bool_)
        m = [
            np.mean(e, axis=0) if e else np.full(size, 1.0 / size)
            for e, size in zip(found, sizes, strict=True)
        ]
        matches = _settle(
            levels,
            m,
            u_random,
            family,
            missing,
            bounds,
            cap,
            0.1 * len(levels),
            total_pairs,
            max_iterations,
            tolerance,
        )
        fit = _Fit(
            m,
            np.zeros(0),
            0.0,
            max((f.iterations for f in fits), default=0),
            all(f.converged for f in fits),
        )
    elif family.any() and len(personal) >= MIN_PERSONAL:
        fit = _em(
            levels[:, personal],
            [sizes[f] for f in personal],
            [u_random[f] for f in personal],
            np.zeros(len(personal), dtype=np.bool_),
            [bounds[f] for f in personal],
            cap,
            max_iterations,
            tolerance,
            fix_u=True,
        )
        m = _bounded(_frequencies(levels, sizes, fit.posterior), bounds)
        for k, f in enumerate(personal):
            m[f] = fit.m[k]
        matches = _settle(
            levels,
            m,
            u_random,
            family,
            family,
            bounds,
            cap,
            fit.share * len(levels),
            total_pairs,
            max_iterations,
            tolerance,
        )
    else:
        fit = _em(levels, sizes, u_random, family, bounds, cap, max_iterations, tolerance)
        m = fit.m
        matches = fit.share * len(levels)
    prior = float(np.clip(matches / max(total_pairs, 1), FLOOR * FLOOR, 0.5))
    return Model(
        comparisons=tuple(comparisons),
        prior=prior,
        m=tuple(not_below_different(m, u_random)),
        u=tuple(np.asarray(v, dtype=np.float64) for v in u_random),
        iterations=fit.iterations,
        converged=fit.converged,
        family_cap=family_cap,
    )


def not_below_different(m: Sequence[Floats], u: Sequence[Floats]) -> list[Floats]:
    """``m`` raised where a level would weigh less than the comparison's last level
    (``different``): a near agreement (a typo, a similar street) never speaks more
    against a match than a disagreement does. EM on few pairs at a level can learn
    such an ``m`` from noise (no match seen there: ``m`` at its floor).

    >>> m = [np.array([0.9, 1e-6, 0.1])]
    >>> u = [np.array([0.01, 0.01, 0.98])]
    >>> [round(float(np.log2(a / b)), 2) for a, b in zip(not_below_different(m, u)[0], u[0])]
    [6.49, -3.29, -3.29]
    """
    out = []
    for mv, uv in zip(m, u, strict=True):
        ratio = mv[-1] / uv[-1]
        out.append(np.maximum(mv, uv * ratio))
    return out


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
