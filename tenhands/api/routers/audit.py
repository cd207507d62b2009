"""The audit log (``/audit``): who read or changed which person data, when, in which
case. For admins; append-only; it holds ids, never personal values. The CSV export has
no cell a spreadsheet would run as a formula (logins and ids are typed by people)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import AwareDatetime

from ...files.csv_cells import safe_row
from ...graph.model import AuditAction, AuditEvent
from ...graph.paging import read_all
from ...graph.store import GraphStore
from ..auth.deps import TrailDep, allowed_to, audit_event
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import PageDep, StoreDep
from ..errors import COMMON_RESPONSES, ID_PATTERN
from ..schemas.audit import AuditPage

router = APIRouter(prefix="/audit", tags=["audit"], responses=COMMON_RESPONSES)

Auditor = Annotated[Principal, allowed_to(Permission.read_audit)]


@dataclass(frozen=True)
class AuditQuery:
    """The filters of both routes; every one given must hold."""

    case_id: Annotated[str | None, Query(pattern=ID_PATTERN, description="one case")] = None
    actor: Annotated[str | None, Query(max_length=200, description="one user's login")] = None
    entity_id: Annotated[
        str | None, Query(pattern=ID_PATTERN, description="one person (or other thing), by id")
    ] = None
    action: Annotated[AuditAction | None, Query(description="one kind of action")] = None
    since: Annotated[AwareDatetime | None, Query(description="from this moment (inclusive)")] = None
    until: Annotated[AwareDatetime | None, Query(description="before this moment")] = None

    def filters(self) -> dict[str, Any]:
        return asdict(self)


Filters = Annotated[AuditQuery, Depends()]


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


@router.get("", summary="Audit events, newest first, filtered")
def list_audit(store: StoreDep, page: PageDep, _: Auditor, query: Filters) -> AuditPage:
    items = store.list_audit(**query.filters(), limit=page.limit, offset=page.offset)
    total = store.count_audit(**query.filters())
    after = page.offset + len(items)
    return AuditPage(
        items=items,
        total=total,
        limit=page.limit,
        offset=page.offset,
        next_offset=after if after < total else None,
    )


FIELDS = ("id", "at", "actor", "action", "entity", "entity_id", "case_id", "detail")


@router.get(
    "/export",
    summary="The audit log as a file (CSV or JSON Lines), newest first, filtered",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}},
)
def export_audit(
    store: StoreDep,
    principal: Auditor,
    trail: TrailDep,
    request: Request,
    query: Filters,
    file_format: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.csv,
) -> StreamingResponse:
    trail.record(audit_event(principal, request, "audit", None, query.case_id, AuditAction.export))
    # a fixed end, so events written while the file streams do not shift the pages
    fixed = replace(query, until=query.until or datetime.now().astimezone())
    events = _all(store, fixed)
    if file_format is ExportFormat.jsonl:
        body: Iterator[str] = (e.model_dump_json() + "\n" for e in events)
        media = "application/x-ndjson"
    else:
        body = _csv(events)
        media = "text/csv; charset=utf-8"
    name = f"tenhands-audit.{file_format.value}"
    return StreamingResponse(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def _all(store: GraphStore, query: AuditQuery) -> Iterator[AuditEvent]:
    def fetch(limit: int, offset: int) -> list[AuditEvent]:
        return store.list_audit(**query.filters(), limit=limit, offset=offset)

    return read_all(fetch)


def _csv(events: Iterator[AuditEvent]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for event in events:
        row = json.loads(event.model_dump_json())
        writer.writerow(safe_row(row.get(f) for f in FIELDS))
        if out.tell() > 64_000:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
