"""Store contract: a case's subgraph and a person's neighbourhood as networkx graphs."""

from __future__ import annotations

import pytest
from builders import case, person, role, tie

from tenhands.graph.errors import InvalidInput, NotFound
from tenhands.graph.model import Engagement, TieKind
from tenhands.graph.store import GraphStore


@pytest.fixture
def world(store: GraphStore) -> GraphStore:
    """Two cases that share a grandmother, and people outside both."""
    for pid in ["kid1", "kid2", "mum", "oma", "buur", "stranger", "kid3", "dad3", "far"]:
        store.create_person(person(pid))
    store.create_case(case("c-1", "kid1", "kid2"))
    store.create_case(case("c-2", "kid3"))
    store.upsert_roles(
        [
            role("c-1", "mum", engagement=Engagement.engaged),
            role("c-1", "oma", engagement=Engagement.committed),
            role("c-1", "buur"),
            role("c-2", "oma"),
            role("c-2", "dad3"),
        ]
    )
    store.upsert_ties(
        [
            tie("t-01", "mum", "kid1", "parent"),
            tie("t-02", "mum", "kid2", "parent"),
            tie("t-03", "kid1", "kid2", "sibling"),
            tie("t-04", "oma", "mum", "parent"),
            tie("t-05", "buur", "kid1", "neighbour"),
            tie("t-06", "mum", "stranger", "colleague"),
            tie("t-07", "oma", "dad3", "parent"),
            tie("t-08", "dad3", "kid3", "parent"),
            tie("t-09", "mum", "oma", "other"),
            tie("t-10", "kid3", "far", "friend"),
        ]
    )
    return store


def test_case_subgraph_holds_children_members_and_their_ties(world: GraphStore) -> None:
    g = world.case_subgraph("c-1")
    assert set(g.nodes) == {"kid1", "kid2", "mum", "oma", "buur"}
    assert {k for _, _, k in g.edges(keys=True)} == {"t-01", "t-02", "t-03", "t-04", "t-05", "t-09"}
    assert g.graph["case"].id == "c-1"
    assert g.nodes["kid1"]["is_child"] and not g.nodes["mum"]["is_child"]
    assert g.nodes["kid1"]["role"] is None
    assert g.nodes["oma"]["role"].engagement is Engagement.committed
    assert g.nodes["mum"]["person"].id == "mum"
    assert g.has_edge("oma", "mum", key="t-04") and not g.has_edge("mum", "oma", key="t-04")
    assert g.number_of_edges("mum", "oma") == 1 and g.number_of_edges("oma", "mum") == 1
    assert g.edges["mum", "kid1", "t-01"]["tie"].kind is TieKind.parent


def test_case_subgraph_roles_belong_to_that_case(world: GraphStore) -> None:
    g = world.case_subgraph("c-2")
    assert set(g.nodes) == {"kid3", "oma", "dad3"}
    assert g.nodes["oma"]["role"].case_id == "c-2"
    assert g.nodes["oma"]["role"].engagement is Engagement.identified


def test_case_subgraph_of_unknown_case(world: GraphStore) -> None:
    with pytest.raises(NotFound):
        world.case_subgraph("c-none")


@pytest.mark.parametrize(
    ("hops", "expected"),
    [
        (0, {"kid1"}),
        (1, {"kid1", "mum", "kid2", "buur"}),
        (2, {"kid1", "mum", "kid2", "buur", "oma", "stranger"}),
        (3, {"kid1", "mum", "kid2", "buur", "oma", "stranger", "dad3"}),
        (4, {"kid1", "mum", "kid2", "buur", "oma", "stranger", "dad3", "kid3"}),
        (9, {"kid1", "mum", "kid2", "buur", "oma", "stranger", "dad3", "kid3", "far"}),
    ],
)
def test_neighbourhood_crosses_cases(world: GraphStore, hops: int, expected: set[str]) -> None:
    g = world.neighbourhood("kid1", hops)
    assert set(g.nodes) == expected
    for u, v, key in g.edges(keys=True):
        assert u in expected and v in expected
        assert g.edges[u, v, key]["tie"].id == key


def test_neighbourhood_edges_are_all_ties_among_the_reached(world: GraphStore) -> None:
    g = world.neighbourhood("kid1", 2)
    assert {k for _, _, k in g.edges(keys=True)} == {
        "t-01",
        "t-02",
        "t-03",
        "t-04",
        "t-05",
        "t-06",
        "t-09",
    }


def test_neighbourhood_of_unknown_person_or_bad_hops(world: GraphStore) -> None:
    with pytest.raises(NotFound):
        world.neighbourhood("nobody", 1)
    with pytest.raises(InvalidInput):
        world.neighbourhood("kid1", -1)
