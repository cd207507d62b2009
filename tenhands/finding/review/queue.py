"""A case's review queue."""

from __future__ import annotations

from tenhands.graph.model import Candidate, ReviewStatus
from tenhands.graph.store import GraphStore

from .decisions import filter_new, sorted_best_first


def review_queue(store: GraphStore, case_id: str) -> list[Candidate]:
    """The case's pending candidates, best score first (ties by id), leaving out any
    that repeat a rejected proposal."""
    pending = store.list_candidates(case_id, status=ReviewStatus.pending)
    return sorted_best_first(filter_new(store, case_id, pending))
