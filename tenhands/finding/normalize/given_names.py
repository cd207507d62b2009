"""Given-name equivalents: Flemish diminutives, French forms, Arabic and Turkish spellings.

The table ``given_names.tsv`` (in this package, built by hand) holds groups of
names that stand for the same name: ``Jef, Jos, Jozef, Joseph`` or ``Mohamed,
Mohammed, Muhammad, Mehmet``. :func:`given_name_keys` gives the canonical key of
every group a name belongs to; two names are equivalent when their keys meet.
A name may be in several groups (``Jo`` is Johannes, Jozef, Johanna and
Josefien), so equivalence is not transitive: ``Bram`` and ``Ibrahim`` both meet
``Abraham`` but not each other. A name in no group is its own key.

>>> sorted(given_name_keys("Jef"))
['jozef']
>>> same_given_name("Mieke", "Maria")
True
>>> same_given_name("Jan", "Janet")
False
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources

from .text import compact, fold

_TABLE_FILE = "given_names.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """Folded, space-free variant -> canonical keys of its groups."""
    text = resources.files(__package__).joinpath(_TABLE_FILE).read_text("utf-8")
    keys: dict[str, set[str]] = defaultdict(set)
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, variants = line.split("\t")
        key = compact(canonical)
        keys[key].add(key)
        for variant in variants.split(","):
            if variant.strip():
                keys[compact(variant)].add(key)
    return {name: frozenset(group) for name, group in keys.items()}


@lru_cache(maxsize=1 << 18)
def given_name_keys(name: str) -> frozenset[str]:
    """Canonical keys of a given name, or of each of several given names.

    The whole name is looked up first (``"Abdel Kader"``), then each word
    (``"Jan Pieter"`` gives the keys of Jan and of Pieter). A word in no group
    is its own (folded) key.

    Parameters
    ----------
    name : str
        One or more given names as written.

    Returns
    -------
    frozenset of str
        The keys; empty for an empty name.

    Examples
    --------
    >>> sorted(given_name_keys("Jan Pieter"))
    ['johannes', 'petrus']
    >>> sorted(given_name_keys("AYŞE"))
    ['aisha']
    >>> sorted(given_name_keys("Abdel Kader"))
    ['abdelkader']
    >>> sorted(given_name_keys("Zoltan"))
    ['zoltan']
    >>> sorted(given_name_keys("Jo"))
    ['johanna', 'johannes', 'josefien', 'jozef']
    """
    table = _table()
    whole = compact(name)
    if not whole:
        return frozenset()
    if whole in table:
        return table[whole]
    keys: set[str] = set()
    for word in fold(name).split():
        keys |= table.get(word, {word})
    return frozenset(keys)


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names share a key (see :func:`given_name_keys`).

    Examples
    --------
    >>> same_given_name("Mohammed", "Mehmet")
    True
    >>> same_given_name("Bram", "Ibrahim")
    False
    >>> same_given_name("", "Jan")
    False
    """
    return not given_name_keys(a).isdisjoint(given_name_keys(b))


@lru_cache(maxsize=1)
def _members() -> dict[str, frozenset[str]]:
    """Canonical key -> every variant of its group (folded, without spaces)."""
    members: dict[str, set[str]] = defaultdict(set)
    for name, keys in _table().items():
        for key in keys:
            members[key].add(name)
    return {key: frozenset(names) for key, names in members.items()}


@lru_cache(maxsize=1 << 16)
def given_name_initials(name: str) -> frozenset[str]:
    """First letters of the name and of every equivalent name: where to look for it in
    an index keyed by initial (``Griet`` is also filed under M for Margareta).

    Examples
    --------
    >>> sorted(given_name_initials("Bram"))
    ['a', 'b']
    >>> sorted(given_name_initials("Zoltan"))
    ['z']
    >>> given_name_initials("")
    frozenset()
    """
    members = _members()
    initials = {word[0] for word in fold(name).split()[:1]}
    for key in given_name_keys(name):
        initials |= {variant[0] for variant in members.get(key, ()) if variant}
    return frozenset(initials)
