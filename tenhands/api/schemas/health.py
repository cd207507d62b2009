"""Whether the service and its store answer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .common import PUBLIC_CONFIG


class StoreHealth(BaseModel):
    model_config = PUBLIC_CONFIG

    kind: str = Field(description="sqlite or neo4j")
    location: str | None = Field(
        default=None,
        description="where the data lives, without credentials (for signed-in "
        "administrators only; null for everyone else)",
    )
    answers: bool


class Health(BaseModel):
    model_config = PUBLIC_CONFIG

    status: Literal["ok", "unavailable"]
    reason: str | None = Field(
        default=None, description="why the service cannot answer now, as a sentence"
    )
    store: StoreHealth
