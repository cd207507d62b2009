"""The plan form: a new version of a case's plan, on its own page and in meeting mode.

The form holds the three columns of a Signs of Safety mapping (one item a line, in
textareas), the tasks row by row (what, who, by when, who checks, the family's own or
professional help, the service asked, the goals served by number, how it stands), the
safety scale per participant (each child and network member by name, and free labels
such as "consulent"), the day it was agreed and the next review.

It starts from the current version: its lines, its tasks (with their ids, so a task
carried over stays the same task) and, empty, a scale row per participant with last
time's score as a hint. A few blank task rows follow; the page's script adds more.

Nothing is stored while a field is wrong. The domain says what is wrong (a network task
with nobody, professional help that names no service, a score outside 0–10) and
:func:`tenhands.graph.plans.outsiders` who is not in the network; each refusal is said
at the field it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData

from ..graph.figures import is_adult
from ..graph.model import Engagement, Plan, Provenance, ScaleScore, Task, TaskOwner, TaskStatus
from ..graph.plans import Attendance, latest_scores, outsiders
from .days import typed_day
from .forms import MESSAGES, TOO_LONG, field_errors, message, optional
from .i18n import N_, Gettext
from .people import PersonRow

LISTS = (
    "harm",
    "worries",
    "complicating_factors",
    "working_well",
    "existing_safety",
    "needs_to_happen",
    "next_steps",
)
DATES = ("agreed_on", "review_on")
TASK_TEXT = ("id", "what", "due", "owner", "service", "needs", "status", "note")
TASK_MULTI = ("who", "checked_by")
SCALE_TEXT = ("person", "label", "score", "note")
PRESENT = "present"
"""Meeting mode: the ids of the children and network members who came."""
BLANK_TASKS = 3
BLANK_LABELS = 2
MAX_ROWS = 100
"""Rows read from one post, at most (of tasks, and of scale scores)."""
MAX_LINE = 500

NOT_IN_NETWORK = N_("Someone chosen here is not in this case's network: choose again.")
NOBODY = N_("Tick who does it: the family and network name at least one person.")
NO_SERVICE = N_("Name the service asked for, or tick who gives the help.")
GOAL_NUMBERS = N_("Write the numbers of the goals it serves, such as 1, 3.")
NO_SUCH_GOAL = N_(
    "The plan has %(goals)d goals under 'What needs to happen?': use a number from 1 to %(goals)d."
)
NO_GOALS = N_("The plan has no goals yet: write them under 'What needs to happen?' first.")
SCORE = N_("Choose a score from 0 to 10.")
NOT_PRESENT = N_(
    "Tick at the top that this person came to the meeting, or leave their score empty."
)
SCORE_MISSING = N_("Choose a score too, or leave the note empty.")
LABEL_MISSING = N_("Say whose score this is, such as 'consulent'.")
REVIEW_BEFORE = N_("The review comes after the day the plan was agreed, not before it.")
WHAT_MISSING = N_("Say what will be done.")

_SKIPPED_WHEN_EMPTY = ("what", "who", "checked_by", "due", "service", "needs", "note")
_INACTIVE = frozenset(
    {Engagement.deceased, Engagement.declined, Engagement.not_safe, Engagement.no_contact}
)
_TASK_SENTENCES = {
    # the domain's sentence: (the row's field it is about, the message)
    "a task of the family and network names who does it": ("who", NOBODY),
    "professional help names who gives it or the service asked": ("service", NO_SERVICE),
    "a person is listed twice in 'who'": ("who", MESSAGES["invalid"]),
    "needs are numbered from 1": ("needs", GOAL_NUMBERS),
}


def task_field(row: int, name: str) -> str:
    return f"task-{row}-{name}"


def scale_field(row: int, name: str) -> str:
    return f"scale-{row}-{name}"


# -- who the form offers --------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """A person the form offers, by the name the case page gives them."""

    id: str
    name: str
    relation: str | None = None
    is_child: bool = False
    active: bool = True
    """Not deceased, not declined, safe to contact: offered for new tasks."""
    adult: bool = True
    """18 or older, or of unknown age (:func:`tenhands.graph.figures.is_adult`); never a
    child of the case."""
    deceased: bool = False


@dataclass(frozen=True)
class TaskRow:
    index: int
    number: int
    """The row's place in the form (1, 2, …), as the page says it."""
    choices: list[Choice]
    """Who may be chosen in this row (doing or checking): the adults of the network who
    are active, and anyone the row already names."""
    kept: dict[str, list[str]]
    """Per field (``who``, ``checked_by``), persons named in the row whom this room may
    not see (meeting mode): kept as they are, without a name."""
    carried: bool
    """Carried over from the current version (shown folded)."""
    open: bool


