"""Every word of a candidate card, in Dutch (the default) and English: the labels of its
facts, the score bands, the words of a source and of a hop, the rules' and the fields'
sentences. The review page and the command line both say the card with these words, so
the two never disagree.

>>> say("band.probable", "nl"), say("band.probable", "en")
('waarschijnlijk', 'probable')
>>> say("led.step", "nl", hop="zus", name="Oma Ria")
'zus van Oma Ria'
>>> band(0.95), band(0.6), band(0.59)
('band.certain', 'band.probable', 'band.possible')
"""

from __future__ import annotations

from typing import Final

from ...graph.languages import INTERFACE, InterfaceLang, WordTable

CardLang = InterfaceLang
CARD_LANGS: tuple[CardLang, ...] = INTERFACE

CERTAIN: Final = 0.9
"""A score at or above this is "zeker" (certain)."""
PROBABLE: Final = 0.6
"""A score at or above this (and below :data:`CERTAIN`) is "waarschijnlijk" (probable);
below it, "mogelijk" (possible)."""


def band(score: float) -> str:
    """The key of the score's word band."""
    if score >= CERTAIN:
        return "band.certain"
    if score >= PROBABLE:
        return "band.probable"
    return "band.possible"


def card_lang(lang: str) -> CardLang:
    """``lang`` when the card speaks it, else Dutch.

    >>> card_lang("en"), card_lang("fr")
    ('en', 'nl')
    """
    return "en" if lang == "en" else "nl"


WORDS: WordTable[str, str] = WordTable(
    "card words",
    INTERFACE,
    {
        # key: (nl, en)
        "band.certain": ("zeker", "certain"),
        "band.probable": ("waarschijnlijk", "probable"),
        "band.possible": ("mogelijk", "possible"),
        "score": ("{band} ({percent})", "{band} ({percent})"),
        # the facts
        "fact.born": ("Geboren", "Born"),
        "fact.municipality": ("Gemeente", "Municipality"),
        "fact.birth_place": ("Geboorteplaats", "Birth place"),
        "fact.source": ("Bron", "Source"),
        "fact.recorded": ("Opgenomen op", "Recorded on"),
        "fact.led_by": ("Gevonden via", "Found through"),
        "fact.to_child": ("Voor het kind", "To the child"),
        "fact.score": ("Score", "Score"),
        "reasons": ("Waarom", "Why"),
        # titles
        "title.kin": ("{relation}: {name}", "{relation}: {name}"),
        "title.kin_unknown": ("familie: {name}", "family: {name}"),
        "title.match": ("gegeven van {other}: {name}", "record of {other}: {name}"),
        "title.duplicate": (
            "twee keer bewaard: {name} en {other}",
            "stored twice: {name} and {other}",
        ),
        "family.side": ("familie {side}", "family {side}"),
        # names that are not shown
        "name.elsewhere": ("iemand gekend in een ander dossier", "someone known in another case"),
        "name.record_elsewhere": (
            "een record van een ander dossier",
            "a record of another case",
        ),
        "name.unknown": ("naam niet gekend", "name not known"),
        "name.relative": ("een familielid", "a relative"),
        # dates
        "date.about": ("rond {date}", "about {date}"),
        "date.before": ("vóór {date}", "before {date}"),
        "date.after": ("na {date}", "after {date}"),
        "date.between": ("tussen {date} en {end}", "between {date} and {end}"),
        # the chain that led to a candidate
        "led.step": ("{hop} van {name}", "{hop} of {name}"),
        "led.record": ("{name} ({source}, {date})", "{name} ({source}, {date})"),
        "led.family": ("familie van {name}", "family of {name}"),
        # sources
        "source.manual": ("met de hand ingevoerd", "entered by hand"),
        "source.registry": ("register", "registry"),
        "source.case_file": ("dossier", "case file"),
        "source.school_list": ("schoollijst", "school list"),
        "source.family_tree": ("stamboom", "family tree"),
        "source.gedcom": ("GEDCOM-bestand", "GEDCOM file"),
        "source.import_file": ("ingelezen bestand", "imported file"),
        "source.interview": ("gesprek", "interview"),
        "source.other": ("andere bron", "other source"),
        "source.named": ("{name} ({kind})", "{name} ({kind})"),
    },
)
"""The card's words; a missing key is an error (:func:`say` raises ``KeyError``)."""

