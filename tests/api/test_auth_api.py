"""Signing in with a password for an API token, your own account, signing out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, error

from tenhands.api.auth.accounts import add_user
from tenhands.api.auth.ratelimit import LoginThrottle
from tenhands.graph.model import AuditAction, TokenKind, UserRole
from tenhands.graph.stores.sqlite import SqliteStore

PASSWORD = "lange-zin-met-spaties 42"


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    add_user(sqlite_store, "lotte", "Lotte Werker", UserRole.worker, PASSWORD)
    with ApiClient.over(sqlite_store) as c:
        c.headers.pop("Authorization")
        yield c


def sign_in(client: ApiClient, password: str = PASSWORD, login: str = "lotte") -> dict[str, str]:
    r = client.post("/auth/token", json={"login": login, "password": password, "label": "test"})
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def test_signing_in_gives_a_token_that_works(client: ApiClient, sqlite_store: SqliteStore) -> None:
    r = client.post("/auth/token", json={"login": "LOTTE", "password": PASSWORD})
    assert r.status_code == 201
    body = r.json()
    assert body["token_type"] == "bearer" and body["user"]["login"] == "lotte"
    assert "password_hash" not in r.text and PASSWORD not in r.text
    me = client.get("/auth/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.status_code == 200 and me.json()["role"] == "worker"
    # only the token's hash is stored
    stored = sqlite_store.list_tokens(body["user"]["id"])
    assert [t.kind for t in stored] == [TokenKind.api]
    assert body["token"] not in stored[0].model_dump_json()
    logins = sqlite_store.list_audit(action=AuditAction.login)
    assert [e.actor for e in logins] == ["lotte"]


@pytest.mark.parametrize(
    ("login", "password"), [("lotte", "verkeerd wachtwoord"), ("niemand", PASSWORD)]
)
def test_a_wrong_login_or_password_gets_one_message(
    client: ApiClient, login: str, password: str
) -> None:
    r = client.post("/auth/token", json={"login": login, "password": password})
    body = error(r, 401, "unauthenticated")
    assert body["detail"] == "The login or the password is not right."


def test_a_disabled_user_cannot_sign_in_and_their_tokens_stop(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    token = sign_in(client)
    user = sqlite_store.get_user_by_login("lotte")
    admin = {"Authorization": f"Bearer {_admin_token(client, sqlite_store)}"}
    r = client.patch(f"/users/{user.id}", json={"disabled": True}, headers=admin)
    assert r.status_code == 200 and r.json()["disabled"] is True
    error(client.get("/auth/me", headers=token), 401, "unauthenticated")
    r = client.post("/auth/token", json={"login": "lotte", "password": PASSWORD})
    error(r, 401, "unauthenticated")


def _admin_token(client: ApiClient, store: SqliteStore) -> str:
    from tenhands.api.auth.tokens import issue

    admin = store.get_user_by_login("wout.werker")
    return issue(store, admin, TokenKind.api).secret


def test_sign_in_is_throttled_after_repeated_failures(client: ApiClient) -> None:
    now = [1000.0]
    throttle = LoginThrottle(clock=lambda: now[0])
    client.app.state.login_throttle = throttle  # type: ignore[attr-defined]
    for _ in range(6):  # five free tries, and the sixth is let through too
        error(
            client.post("/auth/token", json={"login": "lotte", "password": "x"}),
            401,
            "unauthenticated",
        )
    r = client.post("/auth/token", json={"login": "lotte", "password": PASSWORD})
    body = error(r, 429, "too_many_requests")
    assert r.headers["Retry-After"] == "1" and body["detail"] == (
        "Too many failed attempts: try again in 1 second."
    )
    now[0] += 1.0
    sign_in(client)


def test_changing_your_password_needs_the_current_one_and_ends_tokens(
    client: ApiClient,
) -> None:
    token = sign_in(client)
    r = client.patch("/auth/me", json={"password": "een nieuw lang wachtwoord"}, headers=token)
    error(r, 403, "forbidden")
    r = client.patch(
        "/auth/me",
        json={"password": "kort", "current_password": PASSWORD},
        headers=token,
    )
    assert "at least 10" in error(r, 422, "invalid_input")["detail"]
    r = client.patch(
        "/auth/me",
        json={"password": "een nieuw lang wachtwoord", "current_password": PASSWORD, "lang": "en"},
        headers=token,
    )
    assert r.status_code == 200 and r.json()["lang"] == "en"
    error(client.get("/auth/me", headers=token), 401, "unauthenticated")
    sign_in(client, "een nieuw lang wachtwoord")


def test_signing_out_ends_the_token(client: ApiClient) -> None:
    token = sign_in(client)
    assert client.delete("/auth/token", headers=token).status_code == 204
    error(client.get("/auth/me", headers=token), 401, "unauthenticated")


def test_an_expired_token_does_not_sign_in(client: ApiClient, sqlite_store: SqliteStore) -> None:
    from datetime import timedelta

    token = sign_in(client)
    user = sqlite_store.get_user_by_login("lotte")
    stored = sqlite_store.list_tokens(user.id)[0]
    sqlite_store.delete_token(stored.id)
    sqlite_store.save_token(
        stored.model_copy(update={"expires_at": stored.created_at - timedelta(1)})
    )
    error(client.get("/auth/me", headers=token), 401, "unauthenticated")


def test_a_session_cookie_request_that_changes_something_needs_the_form_token(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    from tenhands.api.auth.deps import CSRF_HEADER, SESSION_COOKIE
    from tenhands.api.auth.tokens import issue

    user = sqlite_store.get_user_by_login("lotte")
    session = issue(sqlite_store, user, TokenKind.session)
    client.cookies.set(SESSION_COOKIE, session.secret)
    assert client.get("/auth/me").status_code == 200
    body = {"sex": "unknown", "given_names": ["Nieuw"]}
    r = client.post("/persons", json=body)
    assert "another site" in error(r, 403, "forbidden")["detail"]
    r = client.post("/persons", json=body, headers={CSRF_HEADER: "wrong"})
    error(r, 403, "forbidden")
    assert session.stored.csrf
    r = client.post("/persons", json=body, headers={CSRF_HEADER: session.stored.csrf})
    assert r.status_code == 201
    # a session is not an API token, nor the other way round
    r = client.get("/auth/me", headers={"Authorization": f"Bearer {session.secret}"})
    error(r, 401, "unauthenticated")


def test_ended_tokens_are_removed_when_a_new_one_is_issued(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    from datetime import timedelta

    sign_in(client)
    user = sqlite_store.get_user_by_login("lotte")
    stored = sqlite_store.list_tokens(user.id)[0]
    sqlite_store.delete_token(stored.id)
    ended = stored.model_copy(update={"expires_at": stored.created_at - timedelta(1)})
    sqlite_store.save_token(ended)
    sign_in(client)
    assert ended.id not in {t.id for t in sqlite_store.list_tokens(user.id)}
