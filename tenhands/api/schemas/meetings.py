"""Meetings of the family and network, and the family's feedback afterwards."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from ...graph.feedback import FeedbackSummary
from ...graph.model import Feedback, Meeting, MeetingKind, Question, Respondent
from ...graph.model.common import Id, ShortText
from .common import PUBLIC_CONFIG, ApiInput


class MeetingCreate(ApiInput):
    """A meeting (``PUT`` replaces one): who came from the network, the plan version
    agreed, and when the plan is looked at again."""

    held_on: date
    kind: MeetingKind = MeetingKind.network_meeting
    attended: list[Id] = Field(
        default_factory=list, description="network members and children who took part"
    )
    others: list[ShortText] = Field(
        default_factory=list, description="others by function, e.g. 'coördinator', 'tolk'"
    )
    plan_version: int | None = Field(
        default=None, ge=1, description="the plan version agreed; the case must have it"
    )
    next_review_on: date | None = None
    note: ShortText | None = None


class MeetingPublic(Meeting):
    """A stored meeting, as returned."""

    model_config = PUBLIC_CONFIG

    @classmethod
    def of(cls, meeting: Meeting) -> MeetingPublic:
        return cls.model_validate(meeting, from_attributes=True)


class FeedbackCreate(ApiInput):
    """One participant's answers after a meeting: anonymous (no name), each statement
    answered 1 (not at all) to 5 (completely)."""

    meeting_id: Id | None = Field(default=None, description="one of the case's meetings")
    given_on: date | None = Field(default=None, description="today when left out")
    respondent: Respondent = Respondent.other
    answers: dict[Question, int] = Field(min_length=1)
    comment: ShortText | None = None


class FeedbackPublic(Feedback):
    """Stored feedback, as returned."""

    model_config = PUBLIC_CONFIG

    @classmethod
    def of(cls, feedback: Feedback) -> FeedbackPublic:
        return cls.model_validate(feedback, from_attributes=True)


class FeedbackSummaryPublic(FeedbackSummary):
    """The families' feedback over every case (or the dates asked)."""

    model_config = PUBLIC_CONFIG
