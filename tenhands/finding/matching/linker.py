"""Link two tables or dedupe one: blocking → comparisons → EM → scores → clusters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import networkx as nx
import numpy as np
import numpy.typing as npt

from ...graph.model import Evidence
from .blocking import DEFAULT_PASSES, Pairs, Pass, block
from .comparisons import DEFAULT_COMPARISONS, Comparison, compare
from .em import (
    FAMILY_KEYS,
    Model,
    estimate_u,
    family_cap,
    probability,
    sessions_for,
    term_frequency_adjustments,
    train,
)
from .explain import explain_pair
from .guards import APART, REASONS, families_present, keep_apart, reasons
from .prepare import Prepared, prepare

Rows = Sequence[Mapping[str, str | None]]


@dataclass(frozen=True)
class Links:
    """Every candidate pair, scored. ``right is left`` when deduplicating."""

    left: Prepared
    right: Prepared
    pairs: Pairs
    levels: npt.NDArray[np.int8]
    contributions: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]
    """Match weight (log2 odds) per pair."""
    probabilities: npt.NDArray[np.float64]
    model: Model
    apart: npt.NDArray[np.int8]
    """Per pair, why it is two persons whatever its score (:data:`.guards.REASONS`;
    0: nothing keeps it apart)."""

    def above(self, threshold: float, *, one_to_one: bool = False) -> npt.NDArray[np.int64]:
        """Indexes of the pairs whose probability reaches ``threshold``, best first.

        With ``one_to_one`` (two sources without duplicates of their own), a pair is kept
        only when each record is the other's best candidate.
        """
        keep = self.probabilities >= threshold
        if one_to_one:
            keep &= self._mutual_best()
        hits = np.flatnonzero(keep)
        return hits[np.argsort(-self.probabilities[hits], kind="stable")].astype(np.int64)

    def _mutual_best(self) -> npt.NDArray[np.bool_]:
        weights = self.weights
        best_left = np.full(len(self.left), -np.inf)
        best_right = np.full(len(self.right), -np.inf)
        np.maximum.at(best_left, self.pairs.left, weights)
        np.maximum.at(best_right, self.pairs.right, weights)
        mutual: npt.NDArray[np.bool_] = (weights >= best_left[self.pairs.left]) & (
            weights >= best_right[self.pairs.right]
        )
        return mutual

    def ids(self, k: int) -> tuple[str, str]:
        """The record ids of pair ``k``."""
        return self.left.ids[int(self.pairs.left[k])], self.right.ids[int(self.pairs.right[k])]

    def explain(self, k: int) -> list[Evidence]:
        """Why pair ``k`` scored as it did; the weights sum to ``weights[k]``. A pair
        kept apart ends with the reason (field ``kept_apart``)."""
        evidence = explain_pair(
            self.model,
            self.left,
            self.right,
            int(self.pairs.left[k]),
            int(self.pairs.right[k]),
            self.levels[k],
            self.contributions[k],
        )
        code = int(self.apart[k])
        if code:
            rest = sum(e.weight for e in evidence)
            weight = float(self.weights[k]) - rest
            evidence.append(Evidence(field=APART, level=REASONS[code], weight=weight))
        return evidence


def _active(
    comparisons: Sequence[Comparison], left: Prepared, right: Prepared
) -> tuple[Comparison, ...]:
    """The comparisons with data on both sides."""
    return tuple(
        c
        for c in comparisons
        if any(s in left.columns for s in c.sources) and any(s in right.columns for s in c.sources)
    )


def score(
    left: Prepared,
    right: Prepared | None = None,
    *,
    comparisons: Sequence[Comparison] = DEFAULT_COMPARISONS,
    passes: Sequence[Pass] = DEFAULT_PASSES,
    seed: int = 0,
    guards: bool = True,
) -> Links:
    """Block, compare, train (unsupervised) and score prepared tables. With ``guards``,
    pairs that are two persons whatever their score are kept apart (:mod:`.guards`).

    Where the data holds no families (:func:`.guards.families_present`), the fields
    relatives share are not capped: their agreement is then a person's own."""
    other = left if right is None else right
    active = _active(comparisons, left, other)
    pairs = block(left, right, passes)
    levels = compare(left, other, pairs, active)
    u = estimate_u(left, right, active, seed=seed)
    total = len(left) * (len(left) - 1) // 2 if right is None else len(left) * len(other)
    sessions = sessions_for(left, right, pairs)
    shared = np.zeros(len(pairs), dtype=np.bool_)
    for session in sessions_for(left, right, pairs, [(key, ()) for key in FAMILY_KEYS]):
        shared |= session.rows
    families = families_present(active, levels, shared)
    cap = family_cap(left, right) if families else float("inf")
    model = train(levels, active, u, total, family_cap=cap, sessions=sessions)
    model = replace(model, families=families)
    return _scored(model, left, other, pairs, levels, guards=guards)


