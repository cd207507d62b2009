"""A case's meetings: ``/cases/{case_id}/meetings`` (by date), one meeting, its
replacement and removal. Who attended must be in the case's network, and the plan
version agreed must be one the case has."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from ...graph.model import Meeting
from ...graph.plans import case_meeting, network_of
from ...graph.store import GraphStore
from ..auth.deps import CaseScope, case_access
from ..auth.permissions import Permission
from ..deps import ActorDep, CaseIdPath, PageDep, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, ID_PATTERN, NOT_FOUND
from ..membership import invalid_at, refuse_outsiders
from ..schemas.common import Page, build, changed, created
from ..schemas.meetings import MeetingCreate, MeetingPublic

router = APIRouter(
    prefix="/cases/{case_id}/meetings",
    tags=["meetings"],
    responses={**COMMON_RESPONSES, **NOT_FOUND},
)

Read = Annotated[CaseScope, case_access(entity="meeting")]
Write = Annotated[CaseScope, case_access(Permission.write_plan, entity="meeting")]
MeetingIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a meeting's id")]


def _checked(store: GraphStore, meeting: Meeting) -> Meeting:
    """422 at the field for someone outside the network or an unknown plan version."""
    refuse_outsiders(meeting, network_of(store, meeting.case_id))
    if meeting.plan_version is not None:
        versions = {p.version for p in store.list_plans(meeting.case_id)}
        if meeting.plan_version not in versions:
            invalid_at(
                "Meeting",
                [
                    (
                        ("plan_version",),
                        "no_such_version",
                        f"the case has no plan version {meeting.plan_version}",
                        meeting.plan_version,
                    )
                ],
            )
    return meeting


@router.get("", summary="The case's meetings, by date")
def list_meetings(
    case_id: CaseIdPath, store: StoreDep, page: PageDep, _: Read
) -> Page[MeetingPublic]:
    meetings = store.list_meetings(case_id)[page.offset : page.offset + page.limit]
    return Page[MeetingPublic].of(
        [MeetingPublic.of(m) for m in meetings], limit=page.limit, offset=page.offset
    )


@router.get("/{meeting_id}", summary="One meeting of the case")
def get_meeting(
    case_id: CaseIdPath, meeting_id: MeetingIdPath, store: StoreDep, _: Read
) -> MeetingPublic:
    return MeetingPublic.of(case_meeting(store, case_id, meeting_id))


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Record a meeting",
    description="422 at the field for someone who is not in the case's network, a plan "
    "version the case does not have, or a next review before the meeting.",
    responses={**BAD_JSON},
)
def add_meeting(
    case_id: CaseIdPath,
    body: MeetingCreate,
    store: StoreDep,
    actor: ActorDep,
    response: Response,
    _: Write,
) -> MeetingPublic:
    store.get_case(case_id)
    data = created(body.model_dump(), actor=actor, source=None)
    meeting = _checked(store, build(Meeting, {**data, "case_id": case_id}))
    store.add_meeting(meeting)
    response.headers["Location"] = f"/cases/{case_id}/meetings/{meeting.id}"
    return MeetingPublic.of(meeting)


@router.put(
    "/{meeting_id}",
    summary="Replace a meeting's record",
    description="The same checks as recording one.",
    responses={**BAD_JSON},
)
def put_meeting(
    case_id: CaseIdPath,
    meeting_id: MeetingIdPath,
    body: MeetingCreate,
    store: StoreDep,
    actor: ActorDep,
    _: Write,
) -> MeetingPublic:
    stored = case_meeting(store, case_id, meeting_id)
    meeting = _checked(store, changed(stored, body.model_dump(), actor=actor))
    return MeetingPublic.of(store.update_meeting(meeting))


@router.delete("/{meeting_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Remove a meeting")
def delete_meeting(
    case_id: CaseIdPath, meeting_id: MeetingIdPath, store: StoreDep, _: Write
) -> Response:
    case_meeting(store, case_id, meeting_id)
    store.delete_meeting(meeting_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
