"""Store contract: persons. Runs against every store (see tests/conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from builders import case, person, role, tie

from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import (
    Address,
    Confidential,
    Contact,
    DateQualifier,
    PartialDate,
    Person,
    Provenance,
    Sex,
    SourceKind,
    SourceRef,
)
from tenhands.graph.store import GraphStore

UNICODE_NAMES = [
    ("François", "Çelik"),
    ("Zoë", "Vanderstraeten"),
    ("Ayşe", "Ağaoğlu"),
    ("Jürgen", "Großmann"),
    ("محمد", "العمراني"),
]


def full_person(pid: str = "p-full") -> Person:
    return Person(
        id=pid,
        given_names=["Maria", "Josepha"],
        surname="Peeters",
        birth_surname="Van den Bossche",
        aliases=["Oma Ria", "Mieke"],
        sex=Sex.female,
        birth_date=PartialDate.parse("1958-04"),
        birth_place="Gent",
        deceased=True,
        death_date=PartialDate.parse("2021-11-03"),
        death_place="Gent",
        addresses=[
            Address(
                street="Kouter",
                house_number="12 bus 3",
                postcode="9000",
                city="Gent",
                country="BE",
                since=PartialDate.parse("abt 1990"),
            )
        ],
        contact=Contact(phones=["+32 470 12 34 56"], emails=["ria@example.be"]),
        language="nl",
        notes="Spreekt ook Frans.",
        confidential={Confidential.address, Confidential.contact},
        provenance=Provenance(
            created_by="worker-1",
            created_at=datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC),
            source=SourceRef(kind=SourceKind.registry, name="rijksregister.csv", ref="row 17"),
        ),
    )


def test_person_round_trip_keeps_every_field(store: GraphStore) -> None:
    original = full_person()
    store.create_person(original)
    back = store.get_person(original.id)
    assert back == original
    assert back.birth_date is not None and back.birth_date.precision == "month"
    assert back.addresses[0].since == PartialDate(1990, qualifier=DateQualifier.about)


@pytest.mark.parametrize(
    "text", ["1958", "1958-04", "1958-04-12", "abt 1958", "bef 1900-02", "bet 1850 and 1860-05"]
)
def test_partial_dates_round_trip(store: GraphStore, text: str) -> None:
    store.create_person(person("p-d", birth_date=PartialDate.parse(text)))
    assert str(store.get_person("p-d").birth_date) == text


def test_unicode_names_round_trip(store: GraphStore) -> None:
    for n, (given, surname) in enumerate(UNICODE_NAMES):
        store.create_person(person(f"p-u{n}", given, surname))
    for n, (given, surname) in enumerate(UNICODE_NAMES):
        back = store.get_person(f"p-u{n}")
        assert (back.given_names, back.surname) == ([given], surname)


def test_unknown_person_is_not_found(store: GraphStore) -> None:
    with pytest.raises(NotFound, match="p-nobody"):
        store.get_person("p-nobody")
    with pytest.raises(NotFound):
        store.update_person(person("p-nobody"))
    with pytest.raises(NotFound):
        store.delete_person("p-nobody")
    with pytest.raises(NotFound):
        store.ties_of("p-nobody")
    with pytest.raises(NotFound):
        store.cases_of("p-nobody")


def test_duplicate_person_id_is_a_conflict_and_keeps_the_original(store: GraphStore) -> None:
    store.create_person(person("p-1", "Jan"))
    with pytest.raises(Conflict):
        store.create_person(person("p-1", "Piet"))
    assert store.get_person("p-1").given_names == ["Jan"]


def test_update_replaces_the_person(store: GraphStore) -> None:
    store.create_person(person("p-1", "Jan", "Peeters"))
    store.update_person(person("p-1", "Jan", "Janssens", aliases=["Jef"]))
    back = store.get_person("p-1")
    assert (back.surname, back.aliases) == ("Janssens", ["Jef"])
    assert store.count_persons() == 1


def test_list_persons_orders_by_id_and_pages(store: GraphStore) -> None:
    for pid in ["p-c", "p-a", "p-e", "p-b", "p-d"]:
        store.create_person(person(pid))
    assert [p.id for p in store.list_persons()] == ["p-a", "p-b", "p-c", "p-d", "p-e"]
    assert [p.id for p in store.list_persons(limit=2, offset=2)] == ["p-c", "p-d"]
    assert store.count_persons() == 5


def test_get_persons_keeps_the_order_asked_and_skips_missing(store: GraphStore) -> None:
    for pid in ["p-a", "p-b", "p-c"]:
        store.create_person(person(pid))
    got = store.get_persons(["p-c", "p-missing", "p-a"])
    assert [p.id for p in got] == ["p-c", "p-a"]


def test_delete_person_with_ties_needs_cascade(store: GraphStore) -> None:
    for pid in ["p-kid", "p-mum", "p-aunt"]:
        store.create_person(person(pid))
    store.create_tie(tie("t-1", "p-mum", "p-aunt", "sibling"))
    store.create_tie(tie("t-2", "p-mum", "p-kid", "parent"))
    store.create_case(case("c-1", "p-kid"))
    store.set_role(role("c-1", "p-mum"))

    with pytest.raises(Conflict, match="cascade"):
        store.delete_person("p-mum")
    assert store.get_person("p-mum").id == "p-mum"
    assert len(store.ties_of("p-mum")) == 2

    store.delete_person("p-mum", cascade=True)
    with pytest.raises(NotFound):
        store.get_person("p-mum")
    with pytest.raises(NotFound):
        store.get_tie("t-1")
    assert store.ties_of("p-aunt") == []
    assert store.list_roles("c-1") == []
    assert store.get_person("p-aunt").id == "p-aunt"


def test_a_child_of_a_case_is_never_deleted(store: GraphStore) -> None:
    store.create_person(person("p-kid"))
    store.create_case(case("c-1", "p-kid"))
    with pytest.raises(Conflict, match="c-1"):
        store.delete_person("p-kid", cascade=True)
    assert store.get_person("p-kid").id == "p-kid"


def test_delete_person_without_ties(store: GraphStore) -> None:
    store.create_person(person("p-1"))
    store.delete_person("p-1")
    assert store.count_persons() == 0


def test_find_persons_by_the_source_they_came_from(store: GraphStore) -> None:
    def from_file(pid: str, ref: str, name: str) -> Person:
        source = SourceRef(kind=SourceKind.gedcom, name=name, ref=ref)
        return person(pid, provenance=Provenance(source=source))

    store.upsert_persons(
        [
            from_file("p-2", "@I35@", "stamboom.ged"),
            from_file("p-1", "@I35@", "andere.ged"),
            from_file("p-3", "@I36@", "stamboom.ged"),
            person("p-4"),
        ]
    )
    assert [p.id for p in store.find_persons_by_source("@I35@")] == ["p-1", "p-2"]
    assert [p.id for p in store.find_persons_by_source("@I35@", name="stamboom.ged")] == ["p-2"]
    assert store.find_persons_by_source("@I99@") == []
    store.update_person(from_file("p-3", "@I99@", "stamboom.ged"))
    assert [p.id for p in store.find_persons_by_source("@I99@")] == ["p-3"]
    assert store.find_persons_by_source("@I36@") == []
