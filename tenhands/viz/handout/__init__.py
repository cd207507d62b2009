"""The closure handout: when professional help ends, everyone knows whom to turn to.

A printable, plain-language page (Dutch or English) listing the children's network,
what each person agreed to be and do, and how to reach each other: only what each
person agreed to share.

- :func:`build_handout` / :func:`handout_of` decide what the handout may show (the
  rules are in :mod:`.gather`) and give a :class:`Handout`;
- :func:`render_handout_html` writes it as one self-contained HTML page (A4 when
  printed);
- :func:`handout_pdf` prints that page to a PDF with headless Chromium.
"""

from .gather import build_handout, handout_of
from .model import Handout, HandoutPerson, HandoutTask
from .pdf import handout_pdf
from .render import render_handout_html

__all__ = [
    "Handout",
    "HandoutPerson",
    "HandoutTask",
    "build_handout",
    "handout_of",
    "handout_pdf",
    "render_handout_html",
]
