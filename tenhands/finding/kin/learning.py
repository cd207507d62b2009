"""Learning from the worker's decisions: how much each kin rule's prior should move.

Every kin finding comes from one rule (``named_parent``, ``household``, ...; see
:mod:`.rules`) and carries the search's probability that it is right::

    score = 1 / (1 + 2 ** -L),    L = prior(rule) + sum of the evidence weights, in bits

The prior is the rule's base rate, estimated from the corpus (how many records name a
parent, how many share an address); it is a guess. The rule's track record on bench
populations (:mod:`.track`) maps the score to what such proposals turned out to be,
and its line is one of the evidence weights. The workers' accept/reject decisions say
how good the shown score was for them, and :func:`learn` turns them into a correction
per rule, in bits, that the search adds to the shown score whole.

For one rule, take its decided candidates: ``n`` of them, ``a`` accepted by a worker.

1. **What the search predicted.** Were the search calibrated, the expected number of
   acceptances would be the sum of the candidates' probabilities, so the predicted
   acceptance rate is their mean, ``q = sum(score) / n``.
2. **What the workers decided**, weighed against how much there is of it. A handful of
   decisions must only nudge, many must take over. So the accepted share gets a Beta
   prior centred on the prediction, worth ``strength`` pseudo-decisions
   (``Beta(strength * q, strength * (1 - q))``); its posterior mean is::

       rate = (strength * q + a) / (strength + n)

   With ``n = strength`` decisions the rate is halfway between prediction and decisions;
   with many more it is nearly the decided share; with none it is the prediction.
3. **The correction** is the step in log-odds from prediction to posterior::

       bits = logit2(rate) - logit2(q),   logit2(p) = log2(p / (1 - p))

   Adding ``bits`` to the rule's prior adds it to every candidate's ``L``, so it moves
   the rule's odds by a factor ``2 ** bits``: exactly from ``q`` to ``rate`` when the
   candidates' scores are alike, to first order when they are spread. Rules the search
   trusts too much get negative bits, rules it undervalues positive ones.

Safeguards:

- a rule with fewer than ``min_decisions`` decisions gets 0 bits (too few to learn from);
- the correction is clipped to ±6 bits (odds times or divided by 64): the decisions are
  not a random sample (only findings above the search's floor are shown, and a worker may
  decide the clear ones first), so they adjust the evidence and never overrule it;
- only the workers' decisions count: status accepted or rejected. Pending findings and
  undone decisions (back to pending) do not;
- learning measures the search *without* an earlier correction: the bits a search adds
  from a :class:`Calibration` are expected as their own evidence line
  (``Evidence(field=CALIBRATION, right=rule, weight=bits)``) and are taken off a
  candidate's score before it is counted. So the result is always the whole correction,
  never one on top of the last, and learning again from the same decisions gives the
  same numbers.

A candidate's rule is read from its explanation: the first ``prior`` line names it
(``right``); relatives found through the family graph have a ``family_graph`` line and
no prior. Candidates with neither (duplicates and record matches from the matching
module) are not counted. Cases are read page by page, and of each case only its decided
candidates: no records or persons are loaded.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ...graph.errors import NotFound
from ...graph.model import Candidate, ReviewStatus
from ...graph.store import GraphStore

CALIBRATION = "calibration"
"""Explanation field of the bits a search added to a rule's prior from a calibration."""

FAMILY_GRAPH = "family_graph"
"""The rule (and explanation field) of relatives found through ties in other cases."""

CLIP = 6.0
"""No rule's correction goes beyond this many bits either way."""

_EDGE = 1e-6
"""Probabilities are kept this far from 0 and 1, where log-odds are infinite."""

_PAGE = 200
"""Cases read per page."""

_DECIDED = (ReviewStatus.accepted, ReviewStatus.rejected)


def logit2(p: float) -> float:
    """Log-odds in bits of a probability (kept off 0 and 1)."""
    p = min(max(p, _EDGE), 1.0 - _EDGE)
    return math.log2(p / (1.0 - p))


def _sigmoid2(bits: float) -> float:
    return 1.0 / (1.0 + math.pow(2.0, -max(min(bits, 60.0), -60.0)))


