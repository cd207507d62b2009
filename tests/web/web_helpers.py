"""Helpers for the web page tests: a browser-like test client over a real store, users
signed in by a session cookie, and two cases with names that show any leak.

(No ``conftest.py`` here: see ``api_helpers``.)
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from html.parser import HTMLParser

import httpx
from builders import case, person, role, tie
from fastapi.testclient import TestClient

from tenhands.api.auth.accounts import add_user
from tenhands.api.auth.deps import SESSION_COOKIE
from tenhands.api.auth.tokens import issue
from tenhands.app import create_app
from tenhands.graph.errors import NotFound
from tenhands.graph.model import Engagement, Sex, TokenKind, User, UserRole
from tenhands.graph.store import GraphStore
from tenhands.settings import Settings

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}

PASSWORD = "lang-genoeg-wachtwoord"

# Two cases with distinctive (synthetic) names, so a leak shows up on any page.
OWN, OTHER = "c-own", "c-other"
OWN_NAMES = ("Ownkind", "Ownmoeder", "Owngrootmoeder", "Ownbuurvrouw")
OTHER_NAMES = ("Othkind", "Othmoeder", "Othgrootmoeder", "Othbuurvrouw")


def seed_cases(store: GraphStore) -> None:
    """Two cases, each a child, her mother, her mother's mother (committed) and a
    neighbour (committed); the mother is engaged."""
    for cid, (child, mother, granny, neighbour) in ((OWN, OWN_NAMES), (OTHER, OTHER_NAMES)):
        p = cid[2:]
        store.create_person(person(f"{p}-child", child, "Zzyxa", sex=Sex.female))
        store.create_person(person(f"{p}-mum", mother, "Zzyxa", sex=Sex.female))
        store.create_person(person(f"{p}-gran", granny, "Qwerv", sex=Sex.female))
        store.create_person(person(f"{p}-buur", neighbour, "Plomp", sex=Sex.female))
        store.create_tie(tie(f"{p}-t1", f"{p}-mum", f"{p}-child", "parent"))
        store.create_tie(tie(f"{p}-t2", f"{p}-gran", f"{p}-mum", "parent"))
        store.create_tie(tie(f"{p}-t3", f"{p}-buur", f"{p}-child", "neighbour"))
        store.create_case(case(cid, f"{p}-child", title=f"Casus {child}"))
        store.set_role(role(cid, f"{p}-mum", engagement=Engagement.engaged))
        store.set_role(role(cid, f"{p}-gran", engagement=Engagement.committed))
        store.set_role(role(cid, f"{p}-buur", engagement=Engagement.committed))


def make_user(
    store: GraphStore,
    login: str,
    user_role: UserRole,
    cases: tuple[str, ...] = (),
    *,
    password: str | None = None,
    lang: str = "nl",
) -> User:
    """A user (with a password only when asked: hashing is slow), with ``cases``."""
    try:
        user = store.get_user_by_login(login)
    except NotFound:
        if password is not None:
            user = add_user(store, login, login.title(), user_role, password, lang=lang)
        else:
            user = store.create_user(
                User.model_validate(
                    {"login": login, "display_name": login.title(), "role": user_role, "lang": lang}
                )
            )
    for case_id in cases:
        store.assign_case(user.id, case_id)
    return user


class WebClient(TestClient):
    """A test client that asks for pages as a browser does and does not follow
    redirects (tests look at them)."""

    @classmethod
    @contextmanager
    def over(cls, store: GraphStore, *, base_url: str = "http://testserver") -> Iterator[WebClient]:
        app = create_app(Settings(store=store.describe()), store=store)
        client = cls(app, base_url=base_url, headers=HTML, follow_redirects=False)
        with client:
            yield client

    def sign_in(self, store: GraphStore, user: User) -> str:
        """Sign in as ``user`` with a fresh session cookie; returns the session's form token."""
        issued = issue(store, user, TokenKind.session)
        self.cookies.set(SESSION_COOKIE, issued.secret)
        assert issued.stored.csrf is not None
        return issued.stored.csrf

    def post_form(self, url: str, data: Mapping[str, object], csrf: str | None) -> httpx.Response:
        body = dict(data)
        if csrf is not None:
            body["csrf_token"] = csrf
        response: httpx.Response = self.post(url, data=body)
        return response


def csrf_in(page: str) -> str:
    """The form token a page carries."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has no form token"
    return found.group(1)


def error_of(page: str, field: str) -> str:
    """The error message shown next to a form field ('' when there is none)."""
    found = re.search(
        rf'<p class="field-error" id="f-{re.escape(field)}-error">(.*?)</p>', page, re.S
    )
    if not found:
        return ""
    said = re.sub(r'<span class="visually-hidden">.*?</span>', "", found.group(1), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", said)).strip()


@contextmanager
def served(store: GraphStore) -> Iterator[str]:
    """The app over ``store``, served by uvicorn on a free loopback port in a thread;
    yields its base address."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(Settings(store=store.describe()), store=store)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="tenhands-web-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(20)


class _Text(HTMLParser):
    """The text a reader meets in a page's ``<main>`` (scripts and styles left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._main = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._main += tag == "main"
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._main -= tag == "main"
        self._skip -= tag in ("script", "style")
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self._main and not self._skip:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """The words of a page's ``<main>``, whitespace folded to single spaces."""
    parser = _Text()
    parser.feed(page)
    return " ".join("".join(parser.parts).split())
