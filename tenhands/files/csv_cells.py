"""CSV cells a spreadsheet will not run as formulas (CSV injection).

Following OWASP's advice, a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab, a
carriage return or a line feed gets a single quote in front, so a spreadsheet shows it
as text; plain numbers (``-12.5``) are left alone, since they cannot be formulas. The
``csv`` module's quoting does the rest. Used for every CSV TenHands writes from values
it did not make itself (names, ids and logins from files and users).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: object) -> str:
    """``value`` as a CSV cell that a spreadsheet shows as it is (``None`` is empty).

    >>> safe_cell("=HYPERLINK(\\"http://evil.example\\")")
    '\\'=HYPERLINK("http://evil.example")'
    >>> [safe_cell(v) for v in ("@SUM(A1)", "+32 470", "-2+3", "\\tx", "Anna", None)]
    ["'@SUM(A1)", "'+32 470", "'-2+3", "'\\tx", 'Anna', '']
    >>> [safe_cell(v) for v in ("-12.5", "+3", -4, "0.25", "1e-05")]
    ['-12.5', '+3', '-4', '0.25', '1e-05']
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_row(values: Iterable[object]) -> list[str]:
    """Every cell of a row made safe (:func:`safe_cell`)."""
    return [safe_cell(v) for v in values]
