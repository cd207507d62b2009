"""What every stored thing shares: ids, provenance, and the base model."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,79}$"),
    Field(description="Identifier: letters, digits and _ . : @ -, at most 80 characters"),
]
"""Identifier of a stored thing; GEDCOM xrefs such as ``@I35@`` are kept as aliases."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters no text of a person holds (NUL, escape, …): tab and line breaks
are kept."""


def no_control(text: str) -> str:
    r"""Refuse text with a control character in it.

    >>> no_control("Kerkstraat 4\nGent")
    'Kerkstraat 4\nGent'
    >>> no_control("An\x00")
    Traceback (most recent call last):
    ...
    ValueError: contains a control character (such as NUL); remove it
    """
    if _CONTROL.search(text):
        raise ValueError("contains a control character (such as NUL); remove it")
    return text


ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=500), AfterValidator(no_control)
]
LongText = Annotated[str, StringConstraints(max_length=20_000), AfterValidator(no_control)]


def new_id(prefix: str) -> str:
    """A fresh random id such as ``p-3f9a1c2b7d4e5f60`` (64 random bits)."""
    return f"{prefix}-{secrets.token_hex(8)}"


def utcnow() -> datetime:
    return datetime.now(UTC)


class Model(BaseModel):
    """Base of the domain models: unknown fields are refused, values validated on change."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class SourceKind(StrEnum):
    manual = "manual"
    registry = "registry"
    case_file = "case_file"
    school_list = "school_list"
    family_tree = "family_tree"
    gedcom = "gedcom"
    import_file = "import_file"
    interview = "interview"
    other = "other"


class SourceRef(Model):
    """Where a piece of information came from, precisely enough to trace it back."""

    kind: SourceKind = SourceKind.manual
    name: ShortText | None = Field(default=None, description="e.g. a file name or register")
    ref: ShortText | None = Field(default=None, description="e.g. a row id or GEDCOM xref")
    named_by: Id | None = Field(default=None, description="the person who told us, if any")
    note: ShortText | None = None


class Provenance(Model):
    """Who created and last changed a thing, when, and from which source."""

    created_by: ShortText = "system"
    created_at: datetime = Field(default_factory=utcnow)
    updated_by: ShortText | None = None
    updated_at: datetime | None = None
    source: SourceRef = Field(default_factory=SourceRef)

    def touched(self, by: str) -> Provenance:
        """A copy marking a change by ``by`` now."""
        return self.model_copy(update={"updated_by": by, "updated_at": utcnow()})
