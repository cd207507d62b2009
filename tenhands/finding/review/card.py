"""A candidate card: what a worker needs to act on one proposal, in Dutch or English,
built once here and said by the review page and the command line alike.

A card says who the candidate is (name, birth date or year, municipality, the source
record and the date it was recorded), which known relative led there and through which
records ("zus van Oma Ria"; "zoon van Annemie De Smet (register, 3 maart 2020), zus van
Oma Ria"), what they would be to the child ("oudtante langs moederskant"), the reasons
in plain sentences (:mod:`.reasons`) and the score as a word band beside the number
("zeker (95%)": :data:`~.card_words.CERTAIN`, :data:`~.card_words.PROBABLE`).

It holds no ids, no weights and no rule codes, and it reads through the case's boundary
(:class:`~tenhands.graph.visibility.CaseBoundary`): a person another case holds is
"someone known in another case" with nothing of theirs, a record gathered for another
case is neither read nor named, and a record the chain went through is named only when
the case may see it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from tenhands.graph.called import known_as
from tenhands.graph.errors import NotFound
from tenhands.graph.model import Candidate, CandidateKind, Evidence, Person, Record
from tenhands.graph.store import GraphStore
from tenhands.graph.visibility import CaseBoundary

from ..kin.found import RELATION_TO_CHILD, VIA_RECORD
from .boundary import Shown, shown
from .card_words import HOPS, CardLang, band, card_lang, percent, pick, say
from .reasons import Reason, date_text, reasons
from .relation_words import relation_label
from .relations import parse_relation

_HOPS = frozenset(
    {
        *("child", "son", "daughter", "parent", "mother", "father"),
        *("sibling", "brother", "sister", "half_sibling", "half_brother", "half_sister"),
        *("partner", "spouse", "husband", "wife"),
    }
)
"""Relations that are one hop from a known person (the card says "zus van Oma Ria");
any other relation is said to the child."""


@dataclass(frozen=True)
class Fact:
    """One line of the card: a label and its value, both in words."""

    label: str
    value: str


@dataclass(frozen=True)
class Card:
    """A proposal as a worker reads it (see the module docstring)."""

    lang: CardLang
    kind: CandidateKind
    title: str
    """One line: "oudtante langs moederskant: Annemie De Smet"."""
    name: str
    band: str
    """The score in a word: zeker, waarschijnlijk, mogelijk (certain, probable, possible)."""
    band_key: str
    """The band's name, the same in every language: ``certain``, ``probable``, ``possible``."""
    percent: str
    """The score as a percentage: "95%"."""
    facts: list[Fact]
    """Who they are, what led there, what they would be to the child."""
    reasons: list[Reason]
    elsewhere: bool = False

    @property
    def score(self) -> str:
        """The band beside the number: "zeker (95%)"."""
        return say("score", self.lang, band=self.band, percent=self.percent)

    @property
    def reasons_label(self) -> str:
        return say("reasons", self.lang)

    @property
    def score_label(self) -> str:
        return say("fact.score", self.lang)

    def lines(self) -> list[str]:
        """The card as lines of text, for a terminal."""
        out = [f"{self.title} — {self.score}"]
        out += [f"  {f.label}: {f.value}" for f in self.facts]
        out.append(f"  {self.reasons_label}:")
        signs = {"for": "+", "against": "−", "neutral": "·"}
        out += [f"    {signs[r.stance]} {r.text}" for r in self.reasons]
        return out


def record_name(record: Record, lang: str) -> str:
    name = " ".join(p for p in (record.given_names, record.surname) if p)
    return name or say("name.unknown", lang)


def source_text(record: Record, lang: str) -> str:
    """The record's source: its name and kind ("Rijksregister-uittreksel (register)")."""
    source = record.provenance.source
    kind = say(f"source.{source.kind.value}", lang)
    return say("source.named", lang, name=source.name, kind=kind) if source.name else kind


def recorded_on(when: datetime, lang: str) -> str:
    return date_text(when.date().isoformat(), lang) or when.date().isoformat()


