"""Outside person records: ``POST /records/import``, ``GET /records`` and ``/records/{id}``.

Records are kept as found, with their source; they become persons only when a worker
accepts a candidate built from them. Nothing from a file is logged: problems name the
row and the column, never a value.
"""

from __future__ import annotations

import json
import logging
from enum import StrEnum
from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile, status
from fastapi.responses import JSONResponse

from ...finding.records import ColumnMappingError, import_records
from ...finding.records.columns import check_mapping
from ...finding.records.readers import FileFormat, ReadError, guess_format
from ...graph.errors import InvalidInput, NotFound
from ...graph.model import AuditAction, SourceKind
from ..auth.deps import TrailDep, allowed_to, audit_event, forbidden
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import PageDep, RecordIdPath, StoreDep
from ..errors import COMMON_RESPONSES, ID_PATTERN, NOT_FOUND, ErrorBody, Responses, sentence
from ..schemas.common import Page
from ..schemas.records import (
    RecordFileErrorBody,
    RecordPublic,
    RecordsImported,
)

log = logging.getLogger("tenhands.api")

router = APIRouter(prefix="/records", tags=["records"], responses=COMMON_RESPONSES)

Finder = Annotated[Principal, allowed_to(Permission.find_kin)]


MAX_UPLOAD = 20 * 1024 * 1024
"""Larger record files are refused (413); 20 MiB holds some 100,000 rows."""

MAX_SOURCE = 500
"""A source name is kept as short text."""

_SUFFIXES: dict[str, FileFormat] = {
    ".csv": FileFormat.csv,
    ".tsv": FileFormat.csv,
    ".txt": FileFormat.csv,
    ".jsonl": FileFormat.jsonl,
    ".ndjson": FileFormat.jsonl,
    ".json": FileFormat.jsonl,
    ".xlsx": FileFormat.xlsx,
    ".xlsm": FileFormat.xlsx,
}
"""File name endings the reader knows (an old ``.xls`` it explains itself)."""


class FormatName(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    xlsx = "xlsx"


BAD_RECORD_FILE: Responses = {
    413: {"model": ErrorBody, "description": "The upload is larger than allowed"},
    422: {
        "model": RecordFileErrorBody,
        "description": "The file cannot be imported as it is (code invalid_file, with each "
        "problem's row and column), or a form field is invalid; nothing was stored",
    },
}


def _refused(request: Request, detail: str, report: RecordsImported | None = None) -> JSONResponse:
    """A 422 for a file that was not imported; only the route template is logged."""
    route = getattr(request.scope.get("route"), "path", "<no route>")
    log.info("%s %s -> 422 invalid_file", request.method, route)
    body = RecordFileErrorBody(
        detail=sentence(detail),
        code="invalid_file",
        problems=report.problems if report is not None else [],
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=422)


def _mapping(text: str | None) -> dict[str, str] | None:
    """The ``mapping`` form field: a JSON object of their header → our column."""
    if text is None or not text.strip():
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise InvalidInput(
            'the mapping is not valid JSON: send an object such as {"Naam kind": "given_names"}'
        ) from None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidInput(
            "the mapping must be a JSON object of their header to a column name, both text"
        )
    try:
        check_mapping(value)
    except ColumnMappingError as exc:
        raise InvalidInput(str(exc)) from None
    return value


class UnsupportedFile(Exception):
    """A file whose format cannot be read (or does not fit the source name)."""


def _wanted_format(upload_name: str, fmt: FormatName | None) -> FileFormat | None:
    """The format asked for, else the one the upload's name tells (None: read the content).

    A name ending that is no record file at all is refused with a sentence.
    """
    if fmt is not None:
        return FileFormat(fmt.value)
    suffix = PurePath(upload_name).suffix.lower()
    if not suffix:
        return None
    if suffix == ".xls":
        raise UnsupportedFile("old Excel .xls files cannot be read; save the sheet as .xlsx or CSV")
    known = _SUFFIXES.get(suffix)
    if known is None:
        raise UnsupportedFile(
            f"files ending in {suffix} cannot be read as records; send CSV, JSON Lines "
            "(.jsonl) or Excel (.xlsx), or say which one it is in the format field"
        )
    return known


@router.post(
    "/import",
    status_code=status.HTTP_201_CREATED,
    response_model=RecordsImported,
    summary="Import person records from a CSV, JSON Lines or Excel file",
    description="Each row becomes a record kept with its source; the file needs an `id` "
    "column (or a `mapping` onto `id`). Headers are recognised in Dutch, French and English; "
    '`mapping` names others, as a JSON object `{"their header": "column"}`. A file with '
    "problems is refused whole (422 `invalid_file`, each problem with its row and column, "
    "never a value, and nothing is stored) unless `skip_bad_rows` is set: then the good "
    "rows are stored (201) and the bad ones reported. The format comes from `format`, else "
    "from the file's name, else from its content. Record ids are derived from the source "
    "name, so a second import under the same source name reports rows already imported. "
    "Records gathered for a case (`case_id`) are read and searched for that case only; "
    "without `case_id` (admins only) they are an agency-wide source, searched for every "
    "case.",
    responses={**NOT_FOUND, **BAD_RECORD_FILE},
)
def import_record_file(
    request: Request,
    store: StoreDep,
    principal: Finder,
    trail: TrailDep,
    file: Annotated[UploadFile, File(description="a .csv, .jsonl or .xlsx file")],
    source: Annotated[
        str | None,
        Form(
            max_length=MAX_SOURCE,
            description="the source name the records are kept under; the file's name if left out",
        ),
    ] = None,
    source_kind: Annotated[
        SourceKind, Form(description="what kind of source: registry, case_file, school_list…")
    ] = SourceKind.import_file,
    mapping: Annotated[
        str | None, Form(description='JSON object: {"their header": "column"}')
    ] = None,
    skip_bad_rows: Annotated[
        bool, Form(description="store the good rows and report the bad ones")
    ] = False,
    file_format: Annotated[
        FormatName | None,
        Form(alias="format", description="csv, jsonl or xlsx, when the file name does not tell"),
    ] = None,
    case_id: Annotated[
        str | None, Form(pattern=ID_PATTERN, description="the case the records are gathered for")
    ] = None,
) -> RecordsImported | JSONResponse:
    if case_id is None and not principal.all_cases:
        raise forbidden(
            "Name the case the records are gathered for (case_id): one assigned to you. "
            "Agency-wide sources, searched for every case, are imported by an admin."
        )
    if case_id is not None and not principal.sees_case(case_id):
        raise forbidden("This case is not assigned to you.")
    trail.record(audit_event(principal, request, "records", None, case_id, AuditAction.import_))
    columns = _mapping(mapping)
    upload_name = PurePath(file.filename or "").name
    name = (source or "").strip() or upload_name or "upload"
    data = file.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "The file is larger than 20 MiB.")
    try:
        wanted = _wanted_format(upload_name, file_format)
        _check_format(data, name, wanted)
    except UnsupportedFile as exc:
        return _refused(request, str(exc))
    report = RecordsImported.of(
        name,
        import_records(
            store,
            data,
            filename=name,
            mapping=columns,
            case_id=case_id,
            skip_bad_rows=skip_bad_rows,
            source_kind=source_kind,
        ),
    )
    if report.imported == 0 and report.problems:
        hint = "" if skip_bad_rows else "; fix them, or import the good rows with skip_bad_rows"
        count = len(report.problems)
        noun = "problem" if count == 1 else "problems"
        detail = f"The file has {count} {noun} and nothing was imported{hint}"
        return _refused(request, detail, report)
    return report


