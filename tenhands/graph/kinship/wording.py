"""What the three word modules share: sex codes and when a side or "half" is said."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Sex
from .kinds import Kind, Lineage, Role
from .sides import Side

if TYPE_CHECKING:
    from .relationship import Relationship

SexAt = Callable[[int, int], str]
"""The sex code of the person on the path at (up, down) from FROM."""

_SIDED = frozenset(
    {Role.sibling, Role.grandparent, Role.aunt_uncle, Role.niece_nephew, Role.cousin, Role.relative}
)


def code(sex: Sex) -> str:
    """``"f"``, ``"m"`` or ``"n"`` (other and unknown: the neutral word)."""
    return "f" if sex is Sex.female else "m" if sex is Sex.male else "n"


def pick(s: str, male: str, female: str, neutral: str | None = None) -> str:
    """The word for sex code ``s``; without a neutral word, both joined by a slash."""
    if s == "m":
        return male
    if s == "f":
        return female
    return neutral if neutral is not None else f"{male}/{female}"


def sexed(word: Callable[[str], str], s: str) -> str:
    """``word(s)``, or for the neutral code ``word("m")/word("f")``."""
    return word(s) if s in ("m", "f") else f"{word('m')}/{word('f')}"


def sex_at(r: Relationship) -> SexAt:
    return lambda up, down: code(r.sex_along(up, down))


def says_half(r: Relationship) -> bool:
    """Half is said for blood kin (and a partner's blood kin), where it was found."""
    return r.lineage is Lineage.half and r.kind in (Kind.blood, Kind.in_law)


def side_code(r: Relationship) -> str | None:
    """``"maternal"``/``"paternal"`` when the side is worth saying, else None.

    Not for parents, children, partners and in-laws (a mother is on her own side),
    nor when the relative is on both sides or none.
    """
    if r.side not in (Side.maternal, Side.paternal):
        return None
    if r.role in _SIDED:
        return r.side.value
    up, down = r.up or 0, r.down or 0
    if r.role is Role.partner_of_relative and (up >= 2 or (up >= 1 and down >= 1)):
        return r.side.value
    return None


def by_marriage(r: Relationship) -> bool:
    """The partner of an aunt or uncle (up to a great-great-aunt), said as one word:
    "aangetrouwde oom", "uncle by marriage"."""
    return (
        r.role is Role.partner_of_relative
        and not r.former
        and r.down == 1
        and r.up is not None
        and 2 <= r.up <= 4
    )