class _Reader:
    """Persons and records as the case may see them, read once per card set."""

    def __init__(self, store: GraphStore, boundary: CaseBoundary | None) -> None:
        self.store = store
        self.boundary = boundary
        self._persons: dict[str, Person | None] = {}
        self._records: dict[str, Record | None] = {}

    def person(self, person_id: str | None) -> Person | None:
        if person_id is None:
            return None
        if person_id not in self._persons:
            seen = self.boundary is None or self.boundary.sees_person(person_id)
            try:
                self._persons[person_id] = self.store.get_person(person_id) if seen else None
            except NotFound:
                self._persons[person_id] = None
        return self._persons[person_id]

    def record(self, record_id: str | None) -> Record | None:
        if record_id is None:
            return None
        if record_id not in self._records:
            try:
                record: Record | None = self.store.get_record(record_id)
            except NotFound:
                record = None
            if record is not None and self.boundary is not None:
                record = record if self.boundary.sees_record(record) else None
            self._records[record_id] = record
        return self._records[record_id]


def _hop_words(hop: str, sex: str | None, lang: CardLang) -> str:
    """A hop in words with the person's sex where it is known: "zus", "zoon"; a hop
    without words is "verwant"."""
    code = HOPS.get((hop, sex or ""), hop)
    return relation_label(code, lang) or relation_label("relative", lang) or code


def _sex(value: object) -> str | None:
    text = getattr(value, "value", value)
    return str(text) if text else None


def _chain(evidence: Iterable[Evidence]) -> list[Evidence]:
    return [e for e in evidence if e.field == VIA_RECORD]


def _led_by(
    reader: _Reader, candidate: Candidate, sex: str | None, lang: CardLang
) -> tuple[str | None, bool]:
    """Which known relative led to the candidate, through which records, in words; and
    whether the chain of records was said."""
    relation, to = parse_relation(candidate.relation, candidate.relation_to)
    if not relation or to is None:
        return None, False
    known = reader.person(to)
    known_name = known_as(known) if known is not None else say("name.relative", lang)
    if relation.endswith("_relative"):
        return say("led.family", lang, name=known_name), False
    base = relation.removeprefix("maternal_").removeprefix("paternal_")
    if base not in _HOPS:
        return None, False  # a relation to the child: the card says it once, as such
    via = _chain(candidate.explanation)
    links = [e for e in via if e.right]
    steps: list[tuple[str, str | None, str]] = []  # (hop, sex, name) from the candidate in
    hop, hop_sex = base, sex
    for e in reversed(links):
        record = reader.record(e.right)
        name = say("name.relative", lang)
        if record is not None:
            source = record.provenance.source
            name = say(
                "led.record",
                lang,
                name=record_name(record, lang),
                source=source.name or say(f"source.{source.kind.value}", lang),
                date=recorded_on(record.provenance.created_at, lang),
            )
        steps.append((hop, hop_sex, name))
        hop = (e.left or "").removeprefix("maternal_").removeprefix("paternal_")
        hop_sex = _sex(record.sex) if record is not None else None
    steps.append((hop, hop_sex, known_name))
    said = [
        say("led.step", lang, hop=_hop_words(step_hop, step_sex, lang), name=name)
        for step_hop, step_sex, name in steps
    ]
    return ", ".join(said), bool(links)


_SIDES = {"maternal": ("langs moederskant", "on the mother's side"),
          "paternal": ("langs vaderskant", "on the father's side")}  # fmt: skip


def _to_child(candidate: Candidate, lang: CardLang) -> str | None:
    """What the candidate would be to the child, in words; a relation without words is
    said by its side of the family ("familie langs moederskant")."""
    code = next((e.level for e in candidate.explanation if e.field == RELATION_TO_CHILD), None)
    relation = candidate.relation or ""
    if code is None and relation.startswith(tuple(_SIDES)) and not relation.endswith("_relative"):
        code = relation
    if not code:
        return None
    words = relation_label(code, lang)
    side = code.partition("_")[0]
    if words is None and side in _SIDES:
        words = say("family.side", lang, side=pick(_SIDES[side], lang))
    return words


