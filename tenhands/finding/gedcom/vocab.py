"""The words GEDCOM files use for pedigrees, partner statuses and associations, and the
words TenHands writes for them.

Read words are matched without case, in English, Dutch and French.

>>> [str(x) for x in pedigree("Adopted") or ()], pedigree("Natural")
(['parent', 'adoptive'], None)
>>> [str(x) for x in pedigree("Step") or ()]
['step_parent', 'social']
>>> [str(association(w)[0]) for w in ("Godmother", "buurvrouw")], association("Somebody")
(['godparent', 'neighbour'], None)
>>> association("godson")
(<TieKind.godparent: 'godparent'>, True)
"""

from __future__ import annotations

from ...graph.model import Basis, GedcomCarrier, PartnerStatus, TieKind

# -- pedigree: how a child is linked to a parent in a family ------------------------------

_BIOLOGICAL = {
    *("birth", "natural", "biological", "bio", "blood", "natuurlijk", "biologisch"),
    *("naturel", "naturelle", "légitime", "legitimate", "unknown", "private", ""),
}
_PEDIGREE: dict[str, tuple[TieKind, Basis]] = {
    **{
        w: (TieKind.parent, Basis.adoptive)
        for w in (
            "adopted",
            "adoptive",
            "adoption",
            "adopt",
            "geadopteerd",
            "adoptief",
            "adopté",
            "adoptée",
            "adoptif",
        )
    },
    **{
        w: (TieKind.parent, Basis.foster)
        for w in (
            "foster",
            "pleeg",
            "pleegkind",
            "pleegouder",
            "fostered",
            "placé",
            "placée",
            "accueil",
        )
    },
    **{w: (TieKind.parent, Basis.legal) for w in ("sealed", "legal", "wettelijk", "légal")},
    **{w: (TieKind.parent, Basis.social) for w in ("related", "social", "sociaal")},
    **{
        w: (TieKind.step_parent, Basis.social)
        for w in (
            "step",
            "stepchild",
            "step-child",
            "stiefkind",
            "stief",
            "beau-parent",
            "beau-fils",
            "belle-fille",
        )
    },
    **{
        w: (TieKind.guardian, Basis.legal)
        for w in ("guardian", "ward", "voogd", "voogdij", "tuteur", "tutrice", "tutelle")
    },
}


def pedigree(word: str) -> tuple[TieKind, Basis] | None:
    """The tie a pedigree word stands for; None for birth (or no word). Raises KeyError
    for a word not known."""
    key = " ".join(word.split()).lower()
    if key in _BIOLOGICAL:
        return None
    return _PEDIGREE[key]


def pedigree_word(kind: TieKind, basis: Basis) -> str | None:
    """The ``_FREL``/``_MREL`` word for a parent tie; None for a biological parent. A kind
    that is not a parent by its place (a step-parent, a guardian) says its own word
    (:attr:`~tenhands.graph.model.TieKind.gedcom`)."""
    if kind.gedcom.word is not None:
        return kind.gedcom.word
    return {
        Basis.adoptive: "Adopted",
        Basis.foster: "Foster",
        Basis.legal: "Legal",
        Basis.social: "Related",
    }.get(basis)


def pedi_value(basis: Basis) -> str | None:
    """The standard ``PEDI`` value (GEDCOM 5.5.1) for parents of one basis."""
    return {Basis.adoptive: "adopted", Basis.foster: "foster"}.get(basis)


# -- partners --------------------------------------------------------------------------------

START_WORDS = {
    PartnerStatus.cohabiting: "Cohabiting",
    PartnerStatus.relationship: "Partners",
}
"""``_MSTAT`` (how a couple began) for couples who did not marry."""
END_WORDS = {
    PartnerStatus.divorced: "Divorce",
    PartnerStatus.separated: "Separation",
    PartnerStatus.widowed: "Death of one spouse",
}
"""``_MEND`` (how a couple ended)."""
ENDED = "Ended"


def start_status(word: str) -> PartnerStatus | None:
    w = word.lower()
    if any(k in w for k in ("cohab", "samenwon", "living together", "concubin")):
        return PartnerStatus.cohabiting
    if any(k in w for k in ("married", "spouse", "gehuwd", "getrouwd", "marié", "mariage")):
        return PartnerStatus.married
    if any(k in w for k in ("partner", "friend", "relation", "unmarried", "not married")):
        return PartnerStatus.relationship
    return None


def end_status(word: str) -> PartnerStatus | None:
    w = word.lower()
    separated = any(k in w for k in ("separ", "uit elkaar", "tafel", "annul"))
    if not separated and any(k in w for k in ("divor", "echtscheid", "gescheiden", "scheiding")):
        return PartnerStatus.divorced
    if separated:
        return PartnerStatus.separated
    if any(k in w for k in ("death", "died", "widow", "overl", "weduw", "veuv", "décès")):
        return PartnerStatus.widowed
    return None


