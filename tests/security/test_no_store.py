"""``Cache-Control: no-store`` on every answer that can carry person data: a person, a
network, a map, exports (JSON, GEDCOM, the audit log), errors, the web pages; never
needed on the package's own files and the API's description."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from builders import case, person, role, tie
from fastapi.testclient import TestClient
from signin_helpers import bearer

from tenhands.api.auth.deps import SESSION_COOKIE
from tenhands.api.auth.tokens import issue
from tenhands.app import create_app
from tenhands.graph.model import TokenKind, UserRole
from tenhands.graph.store import GraphStore
from tenhands.settings import Settings

HTML = {"Accept": "text/html"}


@pytest.fixture
def client(store: GraphStore) -> Iterator[TestClient]:
    store.create_person(person("kind", "Zoë", "Ysebaert"))
    store.create_person(person("oma", "Rita", "Ysebaert"))
    store.create_tie(tie("t1", "oma", "kind", "grandparent"))
    store.create_case(case("c1", "kind"))
    store.set_role(role("c1", "oma"))
    app = create_app(Settings(store=store.describe()), store=store)
    headers = bearer(store, "beheer", UserRole.admin)
    with TestClient(app, headers=headers, follow_redirects=False) as c:
        yield c


@pytest.mark.parametrize(
    "path",
    [
        "/persons/oma",
        "/persons",
        "/cases/c1/network",
        "/cases/c1/map?mode=work",
        "/cases/c1/export",
        "/cases/c1/export.ged",
        "/persons/oma/export",
        "/audit/export?format=csv",
        "/auth/me",
        "/persons/nobody",
        "/health",
    ],
)
def test_answers_with_person_data_are_not_kept(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (200, 404), r.text
    assert r.headers.get_list("cache-control") == ["no-store"]


def test_a_new_token_is_not_kept(client: TestClient, store: GraphStore) -> None:
    from tenhands.api.auth.accounts import add_user

    add_user(store, "lotte", "Lotte", UserRole.worker, "lange-zin-met-spaties 42")
    r = client.post("/auth/token", json={"login": "lotte", "password": "lange-zin-met-spaties 42"})
    assert r.status_code == 201 and r.headers["cache-control"] == "no-store"


def test_web_pages_are_not_kept(client: TestClient, store: GraphStore) -> None:
    user = store.get_user_by_login("beheer")
    client.cookies.set(SESSION_COOKIE, issue(store, user, TokenKind.session).secret)
    del client.headers["Authorization"]
    for path in ("/cases", "/cases/c1", "/login"):
        r = client.get(path, headers=HTML)
        assert r.status_code in (200, 303), (path, r.status_code)
        assert r.headers.get_list("cache-control") == ["no-store"], path


@pytest.mark.parametrize(
    "path", ["/static/web.css", "/openapi.json", "/docs", "/static-offline-docs/swagger-ui.css"]
)
def test_the_package_s_own_files_may_be_kept(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert "no-store" not in r.headers.get("cache-control", "")