RULE_TEXTS: dict[str, str] = {
    "same_person": "a record of a known person",
    "named_parent": "names a known relative as parent",
    "parent_named": "named as parent in a relative's record",
    "same_parents": "same parents as a relative's record",
    "partner_of": "names a known relative as partner",
    "partner_named": "named as partner in a relative's record",
    "household": "lives at a relative's address",
    "family_name": "carries a parent's birth surname",
    "family_name_parent": "a parent of theirs carries a parent's birth surname",
    "named_by": "named by a relative",
    "duplicate": "the same person entered twice",
    "family_graph": "through ties in other cases",
}
"""Each rule by the text it leaves in a candidate's explanation."""

RULES: WordTable[str, str] = WordTable(
    "card rule words",
    INTERFACE,
    {
        "same_person": (
            "Dit record lijkt van iemand die al in het netwerk staat.",
            "This record looks like someone already in the network.",
        ),
        "named_parent": (
            "Het record noemt een gekend familielid als moeder of vader.",
            "The record names a known relative as mother or father.",
        ),
        "parent_named": (
            "Het record van een familielid noemt deze persoon als moeder of vader.",
            "A relative's record names this person as mother or father.",
        ),
        "same_parents": (
            "Dezelfde ouders als in het record van een familielid.",
            "The same parents as in a relative's record.",
        ),
        "partner_of": (
            "Het record noemt een gekend familielid als partner.",
            "The record names a known relative as partner.",
        ),
        "partner_named": (
            "Het record van een familielid noemt deze persoon als partner.",
            "A relative's record names this person as partner.",
        ),
        "household": (
            "Woont op het adres van een familielid.",
            "Lives at a relative's address.",
        ),
        "family_name": (
            "Draagt de geboortenaam van een ouder van het kind, dicht bij de familie.",
            "Carries the birth surname of a parent of the child, near the family.",
        ),
        "family_name_parent": (
            "Een ouder van deze persoon draagt de geboortenaam van een ouder van het kind.",
            "A parent of theirs carries the birth surname of a parent of the child.",
        ),
        "named_by": (
            "Een familielid noemde deze persoon.",
            "A relative named this person.",
        ),
        "duplicate": (
            "Lijkt dezelfde persoon, twee keer ingevoerd.",
            "Looks like the same person, entered twice.",
        ),
        "family_graph": (
            "Familie volgens banden die in een ander dossier gekend zijn.",
            "Family through ties known in another case.",
        ),
    },
    every=tuple(RULE_TEXTS),
)
"""Each rule of the kin search and the duplicate search, said as a reason."""

