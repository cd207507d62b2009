"""``POST /cases/{case_id}/people`` (a person added with what they are to the child) and
``/cases/{case_id}/removals`` (removing with undo)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, error

from tenhands.graph.errors import NotFound
from tenhands.graph.model import AuditAction
from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    with ApiClient.over(sqlite_store) as c:
        yield c


@pytest.fixture(autouse=True)
def case(client: ApiClient) -> None:
    client.add_person("kid", "Lotte", "Peeters")
    client.add_person("mama", "Els", "Peeters", sex="female")
    client.add_tie("t1", "mama", "kid", "parent")
    client.add_case("c1", "Lotte", ["kid"])
    assert client.put("/cases/c1/roles/mama", json={}).status_code == 201


def _relation_to_kid(client: ApiClient, person_id: str) -> tuple[str, str]:
    people = client.get("/cases/c1/people", params={"lang": "nl"}).json()["people"]
    [found] = [p for p in people if p["id"] == person_id]
    return found["relations"][0]["words"], found["side"]


def test_an_aunt_through_the_mother(client: ApiClient) -> None:
    r = client.post(
        "/cases/c1/people",
        json={
            "person": {"id": "an", "given_names": ["An"], "sex": "female"},
            "role": {"circle": "inner"},
            "relation": {"relation": "aunt_uncle", "via_id": "mama"},
        },
    )
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["role"]["circle"] == "inner"
    assert [(t["source_id"], t["kind"], t["target_id"]) for t in made["ties"]] == [
        ("an", "sibling", "mama")
    ]
    words, side = _relation_to_kid(client, "an")
    assert words.startswith("tante") and side == "maternal"


def test_a_grandfather_through_a_new_father(client: ApiClient) -> None:
    r = client.post(
        "/cases/c1/people",
        json={
            "person": {"id": "opa", "given_names": ["Jef"], "sex": "male"},
            "relation": {
                "relation": "grandparent",
                "new_parent": {"id": "papa", "given_names": ["Piet"], "sex": "male"},
            },
        },
    )
    assert r.status_code == 201, r.text
    assert r.json()["new_parent"]["id"] == "papa"
    assert client.get("/cases/c1/roles/papa").status_code == 200
    words, side = _relation_to_kid(client, "opa")
    assert words.startswith("grootvader") and side == "paternal"


def test_a_relation_that_cannot_be_placed_stores_nothing(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    body = error(
        client.post(
            "/cases/c1/people",
            json={
                "person": {"id": "x", "given_names": ["X"], "sex": "unknown"},
                "relation": {"relation": "grandparent"},
            },
        ),
        422,
        "invalid_input",
    )
    assert "through a parent" in body["detail"]
    with pytest.raises(NotFound):
        sqlite_store.get_person("x")
    body = error(
        client.post(
            "/cases/c1/people",
            json={
                "person": {"id": "y", "given_names": ["Y"], "sex": "unknown"},
                "relation": {"relation": "aunt_uncle", "via_id": "kid"},
            },
        ),
        422,
        "invalid_input",
    )
    assert "neither a parent nor a grandparent" in body["detail"]
    with pytest.raises(NotFound):
        sqlite_store.get_person("y")


def test_a_person_is_removed_and_put_back(client: ApiClient, sqlite_store: SqliteStore) -> None:
    before = client.get("/cases/c1/people").json()
    r = client.post("/cases/c1/removals", json={"kind": "person", "id": "mama"})
    assert r.status_code == 201, r.text
    removal = r.json()
    assert {(x["kind"], x["id"]) for x in removal["removed"]} == {
        ("person", "mama"),
        ("tie", "t1"),
        ("role", "mama"),
    }
    error(client.get("/persons/mama"), 404, "not_found")
    assert client.get("/cases/c1/removals/last").json() == removal
    r = client.post(f"/cases/c1/removals/{removal['id']}/undo")
    assert r.status_code == 200, r.text
    assert client.get("/cases/c1/people").json() == before
    error(client.post(f"/cases/c1/removals/{removal['id']}/undo"), 404, "not_found")
    error(client.get("/cases/c1/removals/last"), 404, "not_found")
    audited = sqlite_store.list_audit(case_id="c1", action=AuditAction.delete)
    assert {e.entity_id for e in audited} >= {"mama", "t1"}


def test_a_tie_and_a_role_are_removed_and_the_child_is_refused(client: ApiClient) -> None:
    r = client.post("/cases/c1/removals", json={"kind": "tie", "id": "t1"})
    assert r.status_code == 201, r.text
    error(client.get("/ties/t1"), 404, "not_found")
    client.post(f"/cases/c1/removals/{r.json()['id']}/undo")
    assert client.get("/ties/t1").status_code == 200
    r = client.post("/cases/c1/removals", json={"kind": "role", "id": "mama"})
    assert r.status_code == 201, r.text
    assert client.get("/persons/mama").status_code == 200
    error(client.get("/cases/c1/roles/mama"), 404, "not_found")
    error(client.post("/cases/c1/removals", json={"kind": "person", "id": "kid"}), 409, "conflict")


def test_a_person_added_to_the_case_is_checked_as_any_new_person(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    future = {"id": "f", "given_names": ["Jan"], "sex": "male", "birth_date": "2099-01-01"}
    body = error(
        client.post("/cases/c1/people", json={"person": future, "relation": None}),
        422,
        "implausible",
    )
    assert [p["field"] for p in body["problems"]] == ["birth_date"]
    with pytest.raises(NotFound):
        sqlite_store.get_person("f")
    twin = {"id": "els2", "given_names": ["Els"], "surname": "Peeters", "sex": "female"}
    body = error(client.post("/cases/c1/people", json={"person": twin}), 422, "unconfirmed")
    assert any("mama" in p.get("persons", []) for p in body["problems"])
    r = client.post("/cases/c1/people", json={"person": twin}, params={"confirm": "true"})
    assert r.status_code == 201, r.text
