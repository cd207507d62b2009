"""The app factory, its lifespan, health, and the OpenAPI document."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import ApiClient, bearer, error
from fastapi.testclient import TestClient

from tenhands import __version__
from tenhands.app import create_app
from tenhands.graph.errors import StoreUnavailable
from tenhands.graph.model import UserRole
from tenhands.graph.stores.neo4j import Neo4jStore
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.settings import Settings


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    with ApiClient.over(sqlite_store) as c:
        yield c


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings naming a store that apps given their own store must never open."""
    return Settings(store=f"sqlite:///{tmp_path / 'configured.db'}")


def test_health_when_the_store_answers(client: ApiClient, sqlite_store: SqliteStore) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json() == {
        "status": "ok",
        "reason": None,
        "store": {"kind": "sqlite", "location": sqlite_store.describe(), "answers": True},
    }


def test_health_when_the_store_is_closed(settings: Settings, tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "closed.db")
    store.init_schema()
    with TestClient(create_app(settings, store=store)) as client:
        store.close()
        r = client.get("/health")
    assert r.status_code == 503
    assert r.headers["Retry-After"] == "5"
    assert r.json() == {
        "status": "unavailable",
        "reason": "The sqlite store does not answer; the service reconnects by itself when "
        "it is back.",
        "store": {"kind": "sqlite", "location": None, "answers": False},
    }


def test_health_when_the_neo4j_server_is_unreachable(settings: Settings) -> None:
    store = Neo4jStore("bolt://127.0.0.1:1")  # a real driver; nothing listens on port 1
    try:
        with TestClient(create_app(settings, store=store)) as client:
            r = client.get("/health")
    finally:
        store.close()
    assert r.status_code == 503
    body = r.json()
    assert body["status"] == "unavailable"
    assert body["store"]["kind"] == "neo4j"
    assert body["store"]["answers"] is False
    assert body["store"]["location"] is None  # where the data lives: for admins only
    assert "127.0.0.1" not in r.text


def test_a_closed_store_gives_503_with_retry_after(settings: Settings, tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "closed.db")
    store.init_schema()
    signed_in = bearer(store, "admin", UserRole.admin)
    with TestClient(create_app(settings, store=store), headers=signed_in) as client:
        assert client.get("/persons").status_code == 200
        store.close()
        for r in (
            client.get("/persons"),
            client.get("/persons/p1"),
            client.post("/persons", json={"sex": "unknown", "given_names": ["An"]}),
            client.get("/cases/c1/network"),
        ):
            body = error(r, 503, "store_unavailable")
            assert r.headers["Retry-After"] == "5"
            assert "try again" in body["detail"]


def test_lifespan_opens_initialises_and_closes_the_configured_store(tmp_path: Path) -> None:
    path = tmp_path / "data" / "tenhands.db"
    app = create_app(Settings(store=f"sqlite:///{path}"))
    with TestClient(app) as client:
        r = client.get("/health")
        assert r.status_code == 200 and r.json()["store"]["location"] is None
        client.headers.update(bearer(app.state.store, "admin", UserRole.admin))
        assert client.get("/health").json()["store"]["location"] == f"sqlite:///{path}"
        assert (
            client.post(
                "/persons", json={"id": "p1", "sex": "unknown", "given_names": ["An"]}
            ).status_code
            == 201
        )
        opened = app.state.store
    assert path.exists()
    assert opened.ping() is False  # closed at shutdown
    again = SqliteStore(path)
    try:
        assert again.get_person("p1").given_names == ["An"]
    finally:
        again.close()


def test_lifespan_leaves_a_passed_store_open(settings: Settings, sqlite_store: SqliteStore) -> None:
    with TestClient(create_app(settings, store=sqlite_store)) as client:
        assert client.get("/health").status_code == 200
    assert sqlite_store.ping() is True
    assert not Path(settings.store.removeprefix("sqlite:///")).exists()  # never opened