@dataclass(frozen=True)
class ScaleRow:
    index: int
    person: Choice | None
    """None: a free label (such as "consulent"), or in meeting mode someone else who
    came, by function."""
    previous: ScaleScore | None
    """The participant's latest score in an earlier version (its day too)."""


@dataclass
class PlanLayout:
    """The rows of the form as shown."""

    tasks: list[TaskRow] = field(default_factory=list)
    scale: list[ScaleRow] = field(default_factory=list)
    version: int = 1
    """The version the form will store."""
    meeting: bool = False
    """Recorded in a meeting: who came is ticked at the top, the scale asks them only."""
    may_come: list[Choice] = field(default_factory=list)
    """Meeting mode: the children and network members who may be ticked as present."""
    labels: dict[str, ScaleScore] = field(default_factory=dict)
    """The free labels scored before (by their lower-case words), with their latest score."""

    @property
    def others(self) -> list[ScaleRow]:
        """The free-label rows (meeting mode: others who came, by function)."""
        return [row for row in self.scale if row.person is None]


# -- values ---------------------------------------------------------------------------


def plan_values(plans: Sequence[Plan], today: date, *, meeting: bool = False) -> dict[str, Any]:
    """The form's values to start from: the current version's (the last of ``plans``; a
    first plan's when there is none), agreed today, with :data:`BLANK_TASKS` blank task
    rows (one in a meeting) and the scale rows left to fill in (:func:`layout` adds one
    per participant). Off the wall a row follows for each free label scored before; in
    a meeting the label rows are blank, for the others who came."""
    plan = plans[-1] if plans else None
    values: dict[str, Any] = {name: "" for name in (*LISTS, *DATES)}
    values["agreed_on"] = today.isoformat()
    values[PRESENT] = []
    tasks: Sequence[Task] = plan.tasks if plan is not None else ()
    if plan is not None:
        for name in LISTS:
            values[name] = "\n".join(getattr(plan, name))
    for row, task in enumerate(tasks):
        values.update(
            {
                task_field(row, "id"): task.id,
                task_field(row, "what"): task.what,
                task_field(row, "who"): list(task.who),
                task_field(row, "due"): task.due.isoformat() if task.due else "",
                task_field(row, "checked_by"): list(task.checked_by),
                task_field(row, "owner"): task.owner.value,
                task_field(row, "service"): task.service or "",
                task_field(row, "needs"): ", ".join(str(n) for n in task.needs),
                task_field(row, "status"): task.status.value,
                task_field(row, "note"): task.note or "",
            }
        )
    blank = 1 if meeting else BLANK_TASKS  # in a meeting, "Add a task" adds the next
    for row in range(len(tasks), len(tasks) + blank):
        values.update(_blank_task(row))
    labels = [] if meeting else _labels_of(plans)
    for row, label in enumerate(labels):
        values[scale_field(row, "label")] = label
    for row in range(len(labels), len(labels) + BLANK_LABELS):
        values[scale_field(row, "label")] = ""
    return values


