"""A candidate's explanation as plain sentences a worker reads: how it was found (the
rule), then what speaks for and against it, field by field, in Dutch or English. No
weights, no codes, no ids: a record id in the chain is the card's business
(:mod:`.card`), and a field or level without words becomes a plain "another sign".

>>> from tenhands.graph.model import Evidence
>>> [r.text for r in reasons([
...     Evidence(field="prior", level="names a known relative as parent",
...              right="named_parent", weight=-4.7),
...     Evidence(field="mother_name given_names", left="Griet", right="Griet Claeys",
...              level="exact", weight=2.9),
...     Evidence(field="mother_name surname", left="Claeys", right="Griet Claeys",
...              level="exact", weight=4.5),
...     Evidence(field="age_gap", left="abt 1960", right="1991-09-12",
...              level="born 15 to 50 years after", weight=1.5),
...     Evidence(field="birth_place", left="Gent", right="Brugge", level="different",
...              weight=-0.7),
... ], "nl")]  # doctest: +NORMALIZE_WHITESPACE
['Het record noemt een gekend familielid als moeder of vader.',
 'Noemt dezelfde moeder: Griet Claeys.',
 '31 jaar jonger dan het familielid: dat past.',
 'De geboorteplaats verschilt: Gent en Brugge.']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from tenhands.graph.model import Evidence, PartialDate

from ..kin.found import VIA_RECORD
from ..kin.track import TRACK_RECORD
from .card_words import FIELDS, PARENTS, REASONS, RULE_TEXTS, RULES, percent, say

Stance = Literal["for", "against", "neutral"]

_RULE_BY_TEXT = {text: rule for rule, text in RULE_TEXTS.items()}
_AGREE = frozenset(
    {"exact", "same", "same by key", "same name by equivalence", "swapped", "same municipality"}
)
_FORM = frozenset({"same name"})
_SIMILAR = frozenset({"similar", "somewhat similar", "one edit off"})
_DIFFER = frozenset({"different", "elsewhere"})
_DATE_LEVELS = {
    "exact": "date.exact",
    "same year": "date.same_year",
    "same month": "date.same_month",
    "year one off": "date.year_off",
    "a year apart": "date.year_off",
    "one part off": "date.part_off",
    "one typo": "date.part_off",
    "day and month swapped": "date.swapped",
    "different day": "date.other_day",
    "different": "date.different",
}
_GAP = re.compile(r"^born -?\d+ to -?\d+ years after$")
_YEAR = re.compile(r"\b(\d{4})\b")
_SKIPPED = frozenset({"relation_to_child"})
_NAME_PARTS = ("given_names", "surname")


@dataclass(frozen=True)
class Reason:
    """One sentence of why, and whether it speaks for or against the proposal."""

    text: str
    stance: Stance


def _stance(weight: float) -> Stance:
    return "for" if weight > 0 else "against" if weight < 0 else "neutral"


def date_text(value: PartialDate | str | None, lang: str) -> str | None:
    """A birth date as a worker reads it: ``19 februari 1964``, ``rond 1960``, ``1958``.

    >>> date_text("1964-02-19", "nl"), date_text("abt 1960", "en"), date_text("1958-04", "en")
    ('19 februari 1964', 'about 1960', 'April 1958')
    >>> date_text("not a date", "nl") is None
    True
    """
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = PartialDate.parse(value)
        except ValueError:
            return None
    text = _plain_date(value, lang)
    qualifier = value.qualifier.value if value.qualifier else None
    if qualifier in ("abt", "est", "cal"):
        return say("date.about", lang, date=text)
    if qualifier == "bef":
        return say("date.before", lang, date=text)
    if qualifier == "aft":
        return say("date.after", lang, date=text)
    if qualifier == "bet" and value.end is not None:
        return say("date.between", lang, date=text, end=_plain_date(value.end, lang))
    return text


def _plain_date(value: PartialDate, lang: str) -> str:
    from babel.dates import format_date  # only where a date is said: the CLI starts fast

    locale = "en" if lang == "en" else "nl"
    if value.month and value.day:
        return format_date(date(value.year, value.month, value.day), "d MMMM y", locale=locale)
    if value.month:
        return format_date(date(value.year, value.month, 1), "LLLL y", locale=locale)
    return str(value.year)


def _subject(field: str, lang: str) -> str | None:
    text = FIELDS.maybe(field, lang)
    if text is None:
        return None
    return text[:1].upper() + text[1:]


def _value(value: str | None, field: str, lang: str) -> str | None:
    if value is None or not value.strip():
        return None
    if field == "birth_date":
        return date_text(value, lang) or value
    return value.strip()


def _compared(e: Evidence, lang: str) -> str | None:
    """A compared field's sentence, or None when the card has no words for it."""
    subject = _subject(e.field, lang)
    left, right = _value(e.left, e.field, lang), _value(e.right, e.field, lang)
    if e.field == "birth_date" and e.level in _DATE_LEVELS:
        if left is None or right is None:
            return None if e.level != "exact" else say("agree.bare", lang, Subject=subject)
        key = _DATE_LEVELS[e.level]
        return say(key, lang, value=right, left=left, right=right)
    if e.field == "sex" and e.level in ("same", "exact", "different"):
        return say("sex.different" if e.level == "different" else "sex.same", lang)
    if e.field in ("place", "city") and e.level in ("same municipality", "exact", "elsewhere"):
        if e.level == "elsewhere":
            return say("place.elsewhere", lang, value=right or "–")
        return say("place.same", lang, value=right) if right else say("place.same_bare", lang)
    if e.field == "address" and e.level in ("same address", "exact", "same"):
        return say("address.same", lang)
    if subject is None:
        return None
    if e.level in _AGREE:
        value = right or left
        return (
            say("agree", lang, Subject=subject, value=value)
            if value
            else _bare("agree", subject, lang)
        )
    if e.level in _FORM:
        return (
            say("form", lang, Subject=subject, value=right)
            if right
            else _bare("agree", subject, lang)
        )
    if e.level in _SIMILAR:
        if left and right:
            return say("similar", lang, Subject=subject, left=left, right=right)
        return _bare("similar", subject, lang)
    if e.level in _DIFFER:
        if left and right:
            return say("differ", lang, Subject=subject, left=left, right=right)
        return _bare("differ", subject, lang)
    return None