def _check_format(data: bytes, name: str, wanted: FileFormat | None) -> None:
    """The records are read in the format the source name (or else the content) tells; when
    that is not the one asked for, say so instead of reading the file wrongly."""
    if wanted is None:
        return
    try:
        read_as = guess_format(data, name)
    except ReadError:
        read_as = None
    if read_as is not wanted:
        raise UnsupportedFile(
            f"the source name {name!r} reads as {read_as.value if read_as else 'another format'}"
            f", not {wanted.value}; give the source a name ending in .{wanted.value}"
        )


@router.get(
    "",
    summary="List stored records, by id",
    description="All records, or those of one source name or gathered for one case; "
    "records gathered for a case not assigned to you are left out.",
)
def list_records(
    store: StoreDep,
    page: PageDep,
    principal: Finder,
    trail: TrailDep,
    request: Request,
    source: Annotated[
        str | None, Query(min_length=1, description="only records of this source name")
    ] = None,
    case_id: Annotated[
        str | None, Query(pattern=ID_PATTERN, description="only records gathered for this case")
    ] = None,
) -> Page[RecordPublic]:
    if case_id is not None and not principal.sees_case(case_id):
        raise forbidden("This case is not assigned to you.")
    # records the user may read (Principal.sees_record), chosen by the store's indexes
    within = None if case_id is not None or principal.all_cases else sorted(principal.case_ids())
    records = store.list_records(
        case_id=case_id,
        source=source,
        within_cases=within,
        limit=page.limit,
        offset=page.offset,
    )
    trail.record(*(audit_event(principal, request, "record", r.id, r.case_id) for r in records))
    return Page[RecordPublic].of(
        [RecordPublic.of(r) for r in records], limit=page.limit, offset=page.offset
    )


@router.get("/{record_id}", summary="One outside record", responses=NOT_FOUND)
def get_record(
    record_id: RecordIdPath, store: StoreDep, principal: Finder, trail: TrailDep, request: Request
) -> RecordPublic:
    record = store.get_record(record_id)
    if not principal.sees_record(record):  # not found, like an unknown one
        raise NotFound("record", record_id)
    trail.record(audit_event(principal, request, "record", record.id, record.case_id))
    return RecordPublic.of(record)
