"""``/health`` says whether the service and its store answer to anyone, but where the
data lives (a file path, a server's address) only to a signed-in administrator."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from signin_helpers import bearer

from tenhands.app import create_app
from tenhands.graph.model import UserRole
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.settings import Settings


def _health(store: GraphStore, headers: dict[str, str]) -> tuple[int, dict[str, object], str]:
    with TestClient(create_app(Settings(store=store.describe()), store=store)) as client:
        r = client.get("/health", headers=headers)
    return r.status_code, r.json(), r.text


def test_anonymous_callers_learn_no_location(store: GraphStore) -> None:
    status, body, text = _health(store, {})
    assert status == 200
    assert body == {
        "status": "ok",
        "reason": None,
        "store": {"kind": store.kind, "location": None, "answers": True},
    }
    where = store.describe().split("://", 1)[1]
    assert where not in text


@pytest.mark.parametrize("role", [UserRole.worker, UserRole.facilitator, UserRole.viewer])
def test_users_who_are_not_admins_learn_no_location(store: GraphStore, role: UserRole) -> None:
    status, body, text = _health(store, bearer(store, f"u-{role.value}", role))
    assert status == 200 and body["store"] == {
        "kind": store.kind,
        "location": None,
        "answers": True,
    }
    assert store.describe().split("://", 1)[1] not in text


def test_an_admin_sees_where_the_data_lives(store: GraphStore) -> None:
    status, body, _ = _health(store, bearer(store, "beheer", UserRole.admin))
    assert status == 200
    assert body["store"] == {"kind": store.kind, "location": store.describe(), "answers": True}


def test_a_wrong_token_is_answered_as_anyone(sqlite_store: SqliteStore) -> None:
    status, body, _ = _health(sqlite_store, {"Authorization": "Bearer not-a-token"})
    assert status == 200 and body["store"]["location"] is None  # type: ignore[index]


def test_a_store_that_does_not_answer_is_reported_without_its_path(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "geheim-pad" / "tenhands.db")
    store.init_schema()
    admin = bearer(store, "beheer", UserRole.admin)
    with TestClient(create_app(Settings(store=store.describe()), store=store)) as client:
        store.close()
        for headers in ({}, admin):  # an admin's token cannot be checked either now
            r = client.get("/health", headers=headers)
            assert r.status_code == 503 and r.headers["Retry-After"] == "5"
            assert "geheim-pad" not in r.text
            assert r.json()["reason"] == (
                "The sqlite store does not answer; the service reconnects by itself when it "
                "is back."
            )
