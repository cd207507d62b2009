"""A case's plan, version by version (what is worried about, what works, what needs to
happen, who does what), and a task's status between meetings."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from ...graph.model import Plan, ScaleScore, SourceRef, Task, TaskStatus
from ...graph.model.common import ShortText
from .common import PUBLIC_CONFIG, ApiInput


class PlanCreate(ApiInput):
    """A new version of the case's plan (the version number is the next one). Every
    person named in a task or a scale score must be in the case's network; a task serves
    the 'needs to happen' lines by their number (1, 2, …)."""

    agreed_on: date | None = None
    harm: list[ShortText] = Field(default_factory=list, description="past harm")
    worries: list[ShortText] = Field(
        default_factory=list, description="danger statements, in plain words"
    )
    complicating_factors: list[ShortText] = Field(default_factory=list)
    working_well: list[ShortText] = Field(default_factory=list, description="strengths")
    existing_safety: list[ShortText] = Field(default_factory=list)
    needs_to_happen: list[ShortText] = Field(default_factory=list, description="safety goals")
    next_steps: list[ShortText] = Field(default_factory=list)
    safety_scale: list[ScaleScore] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    review_on: date | None = None
    source: SourceRef | None = None


class TaskStatusUpdate(ApiInput):
    """How a task of the current plan version went since the meeting."""

    status: TaskStatus
    note: ShortText | None = Field(default=None, description="e.g. what changed, and why")


class PlanPublic(Plan):
    """A stored plan version, as returned."""

    model_config = PUBLIC_CONFIG

    @classmethod
    def of(cls, plan: Plan) -> PlanPublic:
        return cls.model_validate(plan, from_attributes=True)
