"""Every word a map shows, in Dutch (the default) and English, and the name rule.

A person is called by their first given name, or by an alias that starts with a
family word ("Oma Ria", "Tante Trien", "Mima Fatima") when they have one of at least
two words: that is what a child calls them.

>>> from tenhands.graph.model import Person
>>> display_name(Person(given_names=["Maria"], aliases=["Oma Ria", "Ria"]))
'Oma Ria'
>>> display_name(Person(given_names=["Fatima"], aliases=["Mima", "Mima Fatima"]))
'Mima Fatima'
>>> display_name(Person(given_names=["Leen"], aliases=["mama van Fien"]))
'Leen'
>>> say("tooltip.tasks", "en", n=2)
'tasks: 2'
"""

from __future__ import annotations

from functools import cache

from tenhands.graph import languages
from tenhands.graph.called import family_alias
from tenhands.graph.languages import INTERFACE, LANGUAGES, WordTable
from tenhands.graph.model import Engagement, Person, SupportType, WorryKnowledge
from tenhands.graph.model.case import RiskFlag

from .scene import Mode, View

LANGS = INTERFACE
"""The maps' languages (:data:`tenhands.graph.languages.INTERFACE`)."""


def display_name(person: Person) -> str:
    """The name written on the map (see the module docstring for the rule)."""
    alias = family_alias(person)
    if alias is not None:
        return alias
    if person.given_names:
        return person.given_names[0]
    if person.aliases:
        return person.aliases[0]
    return person.surname or "?"


_WORDS: WordTable[str, str] = WordTable(
    "map words",
    INTERFACE,
    {
        # key: (nl, en)
        "view.ecomap": ("ecogram", "ecomap"),
        "view.genogram": ("genogram", "genogram"),
        "view.circles": ("cirkels van veiligheid en steun", "circles of safety and support"),
        "mode.work": ("werkversie", "worker's view"),
        "mode.projection": ("voor het netwerk", "for the network"),
        "mode.family": ("voor de familie", "for the family"),
        "side.maternal": ("mama's kant", "mother's side"),
        "side.paternal": ("papa's kant", "father's side"),
        "side.both": ("beide kanten", "both sides"),
        "group.child": ("kind", "child"),
        "group.maternal": ("familie langs mama's kant", "family on the mother's side"),
        "group.paternal": ("familie langs papa's kant", "family on the father's side"),
        "group.both": ("familie (beide kanten)", "family (both sides)"),
        "group.informal": ("steunfiguren", "informal supporters"),
        "group.professional": ("hulpverleners", "professionals"),
        "ring.inner": ("binnenste cirkel", "inner circle"),
        "ring.middle": ("middelste cirkel", "middle circle"),
        "ring.outer": ("buitenste cirkel", "outer circle"),
        "knows.full": ("weet het meest over de zorgen", "knows most about the worries"),
        "knows.partial": ("weet een beetje over de zorgen", "knows a little about the worries"),
        "knows.none": ("weet nog niets over de zorgen", "knows nothing about the worries"),
        "knows.unknown": ("niet gekend wat ze weten", "not known what they know"),
        "shape.square": ("man", "male"),
        "shape.circle": ("vrouw", "female"),
        "shape.diamond": ("ander of onbekend", "other or unknown"),
        "shape.dot": ("koppel (ouders)", "couple (parents)"),
        "child.double": ("dubbele rand: het kind", "double border: the child"),
        "deceased": ("overleden", "deceased"),
        "line.strong": ("sterke band", "strong tie"),
        "line.tenuous": ("zwakke band", "tenuous tie"),
        "line.stressful": ("moeilijke band (stress)", "stressful tie"),
        "line.plain": ("band", "tie"),
        "line.closeness": ("dikker = dichterbij", "thicker = closer"),
        "line.parent": ("ouder en kind", "parent and child"),
        "line.adoptive": ("adoptie", "adoption"),
        "line.foster": ("pleegzorg of voogdij", "foster care or guardianship"),
        "line.couple": ("koppel", "couple"),
        "mark.divorced": ("gescheiden", "divorced"),
        "mark.separated": ("uit elkaar", "separated"),
        "line.household": ("woont samen met de kinderen", "lives with the children"),
        "junction.unknown": ("ouders niet gekend", "parents not known"),
        "counter": (
            "{n} van {goal} volwassenen engageren zich: {hands} handen en ogen",
            "{n} of {goal} adults committed: {hands} hands and eyes",
        ),
        "not_in_genogram": (
            "{n} steunfiguren en hulpverleners staan niet in het genogram",
            "{n} informal supporters and professionals are not in the genogram",
        ),
        "deceased_left_out": (
            "{n} overleden personen staan niet in de cirkels",
            "{n} deceased persons are not in the circles",
        ),
        "tooltip.born": ("geboren {year}", "born {year}"),
        "tooltip.died": ("overleden {year}", "died {year}"),
        "tooltip.support": ("steun: {what}", "support: {what}"),
        "tooltip.risk": ("let op: {what}", "caution: {what}"),
        "tooltip.phone": ("tel. {what}", "phone {what}"),
        "tooltip.email": ("e-mail {what}", "e-mail {what}"),
        "tooltip.note": ("notitie: {what}", "note: {what}"),
        "tooltip.tasks": ("taken: {n}", "tasks: {n}"),
    },
    every=(
        *(f"view.{v.value}" for v in View),
        *(f"mode.{m.value}" for m in Mode),
        *(f"knows.{k.value}" for k in WorryKnowledge),
        "knows.unknown",
    ),
)

