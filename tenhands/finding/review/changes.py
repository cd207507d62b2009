"""Recording what a decision changes in the graph, and reversing it.

Accept writes persons, ties and roles one store call at a time and notes each step in a
:class:`~tenhands.graph.model.ChangeSet`; the change set is stored with the decision
(:func:`.decisions.save_decision`), and undo reverses it here. (A failed accept needs no
reversing: it is one unit of work, which the store takes back whole.)
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from tenhands.graph.errors import InvalidInput, NotFound
from tenhands.graph.model import (
    AuditAction,
    Candidate,
    ChangeSet,
    EntityKind,
    EntityRef,
    NetworkRole,
    Person,
    Snapshot,
    Tie,
    snapshot,
)
from tenhands.graph.store import GraphStore

from .decisions import audit


@dataclass
class Changes:
    """A change set being gathered while a decision writes, step by step."""

    candidate: Candidate
    kind: str
    reviewer: str
    created: list[EntityRef] = field(default_factory=list)
    before: list[Snapshot] = field(default_factory=list)
    after: list[Snapshot] = field(default_factory=list)

    def made(self, kind: EntityKind, ident: str, case_id: str | None = None) -> None:
        self.created.append(EntityRef(kind=kind, id=ident, case_id=case_id))

    def change_set(self) -> ChangeSet:
        return ChangeSet(
            subject_id=self.candidate.id,
            case_id=self.candidate.case_id,
            kind=self.kind,
            created_by=self.reviewer,
            created=list(self.created),
            before=list(self.before),
            after=list(self.after),
        )


def same(model: Person | Tie | NetworkRole, snap: Snapshot | None) -> bool:
    """Whether a stored thing is exactly as a snapshot shows it."""
    return snap is not None and model.model_dump(mode="json") == snap.data


def three_way(before: Any, after: Any, current: Any) -> Any:
    """``before`` wherever ``current`` still equals ``after``; elsewhere ``current`` (a
    change made since is kept). Objects are compared key by key, lists as a whole."""
    if current == after:
        return before
    if isinstance(before, dict) and isinstance(after, dict) and isinstance(current, dict):
        keys = [*current, *(k for k in before if k not in current)]
        return {k: three_way(before.get(k), after.get(k), current.get(k)) for k in keys}
    return current


def kept_since(before: Any, after: Any, current: Any, prefix: str = "") -> list[str]:
    """Names of the fields :func:`three_way` keeps because they changed since."""
    if current == after:
        return []
    if isinstance(before, dict) and isinstance(after, dict) and isinstance(current, dict):
        names: list[str] = []
        for key in current:
            names += kept_since(before.get(key), after.get(key), current.get(key), f"{key}.")
        return names
    return [prefix.rstrip(".")] if prefix else []


def reverse(
    store: GraphStore, change_set: ChangeSet, *, reviewer: str, detail: str | None
) -> list[str]:
    """Undo a change set: remove what it created (newest first; already gone is fine),
    then put back what it changed or removed, keeping fields changed since.

    Every step is audited with ``detail`` (ids and kinds only), unless ``detail`` is
    None. Returns the names of person fields kept because they were changed since.
    """
    case_id = change_set.case_id

    def note(action: AuditAction, entity: str, ident: str) -> None:
        if detail is not None:
            audit(
                store,
                actor=reviewer,
                action=action,
                entity=entity,
                entity_id=ident,
                case_id=case_id,
                detail=detail,
            )

    for ref in reversed(change_set.created):
        with contextlib.suppress(NotFound):
            if ref.kind is EntityKind.role:
                store.remove_role(ref.case_id or "", ref.id)
            elif ref.kind is EntityKind.tie:
                store.delete_tie(ref.id)
            elif ref.kind is EntityKind.person:
                store.delete_person(ref.id)
            else:
                raise InvalidInput(f"a created {ref.kind.value} cannot be taken back here")
            note(AuditAction.delete, ref.kind.value, ref.id)

    kept: list[str] = []
    for snap in change_set.before_of(EntityKind.person):
        after = change_set.find_after(EntityKind.person, snap.id)
        try:
            current = store.get_person(snap.id).model_dump(mode="json")
        except NotFound:
            store.create_person(Person.model_validate(snap.data))
            note(AuditAction.create, "person", snap.id)
            continue
        data = snap.data if after is None else three_way(snap.data, after.data, current)
        if after is not None:
            kept += kept_since(snap.data, after.data, current)
        store.update_person(Person.model_validate(data))
        note(AuditAction.update, "person", snap.id)

    ties = [Tie.model_validate(s.data) for s in change_set.before_of(EntityKind.tie)]
    if ties:
        store.upsert_ties(ties)
        for tie in ties:
            note(AuditAction.create, "tie", tie.id)
    roles = [NetworkRole.model_validate(s.data) for s in change_set.before_of(EntityKind.role)]
    if roles:
        store.upsert_roles(roles)
        for role in roles:
            note(AuditAction.create, "role", role.person_id)
    return sorted(set(kept))


def person_snapshot(person: Person) -> Snapshot:
    return snapshot(EntityKind.person, person)


def tie_snapshot(tie: Tie) -> Snapshot:
    return snapshot(EntityKind.tie, tie)


def role_snapshot(role: NetworkRole) -> Snapshot:
    return snapshot(EntityKind.role, role)
