"""Ties between two persons: family, partners and informal supporters."""

from __future__ import annotations

from pydantic import Field, computed_field

from ...graph.model import (
    Basis,
    Circle,
    PartialDate,
    PartnerStatus,
    Quality,
    SourceRef,
    Tie,
    TieCategory,
    TieKind,
)
from ...graph.model.common import Id, ShortText
from ...graph.private import tie_shared
from .common import PUBLIC_CONFIG, ApiInput


class TieCreate(ApiInput):
    """A new tie. Directed kinds read *source is KIND of target* (source is parent of target)."""

    id: Id | None = Field(default=None, description="leave out to let the server choose one")
    source_id: Id
    target_id: Id
    kind: TieKind
    basis: Basis | None = Field(
        default=None,
        description="defaults to biological for blood kin, legal for guardians, social otherwise",
    )
    partner_status: PartnerStatus | None = Field(
        default=None, description="only for partner and ex_partner"
    )
    closeness: Circle | None = None
    quality: Quality | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    confidential: bool = False
    note: ShortText | None = None
    source: SourceRef | None = Field(default=None, description="where this tie was learned of")


class TieUpdate(ApiInput):
    """Changes to a tie: only the fields sent change. The two persons of a tie do not change
    (delete it and make a new one). Changing ``kind`` without ``basis`` moves a basis that was
    the old kind's default to the new kind's default."""

    kind: TieKind | None = None
    basis: Basis | None = None
    partner_status: PartnerStatus | None = None
    closeness: Circle | None = None
    quality: Quality | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    confidential: bool | None = None
    note: ShortText | None = None


class TiePublic(Tie):
    """A stored tie, as returned."""

    model_config = PUBLIC_CONFIG

    @computed_field  # type: ignore[prop-decorator]
    @property
    def category(self) -> TieCategory:
        return self.kind.category

    @computed_field(description="whether source and target play different parts")  # type: ignore[prop-decorator]
    @property
    def directed(self) -> bool:
        return self.kind.directed

    @classmethod
    def of(cls, tie: Tie) -> TiePublic:
        return cls.model_validate(tie, from_attributes=True)

    @classmethod
    def shown(cls, tie: Tie, *, private: bool) -> TiePublic | None:
        """The tie; without ``private``, without its note, and None for a confidential one."""
        kept = tie if private else tie_shared(tie)
        return None if kept is None else cls.of(kept)
