"""The family-finding funnel, read from each member's engagement history as the store
keeps it."""

from __future__ import annotations

from datetime import UTC, datetime

from builders import case, person, role

from tenhands.graph.figures import case_figures, funnel
from tenhands.graph.model import Engagement, NetworkRole, StageChange
from tenhands.graph.store import GraphStore

E = Engagement
CASE = "c-way"


def _walk(store: GraphStore, pid: str, *steps: Engagement) -> None:
    """Set the person's role one engagement after the other: the store keeps the way."""
    for step in steps:
        store.set_role(role(CASE, pid, engagement=step))


def test_stages_reached_now_and_dropped_out(store: GraphStore) -> None:
    store.upsert_persons([person(pid) for pid in ("kid", "a", "b", "c", "d", "e", "f", "g", "h")])
    store.create_case(case(CASE, "kid"))
    _walk(store, "a", E.identified, E.located, E.contacted, E.engaged, E.committed)
    _walk(store, "b", E.identified, E.located, E.contacted, E.declined)
    _walk(store, "c", E.identified, E.located, E.no_contact)
    _walk(store, "d", E.identified, E.contacted, E.not_safe)  # located was skipped
    _walk(store, "e", E.declined)  # declined from the start: no way to read
    _walk(store, "f", E.deceased)
    _walk(store, "g", E.identified)
    _walk(store, "h", E.identified, E.engaged, E.contacted)  # went back a step
    way = [s.engagement for s in store.get_role(CASE, "b").stages]
    assert way == [E.identified, E.located, E.contacted, E.declined]

    f = case_figures(store, CASE).funnel
    table = [(s.stage, s.reached, s.now, s.dropped) for s in f.stages]
    assert table == [
        (E.identified, 6, 1, 0),  # a b c d g h (not e: no way recorded; not f)
        (E.located, 5, 0, 1),  # c dropped out here; d counts (contacted is further)
        (E.contacted, 4, 1, 2),  # b and d dropped out here; h is here now
        (E.engaged, 2, 0, 0),  # a and h got this far
        (E.committed, 1, 1, 0),
    ]
    assert f.off == {E.declined: 2, E.not_safe: 1, E.no_contact: 1, E.deceased: 1}
    assert f.most_dropped is E.contacted
    assert f.untraced == 1  # e


def _dropped(pid: str, *way: Engagement) -> NetworkRole:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    stages = [StageChange(engagement=e, at=at) for e in (*way, E.declined)]
    return NetworkRole(case_id=CASE, person_id=pid, engagement=E.declined, stages=stages)


def test_nobody_dropped_out_and_a_tie_goes_to_the_earliest_stage() -> None:
    f = funnel([NetworkRole(case_id=CASE, person_id="x", engagement=E.committed)])
    assert f.most_dropped is None and f.untraced == 0
    assert [s.reached for s in f.stages] == [1, 1, 1, 1, 1]
    assert f.off == {E.declined: 0, E.not_safe: 0, E.no_contact: 0, E.deceased: 0}
    tie = funnel([_dropped("y", E.identified), _dropped("z", E.identified, E.engaged)])
    assert [s.dropped for s in tie.stages] == [1, 0, 0, 1, 0]
    assert tie.most_dropped is E.identified


def test_a_declined_member_without_history_drops_out_nowhere() -> None:
    f = funnel([NetworkRole(case_id=CASE, person_id="x", engagement=E.declined)])
    assert f.off[E.declined] == 1 and f.untraced == 1
    assert all(s.reached == 0 and s.dropped == 0 for s in f.stages)
    assert f.most_dropped is None
