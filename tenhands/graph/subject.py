"""One person as a data subject (GDPR): everything held about them, and what erasing
them must take along.

:func:`export_person` gathers what a store holds about one person, for the person to
see (the right of access). The other functions are shared by both stores'
``erase_person``, so that they take the same things out in the same way.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from .errors import InvalidInput, NotFound
from .model import (
    AuditAction,
    AuditEvent,
    Candidate,
    CandidateKind,
    Erasure,
    Meeting,
    NetworkRole,
    Plan,
    Record,
    ReviewStatus,
    TaskOwner,
    utcnow,
)
from .store import GraphStore

EXPORT_FORMAT = "tenhands-subject-export/1"
"""The ``format`` of an export; changes when its shape changes."""

_AUDIT_PAGE = 1_000


def export_person(store: GraphStore, person_id: str) -> dict[str, Any]:
    """Everything the store holds about one person, as JSON-ready values.

    The person; their ties and network roles; the cases they are in; the candidates
    naming them and the outside records those candidates are about; the plan tasks
    they do or check and their safety scale scores (each with its case, plan and
    version); the meetings they attended; the audit events about them.
    :class:`NotFound` for an unknown person.
    """
    person = store.get_person(person_id)
    cases = store.cases_of(person_id)
    candidates = store.candidates_of_person(person_id)
    tasks: list[dict[str, Any]] = []
    scores: list[dict[str, Any]] = []
    meetings = [
        m.model_dump(mode="json")
        for case_id in cases
        for m in store.list_meetings(case_id)
        if person_id in m.attended
    ]
    for case_id in cases:
        for plan in store.list_plans(case_id):
            where = {"case_id": plan.case_id, "plan_id": plan.id, "version": plan.version}
            tasks += [
                {**where, "task": task.model_dump(mode="json")}
                for task in plan.tasks
                if person_id in task.who or person_id in task.checked_by
            ]
            scores += [
                {**where, "score": score.model_dump(mode="json")}
                for score in plan.safety_scale
                if score.person_id == person_id
            ]
    return {
        "format": EXPORT_FORMAT,
        "exported_at": utcnow().isoformat(),
        "person": person.model_dump(mode="json"),
        "ties": [t.model_dump(mode="json") for t in store.ties_of(person_id)],
        "roles": [r.model_dump(mode="json") for r in store.roles_of(person_id)],
        "cases": cases,
        "candidates": [c.model_dump(mode="json") for c in candidates],
        "records": [r.model_dump(mode="json") for r in _records(store, candidates)],
        "plan_tasks": tasks,
        "scale_scores": scores,
        "meetings": meetings,
        "audit": [e.model_dump(mode="json") for e in _audit_about(store, person_id)],
    }


def _records(store: GraphStore, candidates: Iterable[Candidate]) -> list[Record]:
    """The outside records the candidates are about, once each; missing ones left out."""
    found: list[Record] = []
    for record_id in dict.fromkeys(c.record_id for c in candidates if c.record_id):
        try:
            found.append(store.get_record(record_id))
        except NotFound:
            continue
    return found


def _audit_about(store: GraphStore, person_id: str) -> list[AuditEvent]:
    """Every audit event about the person, newest first, read page by page."""
    events: list[AuditEvent] = []
    while True:
        page = store.list_audit(entity_id=person_id, limit=_AUDIT_PAGE, offset=len(events))
        events += page
        if len(page) < _AUDIT_PAGE:
            return events


# -- erasure, shared by the stores ---------------------------------------------------


def quoted(ident: str) -> str:
    """An id as it appears as a value in stored JSON, for a first, coarse text search.

    >>> quoted("p-1")
    '"p-1"'
    """
    return json.dumps(ident)


def names_person(candidate: Candidate, person_id: str) -> bool:
    """Whether a candidate is about the person (as ``person_id`` or ``other_person_id``)."""
    return person_id in (candidate.person_id, candidate.other_person_id)


def accepted_records(candidates: Iterable[Candidate]) -> list[str]:
    """Ids of the outside records a worker accepted as the person (accepted ``match``
    candidates), once each, ordered."""
    return sorted(
        {
            c.record_id
            for c in candidates
            if c.kind is CandidateKind.match
            and c.status is ReviewStatus.accepted
            and c.record_id is not None
        }
    )


def images_hold(
    images: Iterable[Mapping[str, Any]],
    person_id: str,
    *,
    ties: Collection[str] = (),
    records: Collection[str] = (),
) -> bool:
    """Whether a change set's references and snapshots (as stored JSON) hold something
    erased: the person or their role, a tie they are on (or one of ``ties``), or one of
    ``records``."""
    for image in images:
        kind, ident = image.get("kind"), image.get("id")
        if kind in ("person", "role") and ident == person_id:
            return True
        if kind == "record" and ident in records:
            return True
        if kind == "tie":
            data = image.get("data") or {}
            if ident in ties or person_id in (data.get("source_id"), data.get("target_id")):
                return True
    return False


def without_person(plan: Plan, person_id: str) -> Plan | None:
    """The plan version with the person taken out of its tasks (``who``, ``checked_by``)
    and its safety scale, or None if it does not name them. A task left with nobody to
    do it goes (unless it is professional help with the service named), and so does the
    person's scale score; nothing else changes."""
    tasks = []
    for task in plan.tasks:
        who = [i for i in task.who if i != person_id]
        if not who and not (task.owner is TaskOwner.professional and task.service):
            continue
        checked_by = [i for i in task.checked_by if i != person_id]
        if who != task.who or checked_by != task.checked_by:
            task = task.model_copy(update={"who": who, "checked_by": checked_by})
        tasks.append(task)
    scale = [s for s in plan.safety_scale if s.person_id != person_id]
    if tasks == plan.tasks and scale == plan.safety_scale:
        return None
    return plan.model_copy(update={"tasks": tasks, "safety_scale": scale})


def meeting_without_person(meeting: Meeting, person_id: str) -> Meeting | None:
    """The meeting with the person taken out of who attended, or None if they were not
    there."""
    if person_id not in meeting.attended:
        return None
    return meeting.model_copy(update={"attended": [i for i in meeting.attended if i != person_id]})


def role_without_namer(role: NetworkRole, person_id: str) -> NetworkRole | None:
    """The role without the person as the one who named its member, or None if the
    person did not name them."""
    if role.named_by != person_id:
        return None
    return role.model_copy(update={"named_by": None})


def check_actor(actor: str) -> None:
    """:class:`InvalidInput` unless ``actor`` can be written in the audit log."""
    try:
        AuditEvent(actor=actor, action=AuditAction.erase, entity="person")
    except ValidationError as exc:
        raise InvalidInput("the one who erases must be named in at most 500 characters") from exc


def erasure_event(erasure: Erasure) -> AuditEvent:
    """The audit event of an erasure: who erased which person id, and how much went,
    with no personal values."""
    return AuditEvent(
        at=erasure.erased_at,
        actor=erasure.erased_by,
        action=AuditAction.erase,
        entity="person",
        entity_id=erasure.person_id,
        detail=(
            f"erased with {erasure.ties} ties, {erasure.roles} network roles, "
            f"{erasure.candidates} candidates, {erasure.change_sets} change sets, "
            f"{erasure.records} outside records; taken out of {erasure.plans} plan versions"
        ),
    )
