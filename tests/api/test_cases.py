"""``/cases``: round trips, children that must exist, partial updates, deletion."""

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
def children(client: ApiClient) -> None:
    client.add_person("lotte", "Lotte", "Peeters")
    client.add_person("lars", "Lars", "Peeters")
    client.add_person("mila", "Mila", "Claes")


@pytest.mark.usefixtures("children")
def test_create_and_read_back(client: ApiClient, sqlite_store: SqliteStore) -> None:
    r = client.post(
        "/cases",
        json={
            "id": "c1",
            "title": "Lotte en Lars",
            "child_ids": ["lotte", "lars"],
            "opened_on": "2026-01-15",
            "team": "Gent-Noord",
            "source": {"kind": "case_file", "ref": "2026/0042"},
        },
    )
    assert r.status_code == 201, r.text
    assert r.headers["Location"].endswith("/cases/c1")
    case = r.json()
    assert case["child_ids"] == ["lotte", "lars"]
    assert case["status"] == "open"
    assert case["opened_on"] == "2026-01-15"
    assert case["provenance"]["created_by"] == ADMIN_LOGIN
    assert case["provenance"]["source"]["ref"] == "2026/0042"
    assert client.get("/cases/c1").json() == case
    assert sqlite_store.get_case("c1").team == "Gent-Noord"


@pytest.mark.usefixtures("children")
def test_list_shows_children_by_name(client: ApiClient) -> None:
    client.add_case("c2", "Mila", ["mila"], status="on_hold")
    client.add_case("c1", "Lotte en Lars", ["lotte", "lars"])
    r = client.get("/cases")
    assert r.status_code == 200
    assert r.json() == {
        "items": [
            {
                "id": "c1",
                "title": "Lotte en Lars",
                "status": "open",
                "children": [
                    {"id": "lotte", "name": "Lotte Peeters"},
                    {"id": "lars", "name": "Lars Peeters"},
                ],
            },
            {
                "id": "c2",
                "title": "Mila",
                "status": "on_hold",
                "children": [{"id": "mila", "name": "Mila Claes"}],
            },
        ],
        "limit": 100,
        "offset": 0,
        "next_offset": None,
    }
    page = client.get("/cases", params={"limit": 1, "offset": 1}).json()
    assert [c["id"] for c in page["items"]] == ["c2"]
    assert client.get("/cases", params={"limit": 1000}).status_code == 422


@pytest.mark.usefixtures("children")
def test_a_missing_child_stores_nothing(client: ApiClient, sqlite_store: SqliteStore) -> None:
    r = client.post("/cases", json={"id": "c1", "title": "X", "child_ids": ["lotte", "ghost"]})
    assert error(r, 404, "not_found")["detail"] == "No person with id 'ghost'."
    assert sqlite_store.list_cases() == []
    assert sqlite_store.cases_of("lotte") == []


@pytest.mark.usefixtures("children")
@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"title": "X", "child_ids": []}, ["body", "child_ids"]),
        ({"title": "X", "child_ids": ["lotte", "lotte"]}, ["body", "child_ids"]),
        ({"child_ids": ["lotte"]}, ["body", "title"]),
        ({"title": "X", "child_ids": ["lotte"], "status": "done"}, ["body", "status"]),
        ({"title": "X", "child_ids": ["lotte"], "opened_on": "2026-02-30"}, ["body", "opened_on"]),
        ({"title": "X", "child_ids": "lotte"}, ["body", "child_ids"]),
    ],
)
def test_create_refuses_invalid_cases(
    client: ApiClient, sqlite_store: SqliteStore, body: Any, where: Any
) -> None:
    err = error(client.post("/cases", json=body), 422, "validation_error")
    assert err["errors"][0]["loc"] == where
    assert sqlite_store.list_cases() == []


@pytest.mark.usefixtures("children")
def test_duplicate_id_is_a_conflict(client: ApiClient) -> None:
    first = client.add_case("c1", "Lotte", ["lotte"])
    r = client.post("/cases", json={"id": "c1", "title": "Mila", "child_ids": ["mila"]})
    error(r, 409, "conflict")
    assert client.get("/cases/c1").json() == first


@pytest.mark.usefixtures("children")
def test_patch_changes_only_the_fields_sent(client: ApiClient) -> None:
    before = client.add_case("c1", "Lotte", ["lotte"], team="Gent", notes="first meeting in May")
    r = client.patch("/cases/c1", json={"title": "Lotte en Lars", "child_ids": ["lotte", "lars"]})
    assert r.status_code == 200, r.text
    after = r.json()
    assert (after["title"], after["child_ids"]) == ("Lotte en Lars", ["lotte", "lars"])
    for unchanged in ("status", "team", "notes", "opened_on"):
        assert after[unchanged] == before[unchanged]
    assert after["provenance"]["updated_by"] == ADMIN_LOGIN

    # refused changes leave the case as it was
    error(client.patch("/cases/c1", json={"child_ids": ["ghost"]}), 404, "not_found")
    error(client.patch("/cases/c1", json={"title": None}), 422, "validation_error")
    error(client.patch("/cases/c1", json={"child_ids": []}), 422, "validation_error")
    assert client.get("/cases/c1").json() == after
    names = [c["name"] for c in client.get("/cases").json()["items"][0]["children"]]
    assert names == ["Lotte Peeters", "Lars Peeters"]


@pytest.mark.usefixtures("children")
def test_delete_keeps_persons_and_ties(client: ApiClient, sqlite_store: SqliteStore) -> None:
    client.add_case("c1", "Lotte en Lars", ["lotte", "lars"])
    client.add_tie("t1", "lotte", "lars", "sibling")
    client.put_role("c1", "mila", circle="outer")
    assert client.delete("/cases/c1").status_code == 204
    error(client.get("/cases/c1"), 404, "not_found")
    error(client.get("/cases/c1/roles"), 404, "not_found")
    assert client.get("/persons/lotte").status_code == 200
    assert client.get("/ties/t1").status_code == 200
    assert sqlite_store.cases_of("mila") == []


def test_unknown_case_is_404_everywhere(client: ApiClient) -> None:
    for r in (
        client.get("/cases/c-none"),
        client.patch("/cases/c-none", json={"title": "X"}),
        client.delete("/cases/c-none"),
        client.get("/cases/c-none/network"),
        client.get("/cases/c-none/roles"),
    ):
        assert error(r, 404, "not_found")["detail"] == "No case with id 'c-none'."