def _blank_task(row: int) -> dict[str, Any]:
    return {
        task_field(row, "id"): "",
        task_field(row, "what"): "",
        task_field(row, "who"): [],
        task_field(row, "checked_by"): [],
        task_field(row, "owner"): TaskOwner.network.value,
        task_field(row, "status"): TaskStatus.agreed.value,
    }


def _labels_of(plans: Sequence[Plan]) -> list[str]:
    """The free labels scored before, in the order they were first scored, once each."""
    return [s.label or "" for (is_label, _k), s in latest_scores(plans).items() if is_label]


def posted_values(form: FormData) -> dict[str, Any]:
    """What was posted, as typed (task and scale rows by their index)."""
    values: dict[str, Any] = {}
    for name in (*LISTS, *DATES):
        raw = form.get(name)
        values[name] = raw.strip() if isinstance(raw, str) else ""
    values[PRESENT] = list(dict.fromkeys(str(v) for v in form.getlist(PRESENT)))[:MAX_ROWS]
    for row in _rows(form.keys(), "task"):
        for name in TASK_TEXT:
            raw = form.get(task_field(row, name))
            values[task_field(row, name)] = raw.strip() if isinstance(raw, str) else ""
        for name in TASK_MULTI:
            values[task_field(row, name)] = [str(v) for v in form.getlist(task_field(row, name))]
    for row in _rows(form.keys(), "scale"):
        for name in SCALE_TEXT:
            raw = form.get(scale_field(row, name))
            values[scale_field(row, name)] = raw.strip() if isinstance(raw, str) else ""
    return values


def _rows(names: Iterable[str], kind: str) -> list[int]:
    """The row numbers of ``kind`` (task, scale) among form field names, in order."""
    found = {int(m.group(1)) for n in names if (m := re.fullmatch(rf"{kind}-(\d{{1,4}})-\w+", n))}
    return sorted(found)[:MAX_ROWS]


def rows_in(values: dict[str, Any], kind: str) -> list[int]:
    return _rows(values.keys(), kind)


# -- the rows shown -------------------------------------------------------------------


def layout(
    values: dict[str, Any],
    people: Sequence[Choice],
    *,
    shown: set[str] | None,
    plans: Sequence[Plan],
    errors: dict[str, str] | None = None,
    fresh: bool = False,
) -> PlanLayout:
    """The task and scale rows of ``values``. ``people`` are the case's children and
    network members in the case page's order; ``plans`` the versions agreed so far,
    oldest first; ``shown`` the ids this room may see (None: everyone, off the wall;
    else the form is the meeting's, asking who came). ``fresh``: the form as it starts
    (a scale row is added for every participant)."""
    errors = errors or {}
    current = plans[-1] if plans else None
    meeting = shown is not None
    visible = [p for p in people if shown is None or p.id in shown]
    by_id = {p.id: p for p in people}
    carried = {t.id for t in current.tasks} if current is not None else set()
    tasks = []
    for number, row in enumerate(rows_in(values, "task"), start=1):
        named = {
            name: [str(pid) for pid in values.get(task_field(row, name)) or []]
            for name in TASK_MULTI
        }
        everyone = {pid for ids in named.values() for pid in ids}
        choices = [p for p in visible if p.id in everyone or (p.active and p.adult)]
        kept = {
            name: [pid for pid in ids if pid in by_id and shown is not None and pid not in shown]
            for name, ids in named.items()
        }
        is_carried = values.get(task_field(row, "id")) in carried
        has_error = any(k.startswith(f"task-{row}-") for k in errors)
        tasks.append(
            TaskRow(
                index=row,
                number=number,
                choices=choices,
                kept=kept,
                carried=is_carried,
                open=has_error or not is_carried,
            )
        )
    previous = latest_scores(plans)
    may_come = [p for p in visible if not p.deceased] if meeting else []
    scale: list[ScaleRow] = []
    posted_people = {
        values.get(scale_field(r, "person")): r
        for r in rows_in(values, "scale")
        if values.get(scale_field(r, "person"))
    }
    if fresh:
        if meeting:
            participants = may_come
        else:
            participants = [
                p for p in visible if p.is_child or p.active or (False, p.id) in previous
            ]
        next_row = max(rows_in(values, "scale"), default=-1) + 1
        for p in participants:
            scale.append(ScaleRow(next_row, p, previous.get((False, p.id))))
            values[scale_field(next_row, "person")] = p.id
            next_row += 1
    for row in rows_in(values, "scale"):
        pid = values.get(scale_field(row, "person"))
        if pid:
            if fresh:
                continue
            person = by_id.get(pid)
            if person is None or posted_people.get(pid) != row:
                continue  # someone outside the network, or twice: dropped (said at the field)
            if shown is not None and pid not in shown:
                continue
            scale.append(ScaleRow(row, person, previous.get((False, pid))))
        else:
            label = str(values.get(scale_field(row, "label")) or "")
            scale.append(ScaleRow(row, None, previous.get((True, label.casefold()))))
    scale.sort(key=lambda s: (s.person is None, s.index))
    labels = {key: score for (is_label, key), score in previous.items() if is_label}
    return PlanLayout(
        tasks=tasks,
        scale=scale,
        version=current.version + 1 if current is not None else 1,
        meeting=meeting,
        may_come=may_come,
        labels=labels,
    )


