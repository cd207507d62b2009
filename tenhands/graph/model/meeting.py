"""Meetings of the family and its network, and the family's feedback afterwards."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from .common import Id, Model, Provenance, ShortText, new_id


class MeetingKind(StrEnum):
    family_group_conference = "family_group_conference"
    """A Family Group Decision Making conference (Eigen Kracht-conferentie)."""
    network_meeting = "network_meeting"
    """A Signs of Safety network meeting."""
    review = "review"
    """Looking back at the plan: what worked, what changes."""
    closure = "closure"
    """The last meeting, when professional help ends."""


class Meeting(Model):
    """A meeting of the family and network: who came, which plan version they agreed,
    and when they look at it again."""

    id: Id = Field(default_factory=lambda: new_id("m"))
    case_id: Id
    held_on: date
    kind: MeetingKind = MeetingKind.network_meeting
    attended: list[Id] = Field(
        default_factory=list, description="network members and children who took part"
    )
    others: list[ShortText] = Field(
        default_factory=list,
        description="who else took part without being in the network, by function "
        "(e.g. 'coördinator', 'tolk')",
    )
    plan_version: int | None = Field(default=None, ge=1, description="the plan version agreed")
    next_review_on: date | None = None
    note: ShortText | None = None
    provenance: Provenance = Field(default_factory=Provenance)

    @field_validator("attended")
    @classmethod
    def _distinct(cls, ids: list[str]) -> list[str]:
        if len(set(ids)) != len(ids):
            raise ValueError("a person is listed twice")
        return ids

    @model_validator(mode="after")
    def _review_after(self) -> Meeting:
        if self.next_review_on is not None and self.next_review_on < self.held_on:
            raise ValueError("the next review comes after the meeting")
        return self


class Respondent(StrEnum):
    """Who gave feedback, as a kind of participant (feedback is anonymous)."""

    child = "child"
    parent = "parent"
    family = "family"
    network = "network"
    other = "other"


class Question(StrEnum):
    """The statements of the short feedback form, each answered 1 (not at all) to 5
    (completely)."""

    heard = "heard"
    """We were listened to."""
    own_plan = "own_plan"
    """The plan is our own plan."""
    clear = "clear"
    """We know who does what, and what happens next."""
    respected = "respected"
    """We were treated with respect."""
    stronger = "stronger"
    """Our network is stronger than before."""


class Feedback(Model):
    """One participant's answers after a meeting: anonymous, kept per case."""

    id: Id = Field(default_factory=lambda: new_id("f"))
    case_id: Id
    meeting_id: Id | None = None
    given_on: date
    respondent: Respondent = Respondent.other
    answers: dict[Question, int] = Field(
        min_length=1, description="1 (not at all) to 5 (completely) per statement answered"
    )
    comment: ShortText | None = Field(default=None, description="in the participant's words")
    provenance: Provenance = Field(default_factory=Provenance)

    @field_validator("answers")
    @classmethod
    def _scale(cls, answers: dict[Question, int]) -> dict[Question, int]:
        for question, value in answers.items():
            if not 1 <= value <= 5:
                raise ValueError(f"the answer to {question.value!r} is 1 to 5, not {value}")
        return answers