REASONS: WordTable[str, str] = WordTable(
    "card reason words",
    INTERFACE,
    {
        "also": ("Nog een aanwijzing: {sentence}", "Also: {sentence}"),
        "learned.for": (
            "Werkers aanvaardden eerdere voorstellen van deze soort vaak.",
            "Workers often accepted earlier proposals of this kind.",
        ),
        "learned.against": (
            "Werkers wezen eerdere voorstellen van deze soort vaak af.",
            "Workers often turned down earlier proposals of this kind.",
        ),
        "track_record": (
            "Van zulke voorstellen bleek {percent} familie in testgegevens ({kin} van {proposed}).",
            "Of such proposals, {percent} were family in test data ({kin} of {proposed}).",
        ),
        "via_record": (
            "Gevonden via het eigen record van een familielid.",
            "Found through a relative's own record.",
        ),
        "other_case": (
            "Misschien al gekend in een ander dossier: vraag de werker van dat dossier om deze"
            " persoon te delen.",
            "May be known in another case: ask that case's worker to share them.",
        ),
        "sign.for": ("Nog een aanwijzing pleit hiervoor.", "Another sign speaks for this."),
        "sign.against": (
            "Nog een aanwijzing pleit hiertegen.",
            "Another sign speaks against this.",
        ),
        # compared fields
        "agree": ("{Subject} komt overeen: {value}.", "{Subject} matches: {value}."),
        "agree.bare": ("{Subject} komt overeen.", "{Subject} matches."),
        "form": (
            "{Subject} is een andere vorm van dezelfde naam: {value}.",
            "{Subject} is another form of the same name: {value}.",
        ),
        "similar": (
            "{Subject} lijkt erop: {left} en {right}.",
            "{Subject} is close: {left} and {right}.",
        ),
        "similar.bare": ("{Subject} lijkt erop.", "{Subject} is close."),
        "differ": (
            "{Subject} verschilt: {left} en {right}.",
            "{Subject} differs: {left} and {right}.",
        ),
        "differ.bare": ("{Subject} verschilt.", "{Subject} differs."),
        "same_name": ("Dezelfde naam: {value}.", "The same name: {value}."),
        "same_parent": ("Noemt dezelfde {parent}: {value}.", "Names the same {parent}: {value}."),
        "date.exact": ("Dezelfde geboortedatum: {value}.", "The same birth date: {value}."),
        "date.same_year": ("Hetzelfde geboortejaar: {value}.", "The same birth year: {value}."),
        "date.same_month": ("Dezelfde geboortemaand: {value}.", "The same birth month: {value}."),
        "date.year_off": (
            "De geboortedatum verschilt één jaar: {left} en {right}.",
            "The birth dates are a year apart: {left} and {right}.",
        ),
        "date.part_off": (
            "De geboortedatum verschilt in één deel: {left} en {right}.",
            "The birth dates differ in one part: {left} and {right}.",
        ),
        "date.swapped": (
            "Dag en maand van de geboortedatum staan omgewisseld: {left} en {right}.",
            "Day and month of the birth date are swapped: {left} and {right}.",
        ),
        "date.other_day": (
            "Hetzelfde geboortejaar, een andere dag: {left} en {right}.",
            "The same birth year, another day: {left} and {right}.",
        ),
        "date.different": (
            "Een andere geboortedatum: {left} en {right}.",
            "Another birth date: {left} and {right}.",
        ),
        "age.younger": (
            "{n} jaar jonger dan het familielid: dat past.",
            "{n} years younger than the relative: that fits.",
        ),
        "age.older": (
            "{n} jaar ouder dan het familielid: dat past.",
            "{n} years older than the relative: that fits.",
        ),
        "age.same": (
            "Even oud als het familielid: dat past.",
            "The same age as the relative: that fits.",
        ),
        "age.fits": ("Het leeftijdsverschil past.", "The age difference fits."),
        "age.just": ("Het leeftijdsverschil past nog net.", "The age difference just fits."),
        "age.no": ("Het leeftijdsverschil past niet.", "The age difference does not fit."),
        "sex.same": ("Het geslacht past.", "The sex fits."),
        "sex.different": ("Het geslacht past niet.", "The sex does not fit."),
        "place.same": ("Dezelfde gemeente: {value}.", "The same municipality: {value}."),
        "place.same_bare": ("Dezelfde gemeente.", "The same municipality."),
        "place.elsewhere": ("Een andere gemeente: {value}.", "Another municipality: {value}."),
        "address.same": (
            "Woont op hetzelfde adres als het familielid.",
            "Lives at the same address as the relative.",
        ),
        # why the matcher keeps two records apart (tenhands.finding.matching.guards)
        "apart.senior and junior": (
            "Senior en junior van één naam: vader en zoon, twee personen.",
            "Senior and junior of one name: father and son, two persons.",
        ),
        "apart.a generation apart": (
            "Een generatie verschil in geboortejaar: twee personen.",
            "A generation apart in birth year: two persons.",
        ),
        "apart.twins: another given name": (
            "Tweeling: andere voornaam, dezelfde geboortedag: twee kinderen.",
            "Twins: another given name, the same birth date: two children.",
        ),
        "apart.twins: another sex": (
            "Tweeling: ander geslacht, dezelfde geboortedag: twee kinderen.",
            "Twins: another sex, the same birth date: two children.",
        ),
        "apart.only the household agrees": (
            "Alleen wat een gezin deelt komt overeen (naam, adres, ouders): twee personen.",
            "Only what a household shares agrees (name, address, parents): two persons.",
        ),
    },
)
"""The sentences of the reasons; ``{Subject}`` is a field's words (:data:`FIELDS`)."""

