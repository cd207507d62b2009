"""The rules of a case's plan and meetings, shared by the API, the web pages and the CLI.

- Everyone a plan or a meeting names must be in the case's network (a child of the
  case, or a person with a network role there): :func:`outsiders`.
- Each agreed plan gets the next version number; earlier versions stay as they were:
  :func:`agree_plan`.
- Between meetings only the current version's tasks change status:
  :func:`set_task_status`.
- A safety score is never lost by not being asked again: a participant not scored in a
  new version keeps their latest earlier score, unchanged (:func:`with_carried_scores`).
- A plan agreed in a meeting is stored with that meeting, in one unit of work: the
  case's meeting of that day if there is one (who came is added to it), else a new one
  (:func:`agree_in_meeting`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from .errors import Conflict, NotFound
from .model import Meeting, MeetingKind, Plan, Provenance, ScaleScore, Task, TaskStatus
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


ScoreKey = tuple[bool, str]
"""Whose score: ``(False, person_id)``, or ``(True, label)`` for a free label (such as
"consulent"), the same label in any case being one participant."""


def score_key(score: ScaleScore) -> ScoreKey:
    """Whose score ``score`` is.

    >>> score_key(ScaleScore(label="Consulent", score=5, on=date(2026, 1, 1)))
    (True, 'consulent')
    """
    if score.person_id is not None:
        return False, score.person_id
    return True, (score.label or "").casefold()


def latest_scores(plans: Iterable[Plan]) -> dict[ScoreKey, ScaleScore]:
    """Each participant's latest score over ``plans`` (oldest first): the one of the
    newest version that scored them."""
    latest: dict[ScoreKey, ScaleScore] = {}
    for plan in plans:
        for score in plan.safety_scale:
            latest[score_key(score)] = score
    return latest


def with_carried_scores(draft: Plan, earlier: Iterable[Plan], members: set[str]) -> Plan:
    """``draft`` with the latest earlier score, unchanged (its day and note too), of
    every participant it does not score: persons still in ``members`` and free labels.

    >>> old = Plan(case_id="c", safety_scale=[
    ...     ScaleScore(person_id="oma", score=4, on=date(2026, 1, 5)),
    ...     ScaleScore(person_id="papa", score=3, on=date(2026, 1, 5))])
    >>> new = Plan(case_id="c", safety_scale=[
    ...     ScaleScore(person_id="papa", score=6, on=date(2026, 2, 9))])
    >>> [(s.person_id, s.score, s.on.day) for s in
    ...  with_carried_scores(new, [old], {"oma", "papa"}).safety_scale]
    [('papa', 6, 9), ('oma', 4, 5)]
    """
    scored = {score_key(s) for s in draft.safety_scale}
    carried = [
        score
        for key, score in latest_scores(earlier).items()
        if key not in scored and (key[0] or key[1] in members)
    ]
    if not carried:
        return draft
    return draft.model_copy(update={"safety_scale": [*draft.safety_scale, *carried]})


@dataclass(frozen=True)
class Attendance:
    """Who came to a meeting: network members and children by id, others by function."""

    held_on: date
    attended: list[str]
    others: list[str]


def agree_in_meeting(
    store: GraphStore, draft: Plan, came: Attendance, *, by: str
) -> tuple[Plan, Meeting, bool]:
    """Store ``draft`` as the next plan version (:func:`agree_plan`) and, in the same
    unit of work, the meeting that agreed it: the case's meeting held on
    ``came.held_on`` if it has one (who came and the others are added to those it
    names, its plan version becomes this one), else a new network meeting. Returns the
    plan, the meeting and whether the meeting is new. Callers check :func:`outsiders`
    of the plan and of who came first."""

    def work(unit: GraphStore) -> tuple[Plan, Meeting, bool]:
        unit.hold("case", draft.case_id)
        plan = agree_plan(unit, draft)
        same_day = [m for m in unit.list_meetings(draft.case_id) if m.held_on == came.held_on]
        if not same_day:
            meeting = Meeting(
                case_id=draft.case_id,
                held_on=came.held_on,
                attended=list(dict.fromkeys(came.attended)),
                others=_merged_others([], came.others),
                plan_version=plan.version,
                next_review_on=_review_after(plan.review_on, came.held_on),
                kind=MeetingKind.network_meeting,
                provenance=Provenance(created_by=by),
            )
            return plan, unit.add_meeting(meeting), True
        stored = same_day[-1]
        meeting = Meeting.model_validate(
            {
                **stored.model_dump(),
                "attended": list(dict.fromkeys([*stored.attended, *came.attended])),
                "others": _merged_others(stored.others, came.others),
                "plan_version": plan.version,
                "next_review_on": stored.next_review_on
                or _review_after(plan.review_on, came.held_on),
                "provenance": stored.provenance.touched(by),
            }
        )
        return plan, unit.update_meeting(meeting), False

    return store.atomic(work)


def _merged_others(stored: list[str], came: list[str]) -> list[str]:
    """``stored`` and then each of ``came`` not already there (in any case).

    >>> _merged_others(["Coördinator"], ["coördinator", "tolk", "Tolk"])
    ['Coördinator', 'tolk']
    """
    seen = {o.casefold() for o in stored}
    out = list(stored)
    for other in came:
        if other.casefold() not in seen:
            seen.add(other.casefold())
            out.append(other)
    return out


def _review_after(review_on: date | None, held_on: date) -> date | None:
    return review_on if review_on is not None and review_on >= held_on else None


def current_plan(store: GraphStore, case_id: str) -> Plan | None:
    """The case's latest plan version, or None before the first meeting."""
    plans = store.list_plans(case_id)
    return plans[-1] if plans else None


def plan_versions(store: GraphStore, case_id: str, *, limit: int, offset: int = 0) -> list[Plan]:
    """One page of the case's plan versions, oldest first (:class:`NotFound` for an
    unknown case). A case agrees a version per meeting, a few dozen in its life: the
    store reads them whole and they are paged here."""
    store.get_case(case_id)
    return store.list_plans(case_id)[offset : offset + limit]


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
