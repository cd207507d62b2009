"""``/ties``: round trips, defaults, partial updates, and refusals that store nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import ADMIN_LOGIN, ApiClient, error

from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    with ApiClient.over(sqlite_store) as c:
        yield c


@pytest.fixture
def family(client: ApiClient) -> None:
    client.add_person("mum", "Els", "Peeters", sex="female")
    client.add_person("kid", "Lotte", "Peeters", sex="female")
    client.add_person("gran", "Maria", "Peeters", sex="female")


@pytest.mark.usefixtures("family")
def test_create_and_read_back(client: ApiClient, sqlite_store: SqliteStore) -> None:
    r = client.post(
        "/ties",
        json={
            "id": "t1",
            "source_id": "mum",
            "target_id": "kid",
            "kind": "parent",
            "quality": "strong",
            "closeness": "inner",
            "since": "2015-03",
            "confidence": 0.9,
            "source": {"kind": "registry", "name": "rijksregister"},
        },
    )
    assert r.status_code == 201, r.text
    assert r.headers["Location"].endswith("/ties/t1")
    tie = r.json()
    assert tie["basis"] == "biological"  # the domain's default for blood kin
    assert (tie["category"], tie["directed"]) == ("family", True)
    assert tie["since"] == "2015-03"
    assert tie["provenance"]["created_by"] == ADMIN_LOGIN
    assert tie["provenance"]["source"] == {
        "kind": "registry",
        "name": "rijksregister",
        "ref": None,
        "named_by": None,
        "note": None,
    }
    assert client.get("/ties/t1").json() == tie
    assert [t.id for t in sqlite_store.ties_of("kid")] == ["t1"]


@pytest.mark.usefixtures("family")
def test_the_server_chooses_an_id(client: ApiClient) -> None:
    r = client.post("/ties", json={"source_id": "gran", "target_id": "kid", "kind": "godparent"})
    assert r.status_code == 201
    tie = r.json()
    assert tie["id"].startswith("t-")
    assert (tie["basis"], tie["category"]) == ("social", "informal")


@pytest.mark.usefixtures("family")
def test_a_tie_to_a_missing_person_stores_nothing(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    r = client.post(
        "/ties", json={"id": "t1", "source_id": "mum", "target_id": "ghost", "kind": "parent"}
    )
    body = error(r, 404, "not_found")
    assert body["detail"] == "No person with id 'ghost'."
    assert sqlite_store.ties_of("mum") == []
    error(client.get("/ties/t1"), 404, "not_found")


@pytest.mark.usefixtures("family")
def test_duplicate_id_is_a_conflict(client: ApiClient) -> None:
    first = client.add_tie("t1", "mum", "kid", "parent")
    r = client.post(
        "/ties", json={"id": "t1", "source_id": "gran", "target_id": "mum", "kind": "parent"}
    )
    body = error(r, 409, "conflict")
    assert "t1" in body["detail"]
    assert client.get("/ties/t1").json() == first


@pytest.mark.usefixtures("family")
@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"kind": "aunt"}, ["body", "kind"]),
        ({"quality": "great"}, ["body", "quality"]),
        ({"confidence": 2}, ["body", "confidence"]),
        ({"since": "2015-00"}, ["body", "since"]),
        ({"target_id": "mum"}, ["body"]),  # a tie needs two different persons
        ({"since": "2020", "until": "2010"}, ["body"]),
        ({"partner_status": "married"}, ["body"]),  # only for partner ties
    ],
)
def test_create_refuses_invalid_ties(
    client: ApiClient, sqlite_store: SqliteStore, change: Any, where: Any
) -> None:
    tie = {"id": "t1", "source_id": "mum", "target_id": "kid", "kind": "parent", **change}
    body = error(client.post("/ties", json=tie), 422, "validation_error")
    assert body["errors"][0]["loc"] == where
    assert sqlite_store.ties_of("mum") == []


@pytest.mark.usefixtures("family")
def test_patch_changes_only_the_fields_sent(client: ApiClient) -> None:
    before = client.add_tie("t1", "gran", "kid", "grandparent", closeness="middle", note="weekly")
    r = client.patch("/ties/t1", json={"quality": "stressful"})
    assert r.status_code == 200, r.text
    after = r.json()
    assert after["quality"] == "stressful"
    for unchanged in ("source_id", "target_id", "kind", "basis", "closeness", "note"):
        assert after[unchanged] == before[unchanged], unchanged
    assert after["provenance"]["updated_by"] == ADMIN_LOGIN
    assert client.get("/ties/t1").json() == after


@pytest.mark.usefixtures("family")
def test_patch_kind_moves_a_default_basis_but_keeps_a_chosen_one(client: ApiClient) -> None:
    client.add_tie("t1", "gran", "kid", "parent")  # basis defaulted to biological
    assert client.patch("/ties/t1", json={"kind": "family_friend"}).json()["basis"] == "social"
    client.add_tie("t2", "mum", "kid", "parent", basis="adoptive")
    assert client.patch("/ties/t2", json={"kind": "guardian"}).json()["basis"] == "adoptive"


@pytest.mark.usefixtures("family")
def test_patch_refusals(client: ApiClient) -> None:
    before = client.add_tie("t1", "mum", "gran", "friend")
    error(client.patch("/ties/t1", json={"target_id": "kid"}), 422, "validation_error")
    error(client.patch("/ties/t1", json={"kind": None}), 422, "validation_error")
    body = error(
        client.patch("/ties/t1", json={"partner_status": "married"}), 422, "validation_error"
    )
    assert "partner" in body["detail"]
    assert client.get("/ties/t1").json() == before


@pytest.mark.usefixtures("family")
def test_delete(client: ApiClient, sqlite_store: SqliteStore) -> None:
    client.add_tie("t1", "mum", "kid", "parent")
    assert client.delete("/ties/t1").status_code == 204
    error(client.get("/ties/t1"), 404, "not_found")
    assert sqlite_store.ties_of("kid") == []
    assert client.get("/persons/mum").status_code == 200


def test_unknown_tie_is_404_everywhere(client: ApiClient) -> None:
    for r in (
        client.get("/ties/t-none"),
        client.patch("/ties/t-none", json={"quality": "strong"}),
        client.delete("/ties/t-none"),
    ):
        assert error(r, 404, "not_found")["detail"] == "No tie with id 't-none'."
