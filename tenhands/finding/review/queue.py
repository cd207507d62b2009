"""A case's review queue, and the candidates decided lately."""

from __future__ import annotations

from tenhands.graph.model import Candidate, ReviewStatus
from tenhands.graph.store import GraphStore

from .decisions import filter_new, sorted_best_first


def review_queue(store: GraphStore, case_id: str) -> list[Candidate]:
    """The case's pending candidates, best score first (ties by id), leaving out any
    that repeat a rejected proposal."""
    pending = store.list_candidates(case_id, status=ReviewStatus.pending)
    return sorted_best_first(filter_new(store, case_id, pending))


def decided_lately(store: GraphStore, case_id: str, limit: int) -> list[Candidate]:
    """The case's accepted and rejected candidates, the latest decision first, at most
    ``limit`` of them."""
    decided = store.list_candidates(case_id, status=ReviewStatus.accepted)
    decided += store.list_candidates(case_id, status=ReviewStatus.rejected)
    decided.sort(key=lambda c: (c.reviewed_at is not None, c.reviewed_at), reverse=True)
    return decided[:limit]
