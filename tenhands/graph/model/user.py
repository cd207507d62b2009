"""Who may use TenHands: accounts, their role, the cases assigned to them, and the
tokens that stand for a signed-in user (a browser session or an API client)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AwareDatetime, BeforeValidator, Field, StringConstraints

from ..languages import InterfaceLang
from .common import Id, Model, ShortText, new_id, utcnow


def _folded(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


Login = Annotated[
    str,
    BeforeValidator(_folded),
    StringConstraints(min_length=2, max_length=64, pattern=r"^[a-z0-9][a-z0-9._@-]*$"),
    Field(description="what a user signs in with: lower-case letters, digits and . _ @ -"),
]


class UserRole(StrEnum):
    """What a user may do (see ``tenhands.api.auth.permissions`` for the whole table)."""

    admin = "admin"
    """everything, on every case; manages users, reads the audit log, erases persons"""
    worker = "worker"
    """reads and changes the cases assigned to them; searches and reviews kin"""
    facilitator = "facilitator"
    """reads the cases assigned to them and opens their maps in a meeting"""
    viewer = "viewer"
    """reads the cases assigned to them"""


Language = InterfaceLang
"""The language of a user's pages (:data:`tenhands.graph.languages.INTERFACE`)."""


class User(Model):
    id: Id = Field(default_factory=lambda: new_id("u"))
    login: Login
    display_name: ShortText = Field(min_length=1)
    role: UserRole
    password_hash: str | None = Field(
        default=None,
        max_length=500,
        description="an argon2 hash (PHC string); never the password, never shown",
    )
    disabled: bool = False
    lang: Language = "nl"
    created_at: AwareDatetime = Field(default_factory=utcnow)
    updated_at: AwareDatetime | None = None


class TokenKind(StrEnum):
    session = "session"
    """a browser's sign-in, sent as a cookie"""
    api = "api"
    """an API client's bearer token"""


class AccessToken(Model):
    """A signed-in user's token as stored: only its SHA-256 hash, never the token."""

    id: Id = Field(default_factory=lambda: new_id("k"))
    user_id: Id
    kind: TokenKind
    token_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    label: ShortText | None = None
    created_at: AwareDatetime = Field(default_factory=utcnow)
    expires_at: AwareDatetime
    csrf: str | None = Field(
        default=None, max_length=128, description="a session's form token (sessions only)"
    )

    def expired(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.expires_at
