"""Accounts, case assignments and sign-in tokens in the sqlite store (a mixin of
:class:`~tenhands.graph.stores.sqlite.store.SqliteStore`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from ...errors import Conflict, NotFound
from ...model import AccessToken, Login, TokenKind, User
from ..checks import page

M = TypeVar("M", bound=BaseModel)

_LOGIN: TypeAdapter[str] = TypeAdapter(Login)


def _instant(value: datetime) -> str:
    """A time as the token columns keep it: UTC, to the microsecond, so text order is
    time order (a naive time is taken to be UTC already)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _token_row(token: AccessToken) -> tuple[str, ...]:
    return (
        token.id,
        token.user_id,
        token.kind.value,
        token.token_hash,
        _instant(token.created_at),
        _instant(token.expires_at),
        token.model_dump_json(),
    )


class SqliteUsers:
    """The :class:`~tenhands.graph.store.UserStore` part of the store."""

    if TYPE_CHECKING:

        def _tx(self, *, data: bool = True) -> AbstractContextManager[sqlite3.Connection]: ...

        def _errors(self) -> AbstractContextManager[None]: ...

        def _read(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]: ...

        def _one(
            self, sql: str, params: Sequence[object], model: type[M], entity: str, key: str
        ) -> M: ...

        def _many(self, sql: str, params: Sequence[object], model: type[M]) -> list[M]: ...

        @staticmethod
        def _exists(conn: sqlite3.Connection, table: str, key: str) -> bool: ...

    # -- users --------------------------------------------------------------------

    @staticmethod
    def _refuse_taken_login(conn: sqlite3.Connection, user: User) -> None:
        other = conn.execute(
            "SELECT 1 FROM users WHERE login = ? AND id <> ?", (user.login, user.id)
        ).fetchone()
        if other is not None:
            raise Conflict("another user has this login already")

    def create_user(self, user: User) -> User:
        with self._errors(), self._tx(data=False) as conn:
            if self._exists(conn, "users", user.id):
                raise Conflict(f"a user with id {user.id!r} exists already")
            self._refuse_taken_login(conn, user)
            conn.execute(
                "INSERT INTO users (id, login, data) VALUES (?, ?, ?)",
                (user.id, user.login, user.model_dump_json()),
            )
        return user

    def get_user(self, user_id: str) -> User:
        return self._one("SELECT data FROM users WHERE id = ?", (user_id,), User, "user", user_id)

    def get_user_by_login(self, login: str) -> User:
        try:
            folded = _LOGIN.validate_python(login)
        except ValidationError:
            raise NotFound("user", login) from None
        return self._one("SELECT data FROM users WHERE login = ?", (folded,), User, "user", login)

    def update_user(self, user: User) -> User:
        with self._errors(), self._tx(data=False) as conn:
            if not self._exists(conn, "users", user.id):
                raise NotFound("user", user.id)
            self._refuse_taken_login(conn, user)
            conn.execute(
                "UPDATE users SET login = ?, data = ? WHERE id = ?",
                (user.login, user.model_dump_json(), user.id),
            )
        return user

    def list_users(self, *, limit: int = 100, offset: int = 0) -> list[User]:
        return self._many(
            "SELECT data FROM users ORDER BY login LIMIT ? OFFSET ?", page(limit, offset), User
        )

    def count_users(self) -> int:
        return int(self._read("SELECT count(*) FROM users")[0][0])

    # -- case assignments ---------------------------------------------------------

    def assign_case(self, user_id: str, case_id: str) -> None:
        with self._errors(), self._tx(data=False) as conn:
            if not self._exists(conn, "users", user_id):
                raise NotFound("user", user_id)
            if not self._exists(conn, "cases", case_id):
                raise NotFound("case", case_id)
            conn.execute(
                "INSERT INTO user_cases (user_id, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (user_id, case_id),
            )

    def unassign_case(self, user_id: str, case_id: str) -> None:
        with self._errors(), self._tx(data=False) as conn:
            gone = conn.execute(
                "DELETE FROM user_cases WHERE user_id = ? AND case_id = ?", (user_id, case_id)
            ).rowcount
            if gone == 0:
                raise NotFound("case assignment", f"{user_id}/{case_id}")

    def _linked(self, sql: str, key: str, entity: str) -> list[str]:
        """The second column of a ``LEFT JOIN`` from one owner row; NotFound without it."""
        rows = self._read(sql, (key,))
        if not rows:
            raise NotFound(entity, key)
        return [str(r[1]) for r in rows if r[1] is not None]

    def cases_of_user(self, user_id: str) -> list[str]:
        return self._linked(
            "SELECT u.id, a.case_id FROM users AS u "
            "LEFT JOIN user_cases AS a ON a.user_id = u.id WHERE u.id = ? ORDER BY a.case_id",
            user_id,
            "user",
        )

    def users_of_case(self, case_id: str) -> list[str]:
        return self._linked(
            "SELECT c.id, a.user_id FROM cases AS c "
            "LEFT JOIN user_cases AS a ON a.case_id = c.id WHERE c.id = ? ORDER BY a.user_id",
            case_id,
            "case",
        )

    # -- tokens -------------------------------------------------------------------

    def save_token(self, token: AccessToken) -> AccessToken:
        with self._errors(), self._tx(data=False) as conn:
            if not self._exists(conn, "users", token.user_id):
                raise NotFound("user", token.user_id)
            if self._exists(conn, "tokens", token.id):
                raise Conflict(f"a token with id {token.id!r} exists already")
            taken = conn.execute(
                "SELECT 1 FROM tokens WHERE token_hash = ?", (token.token_hash,)
            ).fetchone()
            if taken is not None:
                raise Conflict("another token has this hash already")
            conn.execute(
                "INSERT INTO tokens (id, user_id, kind, token_hash, created_at, expires_at, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                _token_row(token),
            )
        return token

    def token_by_hash(self, token_hash: str) -> AccessToken:
        rows = self._read("SELECT data FROM tokens WHERE token_hash = ?", (token_hash,))
        if not rows:
            raise NotFound("token", "(hash)")
        return AccessToken.model_validate_json(rows[0][0])

    def list_tokens(self, user_id: str) -> list[AccessToken]:
        rows = self._read(
            "SELECT u.id, t.data FROM users AS u LEFT JOIN tokens AS t ON t.user_id = u.id "
            "WHERE u.id = ? ORDER BY t.created_at DESC, t.id DESC",
            (user_id,),
        )
        if not rows:
            raise NotFound("user", user_id)
        return [AccessToken.model_validate_json(r[1]) for r in rows if r[1] is not None]

    def delete_token(self, token_id: str) -> None:
        with self._errors(), self._tx(data=False) as conn:
            if conn.execute("DELETE FROM tokens WHERE id = ?", (token_id,)).rowcount == 0:
                raise NotFound("token", token_id)

    def delete_tokens(self, user_id: str, *, kind: TokenKind | None = None) -> int:
        with self._errors(), self._tx(data=False) as conn:
            return int(
                conn.execute(
                    "DELETE FROM tokens WHERE user_id = ?1 AND (?2 IS NULL OR kind = ?2)",
                    (user_id, None if kind is None else TokenKind(kind).value),
                ).rowcount
            )

    def delete_expired_tokens(self, now: datetime) -> int:
        with self._errors(), self._tx(data=False) as conn:
            return int(
                conn.execute("DELETE FROM tokens WHERE expires_at <= ?", (_instant(now),)).rowcount
            )
