"""A case's plan: ``/cases/{case_id}/plans`` (versions, oldest first) and one version.

Each meeting may agree a new version; earlier versions stay as they were.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response, status
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from ...graph.errors import NotFound
from ...graph.model import Plan
from ..auth.deps import CaseScope, case_access
from ..auth.permissions import Permission
from ..deps import ActorDep, CaseIdPath, PageDep, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, CONFLICT, NOT_FOUND, domain_invalid
from ..schemas.common import Page, build, created
from ..schemas.plans import PlanCreate, PlanPublic

router = APIRouter(
    prefix="/cases/{case_id}/plans", tags=["plans"], responses={**COMMON_RESPONSES, **NOT_FOUND}
)

Read = Annotated[CaseScope, case_access(entity="plan")]
Write = Annotated[CaseScope, case_access(Permission.write_plan, entity="plan")]
VersionPath = Annotated[int, Path(ge=1, description="the plan's version")]


@router.get("", summary="The case's plan versions, oldest first")
def list_plans(case_id: CaseIdPath, store: StoreDep, page: PageDep, _: Read) -> Page[PlanPublic]:
    store.get_case(case_id)
    plans = store.list_plans(case_id)[page.offset : page.offset + page.limit]
    return Page[PlanPublic].of(
        [PlanPublic.of(p) for p in plans], limit=page.limit, offset=page.offset
    )


@router.get("/{version}", summary="One version of the case's plan")
def get_plan(case_id: CaseIdPath, version: VersionPath, store: StoreDep, _: Read) -> PlanPublic:
    for plan in store.list_plans(case_id):
        if plan.version == version:
            return PlanPublic.of(plan)
    raise NotFound("plan version", f"{case_id}/{version}")


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
    case = store.get_case(case_id)
    members = set(case.child_ids) | {r.person_id for r in store.list_roles(case_id)}
    _check_named(body, members)
    versions = [p.version for p in store.list_plans(case_id)]
    data = created(
        body.model_dump(exclude_unset=True, exclude={"source"}), actor=actor, source=body.source
    )
    data.update(case_id=case_id, version=max(versions, default=0) + 1)
    plan = store.add_plan(build(Plan, data))
    response.headers["Location"] = f"/cases/{case_id}/plans/{plan.version}"
    return PlanPublic.of(plan)


def _check_named(body: PlanCreate, members: set[str]) -> None:
    """422 (like any invalid body) for a task or score naming someone not in the network."""
    errors: list[tuple[tuple[str | int, ...], str]] = []
    for n, task in enumerate(body.tasks):
        for field in ("who", "checked_by"):
            for k, person_id in enumerate(getattr(task, field)):
                if person_id not in members:
                    errors.append((("tasks", n, field, k), person_id))
    for n, score in enumerate(body.safety_scale):
        if score.person_id is not None and score.person_id not in members:
            errors.append((("safety_scale", n, "person_id"), score.person_id))
    if errors:
        details: list[InitErrorDetails] = [
            {
                "type": PydanticCustomError(
                    "not_in_network", "{person} is not in the case's network", {"person": pid}
                ),
                "loc": loc,
                "input": pid,
            }
            for loc, pid in errors
        ]
        raise domain_invalid(ValidationError.from_exception_data("PlanCreate", details))
