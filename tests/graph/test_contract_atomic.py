"""Units of work: ``atomic`` keeps many store calls together (all or nothing, reads that
see the unit's own writes, nested units joining the outer one), and ``hold`` makes units
about the same thing run one after the other, so a decision read in one is still true
when it writes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from builders import case, person, role, tie

from tenhands.graph.errors import Conflict, InvalidInput, NotFound
from tenhands.graph.model import (
    Candidate,
    CandidateKind,
    Plan,
    Record,
    ReviewStatus,
)
from tenhands.graph.store import HOLD_KINDS, GraphStore
from tenhands.graph.stores.sqlite import SqliteStore

RACERS = 8


class Stop(Exception):
    """A unit's own failure, after some of its writes."""


def _world(store: GraphStore) -> None:
    store.create_person(person("kind"))
    store.create_case(case("c-1", "kind"))
    store.add_records([Record(id="r-1", given_names="Mira", surname="Testers")])
    store.save_candidate(
        Candidate(id="k-1", kind=CandidateKind.kin, case_id="c-1", record_id="r-1", score=0.9)
    )


def test_a_failure_half_way_leaves_nothing(store: GraphStore) -> None:
    _world(store)

    def work(unit: GraphStore) -> None:
        unit.create_person(person("a"))
        unit.create_person(person("b"))
        unit.create_tie(tie("t-1", "a", "b", "sibling"))
        unit.set_role(role("c-1", "a"))
        unit.update_person(person("kind", surname="Anders"))
        raise Stop

    with pytest.raises(Stop):
        store.atomic(work)
    assert store.get_persons(["a", "b"]) == []
    assert store.list_roles("c-1") == []
    assert store.get_person("kind").surname == "Persoon"


def test_a_store_error_half_way_leaves_nothing_and_goes_out_as_it_is(store: GraphStore) -> None:
    _world(store)

    def work(unit: GraphStore) -> None:
        unit.create_person(person("a"))
        unit.create_tie(tie("t-1", "a", "nobody"))

    with pytest.raises(NotFound, match="nobody"):
        store.atomic(work)
    assert store.get_persons(["a"]) == []

    def clash(unit: GraphStore) -> None:
        unit.create_person(person("a"))
        unit.create_person(person("kind"))  # taken

    with pytest.raises(Conflict):
        store.atomic(clash)
    assert store.get_persons(["a"]) == []


def test_all_writes_are_kept_and_the_result_comes_back(store: GraphStore) -> None:
    _world(store)

    def work(unit: GraphStore) -> int:
        unit.upsert_persons([person("a"), person("b")])
        unit.upsert_ties([tie("t-1", "a", "b", "sibling")])
        unit.upsert_roles([role("c-1", "a"), role("c-1", "b")])
        unit.add_plan(Plan(id="n-1", case_id="c-1"))
        return unit.count_persons()

    assert store.atomic(work) == 3
    assert [r.person_id for r in store.list_roles("c-1")] == ["a", "b"]
    assert [t.id for t in store.ties_of("a")] == ["t-1"]
    assert store.get_plan("n-1").case_id == "c-1"


def test_reads_inside_see_the_units_own_writes_and_others_do_not(store: GraphStore) -> None:
    _world(store)
    seen_outside: list[object] = []

    def look_from_elsewhere() -> None:
        try:
            seen_outside.append(store.get_person("a"))
        except NotFound as exc:
            seen_outside.append(exc)

    def work(unit: GraphStore) -> tuple[str, list[str], list[str], int]:
        unit.create_person(person("a", surname="Binnen"))
        unit.create_tie(tie("t-1", "a", "kind", "grandparent"))
        unit.set_role(role("c-1", "a"))
        other = threading.Thread(target=look_from_elsewhere)
        other.start()
        other.join(10)
        return (
            unit.get_person("a").surname,
            [r.person_id for r in unit.list_roles("c-1")],
            sorted(unit.case_subgraph("c-1").nodes),
            unit.neighbourhood("kind", 1).number_of_nodes(),
        )

    assert store.atomic(work) == ("Binnen", ["a"], ["a", "kind"], 2)
    assert len(seen_outside) == 1 and isinstance(seen_outside[0], NotFound)
    assert store.get_person("a").surname == "Binnen"


def test_a_nested_unit_joins_the_outer_one(store: GraphStore) -> None:
    _world(store)

    def inner(unit: GraphStore) -> str:
        unit.create_person(person("b"))
        return unit.get_person("a").id  # the outer unit's write

    def outer(unit: GraphStore) -> str:
        unit.create_person(person("a"))
        found = unit.atomic(inner)
        raise Stop(found)

    with pytest.raises(Stop, match="a"):
        store.atomic(outer)
    assert store.get_persons(["a", "b"]) == []  # the inner unit went with the outer

    def outer_ok(unit: GraphStore) -> str:
        unit.create_person(person("a"))
        return unit.atomic(inner)

    assert store.atomic(outer_ok) == "a"
    assert [p.id for p in store.get_persons(["a", "b"])] == ["a", "b"]


def test_an_error_caught_inside_a_nested_unit_still_ends_nothing_else(store: GraphStore) -> None:
    """A unit may read and find nothing (NotFound) and carry on: reads write nothing."""
    _world(store)

    def work(unit: GraphStore) -> None:
        try:
            unit.get_person("nobody")
        except NotFound:
            unit.create_person(person("nobody"))

    store.atomic(work)
    assert store.get_person("nobody").id == "nobody"


