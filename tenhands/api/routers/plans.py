"""A case's plan: ``/cases/{case_id}/plans`` (versions, oldest first), one version, and
a task's status between meetings.

Each meeting may agree a new version; earlier versions stay as they were.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from ...graph.model import Plan
from ...graph.plans import agree_plan, network_of, plan_version, plan_versions, set_task_status
from ..auth.deps import CaseScope, case_access
from ..auth.permissions import Permission
from ..deps import ActorDep, CaseIdPath, PageDep, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, CONFLICT, NOT_FOUND
from ..membership import refuse_outsiders
from ..schemas.common import Page, build, created
from ..schemas.plans import PlanCreate, PlanPublic, TaskStatusUpdate

router = APIRouter(
    prefix="/cases/{case_id}/plans", tags=["plans"], responses={**COMMON_RESPONSES, **NOT_FOUND}
)

Read = Annotated[CaseScope, case_access(entity="plan")]
Write = Annotated[CaseScope, case_access(Permission.write_plan, entity="plan")]
VersionPath = Annotated[int, Path(ge=1, le=100_000, description="the plan's version")]
TaskIdPath = Annotated[str, Path(min_length=1, max_length=80, description="the task's id")]


@router.get("", summary="The case's plan versions, oldest first")
def list_plans(case_id: CaseIdPath, store: StoreDep, page: PageDep, _: Read) -> Page[PlanPublic]:
    plans = plan_versions(store, case_id, limit=page.limit, offset=page.offset)
    return Page[PlanPublic].of(
        [PlanPublic.of(p) for p in plans], limit=page.limit, offset=page.offset
    )


@router.get("/{version}", summary="One version of the case's plan")
def get_plan(case_id: CaseIdPath, version: VersionPath, store: StoreDep, _: Read) -> PlanPublic:
    return PlanPublic.of(plan_version(store, case_id, version))


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Agree a new version of the case's plan",
    description="Gets the next version number. A task or scale score naming someone who "
    "is not in the case's network (a child of the case, or a network member) is refused "
    "(422) and nothing is stored; 409 when another version was agreed at the same moment.",
    responses={**BAD_JSON, **CONFLICT},
)
def add_plan(
    case_id: CaseIdPath,
    body: PlanCreate,
    store: StoreDep,
    actor: ActorDep,
    response: Response,
    _: Write,
) -> PlanPublic:
    members = network_of(store, case_id)
    data = created(
        body.model_dump(exclude_unset=True, exclude={"source"}), actor=actor, source=body.source
    )
    data.update(case_id=case_id)
    draft = build(Plan, data)
    refuse_outsiders(draft, members)
    plan = agree_plan(store, draft)
    response.headers["Location"] = f"/cases/{case_id}/plans/{plan.version}"
    return PlanPublic.of(plan)


@router.put(
    "/{version}/tasks/{task_id}/status",
    summary="Record how a task of the current plan went",
    description="Done, not done or changed (with a note), between meetings. Only the "
    "current version's tasks change; an earlier version gives 409 (it stays as agreed).",
    responses={**BAD_JSON, **CONFLICT},
)
def put_task_status(
    case_id: CaseIdPath,
    version: VersionPath,
    task_id: TaskIdPath,
    body: TaskStatusUpdate,
    store: StoreDep,
    actor: ActorDep,
    _: Write,
) -> PlanPublic:
    plan = set_task_status(store, case_id, version, task_id, body.status, by=actor, note=body.note)
    return PlanPublic.of(plan)
