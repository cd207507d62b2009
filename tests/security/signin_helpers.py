"""Helpers for the sign-in tests: the app over a real store with a throttle on a clock the
test moves, clients that connect from a chosen address (as the server would say), and
users signed in by a token.

(No ``conftest.py`` here: see ``tests/api/api_helpers.py``.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.types import ASGIApp

from tenhands.api.auth.accounts import add_user
from tenhands.api.auth.ratelimit import LoginThrottle
from tenhands.api.auth.tokens import issue
from tenhands.app import create_app
from tenhands.graph.model import TokenKind, User, UserRole
from tenhands.graph.store import GraphStore
from tenhands.settings import Settings

PASSWORD = "lange-zin-met-spaties 42"
LOGIN = "lotte"


class Clock:
    """A monotonic clock that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def throttled_app(
    store: GraphStore,
    clock: Clock,
    settings: Settings | None = None,
    throttle: LoginThrottle | None = None,
) -> FastAPI:
    """The app over ``store`` (with user :data:`LOGIN`), its throttle (the default rules
    unless given) on ``clock``."""
    add_user(store, LOGIN, "Lotte Werker", UserRole.worker, PASSWORD)
    app = create_app(settings or Settings(store=store.describe()), store=store)
    app.state.login_throttle = throttle or LoginThrottle(clock=clock)
    return app


@contextmanager
def started(app: ASGIApp) -> Iterator[None]:
    """The app's lifespan, for clients that do not start it themselves."""
    with TestClient(app):
        yield


def client_at(app: ASGIApp, address: str) -> TestClient:
    """A client whose connections come from ``address``."""
    return TestClient(app, client=(address, 50_000), follow_redirects=False)


def sign_in(client: TestClient, password: str, login: str = LOGIN) -> httpx.Response:
    response: httpx.Response = client.post(
        "/auth/token", json={"login": login, "password": password}
    )
    return response


def bearer(
    store: GraphStore, login: str, role: UserRole, cases: tuple[str, ...] = ()
) -> dict[str, str]:
    """Headers signing in as a new user ``login`` (no password: no hashing needed) with
    ``role`` and ``cases``."""
    user = store.create_user(User(login=login, display_name=login, role=role))
    for case_id in cases:
        store.assign_case(user.id, case_id)
    return {"Authorization": f"Bearer {issue(store, user, TokenKind.api).secret}"}
