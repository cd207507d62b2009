"""Every word the closure handout prints, in Dutch (the default) and English.

The handout's own small word table; what a person is to the children comes from the
maps' words (:mod:`tenhands.viz.labels`, the kinship words), never from here. The
Flemish helplines (:data:`HELPLINES`) are also said in French, for a French-speaking
reader of the same sheet.

>>> say("meet.next", "en", date="1 June 2027")
'Next review: 1 June 2027'
>>> children_words(["Lina", "Adam", "Mo"], "nl")
'Lina, Adam en Mo'
>>> long_date(date(2027, 3, 12), "nl"), long_date(date(2027, 3, 12), "en")
('12 maart 2027', '12 March 2027')
>>> short_date(date(2027, 3, 12), "nl"), short_date(date(2027, 3, 12), "en")
('12 mrt 2027', '12 Mar 2027')
>>> [number for number, _ in helplines("fr")]
['1712', '102', '112']
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from babel.dates import format_date

from tenhands.graph.languages import INTERFACE, LANGUAGES, WordTable, interface_lang, locale_of
from tenhands.graph.model import MeetingKind

WORDS: WordTable[str, str] = WordTable(
    "handout words",
    INTERFACE,
    {
        # key: (nl, en)
        "title": ("Wie er is voor {children}", "Who is there for {children}"),
        "intro": (
            "De hulpverlening stopt. Hier lees je wie wat afsprak en hoe je elkaar bereikt.",
            "Professional help ends. Here you read who agreed to what, and how to reach "
            "each other.",
        ),
        "made_on": ("Gemaakt op {date}", "Made on {date}"),
        "call.title": ("Wie bel je als je je zorgen maakt?", "Who to call when you are worried"),
        "call.intro": (
            "Zij spraken af om op {children} te letten. Bel hen.",
            "They agreed to keep an eye on {children}. Call them.",
        ),
        "call.none": (
            "Er is nog niemand afgesproken om te bellen als je je zorgen maakt. Spreek dat "
            "samen af.",
            "Nobody has agreed yet to be called when you are worried. Agree on it together.",
        ),
        "people.title": ("Het netwerk", "The network"),
        "people.none": (
            "Er staat nog niemand op dit blad.",
            "Nobody is on this sheet yet.",
        ),
        "not_shared": ("deelt geen contactgegevens", "shares no contact details"),
        "people.also": ("Ook betrokken", "Also involved"),
        "helplines.title": ("Hulp van buiten, dag en nacht", "Help from outside, day and night"),
        "too_big": (
            "Dit netwerk is te groot voor één blad: de lijst loopt door op de volgende "
            "bladzijde. Geef alle bladzijden samen door.",
            "This network is too big for one sheet: the list goes on over the page. Keep "
            "all the pages together.",
        ),
        "tasks.title": ("Wie doet wat?", "Who does what?"),
        "tasks.what": ("Wat", "What"),
        "tasks.who": ("Wie", "Who"),
        "tasks.checks": ("Wie kijkt het na", "Who checks"),
        "tasks.due": ("Tegen wanneer", "By when"),
        "help.title": ("Hulp van diensten", "Help from services"),
        "help.service": ("Dienst", "Service"),
        "meet.title": (
            "Wanneer bekijken we het plan opnieuw?",
            "When do we look at the plan again?",
        ),
        "meet.last": ("Laatste overleg: {date}", "Last meeting: {date}"),
        "meet.last_kind": ("Laatste overleg: {date} ({kind})", "Last meeting: {date} ({kind})"),
        "meet.next": ("Volgende bespreking: {date}", "Next review: {date}"),
        "meet.none": (
            "Er is nog geen nieuwe bespreking gepland. Spreek samen af wanneer jullie het "
            "plan opnieuw bekijken.",
            "No new review is planned yet. Agree together when you will look at the plan again.",
        ),
        "footer": (
            "Op dit blad staat alleen wat ieder afsprak te delen. Bewaar het goed en geef het "
            "niet aan anderen.",
            "This sheet shows only what each person agreed to share. Keep it safe and do not "
            "pass it on.",
        ),
        "and": ("en", "and"),
        "children.none": ("de kinderen", "the children"),
    },
)

MEETING_KINDS: WordTable[MeetingKind, str] = WordTable(
    "handout meeting words",
    INTERFACE,
    {
        MeetingKind.family_group_conference: ("familienetwerkberaad", "family group conference"),
        MeetingKind.network_meeting: ("netwerkoverleg", "network meeting"),
        MeetingKind.review: ("evaluatie van het plan", "plan review"),
        MeetingKind.closure: ("afsluiting", "closing meeting"),
    },
    every=tuple(MeetingKind),
)

HELPLINES: WordTable[str, str] = WordTable(
    "helplines",
    LANGUAGES,
    {
        "1712": (
            "hulplijn voor geweld, misbruik en kindermishandeling (gratis, anoniem)",
            "helpline for violence, abuse and child abuse (free, anonymous; in Dutch)",
            "ligne d'écoute pour la violence, les abus et la maltraitance d'enfants "
            "(gratuite, anonyme ; en néerlandais)",
        ),
        "102": (
            "Awel: voor kinderen en jongeren die ergens mee zitten (gratis, anoniem)",
            "Awel: for children and young people with something on their mind (free, "
            "anonymous; in Dutch)",
            "Awel : pour les enfants et les jeunes qui ont un souci (gratuit, anonyme ; "
            "en néerlandais)",
        ),
        "112": (
            "noodnummer: bij gevaar, nu meteen",
            "emergency number: in danger, right now",
            "numéro d'urgence : en cas de danger, tout de suite",
        ),
    },
)
"""The Flemish helplines every handout prints: the number, and what it is for in Dutch,
English and French (the numbers 1712 and 102 answer in Dutch)."""


def say(key: str, lang: str = "nl", **values: object) -> str:
    """A handout word or sentence in ``lang`` (``nl`` or ``en``), filled with ``values``."""
    return WORDS.say(key, lang).format(**values)


def helplines(lang: str = "nl") -> list[tuple[str, str]]:
    """The helplines as ``(number, what it is for)`` in ``lang`` (``nl``, ``en`` or
    ``fr``; another language gets Dutch)."""
    return [(number, HELPLINES.say(number, lang)) for number in HELPLINES]


def meeting_word(kind: MeetingKind, lang: str = "nl") -> str:
    return MEETING_KINDS.say(kind, lang)


def long_date(day: date, lang: str = "nl") -> str:
    """A date as people write it (``12 maart 2027``)."""
    return format_date(day, "long", locale=locale_of(interface_lang(lang)))


def short_date(day: date, lang: str = "nl") -> str:
    """A date in a table cell (``12 mrt. 2027``, ``12 Mar 2027``)."""
    return format_date(day, "medium", locale=locale_of(interface_lang(lang)))


def children_words(names: Sequence[str], lang: str = "nl") -> str:
    """``Lina``, ``Lina en Adam``, ``Lina, Adam en Mo``."""
    if not names:
        return say("children.none", lang)
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {say('and', lang)} {names[-1]}"
