"""Relation codes in words (Dutch, English, French), with the side of the family:
``maternal_aunt`` is "tante langs moederskant"; the words the review queue, its API and
the candidate card use.
"""

from __future__ import annotations

from ...graph import languages
from ...graph.languages import WordTable

Lang = languages.Lang

_WORDS: WordTable[str, str] = WordTable(
    "relation words",
    languages.LANGUAGES,
    {
        # code: (nl, en, fr)
        "relative": ("verwant", "relative", "parent"),
        "parent": ("ouder", "parent", "parent"),
        "mother": ("moeder", "mother", "mère"),
        "father": ("vader", "father", "père"),
        "child": ("kind", "child", "enfant"),
        "son": ("zoon", "son", "fils"),
        "daughter": ("dochter", "daughter", "fille"),
        "grandparent": ("grootouder", "grandparent", "grand-parent"),
        "grandmother": ("grootmoeder", "grandmother", "grand-mère"),
        "grandfather": ("grootvader", "grandfather", "grand-père"),
        "grandchild": ("kleinkind", "grandchild", "petit-enfant"),
        "grandson": ("kleinzoon", "grandson", "petit-fils"),
        "granddaughter": ("kleindochter", "granddaughter", "petite-fille"),
        "sibling": ("broer/zus", "sibling", "frère/sœur"),
        "brother": ("broer", "brother", "frère"),
        "sister": ("zus", "sister", "sœur"),
        "half_sibling": ("halfbroer/halfzus", "half-sibling", "demi-frère/demi-sœur"),
        "half_brother": ("halfbroer", "half-brother", "demi-frère"),
        "half_sister": ("halfzus", "half-sister", "demi-sœur"),
        "aunt_uncle": ("tante/oom", "aunt/uncle", "tante/oncle"),
        "aunt": ("tante", "aunt", "tante"),
        "uncle": ("oom", "uncle", "oncle"),
        "niece_nephew": ("nicht/neef", "niece/nephew", "nièce/neveu"),
        "niece": ("nicht", "niece", "nièce"),
        "nephew": ("neef", "nephew", "neveu"),
        "cousin": ("volle neef/nicht", "cousin", "cousin(e)"),
        "first_cousin": ("volle neef/nicht", "first cousin", "cousin(e) germain(e)"),
        "great_grandparent": ("overgrootouder", "great-grandparent", "arrière-grand-parent"),
        "great_grandmother": ("overgrootmoeder", "great-grandmother", "arrière-grand-mère"),
        "great_grandfather": ("overgrootvader", "great-grandfather", "arrière-grand-père"),
        "great_aunt": ("oudtante", "great-aunt", "grand-tante"),
        "great_uncle": ("oudoom", "great-uncle", "grand-oncle"),
        "partner": ("partner", "partner", "partenaire"),
        "spouse": ("echtgeno(o)t(e)", "spouse", "conjoint(e)"),
        "husband": ("echtgenoot", "husband", "mari"),
        "wife": ("echtgenote", "wife", "épouse"),
        "step_parent": ("stiefouder", "step-parent", "beau-parent"),
        "stepmother": ("stiefmoeder", "stepmother", "belle-mère"),
        "stepfather": ("stiefvader", "stepfather", "beau-père"),
    },
)
_SIDE_WORDS: WordTable[str, str] = WordTable(
    "relation side words",
    languages.LANGUAGES,
    {
        "maternal": ("langs moederskant", "on the mother's side", "du côté maternel"),
        "paternal": ("langs vaderskant", "on the father's side", "du côté paternel"),
    },
)


def relation_label(code: str | None, lang: Lang) -> str | None:
    """A relation code in words, or None for a code without words here.

    >>> relation_label("maternal_aunt", "nl")
    'tante langs moederskant'
    >>> relation_label("grandmother", "fr")
    'grand-mère'
    >>> relation_label("mother_of:p-1", "en")
    'mother'
    >>> relation_label("second_cousin", "en") is None
    True
    """
    if not code:
        return None
    word = code.strip().lower().replace("-", "_").replace(" ", "_").partition("_of:")[0]
    side: str | None = None
    for prefix in _SIDE_WORDS:
        if word.startswith(prefix + "_"):
            side, word = prefix, word[len(prefix) + 1 :]
            break
    said = _WORDS.maybe(word, lang)
    if said is None:
        return None
    return f"{said} {_SIDE_WORDS.say(side, lang)}" if side else said
