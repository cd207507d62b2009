"""Moving the undo logs of schema 2 out of candidates, into change sets (schema 3).

Up to schema version 2, accepting a candidate kept what it changed inside the
candidate's explanation: a JSON object, base64-encoded and cut into evidence entries
with field ``_undo``. Schema 3 keeps it as a :class:`~tenhands.graph.model.ChangeSet`
beside the candidate. Both stores call :func:`split_undo_log` while migrating.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from typing import Any

from ..model import (
    Candidate,
    ChangeSet,
    EntityKind,
    EntityRef,
    Person,
    ReviewStatus,
    Snapshot,
    snapshot,
    utcnow,
)

LEGACY_FIELD = "_undo"
"""The evidence field that carried an undo log up to schema 2."""

_EMPTY: dict[str, Any] = {"given_names": [], "addresses": [], "sex": "unknown"}


def split_undo_log(
    candidate: Candidate, person: Callable[[str], Person | None]
) -> tuple[Candidate, ChangeSet | None] | None:
    """The candidate without undo-log entries, and for an accepted one the change set
    its log describes; None when the candidate has no such entries.

    ``person`` looks a stored person up by id (None if there is none). A log that
    cannot be read leaves no change set: the candidate's decision then cannot be undone.
    """
    parts = sorted(
        (e for e in candidate.explanation if e.field == LEGACY_FIELD),
        key=lambda e: int(e.level) if e.level.isdigit() else 0,
    )
    if not parts:
        return None
    cleaned = candidate.model_copy(
        update={"explanation": [e for e in candidate.explanation if e.field != LEGACY_FIELD]}
    )
    if candidate.status is not ReviewStatus.accepted:
        return cleaned, None
    try:
        log = json.loads(base64.b64decode("".join(p.left or "" for p in parts)))
        change_set = _change_set(candidate, log, person) if isinstance(log, dict) else None
    except (ValueError, KeyError, TypeError, binascii.Error):
        change_set = None
    return cleaned, change_set


def _change_set(
    candidate: Candidate, log: dict[str, Any], person: Callable[[str], Person | None]
) -> ChangeSet | None:
    kind = str(log["kind"])
    base: dict[str, Any] = {
        "subject_id": candidate.id,
        "case_id": candidate.case_id,
        "kind": kind,
        "created_at": candidate.reviewed_at or utcnow(),
        "created_by": candidate.reviewed_by or "system",
    }
    if kind == "kin":
        person_id = str(log["person"])
        created = [EntityRef(kind=EntityKind.person, id=person_id)] if log["created_person"] else []
        if log.get("tie"):
            created.append(EntityRef(kind=EntityKind.tie, id=str(log["tie"])))
        created.append(EntityRef(kind=EntityKind.role, id=person_id, case_id=str(log["role_case"])))
        return ChangeSet(**base, created=created)
    if kind == "match":
        current = person(str(log["person"]))
        if current is None:
            return None
        after = current.model_dump(mode="json")
        before = json.loads(json.dumps(after))
        for name, value in dict(log["filled_values"]).items():
            if name in ("phones", "emails"):
                after["contact"][name] = value
                before["contact"][name] = []
            else:
                after[name] = value
                before[name] = _EMPTY.get(name)
        after["notes"], before["notes"] = log.get("notes_after"), log.get("notes_before")
        return ChangeSet(
            **base,
            before=[_person(before)],
            after=[_person(after)],
        )
    if kind == "duplicate":
        kept_id = str(log["kept"])
        current = person(kept_id)
        after_images: list[Snapshot] = []
        if current is not None:
            kept_after = current.model_dump(mode="json")
            # as the merge left the kept person, as far as the log tells
            kept_after["provenance"]["updated_at"] = log["kept_after_updated_at"]
            after_images.append(_person(kept_after))
        created = [EntityRef(kind=EntityKind.tie, id=str(t)) for t in log["new_ties"]]
        created += [
            EntityRef(kind=EntityKind.role, id=kept_id, case_id=str(c)) for c in log["new_roles"]
        ]
        before = [_person(log["kept_before"]), _person(log["gone"])]
        before += [_of(EntityKind.tie, t) for t in log["gone_ties"]]
        before += [_of(EntityKind.role, r) for r in log["gone_roles"]]
        return ChangeSet(**base, created=created, before=before, after=after_images)
    return None


def _person(data: dict[str, Any]) -> Snapshot:
    return snapshot(EntityKind.person, Person.model_validate(data))


def _of(kind: EntityKind, data: dict[str, Any]) -> Snapshot:
    if kind is EntityKind.role:
        return Snapshot(kind=kind, id=data["person_id"], case_id=data["case_id"], data=data)
    return Snapshot(kind=kind, id=data["id"], data=data)
