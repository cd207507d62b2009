"""Accounts, case assignments and sign-in tokens in the neo4j store (a mixin of
:class:`~tenhands.graph.stores.neo4j.store.Neo4jStore`).

The graph shape: ``(:User {id, login, data})``, ``(:User)-[:ASSIGNED]->(:Case)`` for
each case assigned to a user, and ``(:Token {id, user_id, kind, token_hash, created_at,
expires_at, data})``; ``data`` holds the model's full JSON, the times are UTC.
Deleting a case (``DETACH DELETE``) takes its assignments with it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Concatenate, Final, LiteralString, ParamSpec, TypeVar

from neo4j import ManagedTransaction
from neo4j import Record as Neo4jRecord
from pydantic import TypeAdapter, ValidationError

from ...errors import Conflict, NotFound
from ...model import AccessToken, Login, TokenKind, User
from ..checks import page
from . import cypher
from .rows import utc

_P = ParamSpec("_P")
_R = TypeVar("_R")

_LOGIN: TypeAdapter[str] = TypeAdapter(Login)

# -- users ----------------------------------------------------------------------

USER_EXISTS: Final = "MATCH (u:User {id: $id}) RETURN count(u) AS n"

LOGIN_TAKEN: Final = "MATCH (u:User {login: $login}) WHERE u.id <> $id RETURN count(u) AS n"
"""Whether another user than ``$id`` has the login."""

CREATE_USER: Final = "CREATE (u:User $props)"

SET_USER: Final = "MATCH (u:User {id: $id}) SET u = $props"

GET_USER: Final = "MATCH (u:User {id: $id}) USING INDEX SEEK u:User(id) RETURN u.data AS data"

GET_USER_BY_LOGIN: Final = (
    "MATCH (u:User {login: $login}) USING INDEX SEEK u:User(login) RETURN u.data AS data"
)

LIST_USERS: Final = (
    "MATCH (u:User) RETURN u.data AS data ORDER BY u.login SKIP $offset LIMIT $limit"
)

COUNT_USERS: Final = "MATCH (u:User) RETURN count(u) AS n"

# -- case assignments -------------------------------------------------------------

ASSIGN_CASE: Final = """
MATCH (u:User {id: $user_id})
MATCH (c:Case {id: $case_id})
MERGE (u)-[:ASSIGNED]->(c)
"""

UNASSIGN_CASE: Final = """
MATCH (:User {id: $user_id})-[a:ASSIGNED]->(:Case {id: $case_id})
DELETE a
RETURN count(*) AS n
"""

CASES_OF_USER: Final = """
MATCH (u:User {id: $id})
RETURN COLLECT {
    MATCH (u)-[:ASSIGNED]->(c:Case) WITH c.id AS id ORDER BY id RETURN id
} AS data
"""
"""One row (the case ids) if the user exists, none if not."""

USERS_OF_CASE: Final = """
MATCH (c:Case {id: $id})
RETURN COLLECT {
    MATCH (u:User)-[:ASSIGNED]->(c) WITH u.id AS id ORDER BY id RETURN id
} AS data
"""
"""One row (the user ids) if the case exists, none if not."""

# -- tokens -----------------------------------------------------------------------

TOKEN_EXISTS: Final = "MATCH (t:Token {id: $id}) RETURN count(t) AS n"

TOKEN_HASH_TAKEN: Final = "MATCH (t:Token {token_hash: $token_hash}) RETURN count(t) AS n"

CREATE_TOKEN: Final = "CREATE (t:Token $props)"

TOKEN_BY_HASH: Final = (
    "MATCH (t:Token {token_hash: $token_hash}) USING INDEX SEEK t:Token(token_hash) "
    "RETURN t.data AS data"
)

LIST_TOKENS: Final = """
MATCH (u:User {id: $id})
RETURN COLLECT {
    MATCH (t:Token {user_id: $id}) WITH t ORDER BY t.created_at DESC, t.id DESC RETURN t.data
} AS data
"""
"""One row (the user's tokens, newest first) if the user exists, none if not."""

DELETE_TOKEN: Final = "MATCH (t:Token {id: $id}) DELETE t RETURN count(*) AS n"

DELETE_TOKENS: Final = """
MATCH (t:Token {user_id: $user_id})
WHERE $kind IS NULL OR t.kind = $kind
DELETE t
RETURN count(*) AS n
"""

DELETE_EXPIRED_TOKENS: Final = """
MATCH (t:Token) WHERE t.expires_at <= $now
DELETE t
RETURN count(*) AS n
"""


def _user_props(user: User) -> dict[str, Any]:
    return {"id": user.id, "login": user.login, "data": user.model_dump_json()}


def _token_props(token: AccessToken) -> dict[str, Any]:
    return {
        "id": token.id,
        "user_id": token.user_id,
        "kind": token.kind.value,
        "token_hash": token.token_hash,
        "created_at": utc(token.created_at),
        "expires_at": utc(token.expires_at),
        "data": token.model_dump_json(),
    }


# -- transaction functions ----------------------------------------------------------
# Each one only runs Cypher and inspects results, so the driver may run it again.


def _count(tx: ManagedTransaction, query: LiteralString, **params: Any) -> int:
    return int(tx.run(query, params).single(strict=True)["n"])


def _refuse_taken_login(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    if _count(tx, LOGIN_TAKEN, login=props["login"], id=props["id"]):
        raise Conflict("another user has this login already")


def _create_user_tx(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    if _count(tx, USER_EXISTS, id=props["id"]):
        raise Conflict(f"a user with id {props['id']!r} exists already")
    _refuse_taken_login(tx, props)
    tx.run(CREATE_USER, {"props": props}).consume()


def _update_user_tx(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    if not _count(tx, USER_EXISTS, id=props["id"]):
        raise NotFound("user", props["id"])
    _refuse_taken_login(tx, props)
    tx.run(SET_USER, {"id": props["id"], "props": props}).consume()


def _assign_case_tx(tx: ManagedTransaction, user_id: str, case_id: str) -> None:
    if not _count(tx, USER_EXISTS, id=user_id):
        raise NotFound("user", user_id)
    if not _count(tx, cypher.CASE_EXISTS, id=case_id):
        raise NotFound("case", case_id)
    tx.run(ASSIGN_CASE, {"user_id": user_id, "case_id": case_id}).consume()


def _save_token_tx(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    if not _count(tx, USER_EXISTS, id=props["user_id"]):
        raise NotFound("user", props["user_id"])
    if _count(tx, TOKEN_EXISTS, id=props["id"]):
        raise Conflict(f"a token with id {props['id']!r} exists already")
    if _count(tx, TOKEN_HASH_TAKEN, token_hash=props["token_hash"]):
        raise Conflict("another token has this hash already")
    tx.run(CREATE_TOKEN, {"props": props}).consume()


class Neo4jUsers:
    """The :class:`~tenhands.graph.store.UserStore` part of the store."""

    if TYPE_CHECKING:

        def _read(self, query: LiteralString, **params: Any) -> list[Neo4jRecord]: ...

        def _write(self, query: LiteralString, **params: Any) -> list[Neo4jRecord]: ...

        def _write_tx(
            self,
            work: Callable[Concatenate[ManagedTransaction, _P], _R],
            *args: _P.args,
            **kwargs: _P.kwargs,
        ) -> _R: ...

        def _listed(
            self, query: LiteralString, entity: str, ident: str, **params: Any
        ) -> list[Any]: ...

        def _one_data(self, query: LiteralString, entity: str, ident: str) -> str: ...

    # -- users ----------------------------------------------------------------

    def create_user(self, user: User) -> User:
        """Store a new user; :class:`Conflict` for an id or a login already used."""
        self._write_tx(_create_user_tx, _user_props(user))
        return user

    def get_user(self, user_id: str) -> User:
        """The user; :class:`NotFound` if there is none."""
        return User.model_validate_json(self._one_data(GET_USER, "user", user_id))

    def get_user_by_login(self, login: str) -> User:
        """The user with this login, compared as the model folds it (lower-case)."""
        try:
            folded = _LOGIN.validate_python(login)
        except ValidationError:
            raise NotFound("user", login) from None
        records = self._read(GET_USER_BY_LOGIN, login=folded)
        if not records:
            raise NotFound("user", login)
        return User.model_validate_json(records[0]["data"])

    def update_user(self, user: User) -> User:
        """Replace a stored user; its new login must not belong to another user."""
        self._write_tx(_update_user_tx, _user_props(user))
        return user

    def list_users(self, *, limit: int = 100, offset: int = 0) -> list[User]:
        """Users ordered by login."""
        limit, offset = page(limit, offset)
        records = self._read(LIST_USERS, limit=limit, offset=offset)
        return [User.model_validate_json(r["data"]) for r in records]

    def count_users(self) -> int:
        """How many users are stored."""
        return int(self._read(COUNT_USERS)[0]["n"])

    # -- case assignments -----------------------------------------------------

    def assign_case(self, user_id: str, case_id: str) -> None:
        """Give a user access to a case; doing it twice changes nothing."""
        self._write_tx(_assign_case_tx, user_id, case_id)

    def unassign_case(self, user_id: str, case_id: str) -> None:
        """Take a case away from a user; :class:`NotFound` if it was not assigned."""
        if not self._write(UNASSIGN_CASE, user_id=user_id, case_id=case_id)[0]["n"]:
            raise NotFound("case assignment", f"{user_id}/{case_id}")

    def cases_of_user(self, user_id: str) -> list[str]:
        """Ids of the cases assigned to a user, ordered."""
        return [str(i) for i in self._listed(CASES_OF_USER, "user", user_id, id=user_id)]

    def users_of_case(self, case_id: str) -> list[str]:
        """Ids of the users a case is assigned to, ordered."""
        return [str(i) for i in self._listed(USERS_OF_CASE, "case", case_id, id=case_id)]

    # -- tokens ---------------------------------------------------------------

    def save_token(self, token: AccessToken) -> AccessToken:
        """Store a new token of a known user; its id and hash must be new."""
        self._write_tx(_save_token_tx, _token_props(token))
        return token

    def token_by_hash(self, token_hash: str) -> AccessToken:
        """The token with this hash, expired or not; :class:`NotFound` if none."""
        records = self._read(TOKEN_BY_HASH, token_hash=token_hash)
        if not records:
            raise NotFound("token", "(hash)")
        return AccessToken.model_validate_json(records[0]["data"])

    def list_tokens(self, user_id: str) -> list[AccessToken]:
        """A user's tokens, newest first."""
        found = self._listed(LIST_TOKENS, "user", user_id, id=user_id)
        return [AccessToken.model_validate_json(d) for d in found]

    def delete_token(self, token_id: str) -> None:
        """Remove a token; :class:`NotFound` if there is none."""
        if not self._write(DELETE_TOKEN, id=token_id)[0]["n"]:
            raise NotFound("token", token_id)

    def delete_tokens(self, user_id: str, *, kind: TokenKind | None = None) -> int:
        """Remove a user's tokens (of ``kind``, or all); returns how many."""
        kind_value = None if kind is None else TokenKind(kind).value
        return int(self._write(DELETE_TOKENS, user_id=user_id, kind=kind_value)[0]["n"])

    def delete_expired_tokens(self, now: datetime) -> int:
        """Remove every token expired at ``now``; returns how many."""
        return int(self._write(DELETE_EXPIRED_TOKENS, now=utc(now))[0]["n"])
