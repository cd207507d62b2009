"""Personal names: every part a GEDCOM ``INDI`` may hold, and writing them back.

``NAME Given /Surname/ suffix`` with ``GIVN``, ``SURN``, ``SPFX`` (``van den``),
``NPFX``/``NSFX`` (title, ``Jr.``), ``NICK``; a married name as ``_MARNM`` or a
second ``NAME`` of ``TYPE married``; other names (``_AKA``, a second ``NAME``)
become aliases, nicknames first.

>>> from .parse import Node
>>> name = Node("NAME", "Maria Josepha /Peeters/", 1, children=[
...     Node("NICK", "Mieke", 2), Node("_MARNM", "Janssens", 3)])
>>> parts = read_names(Node("INDI", "", 1, children=[name]))
>>> parts.given_names, parts.surname, parts.married, parts.aliases
(['Maria', 'Josepha'], 'Peeters', 'Janssens', ['Mieke'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .parse import Node

_MARRIED_TYPES = {"MARRIED", "MARRIAGE"}
_BIRTH_TYPES = {"BIRTH", "MAIDEN"}
_NOT_PRIMARY = _MARRIED_TYPES | {"AKA", "NICKNAME"}


@dataclass
class NameParts:
    given_names: list[str] = field(default_factory=list)
    surname: str | None = None
    """The surname as the file writes it: in GEDCOM, usually the birth surname."""
    married: str | None = None
    birth: str | None = None
    """A birth surname given explicitly (a ``NAME`` of ``TYPE birth`` or ``maiden``)."""
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    suffix: str | None = None


def split_name(text: str) -> tuple[str, str, str]:
    """``Given /Surname/ suffix`` → its three parts.

    >>> split_name("Gustaf /Smith/, Sr."), split_name("Jan Peeters")
    (('Gustaf', 'Smith', 'Sr.'), ('Jan Peeters', '', ''))
    """
    given, _, rest = text.partition("/")
    surname, _, after = rest.partition("/")
    return " ".join(given.split()), " ".join(surname.split()), after.strip(" ,")


def read_names(indi: Node) -> NameParts | None:
    """The name parts of an ``INDI`` record; None when it has no ``NAME``."""
    names = indi.every("NAME")
    if not names:
        return None
    primary = names[0]
    if len(names) > 1:
        primary = next((n for n in names if _type(n) not in _NOT_PRIMARY), names[0])
    parts = NameParts()
    given_text, surname_text, after = split_name(primary.value)
    givn = primary.text("GIVN").strip()
    parts.given_names = _given(givn) if givn else given_text.split()
    prefix = " ".join(primary.text("SPFX").split())
    surn = " ".join(primary.text("SURN").split())
    if surname_text:
        surname = surname_text
        if prefix and not surname.lower().startswith(prefix.lower()):
            surname = f"{prefix} {surname}"
            if not givn and given_text.lower().endswith(" " + prefix.lower()):
                parts.given_names = given_text[: -len(prefix)].split()
    elif surn:
        surname = f"{prefix} {surn}" if prefix else surn
    else:
        surname = ""
    parts.surname = surname or None
    parts.title = " ".join(primary.text("NPFX").split()) or None
    parts.suffix = " ".join(primary.text("NSFX").split()) or after or None

    aliases: list[str] = []
    others: list[str] = []
    for name in names:
        aliases.extend(_clean(n.value) for n in name.every("NICK"))
        others.extend(_surname_or_all(n.value) for n in name.every("_AKA"))
        married = name.first("_MARNM")
        if married is not None and parts.married is None:
            parts.married = _surname_or_all(married.value) or None
        if name is primary:
            continue
        kind = _type(name)
        g, s, _ = split_name(name.value)
        if kind in _MARRIED_TYPES:
            parts.married = parts.married or s or None
        elif kind in _BIRTH_TYPES and s and s != parts.surname:
            parts.birth = s
        else:
            others.append(" ".join(p for p in (g, s) if p))
    for tag in ("_AKA", "ALIA"):
        others.extend(_surname_or_all(n.value) for n in indi.every(tag) if n.pointer is None)
    married = indi.first("_MARNM")
    if married is not None and parts.married is None:
        parts.married = _surname_or_all(married.value) or None
    if parts.married == parts.surname:
        parts.married = None
    parts.aliases = _distinct([*aliases, *others])
    return parts


def _type(name: Node) -> str:
    return name.text("TYPE").strip().upper()


def _given(text: str) -> list[str]:
    """``GIVN`` lists given names separated by commas (GEDCOM 5.5.1), or by spaces."""
    if "," in text:
        return [g for g in (" ".join(p.split()) for p in text.split(",")) if g]
    return text.split()


def _clean(text: str) -> str:
    return " ".join(text.replace("/", " ").split())


def _surname_or_all(text: str) -> str:
    """A ``_MARNM`` or ``_AKA`` value: the surname if it is marked, else all of it."""
    _, surname, _ = split_name(text)
    return surname if "/" in text and surname else _clean(text)


def _distinct(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def name_lines(
    given_names: list[str],
    surname: str | None,
    married: str | None,
    aliases: list[str],
) -> list[tuple[int, str, str]]:
    """``(level, tag, value)`` lines of a person's names, from level 1.

    >>> for line in name_lines(["Anne Marie", "Jef"], "Peeters", "Janssens", ["Mieke"]):
    ...     print(*line)
    1 NAME Anne Marie Jef /Peeters/
    2 GIVN Anne Marie, Jef
    2 SURN Peeters
    2 NICK Mieke
    2 _MARNM Janssens
    1 NAME Anne Marie Jef /Janssens/
    2 TYPE married
    """
    given = " ".join(given_names)
    shown = " ".join(p for p in (given, f"/{surname}/" if surname else "") if p)
    lines = [(1, "NAME", shown)]
    if given_names:
        many_words = any(" " in g for g in given_names)
        lines.append((2, "GIVN", ", ".join(given_names) if many_words else given))
    if surname:
        lines.append((2, "SURN", surname))
    lines.extend((2, "NICK", alias) for alias in aliases)
    if married:
        lines.append((2, "_MARNM", married))
        lines.append((1, "NAME", " ".join(p for p in (given, f"/{married}/") if p)))
        lines.append((2, "TYPE", "married"))
    return lines
