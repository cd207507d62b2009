"""Sign-in tokens: a browser session (a cookie) or an API client's bearer token.

A token is 32 random bytes (URL-safe Base64); the store keeps only its SHA-256, so a
copy of the database does not sign anyone in. Tokens end: sessions after
:data:`SESSION_HOURS` (a working day), API tokens after the days asked for.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from ...graph.errors import NotFound
from ...graph.model import AccessToken, TokenKind, User, utcnow
from ...graph.store import GraphStore
from .token_days import API_TOKEN_DAYS as API_TOKEN_DAYS
from .token_days import MAX_API_TOKEN_DAYS as MAX_API_TOKEN_DAYS
from .token_days import SESSION_HOURS as SESSION_HOURS


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Issued:
    """A token as handed out once: the secret itself, and what is stored about it."""

    secret: str
    stored: AccessToken


def issue(
    store: GraphStore,
    user: User,
    kind: TokenKind,
    *,
    label: str | None = None,
    days: int | None = None,
) -> Issued:
    """A new token for ``user``: a session (with its form token against cross-site
    requests) or an API token valid ``days`` (default :data:`API_TOKEN_DAYS`). Tokens
    of anyone that have ended are removed on the way."""
    secret = secrets.token_urlsafe(32)
    if kind is TokenKind.session:
        life = timedelta(hours=SESSION_HOURS)
    else:
        life = timedelta(days=min(days or API_TOKEN_DAYS, MAX_API_TOKEN_DAYS))
    now = utcnow()
    stored = AccessToken(
        user_id=user.id,
        kind=kind,
        token_hash=token_hash(secret),
        label=label,
        created_at=now,
        expires_at=now + life,
        csrf=secrets.token_urlsafe(24) if kind is TokenKind.session else None,
    )
    store.delete_expired_tokens(now)  # ended sessions and tokens do not pile up
    return Issued(secret=secret, stored=store.save_token(stored))


def resolve(store: GraphStore, secret: str, kind: TokenKind) -> tuple[User, AccessToken] | None:
    """The user a token of ``kind`` stands for, or ``None`` when the token is unknown,
    of the other kind, expired, or its user is disabled."""
    if not secret or len(secret) > 200:
        return None
    try:
        token = store.token_by_hash(token_hash(secret))
    except NotFound:
        return None
    if token.kind is not kind or token.expired():
        return None
    try:
        user = store.get_user(token.user_id)
    except NotFound:
        return None
    return None if user.disabled else (user, token)
