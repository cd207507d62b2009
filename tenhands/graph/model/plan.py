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
    """Who does what by when: one line of the plan.

    A task the family and network do themselves names at least one network member in
    ``who``. Professional help they ask for names the professionals in the network who
    give it, or the ``service`` asked when nobody is named yet.
    """

    id: Id = Field(default_factory=lambda: new_id("k"))
    what: ShortText = Field(min_length=1)
    who: list[Id] = Field(default_factory=list, description="network members who do it")
    due: date | None = None
    checked_by: list[Id] = Field(default_factory=list, description="who checks it is done")
    status: TaskStatus = TaskStatus.agreed
    owner: TaskOwner = TaskOwner.network
    service: ShortText | None = Field(
        default=None, description="the service asked for professional help, e.g. 'thuisbegeleiding'"
    )
    needs: list[int] = Field(
        default_factory=list,
        description="the numbers (1, 2, …) of the plan's 'needs to happen' lines this task serves",
    )
    note: ShortText | None = Field(default=None, description="e.g. what changed, and why")

    @model_validator(mode="after")
    def _someone(self) -> Task:
        if self.owner is TaskOwner.network and not self.who:
            raise ValueError("a task of the family and network names who does it")
        if self.owner is TaskOwner.professional and not self.who and not self.service:
            raise ValueError("professional help names who gives it or the service asked")
        if len(set(self.who)) != len(self.who):
            raise ValueError("a person is listed twice in 'who'")
        if any(n < 1 for n in self.needs):
            raise ValueError("needs are numbered from 1")
        return self


class ScaleScore(Model):
    """A safety scale score, 0 (not safe) to 10 (safe enough to close)."""

    person_id: Id | None = None
    label: ShortText | None = Field(default=None, description="e.g. 'worker' if not a person")
    score: int = Field(ge=0, le=10)
    on: date
    note: ShortText | None = Field(default=None, description="why this number, in their words")

    @model_validator(mode="after")
    def _someone(self) -> ScaleScore:
        if self.person_id is None and self.label is None:
            raise ValueError("a scale score belongs to a person or a label")
        return self


class Plan(Model):
    """One version of a case's plan; each meeting may add a version.

    The three columns of a Signs of Safety mapping: what we are worried about (past
    ``harm``, the danger statements in ``worries``, ``complicating_factors``), what is
    working well (``working_well`` strengths, ``existing_safety``), and what needs to
    happen (the safety goals in ``needs_to_happen``, ``next_steps``); the safety scale;
    and the tasks, each serving goals by their number.
    """

    id: Id = Field(default_factory=lambda: new_id("n"))
    case_id: Id
    version: int = Field(default=1, ge=1)
    agreed_on: date | None = None
    harm: list[ShortText] = Field(
        default_factory=list, description="what has happened to the children (past harm)"
    )
    worries: list[ShortText] = Field(
        default_factory=list,
        description="danger statements: what we are worried will happen if nothing changes, "
        "in plain words",
    )
    complicating_factors: list[ShortText] = Field(
        default_factory=list, description="what makes it harder, without being the danger"
    )
    working_well: list[ShortText] = Field(default_factory=list, description="existing strengths")
    existing_safety: list[ShortText] = Field(
        default_factory=list, description="what already keeps the children safe, and who does it"
    )
    needs_to_happen: list[ShortText] = Field(
        default_factory=list, description="safety goals; tasks refer to them by number (1, 2, …)"
    )
    next_steps: list[ShortText] = Field(default_factory=list)
    safety_scale: list[ScaleScore] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    review_on: date | None = None
    provenance: Provenance = Field(default_factory=Provenance)

    @model_validator(mode="after")
    def _consistent(self) -> Plan:
        ids = [t.id for t in self.tasks]
        if len(set(ids)) != len(ids):
            raise ValueError("two tasks have the same id")
        goals = len(self.needs_to_happen)
        for task in self.tasks:
            if any(n > goals for n in task.needs):
                raise ValueError(
                    f"task {task.id!r} serves a need the plan does not have "
                    f"(it has {goals} 'needs to happen' lines)"
                )
        return self

    def task(self, task_id: str) -> Task:
        """The task with that id; KeyError if the plan has none."""
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise KeyError(task_id)

    def named(self) -> set[str]:
        """Every person id the plan names (doing, checking or scoring)."""
        out = {pid for t in self.tasks for pid in (*t.who, *t.checked_by)}
        return out | {s.person_id for s in self.safety_scale if s.person_id is not None}
