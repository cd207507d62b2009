"""French words for relationships (as written in Belgium).

Ancestors: grand-mère, arrière-grand-mère, arrière-arrière-grand-mère (up to three
*arrière*), then "ancêtre (6 générations)"; descendants the same way. Aunts and
uncles: tante, grand-tante, arrière-grand-tante; nephews and nieces: nièce,
petite-nièce, arrière-petite-nièce. Cousins: cousin germain, cousin issu de germain,
then "cousin au 3e degré"; other generations through the person in between
("cousine germaine de la mère"). Step-family: beau-père/belle-mère,
beau-fils/belle-fille, and *quasi-frère*/*quasi-sœur* for step-siblings (unlike
*demi-frère* or *frère par alliance* it cannot be misread). In-laws: beau-père,
gendre, belle-fille, beau-frère, and *oncle par alliance* for an aunt's husband.
French uses *beau-père* and *belle-fille* for both step- and in-law relatives; the
structured result tells them apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .kinds import Kind, Role
from .wording import SexAt, by_marriage, code, pick, says_half, sex_at, side_code

if TYPE_CHECKING:
    from .relationship import Relationship

_VOWELS = tuple("aeiouyhéèêàâîïôû")
_QUALIFIER = {
    Kind.adoptive: " (par adoption)",
    Kind.foster: " (famille d'accueil)",
    Kind.step: " (famille recomposée)",
    Kind.legal: " (lien légal)",
    Kind.social: " (lien social)",
}
_KINDED: dict[tuple[Role, Kind], tuple[str, str, str]] = {
    (Role.parent, Kind.adoptive): ("père adoptif", "mère adoptive", "parent adoptif"),
    (Role.child, Kind.adoptive): ("fils adoptif", "fille adoptive", "enfant adopté"),
    (Role.sibling, Kind.adoptive): ("frère adoptif", "sœur adoptive", "frère/sœur adoptifs"),
    (Role.parent, Kind.foster): ("père d'accueil", "mère d'accueil", "parent d'accueil"),
    (Role.child, Kind.foster): ("fils accueilli", "fille accueillie", "enfant accueilli"),
    (Role.sibling, Kind.foster): ("frère d'accueil", "sœur d'accueil", "frère/sœur d'accueil"),
    (Role.parent, Kind.step): ("beau-père", "belle-mère", "beau-parent"),
    (Role.child, Kind.step): ("beau-fils", "belle-fille", "bel-enfant"),
    (Role.sibling, Kind.step): ("quasi-frère", "quasi-sœur", "quasi-frère/sœur"),
    (Role.parent, Kind.legal): ("père légal", "mère légale", "parent légal"),
    (Role.child, Kind.legal): ("fils légal", "fille légale", "enfant légal"),
    (Role.parent, Kind.social): ("père social", "mère sociale", "parent social"),
}


def de(word: str, s: str) -> str:
    """ "de" with the article: "de la mère", "du père", "de l'arrière-grand-père"."""
    if word.startswith(_VOWELS):
        return f"de l'{word}"
    return f"de la {word}" if s == "f" else f"du {word}"


def ancestor(n: int, s: str) -> str:
    """The ancestor ``n`` generations up.

    >>> [ancestor(n, "f") for n in (1, 2, 3, 4)]
    ['mère', 'grand-mère', 'arrière-grand-mère', 'arrière-arrière-grand-mère']
    >>> ancestor(6, "m")
    'ancêtre (6 générations)'
    """
    base = pick(s, "père", "mère", "parent")
    if n == 1:
        return base
    if n <= 5:
        return "arrière-" * (n - 2) + "grand-" + base
    return f"ancêtre ({n} générations)"


def descendant(n: int, s: str) -> str:
    if n == 1:
        return pick(s, "fils", "fille", "enfant")
    if n <= 5:
        return "arrière-" * (n - 2) + pick(s, "petit-fils", "petite-fille", "petit-enfant")
    return pick(s, "descendant", "descendante") + f" ({n} générations)"


def _half(word: str, half: bool) -> str:
    return "/".join("demi-" + part for part in word.split("/")) if half else word


def sibling(s: str, half: bool) -> str:
    return _half(pick(s, "frère", "sœur"), half)


def aunt(a: int, s: str, half: bool, at: SexAt) -> str:
    if a == 2:
        word = pick(s, "oncle", "tante")
    elif a <= 5:
        word = "arrière-" * (a - 3) + pick(s, "grand-oncle", "grand-tante")
    else:
        z = at(a - 1, 0)
        return f"{sibling(s, half)} {de(ancestor(a - 1, z), z)}"
    return _half(word, half)


def niece(b: int, s: str, half: bool, at: SexAt) -> str:
    if b == 2:
        word = pick(s, "neveu", "nièce")
    elif b <= 5:
        word = "arrière-" * (b - 3) + pick(s, "petit-neveu", "petite-nièce")
    else:
        y = at(1, 1)
        return f"{descendant(b - 1, s)} {de(sibling(y, half), y)}"
    return _half(word, half)


def same_generation_cousin(d: int, s: str, half: bool) -> str:
    """A cousin of degree ``d`` in one's own generation.

    >>> same_generation_cousin(1, "f", False), same_generation_cousin(2, "m", True)
    ('cousine germaine', 'demi-cousin issu de germain')
    """
    if d == 1:
        word = pick(s, "cousin germain", "cousine germaine")
    elif d == 2:
        word = pick(s, "cousin issu de germain", "cousine issue de germain")
    else:
        word = pick(s, f"cousin au {d}e degré", f"cousine au {d}e degré")
    return _half(word, half)


def cousin(a: int, b: int, s: str, half: bool, at: SexAt) -> str:
    d = min(a, b) - 1
    if a == b:
        return same_generation_cousin(d, s, half)
    if a > b:
        r = a - b
        z = at(r, 0)
        return f"{same_generation_cousin(d, s, half)} {de(ancestor(r, z), z)}"
    r = b - a
    z = at(a, a)
    return f"{descendant(r, s)} {de(same_generation_cousin(d, z, half), z)}"


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
    return pick(s, "époux", "épouse") if married else "partenaire"


def _kinded(r: Relationship, s: str, core: str) -> tuple[str, str]:
    kind = r.kind
    if kind is None or kind in (Kind.blood, Kind.in_law, Kind.partner) or r.role is None:
        return core, ""
    words = _KINDED.get((r.role, kind))
    if words is None:
        return core, _QUALIFIER[kind]
    return pick(s, *words), ""


def _adjective(side: str, s: str) -> str:
    word = "maternel" if side == "maternal" else "paternel"
    return f" {word}le" if s == "f" else f" {word}"


def say(r: Relationship, with_side: bool = False) -> str:
    """The relationship in French."""
    if not r.related or r.role is None:
        return "sans lien de parenté"
    s = code(r.sex)
    up, down = r.up or 0, r.down or 0
    role = r.role
    ex = "ex-" if r.former else ""
    qualifier = ""
    if role is Role.self_:
        return "soi-même"
    if role is Role.partner:
        return ex + partner_word(s, r.married)
    if role is Role.guardian:
        return pick(s, "tuteur", "tutrice")
    if role is Role.ward:
        return "pupille"
    if role is Role.parent_in_law:
        core = ex + pick(s, "beau-père", "belle-mère", "beau-parent")
    elif role is Role.child_in_law:
        core = ex + pick(s, "gendre", "belle-fille")
    elif role is Role.sibling_in_law:
        core = ex + pick(s, "beau-frère", "belle-sœur")
    elif role is Role.relative_of_partner:
        relative = geometry(up, down, s, says_half(r), sex_at(r))
        core = f"{relative} {de(ex + 'partenaire', 'm')}"
    elif role is Role.partner_of_relative:
        if by_marriage(r):
            core = aunt(up, s, False, sex_at(r)) + " par alliance"
        else:
            v = code(r.via_sex())
            relative = geometry(up, down, v, says_half(r), sex_at(r))
            who = "ex-partenaire" if r.former else partner_word(s, r.married)
            core = f"{who} {de(relative, v)}"
    elif role is Role.relative:
        core = "membre de la famille"
        qualifier = _QUALIFIER.get(r.kind, "") if r.kind is not None else ""
    else:
        core, qualifier = _kinded(r, s, geometry(up, down, s, says_half(r), sex_at(r)))
    side = side_code(r) if with_side else None
    if side and role in (Role.grandparent, Role.aunt_uncle) and "(" not in core:
        core += _adjective(side, s)
    elif side:
        core += " du côté " + ("maternel" if side == "maternal" else "paternel")
    return core + qualifier
