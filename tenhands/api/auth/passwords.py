"""Passwords, hashed with argon2id (argon2-cffi's defaults, RFC 9106's second choice).

Only the hash is stored. Checking a login that does not exist still costs one hash,
so the time a refusal takes does not tell whether the login exists.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
"""The shortest password accepted (long passphrases are easier than complex ones)."""

MAX_LENGTH = 1024


class WeakPassword(ValueError):
    """A password refused before hashing; the message says why, in a sentence."""


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


def check_strength(password: str, *, login: str | None = None) -> None:
    """Raise :class:`WeakPassword` for a password too short, too long, or the login."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"A password needs at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"A password may have at most {MAX_LENGTH} characters.")
    if login is not None and password.strip().lower() == login.strip().lower():
        raise WeakPassword("A password may not be the login.")


def hash_password(password: str, *, login: str | None = None) -> str:
    """The argon2 hash of an acceptable password (see :func:`check_strength`)."""
    check_strength(password, login=login)
    return _hasher().hash(password)


def rehash(password: str) -> str:
    """A fresh hash of a password that was just verified (no strength check: the
    user chose it under earlier rules)."""
    return _hasher().hash(password)


@cache
def _decoy() -> str:
    return _hasher().hash("not a password anyone has")


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; an account without a hash (``None``) never matches,
    after the same work as one with."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher().verify(password_hash or _decoy(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether a stored hash was made with weaker parameters than today's."""
    try:
        return _hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return True
