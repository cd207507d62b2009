"""Ties between two persons: family, partners, and informal supporters."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from .common import Id, Model, Provenance, ShortText, new_id
from .dates import PartialDate


class TieCategory(StrEnum):
    family = "family"
    partner = "partner"
    informal = "informal"
    professional = "professional"


class TieKind(StrEnum):
    """What a tie is. Directed kinds read ``source`` *is KIND of* ``target``."""

    parent = "parent"
    step_parent = "step_parent"
    guardian = "guardian"
    grandparent = "grandparent"
    sibling = "sibling"
    half_sibling = "half_sibling"
    step_sibling = "step_sibling"
    other_relative = "other_relative"
    partner = "partner"
    ex_partner = "ex_partner"
    friend = "friend"
    neighbour = "neighbour"
    teacher = "teacher"
    coach = "coach"
    godparent = "godparent"
    family_friend = "family_friend"
    colleague = "colleague"
    professional = "professional"
    other = "other"

    @property
    def category(self) -> TieCategory:
        return _CATEGORY[self]

    @property
    def directed(self) -> bool:
        """Whether source and target play different parts (parent → child)."""
        return self in _DIRECTED


_CATEGORY: dict[TieKind, TieCategory] = {
    **{
        k: TieCategory.family
        for k in (
            TieKind.parent,
            TieKind.step_parent,
            TieKind.guardian,
            TieKind.grandparent,
            TieKind.sibling,
            TieKind.half_sibling,
            TieKind.step_sibling,
            TieKind.other_relative,
        )
    },
    TieKind.partner: TieCategory.partner,
    TieKind.ex_partner: TieCategory.partner,
    **{
        k: TieCategory.informal
        for k in (
            TieKind.friend,
            TieKind.neighbour,
            TieKind.teacher,
            TieKind.coach,
            TieKind.godparent,
            TieKind.family_friend,
            TieKind.colleague,
            TieKind.other,
        )
    },
    TieKind.professional: TieCategory.professional,
}

_DIRECTED = frozenset(
    {
        TieKind.parent,
        TieKind.step_parent,
        TieKind.guardian,
        TieKind.grandparent,
        TieKind.teacher,
        TieKind.coach,
        TieKind.godparent,
        TieKind.professional,
    }
)


class Basis(StrEnum):
    """On what a tie rests: blood, a legal act, or daily life."""

    biological = "biological"
    adoptive = "adoptive"
    foster = "foster"
    legal = "legal"
    social = "social"


class Circle(StrEnum):
    """How close someone is to the child: the rings of an ecomap."""

    inner = "inner"
    middle = "middle"
    outer = "outer"


class Quality(StrEnum):
    strong = "strong"
    tenuous = "tenuous"
    stressful = "stressful"


class PartnerStatus(StrEnum):
    married = "married"
    cohabiting = "cohabiting"
    relationship = "relationship"
    separated = "separated"
    divorced = "divorced"
    widowed = "widowed"


def default_basis(kind: TieKind) -> Basis:
    """Blood for blood kin, a legal act for guardians, daily life for everyone else."""
    if kind is TieKind.guardian:
        return Basis.legal
    if kind in _BLOOD:
        return Basis.biological
    return Basis.social


_BLOOD = frozenset(
    {
        TieKind.parent,
        TieKind.grandparent,
        TieKind.sibling,
        TieKind.half_sibling,
        TieKind.other_relative,
    }
)


class Tie(Model):
    """A tie between two persons, with where we learned of it and how sure we are."""

    id: Id = Field(default_factory=lambda: new_id("t"))
    source_id: Id
    target_id: Id
    kind: TieKind
    basis: Basis | None = Field(
        default=None, description="defaults to biological for family kinds, social otherwise"
    )
    partner_status: PartnerStatus | None = None
    closeness: Circle | None = None
    quality: Quality | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    confidential: bool = False
    note: ShortText | None = None
    provenance: Provenance = Field(default_factory=Provenance)

    @model_validator(mode="after")
    def _consistent(self) -> Tie:
        if self.source_id == self.target_id:
            raise ValueError("a tie needs two different persons")
        if self.since is not None and self.until is not None and self.until < self.since:
            raise ValueError("until lies before since")
        if self.partner_status is not None and self.kind.category is not TieCategory.partner:
            raise ValueError("partner_status is only for partner and ex_partner ties")
        if self.basis is None:
            object.__setattr__(self, "basis", default_basis(self.kind))
        return self

    def other(self, person_id: str) -> str:
        """The person at the other end of the tie from ``person_id``."""
        if person_id == self.source_id:
            return self.target_id
        if person_id == self.target_id:
            return self.source_id
        raise ValueError("the person is not on this tie")
