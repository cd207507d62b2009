"""``/cases/{case_id}/plans``: plan versions, with tasks for network members only."""

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
        c.put_role("c1", "oma", engagement="committed")
        yield c


PLAN = {
    "agreed_on": "2026-11-20",
    "worries": ["Lotte blijft alleen thuis als mama drinkt"],
    "working_well": ["Oma haalt Lotte elke woensdag"],
    "tasks": [{"what": "Lotte ophalen op woensdag", "who": ["oma"], "due": "2026-12-31"}],
    "safety_scale": [{"person_id": "oma", "score": 6, "on": "2026-11-20"}],
}


def test_versions_follow_each_other_and_stay_readable(client: ApiClient) -> None:
    first = client.post("/cases/c1/plans", json=PLAN)
    assert first.status_code == 201, first.text
    assert first.json()["version"] == 1 and first.headers["Location"] == "/cases/c1/plans/1"
    second = client.post("/cases/c1/plans", json={**PLAN, "worries": []})
    assert second.json()["version"] == 2
    assert client.get("/cases/c1/plans/1").json()["worries"] == PLAN["worries"]
    listed = client.get("/cases/c1/plans").json()["items"]
    assert [p["version"] for p in listed] == [1, 2]
    paged = client.get("/cases/c1/plans", params={"limit": 1, "offset": 1}).json()["items"]
    assert [p["version"] for p in paged] == [2]
    assert client.get("/cases/c1/plans", params={"offset": 2}).json()["items"] == []
    error(client.get("/cases/c1/plans/3"), 404, "not_found")


def test_a_task_for_someone_outside_the_network_is_refused(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    task = {"what": "Boodschappen", "who": ["oma", "buiten"]}
    r = client.post("/cases/c1/plans", json={**PLAN, "tasks": [task]})
    body = error(r, 422, "validation_error")
    assert body["errors"][0]["loc"] == ["body", "tasks", 0, "who", 1]
    assert "not in the case's network" in body["detail"]
    scale = [{"person_id": "buiten", "score": 3, "on": "2026-11-20"}]
    r = client.post("/cases/c1/plans", json={**PLAN, "safety_scale": scale})
    error(r, 422, "validation_error")
    assert sqlite_store.list_plans("c1") == []


def test_facilitators_record_plans_and_viewers_read_them(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    facilitator = bearer(sqlite_store, "fien", UserRole.facilitator, ("c1",))
    viewer = bearer(sqlite_store, "vik", UserRole.viewer, ("c1",))
    assert client.post("/cases/c1/plans", json=PLAN, headers=facilitator).status_code == 201
    error(client.post("/cases/c1/plans", json=PLAN, headers=viewer), 403, "forbidden")
    assert client.get("/cases/c1/plans/1", headers=viewer).status_code == 200


def test_the_three_columns_and_goals_round_trip(client: ApiClient) -> None:
    plan = {
        **PLAN,
        "harm": ["Lotte bleef 10 dagen thuis"],
        "complicating_factors": ["Mama en papa praten niet"],
        "existing_safety": ["Oma is er op woensdag"],
        "needs_to_happen": ["Elke avond een volwassene", "Lotte gaat elke dag naar school"],
        "tasks": [
            {"what": "Woensdag ophalen", "who": ["oma"], "needs": [1, 2]},
            {"what": "Thuisbegeleiding", "owner": "professional", "service": "CAW", "needs": [1]},
        ],
    }
    stored = client.post("/cases/c1/plans", json=plan)
    assert stored.status_code == 201, stored.text
    body = stored.json()
    assert body["harm"] == plan["harm"] and body["existing_safety"] == plan["existing_safety"]
    assert [t["needs"] for t in body["tasks"]] == [[1, 2], [1]]
    assert body["tasks"][1]["who"] == [] and body["tasks"][1]["service"] == "CAW"


@pytest.mark.parametrize(
    ("task", "where"),
    [
        ({"what": "Koken", "who": ["oma"], "needs": [3]}, ["body"]),
        ({"what": "Koken", "who": []}, ["body", "tasks", 0]),
        ({"what": "Hulp", "owner": "professional"}, ["body", "tasks", 0]),
    ],
)
def test_a_task_that_cannot_be_is_refused_and_nothing_is_stored(
    client: ApiClient, sqlite_store: SqliteStore, task: dict[str, object], where: list[object]
) -> None:
    r = client.post("/cases/c1/plans", json={**PLAN, "needs_to_happen": ["Één"], "tasks": [task]})
    body = error(r, 422, "validation_error")
    assert body["errors"][0]["loc"] == where
    assert sqlite_store.list_plans("c1") == []


def test_a_task_of_the_current_version_changes_status_and_earlier_ones_do_not(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    first = client.post("/cases/c1/plans", json=PLAN).json()
    task_id = first["tasks"][0]["id"]
    done = client.put(
        f"/cases/c1/plans/1/tasks/{task_id}/status", json={"status": "done", "note": "Gelukt"}
    )
    assert done.status_code == 200, done.text
    assert (done.json()["tasks"][0]["status"], done.json()["tasks"][0]["note"]) == (
        "done",
        "Gelukt",
    )
    assert done.json()["provenance"]["updated_by"] == "wout.werker"
    error(client.put("/cases/c1/plans/1/tasks/k-none/status", json={"status": "done"}), 404,
          "not_found")  # fmt: skip
    error(client.put("/cases/c1/plans/9/tasks/x/status", json={"status": "done"}), 404, "not_found")
    client.post("/cases/c1/plans", json=PLAN)
    r = client.put(f"/cases/c1/plans/1/tasks/{task_id}/status", json={"status": "not_done"})
    error(r, 409, "conflict")
    assert sqlite_store.list_plans("c1")[0].tasks[0].status.value == "done"
    bad = client.put(f"/cases/c1/plans/2/tasks/{task_id}/status", json={"status": "maybe"})
    error(bad, 422, "validation_error")
