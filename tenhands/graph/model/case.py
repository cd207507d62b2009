"""Cases and each person's place in a case's safety and support network."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field, field_validator

from .common import Id, LongText, Model, Provenance, ShortText, new_id
from .tie import Circle

HANDS_GOAL = 5
"""Committed adults a child needs: ten hands and ten eyes."""


class CaseStatus(StrEnum):
    open = "open"
    on_hold = "on_hold"
    closed = "closed"


class Case(Model):
    """One or more children (siblings) and the network around them."""

    id: Id = Field(default_factory=lambda: new_id("c"))
    title: ShortText
    child_ids: list[Id] = Field(min_length=1, description="the children the case is about")
    status: CaseStatus = CaseStatus.open
    opened_on: date | None = None
    closed_on: date | None = None
    team: ShortText | None = None
    notes: LongText | None = None
    hands_goal: int = Field(
        default=HANDS_GOAL,
        ge=1,
        le=50,
        description="committed adults the children need (ten hands and eyes: five)",
    )
    provenance: Provenance = Field(default_factory=Provenance)

    @field_validator("child_ids")
    @classmethod
    def _distinct(cls, ids: list[str]) -> list[str]:
        if len(set(ids)) != len(ids):
            raise ValueError("a child is listed twice")
        return ids


class Engagement(StrEnum):
    """Where a person stands in family finding, from first named to committed."""

    identified = "identified"
    located = "located"
    contacted = "contacted"
    engaged = "engaged"
    committed = "committed"
    declined = "declined"
    not_safe = "not_safe"
    no_contact = "no_contact"
    deceased = "deceased"

    @property
    def active(self) -> bool:
        """Whether the person is on the way to (or in) the network."""
        return self in _FUNNEL

    @property
    def stage(self) -> int | None:
        """Position in the family-finding funnel, or None when off it."""
        return _FUNNEL.index(self) if self in _FUNNEL else None


_FUNNEL = [
    Engagement.identified,
    Engagement.located,
    Engagement.contacted,
    Engagement.engaged,
    Engagement.committed,
]


class SupportType(StrEnum):
    emotional = "emotional"
    practical = "practical"
    respite = "respite"
    placement = "placement"
    safety_monitoring = "safety_monitoring"
    transport = "transport"
    financial = "financial"


class RiskFlag(StrEnum):
    violence = "violence"
    abuse_allegation = "abuse_allegation"
    substance_use = "substance_use"
    contact_restriction = "contact_restriction"
    criminal_record = "criminal_record"
    other = "other"


class WorryKnowledge(StrEnum):
    """How much a person knows about the worries (Signs of Safety circles)."""

    full = "full"
    """Knows the worries as the professionals do: the inner circle."""
    partial = "partial"
    """Knows a little: the middle circle."""
    none = "none"
    """Knows nothing about them yet: the outer circle."""


class ContactWay(StrEnum):
    phone = "phone"
    visit = "visit"
    meeting = "meeting"
    message = "message"
    letter = "letter"
    other = "other"


class ContactEntry(Model):
    """One attempt to reach a network member, as the worker logged it."""

    id: Id = Field(default_factory=lambda: new_id("cl"))
    at: datetime
    by: ShortText = Field(description="who made the contact (a user's login)")
    way: ContactWay = ContactWay.phone
    reached: bool = True
    note: ShortText | None = None


MAX_CONTACTS = 500
"""A role keeps its newest contacts up to this many."""


class StageChange(Model):
    """A person's engagement from a moment on: one step of their way through family
    finding (or off it)."""

    engagement: Engagement
    at: datetime
    by: ShortText | None = None


MAX_STAGES = 200


class Shared(StrEnum):
    """What a network member agreed to share with the others in the closure handout."""

    phone = "phone"
    email = "email"
    address = "address"


class NetworkRole(Model):
    """A person's place in one case's network: circle, engagement, what they offer."""

    case_id: Id
    person_id: Id
    circle: Circle | None = None
    engagement: Engagement = Engagement.identified
    support: set[SupportType] = Field(default_factory=set)
    risk_flags: set[RiskFlag] = Field(default_factory=set)
    confidential: bool = Field(default=False, description="hidden from projection and family views")
    named_by: Id | None = Field(default=None, description="who named this person to the worker")
    last_contact: datetime | None = None
    note: ShortText | None = None
    knows_worries: WorryKnowledge | None = Field(
        default=None, description="how much the person knows about the worries; None: not known"
    )
    contacts: list[ContactEntry] = Field(
        default_factory=list,
        max_length=MAX_CONTACTS,
        description="the contact log, oldest first",
    )
    agreed_role: ShortText | None = Field(
        default=None,
        description="what the person agreed to be for the children, in plain words "
        "(e.g. 'vangnet als mama ziek is')",
    )
    shares: set[Shared] = Field(
        default_factory=set,
        description="contact details the person agreed to share with the network",
    )
    stages: list[StageChange] = Field(
        default_factory=list,
        max_length=MAX_STAGES,
        description="the engagement over time, oldest first; kept by the store",
    )
    provenance: Provenance = Field(default_factory=Provenance)

    def furthest_stage(self) -> Engagement | None:
        """The furthest family-finding stage the person ever reached (from the stages,
        and the current engagement), or None if they were never on the way."""
        reached = [s.engagement for s in self.stages] + [self.engagement]
        on_way = [e for e in reached if e.stage is not None]
        return max(on_way, key=lambda e: e.stage or 0) if on_way else None


def with_stages(stored: NetworkRole | None, role: NetworkRole) -> NetworkRole:
    """``role`` as the store keeps it: its engagement history continued from the stored
    role's, with a step when the engagement changed. A role new to the store keeps the
    history it brings (an import), or starts one with its engagement.

    >>> from datetime import UTC, datetime
    >>> t = datetime(2026, 1, 1, tzinfo=UTC)
    >>> old = NetworkRole(case_id="c", person_id="p", stages=[StageChange(
    ...     engagement="located", at=t)], engagement="located")
    >>> new = with_stages(old, old.model_copy(update={"engagement": Engagement.contacted}))
    >>> [s.engagement.value for s in new.stages]
    ['located', 'contacted']
    """
    prov = role.provenance
    at = prov.updated_at or prov.created_at
    by = prov.updated_by or prov.created_by
    if stored is None:
        if role.stages:
            return role
        stages = [StageChange(engagement=role.engagement, at=at, by=by)]
    else:
        stages = list(stored.stages)
        if not stages or stages[-1].engagement is not role.engagement:
            stages.append(StageChange(engagement=role.engagement, at=at, by=by))
        stages = stages[-MAX_STAGES:]
    return role.model_copy(update={"stages": stages})
