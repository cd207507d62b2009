"""What the Neo4j store's modules share when they turn models into properties: a time in
UTC, and an audit event as the properties of its ``(:AuditEvent)`` node."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ...model import AuditEvent


def utc(value: datetime) -> datetime:
    """The same instant in UTC; a naive time is taken to be UTC already.

    >>> utc(datetime(2026, 3, 1, 12, 0)).isoformat()
    '2026-03-01T12:00:00+00:00'
    """
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def audit_keys(event: AuditEvent) -> dict[str, Any]:
    """The keys the audit log is filtered on, beside its time, actor and case."""
    return {"entity_id": event.entity_id, "action": event.action.value}


def audit_props(event: AuditEvent) -> dict[str, Any]:
    """An audit event's node properties: its filter keys and its JSON."""
    return {
        "id": event.id,
        "at": utc(event.at),
        "actor": event.actor,
        "case_id": event.case_id,
        **audit_keys(event),
        "data": event.model_dump_json(),
    }