def choices_of(rows: Iterable[PersonRow], today: date) -> list[Choice]:
    """The case's people (:class:`~tenhands.web.people.PersonRow`) as the form offers
    them."""
    return [
        Choice(
            id=r.id,
            name=r.name,
            relation=r.relation,
            is_child=r.is_child,
            active=r.is_child or _active(r),
            adult=not r.is_child and is_adult(r.person, today),
            deceased=r.person.deceased
            or (r.role is not None and r.role.engagement is Engagement.deceased),
        )
        for r in rows
        if r.is_child or r.role is not None
    ]


def _active(row: PersonRow) -> bool:
    return row.role is not None and row.role.engagement not in _INACTIVE and not row.person.deceased


# -- reading the form back ------------------------------------------------------------


def checked_plan(
    values: dict[str, Any],
    *,
    case_id: str,
    members: set[str],
    by: str,
    today: date,
    _: Gettext,
    room: set[str] | None = None,
) -> tuple[Plan | None, dict[str, str]]:
    """The plan the form describes, ready for :func:`~tenhands.graph.plans.agree_plan`,
    or the errors by form field (in the form's order). ``room``: recorded in a meeting,
    the ids of who may be ticked as present there; only they are scored, and only when
    ticked."""
    errors: dict[str, str] = {}
    if room is not None:
        errors.update(_attendance_errors(values, room, _))
    lists: dict[str, list[str]] = {}
    for name in LISTS:
        lines = [line.strip() for line in str(values.get(name, "")).splitlines()]
        lists[name] = [line for line in lines if line]
        if any(len(line) > MAX_LINE for line in lists[name]):
            errors[name] = _(TOO_LONG) % {"max": MAX_LINE}
    days: dict[str, date | None] = {}
    for name in DATES:
        days[name], problem = typed_day(str(values.get(name, "")), _)
        if problem:
            errors[name] = problem
    agreed, review = days["agreed_on"], days["review_on"]
    if agreed and review and review < agreed:
        errors["review_on"] = _(REVIEW_BEFORE)
    goals = len(lists["needs_to_happen"])

    tasks: list[Task] = []
    task_rows: list[int] = []
    for row in rows_in(values, "task"):
        task, problems = _task(values, row, goals, _)
        errors.update(problems)
        if task is not None:
            tasks.append(task)
            task_rows.append(row)

    scores: list[ScaleScore] = []
    scale_rows: list[int] = []
    for row in rows_in(values, "scale"):
        score, problems = _score(values, row, agreed or today, _)
        errors.update(problems)
        if score is not None:
            scores.append(score)
            scale_rows.append(row)

    for name, said in _outsiders(values, members, _).items():
        errors.setdefault(name, said)
    if errors:
        return None, dict(sorted(errors.items(), key=lambda item: _order(values, item[0])))
    try:
        plan = Plan.model_validate(
            {
                "case_id": case_id,
                **lists,
                "agreed_on": agreed,
                "review_on": review,
                "tasks": tasks,
                "safety_scale": scores,
                "provenance": Provenance(created_by=by),
            }
        )
    except ValidationError as exc:
        return None, field_errors(exc, {name: name for name in (*LISTS, *DATES)}, _)
    return plan, {}


