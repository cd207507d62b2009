"""Removing a person, a tie or a network role from a case, and undoing that: the one rule
the API, the web pages and the command line share.

- A tie is removed when both its persons are in the case.
- A network role is removed (the person is taken out of the case's network; the person
  and their ties stay) unless a plan or meeting of the case names the person.
- A person is removed from the case with every tie and role they have, when they are a
  network member of this case only, no child of a case, and no plan or meeting names
  them; someone who is also in another case is taken out of this network instead.

Each removal is one unit of work that keeps what it removed, whole, as a
:class:`~tenhands.graph.model.ChangeSet` (kind ``removal``), and audits each removed
thing. :func:`restore` puts all of it back exactly as it was, in one unit of work, and
drops the change set; it refuses (:class:`~.errors.Conflict`, nothing changed) when a
removed person's id is taken again, a tie's other person is gone, or a role is back.

What is kept for undoing is bounded: one removal per worker and case (a worker's next
removal in the case replaces it), and it goes with the case.
"""

from __future__ import annotations

import hashlib

from .errors import Conflict, NotFound
from .model import (
    AuditAction,
    AuditEvent,
    ChangeSet,
    EntityKind,
    Meeting,
    NetworkRole,
    Person,
    Plan,
    Snapshot,
    Tie,
    snapshot,
)
from .plans import network_of, outsiders
from .store import GraphStore

KIND = "removal"
"""The kind of the change sets removals keep."""


class RemovalRefused(Conflict):
    """A removal or undo that cannot be made; ``code`` names why, for a translated
    message: ``child``, ``other_case``, ``planned`` (removing), ``taken``, ``gone``,
    ``back`` (undoing)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def undo_subject(case_id: str, actor: str) -> str:
    """The subject of a worker's removal change set in a case (one each)."""
    digest = hashlib.sha256(f"{case_id}\n{actor}".encode()).hexdigest()[:20]
    return f"removal-{digest}"


def _named_in_plans(store: GraphStore, case_id: str, person_id: str) -> bool:
    """Whether a plan version or meeting of the case names the person."""
    items: list[Plan | Meeting] = [*store.list_plans(case_id), *store.list_meetings(case_id)]
    return any(pid == person_id for item in items for _, pid in outsiders(item, set()))


def _check_not_planned(store: GraphStore, case_id: str, person_id: str) -> None:
    if _named_in_plans(store, case_id, person_id):
        raise RemovalRefused(
            "planned",
            f"person {person_id!r} is named in a plan or meeting of case {case_id!r}: "
            "change the plan first",
        )


def _kept(
    store: GraphStore,
    case_id: str,
    actor: str,
    before: list[Snapshot],
) -> ChangeSet:
    """Store what a removal took away, and audit each thing (inside the removal's unit)."""
    change_set = ChangeSet(
        subject_id=undo_subject(case_id, actor),
        case_id=case_id,
        kind=KIND,
        created_by=actor,
        before=before,
    )
    store.save_change_set(change_set)
    store.append_audit_many(
        [_event(actor, AuditAction.delete, s, case_id, "removed from the case") for s in before]
    )
    return change_set


def _event(
    actor: str, action: AuditAction, snap: Snapshot, case_id: str, detail: str
) -> AuditEvent:
    return AuditEvent(
        actor=actor,
        action=action,
        entity=snap.kind.value,
        entity_id=snap.id,
        case_id=case_id,
        detail=detail,
    )


def remove_tie(store: GraphStore, case_id: str, tie_id: str, *, actor: str) -> ChangeSet:
    """Remove a tie between two persons of the case (:class:`NotFound` for a tie that is
    not one, as for an unknown tie)."""

    def work(unit: GraphStore) -> ChangeSet:
        members = network_of(unit, case_id)
        tie = unit.get_tie(tie_id)
        if tie.source_id not in members or tie.target_id not in members:
            raise NotFound("tie", tie_id)
        unit.delete_tie(tie_id)
        return _kept(unit, case_id, actor, [snapshot(EntityKind.tie, tie)])

    return store.atomic(work)


