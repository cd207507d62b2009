"""``/cases/{case_id}/feedback`` and ``/feedback/summary``: anonymous answers per case,
summarised for the organisation without pointing at a family."""

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
        c.add_person("kid2", "Jef", "Claes")
        c.add_case("c1", "Lotte", ["kid"])
        c.add_case("c2", "Jef", ["kid2"])
        yield c


def answer(heard: int, **extra: object) -> dict[str, object]:
    return {"given_on": "2026-11-14", "respondent": "parent", "answers": {"heard": heard},
            **extra}  # fmt: skip


def test_feedback_is_stored_per_case_without_a_name(client: ApiClient) -> None:
    meeting = client.post("/cases/c1/meetings", json={"held_on": "2026-11-14"}).json()
    r = client.post("/cases/c1/feedback", json=answer(4, meeting_id=meeting["id"],
                                                       comment="Goed gesprek"))  # fmt: skip
    assert r.status_code == 201, r.text
    assert r.json()["answers"] == {"heard": 4} and "name" not in r.json()
    today = client.post("/cases/c1/feedback", json={"answers": {"clear": 5}}).json()
    assert today["given_on"] and today["respondent"] == "other"
    assert [f["answers"] for f in client.get("/cases/c1/feedback").json()["items"]] == [
        {"heard": 4},
        {"clear": 5},
    ]
    assert client.get("/cases/c2/feedback").json()["items"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"answers": {}},
        {"answers": {"heard": 6}},
        {"answers": {"heard": 0}},
        {"answers": {"liked": 3}},
        {"answers": {"heard": 3}, "name": "Mama"},
    ],
)
def test_bad_answers_are_refused(client: ApiClient, body: dict[str, object]) -> None:
    error(client.post("/cases/c1/feedback", json=body), 422, "validation_error")
    assert client.get("/cases/c1/feedback").json()["items"] == []


def test_a_meeting_of_another_case_is_not_found(client: ApiClient) -> None:
    other = client.post("/cases/c2/meetings", json={"held_on": "2026-11-14"}).json()
    error(client.post("/cases/c1/feedback", json=answer(4, meeting_id=other["id"])), 404,
          "not_found")  # fmt: skip


def test_the_summary_shows_averages_only_behind_enough_answers(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    for n, heard in enumerate([5, 4, 4, 2]):
        client.post(f"/cases/c{1 + n % 2}/feedback", json=answer(heard, comment=f"c{n}"))
    few = client.get("/feedback/summary").json()
    heard = few["questions"][0]
    assert (few["responses"], few["cases"], few["comments"]) == (4, 2, 4)
    assert (heard["question"], heard["answers"], heard["average"], heard["low"]) == (
        "heard", 4, None, None,
    )  # fmt: skip
    client.post("/cases/c1/feedback", json=answer(5))
    enough = client.get("/feedback/summary").json()["questions"][0]
    assert (enough["average"], enough["low"], enough["high"]) == (4.0, 1, 4)
    later = client.get("/feedback/summary", params={"since": "2026-12-01"}).json()
    assert later["responses"] == 0
    assert "c0" not in str(enough)  # comments are counted, never quoted


def test_only_admins_see_the_summary(client: ApiClient, sqlite_store: SqliteStore) -> None:
    worker = bearer(sqlite_store, "wim", UserRole.worker, ("c1",))
    viewer = bearer(sqlite_store, "vik", UserRole.viewer, ("c1",))
    error(client.get("/feedback/summary", headers=worker), 403, "forbidden")
    error(client.post("/cases/c1/feedback", json=answer(3), headers=viewer), 403, "forbidden")
    facilitator = bearer(sqlite_store, "fien", UserRole.facilitator, ("c1",))
    assert client.post("/cases/c1/feedback", json=answer(3), headers=facilitator).status_code == 201
