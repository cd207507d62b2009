"""Surnames with particles: ``Van den Bossche``, ``De Wulf``, ``El Amrani``, ``d'Hondt``.

A surname is compared on two forms, and the better of the two counts:

- the *full* form, all words joined: ``"Van den Bossche"`` and ``"Vandenbossche"``
  both give ``"vandenbossche"``;
- the *core*, the surname without its leading particles: ``"bossche"``, so that
  ``"Van den Bossche"`` still meets ``"Bossche"`` or ``"Vanden Bossche"``.

Particles are only taken off as separate words (``"Vandamme"`` keeps its core
``"vandamme"``; joined spellings meet on the full form), and never the last word.

>>> surname_forms("Van den Bossche")
SurnameForms(full='vandenbossche', core='bossche')
>>> surname_forms("El Amrani")
SurnameForms(full='elamrani', core='amrani')
>>> round(surname_similarity("Van den Bossche", "Vanden Bossche"), 3)
1.0
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import JaroWinkler

from .text import fold

#: Words taken off the front of a surname for its core (after :func:`~.text.fold`,
#: so ``'t`` is ``t`` and ``d'`` is ``d``). Multi-word particles (``van den``,
#: ``de la``) are sequences of these.
PARTICLES: frozenset[str] = frozenset(
    {
        # Dutch
        "van", "vande", "vanden", "vander", "vd", "de", "den", "der", "des", "het", "t",
        "ter", "ten", "te", "op", "in", "uit", "s", "v",
        # French
        "d", "du", "la", "le", "les", "l", "dela", "della", "di", "da", "dos", "das", "do",
        # German
        "von", "vom", "zu", "zum", "zur",
        # Arabic, Berber, Hebrew
        "el", "al", "ul", "ben", "bin", "ibn", "bent", "bint", "ait", "ou", "abou", "abu",
    }
)  # fmt: skip


class SurnameForms(NamedTuple):
    """The two forms a surname is compared on."""

    full: str
    core: str


@lru_cache(maxsize=1 << 18)
def surname_forms(name: str) -> SurnameForms:
    """The full joined form and the core without leading particles.

    Parameters
    ----------
    name : str
        A surname as written.

    Returns
    -------
    SurnameForms
        ``full`` and ``core``, folded (lower-case ASCII, no spaces); both ``""``
        for an empty name.

    Examples
    --------
    >>> surname_forms("van der Linden")
    SurnameForms(full='vanderlinden', core='linden')
    >>> surname_forms("'t Kint")
    SurnameForms(full='tkint', core='kint')
    >>> surname_forms("d'Hondt")
    SurnameForms(full='dhondt', core='hondt')
    >>> surname_forms("De la Croix")
    SurnameForms(full='delacroix', core='croix')
    >>> surname_forms("Vandamme")
    SurnameForms(full='vandamme', core='vandamme')
    >>> surname_forms("Van")
    SurnameForms(full='van', core='van')
    """
    words = fold(name).split()
    start = 0
    while start < len(words) - 1 and words[start] in PARTICLES:
        start += 1
    return SurnameForms("".join(words), "".join(words[start:]))


def surname_keys(name: str) -> set[str]:
    """The full form and the core, as a set (one element when they agree): for blocking.

    Examples
    --------
    >>> sorted(surname_keys("Ben Ali"))
    ['ali', 'benali']
    """
    forms = surname_forms(name)
    return {k for k in forms if k}


def surname_similarity(a: str, b: str) -> float:
    """Jaro-Winkler similarity (0 to 1) of two surnames, the better of full and core.

    Full is compared with full, core with core, and each core with the other's
    full form (``"Bossche"`` against ``"Van den Bossche"``).

    Examples
    --------
    >>> surname_similarity("Van Damme", "Vandamme")
    1.0
    >>> surname_similarity("Van den Bossche", "Bossche")
    1.0
    >>> surname_similarity("De Wulf", "Peeters") < 0.6
    True
    >>> surname_similarity("", "Peeters")
    0.0
    """
    fa, ca = surname_forms(a)
    fb, cb = surname_forms(b)
    if not fa or not fb:
        return 0.0
    if fa == fb or ca == cb:
        return 1.0
    sim = JaroWinkler.normalized_similarity
    return max(sim(fa, fb), sim(ca, cb), sim(ca, fb), sim(fa, cb))
