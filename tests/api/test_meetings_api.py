"""``/cases/{case_id}/meetings``: who came from the network, the plan version agreed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, bearer, error

from tenhands.graph.model import UserRole
from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    with ApiClient.over(sqlite_store) as c:
        c.add_person("kid", "Lotte", "Peeters")
        c.add_person("oma", "Maria", "Peeters")
        c.add_person("buiten", "Jef", "Claes")
        c.add_case("c1", "Lotte", ["kid"])
        c.add_case("c2", "Jef", ["buiten"])
        c.put_role("c1", "oma", engagement="committed")
        c.post("/cases/c1/plans", json={"tasks": [{"what": "Koken", "who": ["oma"]}]})
        yield c


MEETING = {
    "held_on": "2026-11-14",
    "kind": "family_group_conference",
    "attended": ["kid", "oma"],
    "others": ["coördinator"],
    "plan_version": 1,
    "next_review_on": "2026-12-12",
}


def test_a_meeting_is_recorded_read_replaced_and_removed(client: ApiClient) -> None:
    r = client.post("/cases/c1/meetings", json=MEETING)
    assert r.status_code == 201, r.text
    meeting = r.json()
    assert r.headers["Location"] == f"/cases/c1/meetings/{meeting['id']}"
    assert (meeting["attended"], meeting["plan_version"]) == (["kid", "oma"], 1)
    assert client.get(f"/cases/c1/meetings/{meeting['id']}").json() == meeting
    later = client.post("/cases/c1/meetings", json={**MEETING, "held_on": "2026-12-12",
                                                   "next_review_on": None}).json()  # fmt: skip
    earlier = {**MEETING, "held_on": "2026-10-01", "kind": "review", "next_review_on": None}
    replaced = client.put(f"/cases/c1/meetings/{later['id']}", json=earlier)
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["provenance"]["updated_by"] == "wout.werker"
    listed = client.get("/cases/c1/meetings").json()["items"]
    assert [m["id"] for m in listed] == [later["id"], meeting["id"]]
    assert client.delete(f"/cases/c1/meetings/{meeting['id']}").status_code == 204
    error(client.get(f"/cases/c1/meetings/{meeting['id']}"), 404, "not_found")


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"attended": ["kid", "buiten"]}, ["body", "attended", 1]),
        ({"plan_version": 2}, ["body", "plan_version"]),
        ({"next_review_on": "2026-11-01"}, ["body"]),
        ({"held_on": "gisteren"}, ["body", "held_on"]),
    ],
)
def test_a_meeting_that_cannot_be_is_refused_at_the_field(
    client: ApiClient, sqlite_store: SqliteStore, change: dict[str, object], loc: list[object]
) -> None:
    body = error(client.post("/cases/c1/meetings", json={**MEETING, **change}), 422,
                 "validation_error")  # fmt: skip
    assert body["errors"][0]["loc"] == loc
    assert sqlite_store.list_meetings("c1") == []


def test_a_meeting_of_another_case_is_not_found_there(client: ApiClient) -> None:
    other = client.post("/cases/c2/meetings", json={"held_on": "2026-11-01"}).json()
    error(client.get(f"/cases/c1/meetings/{other['id']}"), 404, "not_found")
    error(client.put(f"/cases/c1/meetings/{other['id']}", json=MEETING), 404, "not_found")
    error(client.delete(f"/cases/c1/meetings/{other['id']}"), 404, "not_found")
    assert client.get(f"/cases/c2/meetings/{other['id']}").status_code == 200


def test_viewers_read_meetings_and_other_workers_see_nothing(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    client.post("/cases/c1/meetings", json=MEETING)
    viewer = bearer(sqlite_store, "vik", UserRole.viewer, ("c1",))
    stranger = bearer(sqlite_store, "stan", UserRole.worker, ("c2",))
    assert len(client.get("/cases/c1/meetings", headers=viewer).json()["items"]) == 1
    error(client.post("/cases/c1/meetings", json=MEETING, headers=viewer), 403, "forbidden")
    error(client.get("/cases/c1/meetings", headers=stranger), 403, "forbidden")
