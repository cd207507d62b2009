"""Audit events: who read or changed what, when. Never the personal values themselves."""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, Field

from .common import Id, Model, ShortText, new_id, utcnow


class AuditAction(StrEnum):
    read = "read"
    create = "create"
    update = "update"
    delete = "delete"
    export = "export"
    import_ = "import"
    erase = "erase"
    login = "login"


class AuditEvent(Model):
    id: Id = Field(default_factory=lambda: new_id("a"))
    at: AwareDatetime = Field(default_factory=utcnow)
    actor: ShortText
    action: AuditAction
    entity: ShortText = Field(description="kind of thing: person, tie, case, ...")
    entity_id: Id | None = None
    case_id: Id | None = None
    detail: ShortText | None = Field(default=None, description="no personal values here")
