"""Shared steps of a decision (loading, audit) and rejection that sticks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tenhands.graph.errors import Conflict, InvalidInput
from tenhands.graph.model import (
    AuditAction,
    AuditEvent,
    Candidate,
    CandidateKind,
    ChangeSet,
    ReviewStatus,
)
from tenhands.graph.model.common import utcnow
from tenhands.graph.store import GraphStore

from .relations import parse_relation

PairKey = tuple[str, str, str, str]


def audit(
    store: GraphStore,
    *,
    actor: str,
    action: AuditAction,
    entity: str,
    entity_id: str | None,
    case_id: str | None,
    detail: str,
) -> None:
    """Append one audit event. ``detail`` carries ids and kinds only, never values."""
    store.append_audit(
        AuditEvent(
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            detail=detail,
        )
    )


def check_reviewer(reviewer: str) -> str:
    name = reviewer.strip()
    if not name:
        raise InvalidInput("a decision needs the reviewer's name")
    return name


def load_pending(store: GraphStore, candidate_id: str) -> Candidate:
    """The candidate, which must still await a decision (:class:`NotFound`, :class:`Conflict`)."""
    candidate = store.get_candidate(candidate_id)
    if candidate.status is not ReviewStatus.pending:
        raise Conflict(f"candidate {candidate_id!r} is already {candidate.status.value}")
    return candidate


def held_pending(store: GraphStore, candidate_id: str) -> Candidate:
    """Inside a decision's unit of work: hold the candidate (a decision on it at the same
    moment waits for this one to end) and return it, still awaiting a decision
    (:class:`NotFound`, :class:`Conflict`)."""
    store.hold("candidate", candidate_id)
    return load_pending(store, candidate_id)


def pair_key(candidate: Candidate) -> PairKey:
    """What a proposal is about: its kind, its subjects, and for kin the relation."""
    if candidate.kind is CandidateKind.duplicate:
        a, b = sorted((candidate.person_id or "", candidate.other_person_id or ""))
        return (candidate.kind.value, a, b, "")
    subject = f"r:{candidate.record_id}" if candidate.record_id else f"p:{candidate.person_id}"
    if candidate.kind is CandidateKind.match:
        return (candidate.kind.value, subject, candidate.person_id or "", "")
    word, to = parse_relation(candidate.relation, candidate.relation_to)
    return (candidate.kind.value, subject, word or "", to or "")


def rejected_keys(store: GraphStore, case_id: str) -> set[PairKey]:
    return {pair_key(c) for c in store.list_candidates(case_id, status=ReviewStatus.rejected)}


def was_rejected(store: GraphStore, case_id: str, candidate: Candidate) -> bool:
    """Whether a worker rejected this proposal (same kind, subjects and relation) in the case."""
    return pair_key(candidate) in rejected_keys(store, case_id)


def save_decision(
    store: GraphStore,
    candidate: Candidate,
    *,
    reviewer: str,
    status: ReviewStatus,
    detail: str,
    reason: str | None = None,
    change_set: ChangeSet | None = None,
) -> Candidate:
    """Store a candidate's new review status (pending clears reviewer, time and reason),
    the audit event that says so (without personal values) and the change set of what
    the decision did, in one transaction. Back to pending, the change set goes."""
    decided_now = status is not ReviewStatus.pending
    decided = Candidate.model_validate(
        {
            **candidate.model_dump(),
            "status": status,
            "reviewed_by": reviewer if decided_now else None,
            "reviewed_at": utcnow() if decided_now else None,
            "reason": reason,
            "provenance": candidate.provenance.touched(reviewer).model_dump(),
        }
    )
    event = AuditEvent(
        actor=reviewer,
        action=AuditAction.update,
        entity="candidate",
        entity_id=candidate.id,
        case_id=candidate.case_id,
        detail=detail,
    )
    return store.record_decision(decided, event, change_set=change_set)


def filter_new(store: GraphStore, case_id: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """The proposals that match no rejected one of the case, in the order given."""
    keys = rejected_keys(store, case_id)
    return [c for c in candidates if pair_key(c) not in keys]


def reject(store: GraphStore, candidate_id: str, *, reviewer: str, reason: str) -> Candidate:
    """Mark a pending candidate rejected, with the reviewer, the time and the reason, in
    one unit of work that holds the candidate (:class:`Conflict` once it is decided)."""
    reviewer = check_reviewer(reviewer)
    if not reason.strip():
        raise InvalidInput("a rejection needs a reason")

    def work(unit: GraphStore) -> Candidate:
        candidate = held_pending(unit, candidate_id)
        return save_decision(
            unit,
            candidate,
            reviewer=reviewer,
            status=ReviewStatus.rejected,
            reason=reason.strip(),
            detail=f"rejected {candidate.kind.value} candidate",
        )

    return store.atomic(work)


def sorted_best_first(candidates: Sequence[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (-c.score, c.id))
