"""The closure handout as a PDF: its HTML printed to A4 by headless Chromium.

Debian's Chromium (found as the map PNG finds it: :func:`tenhands.viz.export.find_chromium`)
is driven by Playwright (:func:`tenhands.viz.export.chromium_page`: a fresh profile, and
no request but the page itself), and prints with ``page.pdf()``: A4, with the
backgrounds, the page's own ``@page`` size and margins. The handout has no canvas, so
Chromium's printing keeps it sharp and its text selectable.

The PDF is tagged (``tagged=True``: a structure tree of headings, lists and tables,
``/MarkInfo /Marked true``, the page's language as ``/Lang`` and its title as the
document title), so a screen reader reads it as the page reads. Before printing, the
page is laid out at the width of the printed area: when it is taller than one page,
the line saying the network is too big for one sheet is shown (and hidden when it
fits), whatever the estimate of :mod:`.fit` said.
"""

from __future__ import annotations

from ..export import ExportError, chromium_page, find_chromium, off_the_loop

PDF_SIGNATURE = b"%PDF-"

PX_PER_MM = 96 / 25.4

PRINTED_AREA_MM = (210 - 11 - 11, 297 - 10 - 11)
"""Width and height of A4 less the ``@page`` margins of ``handout.css``."""

_OVERFLOW = """
(limit) => {
  const note = document.querySelector('.too-big');
  if (note) note.hidden = true;
  const over = document.querySelector('main').getBoundingClientRect().bottom > limit;
  if (note) note.hidden = !over;
  return over;
}
"""


def handout_pdf(html: str, *, timeout_s: float = 60.0) -> bytes:
    """The tagged PDF of a rendered handout page.

    Raises :class:`~tenhands.viz.export.ChromiumNotFound` (an :class:`ExportError`)
    when there is no Chromium, and :class:`ExportError` when Chromium fails; both say
    why in a sentence.
    """
    if timeout_s <= 0:
        raise ValueError("timeout_s must be positive")
    chromium = find_chromium("The PDF handout")
    width, height = (round(mm * PX_PER_MM) for mm in PRINTED_AREA_MM)

    def print_page() -> bytes:
        with chromium_page(
            html, chromium, what="the PDF handout", width=width, height=height, timeout_s=timeout_s
        ) as page:
            page.emulate_media(media="print")
            page.evaluate(_OVERFLOW, PRINTED_AREA_MM[1] * PX_PER_MM)
            return page.pdf(
                format="A4", print_background=True, prefer_css_page_size=True, tagged=True
            )

    data = off_the_loop(print_page)
    if not data.startswith(PDF_SIGNATURE):
        raise ExportError("Chromium finished without making a PDF.")
    return data
