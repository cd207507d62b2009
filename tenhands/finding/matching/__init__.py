"""Record linkage: is this outside record a person we already know?

Unsupervised Fellegi–Sunter matching, splink-style, in numpy and rapidfuzz:

>>> from tenhands.finding.matching import link
>>> left = [{"id": "l1", "given_names": "Maria", "surname": "Peeters", "birth_date": "1958"}]
>>> right = [{"id": "r1", "given_names": "Marie", "surname": "Peeters", "birth_date": "1958"}]
>>> links = link(left, right)
>>> [e.field for e in links.explain(0)][:3]
['prior', 'given_names', 'surname']

* :func:`prepare` turns rows (column → text) into normalised arrays;
* :func:`block` finds candidate pairs with several passes of exact keys;
* :func:`compare` puts each pair at a level per field (null → exact → equivalent →
  fuzzy → else);
* :func:`train` learns the weights by EM, with ``u`` from random pairs, treating the
  fields relatives share as one piece of evidence (:func:`family_cap`, see
  :mod:`.em`); :func:`refine` adjusts them with a worker's accept/reject decisions;
* :mod:`.guards` keeps apart, whatever the score, pairs that are two persons: twins
  (same day, another given name or sex), a senior and a junior, a generation apart,
  and, where the data holds families, pairs on which only the household agrees;
* :func:`link` and :func:`dedupe` do it all and return :class:`Links` — probabilities,
  match weights and per-field explanations (:meth:`Links.explain`), ending with the
  reason when a pair was kept apart.
"""

from __future__ import annotations

from .blocking import DEFAULT_PASSES, Pairs, Pass, block, quality
from .comparisons import (
    DEFAULT_COMPARISONS,
    Comparison,
    DateComparison,
    ExactComparison,
    StringComparison,
    compare,
)
from .em import (
    Model,
    Session,
    cap_family,
    estimate_u,
    family_cap,
    probability,
    refine,
    sessions_for,
    train,
)
from .explain import explain_pair
from .linker import Links, apply_model, clusters, dedupe, link, score
from .prepare import Prepared, prepare

__all__ = [
    "DEFAULT_COMPARISONS",
    "DEFAULT_PASSES",
    "Comparison",
    "DateComparison",
    "ExactComparison",
    "Links",
    "Model",
    "Pairs",
    "Pass",
    "Prepared",
    "Session",
    "StringComparison",
    "apply_model",
    "block",
    "cap_family",
    "clusters",
    "compare",
    "dedupe",
    "estimate_u",
    "explain_pair",
    "family_cap",
    "link",
    "prepare",
    "probability",
    "quality",
    "refine",
    "score",
    "sessions_for",
    "train",
]
