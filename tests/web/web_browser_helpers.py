"""Helpers for the browser tests of the web pages: headless Debian Chromium driven by
Playwright (never Playwright's own download), a context that lets nothing leave the
test server, and a signed-in visit to the demo case."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from web_helpers import served

from tenhands.demo.seed import seed_demo
from tenhands.demo.users import seed_demo_users
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.viz.export import CHROMIUM_FLAGS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Error, Frame, Page, Route


def launch(chromium_executable: str) -> Iterator[Browser]:
    """Headless Chromium for a module's tests (a fixture's body)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        b = playwright.chromium.launch(
            executable_path=chromium_executable,
            headless=True,
            args=[flag for flag in CHROMIUM_FLAGS if flag != "--headless"],
        )
        try:
            yield b
        finally:
            b.close()


class Visit:
    """A browser context on the test server: what went wrong, and what tried to leave."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.base = base
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="nl-BE")
        self.context.route("**/*", self._only_here)
        self.page: Page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", self._page_error)

    def _only_here(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith(("data:", "about:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _page_error(self, error: Error) -> None:
        self.errors.append(str(error))

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)


def drawn(frame: Frame, seconds: float = 20.0) -> None:
    """Wait until a map frame has drawn itself (polled: the map's CSP allows no eval)."""
    end = time.monotonic() + seconds
    while not frame.evaluate("() => window.tenhandsReady === true"):
        assert time.monotonic() < end, f"the map did not draw: {frame.url}"
        time.sleep(0.1)


def map_frames(page: Page, **wanted: str) -> list[Frame]:
    return [
        f
        for f in page.frames
        if "/map?" in f.url and all(f"{k}={v}" in f.url for k, v in wanted.items())
    ]


@contextmanager
def demo_visit(
    browser: Browser, tmp_path: Path, login: str
) -> Iterator[tuple[Visit, str, SqliteStore]]:
    """The demo served from a fresh store, signed in as the demo user ``login``."""
    store = SqliteStore(tmp_path / "web.db")
    store.init_schema()
    case_id = seed_demo(store)
    password = {d.login: p for d, p in seed_demo_users(store, case_id)}[login]
    with served(store) as base:
        v = Visit(browser, base)
        v.go("/login")
        v.page.fill("#f-login", login)
        v.page.fill("#f-password", password)
        v.page.click("form button[type=submit]")
        v.page.wait_for_url(base + "/cases")
        try:
            yield v, case_id, store
        finally:
            v.context.close()
    store.close()
