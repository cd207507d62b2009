"""Phonetic keys for names: a Dutch/Flemish key of our own, and a general one.

:func:`dutch_key` folds the spelling variation of Flemish surnames, many of them
in old spelling: ``ae``/``aa`` (Maes, Maas), ``ij``/``y``/``ei``/``ey`` (Wyns,
Wijns), ``uy``/``ui`` (Huyghe, Huighe), ``ckx``/``cks``/``x``/``ks`` (Hendrickx,
Hendricks), ``dt``/``d``/``t`` at the end (Goetschalckx, Smedt, Smet), ``ch``/``gh``/``g``,
``ph``/``f``, ``th``/``t``, ``c`` as ``k`` or ``s``, ``z``/``s``, ``v``/``f``,
``oe``/``ou``, doubled letters, and spaces and hyphens (De Wulf, Dewulf).

:func:`general_keys` is Double Metaphone (the ``DoubleMetaphone`` package of
dedupe.io, a wrapper of the C++ original; Artistic License 2.0) on the folded
name, for names from other languages; :func:`general_key` is its primary code.

>>> dutch_key("Claeys") == dutch_key("Claes") == dutch_key("Klaas")
True
>>> dutch_key("Verhaeghe") == dutch_key("Verhage")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from doublemetaphone import doublemetaphone  # type: ignore[import-untyped]

from .text import compact

# Rules applied in order to the compact lower-case name. Upper-case letters are
# placeholders for sounds that later rules must not touch.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?:ckx|cks|kx|ks|cx|x)", "KS"),
        (r"(?:dt|tt|d)$", "t"),
        (r"dt", "t"),
        (r"sch", "SG"),
        (r"(?:ch|gh)", "G"),
        (r"ph", "F"),
        (r"th", "T"),
        (r"c?q", "K"),
        (r"(?:aey|aei|aay|aai)", "A"),
        (r"(?:ae|aa|ah$)", "A"),
        (r"(?:uy|ui|uij)", "U"),
        (r"(?:ij|ei|ey|y)", "Y"),
        (r"(?:oe|ou)", "O"),
        (r"eu", "E"),
        (r"ie", "I"),
        (r"ck", "K"),
        (r"c(?=[ei](?!u))", "S"),
        (r"c", "K"),
        (r"z", "s"),
        (r"v", "f"),
        (r"(?<=[^aeiouAEIOUY])h", ""),
    )
)
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 18)
def dutch_key(name: str) -> str:
    """A phonetic key for Dutch and Flemish spelling variation.

    Parameters
    ----------
    name : str
        A name as written (surname or given name), with or without particles.

    Returns
    -------
    str
        The key (lower-case ASCII letters); ``""`` for an empty name.

    Examples
    --------
    >>> dutch_key("Vermeulen")
    'fermelen'
    >>> dutch_key("Huyghe") == dutch_key("Huighe")
    True
    >>> dutch_key("Goossens") == dutch_key("Goosens")
    True
    >>> dutch_key("Van Damme") == dutch_key("Vandamme")
    True
    >>> dutch_key("Ceulemans") == dutch_key("Keulemans")
    True
    >>> dutch_key("Peeters") == dutch_key("Janssens")
    False
    """
    key = re.sub(r"[^a-z]", "", compact(name))
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return _DOUBLED.sub(r"\1", key.lower())


@lru_cache(maxsize=1 << 18)
def general_keys(name: str) -> tuple[str, str]:
    """Double Metaphone codes (primary, secondary) of the folded name, without spaces.

    Parameters
    ----------
    name : str
        A name as written.

    Returns
    -------
    tuple of str
        Primary and secondary code (the same when the spelling is not ambiguous);
        ``("", "")`` for an empty name.

    Examples
    --------
    >>> general_keys("Schmidt"), general_keys("Smith")
    (('XMT', 'SMT'), ('SM0', 'XMT'))
    >>> general_keys("")
    ('', '')
    """
    key = compact(name)
    if not key:
        return ("", "")
    primary, secondary = doublemetaphone(key)
    return (str(primary), str(secondary or primary))


def general_key(name: str) -> str:
    """The primary Double Metaphone code of the folded name (see :func:`general_keys`).

    Examples
    --------
    >>> general_key("Mohammed") == general_key("Mohamed") == "MHMT"
    True
    >>> general_key("")
    ''
    """
    return general_keys(name)[0]
