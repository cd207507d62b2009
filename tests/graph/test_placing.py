"""Placing a new person around a child (graph/placing.py): for each choice, the kinship
calculator then names the person as chosen, with the side of the family; a placement
that cannot be made stores nothing."""

from __future__ import annotations

import pytest
from builders import case, person, role, tie

from tenhands.graph.errors import NotFound
from tenhands.graph.kinship import Side, relationships_from
from tenhands.graph.model import NetworkRole, Person, Sex
from tenhands.graph.network import surroundings
from tenhands.graph.placing import (
    Placement,
    PlacementError,
    Relation,
    add_to_case,
    grandparents_of,
    parents_of,
)
from tenhands.graph.store import GraphStore


def _world(store: GraphStore) -> None:
    """Child ``kind`` with a mother ``mama`` (in the network) and her mother ``oma``."""
    store.upsert_persons(
        [
            person("kind", "Lotte"),
            person("mama", "Els", sex=Sex.female),
            person("oma", "Mia", sex=Sex.female),
        ]
    )
    store.upsert_ties([tie("t1", "mama", "kind", "parent"), tie("t2", "oma", "mama", "parent")])
    store.create_case(case("c-1", "kind"))
    store.set_role(role("c-1", "mama"))
    store.set_role(role("c-1", "oma"))


def _add(
    store: GraphStore, pid: str, sex: Sex, relation: Relation, **placement: object
) -> tuple[str, Side, str]:
    """Add ``pid`` as ``relation``; what the calculator then says they are to the child
    (Dutch, with the side) and on which side."""
    new = person(pid, "Nieuw", sex=sex)
    add_to_case(
        store,
        new,
        NetworkRole(case_id="c-1", person_id=pid),
        Placement(relation, "kind", **placement),  # type: ignore[arg-type]
        actor="wout",
    )
    rel = relationships_from(surroundings(store, ["kind"]), "kind")[pid]
    return rel.words("nl", with_side=True), rel.side, rel.words("nl")


def test_the_parents_and_grandparents_are_read(store: GraphStore) -> None:
    _world(store)
    assert parents_of(store, "kind") == ["mama"]
    assert grandparents_of(store, "kind") == ["oma"]


def test_a_parent(store: GraphStore) -> None:
    _world(store)
    said, side, plain = _add(store, "papa", Sex.male, Relation.parent)
    assert plain == "vader"
    assert parents_of(store, "kind") == ["mama", "papa"]


def test_an_aunt_through_the_mother(store: GraphStore) -> None:
    _world(store)
    said, side, plain = _add(store, "tante", Sex.female, Relation.aunt_uncle, via_id="mama")
    assert plain == "tante"
    assert side is Side.maternal
    assert "moederskant" in said


def test_an_uncle_through_a_grandparent(store: GraphStore) -> None:
    _world(store)
    said, side, plain = _add(store, "oom", Sex.male, Relation.aunt_uncle, via_id="oma")
    assert plain == "oom"
    assert side is Side.maternal


def test_a_grandfather_through_the_mother(store: GraphStore) -> None:
    _world(store)
    said, side, plain = _add(store, "opa", Sex.male, Relation.grandparent, via_id="mama")
    assert plain == "grootvader"
    assert side is Side.maternal


def test_a_grandmother_through_a_new_father(store: GraphStore) -> None:
    _world(store)
    father = Person(given_names=["Piet"], sex=Sex.male)
    said, side, plain = _add(store, "bomma", Sex.female, Relation.grandparent, new_parent=father)
    assert plain == "grootmoeder"
    assert side is Side.paternal
    assert store.get_role("c-1", father.id).person_id == father.id  # in the network
    assert father.id in parents_of(store, "kind")


def test_an_aunt_through_a_new_father(store: GraphStore) -> None:
    _world(store)
    father = Person(given_names=["Piet"], sex=Sex.male)
    said, side, plain = _add(store, "tante", Sex.female, Relation.aunt_uncle, new_parent=father)
    assert plain == "tante"
    assert side is Side.paternal


def test_a_sibling_and_a_half_sibling(store: GraphStore) -> None:
    _world(store)
    assert _add(store, "broer", Sex.male, Relation.sibling)[2] == "broer"
    said, side, plain = _add(store, "halfzus", Sex.female, Relation.half_sibling, via_id="mama")
    assert plain == "halfzus"
    assert side is Side.maternal


def test_an_informal_supporter_is_tied_to_the_child_and_is_no_kin(store: GraphStore) -> None:
    _world(store)
    new = person("buur", "Bart", sex=Sex.male)
    added = add_to_case(
        store,
        new,
        NetworkRole(case_id="c-1", person_id="buur"),
        Placement(Relation.neighbour, "kind"),
        actor="wout",
    )
    [made] = added.placed.ties
    assert (made.source_id, made.kind.value, made.target_id) == ("buur", "neighbour", "kind")
    rel = relationships_from(surroundings(store, ["kind"]), "kind").get("buur")
    assert rel is None or not rel.related


@pytest.mark.parametrize(
    ("relation", "placement", "code"),
    [
        (Relation.aunt_uncle, {}, "via_needed"),
        (Relation.grandparent, {"via_id": "oma"}, "via_not_parent"),
        (Relation.aunt_uncle, {"via_id": "kind"}, "via_not_kin"),
        (Relation.friend, {"via_id": "mama"}, "via_unused"),
    ],
)
def test_a_placement_that_cannot_be_made_stores_nothing(
    store: GraphStore, relation: Relation, placement: dict[str, object], code: str
) -> None:
    _world(store)
    before = store.count_audit()
    with pytest.raises(PlacementError) as caught:
        _add(store, "fout", Sex.female, relation, **placement)
    assert caught.value.code == code
    with pytest.raises(NotFound):
        store.get_person("fout")
    assert {t.id for t in store.ties_of("kind")} == {"t1"}
    assert {t.id for t in store.ties_of("mama")} == {"t1", "t2"}
    assert store.count_audit() == before


def test_a_child_of_another_case_is_refused(store: GraphStore) -> None:
    _world(store)
    with pytest.raises(PlacementError) as caught:
        add_to_case(
            store,
            person("x", "X"),
            NetworkRole(case_id="c-1", person_id="x"),
            Placement(Relation.parent, "mama"),
            actor="wout",
        )
    assert caught.value.code == "not_child"
    with pytest.raises(NotFound):
        store.get_person("x")