@dataclass(frozen=True)
class Calibration:
    """Per kin rule, the bits to add to its prior, learned from the workers' decisions."""

    adjustments: Mapping[str, float]
    """Rule name -> bits added to that rule's prior (only rules with enough decisions)."""
    decisions: Mapping[str, tuple[int, int]]
    """Rule name -> (accepted, rejected) decisions counted, for every rule seen."""
    predicted: Mapping[str, float] = field(default_factory=dict)
    """Rule name -> the acceptance rate the search predicted (mean score)."""
    min_decisions: int = 10
    """Decisions a rule needs before it is adjusted."""

    @classmethod
    def empty(cls) -> Calibration:
        """No decisions, no corrections."""
        return cls(adjustments={}, decisions={})

    def bits(self, rule: str) -> float:
        """Bits to add to ``rule``'s prior; 0.0 for a rule without enough decisions."""
        return float(self.adjustments.get(rule, 0.0))

    def describe(self) -> list[str]:
        """One plain line per rule, e.g. ``named_parent: 14 accepted, 6 rejected → +0.8
        bits (the search expected 45% accepted, workers accepted 70%)``."""
        lines = []
        for rule in sorted(self.decisions):
            accepted, rejected = self.decisions[rule]
            head = f"{rule}: {accepted} accepted, {rejected} rejected"
            if rule not in self.adjustments:
                need = self.min_decisions - accepted - rejected
                lines.append(f"{head} → no change yet ({need} more decisions needed)")
                continue
            share = accepted / max(accepted + rejected, 1)
            tail = ""
            if rule in self.predicted:
                tail = (
                    f" (the search expected {self.predicted[rule]:.0%} accepted, "
                    f"workers accepted {share:.0%})"
                )
            lines.append(f"{head} → {self.bits(rule):+.1f} bits{tail}")
        return lines


def rule_of(candidate: Candidate) -> str | None:
    """The rule that proposed a kin search finding, or None for other candidates."""
    for evidence in candidate.explanation:
        if evidence.field == "prior":
            return evidence.right or None
        if evidence.field == FAMILY_GRAPH:
            return FAMILY_GRAPH
    return None


def uncalibrated(candidate: Candidate) -> float:
    """The candidate's score without the bits an earlier calibration added."""
    added = sum(e.weight for e in candidate.explanation if e.field == CALIBRATION)
    if not added:
        return candidate.score
    return _sigmoid2(logit2(candidate.score) - added)


def decided_candidates(store: GraphStore, *, page: int = _PAGE) -> Iterator[Candidate]:
    """Every accepted or rejected candidate of every case, a page of cases at a time."""
    offset = 0
    while True:
        cases = store.list_cases(limit=page, offset=offset)
        for case in cases:
            for status in _DECIDED:
                try:
                    yield from store.list_candidates(case.id, status=status)
                except NotFound:  # the case was deleted while we read
                    break
        if len(cases) < page:
            return
        offset += page


def adjustment(accepted: int, rejected: int, predicted: float, strength: float) -> float:
    """Bits that move a rule from its predicted acceptance rate to the posterior rate
    (Beta prior worth ``strength`` decisions centred on the prediction), clipped."""
    q = min(max(predicted, _EDGE), 1.0 - _EDGE)
    rate = (strength * q + accepted) / (strength + accepted + rejected)
    return max(-CLIP, min(CLIP, logit2(rate) - logit2(q)))


def learn(store: GraphStore, *, min_decisions: int = 10, strength: float = 20.0) -> Calibration:
    """Per kin rule, the correction to its prior that the workers' decisions call for.

    ``min_decisions``: a rule with fewer decisions keeps its prior (0 bits);
    ``strength``: how many decisions the search's own prediction is worth.
    """
    if strength <= 0:
        raise ValueError("strength must be positive")
    if min_decisions < 1:
        raise ValueError("min_decisions must be at least 1")
    accepted: dict[str, int] = defaultdict(int)
    rejected: dict[str, int] = defaultdict(int)
    expected: dict[str, float] = defaultdict(float)
    for candidate in decided_candidates(store):
        rule = rule_of(candidate)
        if rule is None:
            continue
        if candidate.status is ReviewStatus.accepted:
            accepted[rule] += 1
        elif candidate.status is ReviewStatus.rejected:
            rejected[rule] += 1
        else:
            continue
        expected[rule] += uncalibrated(candidate)
    decisions: dict[str, tuple[int, int]] = {}
    predicted: dict[str, float] = {}
    adjustments: dict[str, float] = {}
    for rule in sorted(set(accepted) | set(rejected)):
        a, r = accepted[rule], rejected[rule]
        decisions[rule] = (a, r)
        predicted[rule] = expected[rule] / (a + r)
        if a + r >= min_decisions:
            adjustments[rule] = adjustment(a, r, predicted[rule], strength)
    return Calibration(
        adjustments=adjustments,
        decisions=decisions,
        predicted=predicted,
        min_decisions=min_decisions,
    )
