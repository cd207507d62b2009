"""Data out, and a person's erasure: a case as one JSON document
(``GET /cases/{case_id}/export``), everything about one person
(``GET /persons/{person_id}/export``), and erasing a person
(``POST /persons/{person_id}/erase``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ...graph.bundle import CaseBundle, export_case
from ...graph.model import AuditAction, Erasure
from ...graph.subject import export_person
from ..auth.deps import CaseScope, TrailDep, allowed_to, audit_event, case_access
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import CaseIdPath, FinderDep, PersonIdPath, StoreDep
from ..errors import COMMON_RESPONSES, CONFLICT, NOT_FOUND

router = APIRouter(tags=["exports"], responses=COMMON_RESPONSES)

DataSubject = Annotated[Principal, allowed_to(Permission.data_subject)]


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}


@router.get(
    "/cases/{case_id}/export",
    summary="Everything held about a case, as one JSON document",
    description="The case, its persons, ties, network roles, plans, outside records and "
    "candidates; `tenhands import-json` reads it back.",
    response_model=CaseBundle,
    responses=NOT_FOUND,
)
def export_case_json(
    case_id: CaseIdPath,
    store: StoreDep,
    _: Annotated[
        CaseScope, case_access(Permission.export, entity="case", action=AuditAction.export)
    ],
) -> JSONResponse:
    bundle = export_case(store, case_id)
    return JSONResponse(bundle.model_dump(mode="json"), headers=_attachment(f"{case_id}.json"))


@router.get(
    "/persons/{person_id}/export",
    summary="Everything held about one person (the right of access), for an admin",
    description="The person, their ties, network roles and cases, the candidates and "
    "outside records about them, the plan tasks and scale scores naming them, and the "
    "audit events about them.",
    response_model=dict[str, Any],
    responses=NOT_FOUND,
)
def export_subject(
    person_id: PersonIdPath,
    store: StoreDep,
    principal: DataSubject,
    trail: TrailDep,
    request: Request,
) -> JSONResponse:
    trail.record(audit_event(principal, request, "person", person_id, None, AuditAction.export))
    return JSONResponse(export_person(store, person_id), headers=_attachment(f"{person_id}.json"))


@router.post(
    "/persons/{person_id}/erase",
    summary="Erase a person (the right to erasure), for an admin",
    description="Removes the person from every case with their ties and network roles, "
    "the candidates and change sets about them, outside records accepted as them, and "
    "their place in plans; the audit log keeps only that an erasure happened. A child of "
    "a case is not erased (409): close or remove the case first. Cannot be undone.",
    responses={**NOT_FOUND, **CONFLICT},
)
def erase(
    person_id: PersonIdPath, store: StoreDep, principal: DataSubject, finder: FinderDep
) -> Erasure:
    done = store.erase_person(person_id, actor=principal.login)
    if done.records:
        finder.forget_saved()  # the erased records leave the disk now, not at the next search
    return done