def apply_model(
    model: Model,
    left: Prepared,
    right: Prepared | None = None,
    *,
    passes: Sequence[Pass] = DEFAULT_PASSES,
    guards: bool = True,
) -> Links:
    """Block, compare and score prepared tables with a model trained before (on a sample,
    or on other data): no training."""
    other = left if right is None else right
    pairs = block(left, right, passes)
    levels = compare(left, other, pairs, model.comparisons)
    return _scored(model, left, other, pairs, levels, guards=guards)


def _scored(
    model: Model,
    left: Prepared,
    other: Prepared,
    pairs: Pairs,
    levels: npt.NDArray[np.int8],
    *,
    guards: bool,
) -> Links:
    """The pairs' weights and probabilities under ``model``, with term frequencies; with
    ``guards``, the pairs kept apart weigh :data:`.guards.APART_WEIGHT` at most."""
    tf = term_frequency_adjustments(left, other, pairs, levels, model)
    contributions = model.contributions(levels, tf)
    weights = model.match_weight(contributions)
    codes = np.zeros(len(pairs), dtype=np.int8)
    if guards:
        codes = reasons(
            model.comparisons,
            left,
            other,
            pairs,
            levels,
            contributions,
            families=model.families,
        )
        keep_apart(weights, codes)
    return Links(
        left=left,
        right=other,
        pairs=pairs,
        levels=levels,
        contributions=contributions,
        weights=weights,
        probabilities=probability(weights),
        model=model,
        apart=codes,
    )


def link(
    left: Rows,
    right: Rows,
    *,
    comparisons: Sequence[Comparison] = DEFAULT_COMPARISONS,
    passes: Sequence[Pass] = DEFAULT_PASSES,
    seed: int = 0,
) -> Links:
    """Score the candidate pairs between two tables of rows (column → text).

    >>> a = {"id": "a", "given_names": "Jef", "surname": "Peeters", "birth_date": "1958"}
    >>> b = {"id": "b", "given_names": "Jef", "surname": "Peters", "birth_date": "1958"}
    >>> links = link([a], [b])
    >>> links.ids(0)
    ('a', 'b')
    """
    return score(prepare(left), prepare(right), comparisons=comparisons, passes=passes, seed=seed)


def clusters(links: Links, threshold: float) -> list[int]:
    """Cluster number per left row: connected components of pairs at ``threshold``."""
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(range(len(links.left)))
    hits = links.above(threshold)
    graph.add_edges_from(
        zip(links.pairs.left[hits].tolist(), links.pairs.right[hits].tolist(), strict=True)
    )
    labels = [0] * len(links.left)
    components = sorted(nx.connected_components(graph), key=min)
    for number, members in enumerate(components):
        for member in members:
            labels[member] = number
    return labels


def dedupe(
    rows: Rows,
    *,
    threshold: float = 0.5,
    comparisons: Sequence[Comparison] = DEFAULT_COMPARISONS,
    passes: Sequence[Pass] = DEFAULT_PASSES,
    seed: int = 0,
) -> tuple[Links, list[int]]:
    """Score the candidate pairs within one table and cluster them at ``threshold``:
    records joined by a chain of pairs at or above it share a cluster number."""
    links = score(prepare(rows), None, comparisons=comparisons, passes=passes, seed=seed)
    return links, clusters(links, threshold)
