"""Change sets: what one decision changed in the graph, kept so it can be reversed.

A change set belongs to a subject (for a review decision, the candidate) and lists
the things the decision created, and each thing it changed or removed as it was
before (and, for changed things, as the decision left it, so a later reversal can
tell what was edited since). It holds personal data: it is kept apart from a
candidate's explanation, never shown as evidence, and removed with its case.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import AwareDatetime, Field, model_validator

from .common import Id, Model, ShortText, new_id, utcnow


class EntityKind(StrEnum):
    person = "person"
    tie = "tie"
    role = "role"
    """A network role, named by its person (``id``) and its case (``case_id``)."""
    record = "record"


class EntityRef(Model):
    """One stored thing, by kind and id (a role also by its case)."""

    kind: EntityKind
    id: Id
    case_id: Id | None = None

    @model_validator(mode="after")
    def _role_has_case(self) -> EntityRef:
        if self.kind is EntityKind.role and self.case_id is None:
            raise ValueError("a network role is named by its case and its person")
        return self


class Snapshot(EntityRef):
    """A stored thing's full model as JSON (``model_dump(mode="json")``) at one moment."""

    data: dict[str, Any]


class ChangeSet(Model):
    """What one decision did, by id and by before-images, in the order it was done.

    ``created`` lists what the decision added (reversing removes it), ``before`` what it
    changed or removed as it was before (reversing puts it back), and ``after`` what it
    changed as it left it.
    """

    id: Id = Field(default_factory=lambda: new_id("cs"))
    subject_id: Id = Field(description="what the change set belongs to, e.g. a candidate")
    case_id: Id | None = Field(default=None, description="the case the decision was made in")
    kind: ShortText = Field(description="what kind of change, e.g. kin, match, duplicate")
    created_at: AwareDatetime = Field(default_factory=utcnow)
    created_by: ShortText
    created: list[EntityRef] = Field(default_factory=list)
    before: list[Snapshot] = Field(default_factory=list)
    after: list[Snapshot] = Field(default_factory=list)

    def created_ids(self, kind: EntityKind) -> list[str]:
        """Ids of the created things of one kind, in the order they were made."""
        return [r.id for r in self.created if r.kind is kind]

    def before_of(self, kind: EntityKind) -> list[Snapshot]:
        return [s for s in self.before if s.kind is kind]

    def after_of(self, kind: EntityKind) -> list[Snapshot]:
        return [s for s in self.after if s.kind is kind]

    def find_after(
        self, kind: EntityKind, ident: str, case_id: str | None = None
    ) -> Snapshot | None:
        """The after-image of one thing, or None."""
        for snap in self.after:
            if snap.kind is kind and snap.id == ident and snap.case_id == case_id:
                return snap
        return None


def snapshot(kind: EntityKind, model: Model, *, case_id: str | None = None) -> Snapshot:
    """A snapshot of a stored model; its ``id`` is the model's ``id`` (a role's person)."""
    data = model.model_dump(mode="json")
    ident = data.get("id") if kind is not EntityKind.role else data.get("person_id")
    if kind is EntityKind.role:
        case_id = data.get("case_id")
    return Snapshot(kind=kind, id=str(ident), case_id=case_id, data=data)
