"""The domain model refuses what cannot be true and keeps what is partly known."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from tenhands.graph.model import (
    Basis,
    Candidate,
    CandidateKind,
    Case,
    Engagement,
    PartialDate,
    Person,
    ScaleScore,
    Tie,
    TieCategory,
    TieKind,
)


@pytest.mark.parametrize(
    ("text", "parts", "precision"),
    [
        ("1958", (1958, None, None), "year"),
        ("1958-04", (1958, 4, None), "month"),
        ("1958-04-12", (1958, 4, 12), "day"),
        ("2024-02-29", (2024, 2, 29), "day"),
    ],
)
def test_partial_dates_parse(
    text: str, parts: tuple[int, int | None, int | None], precision: str
) -> None:
    d = PartialDate.parse(text)
    assert (d.year, d.month, d.day) == parts
    assert d.precision == precision
    assert str(d) == text


@pytest.mark.parametrize(
    "text", ["58", "1958-13", "1958-02-30", "2023-02-29", "12/04/1958", "", "0000"]
)
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_partial_date_bounds_ordering_and_overlap() -> None:
    year, month, day = (PartialDate.parse(t) for t in ("1958", "1958-02", "1958-02-14"))
    assert year.latest() == date(1958, 12, 31)
    assert month.latest() == date(1958, 2, 28)
    assert year < month < day
    assert sorted([day, year, month]) == [year, month, day]
    assert year.may_be(day) and month.may_be(day)
    assert not PartialDate.parse("1958-03").may_be(day)
    assert PartialDate.parse("1958~").approximate


def test_age_range_on_a_day() -> None:
    assert PartialDate.parse("2017-03-05").age_range(date(2026, 11, 23)) == (9, 9)
    assert PartialDate.parse("2017").age_range(date(2026, 11, 23)) == (8, 9)
    with pytest.raises(ValueError):
        PartialDate.parse("2030").age_range(date(2026, 1, 1))


def test_partial_dates_in_models_accept_text_dates_and_years() -> None:
    p = Person(given_names=["Lina"], birth_date="2017-03")  # type: ignore[arg-type]
    assert p.birth_date == PartialDate(2017, 3)
    assert Person(birth_date=date(2017, 3, 5)).birth_date == PartialDate(2017, 3, 5)  # type: ignore[arg-type]
    assert Person(birth_date=1960).birth_date == PartialDate(1960)  # type: ignore[arg-type]
    assert p.model_dump(mode="json")["birth_date"] == "2017-03"
    with pytest.raises(ValidationError, match="YYYY"):
        Person(birth_date="05/03/2017")  # type: ignore[arg-type]


def test_person_consistency() -> None:
    with pytest.raises(ValidationError, match="deceased"):
        Person(death_date="2020")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="before birth"):
        Person(birth_date="2000", deceased=True, death_date="1999")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Person(given_names=[""])
    with pytest.raises(ValidationError):
        Person(contact={"emails": ["not an address"]})  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Person(id="has spaces")
    with pytest.raises(ValidationError):
        Person(favourite_colour="blue")  # type: ignore[call-arg]


def test_person_names() -> None:
    ria = Person(given_names=["Maria", "Josepha"], surname="Peeters", aliases=["Ria"])
    assert ria.first_name == "Ria"
    assert ria.display_name == "Maria Josepha Peeters"
    assert Person(surname="Peeters").first_name == "Peeters"


def test_tie_rules_and_defaults() -> None:
    with pytest.raises(ValidationError, match="two different"):
        Tie(source_id="a", target_id="a", kind=TieKind.friend)
    with pytest.raises(ValidationError, match="until"):
        Tie(source_id="a", target_id="b", kind=TieKind.partner, since="2010", until="2009")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="partner_status"):
        Tie(source_id="a", target_id="b", kind=TieKind.friend, partner_status="married")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Tie(source_id="a", target_id="b", kind=TieKind.friend, confidence=1.5)
    assert Tie(source_id="a", target_id="b", kind=TieKind.parent).basis is Basis.biological
    assert Tie(source_id="a", target_id="b", kind=TieKind.guardian).basis is Basis.legal
    assert Tie(source_id="a", target_id="b", kind=TieKind.step_parent).basis is Basis.social
    adoptive = Tie(source_id="a", target_id="b", kind=TieKind.parent, basis=Basis.adoptive)
    assert adoptive.basis is Basis.adoptive
    assert adoptive.other("a") == "b" and adoptive.other("b") == "a"


def test_every_tie_kind_has_a_category() -> None:
    assert {k.category for k in TieKind} == set(TieCategory)
    assert TieKind.parent.directed and not TieKind.sibling.directed
    assert TieKind.teacher.category is TieCategory.informal
    assert TieKind.professional.category is TieCategory.professional


def test_case_engagement_plan_and_candidate_rules() -> None:
    with pytest.raises(ValidationError):
        Case(title="Leeg", child_ids=[])
    with pytest.raises(ValidationError, match="twice"):
        Case(title="Dubbel", child_ids=["a", "a"])
    assert Engagement.committed.stage == 4 and Engagement.declined.stage is None
    assert Engagement.located.active and not Engagement.no_contact.active
    with pytest.raises(ValidationError):
        ScaleScore(person_id="a", score=11, on=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="person or a label"):
        ScaleScore(score=5, on=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="two persons"):
        Candidate(kind=CandidateKind.duplicate, person_id="a", score=0.5)
    with pytest.raises(ValidationError, match="record or a person"):
        Candidate(kind=CandidateKind.match, score=0.5)