_ENGAGEMENT: WordTable[Engagement, str] = WordTable(
    "map engagement words",
    INTERFACE,
    {
        Engagement.identified: ("genoemd", "identified"),
        Engagement.located: ("gevonden", "located"),
        Engagement.contacted: ("gecontacteerd", "contacted"),
        Engagement.engaged: ("betrokken", "engaged"),
        Engagement.committed: ("engageert zich", "committed"),
        Engagement.declined: ("doet niet mee", "declined"),
        Engagement.not_safe: ("niet veilig", "not safe"),
        Engagement.no_contact: ("geen contact", "no contact"),
        Engagement.deceased: ("overleden", "deceased"),
    },
    every=tuple(Engagement),
)

BADGES: dict[Engagement, str] = {
    Engagement.identified: "1",
    Engagement.located: "2",
    Engagement.contacted: "3",
    Engagement.engaged: "4",
    Engagement.committed: "✓",
    Engagement.declined: "–",
    Engagement.not_safe: "!",
    Engagement.no_contact: "✕",
    Engagement.deceased: "†",
}

_SUPPORT: WordTable[SupportType, str] = WordTable(
    "map support words",
    INTERFACE,
    {
        SupportType.emotional: ("emotioneel", "emotional"),
        SupportType.practical: ("praktisch", "practical"),
        SupportType.respite: ("opvang", "respite"),
        SupportType.placement: ("verblijf", "placement"),
        SupportType.safety_monitoring: ("oogje in het zeil", "safety monitoring"),
        SupportType.transport: ("vervoer", "transport"),
        SupportType.financial: ("financieel", "financial"),
    },
    every=tuple(SupportType),
)

_RISK: WordTable[RiskFlag, str] = WordTable(
    "map risk words",
    INTERFACE,
    {
        RiskFlag.violence: ("geweld", "violence"),
        RiskFlag.abuse_allegation: ("vermoeden van misbruik", "abuse allegation"),
        RiskFlag.substance_use: ("middelengebruik", "substance use"),
        RiskFlag.contact_restriction: ("contactverbod", "contact restriction"),
        RiskFlag.criminal_record: ("strafblad", "criminal record"),
        RiskFlag.other: ("ander risico", "other risk"),
    },
    every=tuple(RiskFlag),
)


def say(key: str, lang: str = "nl", **values: object) -> str:
    """A map word or sentence in ``lang`` (``nl`` or ``en``), filled with ``values``."""
    return _WORDS.say(key, lang).format(**values)


def wall_label(name: str, words: str | None, side: str, lang: str = "nl") -> str:
    """A person's label on a wall (projection and family maps), short enough to be drawn
    large: the name and what the person is to the children (``words``), without the side
    of the family (``side``: the map's sectors, colours and lines say it), and the name
    alone when its first word already says the role.

    >>> wall_label("Oma Ria", "grootmoeder, mama's kant", "maternal")
    'Oma Ria\\n(grootmoeder)'
    >>> wall_label("Tante Trien", "tante, mama's kant", "maternal")
    'Tante Trien'
    >>> wall_label("Karim", "uncle, father's side", "paternal", "en")
    'Karim\\n(uncle)'
    >>> wall_label("Lina", None, "none")
    'Lina'
    """
    if words is None:
        return name
    said = _WORDS.maybe(f"side.{side}", lang)
    if said is not None:
        words = words.removesuffix(f", {said}")
    if words.casefold() == name.split(" ")[0].casefold():
        return name
    return f"{name}\n({words})"


def engagement_word(engagement: Engagement, lang: str = "nl") -> str:
    return _ENGAGEMENT.say(engagement, lang)


def support_words(support: set[SupportType], lang: str = "nl") -> str:
    return ", ".join(_SUPPORT.say(s, lang) for s in SupportType if s in support)


