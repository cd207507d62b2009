"""English words for relationships.

Ancestors: grandmother, great-grandmother, great-great-grandmother, then
"3× great-grandmother"; descendants likewise. Aunts and uncles: aunt,
great-aunt, great-great-aunt, "3× great-aunt"; nephews and nieces the same way
(great-nephew). Cousins by degree and removal: "first cousin once removed". In-laws:
mother-in-law, son-in-law, sister-in-law; an aunt's husband is an "uncle by
marriage"; former in-laws are "former …". Neutral words where English has them
(parent, sibling, cousin, spouse), else "aunt/uncle", "niece/nephew".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .kinds import Kind, Role
from .wording import SexAt, by_marriage, code, pick, says_half, sex_at, side_code

if TYPE_CHECKING:
    from .relationship import Relationship

_ORDINALS = (
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
_STEP_CLOSED = frozenset({"mother", "father", "daughter", "son", "child", "sister", "brother"})
_QUALIFIER = {
    Kind.adoptive: " (by adoption)",
    Kind.foster: " (foster family)",
    Kind.step: " (step-family)",
    Kind.legal: " (legal)",
    Kind.social: " (social)",
}
_SIDE_SUFFIX = {"maternal": " on the mother's side", "paternal": " on the father's side"}


def _greats(n: int) -> str:
    """``n`` times great: "", "great-", "great-great-", "3× great-"."""
    if n <= 2:
        return "great-" * n
    return f"{n}× great-"


def ancestor(n: int, s: str) -> str:
    """The ancestor ``n`` generations up.

    >>> [ancestor(n, "m") for n in (1, 2, 3)]
    ['father', 'grandfather', 'great-grandfather']
    >>> ancestor(4, "f"), ancestor(5, "m")
    ('great-great-grandmother', '3× great-grandfather')
    """
    base = pick(s, "father", "mother", "parent")
    return base if n == 1 else _greats(n - 2) + "grand" + base


def descendant(n: int, s: str) -> str:
    base = pick(s, "son", "daughter", "child")
    return base if n == 1 else _greats(n - 2) + "grand" + base


def sibling(s: str, half: bool) -> str:
    word = pick(s, "brother", "sister", "sibling")
    return f"half-{word}" if half else word


def _half(word: str, half: bool) -> str:
    if not half:
        return word
    return f"half {word}" if " " in word else f"half-{word}"


def aunt(a: int, s: str, half: bool) -> str:
    """A sibling of the ancestor ``a - 1`` generations up.

    >>> aunt(2, "f", False), aunt(3, "m", False), aunt(5, "n", True)
    ('aunt', 'great-uncle', 'half 3× great-aunt/uncle')
    """
    return _half(_greats(a - 2) + pick(s, "uncle", "aunt", "aunt/uncle"), half)


def niece(b: int, s: str, half: bool) -> str:
    return _half(_greats(b - 2) + pick(s, "nephew", "niece", "niece/nephew"), half)


def _ordinal(n: int) -> str:
    if n < len(_ORDINALS):
        return _ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def cousin(a: int, b: int, half: bool) -> str:
    """A cousin, by degree and removal.

    >>> cousin(2, 2, False), cousin(3, 2, False), cousin(3, 5, True)
    ('first cousin', 'first cousin once removed', 'half second cousin twice removed')
    """
    word = f"{_ordinal(min(a, b) - 1)} cousin"
    r = abs(a - b)
    if r:
        word += " " + {1: "once", 2: "twice"}.get(r, f"{r} times") + " removed"
    return f"half {word}" if half else word


def geometry(a: int, b: int, s: str, half: bool, at: SexAt) -> str:
    """The blood relative ``a`` generations up and ``b`` down."""
    del at  # English says every one of them in one word
    if b == 0:
        return ancestor(a, s)
    if a == 0:
        return descendant(b, s)
    if a == 1 and b == 1:
        return sibling(s, half)
    if b == 1:
        return aunt(a, s, half)
    if a == 1:
        return niece(b, s, half)
    return cousin(a, b, half)


def partner_word(s: str, married: bool) -> str:
    return pick(s, "husband", "wife", "spouse") if married else "partner"


def _kinded(r: Relationship, core: str) -> tuple[str, str]:
    kind = r.kind
    if kind is None or kind in (Kind.blood, Kind.in_law, Kind.partner):
        return core, ""
    if kind is Kind.step and r.role in (
        Role.parent,
        Role.child,
        Role.sibling,
        Role.grandparent,
        Role.grandchild,
    ):
        return ("step" if core in _STEP_CLOSED else "step-") + core, ""
    if r.role in (Role.parent, Role.child, Role.sibling):
        if kind is Kind.adoptive:
            return ("adopted " if r.role is Role.child else "adoptive ") + core, ""
        prefix = {Kind.foster: "foster ", Kind.legal: "legal ", Kind.social: "social "}[kind]
        return prefix + core, ""
    return core, _QUALIFIER[kind]


def say(r: Relationship, with_side: bool = False) -> str:
    """The relationship in English."""
    if not r.related or r.role is None:
        return "not related"
    s = code(r.sex)
    up, down = r.up or 0, r.down or 0
    role = r.role
    qualifier = ""
    if role is Role.self_:
        return "self"
    if role is Role.partner:
        return ("ex-" if r.former else "") + partner_word(s, r.married)
    if role is Role.guardian:
        return "guardian"
    if role is Role.ward:
        return "ward"
    former = "former " if r.former else ""
    if role is Role.parent_in_law:
        core = former + pick(s, "father-in-law", "mother-in-law", "parent-in-law")
    elif role is Role.child_in_law:
        core = former + pick(s, "son-in-law", "daughter-in-law", "child-in-law")
    elif role is Role.sibling_in_law:
        core = former + pick(s, "brother-in-law", "sister-in-law", "sibling-in-law")
    elif role is Role.relative_of_partner:
        relative = geometry(up, down, s, says_half(r), sex_at(r))
        core = f"{'ex-' if r.former else ''}partner's {relative}"
    elif role is Role.partner_of_relative:
        if by_marriage(r):
            core = aunt(up, s, False) + " by marriage"
        else:
            relative = geometry(up, down, code(r.via_sex()), says_half(r), sex_at(r))
            who = "ex-partner" if r.former else partner_word(s, r.married)
            core = f"{relative}'s {who}"
    elif role is Role.relative:
        core = "relative"
        qualifier = _QUALIFIER.get(r.kind, "") if r.kind is not None else ""
    else:
        core, qualifier = _kinded(r, geometry(up, down, s, says_half(r), sex_at(r)))
    side = side_code(r) if with_side else None
    if side and (role in (Role.grandparent, Role.aunt_uncle) or by_marriage(r)):
        core = f"{side} {core}"
    elif side:
        core += _SIDE_SUFFIX[side]
    return core + qualifier
