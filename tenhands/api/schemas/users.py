"""Users, sign-in and API tokens."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field, SecretStr

from ...graph.model import AccessToken, TokenKind, User, UserRole
from ...graph.model.common import Id, ShortText
from ...graph.model.user import Language, Login
from ..auth.passwords import MAX_LENGTH
from ..auth.tokens import MAX_API_TOKEN_DAYS
from .common import PUBLIC_CONFIG, ApiInput

Password = SecretStr


class UserCreate(ApiInput):
    login: Login
    display_name: ShortText = Field(min_length=1)
    role: UserRole
    password: Password = Field(max_length=MAX_LENGTH, description="at least 10 characters")
    lang: Language = "nl"


class UserUpdate(ApiInput):
    """Changes to a user, by an admin: only the fields sent change. A new password or
    disabling ends the user's sessions and tokens."""

    display_name: ShortText | None = Field(default=None, min_length=1)
    role: UserRole | None = None
    disabled: bool | None = None
    lang: Language | None = None
    password: Password | None = Field(default=None, max_length=MAX_LENGTH)


class MeUpdate(ApiInput):
    """Changes to your own account. A new password needs the current one."""

    display_name: ShortText | None = Field(default=None, min_length=1)
    lang: Language | None = None
    password: Password | None = Field(default=None, max_length=MAX_LENGTH)
    current_password: Password | None = Field(default=None, max_length=MAX_LENGTH)


class UserPublic(BaseModel):
    """A user as shown: never the password hash."""

    model_config = PUBLIC_CONFIG

    id: Id
    login: str
    display_name: str
    role: UserRole
    disabled: bool
    lang: Language
    created_at: datetime
    case_ids: list[Id] = Field(description="the cases assigned to the user")

    @classmethod
    def of(cls, user: User, case_ids: list[str]) -> UserPublic:
        return cls(
            id=user.id,
            login=user.login,
            display_name=user.display_name,
            role=user.role,
            disabled=user.disabled,
            lang=user.lang,
            created_at=user.created_at,
            case_ids=case_ids,
        )


class SignIn(ApiInput):
    login: str = Field(min_length=1, max_length=200)
    password: Password = Field(max_length=MAX_LENGTH)
    label: ShortText | None = Field(default=None, description="what the token is for")
    days: int = Field(default=90, ge=1, le=MAX_API_TOKEN_DAYS, description="how long it lasts")


class TokenIssued(BaseModel):
    """A new API token. The token itself is shown this once; only its hash is kept."""

    model_config = PUBLIC_CONFIG

    token: str
    token_type: str = "bearer"
    id: Id
    expires_at: datetime
    user: UserPublic


class TokenPublic(BaseModel):
    model_config = PUBLIC_CONFIG

    id: Id
    kind: TokenKind
    label: str | None
    created_at: datetime
    expires_at: datetime

    @classmethod
    def of(cls, token: AccessToken) -> TokenPublic:
        return cls(
            id=token.id,
            kind=token.kind,
            label=token.label,
            created_at=token.created_at,
            expires_at=token.expires_at,
        )