def risk_words(flags: set[RiskFlag], lang: str = "nl") -> str:
    return ", ".join(_RISK.say(f, lang) for f in RiskFlag if f in flags)


def knows_word(knows: WorryKnowledge | None, lang: str = "nl") -> str:
    return say("knows.unknown" if knows is None else f"knows.{knows.value}", lang)


def title(case_title: str, view: View, mode: Mode, lang: str = "nl") -> str:
    """E.g. ``De kinderen Peeters — ecogram (voor het netwerk)``."""
    return f"{case_title} — {say(f'view.{view.value}', lang)} ({say(f'mode.{mode.value}', lang)})"


WRAP = 18
"""Characters on one drawn label line before it is wrapped."""

NARROW_WRAP = 13
"""The genogram's labels: rows are wide and generations far apart, so labels go narrow
(each view's width: :data:`tenhands.viz.views.VIEWS`)."""


@cache
def wrap(label: str, width: int = WRAP) -> str:
    """A label as drawn: every line longer than ``width`` characters broken after its
    commas first, then at spaces (a word longer than ``width`` stays whole). Only line
    breaks change, never the words.

    >>> wrap("Bart\\n(aangetrouwde oom, mama's kant)")
    "Bart\\n(aangetrouwde oom,\\nmama's kant)"
    >>> wrap("Leen\\n(vriendin van de familie)")
    'Leen\\n(vriendin van de\\nfamilie)'
    >>> wrap("Bart\\n(aangetrouwde oom, mama's kant)", 13)
    "Bart\\n(aangetrouwde\\noom,\\nmama's kant)"
    >>> wrap("Oma Ria\\n(grootmoeder, mama's kant)", 30)
    "Oma Ria\\n(grootmoeder, mama's kant)"
    """
    out: list[str] = []
    for line in label.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        parts = [p + "," for p in line.split(", ")]
        parts[-1] = parts[-1][:-1]
        for part in parts:
            current = ""
            for word in part.split(" "):
                if current and len(current) + 1 + len(word) > width:
                    out.append(current)
                    current = word
                else:
                    current = f"{current} {word}" if current else word
            out.append(current)
    return "\n".join(out)


def check_lang(lang: str) -> str:
    """``lang`` when the maps speak it; else ValueError with a sentence."""
    return languages.check_lang(lang, LANGS, "map")


# --- The map's text listing (tenhands.viz.listing): its own words, nl, en and fr ---

LISTING_WORDS: WordTable[str, str] = WordTable(
    "map listing words",
    LANGUAGES,
    {
        # key: (nl, en, fr)
        "listing.title": (
            "Wie er op de kaart staat",
            "Who is on the map",
            "Qui figure sur la carte",
        ),
        "listing.intro": (
            "Dezelfde personen als op de kaart, als lijst: per cirkel, met hun kant van de "
            "familie en wat ze voor de kinderen zijn.",
            "The same persons as on the map, as a list: by circle, with their side of the "
            "family and what they are to the children.",
            "Les mêmes personnes que sur la carte, en liste : par cercle, avec leur côté de la "
            "famille et ce qu'elles sont pour les enfants.",
        ),
        "listing.children": ("De kinderen", "The children", "Les enfants"),
        "listing.inner": ("Binnenste cirkel", "Inner circle", "Cercle intérieur"),
        "listing.middle": ("Middelste cirkel", "Middle circle", "Cercle du milieu"),
        "listing.outer": ("Buitenste cirkel", "Outer circle", "Cercle extérieur"),
        "listing.other": ("Ook op de kaart", "Also on the map", "Aussi sur la carte"),
        "listing.side.maternal": ("familie van mama", "mother's family", "famille de la mère"),
        "listing.side.paternal": ("familie van papa", "father's family", "famille du père"),
        "listing.side.both": (
            "familie van mama en papa",
            "family of both parents",
            "famille des deux parents",
        ),
        "listing.side.informal": (
            "steunfiguur, geen familie",
            "informal supporter, not family",
            "personne de soutien, hors famille",
        ),
        "listing.side.professional": ("hulpverlener", "professional", "professionnel"),
        "listing.side.child": ("kind", "child", "enfant"),
        "listing.deceased": ("overleden", "deceased", "décédé(e)"),
        "listing.nobody": ("Niemand.", "Nobody.", "Personne."),
    },
)
"""The words of the map's text listing, in Dutch, English and French."""


def listing_say(key: str, lang: str = "nl") -> str:
    """A word of the map's text listing in ``lang`` (``nl``, ``en`` or ``fr``; another
    language gets Dutch).

    >>> listing_say("listing.inner", "fr")
    'Cercle intérieur'
    """
    return LISTING_WORDS.say(key, lang)