def _bare(key: str, subject: str, lang: str) -> str:
    return say(f"{key}.bare", lang, Subject=subject)


def _age(e: Evidence, lang: str) -> str | None:
    if e.level == "ages do not fit":
        return say("age.no", lang)
    if e.level == "a generation apart, just":
        return say("age.just", lang)
    if not _GAP.match(e.level):
        return None
    years = [_YEAR.search(v or "") for v in (e.left, e.right)]
    if years[0] is None or years[1] is None:
        return say("age.fits", lang)
    gap = int(years[1].group(1)) - int(years[0].group(1))
    if gap > 0:
        return say("age.younger", lang, n=gap)
    if gap < 0:
        return say("age.older", lang, n=-gap)
    return say("age.same", lang)


def rule_sentence(rule: str | None, level: str, lang: str) -> str | None:
    """How a rule found the candidate, by its code or by its text in the explanation."""
    code = rule if rule in RULES else _RULE_BY_TEXT.get(level)
    if code is None and level.endswith(RULE_TEXTS["family_graph"]):
        code = "family_graph"
    if code is None:
        return None
    return RULES.say(code, lang)


def _track_record(level: str, lang: str) -> str | None:
    """How often proposals of the rule were family in test data ("21%", "37 of 176"),
    from the ``kin/proposed`` of a track-record entry."""
    kin, _, proposed = level.partition("/")
    if not (kin.isdigit() and proposed.isdigit() and int(proposed)):
        return None
    share = percent(int(kin) / int(proposed), lang)
    return say("track_record", lang, percent=share, kin=kin, proposed=proposed)


def _also(level: str, lang: str) -> list[str]:
    out = []
    for text in level.split(", "):
        sentence = rule_sentence(None, text.strip(), lang)
        if sentence is not None:
            out.append(say("also", lang, sentence=sentence[:1].lower() + sentence[1:]))
    return out


