"""Data out and erasure through the API: a case's JSON, one person's data, erasing one."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, bearer, error
from builders import case, person, role, tie

from tenhands.graph.errors import NotFound
from tenhands.graph.model import AuditAction, UserRole
from tenhands.graph.store import GraphStore


@pytest.fixture
def client(store: GraphStore) -> Iterator[ApiClient]:
    store.create_person(person("kind", "Amira", "Zzyxa"))
    store.create_person(person("tante", "Qorinde", "Zzyxa"))
    store.create_tie(tie("t1", "tante", "kind", "other_relative"))
    store.create_case(case("c1", "kind"))
    store.set_role(role("c1", "tante"))
    with ApiClient.over(store) as c:
        yield c


def test_a_case_exports_as_json_for_workers_on_it(client: ApiClient, store: GraphStore) -> None:
    r = client.get("/cases/c1/export")
    assert r.status_code == 200
    assert r.headers["content-disposition"] == 'attachment; filename="c1.json"'
    bundle = r.json()
    assert {p["id"] for p in bundle["persons"]} == {"kind", "tante"}
    facilitator = bearer(store, "fien", UserRole.facilitator, ("c1",))
    error(client.get("/cases/c1/export", headers=facilitator), 403, "forbidden")


def test_a_persons_data_exports_whole_and_the_export_is_audited(
    client: ApiClient, store: GraphStore
) -> None:
    assert client.get("/persons/tante").status_code == 200
    r = client.get("/persons/tante/export")
    assert r.status_code == 200
    data = r.json()
    assert data["format"] == "tenhands-subject-export/1"
    assert data["person"]["given_names"] == ["Qorinde"]
    assert [t["id"] for t in data["ties"]] == ["t1"] and data["cases"] == ["c1"]
    assert any(e["action"] == "read" for e in data["audit"])
    assert store.list_audit(entity_id="tante", action=AuditAction.export)
    error(client.get("/persons/nobody/export"), 404, "not_found")


def test_erasing_a_person_removes_them_and_audits_only_that(
    client: ApiClient, store: GraphStore
) -> None:
    r = client.post("/persons/tante/erase")
    assert r.status_code == 200, r.text
    done = r.json()
    assert (done["person_id"], done["ties"], done["roles"], done["cases"]) == (
        "tante",
        1,
        1,
        ["c1"],
    )
    with pytest.raises(NotFound):
        store.get_person("tante")
    error(client.get("/persons/tante"), 404, "not_found")
    erased = store.list_audit(entity_id="tante", action=AuditAction.erase)
    assert len(erased) == 1
    assert "Qorinde" not in json.dumps([e.model_dump(mode="json") for e in store.list_audit()])


def test_a_child_of_a_case_is_not_erased(client: ApiClient, store: GraphStore) -> None:
    error(client.post("/persons/kind/erase"), 409, "conflict")
    assert store.get_person("kind").given_names == ["Amira"]