def _who_facts(
    record: Record | None, person: Person | None, lang: CardLang
) -> tuple[list[Fact], str | None]:
    """Birth date, municipality, source and its date; and the sex, for the words."""
    facts: list[Fact] = []
    if record is not None:
        born = date_text(record.birth_date, lang)
        if born:
            facts.append(Fact(say("fact.born", lang), born))
        if record.city:
            facts.append(Fact(say("fact.municipality", lang), record.city))
        elif record.birth_place:
            facts.append(Fact(say("fact.birth_place", lang), record.birth_place))
        facts.append(Fact(say("fact.source", lang), source_text(record, lang)))
        facts.append(
            Fact(say("fact.recorded", lang), recorded_on(record.provenance.created_at, lang))
        )
        return facts, _sex(record.sex)
    if person is not None:
        born = date_text(person.birth_date, lang)
        if born:
            facts.append(Fact(say("fact.born", lang), born))
        city = next((a.city for a in person.addresses if a.city), None)
        if city:
            facts.append(Fact(say("fact.municipality", lang), city))
        elif person.birth_place:
            facts.append(Fact(say("fact.birth_place", lang), person.birth_place))
        return facts, _sex(person.sex)
    return facts, None


def _card(reader: _Reader, seen: Shown, lang: CardLang) -> Card:
    candidate = seen.candidate
    record = None if seen.record_outside else reader.record(candidate.record_id)
    person_id = seen.shown_id(candidate.person_id)
    person = reader.person(person_id)
    if candidate.record_id is not None:
        name = (
            say("name.record_elsewhere", lang)
            if seen.record_outside
            else record_name(record, lang)
            if record is not None
            else say("name.unknown", lang)
        )
    elif person is not None:
        name = known_as(person)
    else:
        name = say("name.elsewhere", lang)
    facts, sex = _who_facts(record, person if record is None else None, lang)
    chained = False
    if candidate.kind is CandidateKind.kin:
        led_by, chained = _led_by(reader, candidate, sex, lang)
        to_child = _to_child(candidate, lang)
        if led_by:
            facts.append(Fact(say("fact.led_by", lang), led_by))
        if to_child:
            facts.append(Fact(say("fact.to_child", lang), to_child))
        if to_child:
            title = say("title.kin", lang, relation=to_child, name=name)
        else:
            title = say("title.kin_unknown", lang, name=name)
    else:
        other_id = (
            candidate.person_id
            if candidate.kind is CandidateKind.match
            else candidate.other_person_id
        )
        other_person = reader.person(seen.shown_id(other_id))
        other = known_as(other_person) if other_person else say("name.elsewhere", lang)
        key = "title.match" if candidate.kind is CandidateKind.match else "title.duplicate"
        title = say(key, lang, name=name, other=other)
    title = title[:1].upper() + title[1:]
    return Card(
        lang=lang,
        kind=candidate.kind,
        title=title,
        name=name,
        band=say(band(candidate.score), lang),
        band_key=band(candidate.score).removeprefix("band."),
        percent=percent(candidate.score, lang),
        facts=facts,
        reasons=reasons(candidate.explanation, lang, chained=chained),
        elsewhere=seen.elsewhere,
    )


def cards_of(store: GraphStore, seen: Iterable[Shown], lang: str) -> list[Card]:
    """Cards of candidates already seen through their case's boundary
    (:func:`~.boundary.shown`), in the order given."""
    out = []
    readers: dict[str | None, _Reader] = {}
    for one in seen:
        case_id = one.candidate.case_id
        if case_id not in readers:
            boundary = None if case_id is None else CaseBoundary.of(store, case_id)
            readers[case_id] = _Reader(store, boundary)
        out.append(_card(readers[case_id], one, card_lang(lang)))
    return out


def shown_cards(
    store: GraphStore, case_id: str, candidates: Iterable[Candidate], lang: str
) -> list[tuple[Shown, Card]]:
    """The case's candidates as those on the case may see them, each with its card, in
    order (:class:`~tenhands.graph.errors.NotFound` for an unknown case)."""
    seen = shown(store, case_id, candidates)
    return list(zip(seen, cards_of(store, seen, lang), strict=True))


def cards(
    store: GraphStore, case_id: str, candidates: Iterable[Candidate], lang: str
) -> list[Card]:
    """The case's candidates as cards, as those on the case may see them, in order
    (:class:`~tenhands.graph.errors.NotFound` for an unknown case)."""
    return cards_of(store, shown(store, case_id, candidates), lang)


__all__ = ["Card", "Fact", "Reason", "cards", "cards_of", "percent", "shown_cards"]
