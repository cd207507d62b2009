"""Family trees in and out: ``POST /imports/gedcom`` and ``GET /cases/{case_id}/export.ged``."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile, status
from fastapi.responses import Response

from ...finding.gedcom import GedcomError, export_case_gedcom, import_gedcom
from ...graph.model import AuditAction
from ..auth.deps import CaseScope, TrailDep, allowed_to, audit_event, case_access, forbidden
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import CaseIdPath, StoreDep
from ..errors import (
    BAD_FILE,
    COMMON_RESPONSES,
    CONFLICT,
    ID_PATTERN,
    NOT_FOUND,
    FileProblem,
    UnreadableFile,
)
from ..schemas.gedcom import GedcomImported

router = APIRouter(tags=["gedcom"], responses=COMMON_RESPONSES)

MAX_UPLOAD = 20 * 1024 * 1024
"""Larger family-tree files are refused (413); 20 MiB holds some 200,000 persons."""

GEDCOM_MEDIA_TYPE = "text/vnd.familysearch.gedcom"


@router.post(
    "/imports/gedcom",
    status_code=status.HTTP_201_CREATED,
    summary="Import a family tree (GEDCOM 5.5/5.5.1)",
    description="Persons and ties of the file are stored with the file as their source, in "
    "one transaction; importing the same file into the same case again updates them, while "
    "a file of the same name imported into another case never touches them. With `case_id`, "
    "persons not yet in that case's network join it as *identified*. A file with broken "
    "records or links is refused whole (422, with each problem's line) unless `keep_valid` "
    "is set. Anyone but an admin imports into a case assigned to them; an import that would "
    "update persons the user may not see is refused whole (409).",
    responses={**NOT_FOUND, **BAD_FILE, **CONFLICT},
)
def import_gedcom_file(
    store: StoreDep,
    principal: Annotated[Principal, allowed_to(Permission.write_case)],
    trail: TrailDep,
    request: Request,
    file: Annotated[UploadFile, File(description="a .ged file")],
    case_id: Annotated[
        str | None, Form(pattern=ID_PATTERN, description="add the persons to this case")
    ] = None,
    keep_valid: Annotated[
        bool, Form(description="import what is valid and report the rest")
    ] = False,
) -> GedcomImported:
    if case_id is None and not principal.all_cases:
        raise forbidden("Name the case to import into (case_id): one assigned to you.")
    if case_id is not None and not principal.sees_case(case_id):
        raise forbidden("This case is not assigned to you.")
    trail.record(audit_event(principal, request, "gedcom", case_id, case_id, AuditAction.import_))
    data = file.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "The file is larger than 20 MiB.")
    if not data:
        raise UnreadableFile("The file is empty.")
    try:
        report = import_gedcom(
            store,
            data,
            source_name=PurePath(file.filename or "upload.ged").name,
            case_id=case_id,
            keep_valid=keep_valid,
            viewer=principal,
        )
    except GedcomError as exc:
        problems = [FileProblem(line=p.line, ref=p.xref, message=p.message) for p in exc.problems]
        raise UnreadableFile(
            f"The file has {len(problems)} problems and nothing was imported; fix them, "
            "or import what is valid with keep_valid.",
            problems,
        ) from None
    return GedcomImported.of(report)


@router.get(
    "/cases/{case_id}/export.ged",
    summary="A case's network as a GEDCOM 5.5.1 file",
    description="With `hide_living`, living persons keep only a placeholder name and sex.",
    response_class=Response,
    responses={**NOT_FOUND, 200: {"content": {GEDCOM_MEDIA_TYPE: {}}}},
)
def export_case(
    case_id: CaseIdPath,
    store: StoreDep,
    _: Annotated[
        CaseScope, case_access(Permission.export, entity="gedcom", action=AuditAction.export)
    ],
    hide_living: Annotated[bool, Query(description="leave out living persons' details")] = False,
) -> Response:
    text = export_case_gedcom(store, case_id, hide_living=hide_living)
    return Response(
        text.encode("utf-8"),
        media_type=f"{GEDCOM_MEDIA_TYPE}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{case_id}.ged"'},
    )
