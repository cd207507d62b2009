"""Store contract: batched upserts of many rows, all or nothing."""

from __future__ import annotations

import pytest
from builders import person, tie

from tenhands.graph.errors import InvalidInput, NotFound
from tenhands.graph.model import PartialDate, Person, Sex, Tie, TieKind
from tenhands.graph.store import GraphStore

N = 10_000


def many_persons(n: int = N, surname: str = "Janssens") -> list[Person]:
    return [
        Person(
            id=f"b-{i:05d}",
            given_names=[f"Naam{i}"],
            surname=surname,
            sex=Sex.female if i % 2 else Sex.male,
            birth_date=PartialDate(1950 + i % 60, 1 + i % 12),
        )
        for i in range(n)
    ]


def many_ties(n: int = N) -> list[Tie]:
    return [
        Tie(
            id=f"bt-{i:05d}",
            source_id=f"b-{i:05d}",
            target_id=f"b-{(i + 1) % n:05d}",
            kind=TieKind.friend,
        )
        for i in range(n)
    ]


def test_bulk_upsert_of_ten_thousand_rows(store: GraphStore) -> None:
    assert store.upsert_persons(many_persons(), batch_size=2_000) == N
    assert store.upsert_ties(many_ties(), batch_size=2_000) == N
    assert store.count_persons() == N
    assert store.get_person("b-04242").birth_date == PartialDate(1950 + 4242 % 60, 1 + 4242 % 12)
    assert [t.id for t in store.ties_of("b-00000")] == ["bt-00000", "bt-09999"]


def test_bulk_upsert_replaces_without_duplicating(store: GraphStore) -> None:
    store.upsert_persons(many_persons(500))
    store.upsert_ties(many_ties(500))
    store.upsert_persons(many_persons(500, surname="Peeters"))
    moved = [
        tie(f"bt-{i:05d}", f"b-{i:05d}", f"b-{(i + 2) % 500:05d}", "neighbour") for i in range(500)
    ]
    store.upsert_ties(moved)
    assert store.count_persons() == 500
    assert store.get_person("b-00007").surname == "Peeters"
    assert store.get_tie("bt-00007").target_id == "b-00009"
    assert len(store.ties_of("b-00007")) == 2


def test_failed_tie_batch_writes_nothing(store: GraphStore) -> None:
    store.upsert_persons(many_persons())
    store.upsert_ties([tie("keep", "b-00001", "b-00002")])
    ties = many_ties()
    ties[N - 3] = tie(ties[N - 3].id, "b-00001", "p-ghost")
    with pytest.raises(NotFound, match="p-ghost"):
        store.upsert_ties(ties, batch_size=1_000)
    assert [t.id for t in store.ties_of("b-00001")] == ["keep"]
    assert [t.id for t in store.ties_of("b-00500")] == []


def test_failed_person_batch_writes_nothing(store: GraphStore) -> None:
    store.create_person(person("b-00003", "Blijft"))
    batch = many_persons()
    batch.append(batch[10])
    with pytest.raises(InvalidInput, match="b-00010"):
        store.upsert_persons(batch, batch_size=1_000)
    assert store.count_persons() == 1
    assert store.get_person("b-00003").given_names == ["Blijft"]


def test_duplicate_tie_in_batch_is_invalid(store: GraphStore) -> None:
    store.upsert_persons(many_persons(3))
    with pytest.raises(InvalidInput):
        store.upsert_ties([tie("d", "b-00000", "b-00001"), tie("d", "b-00001", "b-00002")])
    assert store.ties_of("b-00001") == []


def test_negative_pages_and_empty_batches_are_refused(store: GraphStore) -> None:
    store.upsert_persons(many_persons(3))
    with pytest.raises(InvalidInput):
        store.list_persons(limit=-1)
    with pytest.raises(InvalidInput):
        store.list_cases(offset=-5)
    with pytest.raises(InvalidInput):
        store.list_records(limit=-1)
    with pytest.raises(InvalidInput):
        store.upsert_persons(many_persons(3), batch_size=0)
    assert len(store.list_persons(limit=10**12)) == 3