def test_the_generation_moves_once_per_unit(sqlite_store: SqliteStore) -> None:
    _world(sqlite_store)
    before = sqlite_store.generation()
    sqlite_store.atomic(
        lambda unit: [unit.create_person(person(f"p-{n}")) for n in range(5)]  # type: ignore[func-returns-value]
    )
    assert sqlite_store.generation() == (before or 0) + 1
    sqlite_store.atomic(lambda unit: unit.count_persons())
    assert sqlite_store.generation() == (before or 0) + 1  # a unit that only read


def test_hold_finds_each_kind_and_changes_nothing(store: GraphStore) -> None:
    _world(store)
    store.set_role(role("c-1", "kind"))
    store.add_plan(Plan(id="n-1", case_id="c-1"))
    keys = {"candidate": "k-1", "role": "c-1/kind", "plan": "n-1", "case": "c-1"}
    keys["person"] = "kind"
    assert set(keys) == set(HOLD_KINDS)

    def state() -> tuple[object, ...]:
        return (
            store.get_candidate("k-1"),
            store.get_role("c-1", "kind"),
            store.get_plan("n-1"),
            store.get_case("c-1"),
            store.get_person("kind"),
        )

    before = state()

    def work(unit: GraphStore) -> None:
        for kind in HOLD_KINDS:
            unit.hold(kind, keys[kind])

    store.atomic(work)
    assert state() == before


@pytest.mark.parametrize("kind", HOLD_KINDS)
def test_holding_what_is_not_there_is_not_found(store: GraphStore, kind: str) -> None:
    _world(store)
    missing = "c-1/nobody" if kind == "role" else "nobody"
    with pytest.raises(NotFound, match="nobody"):
        store.atomic(lambda unit: unit.hold(kind, missing))  # type: ignore[arg-type]


def test_hold_is_refused_outside_a_unit_and_for_other_kinds(store: GraphStore) -> None:
    _world(store)
    with pytest.raises(InvalidInput, match="unit of work"):
        store.hold("candidate", "k-1")
    with pytest.raises(InvalidInput, match="tie"):
        store.atomic(lambda unit: unit.hold("tie", "t-1"))  # type: ignore[arg-type]


# -- concurrent units -----------------------------------------------------------------


def _race(store: GraphStore, *, hold: bool) -> list[str]:
    """``RACERS`` threads each accept candidate k-1 if it is pending, creating a person.
    Each unit, having read "pending", waits (at most half a second) until every racer
    has read the status, so units that do not hold the candidate all read "pending".
    Returns the ids of the persons created."""
    read_pending = threading.Semaphore(0)
    start = threading.Barrier(RACERS)

    def accept(n: int) -> str | None:
        def work(unit: GraphStore) -> str | None:
            if hold:
                unit.hold("candidate", "k-1")
            candidate = unit.get_candidate("k-1")
            if candidate.status is not ReviewStatus.pending:
                return None
            read_pending.release()
            for _ in range(RACERS):  # give the others their chance to read
                if not read_pending.acquire(timeout=0.5 / RACERS):
                    break
                read_pending.release()
            unit.save_candidate(candidate.model_copy(update={"status": ReviewStatus.accepted}))
            unit.create_person(person(f"p-{n}"))
            return f"p-{n}"

        start.wait(10)
        return store.atomic(work)

    with ThreadPoolExecutor(RACERS) as pool:
        made = list(pool.map(accept, range(RACERS)))
    return [m for m in made if m is not None]


def test_units_holding_one_candidate_run_one_after_the_other(store: GraphStore) -> None:
    _world(store)
    made = _race(store, hold=True)
    assert len(made) == 1
    assert [p.id for p in store.list_persons()] == sorted(["kind", *made])
    assert store.get_candidate("k-1").status is ReviewStatus.accepted


@pytest.mark.neo4j
def test_without_hold_neo4j_lets_every_unit_read_pending(neo4j_store: GraphStore) -> None:
    """Why units hold what they decide on: Neo4j reads what is committed, so without
    the lock every racer reads "pending" and each one writes its own acceptance."""
    _world(neo4j_store)
    assert len(_race(neo4j_store, hold=False)) > 1


def test_units_that_lock_each_others_things_both_finish(store: GraphStore) -> None:
    """Two units hold the same two persons in opposite order. On Neo4j they deadlock and
    the server stops one, which the store runs again; on SQLite they run one after the
    other. Either way both finish, each with all of its writes."""
    store.upsert_persons([person("a"), person("b")])
    first_holds = threading.Event()
    runs = {"ab": 0, "ba": 0}

    def unit_of(order: str) -> Callable[[GraphStore], str]:
        def work(unit: GraphStore) -> str:
            runs[order] += 1
            unit.hold("person", order[0])
            if order == "ab":
                first_holds.set()
            elif runs[order] == 1:
                first_holds.wait(2)
            unit.update_person(person(order[0], surname=f"Door {order}"))
            unit.hold("person", order[1])
            unit.update_person(person(order[1], surname=f"Door {order}"))
            return order

        return work

    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(lambda o: store.atomic(unit_of(o)), ["ab", "ba"]))
    assert done == ["ab", "ba"]
    surnames = {p.surname for p in store.get_persons(["a", "b"])}
    assert len(surnames) == 1  # both persons written by the unit that ended last
