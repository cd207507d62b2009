"""Unicode folding, case and punctuation for names and places.

Everything is brought to lower-case ASCII letters, digits and single spaces, so
``"Ayşe"``, ``"AYSE"`` and ``"Ayse "`` fold alike. Transliteration is by
anyascii (ISC licence), which also handles Arabic, Cyrillic and Greek script.

>>> fold("  Van den BOSSCHE-Çelik ")
'van den bossche celik'
>>> compact("d'Hondt")
'dhondt'
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Transliterate to ASCII, lower-case, and turn punctuation runs into one space.

    Parameters
    ----------
    text : str
        Any text: a name, a place, a postcode.

    Returns
    -------
    str
        Lower-case ASCII words separated by single spaces; ``""`` if nothing is left.

    Examples
    --------
    >>> fold("Aïcha EL-AMRANI")
    'aicha el amrani'
    >>> fold("Müller, Jürgen")
    'muller jurgen'
    >>> fold("محمد")
    'mhmd'
    >>> fold("...")
    ''
    """
    ascii_text = text if text.isascii() else anyascii(text)
    return _NOT_ALNUM.sub(" ", ascii_text.lower()).strip()


@lru_cache(maxsize=1 << 18)
def compact(text: str) -> str:
    """:func:`fold` without any spaces: the form to compare joined names on.

    Examples
    --------
    >>> compact("Van Damme") == compact("Vandamme")
    True
    """
    return fold(text).replace(" ", "")
