"""The candidate card: who the candidate is, the relative and records that led there,
what they would be to the child, the reasons in plain Dutch or English, the score as a
word band; and nothing a case may not see."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from builders import case, person, role, tie

from tenhands.finding.kin import KinFinder, search_case
from tenhands.finding.kin import finder as kin_finder
from tenhands.finding.review.card import Card, cards
from tenhands.finding.review.card_words import RULE_TEXTS, RULES
from tenhands.graph.model import (
    Address,
    Candidate,
    CandidateKind,
    Evidence,
    PartialDate,
    Provenance,
    Record,
    Sex,
    SourceKind,
    SourceRef,
)
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore

CASE, OTHER = "c-card", "c-else"
RECORDED = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)
ID = re.compile(r"\b(?:p|r|c|m)-[a-z0-9-]+\b")
ENGLISH_LEVELS = (
    "exact",
    "same year",
    "born ",
    "a relative's own record",
    "names a known relative",
    "missing",
    "different",
)


def _record(rid: str, given: str, surname: str, **extra: object) -> Record:
    born = extra.pop("born", None)
    return Record(
        id=rid,
        given_names=given,
        surname=surname,
        birth_date=PartialDate.parse(str(born)) if born else None,
        provenance=Provenance(
            created_at=RECORDED,
            source=SourceRef(kind=SourceKind.registry, name="Rijksregister 2025"),
        ),
        **extra,  # type: ignore[arg-type]
    )


def seed(store: GraphStore) -> None:
    """Lien (the child), her mother An, An's mother Maria ("Oma Ria"); in another case,
    Walter. Records: Ria's sister Annemie, Annemie's son Thomas, and a record gathered
    for the other case."""
    store.upsert_persons(
        [
            person("p-lien", "Lien", "Wyckaert", sex="female"),
            person("p-an", "An", "Wyckaert", sex="female"),
            person(
                "p-ria", "Maria", "Dhondt", sex="female", aliases=["Ria", "Oma Ria"],
                birth_date=PartialDate.parse("1961-07-09"),
            ),
            person(
                "p-walter", "Walter", "Geheim", sex="male",
                addresses=[Address(city="Verweg")],
            ),
        ]
    )  # fmt: skip
    store.upsert_ties(
        [tie("t-1", "p-an", "p-lien", "parent"), tie("t-2", "p-ria", "p-an", "parent")]
    )
    store.create_case(case(CASE, "p-lien"))
    store.create_case(case(OTHER, "p-walter"))
    store.upsert_roles([role(CASE, "p-an"), role(CASE, "p-ria")])
    store.add_records(
        [
            _record("r-annemie", "Annemie", "Dhondt", sex=Sex.female, born="1964-02-19",
                    city="Maldegem", mother_name="Jeanne Dhondt"),
            _record("r-thomas", "Thomas", "Verhaeghe", sex=Sex.male, born="1990",
                    city="Brugge", mother_name="Annemie Dhondt"),
            _record("r-secret", "Geheime", "Persoon", sex=Sex.female, born="1970",
                    city="Verweg", case_id=OTHER),
        ]
    )  # fmt: skip


def _sister(score: float = 0.95) -> Candidate:
    return Candidate(
        id="m-sister",
        kind=CandidateKind.kin,
        case_id=CASE,
        record_id="r-annemie",
        relation="sibling",
        relation_to="p-ria",
        score=score,
        explanation=[
            Evidence(field="prior", level="same parents as a relative's record",
                     right="same_parents", weight=-2.3),
            Evidence(field="mother_name given_names", left="Jeanne Dhondt",
                     right="Jeanne Dhondt", level="exact", weight=0.5),
            Evidence(field="mother_name surname", left="Jeanne Dhondt",
                     right="Jeanne Dhondt", level="exact", weight=1.9),
            Evidence(field="age_gap", left="1961-07-09", right="1964-02-19",
                     level="born -25 to 25 years after", weight=1.5),
            Evidence(field="birth_place", left="Eeklo", right="Maldegem", level="different",
                     weight=-0.7),
            Evidence(field="calibration", level="learned from workers' decisions",
                     right="same_parents", weight=0.4),
            Evidence(field="relation_to_child", level="maternal_great_aunt", weight=0.0),
        ],
    )  # fmt: skip


def _facts(card: Card) -> dict[str, str]:
    return {f.label: f.value for f in card.facts}


def _all_text(card: Card) -> str:
    return "\n".join(card.lines())


def test_a_kin_card_in_dutch(store: GraphStore) -> None:
    seed(store)
    (card,) = cards(store, CASE, [_sister()], "nl")
    assert card.title == "Oudtante langs moederskant: Annemie Dhondt"
    assert (card.band, card.percent, card.score) == ("zeker", "95%", "zeker (95%)")
    assert _facts(card) == {
        "Geboren": "19 februari 1964",
        "Gemeente": "Maldegem",
        "Bron": "Rijksregister 2025 (register)",
        "Opgenomen op": "4 maart 2025",
        "Gevonden via": "zus van Oma Ria",
        "Voor het kind": "oudtante langs moederskant",
    }
    assert [(r.text, r.stance) for r in card.reasons] == [
        ("Dezelfde ouders als in het record van een familielid.", "neutral"),
        ("Noemt dezelfde moeder: Jeanne Dhondt.", "for"),
        ("3 jaar jonger dan het familielid: dat past.", "for"),
        ("Werkers aanvaardden eerdere voorstellen van deze soort vaak.", "for"),
        ("De geboorteplaats verschilt: Eeklo en Maldegem.", "against"),
    ]
    text = _all_text(card)
    assert not ID.search(text) and "bits" not in text and "maternal" not in text
    assert not any(level in text for level in ENGLISH_LEVELS)


def test_the_same_card_in_english(store: GraphStore) -> None:
    seed(store)
    (card,) = cards(store, CASE, [_sister()], "en")
    assert card.title == "Great-aunt on the mother's side: Annemie Dhondt"
    assert card.score == "certain (95%)"
    assert _facts(card) == {
        "Born": "19 February 1964",
        "Municipality": "Maldegem",
        "Source": "Rijksregister 2025 (registry)",
        "Recorded on": "4 March 2025",
        "Found through": "sister of Oma Ria",
        "To the child": "great-aunt on the mother's side",
    }
    assert card.reasons[1].text == "Names the same mother: Jeanne Dhondt."
    assert card.reasons[-1].text == "The birth place differs: Eeklo and Maldegem."


@pytest.mark.parametrize(
    ("relation", "led_by"),
    [("sister", "zus van Oma Ria"), ("sister_of:p-ria", "zus van Oma Ria"),
     ("child", "dochter van Oma Ria"), ("maternal_relative", "familie van Oma Ria")],
)  # fmt: skip
def test_the_hop_to_the_known_relative(store: GraphStore, relation: str, led_by: str) -> None:
    seed(store)
    candidate = _sister().model_copy(update={"relation": relation})
    assert _facts(cards(store, CASE, [candidate], "nl")[0])["Gevonden via"] == led_by


@pytest.mark.parametrize(
    ("score", "nl", "en"),
    [
        (0.9, "zeker", "certain"),
        (0.89, "waarschijnlijk", "probable"),
        (0.6, "waarschijnlijk", "probable"),
        (0.59, "mogelijk", "possible"),
        (0.05, "mogelijk", "possible"),
    ],
)
def test_the_score_bands(store: GraphStore, score: float, nl: str, en: str) -> None:
    seed(store)
    assert cards(store, CASE, [_sister(score)], "nl")[0].band == nl
    assert cards(store, CASE, [_sister(score)], "en")[0].band == en


def _chained(via: list[Evidence]) -> Candidate:
    return Candidate(
        id="m-thomas",
        kind=CandidateKind.kin,
        case_id=CASE,
        record_id="r-thomas",
        relation="child",
        relation_to="p-ria",
        score=0.7,
        explanation=[
            Evidence(field="prior", level="names a known relative as parent",
                     right="named_parent", weight=-2.0),
            *via,
            Evidence(field="mother_name given_names", left="Annemie Dhondt",
                     right="Annemie Dhondt", level="exact", weight=1.2),
            Evidence(field="mother_name surname", left="Annemie Dhondt",
                     right="Annemie Dhondt", level="exact", weight=2.6),
            Evidence(field="relation_to_child", level="maternal_first_cousin_once_removed",
                     weight=0.0),
        ],
    )  # fmt: skip


def test_a_chain_through_a_record_is_said_with_the_record_its_source_and_date(
    store: GraphStore,
) -> None:
    seed(store)
    via = Evidence(field="via_record", left="sibling", right="r-annemie",
                   level="a relative's own record", weight=-0.1)  # fmt: skip
    (nl,) = cards(store, CASE, [_chained([via])], "nl")
    (en,) = cards(store, CASE, [_chained([via])], "en")
    assert _facts(nl)["Gevonden via"] == (
        "zoon van Annemie Dhondt (Rijksregister 2025, 4 maart 2025), zus van Oma Ria"
    )
    assert _facts(en)["Found through"] == (
        "son of Annemie Dhondt (Rijksregister 2025, 4 March 2025), sister of Oma Ria"
    )
    assert _facts(nl)["Voor het kind"] == "familie langs moederskant"  # no word for the code
    assert "Gevonden via het eigen record" not in _all_text(nl)  # the chain says it
    assert not ID.search(_all_text(nl)) and not ID.search(_all_text(en))


def test_a_chain_without_record_ids_is_said_without_a_chain(store: GraphStore) -> None:
    seed(store)
    via = Evidence(field="via_record", level="a relative's own record", weight=-0.1)
    candidate = _chained([via]).model_copy(
        update={"relation": "maternal_first_cousin_once_removed", "relation_to": "p-lien"}
    )
    (card,) = cards(store, CASE, [candidate], "nl")
    assert "Gevonden via" not in _facts(card)
    assert card.reasons[1].text == "Gevonden via het eigen record van een familielid."
    assert card.title == "Familie langs moederskant: Thomas Verhaeghe"


def test_a_chain_through_another_cases_record_does_not_name_it(store: GraphStore) -> None:
    seed(store)
    via = Evidence(field="via_record", left="sibling", right="r-secret",
                   level="a relative's own record", weight=-0.1)  # fmt: skip
    (card,) = cards(store, CASE, [_chained([via])], "nl")
    assert _facts(card)["Gevonden via"] == "zoon van een familielid, broer/zus van Oma Ria"
    assert "Geheim" not in _all_text(card) and "Verweg" not in _all_text(card)


def test_nothing_of_a_person_another_case_holds(store: GraphStore) -> None:
    seed(store)
    candidate = Candidate(
        id="m-walter", kind=CandidateKind.kin, case_id=CASE, person_id="p-walter",
        relation="maternal_great_uncle", relation_to="p-lien", score=0.97,
        explanation=[
            Evidence(field="other_case", level="may also be known in another case; ask its "
                     "worker to share them", weight=5.0),
            Evidence(field="relation_to_child", level="maternal_great_uncle", weight=0.0),
        ],
    )  # fmt: skip
    for lang, name in (("nl", "iemand gekend in een ander dossier"),
                       ("en", "someone known in another case")):  # fmt: skip
        (card,) = cards(store, CASE, [candidate], lang)
        assert card.elsewhere and card.name == name
        text = _all_text(card)
        assert "Walter" not in text and "Geheim" not in text and "Verweg" not in text
        assert [f.label for f in card.facts] == [
            {"nl": "Voor het kind", "en": "To the child"}[lang]
        ]
    assert (
        cards(store, CASE, [candidate], "nl")[0]
        .reasons[0]
        .text.startswith("Misschien al gekend in een ander dossier")
    )


def test_a_record_gathered_for_another_case_is_not_read(store: GraphStore) -> None:
    seed(store)
    candidate = Candidate(
        id="m-secret", kind=CandidateKind.kin, case_id=CASE, record_id="r-secret",
        relation="sibling", relation_to="p-ria", score=0.8,
        explanation=[Evidence(field="given_names", left="Maria", right="Geheime",
                              level="different", weight=-1.0)],
    )  # fmt: skip
    (card,) = cards(store, CASE, [candidate], "nl")
    text = _all_text(card)
    assert card.name == "een record van een ander dossier"
    assert "Geheim" not in text and "Verweg" not in text and "1970" not in text


def test_match_and_duplicate_cards_name_the_known_person(store: GraphStore) -> None:
    seed(store)
    match = Candidate(
        id="m-match", kind=CandidateKind.match, case_id=CASE, record_id="r-annemie",
        person_id="p-ria", score=0.65,
        explanation=[
            Evidence(field="prior", level="base rate", weight=-9.0),
            Evidence(field="birth_date", left="1961-07-09", right="1964-02-19",
                     level="different", weight=-8.0),
        ],
    )  # fmt: skip
    twice = Candidate(
        id="m-twice", kind=CandidateKind.duplicate, case_id=CASE, person_id="p-an",
        other_person_id="p-walter", score=0.4,
        explanation=[Evidence(field="prior", level="the same person entered twice",
                              right="duplicate", weight=1.0)],
    )  # fmt: skip
    m, d = cards(store, CASE, [match, twice], "nl")
    assert m.title == "Gegeven van Oma Ria: Annemie Dhondt" and m.band == "waarschijnlijk"
    assert [r.text for r in m.reasons] == [
        "Een andere geboortedatum: 9 juli 1961 en 19 februari 1964."
    ]
    assert d.title == "Twee keer bewaard: An Wyckaert en iemand gekend in een ander dossier"
    assert [r.text for r in d.reasons] == ["Lijkt dezelfde persoon, twee keer ingevoerd."]
    assert "Walter" not in _all_text(d)


def test_every_rule_of_the_kin_search_has_words() -> None:
    for rule, text in kin_finder._RULE_TEXT.items():
        assert rule in RULES, f"the card has no words for the rule {rule!r}"
        assert RULE_TEXTS[rule] == text, f"the rule {rule!r} is said otherwise now"


def test_the_demo_search_is_said_in_plain_words(sqlite_store: SqliteStore) -> None:
    """Every finding of a real search over the demo is said without a fallback, an id or
    an English word on the Dutch card."""
    from tenhands.demo.seed import seed_demo

    case_id = seed_demo(sqlite_store)
    search = search_case(sqlite_store, KinFinder(), case_id, actor="test", limit=20)
    found = [f.candidate(case_id) for f in [*search.kin, *search.matches, *search.duplicates]]
    assert len(found) >= 5
    for lang in ("nl", "en"):
        for card in cards(sqlite_store, case_id, found, lang):
            text = _all_text(card)
            assert not ID.search(text) and "demo-rec" not in text, text
            assert "aanwijzing pleit" not in text and "Another sign" not in text, text
            if lang == "nl":
                assert not any(level in text for level in ENGLISH_LEVELS), text
