"""Adding users, changing their password, disabling them, and signing in: one place
for the API, the web pages and the ``tenhands users`` commands."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ...graph.errors import NotFound
from ...graph.model import User, UserRole, utcnow
from ...graph.store import GraphStore
from .passwords import hash_password, needs_rehash, rehash, verify_password
from .ratelimit import LoginThrottle


class SignInRefused(Exception):
    """Wrong login or password, or a disabled account (one message for all three, so
    a refusal does not tell which logins exist)."""

    def __init__(self) -> None:
        super().__init__("The login or the password is not right.")


class Throttled(Exception):
    """Too many failed attempts; try again after :attr:`seconds`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = max(1, math.ceil(seconds))
        super().__init__(f"Too many failed attempts: try again in {in_words(self.seconds)}.")


class WrongPassword(Exception):
    """The current password, asked again before a change, is not right."""

    def __init__(self) -> None:
        super().__init__("The current password is not right.")


def in_words(seconds: int) -> str:
    """A wait as people say it: seconds up to two minutes, then whole minutes.

    >>> in_words(1), in_words(45), in_words(120), in_words(121), in_words(900)
    ('1 second', '45 seconds', '120 seconds', '3 minutes', '15 minutes')
    """
    if seconds <= 120:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    return f"{math.ceil(seconds / 60)} minutes"


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
    with _throttled(throttle, login, address):
        try:
            user: User | None = store.get_user_by_login(login)
        except (NotFound, ValueError):
            user = None
        good = verify_password(user.password_hash if user else None, password)
        if user is None or not good or user.disabled:
            raise SignInRefused()
    if user.password_hash and needs_rehash(user.password_hash):
        user = store.update_user(user.model_copy(update={"password_hash": rehash(password)}))
    return user


def check_password(throttle: LoginThrottle, user: User, password: str, address: str) -> None:
    """Check a signed-in user's current password before a change: throttled like signing
    in (:class:`Throttled`), :class:`WrongPassword` when it is not right, so a stolen
    session cannot be used to guess the password."""
    with _throttled(throttle, user.login, address):
        if not verify_password(user.password_hash, password):
            raise WrongPassword()


@contextmanager
def _throttled(throttle: LoginThrottle, login: str, address: str) -> Iterator[None]:
    """One password check under ``throttle``: refused while it must wait. The block
    raises :class:`SignInRefused` or :class:`WrongPassword` for a wrong password (counted
    as a failure) and ends normally for a right one; any other error (the store does
    not answer) counts as nothing."""
    wait = throttle.attempt(login, address)
    if wait > 0:
        raise Throttled(wait)
    try:
        yield
    except (SignInRefused, WrongPassword):
        throttle.failed(login, address)
        raise
    except BaseException:
        throttle.withdrawn(login, address)
        raise
    throttle.succeeded(login, address)
