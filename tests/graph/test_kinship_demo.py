"""The kinship calculator on the demo case, from domain models and through both stores."""

from __future__ import annotations

import networkx as nx
import pytest

from tenhands.demo import DEMO_CASE_ID, build_demo_case, seed_demo
from tenhands.graph.kinship import (
    Kind,
    Lineage,
    Role,
    Side,
    family_sides,
    relate,
    relationships_from,
)
from tenhands.graph.network import build_graph
from tenhands.graph.store import GraphStore

LINA = "demo-lina"

# TO: (nl, en with side, kind, side) as seen from Lina.
EXPECTED = {
    "demo-sofie": ("moeder", "mother", Kind.blood, Side.maternal),
    "demo-youssef": ("vader", "father", Kind.blood, Side.paternal),
    "demo-adam": ("broer", "brother", Kind.blood, Side.both),
    "demo-ria": ("grootmoeder", "maternal grandmother", Kind.blood, Side.maternal),
    "demo-marc": ("grootvader", "maternal grandfather", Kind.blood, Side.maternal),
    "demo-jeanne": ("overgrootmoeder", "maternal great-grandmother", Kind.blood, Side.maternal),
    "demo-katrien": ("tante", "maternal aunt", Kind.blood, Side.maternal),
    "demo-pieter": ("oom", "maternal uncle", Kind.blood, Side.maternal),
    "demo-bart": ("aangetrouwde oom", "maternal uncle by marriage", Kind.in_law, Side.maternal),
    "demo-emma": ("volle nicht", "first cousin on the mother's side", Kind.blood, Side.maternal),
    "demo-lowie": ("volle neef", "first cousin on the mother's side", Kind.blood, Side.maternal),
    "demo-fatima": ("grootmoeder", "paternal grandmother", Kind.blood, Side.paternal),
    "demo-mohamed": ("grootvader", "paternal grandfather", Kind.blood, Side.paternal),
    "demo-hafsa": ("tante", "paternal aunt", Kind.blood, Side.paternal),
    "demo-karim": ("oom", "paternal uncle", Kind.blood, Side.paternal),
    "demo-aya": ("volle nicht", "first cousin on the father's side", Kind.blood, Side.paternal),
    "demo-rayan": ("volle neef", "first cousin on the father's side", Kind.blood, Side.paternal),
    "demo-zohra": ("oudtante", "paternal great-aunt", Kind.blood, Side.paternal),
    "demo-yasmine": ("halfzus", "half-sister on the father's side", Kind.blood, Side.paternal),
    "demo-ilyas": ("halfbroer", "half-brother on the father's side", Kind.blood, Side.paternal),
    "demo-emre": ("stiefvader", "stepfather", Kind.step, Side.maternal),
    "demo-nadia": ("stiefmoeder", "stepmother", Kind.step, Side.paternal),
    "demo-ayse": ("stiefgrootmoeder", "maternal step-grandmother", Kind.step, Side.maternal),
    "demo-kevin": ("ex-partner van moeder", "mother's ex-partner", Kind.in_law, Side.maternal),
}
NOT_KIN = {
    "demo-hatice",
    "demo-elke",
    "demo-murat",
    "demo-joelle",
    "demo-leen",
    "demo-wouter",
    "demo-eline",
    "demo-tugba",
}


@pytest.fixture(scope="module")
def demo_graph() -> nx.MultiDiGraph:
    demo = build_demo_case()
    return build_graph(demo.persons, demo.ties, case=demo.case, roles=demo.roles)


def test_lina_and_her_oma_ria(demo_graph: nx.MultiDiGraph) -> None:
    ria = relate(demo_graph, LINA, "demo-ria")
    assert ria.words("nl") == "grootmoeder"
    assert ria.words("en", with_side=True) == "maternal grandmother"
    assert ria.words("fr", with_side=True) == "grand-mère maternelle"
    assert ria.to_json() == {
        "related": True,
        "en": "grandmother",
        "nl": "grootmoeder",
        "fr": "grand-mère",
        "with_side": {
            "en": "maternal grandmother",
            "nl": "grootmoeder langs moederskant",
            "fr": "grand-mère maternelle",
        },
        "side": "maternal",
        "kind": "blood",
        "role": "grandparent",
        "term": "grandmother",
        "sex": "female",
        "up": 2,
        "down": 0,
        "degree": 2,
        "lineage": "full",
        "former": False,
        "married": False,
        "path": ["demo-lina", "demo-sofie", "demo-ria"],
        "paths": [["demo-lina", "demo-sofie", "demo-ria"], ["demo-lina", "demo-ria"]],
        "path_count": 2,
        "paths_truncated": False,
        "ties": ["grandparent"],
    }


def test_everyone_in_linas_network(demo_graph: nx.MultiDiGraph) -> None:
    rels = relationships_from(demo_graph, LINA)
    assert set(rels) == set(demo_graph.nodes) - {LINA}
    seen = {
        pid: (r.words("nl"), r.words("en", with_side=True), r.kind, r.side)
        for pid, r in rels.items()
        if r.related
    }
    assert seen == EXPECTED
    assert {pid for pid, r in rels.items() if not r.related} == NOT_KIN
    assert rels["demo-joelle"].ties == ("godparent",)  # her meter: no kin, but tied
    assert rels["demo-kevin"].former is True
    assert rels["demo-yasmine"].lineage is Lineage.half


def test_the_mothers_view(demo_graph: nx.MultiDiGraph) -> None:
    rels = relationships_from(demo_graph, "demo-sofie")
    words = {pid: rels[pid].words("nl") for pid in rels if rels[pid].related}
    assert words["demo-youssef"] == "ex-echtgenoot"
    assert words["demo-emre"] == "partner"
    assert words["demo-fatima"] == "ex-schoonmoeder"
    assert words["demo-ayse"] == "schoonmoeder"
    assert words["demo-bart"] == "schoonbroer"
    assert words["demo-emma"] == "nicht"
    assert words["demo-lowie"] == "neef"
    assert words["demo-jeanne"] == "grootmoeder"
    assert rels["demo-emma"].role is Role.niece_nephew


def test_relate_agrees_with_relationships_from(demo_graph: nx.MultiDiGraph) -> None:
    for source in ("demo-lina", "demo-ria", "demo-emre", "demo-zohra"):
        rels = relationships_from(demo_graph, source)
        for target, rel in rels.items():
            one = relate(demo_graph, source, target)
            assert one == rel, (source, target)
            assert one.paths == rel.paths


def test_family_sides_of_lina(demo_graph: nx.MultiDiGraph) -> None:
    sides = family_sides(demo_graph, LINA)
    assert {pid for pid, s in sides.items() if s is Side.both} == {"demo-adam"}
    assert sides["demo-emre"] is Side.maternal and sides["demo-nadia"] is Side.paternal
    assert all(sides[pid] is Side.none for pid in NOT_KIN)


def test_through_a_store(store: GraphStore) -> None:
    seed_demo(store)
    case_graph = store.case_subgraph(DEMO_CASE_ID)
    ria = relate(case_graph, LINA, "demo-ria")
    assert (ria.words("nl"), ria.side, ria.path) == (
        "grootmoeder",
        Side.maternal,
        ("demo-lina", "demo-sofie", "demo-ria"),
    )
    around = store.neighbourhood(LINA, hops=6)
    rels = relationships_from(around, LINA)
    assert rels["demo-yasmine"].words("en", with_side=True) == "half-sister on the father's side"
    assert rels["demo-bart"].words("nl") == "aangetrouwde oom"
    assert family_sides(around, "demo-adam")["demo-lina"] is Side.both