def test_start_up_fails_when_the_configured_store_cannot_be_opened(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = create_app(Settings(store=f"sqlite:///{blocker / 'sub' / 'tenhands.db'}"))
    with pytest.raises(StoreUnavailable), TestClient(app):
        pass


def test_importing_the_module_builds_no_app() -> None:
    module = importlib.import_module("tenhands.app")
    assert not hasattr(module, "app")


def test_openapi_document(client: ApiClient) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["info"]["title"] == "TenHands"
    assert doc["info"]["version"] == __version__
    assert [t["name"] for t in doc["tags"]] == [
        "health",
        "persons",
        "ties",
        "cases",
        "roles",
        "plans",
        "meetings",
        "feedback",
        "handout",
        "gedcom",
        "records",
        "candidates",
        "exports",
        "auth",
        "users",
        "audit",
        "maps",
    ]
    paths = doc["paths"]
    for path, methods in {
        "/health": {"get"},
        "/persons": {"get", "post"},
        "/persons/{person_id}": {"get", "patch", "delete"},
        "/persons/{person_id}/ties": {"get"},
        "/persons/{person_id}/neighbourhood": {"get"},
        "/ties": {"post"},
        "/ties/{tie_id}": {"get", "patch", "delete"},
        "/cases": {"get", "post"},
        "/cases/{case_id}": {"get", "patch", "delete"},
        "/cases/{case_id}/network": {"get"},
        "/cases/{case_id}/roles": {"get"},
        "/cases/{case_id}/roles/{person_id}": {"get", "put", "patch", "delete"},
        "/cases/{case_id}/people": {"get", "post"},
        "/cases/{case_id}/removals": {"post"},
        "/cases/{case_id}/removals/last": {"get"},
        "/cases/{case_id}/removals/{removal_id}/undo": {"post"},
        "/cases/{case_id}/export.ged": {"get"},
        "/imports/gedcom": {"post"},
        "/auth/token": {"post", "delete"},
        "/auth/me": {"get", "patch"},
        "/users": {"get", "post"},
        "/users/{user_id}": {"get", "patch"},
        "/users/{user_id}/cases/{case_id}": {"put", "delete"},
        "/audit": {"get"},
        "/audit/export": {"get"},
        "/cases/{case_id}/export": {"get"},
        "/persons/{person_id}/export": {"get"},
        "/persons/{person_id}/erase": {"post"},
        "/cases/{case_id}/roles/{person_id}/contacts": {"post"},
        "/cases/{case_id}/plans": {"get", "post"},
        "/cases/{case_id}/plans/{version}": {"get"},
        "/cases/{case_id}/plans/{version}/tasks/{task_id}/status": {"put"},
        "/cases/{case_id}/meetings": {"get", "post"},
        "/cases/{case_id}/meetings/{meeting_id}": {"get", "put", "delete"},
        "/cases/{case_id}/feedback": {"get", "post"},
        "/feedback/summary": {"get"},
        "/cases/{case_id}/figures": {"get"},
        "/cases/{case_id}/handout": {"get"},
    }.items():
        assert set(paths[path]) == methods, path
    schemas = doc["components"]["schemas"]
    for name in ("Person", "Tie", "Case", "NetworkRole"):
        assert {f"{name}Create", f"{name}Update", f"{name}Public"} <= set(schemas), name
    # Server-set fields are not part of what a client sends.
    assert "provenance" not in schemas["PersonCreate"]["properties"]
    assert "id" not in schemas["PersonUpdate"]["properties"]
    # Errors are documented with their one shape.
    get_person = paths["/persons/{person_id}"]["get"]["responses"]
    assert get_person["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert get_person["422"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ValidationErrorBody"
    )
    for status in ("401", "403"):
        assert get_person[status]["content"]["application/json"]["schema"]["$ref"].endswith(
            "/ErrorBody"
        )
    # Signing in is declared, so clients and the docs page know how.
    assert {"HTTPBearer", "APIKeyCookie"} <= set(doc["components"]["securitySchemes"])
    assert "401" not in paths["/health"]["get"]["responses"]


REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_work_offline(client: ApiClient, page: str) -> None:
    html = client.get(page)
    assert html.status_code == 200
    assert "swagger" in html.text.lower() or "redoc" in html.text.lower()
    assert not REMOTE.search(html.text), "the docs page loads something from another host"
    assets = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html.text)
    assert assets, "the page names its scripts"
    for asset in assets:
        if asset.startswith("/"):
            assert client.get(asset).status_code == 200, asset