def _order(values: dict[str, Any], name: str) -> int:
    """A field's place in the form (who came first, in a meeting)."""
    names = [PRESENT, *values]
    return names.index(name) if name in names else len(names)


def _attendance_errors(values: dict[str, Any], room: set[str], _: Gettext) -> dict[str, str]:
    """In a meeting: who is ticked as present must be someone the room may see, and a
    person is scored only when ticked as present."""
    errors: dict[str, str] = {}
    present = set(values.get(PRESENT) or [])
    if present - room:
        errors[PRESENT] = _(NOT_IN_NETWORK)
    for row in rows_in(values, "scale"):
        pid = values.get(scale_field(row, "person"))
        said = values.get(scale_field(row, "score")) or values.get(scale_field(row, "note"))
        if not pid or not said:
            continue
        if pid not in room:
            errors[scale_field(row, "score")] = _(NOT_IN_NETWORK)
        elif pid not in present:
            errors[scale_field(row, "score")] = _(NOT_PRESENT)
    for row in rows_in(values, "scale"):
        label = str(values.get(scale_field(row, "label")) or "")
        if len(label) > MAX_LINE:
            errors[scale_field(row, "label")] = _(TOO_LONG) % {"max": MAX_LINE}
    return errors


def attendance(values: dict[str, Any], held_on: date) -> Attendance:
    """Who came, as the meeting form (checked by :func:`checked_plan`) says it: the
    network members and children ticked, and the others named by function."""
    others = [
        label
        for row in rows_in(values, "scale")
        if not values.get(scale_field(row, "person"))
        and (label := str(values.get(scale_field(row, "label")) or "").strip())
    ]
    return Attendance(held_on, [str(pid) for pid in values.get(PRESENT) or []], others)


def _outsiders(values: dict[str, Any], members: set[str], _: Gettext) -> dict[str, str]:
    """An error at each field naming someone outside the network, for every row as
    typed (also rows with other errors): :func:`~tenhands.graph.plans.outsiders` on the
    persons the rows name."""
    task_rows, scale_rows = rows_in(values, "task"), rows_in(values, "scale")
    # only who is named matters here: the rows are not valid plan parts yet
    named = Plan.model_construct(
        case_id="",
        tasks=[
            Task.model_construct(
                what="",
                who=[str(v) for v in values.get(task_field(row, "who")) or []],
                checked_by=[str(v) for v in values.get(task_field(row, "checked_by")) or []],
            )
            for row in task_rows
        ],
        safety_scale=[
            ScaleScore.model_construct(
                person_id=values.get(scale_field(row, "person")) or None, score=0, on=date.min
            )
            for row in scale_rows
        ],
    )
    errors: dict[str, str] = {}
    for location, _pid in outsiders(named, members):
        if location[0] == "tasks":
            name = task_field(task_rows[int(location[1])], str(location[2]))
        else:
            name = scale_field(scale_rows[int(location[1])], "score")
        errors.setdefault(name, _(NOT_IN_NETWORK))
    return errors


