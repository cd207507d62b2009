"""Cases: one or more children (siblings) and the network around them."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from ...graph.model import Case, CaseStatus, Person, SourceRef
from ...graph.model.case import HANDS_GOAL
from ...graph.model.common import Id, LongText, ShortText
from .common import PUBLIC_CONFIG, ApiInput


class CaseCreate(ApiInput):
    """A new case. Its children must be stored persons already."""

    id: Id | None = Field(default=None, description="leave out to let the server choose one")
    title: ShortText
    child_ids: list[Id] = Field(description="the children the case is about, at least one")
    status: CaseStatus = CaseStatus.open
    opened_on: date | None = None
    closed_on: date | None = None
    team: ShortText | None = None
    notes: LongText | None = None
    hands_goal: int = Field(
        default=HANDS_GOAL, ge=1, le=50, description="committed adults the children need"
    )
    source: SourceRef | None = None


class CaseUpdate(ApiInput):
    """Changes to a case: only the fields sent change."""

    title: ShortText | None = None
    child_ids: list[Id] | None = None
    status: CaseStatus | None = None
    opened_on: date | None = None
    closed_on: date | None = None
    team: ShortText | None = None
    notes: LongText | None = None
    hands_goal: int | None = Field(default=None, ge=1, le=50)


class CasePublic(Case):
    """A stored case, as returned."""

    model_config = PUBLIC_CONFIG

    @classmethod
    def of(cls, case: Case) -> CasePublic:
        return cls.model_validate(case, from_attributes=True)


class ChildRef(BaseModel):
    model_config = PUBLIC_CONFIG

    id: Id
    name: str = Field(description="display name; '?' if the person is no longer stored")


class CaseSummary(BaseModel):
    """A case in a list or at the head of a network map."""

    model_config = PUBLIC_CONFIG

    id: Id
    title: str
    status: CaseStatus
    children: list[ChildRef]

    @classmethod
    def of(cls, case: Case, persons: dict[str, Person]) -> CaseSummary:
        """``persons`` maps ids to persons; children missing from it are named ``?``."""
        children = [
            ChildRef(id=c, name=persons[c].display_name if c in persons else "?")
            for c in case.child_ids
        ]
        return cls(id=case.id, title=case.title, status=case.status, children=children)
