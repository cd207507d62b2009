"""Requests to share a person across a case boundary, as the case holding the person
sees them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from ...finding.kin.found import RELATION_TO_CHILD
from ...finding.review.relation_words import relation_label
from ...graph.model import Candidate, CandidateKind, LinkRequest, LinkStatus
from ...graph.model.common import Id, ShortText
from ..language import Lang
from .common import PUBLIC_CONFIG, ApiInput


class LinkAsk(ApiInput):
    note: ShortText | None = Field(
        default=None,
        description="what you tell the other case's worker (why you ask; no names needed)",
    )


class LinkAnswer(ApiInput):
    reason: ShortText | None = Field(
        default=None, description="why (required to refuse); the asking case sees it"
    )


class LinkPublic(BaseModel):
    """A request about a person of your cases: who asks, why, and what the person would
    be to the asking case's child. Nothing of the asking case's persons."""

    model_config = PUBLIC_CONFIG

    id: Id
    person_id: Id = Field(description="your person the request is about")
    asking_case_id: Id
    kind: CandidateKind = Field(
        description="duplicate: the asking case may hold the same person; kin: the person "
        "may be a relative of its child"
    )
    relation_to_child: str | None = Field(description="for kin, e.g. maternal_grandmother")
    relation_to_child_label: str | None
    note: str | None
    requested_by: str
    requested_at: datetime
    status: LinkStatus
    decided_by: str | None
    decided_at: datetime | None
    reason: str | None

    @classmethod
    def of(cls, link: LinkRequest, candidate: Candidate, lang: Lang) -> LinkPublic:
        code = next(
            (e.level for e in candidate.explanation if e.field == RELATION_TO_CHILD),
            candidate.relation,
        )
        return cls(
            id=link.id,
            person_id=link.person_id,
            asking_case_id=link.case_id,
            kind=candidate.kind,
            relation_to_child=code,
            relation_to_child_label=relation_label(code, lang),
            note=link.note,
            requested_by=link.requested_by,
            requested_at=link.requested_at,
            status=link.status,
            decided_by=link.decided_by,
            decided_at=link.decided_at,
            reason=link.reason,
        )
