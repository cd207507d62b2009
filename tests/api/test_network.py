"""``GET /cases/{case_id}/network``: the data a network map is drawn from."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_helpers import ApiClient

from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    with ApiClient.over(sqlite_store) as c:
        yield c


def test_network_shape(client: ApiClient) -> None:
    # Two siblings in care, their mother, a grandmother, a neighbour; and an uncle who
    # is tied to the mother but is not (yet) in the case's network.
    client.add_person("lotte", "Lotte", "Peeters", sex="female", birth_date="2015")
    client.add_person("lars", "Lars", "Peeters", sex="male", birth_date="2017")
    client.add_person("els", "Els", "Peeters", sex="female")
    client.add_person("maria", "Maria", "Peeters", sex="female", deceased=True)
    client.add_person("ahmed", "Ahmed", "El Amrani", sex="male")
    client.add_person("jan", "Jan", "Peeters", sex="male")
    client.add_case("c1", "Lotte en Lars", ["lotte", "lars"])
    client.put_role("c1", "els", circle="inner", engagement="engaged", support=["practical"])
    client.put_role("c1", "maria", engagement="deceased")
    client.put_role(
        "c1",
        "ahmed",
        circle="middle",
        engagement="committed",
        support=["transport", "emotional"],
        risk_flags=["other"],
        confidential=True,
        note="drives Lotte to school",
    )
    client.add_tie("t-sib", "lotte", "lars", "sibling")
    client.add_tie("t-mum1", "els", "lotte", "parent", quality="strong", closeness="inner")
    client.add_tie("t-mum2", "els", "lars", "parent", quality="stressful")
    client.add_tie("t-gran", "maria", "els", "parent")
    client.add_tie("t-buur", "ahmed", "lotte", "neighbour", closeness="middle")
    client.add_tie("t-uncle", "jan", "els", "sibling")  # jan is outside the network

    r = client.get("/cases/c1/network")
    assert r.status_code == 200, r.text
    net = r.json()
    assert set(net) == {"case", "nodes", "edges"}
    assert net["case"] == {
        "id": "c1",
        "title": "Lotte en Lars",
        "status": "open",
        "children": [
            {"id": "lotte", "name": "Lotte Peeters"},
            {"id": "lars", "name": "Lars Peeters"},
        ],
    }

    nodes = {n["id"]: n for n in net["nodes"]}
    assert [n["id"] for n in net["nodes"]] == sorted(nodes)
    assert set(nodes) == {"lotte", "lars", "els", "maria", "ahmed"}  # not jan
    assert {i for i, n in nodes.items() if n["is_child"]} == {"lotte", "lars"}
    assert nodes["lotte"] == {
        "id": "lotte",
        "name": "Lotte Peeters",
        "sex": "female",
        "is_child": True,
        "deceased": False,
        "role": None,
    }
    assert nodes["maria"]["deceased"] is True
    assert nodes["maria"]["role"]["engagement"] == "deceased"
    assert nodes["els"]["role"]["circle"] == "inner"
    assert nodes["ahmed"]["role"] == {
        "circle": "middle",
        "engagement": "committed",
        "support": ["emotional", "transport"],
        "risk_flags": ["other"],
        "confidential": True,
        "knows_worries": None,
        "named_by": None,
        "last_contact": None,
        "note": "drives Lotte to school",
        "agreed_role": None,
        "shares": [],
    }

    edges = {e["id"]: e for e in net["edges"]}
    assert [e["id"] for e in net["edges"]] == sorted(edges)
    assert set(edges) == {"t-sib", "t-mum1", "t-mum2", "t-gran", "t-buur"}  # not t-uncle
    assert edges["t-mum1"] == {
        "id": "t-mum1",
        "source": "els",
        "target": "lotte",
        "kind": "parent",
        "basis": "biological",
        "quality": "strong",
        "closeness": "inner",
    }
    assert edges["t-mum2"]["quality"] == "stressful"
    assert (edges["t-buur"]["kind"], edges["t-buur"]["basis"]) == ("neighbour", "social")
    every_end = {e[k] for e in net["edges"] for k in ("source", "target")}
    assert every_end <= set(nodes)


def test_network_follows_role_changes(client: ApiClient) -> None:
    client.add_person("kid", "Lotte", "Peeters")
    client.add_person("gran", "Maria", "Peeters")
    client.add_case("c1", "Lotte", ["kid"])
    client.add_tie("t1", "gran", "kid", "grandparent")
    net = client.get("/cases/c1/network").json()
    assert [n["id"] for n in net["nodes"]] == ["kid"]
    assert net["edges"] == []

    client.put_role("c1", "gran", circle="inner")
    net = client.get("/cases/c1/network").json()
    assert [n["id"] for n in net["nodes"]] == ["gran", "kid"]
    assert [e["id"] for e in net["edges"]] == ["t1"]

    assert client.delete("/cases/c1/roles/gran").status_code == 204
    assert [n["id"] for n in client.get("/cases/c1/network").json()["nodes"]] == ["kid"]


def test_a_kept_network_is_renewed_by_any_change_even_from_another_process(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    client.add_person("kid", "Lotte", "Peeters")
    client.add_case("c1", "Lotte", ["kid"])
    first = client.get("/cases/c1/network")
    assert client.get("/cases/c1/network").content == first.content  # kept
    client.patch("/persons/kid", json={"surname": "Janssens"})
    assert "Janssens" in client.get("/cases/c1/network").text
    other = SqliteStore(sqlite_store.describe().removeprefix("sqlite:///"))  # a second process
    try:
        other.update_person(other.get_person("kid").model_copy(update={"surname": "Claes"}))
    finally:
        other.close()
    assert "Claes" in client.get("/cases/c1/network").text
    # access and the audit are checked on every request, kept or not
    reads = sqlite_store.count_audit(entity_id="c1")
    client.get("/cases/c1/network")
    assert sqlite_store.count_audit(entity_id="c1") == reads + 1
    assert client.get("/cases/c1/network", headers={"Authorization": "Bearer x"}).status_code == 401