# -- associations (ASSO … RELA / ROLE) -------------------------------------------------------

_RELA: dict[str, tuple[TieKind, bool]] = {}
"""word → (kind, whether the words name the holder's side, e.g. 'godson')."""


def _words(kind: TieKind, *words: str, reverse: bool = False) -> None:
    for w in words:
        _RELA[w] = (kind, reverse)


_words(
    TieKind.godparent,
    "godparent",
    "godfather",
    "godmother",
    "god parent",
    "god father",
    "god mother",
    "peter",
    "meter",
    "peetoom",
    "peettante",
    "parrain",
    "marraine",
    "godp",
)
_words(
    TieKind.godparent,
    "godchild",
    "godson",
    "goddaughter",
    "petekind",
    "filleul",
    "filleule",
    reverse=True,
)
_words(TieKind.friend, "friend", "vriend", "vriendin", "ami", "amie")
_words(
    TieKind.neighbour,
    "neighbour",
    "neighbor",
    "buur",
    "buurman",
    "buurvrouw",
    "buren",
    "voisin",
    "voisine",
    "nghbr",
)
_words(
    TieKind.teacher,
    "teacher",
    "leerkracht",
    "leraar",
    "lerares",
    "juf",
    "meester",
    "enseignant",
    "enseignante",
    "instituteur",
    "institutrice",
)
_words(TieKind.coach, "coach", "trainer", "entraîneur", "entraineur")
_words(
    TieKind.family_friend,
    "family friend",
    "huisvriend",
    "vriend van de familie",
    "ami de la famille",
)
_words(TieKind.colleague, "colleague", "collega", "collègue")
_words(TieKind.professional, "professional", "hulpverlener", "professionnel")
_words(TieKind.guardian, "guardian", "voogd", "tuteur", "tutrice")
_words(
    TieKind.sibling,
    "sibling",
    "brother",
    "sister",
    "broer",
    "zus",
    "zuster",
    "frère",
    "soeur",
    "sœur",
)
_words(
    TieKind.half_sibling,
    "half sibling",
    "half-sibling",
    "half brother",
    "half sister",
    "halfbroer",
    "halfzus",
    "demi-frère",
    "demi-soeur",
)
_words(
    TieKind.step_sibling,
    "step sibling",
    "step-sibling",
    "stepbrother",
    "stepsister",
    "stiefbroer",
    "stiefzus",
)
_words(
    TieKind.grandparent,
    "grandparent",
    "grandfather",
    "grandmother",
    "grootvader",
    "grootmoeder",
    "opa",
    "oma",
    "grand-père",
    "grand-mère",
    "bompa",
    "bomma",
)
_words(
    TieKind.grandparent,
    "grandchild",
    "grandson",
    "granddaughter",
    "kleinkind",
    "kleinzoon",
    "kleindochter",
    reverse=True,
)
_words(
    TieKind.other_relative,
    "other relative",
    "relative",
    "cousin",
    "cousine",
    "aunt",
    "uncle",
    "tante",
    "nonkel",
    "oom",
    "neef",
    "nicht",
    "nephew",
    "niece",
)
for _kind in TieKind:  # the word TenHands writes for a kind always reads back as that kind
    if _kind.gedcom.carrier is GedcomCarrier.association and _kind.gedcom.word:
        _RELA[_kind.gedcom.word.lower()] = (_kind, False)


def word(kind: TieKind) -> str:
    """The ``RELA`` TenHands writes for an association of ``kind``
    (:attr:`~tenhands.graph.model.TieKind.gedcom`); ValueError for a kind a file carries
    in a family instead.

    >>> word(TieKind.family_friend)
    'family friend'
    """
    mapped = kind.gedcom
    if mapped.carrier is not GedcomCarrier.association or mapped.word is None:
        raise ValueError(f"a {kind.value} tie is carried in a family, not as an association")
    return mapped.word


def association(rela: str) -> tuple[TieKind, bool] | None:
    """The tie kind a ``RELA``/``ROLE`` names, and whether it is named from the other side
    ("godson": the holder is the godparent); None for a word not known (the importer
    reads it as ``other``, keeps the word and reports it)."""
    key = " ".join(rela.replace("_", " ").split()).lower()
    head = key.split(" — ")[0].split(";")[0].split(",")[0].strip()
    return _RELA.get(head) or _RELA.get(key)


def is_plain_word(rela: str, kind: TieKind) -> bool:
    """Whether ``rela`` is exactly the word TenHands writes for ``kind`` (so it says nothing
    the kind does not)."""
    return " ".join(rela.split()).lower() == word(kind)
