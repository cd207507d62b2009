"""The plausibility rule on persons and parent ties, and on a change of a stored person
(over a real SQLite store): errors for the impossible, warnings for the unlikely, and a
warning already confirmed is not asked again."""

from __future__ import annotations

from datetime import date

from builders import case, person, role, tie

from tenhands.graph.model import TieKind
from tenhands.graph.plausibility import (
    Severity,
    check_parent,
    check_person,
    check_stored_change,
    check_tie_change,
    errors,
    warnings,
)
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.graph.visibility import CaseBoundary

TODAY = date(2026, 12, 7)


def codes(findings: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(f.field, f.code) for f in findings]


def test_dates_in_the_future_and_death_before_birth_are_errors() -> None:
    assert codes(check_person(person("p", birth_date="2031"), today=TODAY)) == [
        ("birth_date", "born_in_future")
    ]
    tomorrow = person("p", birth_date="1950", deceased=True, death_date="2026-12-08")
    found = check_person(tomorrow, today=TODAY)
    assert codes(found) == [("death_date", "died_in_future")]
    assert errors(found) == found and warnings(found) == []
    # today, and a month or year that has begun, are not the future
    assert check_person(person("p", birth_date="2026-12-07"), today=TODAY) == []
    assert check_person(person("p", birth_date="2026-12"), today=TODAY) == []


def test_phones_and_postcodes_of_an_odd_shape_are_warnings() -> None:
    odd = person(
        "p",
        contact={"phones": ["0470 12 34 56", "abc", "123"]},
        addresses=[{"postcode": "900", "city": "Gent"}],
    )
    found = check_person(odd, today=TODAY)
    assert codes(found) == [
        ("contact.phones", "phone_shape"),
        ("contact.phones", "phone_shape"),
        ("addresses.postcode", "postcode_shape"),
    ]
    assert all(f.severity is Severity.warning for f in found)
    assert found[0].sentence == "'abc' does not look like a phone number."
    dutch = person("p", addresses=[{"postcode": "1011 AB", "country": "NL"}])
    assert check_person(dutch, today=TODAY) == []


def test_a_parent_needs_twelve_years_and_a_grandparent_twenty_four() -> None:
    child = person("c", birth_date="2017-05-01")
    assert check_parent(TieKind.parent, person("p", birth_date="2005-05-01"), child) == []
    young = check_parent(TieKind.parent, person("p", birth_date="2005-05-02"), child)
    assert codes(young) == [("tie", "young_parent")] and young[0].values == {"years": 11}
    assert codes(check_parent(TieKind.grandparent, person("g", birth_date="2000"), child)) == [
        ("tie", "young_grandparent")
    ]
    assert codes(check_parent(TieKind.parent, person("p", birth_date="2031"), child)) == [
        ("tie", "born_after_child")
    ]
    # a guessed year gives the benefit of the doubt; no birth date, no question
    assert check_parent(TieKind.parent, person("p", birth_date="2005"), child) == []
    assert check_parent(TieKind.parent, person("p"), child) == []
    assert check_parent(TieKind.friend, person("p", birth_date="2016"), child) == []


def test_a_tie_change_asks_only_what_is_new() -> None:
    persons = {
        "c": person("c", birth_date="2017"),
        "p": person("p", birth_date="2010"),
    }
    friend = tie("t", "p", "c", "friend")
    parent = friend.model_copy(update={"kind": TieKind.parent})
    assert codes(check_tie_change(parent, persons)) == [("tie", "young_parent")]
    assert codes(check_tie_change(parent, persons, before=friend)) == [("tie", "young_parent")]
    assert check_tie_change(parent, persons, before=parent) == []


def test_a_stored_person_is_checked_against_the_ties_the_viewer_may_see(
    sqlite_store: SqliteStore,
) -> None:
    store = sqlite_store
    for p in (
        person("kid", birth_date="2017-05-01"),
        person("mum", birth_date="1990"),
        person("other-kid", birth_date="2016"),
    ):
        store.create_person(p)
    store.create_case(case("c1", "kid"))
    store.set_role(role("c1", "mum"))
    store.create_case(case("c2", "other-kid"))
    store.create_tie(tie("t1", "mum", "kid", "parent"))
    store.create_tie(tie("t2", "mum", "other-kid", "parent"))
    stored = store.get_person("mum")
    younger = stored.model_copy(update={"birth_date": stored.birth_date.__class__(2008)})
    everything = check_stored_change(store, younger, today=TODAY, before=stored)
    assert codes(everything) == [("tie", "young_parent")] * 2
    boundary = CaseBoundary.of(store, "c1")
    seen = check_stored_change(store, younger, today=TODAY, before=stored, viewer=boundary)
    assert len(seen) == 1  # the other case's child is not looked at
    # a phone confirmed before is not asked again; an error always is
    odd = stored.model_copy(update={"contact": stored.contact.model_copy(update={"phones": ["x"]})})
    store.update_person(odd)
    again = odd.model_copy(update={"surname": "Anders"})
    assert check_stored_change(store, again, today=TODAY, before=odd) == []
    future = odd.model_copy(update={"birth_date": stored.birth_date.__class__(2031)})
    assert codes(check_stored_change(store, future, today=TODAY, before=odd))[0] == (
        "birth_date",
        "born_in_future",
    )
