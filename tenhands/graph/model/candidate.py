"""Proposed matches and kin hypotheses, waiting for a worker's decision."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field, model_validator

from .common import Id, Model, Provenance, ShortText, new_id


class CandidateKind(StrEnum):
    match = "match"
    """An outside record is probably a person already known."""
    kin = "kin"
    """A record or person is probably kin of the child, not yet in the network."""
    duplicate = "duplicate"
    """Two stored persons are probably one."""


class ReviewStatus(StrEnum):
    pending = "pending"
    accepted = "accepted"
    rejected = "rejected"


class Evidence(Model):
    """One field's part in a score: what was compared, the level hit, the weight it added."""

    field: ShortText
    left: ShortText | None = None
    right: ShortText | None = None
    level: ShortText
    weight: float


class Candidate(Model):
    id: Id = Field(default_factory=lambda: new_id("m"))
    kind: CandidateKind
    case_id: Id | None = None
    record_id: Id | None = None
    person_id: Id | None = None
    other_person_id: Id | None = None
    relation: ShortText | None = Field(
        default=None, description="hypothesised relationship, e.g. maternal_aunt"
    )
    relation_to: Id | None = Field(default=None, description="the person the relation is to")
    score: float = Field(ge=0.0, le=1.0)
    explanation: list[Evidence] = Field(default_factory=list)
    status: ReviewStatus = ReviewStatus.pending
    reviewed_by: ShortText | None = None
    reviewed_at: datetime | None = None
    reason: ShortText | None = None
    provenance: Provenance = Field(default_factory=Provenance)

    @model_validator(mode="after")
    def _subjects(self) -> Candidate:
        if self.kind is CandidateKind.duplicate and not (self.person_id and self.other_person_id):
            raise ValueError("a duplicate candidate names two persons")
        if self.kind is not CandidateKind.duplicate and not (self.record_id or self.person_id):
            raise ValueError("a candidate names a record or a person")
        return self
