"""Managing users and case assignments (admins), and the audit log and its export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from api_helpers import ADMIN_LOGIN, ApiClient, bearer, error
from builders import case, person

from tenhands.graph.model import UserRole
from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    sqlite_store.create_person(person("kind", "Amira", "Zzyxa"))
    sqlite_store.create_case(case("c1", "kind"))
    with ApiClient.over(sqlite_store) as c:
        yield c


def test_an_admin_adds_a_user_assigns_a_case_and_the_user_sees_it(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    r = client.post(
        "/users",
        json={"login": "Nora.F", "display_name": "Nora", "role": "facilitator",
              "password": "een lange zin als wachtwoord"},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["login"] == "nora.f" and made["case_ids"] == []
    assert "password" not in json.dumps(made)
    assert client.put(f"/users/{made['id']}/cases/c1").status_code == 204
    assert client.get(f"/users/{made['id']}").json()["case_ids"] == ["c1"]
    r = client.post(
        "/auth/token", json={"login": "nora.f", "password": "een lange zin als wachtwoord"}
    )
    nora = {"Authorization": f"Bearer {r.json()['token']}"}
    assert client.get("/cases/c1", headers=nora).status_code == 200
    assert client.delete(f"/users/{made['id']}/cases/c1").status_code == 204
    error(client.get("/cases/c1", headers=nora), 403, "forbidden")
    error(client.delete(f"/users/{made['id']}/cases/c1"), 404, "not_found")


def test_user_input_is_checked(client: ApiClient) -> None:
    base = {"login": "x1", "display_name": "X", "role": "worker", "password": "kort"}
    assert "10" in error(client.post("/users", json=base), 422, "invalid_input")["detail"]
    r = client.post("/users", json={**base, "password": "goed genoeg wachtwoord", "role": "baas"})
    error(r, 422, "validation_error")
    r = client.post("/users", json={**base, "login": "met spatie", "password": "x" * 12})
    error(r, 422, "validation_error")
    ok = {**base, "password": "goed genoeg wachtwoord"}
    assert client.post("/users", json=ok).status_code == 201
    error(client.post("/users", json=ok), 409, "conflict")
    error(client.put("/users/nobody/cases/c1"), 404, "not_found")


def test_only_admins_manage_users_and_read_the_audit(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    worker = bearer(sqlite_store, "wim", UserRole.worker, ("c1",))
    for method, path in (
        ("GET", "/users"),
        ("POST", "/users"),
        ("GET", "/audit"),
        ("GET", "/audit/export"),
        ("POST", "/persons/kind/erase"),
        ("GET", "/persons/kind/export"),
    ):
        r = client.request(method, path, headers=worker, json={})
        assert r.status_code == 403, (method, path, r.status_code)


def test_an_admin_cannot_lock_themself_out(client: ApiClient, sqlite_store: SqliteStore) -> None:
    me = sqlite_store.get_user_by_login(ADMIN_LOGIN)
    error(client.patch(f"/users/{me.id}", json={"disabled": True}), 409, "conflict")
    error(client.patch(f"/users/{me.id}", json={"role": "viewer"}), 409, "conflict")


def test_the_audit_log_is_filtered_paged_and_exported(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    worker = bearer(sqlite_store, "wim", UserRole.worker, ("c1",))
    for _ in range(3):
        assert client.get("/cases/c1/network", headers=worker).status_code == 200
    assert client.get("/persons/kind", headers=worker).status_code == 200
    page = client.get("/audit", params={"actor": "wim", "limit": 2}).json()
    assert page["total"] == 4 and len(page["items"]) == 2 and page["next_offset"] == 2
    assert [e["actor"] for e in page["items"]] == ["wim", "wim"]
    person_reads = client.get("/audit", params={"entity_id": "kind", "action": "read"}).json()
    assert person_reads["total"] == 1 and person_reads["items"][0]["case_id"] == "c1"
    r = client.get("/audit/export", params={"actor": "wim", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 4 and {row["actor"] for row in rows} == {"wim"}
    assert "Amira" not in r.text and "Zzyxa" not in r.text
    r = client.get("/audit/export", params={"format": "jsonl", "case_id": "c1"})
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert all(line["case_id"] == "c1" for line in lines)
    assert [line["action"] for line in lines] == ["export", "read", "read", "read", "read"]
    exported = client.get("/audit", params={"action": "export"}).json()
    assert exported["total"] == 2  # the exports themselves are in the audit log
    error(client.get("/audit", params={"since": "gisteren"}), 422, "validation_error")
