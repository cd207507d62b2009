"""Network roles: a person's place in one case's safety and support network."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, Field, field_serializer

from ...graph.model import (
    Circle,
    ContactWay,
    Engagement,
    NetworkRole,
    RiskFlag,
    Shared,
    SourceRef,
    SupportType,
    WorryKnowledge,
)
from ...graph.model.common import Id, ShortText
from ...graph.private import role_shared
from .common import PUBLIC_CONFIG, ApiInput


class NetworkRoleCreate(ApiInput):
    """A person's whole role in a case (``PUT`` replaces it); case and person come from the
    path."""

    circle: Circle | None = None
    engagement: Engagement = Engagement.identified
    support: set[SupportType] = Field(default_factory=set)
    risk_flags: set[RiskFlag] = Field(default_factory=set)
    confidential: bool = Field(default=False, description="hidden from projection and family views")
    knows_worries: WorryKnowledge | None = Field(
        default=None, description="how much they know about the worries (circles of safety)"
    )
    named_by: Id | None = Field(default=None, description="who named this person to the worker")
    last_contact: datetime | None = None
    note: ShortText | None = None
    agreed_role: ShortText | None = Field(
        default=None, description="what the person agreed to be for the children, in plain words"
    )
    shares: set[Shared] = Field(
        default_factory=set,
        description="contact details the person agreed to share with the network (handout)",
    )
    source: SourceRef | None = Field(
        default=None, description="where this was learned of; kept from before when left out"
    )


class NetworkRoleUpdate(ApiInput):
    """Changes to a role: only the fields sent change."""

    circle: Circle | None = None
    engagement: Engagement | None = None
    support: set[SupportType] | None = None
    risk_flags: set[RiskFlag] | None = None
    confidential: bool | None = None
    knows_worries: WorryKnowledge | None = None
    named_by: Id | None = None
    last_contact: datetime | None = None
    note: ShortText | None = None
    agreed_role: ShortText | None = None
    shares: set[Shared] | None = None


class ContactCreate(ApiInput):
    """A contact with a network member: when (now if left out), how, whether they were
    reached, and a short note."""

    at: AwareDatetime | None = None
    way: ContactWay = ContactWay.phone
    reached: bool = True
    note: ShortText | None = None


class NetworkRolePublic(NetworkRole):
    """A stored role, as returned."""

    model_config = PUBLIC_CONFIG

    @field_serializer("support", "risk_flags", "shares")
    def _sorted(self, value: set[str]) -> list[str]:
        return sorted(value)

    @classmethod
    def of(cls, role: NetworkRole, *, private: bool) -> NetworkRolePublic:
        """The role; without ``private``, only the parts everyone on the case reads."""
        shown = role if private else role_shared(role)
        return cls.model_validate(shown, from_attributes=True)
