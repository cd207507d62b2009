"""The audit log as the API shows it."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ...graph.model import AuditEvent
from .common import PUBLIC_CONFIG


class AuditPage(BaseModel):
    """One page of audit events, newest first."""

    model_config = PUBLIC_CONFIG

    items: list[AuditEvent]
    total: int = Field(description="how many events match the filters")
    limit: int
    offset: int
    next_offset: int | None
