"""The closure handout as a PDF: its HTML printed to A4 by headless Chromium.

Debian's Chromium (found as the map PNG finds it: :func:`tenhands.viz.export.find_chromium`)
is driven by Playwright (:func:`tenhands.viz.export.chromium_page`: a fresh profile, and
no request but the page itself), and prints with ``page.pdf()``: A4, with the
backgrounds, the page's own ``@page`` size and margins. The handout has no canvas, so
Chromium's printing keeps it sharp and its text selectable.
"""

from __future__ import annotations

from ..export import ExportError, chromium_page, find_chromium, off_the_loop

PDF_SIGNATURE = b"%PDF-"


def handout_pdf(html: str, *, timeout_s: float = 60.0) -> bytes:
    """The PDF of a rendered handout page.

    Raises :class:`~tenhands.viz.export.ChromiumNotFound` (an :class:`ExportError`)
    when there is no Chromium, and :class:`ExportError` when Chromium fails; both say
    why in a sentence.
    """
    if timeout_s <= 0:
        raise ValueError("timeout_s must be positive")
    chromium = find_chromium("The PDF handout")

    def print_page() -> bytes:
        with chromium_page(
            html, chromium, what="the PDF handout", width=794, height=1123, timeout_s=timeout_s
        ) as page:
            page.emulate_media(media="print")
            return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)

    data = off_the_loop(print_page)
    if not data.startswith(PDF_SIGNATURE):
        raise ExportError("Chromium finished without making a PDF.")
    return data
