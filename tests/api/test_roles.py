"""``/cases/{case_id}/roles``: a person's place in a case's network."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from api_helpers import ADMIN_LOGIN, ApiClient, error

from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    with ApiClient.over(sqlite_store) as c:
        yield c


@pytest.fixture(autouse=True)
def case(client: ApiClient) -> None:
    client.add_person("kid", "Lotte", "Peeters")
    client.add_person("gran", "Maria", "Peeters")
    client.add_person("buur", "Ahmed", "El Amrani")
    client.add_case("c1", "Lotte", ["kid"])


def test_put_creates_then_replaces(client: ApiClient, sqlite_store: SqliteStore) -> None:
    r = client.put(
        "/cases/c1/roles/gran",
        json={
            "circle": "inner",
            "engagement": "committed",
            "support": ["respite", "emotional"],
            "note": "takes Lotte on Wednesdays",
            "source": {"kind": "interview"},
        },
    )
    assert r.status_code == 201, r.text
    made = r.json()
    assert (made["case_id"], made["person_id"]) == ("c1", "gran")
    assert made["support"] == ["emotional", "respite"]
    assert made["provenance"]["created_by"] == ADMIN_LOGIN
    assert made["provenance"]["source"]["kind"] == "interview"
    assert client.get("/cases/c1/roles/gran").json() == made

    r = client.put("/cases/c1/roles/gran", json={"circle": "middle"})
    assert r.status_code == 200, r.text
    replaced = r.json()
    assert replaced["circle"] == "middle"
    assert replaced["engagement"] == "identified"  # replaced as a whole: defaults again
    assert replaced["support"] == []
    assert replaced["note"] is None
    assert replaced["provenance"]["created_at"] == made["provenance"]["created_at"]
    assert replaced["provenance"]["source"]["kind"] == "interview"  # kept when not sent
    assert replaced["provenance"]["updated_by"] == ADMIN_LOGIN
    assert sqlite_store.get_role("c1", "gran").circle == "middle"


def test_list_by_person_id(client: ApiClient) -> None:
    client.put_role("c1", "gran", circle="inner")
    client.put_role("c1", "buur", circle="outer", support=["transport"])
    roles = client.get("/cases/c1/roles").json()["items"]
    assert [(r["person_id"], r["circle"], r["support"]) for r in roles] == [
        ("buur", "outer", ["transport"]),
        ("gran", "inner", []),
    ]
    client.put_role("c1", "gran", circle="inner", engagement="committed")
    committed = client.get("/cases/c1/roles", params={"engagement": "committed"}).json()
    assert [r["person_id"] for r in committed["items"]] == ["gran"]
    page = client.get("/cases/c1/roles", params={"limit": 1, "offset": 1}).json()
    assert [r["person_id"] for r in page["items"]] == ["gran"] and page["next_offset"] == 2


def test_patch_changes_only_the_fields_sent(client: ApiClient) -> None:
    before = client.put_role("c1", "gran", circle="inner", support=["respite"], note="Wednesdays")
    r = client.patch("/cases/c1/roles/gran", json={"engagement": "engaged"})
    assert r.status_code == 200, r.text
    after = r.json()
    assert after["engagement"] == "engaged"
    for unchanged in ("circle", "support", "note", "risk_flags", "confidential"):
        assert after[unchanged] == before[unchanged]
    error(client.patch("/cases/c1/roles/gran", json={"case_id": "c2"}), 422, "validation_error")
    error(client.patch("/cases/c1/roles/buur", json={"circle": "inner"}), 404, "not_found")
    assert client.get("/cases/c1/roles/gran").json() == after


def test_delete(client: ApiClient, sqlite_store: SqliteStore) -> None:
    client.put_role("c1", "gran", circle="inner")
    assert client.delete("/cases/c1/roles/gran").status_code == 204
    body = error(client.get("/cases/c1/roles/gran"), 404, "not_found")
    assert body["detail"] == "Person 'gran' has no role in case 'c1'."
    assert sqlite_store.list_roles("c1") == []
    assert client.get("/persons/gran").status_code == 200
    error(client.delete("/cases/c1/roles/gran"), 404, "not_found")


def test_unknown_case_or_person(client: ApiClient, sqlite_store: SqliteStore) -> None:
    for r in (
        client.put("/cases/c-none/roles/gran", json={}),
        client.get("/cases/c-none/roles/gran"),
        client.patch("/cases/c-none/roles/gran", json={}),
        client.delete("/cases/c-none/roles/gran"),
    ):
        assert error(r, 404, "not_found")["detail"] == "No case with id 'c-none'."
    for r in (
        client.put("/cases/c1/roles/ghost", json={"circle": "inner"}),
        client.get("/cases/c1/roles/ghost"),
        client.patch("/cases/c1/roles/ghost", json={}),
    ):
        assert error(r, 404, "not_found")["detail"] == "No person with id 'ghost'."
    assert sqlite_store.list_roles("c1") == []


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"engagement": "maybe"}, ["body", "engagement"]),
        ({"circle": "innermost"}, ["body", "circle"]),
        ({"support": ["money"]}, ["body", "support", 0]),
        ({"risk_flags": "violence"}, ["body", "risk_flags"]),
        ({"last_contact": "yesterday"}, ["body", "last_contact"]),
        ({"person_id": "buur"}, ["body", "person_id"]),
    ],
)
def test_put_refuses_invalid_roles(
    client: ApiClient, sqlite_store: SqliteStore, body: Any, where: Any
) -> None:
    err = error(client.put("/cases/c1/roles/gran", json=body), 422, "validation_error")
    assert err["errors"][0]["loc"] == where
    assert sqlite_store.list_roles("c1") == []


def test_the_contact_log_grows_and_survives_a_put(client: ApiClient) -> None:
    client.put_role("c1", "gran", engagement="located")
    first = client.post(
        "/cases/c1/roles/gran/contacts",
        json={"at": "2026-03-02T10:00:00+01:00", "way": "visit", "note": "thuis bezocht"},
    )
    assert first.status_code == 201, first.text
    later = client.post(
        "/cases/c1/roles/gran/contacts",
        json={"at": "2026-03-09T18:30:00+01:00", "way": "phone", "reached": False},
    )
    earlier = client.post("/cases/c1/roles/gran/contacts", json={"at": "2026-01-15T09:00:00+01:00"})
    log = earlier.json()["contacts"]
    assert [c["way"] for c in log] == ["phone", "visit", "phone"]  # oldest first
    assert [c["reached"] for c in log] == [True, True, False]
    assert {c["by"] for c in log} == {ADMIN_LOGIN}
    assert later.json()["last_contact"] == earlier.json()["last_contact"]
    newest = datetime.fromisoformat(earlier.json()["last_contact"])
    assert newest == datetime(2026, 3, 9, 17, 30, tzinfo=UTC)
    replaced = client.put("/cases/c1/roles/gran", json={"engagement": "contacted"}).json()
    assert len(replaced["contacts"]) == 3 and replaced["engagement"] == "contacted"
    error(client.post("/cases/c1/roles/buur/contacts", json={"way": "phone"}), 404, "not_found")
    r = client.post("/cases/c1/roles/gran/contacts", json={"at": "2026-03-09T18:30:00"})
    error(r, 422, "validation_error")  # a time without its zone is ambiguous
    error(
        client.post("/cases/c1/roles/gran/contacts", json={"way": "duif"}), 422, "validation_error"
    )


def test_a_contact_in_the_future_is_refused_as_on_the_web_pages(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    client.put_role("c1", "gran", engagement="located")
    err = error(
        client.post("/cases/c1/roles/gran/contacts", json={"at": "2999-01-01T10:00:00+01:00"}),
        422,
        "invalid_input",
    )
    assert err["detail"] == "A contact cannot lie in the future."
    assert sqlite_store.get_role("c1", "gran").contacts == []
    now = client.post("/cases/c1/roles/gran/contacts", json={})  # now, by whoever logs it
    assert now.status_code == 201
    assert [c["by"] for c in now.json()["contacts"]] == [ADMIN_LOGIN]
