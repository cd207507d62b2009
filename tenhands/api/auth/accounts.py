"""Adding users, changing their password, disabling them, and signing in: one place
for the API, the web pages and the ``tenhands users`` commands."""

from __future__ import annotations

from typing import Any

from ...graph.errors import NotFound
from ...graph.model import TokenKind, User, UserRole, utcnow
from ...graph.store import GraphStore
from .passwords import hash_password, needs_rehash, rehash, verify_password
from .ratelimit import LoginThrottle


class SignInRefused(Exception):
    """Wrong login or password, or a disabled account (one message for all three, so
    a refusal does not tell which logins exist)."""

    def __init__(self) -> None:
        super().__init__("The login or the password is not right.")


class Throttled(Exception):
    """Too many failed sign-ins; try again after :attr:`seconds`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = max(1, int(seconds + 0.999))
        minutes = max(1, (self.seconds + 59) // 60)
        super().__init__(
            f"Too many failed sign-ins: try again in {minutes} minute{'s' if minutes > 1 else ''}."
        )


def add_user(
    store: GraphStore,
    login: str,
    display_name: str,
    role: UserRole,
    password: str,
    *,
    lang: str = "nl",
) -> User:
    """A new user with an argon2 hash of ``password`` (:class:`~.passwords.WeakPassword`
    when it is refused; :class:`~tenhands.graph.errors.Conflict` for a login in use)."""
    user = User.model_validate(
        {"login": login, "display_name": display_name, "role": role, "lang": lang}
    )
    user = user.model_copy(update={"password_hash": hash_password(password, login=user.login)})
    return store.create_user(user)


def changed(user: User, changes: dict[str, Any]) -> User:
    """``user`` with ``changes``, validated as a whole (pydantic's ValidationError for a
    value the model refuses, e.g. a ``null`` language)."""
    return User.model_validate({**user.model_dump(), **changes, "updated_at": utcnow()})


def set_password(store: GraphStore, user: User, password: str) -> User:
    """A new password; every session and API token of the user ends."""
    changed = user.model_copy(
        update={"password_hash": hash_password(password, login=user.login), "updated_at": utcnow()}
    )
    stored = store.update_user(changed)
    store.delete_tokens(user.id)
    return stored


def set_disabled(store: GraphStore, user: User, disabled: bool) -> User:
    """Disable (every session and API token ends) or enable a user."""
    stored = store.update_user(
        user.model_copy(update={"disabled": disabled, "updated_at": utcnow()})
    )
    if disabled:
        store.delete_tokens(user.id)
    return stored


def sign_in(
    store: GraphStore, throttle: LoginThrottle, login: str, password: str, address: str
) -> User:
    """The user whose login and password these are; :class:`Throttled` after too many
    failures, :class:`SignInRefused` otherwise. A hash made with weaker parameters than
    today's is replaced on the way."""
    wait = throttle.wait(login, address)
    if wait > 0:
        raise Throttled(wait)
    try:
        user: User | None = store.get_user_by_login(login)
    except (NotFound, ValueError):
        user = None
    good = verify_password(user.password_hash if user else None, password)
    if user is None or not good or user.disabled:
        throttle.failed(login, address)
        raise SignInRefused()
    throttle.succeeded(login)
    if user.password_hash and needs_rehash(user.password_hash):
        user = store.update_user(user.model_copy(update={"password_hash": rehash(password)}))
    return user


def end_sessions(store: GraphStore, user: User) -> int:
    """End every browser session of a user (API tokens stay)."""
    return store.delete_tokens(user.id, kind=TokenKind.session)
