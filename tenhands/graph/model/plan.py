"""The family's plan (Signs of Safety / FGDM): worries, strengths, who does what by when."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from .common import Id, Model, Provenance, ShortText, new_id


class TaskStatus(StrEnum):
    agreed = "agreed"
    done = "done"
    not_done = "not_done"
    changed = "changed"


class TaskOwner(StrEnum):
    """Whether the family and network do it themselves or ask professional help."""

    network = "network"
    professional = "professional"


class Task(Model):
    id: Id = Field(default_factory=lambda: new_id("k"))
    what: ShortText
    who: list[Id] = Field(min_length=1, description="network members who do it")
    due: date | None = None
    checked_by: list[Id] = Field(default_factory=list)
    status: TaskStatus = TaskStatus.agreed
    owner: TaskOwner = TaskOwner.network


class ScaleScore(Model):
    """A safety scale score, 0 (not safe) to 10 (safe enough to close)."""

    person_id: Id | None = None
    label: ShortText | None = Field(default=None, description="e.g. 'worker' if not a person")
    score: int = Field(ge=0, le=10)
    on: date

    @model_validator(mode="after")
    def _someone(self) -> ScaleScore:
        if self.person_id is None and self.label is None:
            raise ValueError("a scale score belongs to a person or a label")
        return self


class Plan(Model):
    """One version of a case's plan; each meeting may add a version."""

    id: Id = Field(default_factory=lambda: new_id("n"))
    case_id: Id
    version: int = Field(default=1, ge=1)
    agreed_on: date | None = None
    worries: list[ShortText] = Field(default_factory=list)
    working_well: list[ShortText] = Field(default_factory=list)
    needs_to_happen: list[ShortText] = Field(default_factory=list)
    next_steps: list[ShortText] = Field(default_factory=list)
    safety_scale: list[ScaleScore] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    review_on: date | None = None
    provenance: Provenance = Field(default_factory=Provenance)
