"""Name keys for kin search: one definition for records, parents' names and persons.

A surname is looked up by sound: the Dutch key of its full joined form and of its
core without particles, and the Double Metaphone code of the core, so ``Van Damme``,
``Vandamme`` and ``Vandame`` meet. A parent's name written in one field
(``"Maria Van den Bossche"``) is split into given names and surname first.

>>> split_full_name("Maria Van den Bossche")
('maria', 'van den bossche')
>>> split_full_name("Jan Pieter Peeters")
('jan pieter', 'peeters')
>>> sorted(surname_index_keys("Van Damme")) == sorted(surname_index_keys("Vandamme"))
False
>>> bool(surname_index_keys("Van Damme") & surname_index_keys("Vandamme"))
True
"""

from __future__ import annotations

from functools import lru_cache

from ..normalize.phonetic import dutch_key, general_key
from ..normalize.surnames import PARTICLES, surname_forms
from ..normalize.text import fold


@lru_cache(maxsize=1 << 18)
def split_full_name(text: str) -> tuple[str, str]:
    """Folded given names and surname of a name written in one field.

    The surname starts at the first particle after the first word (``van``, ``el``,
    ``de la``), else it is the last word. One word alone is taken as a given name:
    forms write ``"moeder: Maria"`` more often than a bare surname.

    >>> split_full_name("Fatima El Amrani")
    ('fatima', 'el amrani')
    >>> split_full_name("Maria")
    ('maria', '')
    >>> split_full_name("")
    ('', '')
    """
    words = fold(text).split()
    if len(words) < 2:
        return (words[0] if words else "", "")
    start = len(words) - 1
    for i in range(1, len(words) - 1):
        if words[i] in PARTICLES:
            start = i
            break
    return " ".join(words[:start]), " ".join(words[start:])


@lru_cache(maxsize=1 << 18)
def surname_index_keys(surname: str) -> frozenset[str]:
    """The keys a surname is indexed and looked up under (empty for no surname).

    >>> surname_index_keys("Peeters") & surname_index_keys("Pieters") != frozenset()
    True
    >>> surname_index_keys("Peeters") & surname_index_keys("Janssens")
    frozenset()
    """
    forms = surname_forms(surname)
    keys = {f"d{dutch_key(form)}" for form in forms if form}
    if forms.core:
        keys.add(f"m{general_key(forms.core)}")
    keys.discard("d")
    keys.discard("m")
    return frozenset(keys)


def first_given(given_names: str) -> str:
    """The first of several given names, folded (``""`` for none).

    >>> first_given("Jan-Pieter Karel")
    'jan'
    """
    words = fold(given_names).split()
    return words[0] if words else ""
