"""Ties between two persons: family, partners, and informal supporters; and every tie
kind's facts in one table (:data:`TIE_FACTS`): its category, direction, genogram drawing,
GEDCOM mapping and words, read through :class:`TieKind`'s properties."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field, model_validator

from ..languages import INTERFACE, WordTable
from .common import Id, Model, Provenance, ShortText, new_id
from .dates import PartialDate
from .person import Sex


class TieCategory(StrEnum):
    family = "family"
    partner = "partner"
    informal = "informal"
    professional = "professional"


class GenogramDrawing(StrEnum):
    """How a genogram draws a tie of one kind (McGoldrick's conventions)."""

    descent = "descent"
    """A line of descent from the parents' union down to the child, a row lower."""
    couple = "couple"
    """The couple's line through their union point, in one row."""
    sibship = "sibship"
    """No line of its own: the sibling hangs beside the other, under the same parents."""
    half_sibship = "half_sibship"
    """No line of its own: in one row, under parents of their own (a junction when not
    known)."""
    row_above = "row_above"
    """No line: the source a row above the target (a step-parent)."""
    two_rows_above = "two_rows_above"
    """No line: the source two rows above the target (a grandparent known only so)."""
    not_drawn = "not_drawn"
    """Not in a genogram (step-siblings, other relatives, everyone outside the family)."""

    @property
    def rows(self) -> int | None:
        """How many rows the source stands above the target; None: the tie places no one."""
        return _ROWS.get(self)


_ROWS = {
    GenogramDrawing.descent: 1,
    GenogramDrawing.couple: 0,
    GenogramDrawing.sibship: 0,
    GenogramDrawing.half_sibship: 0,
    GenogramDrawing.row_above: 1,
    GenogramDrawing.two_rows_above: 2,
}


class GedcomCarrier(StrEnum):
    """Where a GEDCOM file carries a tie of one kind."""

    child = "child"
    """The target is a ``CHIL`` of a family the source is a parent in (``_FREL``/``_MREL``
    say a non-birth parent)."""
    couple = "couple"
    """A ``FAM`` of the two partners."""
    association = "association"
    """An ``ASSO`` on the target pointing to the source, with a ``RELA`` word."""


@dataclass(frozen=True)
class GedcomTie:
    """How a GEDCOM file carries a tie kind: where, and the word TenHands writes (the
    ``RELA`` of an association, the ``_FREL``/``_MREL`` of a parent who is not one by
    birth; None where the place alone says it)."""

    carrier: GedcomCarrier
    word: str | None = None


class TieKind(StrEnum):
    """What a tie is. Directed kinds read ``source`` *is KIND of* ``target``.

    Everything TenHands knows about a kind is one row of :data:`TIE_FACTS` (its
    category, direction, basis, genogram drawing, GEDCOM mapping and words), read
    through the properties below; adding a kind is adding that row.
    """

    parent = "parent"
    step_parent = "step_parent"
    guardian = "guardian"
    grandparent = "grandparent"
    sibling = "sibling"
    half_sibling = "half_sibling"
    step_sibling = "step_sibling"
    other_relative = "other_relative"
    partner = "partner"
    ex_partner = "ex_partner"
    friend = "friend"
    neighbour = "neighbour"
    teacher = "teacher"
    coach = "coach"
    godparent = "godparent"
    family_friend = "family_friend"
    colleague = "colleague"
    professional = "professional"
    other = "other"

    @property
    def facts(self) -> TieFacts:
        return TIE_FACTS[self]

    @property
    def category(self) -> TieCategory:
        return TIE_FACTS[self].category

    @property
    def directed(self) -> bool:
        """Whether source and target play different parts (parent → child)."""
        return TIE_FACTS[self].directed

    @property
    def is_parent(self) -> bool:
        """The source raises the target: a parent, step-parent or guardian."""
        return TIE_FACTS[self].parent

    @property
    def is_couple(self) -> bool:
        """The two are (or were) a couple: partners and ex-partners."""
        return self.category is TieCategory.partner

    @property
    def is_sibling(self) -> bool:
        """The two are siblings: full, half or step."""
        return TIE_FACTS[self].sibling

    @property
    def genogram(self) -> GenogramDrawing:
        """How a genogram draws a tie of this kind."""
        return TIE_FACTS[self].genogram

    @property
    def gedcom(self) -> GedcomTie:
        """How a GEDCOM file carries a tie of this kind."""
        return TIE_FACTS[self].gedcom

    def word(self, sex: Sex = Sex.unknown, lang: str = "nl") -> str:
        """What the tie makes its source, said of a person of ``sex`` in ``lang``.

        >>> TieKind.neighbour.word(Sex.female), TieKind.godparent.word(Sex.male, "en")
        ('buurvrouw', 'godfather')
        >>> TieKind.half_sibling.word(Sex.unknown, "en")
        'half-sibling'
        """
        female, male, neutral = TIE_WORDS.say(self, lang)
        return female if sex is Sex.female else male if sex is Sex.male else neutral


@dataclass(frozen=True)
class TieFacts:
    """One tie kind's row: what it is and how every part reads, draws and says it."""

    category: TieCategory
    genogram: GenogramDrawing
    gedcom: GedcomTie
    words: tuple[tuple[str, str, str], ...]
    """(female, male, neutral) per language of :data:`~tenhands.graph.languages.INTERFACE`."""
    directed: bool = False
    blood: bool = False
    """Blood kin: the basis defaults to biological."""
    parent: bool = False
    sibling: bool = False


_F, _P, _I, _PRO = (
    TieCategory.family,
    TieCategory.partner,
    TieCategory.informal,
    TieCategory.professional,
)
_G = GenogramDrawing
_CHILD, _COUPLE = GedcomTie(GedcomCarrier.child), GedcomTie(GedcomCarrier.couple)


def _asso(word: str) -> GedcomTie:
    return GedcomTie(GedcomCarrier.association, word)


def _same(word: str) -> tuple[str, str, str]:
    return (word, word, word)


TIE_FACTS: dict[TieKind, TieFacts] = {
    TieKind.parent: TieFacts(
        _F,
        _G.descent,
        _CHILD,
        (("moeder", "vader", "ouder"), ("mother", "father", "parent")),
        directed=True,
        blood=True,
        parent=True,
    ),
    TieKind.step_parent: TieFacts(
        _F,
        _G.row_above,
        GedcomTie(GedcomCarrier.child, "Step"),
        (("stiefmoeder", "stiefvader", "stiefouder"), ("stepmother", "stepfather", "step-parent")),
        directed=True,
        parent=True,
    ),
    TieKind.guardian: TieFacts(
        _F,
        _G.descent,
        GedcomTie(GedcomCarrier.child, "Guardian"),
        (_same("voogd"), _same("guardian")),
        directed=True,
        parent=True,
    ),
    TieKind.grandparent: TieFacts(
        _F,
        _G.two_rows_above,
        _asso("grandparent"),
        (
            ("grootmoeder", "grootvader", "grootouder"),
            ("grandmother", "grandfather", "grandparent"),
        ),
        directed=True,
        blood=True,
    ),
    TieKind.sibling: TieFacts(
        _F,
        _G.sibship,
        _asso("sibling"),
        (("zus", "broer", "broer/zus"), ("sister", "brother", "sibling")),
        blood=True,
        sibling=True,
    ),
    TieKind.half_sibling: TieFacts(
        _F,
        _G.half_sibship,
        _asso("half sibling"),
        (
            ("halfzus", "halfbroer", "halfbroer/halfzus"),
            ("half-sister", "half-brother", "half-sibling"),
        ),
        blood=True,
        sibling=True,
    ),
    TieKind.step_sibling: TieFacts(
        _F,
        _G.not_drawn,
        _asso("step sibling"),
        (
            ("stiefzus", "stiefbroer", "stiefbroer/stiefzus"),
            ("stepsister", "stepbrother", "step-sibling"),
        ),
        sibling=True,
    ),
    TieKind.other_relative: TieFacts(
        _F,
        _G.not_drawn,
        _asso("other relative"),
        (_same("familielid"), _same("relative")),
        blood=True,
    ),
    TieKind.partner: TieFacts(_P, _G.couple, _COUPLE, (_same("partner"), _same("partner"))),
    TieKind.ex_partner: TieFacts(
        _P, _G.couple, _COUPLE, (_same("ex-partner"), _same("ex-partner"))
    ),
    TieKind.friend: TieFacts(
        _I,
        _G.not_drawn,
        _asso("friend"),
        (("vriendin", "vriend", "vriend(in)"), _same("friend")),
    ),
    TieKind.neighbour: TieFacts(
        _I,
        _G.not_drawn,
        _asso("neighbour"),
        (("buurvrouw", "buurman", "buur"), _same("neighbour")),
    ),
    TieKind.teacher: TieFacts(
        _I,
        _G.not_drawn,
        _asso("teacher"),
        (("juf", "meester", "leerkracht"), _same("teacher")),
        directed=True,
    ),
    TieKind.coach: TieFacts(
        _I, _G.not_drawn, _asso("coach"), (_same("coach"), _same("coach")), directed=True
    ),
    TieKind.godparent: TieFacts(
        _I,
        _G.not_drawn,
        _asso("godparent"),
        (("meter", "peter", "meter/peter"), ("godmother", "godfather", "godparent")),
        directed=True,
    ),
    TieKind.family_friend: TieFacts(
        _I,
        _G.not_drawn,
        _asso("family friend"),
        (
            ("vriendin van de familie", "vriend van de familie", "vriend(in) van de familie"),
            _same("family friend"),
        ),
    ),
    TieKind.colleague: TieFacts(
        _I, _G.not_drawn, _asso("colleague"), (_same("collega"), _same("colleague"))
    ),
    TieKind.professional: TieFacts(
        _PRO,
        _G.not_drawn,
        _asso("professional"),
        (_same("hulpverlener"), _same("professional")),
        directed=True,
    ),
    TieKind.other: TieFacts(
        _I,
        _G.not_drawn,
        _asso("other"),
        (_same("kent het gezin"), _same("knows the family")),
    ),
}
"""Every tie kind's facts, one row per kind: :class:`TieKind` reads them."""


def check_facts(facts: dict[TieKind, TieFacts]) -> None:
    """RuntimeError when a kind has no row in ``facts``; run on :data:`TIE_FACTS` at
    import, so a kind without its row fails at once, not later in some branch.

    >>> check_facts({k: f for k, f in TIE_FACTS.items() if k is not TieKind.coach})
    Traceback (most recent call last):
    ...
    RuntimeError: tie kinds without a row in TIE_FACTS: coach
    """
    missing = [k.value for k in TieKind if k not in facts]
    if missing:
        raise RuntimeError(f"tie kinds without a row in TIE_FACTS: {', '.join(missing)}")


check_facts(TIE_FACTS)

INFORMAL_ORDER: tuple[TieKind, ...] = (
    TieKind.godparent,
    TieKind.teacher,
    TieKind.coach,
    TieKind.neighbour,
    TieKind.family_friend,
    TieKind.friend,
    TieKind.colleague,
    TieKind.professional,
    TieKind.other,
)
"""Which tie names a supporter when they have several (a godmother who is a neighbour):
every informal and professional kind, once (checked at import)."""

_outside = {k for k in TieKind if k.category in (TieCategory.informal, TieCategory.professional)}
if set(INFORMAL_ORDER) != _outside or len(INFORMAL_ORDER) != len(_outside):
    raise RuntimeError(
        "INFORMAL_ORDER must list every informal and professional tie kind once: "
        + ", ".join(sorted(_outside ^ set(INFORMAL_ORDER)))
    )

TIE_WORDS: WordTable[TieKind, tuple[str, str, str]] = WordTable(
    "tie words",
    INTERFACE,
    {kind: facts.words for kind, facts in TIE_FACTS.items()},
    every=tuple(TieKind),
)
"""What a tie makes its source, (female, male, neutral), from :data:`TIE_FACTS`."""


class Basis(StrEnum):
    """On what a tie rests: blood, a legal act, or daily life."""

    biological = "biological"
    adoptive = "adoptive"
    foster = "foster"
    legal = "legal"
    social = "social"


class Circle(StrEnum):
    """How close someone is to the child: the rings of an ecomap."""

    inner = "inner"
    middle = "middle"
    outer = "outer"


class Quality(StrEnum):
    strong = "strong"
    tenuous = "tenuous"
    stressful = "stressful"


class PartnerStatus(StrEnum):
    married = "married"
    cohabiting = "cohabiting"
    relationship = "relationship"
    separated = "separated"
    divorced = "divorced"
    widowed = "widowed"


def default_basis(kind: TieKind) -> Basis:
    """Blood for blood kin, a legal act for guardians, daily life for everyone else."""
    if kind is TieKind.guardian:
        return Basis.legal
    if kind.facts.blood:
        return Basis.biological
    return Basis.social


class Tie(Model):
    """A tie between two persons, with where we learned of it and how sure we are."""

    id: Id = Field(default_factory=lambda: new_id("t"))
    source_id: Id
    target_id: Id
    kind: TieKind
    basis: Basis | None = Field(
        default=None, description="defaults to biological for family kinds, social otherwise"
    )
    partner_status: PartnerStatus | None = None
    closeness: Circle | None = None
    quality: Quality | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    confidential: bool = False
    note: ShortText | None = None
    provenance: Provenance = Field(default_factory=Provenance)

    @model_validator(mode="after")
    def _consistent(self) -> Tie:
        if self.source_id == self.target_id:
            raise ValueError("a tie needs two different persons")
        if self.since is not None and self.until is not None and self.until < self.since:
            raise ValueError("until lies before since")
        if self.partner_status is not None and self.kind.category is not TieCategory.partner:
            raise ValueError("partner_status is only for partner and ex_partner ties")
        if self.basis is None:
            object.__setattr__(self, "basis", default_basis(self.kind))
        return self

    def other(self, person_id: str) -> str:
        """The person at the other end of the tie from ``person_id``."""
        if person_id == self.source_id:
            return self.target_id
        if person_id == self.target_id:
            return self.source_id
        raise ValueError("the person is not on this tie")
