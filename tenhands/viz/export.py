"""Export a rendered map: the HTML file, and a PNG taken by headless Chromium.

The PNG comes from Debian's ``chromium`` (``apt-get install chromium``; ``make browser``
installs it). It is looked up as ``TENHANDS_CHROMIUM`` (a path), then ``chromium`` and
``chromium-browser`` on ``PATH``. Chromium runs with a fresh profile in a temporary
folder, no network services of its own, and a virtual-time budget so the canvas is drawn
before the screenshot. Chromium's ``--print-to-pdf`` distorts the canvas, so a PDF, when
wanted, is built from the PNG (:func:`png_to_pdf`, with Pillow if it is installed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

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
    """No Chromium to take the PNG with."""


def find_chromium() -> Path:
    """The Chromium executable to use, or :class:`ChromiumNotFound` saying how to get one."""
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
        "PNG export needs Chromium, which is not installed: run `make browser` "
        "(or `apt-get install chromium`), or set TENHANDS_CHROMIUM to its path."
    )


def write_html(html: str, out: Path) -> Path:
    """Write a rendered map as UTF-8 (pyvis would use the platform's encoding)."""
    out.write_text(html, encoding="utf-8")
    return out


def html_to_png(
    html: str,
    out: Path,
    *,
    width: int = 1920,
    height: int = 1080,
    scale: float = 2.0,
    budget_ms: int = 5000,
    timeout_s: float = 60.0,
) -> Path:
    """Render ``html`` in headless Chromium and save a PNG of ``width×scale`` by ``height×scale``.

    ``budget_ms`` is Chromium's virtual-time budget: how long the page may run (timers,
    animation frames) before the screenshot; it costs little real time.
    """
    if width <= 0 or height <= 0 or scale <= 0:
        raise ValueError("width, height and scale must be positive")
    chromium = find_chromium()
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tenhands-png-") as tmp:
        page = write_html(html, Path(tmp) / "map.html")
        profile = Path(tmp) / "profile"
        shot = Path(tmp) / "map.png"
        command = [
            str(chromium),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--force-device-scale-factor={scale:g}",
            f"--window-size={width},{height}",
            f"--virtual-time-budget={budget_ms}",
            f"--screenshot={shot}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout_s, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise ExportError(f"Chromium did not finish the PNG within {timeout_s:g} s.") from exc
        if not shot.is_file() or shot.read_bytes()[:8] != _PNG_SIGNATURE:
            last = (done.stderr or "").strip().splitlines()[-3:]
            raise ExportError(
                f"Chromium exited with code {done.returncode} without writing a PNG"
                + (": " + " | ".join(last) if last else ".")
            )
        shutil.move(str(shot), out)
    return out


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file, read from its header."""
    head = Path(path).read_bytes()[:24]
    if head[:8] != _PNG_SIGNATURE or head[12:16] != b"IHDR":
        raise ExportError(f"{path} is not a PNG file.")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def png_to_pdf(png: Path, out: Path, *, resolution: float = 192.0) -> Path:
    """A one-page PDF of a PNG (needs Pillow; Chromium's own PDF distorts the canvas)."""
    try:
        from PIL import Image  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise ExportError("PDF export needs Pillow: pip install pillow.") from exc
    with Image.open(png) as image:
        image.convert("RGB").save(out, "PDF", resolution=resolution)
    return out