def _task(
    values: dict[str, Any], row: int, goals: int, _: Gettext
) -> tuple[Task | None, dict[str, str]]:
    def get(name: str) -> Any:
        return values.get(task_field(row, name)) or ([] if name in TASK_MULTI else "")

    if not any(get(name) for name in _SKIPPED_WHEN_EMPTY):
        return None, {}  # a blank row
    errors: dict[str, str] = {}
    if not get("what"):
        errors[task_field(row, "what")] = _(WHAT_MISSING)
    due, problem = typed_day(get("due"), _)
    if problem:
        errors[task_field(row, "due")] = problem
    needs, problem = _goal_numbers(get("needs"), goals, _)
    if problem:
        errors[task_field(row, "needs")] = problem
    data: dict[str, Any] = {
        "what": get("what"),
        "who": get("who"),
        "due": due,
        "checked_by": get("checked_by"),
        "owner": get("owner") or TaskOwner.network.value,
        "service": optional(get("service")),
        "needs": needs,
        "status": get("status") or TaskStatus.agreed.value,
        "note": optional(get("note")),
    }
    if get("id"):
        data["id"] = get("id")
    try:
        task = Task.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_input=False, include_url=False):
            if error["loc"]:
                continue
            sentence = str((error.get("ctx") or {}).get("error", ""))
            name, said = _TASK_SENTENCES.get(sentence, ("what", MESSAGES["invalid"]))
            errors.setdefault(task_field(row, name), _(said))
        where = {
            name: task_field(row, "what" if name == "id" else name)
            for name in (*TASK_TEXT, *TASK_MULTI)
        }
        located = field_errors(exc, where, _)
        located.pop("", None)
        for name, said in located.items():
            errors.setdefault(name, said)
        return None, errors
    return (None, errors) if errors else (task, {})


def _goal_numbers(text: str, goals: int, _: Gettext) -> tuple[list[int], str | None]:
    """The goal numbers typed (``1, 3``), or the error to show.

    >>> from gettext import gettext
    >>> _goal_numbers("1, 3", 3, gettext), _goal_numbers("", 0, gettext)
    (([1, 3], None), ([], None))
    >>> _goal_numbers("4", 3, gettext)[1].startswith("The plan has 3 goals")
    True
    """
    parts = [p for p in re.split(r"[\s,;]+", text) if p]
    if not all(p.isdigit() for p in parts):
        return [], _(GOAL_NUMBERS)
    numbers = sorted({int(p) for p in parts})
    if numbers and goals == 0:
        return [], _(NO_GOALS)
    if any(n < 1 or n > goals for n in numbers):
        return [], _(NO_SUCH_GOAL) % {"goals": goals}
    return numbers, None


def _score(
    values: dict[str, Any], row: int, on: date, _: Gettext
) -> tuple[ScaleScore | None, dict[str, str]]:
    def get(name: str) -> str:
        return str(values.get(scale_field(row, name)) or "")

    person, label, typed, note = get("person"), get("label"), get("score"), get("note")
    if not typed and not note:
        return None, {}  # not scored now: an earlier score stays (carried over)
    if not typed:
        return None, {scale_field(row, "score"): _(SCORE_MISSING)}
    if not typed.isdigit() or not 0 <= int(typed) <= 10:
        return None, {scale_field(row, "score"): _(SCORE)}
    if not person and not label:
        return None, {scale_field(row, "label"): _(LABEL_MISSING)}
    data = {
        "person_id": person or None,
        "label": None if person else label,
        "score": int(typed),
        "on": on,
        "note": optional(note),
    }
    try:
        return ScaleScore.model_validate(data), {}
    except ValidationError as exc:
        where = {
            "person_id": scale_field(row, "score"),
            "label": scale_field(row, "label"),
            "score": scale_field(row, "score"),
            "note": scale_field(row, "note"),
        }
        found = field_errors(exc, where, _)
        found.pop("", None)
        return None, found or {scale_field(row, "score"): message(_, "invalid")}