def _merged_names(
    evidence: Sequence[Evidence], lang: str
) -> tuple[list[tuple[float, Reason]], set[int]]:
    """One sentence for a name whose given names and surname both agree ("Noemt dezelfde
    moeder: Griet Claeys"), and the positions of the entries it says."""
    out: list[tuple[float, Reason]] = []
    used: set[int] = set()
    for prefix in ("", "mother_name ", "father_name ", "partner_name "):
        at = {
            part: k
            for k, e in enumerate(evidence)
            for part in _NAME_PARTS
            if e.field == prefix + part and e.level in _AGREE
        }
        if len(at) != 2:
            continue
        given, surname = (evidence[at[p]] for p in _NAME_PARTS)
        value = _joined(given.right, surname.right)
        if value is None:
            continue
        weight = given.weight + surname.weight
        parent = prefix.removesuffix("_name ")
        if parent:
            text = say("same_parent", lang, parent=PARENTS.say(parent, lang), value=value)
        else:
            text = say("same_name", lang, value=value)
        out.append((weight, Reason(text, _stance(weight))))
        used |= set(at.values())
    return out, used


def _joined(given: str | None, surname: str | None) -> str | None:
    given, surname = (given or "").strip(), (surname or "").strip()
    if given and surname and (surname in given or given in surname):
        return given if len(given) >= len(surname) else surname
    return " ".join(x for x in (given, surname) if x) or None


def reasons(evidence: Sequence[Evidence], lang: str, *, chained: bool = False) -> list[Reason]:
    """The explanation as sentences: the rule first, then what speaks for the proposal,
    strongest first, then what speaks against it. ``chained``: the card shows the chain
    of records, so "found through a relative's record" is not said again."""
    first: list[Reason] = []
    merged, used = _merged_names(evidence, lang)
    household = any(e.field == "prior" and e.right == "household" for e in evidence)
    said: list[tuple[float, Reason]] = list(merged)
    for k, e in enumerate(evidence):
        if k in used or e.field in _SKIPPED or e.field.startswith("_") or e.level == "missing":
            continue
        if e.field == "prior":
            sentence = rule_sentence(e.right, e.level, lang)
            if sentence is not None:
                first.append(Reason(sentence, "neutral"))
            continue
        if e.field == "also":
            first += [Reason(s, "for") for s in _also(e.level, lang)]
            continue
        if e.field == "calibration":
            key = "learned.for" if e.weight >= 0 else "learned.against"
            said.append((e.weight, Reason(say(key, lang), _stance(e.weight))))
            continue
        if e.field == TRACK_RECORD:
            sentence = _track_record(e.level, lang)
            if sentence is not None:
                first.append(Reason(sentence, "neutral"))
            continue
        if e.field == VIA_RECORD:
            if not chained:
                first.append(Reason(say("via_record", lang), "neutral"))
            continue
        if e.field == "other_case":
            first.append(Reason(say("other_case", lang), "neutral"))
            continue
        if e.field == "address" and household:
            continue  # the rule said it
        if e.field in ("age_gap", "age"):
            text = _age(e, lang)
        elif e.field == "family_graph":
            text = rule_sentence("family_graph", e.level, lang)
        elif e.field == "named_by":
            text = rule_sentence("named_by", e.level, lang)
        elif e.field == "kept_apart" and f"apart.{e.level}" in REASONS:
            text = say(f"apart.{e.level}", lang)
        else:
            text = _compared(e, lang)
        if text is None:
            key = "sign.for" if e.weight >= 0 else "sign.against"
            text = say(key, lang)
        said.append((e.weight, Reason(text, _stance(e.weight))))
    pros = [r for _w, r in sorted(said, key=lambda x: -x[0]) if r.stance != "against"]
    cons = [r for _w, r in sorted(said, key=lambda x: x[0]) if r.stance == "against"]
    out: list[Reason] = []
    for reason in [*first, *pros, *cons]:
        if reason.text not in {r.text for r in out}:
            out.append(reason)
    return out
