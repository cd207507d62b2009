"""Undoing a decision: the candidate goes back to pending and accept's work is removed."""

from __future__ import annotations

import contextlib
from typing import Any

from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import (
    AuditAction,
    Candidate,
    Engagement,
    NetworkRole,
    Person,
    ReviewStatus,
    Tie,
)
from tenhands.graph.store import GraphStore

from .decisions import audit, check_reviewer, save_decision
from .undo_log import read_log, without_log


def undo(store: GraphStore, candidate_id: str, *, reviewer: str) -> Candidate:
    """Put a decided candidate back to pending (:class:`Conflict` for a pending one).

    For an accepted one, what accept created is removed first: a created person only if
    nothing was attached to or changed on them since (else :class:`Conflict` and nothing
    changes); a match's filled fields are emptied again where they still hold the filled
    value; a merge restores the merged person with their ties and roles.
    """
    reviewer = check_reviewer(reviewer)
    candidate = store.get_candidate(candidate_id)
    if candidate.status is ReviewStatus.pending:
        raise Conflict(f"candidate {candidate_id!r} is pending; there is nothing to undo")
    if candidate.status is ReviewStatus.accepted:
        log = read_log(candidate)
        if log is None:
            raise Conflict(f"candidate {candidate_id!r} was accepted without an undo log")
        _UNDO[str(log["kind"])](store, candidate, log, reviewer)
    reopened = save_decision(
        store,
        candidate,
        reviewer=reviewer,
        status=ReviewStatus.pending,
        explanation=without_log(candidate),
        detail=f"undid {candidate.status.value} {candidate.kind.value} candidate",
    )
    return reopened


def _undo_kin(store: GraphStore, candidate: Candidate, log: dict[str, Any], reviewer: str) -> None:
    person_id, tie_id, case_id = str(log["person"]), log.get("tie"), str(log["role_case"])
    try:
        role = store.get_role(case_id, person_id)
    except NotFound:
        role = None
    if role is not None and (
        role.engagement is not Engagement.identified
        or role.circle is not None
        or role.support
        or role.risk_flags
        or role.last_contact is not None
    ):
        raise Conflict(
            f"the role of {person_id!r} in case {case_id!r} was worked on since the candidate "
            "was accepted; change it back or keep the person"
        )
    if log.get("created_person"):
        person = store.get_person(person_id)
        others = [t.id for t in store.ties_of(person_id) if t.id != tie_id]
        cases = [c for c in store.cases_of(person_id) if c != case_id]
        if others or cases or person.provenance.updated_at is not None:
            raise Conflict(
                f"person {person_id!r} was changed or linked since the candidate was "
                "accepted; remove those ties, roles or changes first, or keep the person"
            )
    if tie_id:
        _delete_tie(store, str(tie_id))
        audit(
            store,
            actor=reviewer,
            action=AuditAction.delete,
            entity="tie",
            entity_id=str(tie_id),
            case_id=case_id,
            detail=f"undo of candidate {candidate.id}",
        )
    with contextlib.suppress(NotFound):
        store.remove_role(case_id, person_id)
    audit(
        store,
        actor=reviewer,
        action=AuditAction.delete,
        entity="role",
        entity_id=person_id,
        case_id=case_id,
        detail=f"undo of candidate {candidate.id}",
    )
    if log.get("created_person"):
        store.delete_person(person_id)
        audit(
            store,
            actor=reviewer,
            action=AuditAction.delete,
            entity="person",
            entity_id=person_id,
            case_id=case_id,
            detail=f"undo of candidate {candidate.id}",
        )


def _delete_tie(store: GraphStore, tie_id: str) -> None:
    with contextlib.suppress(NotFound):
        store.delete_tie(tie_id)


def _undo_match(
    store: GraphStore, candidate: Candidate, log: dict[str, Any], reviewer: str
) -> None:
    person = store.get_person(str(log["person"]))
    current = person.model_dump(mode="json")
    data = person.model_dump()
    emptied = []
    for name, value in dict(log["filled_values"]).items():
        if name in ("phones", "emails"):
            if current["contact"][name] == value:
                data["contact"][name] = []
                emptied.append(name)
        elif current[name] == value:
            data[name] = [] if name in ("given_names", "addresses") else None
            if name == "sex":
                data[name] = "unknown"
            emptied.append(name)
    if person.notes == log.get("notes_after"):
        data["notes"] = log.get("notes_before")
    data["provenance"] = person.provenance.touched(reviewer)
    store.update_person(Person.model_validate(data))
    audit(
        store,
        actor=reviewer,
        action=AuditAction.update,
        entity="person",
        entity_id=person.id,
        case_id=candidate.case_id,
        detail=f"undo of candidate {candidate.id}; emptied "
        + (", ".join(sorted(emptied)) or "nothing"),
    )


def _undo_merge(
    store: GraphStore, candidate: Candidate, log: dict[str, Any], reviewer: str
) -> None:
    kept_before = Person.model_validate(log["kept_before"])
    gone = Person.model_validate(log["gone"])
    ties = [Tie.model_validate(t) for t in log["gone_ties"]]
    roles = [NetworkRole.model_validate(r) for r in log["gone_roles"]]
    kept = store.get_person(kept_before.id)
    if kept.model_dump(mode="json")["provenance"]["updated_at"] != log["kept_after_updated_at"]:
        raise Conflict(f"person {kept.id!r} was changed since the merge; undo those changes first")
    try:
        store.get_person(gone.id)
        raise Conflict(f"a person with id {gone.id!r} exists again; cannot restore the merge")
    except NotFound:
        pass
    needed = {t.other(gone.id) for t in ties} - {kept.id}
    found = {p.id for p in store.get_persons(sorted(needed))}
    if needed - found:
        raise Conflict("a person tied to the merged person was removed since; cannot restore")
    for role in roles:
        store.get_case(role.case_id)

    for tie_id in log["new_ties"]:
        _delete_tie(store, str(tie_id))
    for case_id in log["new_roles"]:
        with contextlib.suppress(NotFound):
            store.remove_role(str(case_id), kept.id)
    restored = kept_before.model_copy(
        update={"provenance": kept_before.provenance.touched(reviewer)}
    )
    store.update_person(restored)
    store.create_person(gone)
    if ties:
        store.upsert_ties(ties)
    if roles:
        store.upsert_roles(roles)
    for action, ident in ((AuditAction.update, kept.id), (AuditAction.create, gone.id)):
        audit(
            store,
            actor=reviewer,
            action=action,
            entity="person",
            entity_id=ident,
            case_id=candidate.case_id,
            detail=f"undo of merge candidate {candidate.id}",
        )


_UNDO = {"kin": _undo_kin, "match": _undo_match, "duplicate": _undo_merge}
