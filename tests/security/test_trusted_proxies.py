"""Behind the agency's TLS proxy: with ``TENHANDS_TRUSTED_PROXIES`` naming it, the client
address it forwards is the one the sign-in throttle counts and its https makes the
session cookie ``Secure``; from anyone else (and from everyone when the setting is
empty) forwarded headers are ignored, so a forged ``X-Forwarded-For`` escapes nothing.

The app is wrapped the way ``tenhands serve`` has uvicorn wrap it (the same options,
uvicorn's own ProxyHeadersMiddleware), and once served for real over a socket.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from pydantic import ValidationError
from signin_helpers import LOGIN, PASSWORD, Clock, client_at, started, throttled_app
from starlette.types import ASGIApp

from tenhands.api.auth.deps import SESSION_COOKIE
from tenhands.cli.serve import proxy_options
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.settings import Settings

PROXY, ELSEWHERE = "10.20.0.2", "10.20.0.9"
ATTACKER, USER = "203.0.113.7", "198.51.100.20"


def wrapped(app: FastAPI, settings: Settings) -> ASGIApp:
    """``app`` as uvicorn serves it with the options ``tenhands serve`` passes."""
    config = uvicorn.Config(app, **proxy_options(settings))
    config.load()
    return config.loaded_app


def settings_for(store: SqliteStore, trusted: str, *, production: bool = False) -> Settings:
    return Settings(
        store=store.describe(),
        trusted_proxies=trusted,
        environment="production" if production else "development",
    )


def lock_the_pair(client: httpx.Client, forwarded: str) -> None:
    """Six wrong passwords for the login, forwarded as coming from ``forwarded``: the
    seventh attempt from there must wait."""
    for n in range(6):
        r = client.post(
            "/auth/token",
            json={"login": LOGIN, "password": f"gok {n}"},
            headers={"X-Forwarded-For": forwarded},
        )
        assert r.status_code == 401, r.text


def test_through_a_trusted_proxy_the_forwarded_address_is_counted(
    sqlite_store: SqliteStore,
) -> None:
    settings = settings_for(sqlite_store, f"{PROXY}, 192.168.0.0/16")
    app = throttled_app(sqlite_store, Clock(), settings)
    served = wrapped(app, settings)
    with started(served):
        proxy = client_at(served, PROXY)
        lock_the_pair(proxy, ATTACKER)
        r = proxy.post(
            "/auth/token",
            json={"login": LOGIN, "password": PASSWORD},
            headers={"X-Forwarded-For": ATTACKER},
        )
        assert r.status_code == 429  # the attacker's own address waits
        r = proxy.post(
            "/auth/token",
            json={"login": LOGIN, "password": PASSWORD},
            headers={"X-Forwarded-For": USER},
        )
        assert r.status_code == 201, r.text  # the user's address does not


@pytest.mark.parametrize(
    ("trusted", "connection"),
    [("", "127.0.0.1"), ("", PROXY), (PROXY, ELSEWHERE)],
    ids=["nobody-trusted-loopback", "nobody-trusted", "not-the-proxy"],
)
def test_a_forged_forwarded_address_is_ignored(
    sqlite_store: SqliteStore, trusted: str, connection: str
) -> None:
    settings = settings_for(sqlite_store, trusted)
    app = throttled_app(sqlite_store, Clock(), settings)
    served = wrapped(app, settings)
    with started(served):
        client = client_at(served, connection)
        lock_the_pair(client, ATTACKER)
        r = client.post(
            "/auth/token",
            json={"login": LOGIN, "password": PASSWORD},
            headers={"X-Forwarded-For": USER},  # forged: the connection is still the same
        )
        assert r.status_code == 429


def _cookie_flags(response: httpx.Response) -> set[str]:
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    return {part.strip().split("=")[0].lower() for part in cookie.split(";")}


@pytest.mark.parametrize(
    ("trusted", "secure"), [(PROXY, True), ("", False)], ids=["trusted", "not-trusted"]
)
def test_the_cookie_is_secure_when_a_trusted_proxy_says_https(
    sqlite_store: SqliteStore, trusted: str, secure: bool
) -> None:
    settings = settings_for(sqlite_store, trusted)
    app = throttled_app(sqlite_store, Clock(), settings)
    served = wrapped(app, settings)
    with started(served):
        r = client_at(served, PROXY).post(
            "/login",
            data={"login": LOGIN, "password": PASSWORD},
            headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": USER},
        )
    assert r.status_code == 303
    assert ("secure" in _cookie_flags(r)) is secure


def test_in_production_the_cookie_is_always_secure(sqlite_store: SqliteStore) -> None:
    settings = settings_for(sqlite_store, "", production=True)
    app = throttled_app(sqlite_store, Clock(), settings)
    with started(app):
        r = client_at(app, USER).post("/login", data={"login": LOGIN, "password": PASSWORD})
    assert r.status_code == 303 and "secure" in _cookie_flags(r)


def test_the_setting_refuses_what_is_not_an_address() -> None:
    with pytest.raises(ValidationError, match="'proxy.example' is not an IP address or network"):
        Settings(trusted_proxies="10.0.0.1, proxy.example")
    assert proxy_options(Settings(trusted_proxies="")) == {"proxy_headers": False}
    assert proxy_options(Settings(trusted_proxies="172.30.87.1")) == {
        "proxy_headers": True,
        "forwarded_allow_ips": ["172.30.87.1/32"],
    }


@contextmanager
def serving(app: FastAPI, settings: Settings) -> Iterator[str]:
    """``app`` served by uvicorn on a loopback port, with ``tenhands serve``'s options."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", **proxy_options(settings)
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(20)


@pytest.mark.parametrize(("trusted", "user_gets_in"), [("127.0.0.1", True), ("", False)])
def test_a_served_process_believes_only_its_trusted_proxy(
    sqlite_store: SqliteStore, trusted: str, user_gets_in: bool
) -> None:
    settings = settings_for(sqlite_store, trusted)
    app = throttled_app(sqlite_store, Clock(), settings)
    with serving(app, settings) as base, httpx.Client(base_url=base) as proxy:
        lock_the_pair(proxy, ATTACKER)
        r = proxy.post(
            "/auth/token",
            json={"login": LOGIN, "password": PASSWORD},
            headers={"X-Forwarded-For": USER},
        )
    assert r.status_code == (201 if user_gets_in else 429), r.text
