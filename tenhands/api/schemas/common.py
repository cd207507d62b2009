"""What the resource schemas share: base models, pages, and building domain models."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ...graph.model import (
    Case,
    Meeting,
    Model,
    NetworkRole,
    Person,
    Provenance,
    SourceRef,
    Tie,
)
from ..errors import domain_invalid

M = TypeVar("M", bound=Model)
D = TypeVar("D", Person, Tie, Case, NetworkRole, Meeting)
T = TypeVar("T")


class ApiInput(BaseModel):
    """Base of request bodies: unknown fields are refused, so typos do not pass silently."""

    model_config = ConfigDict(extra="forbid")


PUBLIC_CONFIG = ConfigDict(json_schema_serialization_defaults_required=True)
"""For response models: every field is always present in what is returned."""


class Page(BaseModel, Generic[T]):
    """One page of a list, ordered by id."""

    model_config = PUBLIC_CONFIG

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = Field(
        default=None, description="the offset of the next page, or null on the last page"
    )

    @classmethod
    def of(cls, items: list[T], *, limit: int, offset: int) -> Page[T]:
        next_offset = offset + limit if len(items) == limit else None
        return cls(items=items, limit=limit, offset=offset, next_offset=next_offset)


def build(model: type[M], data: dict[str, Any]) -> M:
    """Validate ``data`` as a domain model; its refusals become a 422 like any bad request."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise domain_invalid(exc) from None


def created(data: dict[str, Any], *, actor: str, source: SourceRef | None) -> dict[str, Any]:
    """``data`` for a new thing: the id only when the client chose one, fresh provenance."""
    if data.get("id") is None:
        data.pop("id", None)
    data["provenance"] = Provenance(created_by=actor, source=source or SourceRef())
    return data


def changed(stored: D, changes: dict[str, Any], *, actor: str) -> D:
    """``stored`` with the fields in ``changes`` replaced, checked again as a whole."""
    data = stored.model_dump()
    data.update(changes)
    data["provenance"] = stored.provenance.touched(actor)
    return build(type(stored), data)
