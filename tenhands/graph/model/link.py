"""A request to share one person across a case boundary, and the other case's answer.

Kin search may find that a person of this case is probably someone already known in
another case (a duplicate), or that a relative of the child is already in the family
graph through another case. What crosses the boundary then is a *link*, never the
data: the asking case sees only that such a person may exist elsewhere. Its worker
asks, with a note; a worker of a case that person is in (or an admin) grants or
refuses. Only after a grant may the candidate be accepted (a merge, or the person
joining the asking case), and each step is audited in both cases.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from .common import Id, Model, ShortText, new_id, utcnow


class LinkStatus(StrEnum):
    requested = "requested"
    granted = "granted"
    refused = "refused"


class LinkRequest(Model):
    """One case's request to share a person another case holds, for one candidate."""

    id: Id = Field(default_factory=lambda: new_id("l"))
    case_id: Id = Field(description="the case that asks")
    candidate_id: Id = Field(description="the candidate in that case's review queue")
    person_id: Id = Field(description="the person held by another case, whom it is about")
    note: ShortText | None = Field(
        default=None, description="what the asking worker tells the other case's worker"
    )
    status: LinkStatus = LinkStatus.requested
    requested_by: ShortText
    requested_at: datetime = Field(default_factory=utcnow)
    decided_by: ShortText | None = None
    decided_at: datetime | None = None
    reason: ShortText | None = Field(default=None, description="why it was granted or refused")
