"""Every word the closure handout prints, in Dutch (the default) and English.

The handout's own small word table; what a person is to the children comes from the
maps' words (:mod:`tenhands.viz.labels`, the kinship words), never from here.

>>> say("meet.next", "en", date="1 June 2027")
'Next review: 1 June 2027'
>>> children_words(["Lina", "Adam", "Mo"], "nl")
'Lina, Adam en Mo'
>>> long_date(date(2027, 3, 12), "nl"), long_date(date(2027, 3, 12), "en")
('12 maart 2027', '12 March 2027')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from babel.dates import format_date

from tenhands.graph.model import MeetingKind

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "title": ("Wie er is voor {children}", "Who is there for {children}"),
    "intro": (
        "Dit blad is voor iedereen die er is voor {children}. De hulpverlening stopt. "
        "Hier lees je wie wat afsprak en hoe je elkaar bereikt.",
        "This sheet is for everyone who is there for {children}. Professional help "
        "ends. Here you read who agreed to what, and how to reach each other.",
    ),
    "made_on": ("Gemaakt op {date}", "Made on {date}"),
    "call.title": ("Wie bel je als je je zorgen maakt?", "Who to call when you are worried"),
    "call.intro": (
        "Maak je je zorgen over {children}? Deze mensen spraken af om op te letten. Bel hen.",
        "Are you worried about {children}? These people agreed to keep an eye out. Call them.",
    ),
    "call.none": (
        "Er is nog niemand afgesproken om te bellen als je je zorgen maakt. Spreek dat samen af.",
        "Nobody has agreed yet to be called when you are worried. Agree on it together.",
    ),
    "people.title": ("Het netwerk", "The network"),
    "people.none": (
        "Er staat nog niemand op dit blad.",
        "Nobody is on this sheet yet.",
    ),
    "agreed": ("Afgesproken", "Agreed"),
    "does": ("Doet", "Does"),
    "phone": ("Telefoon", "Phone"),
    "email": ("E-mail", "E-mail"),
    "address": ("Adres", "Address"),
    "not_shared": (
        "Deelt geen contactgegevens op dit blad.",
        "Shares no contact details on this sheet.",
    ),
    "tasks.title": ("Wie doet wat?", "Who does what?"),
    "tasks.what": ("Wat", "What"),
    "tasks.who": ("Wie", "Who"),
    "tasks.checks": ("Wie kijkt het na", "Who checks"),
    "tasks.due": ("Tegen wanneer", "By when"),
    "help.title": ("Hulp van diensten", "Help from services"),
    "help.intro": (
        "Deze hulp is gevraagd aan een dienst of een hulpverlener.",
        "This help was asked of a service or a professional.",
    ),
    "help.service": ("Dienst", "Service"),
    "meet.title": ("Wanneer bekijken we het plan opnieuw?", "When do we look at the plan again?"),
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
}

MEETING_KINDS: dict[MeetingKind, tuple[str, str]] = {
    MeetingKind.family_group_conference: ("familienetwerkberaad", "family group conference"),
    MeetingKind.network_meeting: ("netwerkoverleg", "network meeting"),
    MeetingKind.review: ("evaluatie van het plan", "plan review"),
    MeetingKind.closure: ("afsluiting", "closing meeting"),
}

_LOCALES = {"nl": "nl_BE", "en": "en_GB"}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def say(key: str, lang: str = "nl", **values: object) -> str:
    """A handout word or sentence in ``lang`` (``nl`` or ``en``), filled with ``values``."""
    return _pick(WORDS[key], lang).format(**values)


def meeting_word(kind: MeetingKind, lang: str = "nl") -> str:
    return _pick(MEETING_KINDS[kind], lang)


def long_date(day: date, lang: str = "nl") -> str:
    """A date as people write it (``12 maart 2027``)."""
    return format_date(day, "long", locale=_LOCALES.get(lang, "nl_BE"))


def children_words(names: Sequence[str], lang: str = "nl") -> str:
    """``Lina``, ``Lina en Adam``, ``Lina, Adam en Mo``."""
    if not names:
        return say("children.none", lang)
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {say('and', lang)} {names[-1]}"
