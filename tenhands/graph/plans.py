"""The rules of a case's plan and meetings, shared by the API, the web pages and the CLI.

- Everyone a plan or a meeting names must be in the case's network (a child of the
  case, or a person with a network role there): :func:`outsiders`.
- Each agreed plan gets the next version number; earlier versions stay as they were:
  :func:`agree_plan`.
- Between meetings only the current version's tasks change status:
  :func:`set_task_status`.
"""

from __future__ import annotations

from collections.abc import Iterator

from .errors import Conflict, NotFound
from .model import Meeting, Plan, Task, TaskStatus
from .store import GraphStore

Location = tuple[str | int, ...]
"""Where in a plan or meeting a person id stands, e.g. ``("tasks", 0, "who", 1)``."""


def network_of(store: GraphStore, case_id: str) -> set[str]:
    """The ids of the case's children and network members (NotFound for no case)."""
    case = store.get_case(case_id)
    return set(case.child_ids) | {r.person_id for r in store.list_roles(case_id)}


def _named_in_plan(plan: Plan) -> Iterator[tuple[Location, str]]:
    for n, task in enumerate(plan.tasks):
        for field in ("who", "checked_by"):
            for k, person_id in enumerate(getattr(task, field)):
                yield ("tasks", n, field, k), person_id
    for n, score in enumerate(plan.safety_scale):
        if score.person_id is not None:
            yield ("safety_scale", n, "person_id"), score.person_id


def outsiders(item: Plan | Meeting, members: set[str]) -> list[tuple[Location, str]]:
    """Each place where ``item`` names someone outside ``members``, in order.

    >>> from tenhands.graph.model import Task
    >>> plan = Plan(case_id="c", tasks=[Task(what="koken", who=["oma", "buur"])])
    >>> outsiders(plan, {"oma"})
    [(('tasks', 0, 'who', 1), 'buur')]
    """
    named: Iterator[tuple[Location, str]]
    if isinstance(item, Meeting):
        named = ((("attended", k), pid) for k, pid in enumerate(item.attended))
    else:
        named = _named_in_plan(item)
    return [(loc, pid) for loc, pid in named if pid not in members]


def agree_plan(store: GraphStore, draft: Plan) -> Plan:
    """Store ``draft`` as the case's next plan version (its own version number is
    ignored). :class:`NotFound` for an unknown case; :class:`Conflict` when another
    version was agreed at the same moment. Callers check :func:`outsiders` first."""
    versions = [p.version for p in store.list_plans(draft.case_id)]
    plan = draft.model_copy(update={"version": max(versions, default=0) + 1})
    return store.add_plan(Plan.model_validate(plan.model_dump()))


def current_plan(store: GraphStore, case_id: str) -> Plan | None:
    """The case's latest plan version, or None before the first meeting."""
    plans = store.list_plans(case_id)
    return plans[-1] if plans else None


def plan_version(store: GraphStore, case_id: str, version: int) -> Plan:
    """One version of the case's plan; :class:`NotFound` if the case has no such
    version."""
    for plan in store.list_plans(case_id):
        if plan.version == version:
            return plan
    raise NotFound("plan version", f"{case_id}/{version}")


def set_task_status(
    store: GraphStore,
    case_id: str,
    version: int,
    task_id: str,
    status: TaskStatus,
    *,
    by: str,
    note: str | None = None,
) -> Plan:
    """Record how a task of the current plan version went (done, not done, changed).

    :class:`NotFound` for an unknown version or task; :class:`Conflict` for a task of
    an earlier version (those stay as they were agreed)."""
    plan = plan_version(store, case_id, version)
    latest = current_plan(store, case_id)
    if latest is not None and latest.version != version:
        raise Conflict(
            f"plan version {version} is no longer the current one (that is version "
            f"{latest.version}): earlier versions stay as they were agreed"
        )
    try:
        task = plan.task(task_id)
    except KeyError:
        raise NotFound("task", f"{case_id}/{version}/{task_id}") from None
    changed = task.model_copy(update={"status": status, "note": note})
    tasks = [changed if t.id == task_id else t for t in plan.tasks]
    provenance = plan.provenance.touched(by)
    return store.update_plan(plan.model_copy(update={"tasks": tasks, "provenance": provenance}))


def case_meeting(store: GraphStore, case_id: str, meeting_id: str) -> Meeting:
    """One of the case's meetings; :class:`NotFound` for an unknown meeting and for one
    of another case alike (so another case's meeting ids cannot be probed)."""
    meeting = store.get_meeting(meeting_id)
    if meeting.case_id != case_id:
        raise NotFound("meeting", meeting_id)
    return meeting


def tasks_of(plan: Plan | None, person_id: str) -> list[Task]:
    """The tasks of ``plan`` the person does or checks, in the plan's order."""
    if plan is None:
        return []
    return [t for t in plan.tasks if person_id in t.who or person_id in t.checked_by]