PARENTS: WordTable[str, str] = WordTable(
    "card parent words",
    INTERFACE,
    {
        "mother": ("moeder", "mother"),
        "father": ("vader", "father"),
        "partner": ("partner", "partner"),
    },
)

FIELDS: WordTable[str, str] = WordTable(
    "card field words",
    INTERFACE,
    {
        "given_names": ("de voornaam", "the given name"),
        "surname": ("de familienaam", "the surname"),
        "birth_surname": ("de geboortenaam", "the birth surname"),
        "birth_date": ("de geboortedatum", "the birth date"),
        "birth_place": ("de geboorteplaats", "the birth place"),
        "sex": ("het geslacht", "the sex"),
        "place": ("de gemeente", "the municipality"),
        "city": ("de gemeente", "the municipality"),
        "postcode": ("de postcode", "the postcode"),
        "street": ("de straat", "the street"),
        "house_number": ("het huisnummer", "the house number"),
        "address": ("het adres", "the address"),
        "national_id": ("het rijksregisternummer", "the national number"),
        "phone": ("het telefoonnummer", "the phone number"),
        "email": ("het e-mailadres", "the e-mail address"),
        "mother_name given_names": ("de voornaam van de moeder", "the mother's given name"),
        "mother_name surname": ("de familienaam van de moeder", "the mother's surname"),
        "father_name given_names": ("de voornaam van de vader", "the father's given name"),
        "father_name surname": ("de familienaam van de vader", "the father's surname"),
        "partner_name given_names": ("de voornaam van de partner", "the partner's given name"),
        "partner_name surname": ("de familienaam van de partner", "the partner's surname"),
        "other_parent (mother)": ("de andere ouder, de moeder,", "the other parent, the mother,"),
        "other_parent (father)": ("de andere ouder, de vader,", "the other parent, the father,"),
    },
)
"""A compared field in words, as the subject of a sentence."""

HOPS: dict[tuple[str, str], str] = {
    # (hop, sex) → relation code with words in relation_words
    ("child", "female"): "daughter",
    ("child", "male"): "son",
    ("parent", "female"): "mother",
    ("parent", "male"): "father",
    ("sibling", "female"): "sister",
    ("sibling", "male"): "brother",
    ("half_sibling", "female"): "half_sister",
    ("half_sibling", "male"): "half_brother",
    ("grandparent", "female"): "grandmother",
    ("grandparent", "male"): "grandfather",
    ("grandchild", "female"): "granddaughter",
    ("grandchild", "male"): "grandson",
}
"""A hop said with the person's sex: a sister, not a sibling, when the record says so."""


def say(key: str, lang: str, **values: object) -> str:
    """The card's words for ``key`` in ``lang`` (``nl`` or ``en``), filled with ``values``."""
    return (WORDS if key in WORDS else REASONS).say(key, card_lang(lang)).format(**values)


def percent(score: float, lang: str) -> str:
    """The score as a whole percentage, as the language writes it.

    >>> percent(0.951, "nl"), percent(0.5, "en")
    ('95%', '50%')
    """
    from babel.numbers import format_percent  # only where a card is made: the CLI starts fast

    return format_percent(score, "#0%", locale=card_lang(lang))


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Dutch or the English of a pair."""
    return pair[1] if card_lang(lang) == "en" else pair[0]
