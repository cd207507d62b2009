"""Removing persons, ties and roles from a case and undoing it (graph/removal.py): undo
puts back exactly what was removed, a removal that is refused changes nothing, and every
step is audited."""

from __future__ import annotations

import pytest
from builders import case, person, role, tie

from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import AuditAction, Engagement, Plan, Task
from tenhands.graph.removal import (
    pending_undo,
    remove_person,
    remove_role,
    remove_tie,
    restore,
)
from tenhands.graph.store import GraphStore


def _world(store: GraphStore) -> None:
    store.upsert_persons([person("kind"), person("mama"), person("tante"), person("ver")])
    store.upsert_ties(
        [
            tie("t1", "mama", "kind", "parent"),
            tie("t2", "tante", "mama", "sibling"),
            tie("t3", "tante", "ver", "friend"),  # to someone outside the case
        ]
    )
    store.create_case(case("c-1", "kind"))
    store.create_case(case("c-2", "ver"))
    store.set_role(role("c-1", "mama"))
    store.set_role(role("c-1", "tante", engagement=Engagement.contacted, note="belt terug"))


def _dump(store: GraphStore) -> tuple[object, ...]:
    persons = [p.model_dump() for p in store.list_persons()]
    ties = sorted((t.model_dump() for p in ("kind", "ver") for t in store.ties_of(p)), key=str)
    roles = [r.model_dump() for r in store.list_roles("c-1")]
    return persons, ties, roles


def test_a_removed_person_comes_back_whole(store: GraphStore) -> None:
    _world(store)
    before = _dump(store)
    tante = store.get_person("tante")
    removal = remove_person(store, "c-1", "tante", actor="wout")
    with pytest.raises(NotFound):
        store.get_person("tante")
    assert {t.id for t in store.ties_of("mama")} == {"t1"}
    assert pending_undo(store, "c-1", "wout") == removal
    assert pending_undo(store, "c-1", "an") is None
    restore(store, "c-1", removal.id, actor="wout")
    assert _dump(store) == before
    assert store.get_person("tante") == tante
    assert {t.id for t in store.ties_of("tante")} == {"t2", "t3"}
    assert store.get_role("c-1", "tante").note == "belt terug"
    assert pending_undo(store, "c-1", "wout") is None
    with pytest.raises(NotFound):  # undone already
        restore(store, "c-1", removal.id, actor="wout")
    deleted = store.list_audit(case_id="c-1", action=AuditAction.delete)
    assert {(e.entity, e.entity_id) for e in deleted} == {
        ("person", "tante"),
        ("tie", "t2"),
        ("tie", "t3"),
        ("role", "tante"),
    }
    put_back = store.list_audit(case_id="c-1", action=AuditAction.create)
    assert {e.entity_id for e in put_back} == {"tante", "t2", "t3"}
    assert all(e.actor == "wout" for e in [*deleted, *put_back])


def test_a_removed_tie_and_role_come_back(store: GraphStore) -> None:
    _world(store)
    before = _dump(store)
    removed_tie = remove_tie(store, "c-1", "t2", actor="wout")
    with pytest.raises(NotFound):
        store.get_tie("t2")
    restore(store, "c-1", removed_tie.id, actor="wout")
    removed_role = remove_role(store, "c-1", "tante", actor="wout")
    assert store.get_person("tante").id == "tante"  # the person stays
    assert {t.id for t in store.ties_of("tante")} == {"t2", "t3"}
    with pytest.raises(NotFound):
        store.get_role("c-1", "tante")
    restore(store, "c-1", removed_role.id, actor="wout")
    assert _dump(store) == before


def test_a_workers_next_removal_replaces_the_one_to_undo(store: GraphStore) -> None:
    _world(store)
    first = remove_tie(store, "c-1", "t2", actor="wout")
    second = remove_tie(store, "c-1", "t1", actor="wout")
    assert pending_undo(store, "c-1", "wout") == second
    with pytest.raises(NotFound):
        restore(store, "c-1", first.id, actor="wout")


def test_refused_removals_change_nothing(store: GraphStore) -> None:
    _world(store)
    store.set_role(role("c-2", "mama"))
    before = _dump(store)
    with pytest.raises(Conflict, match="child"):
        remove_person(store, "c-1", "kind", actor="wout")
    with pytest.raises(Conflict, match="another case"):
        remove_person(store, "c-1", "mama", actor="wout")
    with pytest.raises(NotFound):  # a tie to someone outside the case is not the case's
        remove_tie(store, "c-1", "t3", actor="wout")
    store.add_plan(Plan(case_id="c-1", tasks=[Task(what="koken", who=["tante"])]))
    with pytest.raises(Conflict, match="plan"):
        remove_person(store, "c-1", "tante", actor="wout")
    with pytest.raises(Conflict, match="plan"):
        remove_role(store, "c-1", "tante", actor="wout")
    assert _dump(store) == before
    assert store.list_audit(case_id="c-1", action=AuditAction.delete) == []
    assert pending_undo(store, "c-1", "wout") is None


def test_undo_is_refused_whole_when_it_cannot_be_put_back(store: GraphStore) -> None:
    _world(store)
    removal = remove_role(store, "c-1", "tante", actor="wout")
    store.set_role(role("c-1", "tante"))  # added again by hand
    with pytest.raises(Conflict, match="back"):
        restore(store, "c-1", removal.id, actor="wout")
    assert pending_undo(store, "c-1", "wout") == removal  # still there to undo later
    tie_removal = remove_tie(store, "c-1", "t2", actor="an")
    with pytest.raises(NotFound):  # another case's removal is not this case's
        restore(store, "c-2", tie_removal.id, actor="an")


def test_a_plan_naming_someone_else_does_not_stop_a_removal(store: GraphStore) -> None:
    _world(store)
    store.add_plan(Plan(case_id="c-1", tasks=[Task(what="koken", who=["mama", "ver"])]))
    removal = remove_person(store, "c-1", "tante", actor="wout")
    assert [s.id for s in removal.before if s.kind.value == "person"] == ["tante"]
