"""What erasing one person (the GDPR's right to erasure) removed."""

from __future__ import annotations

from pydantic import AwareDatetime, Field

from .common import Id, Model, ShortText, utcnow


class Erasure(Model):
    """The counts of what went with the person; no personal values."""

    person_id: Id
    erased_by: ShortText
    erased_at: AwareDatetime = Field(default_factory=utcnow)
    cases: list[Id] = Field(default_factory=list, description="cases the person was in")
    ties: int = 0
    roles: int = 0
    candidates: int = 0
    change_sets: int = 0
    records: int = 0
    """outside records a worker had accepted as this person"""
    plans: int = 0
    """plan versions the person was taken out of (tasks, checks, scale scores)"""
    meetings: int = 0
    """meetings the person was taken out of (who attended)"""
    named: int = 0
    """other network roles that said the person had named them"""
