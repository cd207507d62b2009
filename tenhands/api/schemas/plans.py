"""A case's plan, version by version (what is worried about, what works, what needs to
happen, who does what)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from ...graph.model import Plan, ScaleScore, SourceRef, Task
from ...graph.model.common import ShortText
from .common import PUBLIC_CONFIG, ApiInput


class PlanCreate(ApiInput):
    """A new version of the case's plan (the version number is the next one). Every
    person named in a task or a scale score must be in the case's network."""

    agreed_on: date | None = None
    worries: list[ShortText] = Field(default_factory=list)
    working_well: list[ShortText] = Field(default_factory=list)
    needs_to_happen: list[ShortText] = Field(default_factory=list)
    next_steps: list[ShortText] = Field(default_factory=list)
    safety_scale: list[ScaleScore] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    review_on: date | None = None
    source: SourceRef | None = None


class PlanPublic(Plan):
    """A stored plan version, as returned."""

    model_config = PUBLIC_CONFIG

    @classmethod
    def of(cls, plan: Plan) -> PlanPublic:
        return cls.model_validate(plan, from_attributes=True)
