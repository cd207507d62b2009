"""Shared by the browser tests: Debian's Chromium through Playwright, and a map page
loaded offline with what went wrong while it loaded.

Playwright never downloads a browser here: it launches the Chromium that
:func:`tenhands.viz.export.find_chromium` finds (the ``chromium_executable`` fixture).
Every request that is not ``file://`` is aborted and recorded, so a page that needs the
network fails its test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tenhands.viz.export import CHROMIUM_FLAGS, write_html
from tenhands.viz.render import render_html
from tenhands.viz.scene import Scene

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Error, Page, Route

BROWSER_ARGS = [flag for flag in CHROMIUM_FLAGS if flag != "--headless"]


@contextmanager
def launched(executable: str) -> Iterator[Browser]:
    """Headless Chromium for a module's tests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=BROWSER_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


class Loaded:
    """A drawn page and what happened while it loaded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []


def open_map(
    browser: Browser, scene: Scene, folder: Path, *, width: int = 1600, height: int = 900
) -> Iterator[Loaded]:
    """The scene's page, drawn in a fresh browser context of ``width×height`` (a
    generator: ``yield from`` it in a fixture, or loop over it in a test)."""
    page_file = write_html(render_html(scene), folder / f"{scene.view.value}.html")
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    loaded = Loaded(page)

    def offline(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            loaded.blocked.append(route.request.url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            loaded.errors.append(message.text)

    def page_error(error: Error) -> None:
        loaded.errors.append(str(error))

    def dialog(box: Dialog) -> None:
        loaded.dialogs.append(box.message)
        box.dismiss()

    context.route("**/*", offline)
    page.on("console", console)
    page.on("pageerror", page_error)
    page.on("dialog", dialog)
    page.goto(page_file.as_uri())
    page.wait_for_function("window.tenhandsReady === true", timeout=10_000)
    try:
        yield loaded
    finally:
        context.close()
