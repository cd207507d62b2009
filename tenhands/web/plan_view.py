"""A case's plan as the pages show it: one version's three columns and tasks with the
names the case page gives people, the safety scale of every version up to it, the list
of versions with who stored each and when it was agreed; and the plan form with the
case's people, as a page or on the meeting's wall (where it names only the persons a
family mode map shows: :func:`tenhands.viz.redaction.shown_person`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..graph.errors import NotFound
from ..graph.model import Plan, RiskFlag, ScaleScore, Task, TaskOwner
from ..graph.plans import current_plan, score_key, tasks_of
from ..graph.store import GraphStore
from ..viz import Mode
from ..viz.redaction import policy, shown_person
from .forms import FormState
from .i18n import N_, Gettext
from .people import CasePeople, case_people
from .plan_form import PlanLayout, choices_of, layout, plan_values
from .who import display_names

GONE = N_("someone no longer in the network")


@dataclass(frozen=True)
class TaskView:
    task: Task
    who: list[str]
    checked_by: list[str]
    goals: list[tuple[int, str]]
    """The goals served: number and words."""

    @property
    def id(self) -> str:
        return self.task.id


@dataclass(frozen=True)
class ScaleLine:
    """One participant's scores, a cell per version (None: no score that time)."""

    who: str
    scores: list[ScaleScore | None]


@dataclass(frozen=True)
class VersionView:
    version: int
    agreed_on: date | None
    stored_at: datetime
    stored_by: str
    """The display name of the user who recorded it (their login if unknown)."""


@dataclass(frozen=True)
class PlanView:
    plan: Plan
    current: bool
    own_tasks: list[TaskView]
    """What the family and network do themselves."""
    professional_tasks: list[TaskView]
    """Professional help asked for."""
    scale_versions: list[Plan]
    scale: list[ScaleLine]


def versions_of(store: GraphStore, plans: list[Plan]) -> list[VersionView]:
    """Every version, newest first."""
    names = display_names(store, (p.provenance.created_by for p in plans))
    return [
        VersionView(
            p.version,
            p.agreed_on,
            p.provenance.created_at,
            names.get(p.provenance.created_by, p.provenance.created_by),
        )
        for p in reversed(plans)
    ]


def plan_view(plans: list[Plan], shown: Plan, name_of: Callable[[str], str]) -> PlanView:
    """Version ``shown`` of ``plans`` (every version, oldest first)."""
    goals = list(enumerate(shown.needs_to_happen, start=1))

    def view(task: Task) -> TaskView:
        return TaskView(
            task,
            [name_of(pid) for pid in task.who],
            [name_of(pid) for pid in task.checked_by],
            [(n, text) for n, text in goals if n in task.needs],
        )

    tasks = [view(t) for t in shown.tasks]
    until = [p for p in plans if p.version <= shown.version]
    return PlanView(
        plan=shown,
        current=shown.version == plans[-1].version,
        own_tasks=[t for t in tasks if t.task.owner is TaskOwner.network],
        professional_tasks=[t for t in tasks if t.task.owner is TaskOwner.professional],
        scale_versions=until,
        scale=scale_lines(until, name_of),
    )


def scale_lines(plans: list[Plan], name_of: Callable[[str], str]) -> list[ScaleLine]:
    """Each participant's scores over ``plans``: persons in the order they first scored,
    then the free labels (the same label in any case is one participant)."""
    keys: dict[tuple[bool, str], str] = {}
    for plan in plans:
        for score in plan.safety_scale:
            key = score_key(score)
            if key not in keys:
                keys[key] = (score.label or "") if key[0] else name_of(key[1])
    lines = []
    for key in sorted(keys, key=lambda k: k[0]):
        cells: list[ScaleScore | None] = []
        for plan in plans:
            found = [s for s in plan.safety_scale if score_key(s) == key]
            cells.append(found[-1] if found else None)
        lines.append(ScaleLine(keys[key], cells))
    return lines


def names_in(store: GraphStore, people: CasePeople, _: Gettext) -> Callable[[str], str]:
    """A person's name as the case page gives it; for someone named in a plan who left the
    case since, their stored name (or that they are gone)."""
    names = {row.id: row.name for row in people.rows}

    def name_of(person_id: str) -> str:
        if person_id not in names:
            try:
                names[person_id] = store.get_person(person_id).display_name
            except NotFound:
                names[person_id] = _(GONE)
        return names[person_id]

    return name_of


KEPT_OFF_THE_WALL = frozenset({RiskFlag.contact_restriction, RiskFlag.violence})
"""Risk flags that keep a person off the meeting's wall, whatever their engagement."""


def in_the_room(people: CasePeople) -> set[str]:
    """The ids of the persons a meeting's wall may name: those a family mode map shows
    (not ``no_contact`` or ``not_safe``, nothing confidential), and never anyone with a
    contact restriction or a violence flag."""
    family = policy(Mode.family)
    return {
        row.id
        for row in people.rows
        if shown_person(row.person, row.role, family)
        and not (row.role is not None and KEPT_OFF_THE_WALL & set(row.role.risk_flags))
    }


def who_may_come(people: CasePeople, today: date) -> set[str]:
    """The ids of the persons a meeting's form may tick as present: those in the room
    (:func:`in_the_room`) who are alive."""
    room = in_the_room(people)
    return {row.id for row in choices_of(people.rows, today) if row.id in room and not row.deceased}


@dataclass(frozen=True)
class PlanForm:
    form: FormState
    layout: PlanLayout


def plan_form(
    store: GraphStore,
    case_id: str,
    lang: str,
    today: date,
    *,
    posted: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    meeting: bool = False,
) -> PlanForm:
    """The plan form for a case: from the current version, or as posted (with its
    errors); for the meeting's wall when ``meeting``."""
    people = case_people(store, case_id, lang, today)
    plans = store.list_plans(case_id)
    values = plan_values(plans, today, meeting=meeting) if posted is None else dict(posted)
    rows = layout(
        values,
        choices_of(people.rows, today),
        shown=in_the_room(people) if meeting else None,
        plans=plans,
        errors=errors,
        fresh=posted is None,
    )
    return PlanForm(FormState(values, errors or {}), rows)


@dataclass(frozen=True)
class PersonTasks:
    """What one person does or checks in the case's current plan."""

    version: int | None
    """The current version (None: no plan yet)."""
    does: list[Task]
    checks: list[Task]


def person_tasks(store: GraphStore, case_id: str, person_id: str) -> PersonTasks:
    plan = current_plan(store, case_id)
    tasks = tasks_of(plan, person_id)
    return PersonTasks(
        version=plan.version if plan is not None else None,
        does=[t for t in tasks if person_id in t.who],
        checks=[t for t in tasks if person_id in t.checked_by and person_id not in t.who],
    )
