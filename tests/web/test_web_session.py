"""Signing in and out of the web pages: the session cookie, wrong passwords, the
throttle, the way back after signing in, form tokens, and the pages' headers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from web_helpers import OWN, PASSWORD, WebClient, csrf_in, make_user, seed_cases

from tenhands.api.auth.deps import SESSION_COOKIE
from tenhands.api.auth.ratelimit import LoginThrottle
from tenhands.graph.model import AuditAction, TokenKind, UserRole
from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[WebClient]:
    seed_cases(sqlite_store)
    make_user(sqlite_store, "werker", UserRole.worker, (OWN,), password=PASSWORD)
    with WebClient.over(sqlite_store) as c:
        yield c


def test_the_front_page_sends_a_visitor_to_the_sign_in_page(client: WebClient) -> None:
    r = client.get("/")
    assert r.status_code == 303 and r.headers["location"] == "/login"


def test_a_page_needing_sign_in_sends_to_the_sign_in_page_and_back(client: WebClient) -> None:
    r = client.get(f"/cases/{OWN}?view=genogram")
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=%2Fcases%2Fc-own%3Fview%3Dgenogram"
    page = client.get(r.headers["location"])
    assert page.status_code == 200
    assert 'name="next" value="/cases/c-own?view=genogram"' in page.text
    done = client.post(
        "/login",
        data={"login": "werker", "password": PASSWORD, "next": "/cases/c-own?view=genogram"},
    )
    assert done.status_code == 303 and done.headers["location"] == "/cases/c-own?view=genogram"


def test_signing_in_sets_a_session_cookie_with_safe_flags(
    client: WebClient, sqlite_store: SqliteStore
) -> None:
    r = client.post("/login", data={"login": "werker", "password": PASSWORD})
    assert r.status_code == 303 and r.headers["location"] == "/cases"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    flags = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "path", "samesite", "max-age"} <= flags
    assert "samesite=lax" in cookie.lower() and "path=/" in cookie.lower()
    assert "secure" not in flags  # plain http (a test server): not Secure
    user = sqlite_store.get_user_by_login("werker")
    assert [t.kind for t in sqlite_store.list_tokens(user.id)] == [TokenKind.session]
    logins = sqlite_store.list_audit(actor="werker", action=AuditAction.login)
    assert len(logins) == 1
    assert client.get("/cases").status_code == 200


def test_the_cookie_is_secure_over_https(sqlite_store: SqliteStore) -> None:
    make_user(sqlite_store, "werker", UserRole.worker, password=PASSWORD)
    with WebClient.over(sqlite_store, base_url="https://testserver") as client:
        r = client.post("/login", data={"login": "werker", "password": PASSWORD})
    assert r.status_code == 303
    assert "secure" in {p.strip().lower() for p in r.headers["set-cookie"].split(";")}


def test_a_wrong_password_shows_the_form_again_with_a_message(client: WebClient) -> None:
    r = client.post(
        "/login", data={"login": "werker", "password": "not the password", "lang": "en"}
    )
    assert r.status_code == 401
    assert "set-cookie" not in r.headers
    assert "The login or the password is not right." in r.text
    assert 'value="werker"' in r.text  # the login stays, the password never comes back
    assert "not the password" not in r.text
    r = client.post("/login", data={"login": "werker", "password": "nope", "lang": "nl"})
    assert "De gebruikersnaam of het wachtwoord klopt niet." in r.text


def test_repeated_failures_make_the_next_attempt_wait(client: WebClient) -> None:
    now = [1000.0]
    client.app.state.login_throttle = LoginThrottle(clock=lambda: now[0])  # type: ignore[attr-defined]
    for _ in range(6):  # five free tries, and the sixth is let through too
        assert client.post("/login", data={"login": "werker", "password": "x"}).status_code == 401
    r = client.post("/login", data={"login": "werker", "password": PASSWORD, "lang": "en"})
    assert r.status_code == 429
    assert r.headers["retry-after"] == "1"
    assert "try again in 1 second." in r.text
    assert "set-cookie" not in r.headers
    for _ in range(6):  # the waits double: 1, 2, 4, 8, 16, 32 seconds
        now[0] += 64.0
        client.post("/login", data={"login": "werker", "password": "x"})
    now[0] += 1.0
    r = client.post("/login", data={"login": "werker", "password": PASSWORD, "lang": "nl"})
    assert r.status_code == 429
    assert "probeer het opnieuw over" in r.text
    now[0] += int(r.headers["retry-after"])
    r = client.post("/login", data={"login": "werker", "password": PASSWORD})
    assert r.status_code == 303 and "set-cookie" in r.headers


def test_next_only_leads_to_this_service(client: WebClient) -> None:
    for far in ("https://evil.example/", "//evil.example/cases", "/\\evil.example"):
        r = client.post("/login", data={"login": "werker", "password": PASSWORD, "next": far})
        assert r.headers["location"] == "/cases", far


def test_a_sign_in_posted_from_another_site_is_refused(client: WebClient) -> None:
    r = client.post(
        "/login",
        data={"login": "werker", "password": PASSWORD},
        headers={"Origin": "https://evil.example"},
    )
    assert r.status_code == 403
    assert "set-cookie" not in r.headers


def test_signing_out_needs_the_form_token_and_ends_the_session(
    client: WebClient, sqlite_store: SqliteStore
) -> None:
    user = make_user(sqlite_store, "werker", UserRole.worker)
    csrf = client.sign_in(sqlite_store, user)
    refused = client.post("/logout")
    assert refused.status_code == 403
    assert "Het formulier is verouderd" in refused.text
    assert client.get("/cases").status_code == 200  # still signed in
    page = client.get("/cases")
    assert csrf_in(page.text) == csrf
    r = client.post("/logout", data={"csrf_token": csrf})
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert f'{SESSION_COOKIE}=""' in r.headers["set-cookie"]
    assert sqlite_store.list_tokens(user.id) == []
    assert client.get("/cases").status_code == 303


def test_pages_carry_the_security_headers(client: WebClient, sqlite_store: SqliteStore) -> None:
    client.sign_in(sqlite_store, make_user(sqlite_store, "werker", UserRole.worker))
    for url in ("/login", "/cases", f"/cases/{OWN}"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-src 'self'" in csp, url
        assert "script-src 'self'" in csp and "unsafe" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
        assert r.headers["cache-control"] == "no-store"


def test_the_api_keeps_its_addresses_for_other_clients(
    client: WebClient, sqlite_store: SqliteStore
) -> None:
    r = client.get("/cases", headers={"Accept": "application/json"})
    assert r.status_code == 401 and r.json()["code"] == "unauthenticated"
    client.sign_in(sqlite_store, make_user(sqlite_store, "werker", UserRole.worker))
    r = client.get(f"/cases/{OWN}", headers={"Accept": "*/*"})
    assert r.status_code == 200 and r.json()["id"] == OWN
    assert client.get(f"/cases/{OWN}").headers["content-type"].startswith("text/html")


def test_the_openapi_document_does_not_list_the_pages(client: WebClient) -> None:
    paths = client.get("/openapi.json", headers={"Accept": "application/json"}).json()["paths"]
    for page in ("/login", "/logout", "/language", "/cases/{case_id}/review", "/"):
        assert page not in paths
    assert "/cases" in paths  # the API's own


def test_the_static_files_are_served_from_the_package(client: WebClient) -> None:
    css = client.get("/static/web.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "http" not in css.text  # no remote fonts or images
    js = client.get("/static/web.js")
    assert js.status_code == 200 and "fetch(" not in js.text
