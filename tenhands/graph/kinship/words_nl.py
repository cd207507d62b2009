"""Dutch words for relationships, as a Flemish social worker writes them.

Choices (see also the package docs):

- Parents: *moeder*, *vader*; neutral *ouder* (not the informal mama/papa).
- Ancestors follow the traditional Dutch series: grootouder, overgrootouder,
  betovergrootouder, oudouder, oudgrootouder, oudovergrootouder,
  oudbetovergrootouder, stamouder, stamgrootouder … edelouder … (up to 32
  generations, then *voorouder* with a number). From the fifth generation on the
  word is followed by the number of generations ("oudgrootmoeder (6 generaties)"):
  few readers know these words.
- Descendants: kind, kleinkind, achterkleinkind, achterachterkleinkind, then
  "afstammeling (5 generaties)".
- A sibling's child is *neef*/*nicht*, a grandchild of a sibling *achterneef*. A
  first cousin is *volle neef*/*volle nicht*: standard Dutch on both sides of the
  border, and unlike plain *neef* it cannot be read as a nephew. The Flemish
  colloquial *kozijn*/*kozijne* is regional and not what a worker writes in a report.
  Second cousins are *achterneef*/*achternicht* (the usual word, which can also mean
  a sibling's grandchild: ``up``/``down`` tell them apart), third cousins
  *achterachterneef*, further ones *verre neef*. Cousins of another generation are
  said through the person in between: "volle nicht van moeder", "zoon van volle neef".
- Aunts and uncles: tante/oom, oudtante/oudoom, overoudtante/overoudoom, then
  "zus van betovergrootvader".
- In-laws in Flemish usage: schoonbroer/schoonzus (not zwager/schoonzuster),
  schoonmoeder, schoonzoon; an aunt's husband is an *aangetrouwde oom*; former
  in-laws get *ex-*.
- Neutral words where Dutch has none: "broer/zus", "oom/tante", "neef/nicht".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .kinds import Kind, Role
from .wording import SexAt, by_marriage, code, pick, says_half, sex_at, sexed, side_code

if TYPE_CHECKING:
    from .relationship import Relationship

_GROOT = ("", "groot", "overgroot", "betovergroot")
_AUNT_PREFIX = {2: "", 3: "oud", 4: "overoud"}
_SIDE = {"maternal": " langs moederskant", "paternal": " langs vaderskant"}

_PREFIX = {Kind.adoptive: "adoptief", Kind.foster: "pleeg", Kind.step: "stief"}
_ADJECTIVE = {Kind.legal: ("juridische", "juridisch"), Kind.social: ("sociale", "sociaal")}
_QUALIFIER = {
    Kind.adoptive: " (via adoptie)",
    Kind.foster: " (pleeggezin)",
    Kind.step: " (stieffamilie)",
    Kind.legal: " (juridisch)",
    Kind.social: " (sociaal)",
}


def ancestor(n: int, s: str) -> str:
    """The ancestor ``n`` generations up.

    >>> [ancestor(n, "f") for n in (1, 2, 3, 4)]
    ['moeder', 'grootmoeder', 'overgrootmoeder', 'betovergrootmoeder']
    >>> ancestor(5, "n"), ancestor(7, "f"), ancestor(9, "m")
    ('oudouder (5 generaties)', 'oudovergrootmoeder (7 generaties)', 'stamvader (9 generaties)')
    """
    base = pick(s, "vader", "moeder", "ouder")
    if n == 1:
        return base
    m = n - 1
    if m >= 32:
        return f"voor{base} ({n} generaties)"
    prefix = (
        ("edel" if m & 16 else "")
        + ("stam" if m & 8 else "")
        + ("oud" if m & 4 else "")
        + _GROOT[m & 3]
    )
    word = prefix + base
    return word if n <= 4 else f"{word} ({n} generaties)"


def descendant(n: int, s: str) -> str:
    """The descendant ``n`` generations down.

    >>> [descendant(n, "m") for n in (1, 2, 3, 4, 5)]
    ['zoon', 'kleinzoon', 'achterkleinzoon', 'achterachterkleinzoon', 'afstammeling (5 generaties)']
    """
    base = pick(s, "zoon", "dochter", "kind")
    if n == 1:
        return base
    if n <= 4:
        return "achter" * (n - 2) + "klein" + base
    return f"afstammeling ({n} generaties)"


def sibling(s: str, half: bool) -> str:
    return sexed(lambda x: ("half" if half else "") + pick(x, "broer", "zus"), s)


def aunt(a: int, s: str, half: bool, at: SexAt) -> str:
    """A sibling of the ancestor ``a - 1`` generations up.

    >>> aunt(2, "f", False, lambda a, b: "n"), aunt(3, "n", True, lambda a, b: "n")
    ('tante', 'halfoudoom/halfoudtante')
    """
    if a in _AUNT_PREFIX:
        return sexed(
            lambda x: ("half" if half else "") + _AUNT_PREFIX[a] + pick(x, "oom", "tante"), s
        )
    return f"{sibling(s, half)} van {ancestor(a - 1, at(a - 1, 0))}"


def niece(b: int, s: str, half: bool, at: SexAt) -> str:
    """A descendant ``b - 1`` generations down of a sibling."""
    if b <= 4:
        return sexed(
            lambda x: ("half" if half else "") + "achter" * (b - 2) + pick(x, "neef", "nicht"), s
        )
    return f"{descendant(b - 1, s)} van {sibling(at(1, 1), half)}"


def same_generation_cousin(d: int, s: str, half: bool) -> str:
    """A cousin of degree ``d`` in one's own generation.

    >>> same_generation_cousin(1, "m", False), same_generation_cousin(1, "n", False)
    ('volle neef', 'volle neef/nicht')
    >>> same_generation_cousin(2, "f", False), same_generation_cousin(4, "m", True)
    ('achternicht', 'verre neef (half)')
    """
    if d == 1:
        if half:
            return pick(s, "halfneef", "halfnicht", "halfneef/halfnicht")
        return pick(s, "volle neef", "volle nicht", "volle neef/nicht")
    prefix = "achter" * (d - 1) if d <= 3 else "verre "
    word = pick(s, prefix + "neef", prefix + "nicht", f"{prefix}neef/nicht")
    return f"{word} (half)" if half else word


def cousin(a: int, b: int, s: str, half: bool, at: SexAt) -> str:
    d = min(a, b) - 1
    if a == b:
        return same_generation_cousin(d, s, half)
    if a > b:
        r = a - b
        return f"{same_generation_cousin(d, s, half)} van {ancestor(r, at(r, 0))}"
    r = b - a
    return f"{descendant(r, s)} van {same_generation_cousin(d, at(a, a), half)}"


def geometry(a: int, b: int, s: str, half: bool, at: SexAt) -> str:
    """The blood relative ``a`` generations up and ``b`` down."""
    if b == 0:
        return ancestor(a, s)
    if a == 0:
        return descendant(b, s)
    if a == 1 and b == 1:
        return sibling(s, half)
    if b == 1:
        return aunt(a, s, half, at)
    if a == 1:
        return niece(b, s, half, at)
    return cousin(a, b, s, half, at)


def partner_word(s: str, married: bool) -> str:
    return pick(s, "echtgenoot", "echtgenote", "echtgenoot/echtgenote") if married else "partner"


def _kinded(r: Relationship, core: str) -> tuple[str, str]:
    """The word with its kind: a compound (pleegmoeder) or a qualifier after it."""
    kind = r.kind
    if kind is None or kind in (Kind.blood, Kind.in_law, Kind.partner):
        return core, ""
    compound = r.role in (Role.parent, Role.child, Role.sibling) or (
        kind is Kind.step and r.role in (Role.grandparent, Role.grandchild)
    )
    if not compound:
        return core, _QUALIFIER[kind]
    if kind in _PREFIX:
        return "/".join(_PREFIX[kind] + part for part in core.split("/")), ""
    common, neuter = _ADJECTIVE[kind]
    return "/".join(
        f"{neuter if part.endswith('kind') else common} {part}" for part in core.split("/")
    ), ""


def say(r: Relationship, with_side: bool = False) -> str:
    """The relationship in Dutch."""
    if not r.related or r.role is None:
        return "niet verwant"
    s = code(r.sex)
    up, down = r.up or 0, r.down or 0
    ex = "ex-" if r.former else ""
    qualifier = ""
    role = r.role
    if role is Role.self_:
        return "zelf"
    if role is Role.partner:
        return ex + partner_word(s, r.married)
    if role is Role.guardian:
        return "voogd"
    if role is Role.ward:
        return "pupil"
    if role is Role.parent_in_law:
        core = ex + pick(s, "schoonvader", "schoonmoeder", "schoonouder")
    elif role is Role.child_in_law:
        core = ex + pick(s, "schoonzoon", "schoondochter", "schoonkind")
    elif role is Role.sibling_in_law:
        core = ex + pick(s, "schoonbroer", "schoonzus", "schoonbroer/schoonzus")
    elif role is Role.relative_of_partner:
        relative = geometry(up, down, s, says_half(r), sex_at(r))
        core = f"{relative} van {ex}partner"
    elif role is Role.partner_of_relative:
        if by_marriage(r):
            core = "aangetrouwde " + aunt(up, s, False, sex_at(r))
        else:
            relative = geometry(up, down, code(r.via_sex()), says_half(r), sex_at(r))
            who = "ex-partner" if r.former else partner_word(s, r.married)
            core = f"{who} van {relative}"
    elif role is Role.relative:
        core = "familielid"
        qualifier = _QUALIFIER.get(r.kind, "") if r.kind is not None else ""
    else:
        core, qualifier = _kinded(r, geometry(up, down, s, says_half(r), sex_at(r)))
    side = side_code(r) if with_side else None
    return core + (_SIDE[side] if side else "") + qualifier
