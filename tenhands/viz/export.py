"""Export a rendered map: the HTML file, and a PNG taken by headless Chromium.

The PNG comes from Debian's ``chromium`` (``apt-get install chromium``; ``make browser``
installs it), driven by Playwright (never Playwright's own browser download). It is
looked up as ``TENHANDS_CHROMIUM`` (a path), then ``chromium`` and ``chromium-browser``
on ``PATH``. Chromium runs with a fresh profile, no network services of its own, and
the picture is taken once the map says it is drawn. Chromium's ``--print-to-pdf``
distorts the canvas, so a PDF of a map, if one is ever offered, must be built from the PNG.

:func:`chromium_page` (a page open in that Chromium) and :func:`off_the_loop` are shared
with the closure handout's PDF (:mod:`tenhands.viz.handout.pdf`), which has no canvas.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..files.private import private_folder, write_private

if TYPE_CHECKING:
    from playwright.sync_api import Page

T = TypeVar("T")

CHROMIUM_ENV = "TENHANDS_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser")

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--mute-audio",
)
"""Flags for every headless run (the browser tests use the same, less ``--headless``)."""

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ExportError(RuntimeError):
    """A map could not be exported; the message says why in a sentence."""


class ChromiumNotFound(ExportError):
    """No Chromium to drive (for a map's PNG or a handout's PDF)."""


def find_chromium(purpose: str = "PNG export") -> Path:
    """The Chromium executable to use, or :class:`ChromiumNotFound` saying how to get one
    (``purpose`` begins that sentence: what needs Chromium)."""
    named = os.environ.get(CHROMIUM_ENV, "").strip()
    if named:
        path = Path(named)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        found = shutil.which(named)
        if found:
            return Path(found)
        raise ChromiumNotFound(
            f"{CHROMIUM_ENV} names {named!r}, which is not an executable file: "
            "point it at Chromium or unset it."
        )
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise ChromiumNotFound(
        f"{purpose} needs Chromium, which is not installed: run `make browser` "
        "(or `apt-get install chromium`), or set TENHANDS_CHROMIUM to its path."
    )


def write_html(html: str, out: Path) -> Path:
    """Write a rendered map as UTF-8 (pyvis would use the platform's encoding), for its
    owner only (0600)."""
    return write_private(out, html)


def html_to_png(
    html: str,
    out: Path,
    *,
    width: int = 1920,
    height: int = 1080,
    scale: float = 2.0,
    timeout_s: float = 60.0,
) -> Path:
    """Render ``html`` in headless Chromium and save a PNG of ``width×scale`` by ``height×scale``
    (0600, in folders made 0700).

    Playwright drives Chromium, so the page's viewport is exactly ``width×height`` (a
    plain ``--screenshot`` gives the page less height than the picture: the window's
    frame is taken off). Nothing but the page itself is loaded: every other request is
    refused. A map page is photographed once it says it is drawn.
    """
    if width <= 0 or height <= 0 or scale <= 0:
        raise ValueError("width, height and scale must be positive")
    chromium = find_chromium()
    out = Path(out).resolve()

    def shoot() -> bytes:
        with chromium_page(
            html,
            chromium,
            what="the PNG",
            width=width,
            height=height,
            scale=scale,
            timeout_s=timeout_s,
        ) as page:
            page.wait_for_function(
                "window.tenhandsReady === true || !document.getElementById('network')",
                timeout=timeout_s * 1000,
            )
            return page.screenshot()

    picture = off_the_loop(shoot)
    if picture[:8] != _PNG_SIGNATURE:
        raise ExportError("Chromium finished without making a PNG.")
    private_folder(out.parent)
    return write_private(out, picture)


def off_the_loop(work: Callable[[], T]) -> T:
    """Run ``work`` on a thread of its own and return what it returns: Playwright's sync
    API cannot run inside an event loop (a test's browser, a web service)."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(work).result()


@contextmanager
def chromium_page(
    html: str,
    chromium: Path,
    *,
    what: str,
    width: int = 1280,
    height: int = 800,
    scale: float = 1.0,
    timeout_s: float = 60.0,
) -> Iterator[Page]:
    """``html`` open in headless Chromium (a fresh profile, :data:`CHROMIUM_FLAGS`), in a
    viewport of ``width×height`` at ``scale``. Nothing but the page itself is loaded:
    every other request is refused. A Playwright error, while opening or in the ``with``
    block, becomes an :class:`ExportError` saying Chromium could not make ``what``
    (e.g. ``"the PNG"``). Call it off the event loop (:func:`off_the_loop`)."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import Route, sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is a dependency
        raise ExportError(f"Making {what} needs Playwright: pip install playwright.") from exc

    def local_only(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    with tempfile.TemporaryDirectory(prefix="tenhands-chromium-") as tmp:
        page_file = write_html(html, Path(tmp) / "page.html")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(chromium),
                    headless=True,
                    args=[flag for flag in CHROMIUM_FLAGS if flag != "--headless"],
                    timeout=timeout_s * 1000,
                )
                try:
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        device_scale_factor=scale,
                    )
                    context.route("**/*", local_only)
                    page = context.new_page()
                    page.goto(page_file.as_uri(), timeout=timeout_s * 1000)
                    yield page
                finally:
                    browser.close()
        except PlaywrightError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ExportError(f"Chromium could not make {what}: {first}") from exc


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file, read from its header."""
    head = Path(path).read_bytes()[:24]
    if head[:8] != _PNG_SIGNATURE or head[12:16] != b"IHDR":
        raise ExportError(f"{path} is not a PNG file.")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