def remove_role(store: GraphStore, case_id: str, person_id: str, *, actor: str) -> ChangeSet:
    """Take a person out of the case's network; the person and their ties stay."""

    def work(unit: GraphStore) -> ChangeSet:
        unit.hold("role", f"{case_id}/{person_id}")
        role = unit.get_role(case_id, person_id)
        _check_not_planned(unit, case_id, person_id)
        unit.remove_role(case_id, person_id)
        return _kept(unit, case_id, actor, [snapshot(EntityKind.role, role)])

    return store.atomic(work)


def remove_person(store: GraphStore, case_id: str, person_id: str, *, actor: str) -> ChangeSet:
    """Remove a network member of the case with all their ties and roles
    (:class:`Conflict` for a child, someone also in another case, or someone a plan or
    meeting names; :class:`NotFound` for someone not in the case's network)."""

    def work(unit: GraphStore) -> ChangeSet:
        unit.hold("person", person_id)
        case = unit.get_case(case_id)
        if person_id in case.child_ids:
            raise RemovalRefused("child", f"person {person_id!r} is a child of case {case_id!r}")
        role = unit.get_role(case_id, person_id)
        if [c for c in unit.cases_of(person_id) if c != case_id]:
            raise RemovalRefused(
                "other_case",
                f"person {person_id!r} is also in another case: take them out of this "
                "case's network instead",
            )
        _check_not_planned(unit, case_id, person_id)
        person = unit.get_person(person_id)
        ties = unit.ties_of(person_id)
        unit.delete_person(person_id, cascade=True)
        before = [
            snapshot(EntityKind.person, person),
            *(snapshot(EntityKind.tie, t) for t in ties),
            snapshot(EntityKind.role, role),
        ]
        return _kept(unit, case_id, actor, before)

    return store.atomic(work)


def pending_undo(store: GraphStore, case_id: str, actor: str) -> ChangeSet | None:
    """The worker's last removal in the case that can still be undone, or None."""
    found = store.change_set_for(undo_subject(case_id, actor))
    return found if found is not None and found.kind == KIND else None


def restore(store: GraphStore, case_id: str, change_set_id: str, *, actor: str) -> ChangeSet:
    """Put back what a removal in the case took away, exactly as it was, and drop its
    change set; returns the change set. :class:`NotFound` for no such removal in the
    case (undone already); :class:`Conflict` when it cannot be put back whole."""

    def work(unit: GraphStore) -> ChangeSet:
        unit.hold("case", case_id)
        change_set = unit.get_change_set(change_set_id)
        if change_set.kind != KIND or change_set.case_id != case_id:
            raise NotFound("removal", change_set_id)
        unit.delete_change_set(change_set.id)  # a second undo finds nothing to undo
        persons = [Person.model_validate(s.data) for s in change_set.before_of(EntityKind.person)]
        ties = [Tie.model_validate(s.data) for s in change_set.before_of(EntityKind.tie)]
        roles = [NetworkRole.model_validate(s.data) for s in change_set.before_of(EntityKind.role)]
        if unit.get_persons(p.id for p in persons):
            raise RemovalRefused(
                "taken", "a removed person's id is taken again; cannot put them back"
            )
        ends = {end for t in ties for end in (t.source_id, t.target_id)}
        ends -= {p.id for p in persons}
        if len({p.id for p in unit.get_persons(sorted(ends))}) < len(ends):
            raise RemovalRefused(
                "gone", "a person on a removed tie was removed since; cannot put it back"
            )
        for role in roles:
            try:
                unit.get_role(role.case_id, role.person_id)
            except NotFound:
                continue
            raise RemovalRefused("back", "the person is back in the case's network already")
        if persons:
            unit.upsert_persons(persons)
        if ties:
            unit.upsert_ties(ties)
        if roles:
            unit.upsert_roles(roles)
        unit.append_audit_many(
            [
                _event(actor, AuditAction.create, s, case_id, "put back by undo")
                for s in change_set.before
            ]
        )
        return change_set

    return store.atomic(work)
