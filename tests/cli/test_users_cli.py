"""``tenhands users …``, ``export-person`` and ``erase``; the demo's sign-in lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tenhands.app import create_app
from tenhands.cli.main import app
from tenhands.graph.model import AuditAction
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.settings import Settings

runner = CliRunner()
PASSWORD = "een lange zin als wachtwoord\n"


def _store(url: str) -> SqliteStore:
    store = SqliteStore(url.removeprefix("sqlite:///"))
    store.init_schema()
    return store


def test_users_are_added_assigned_listed_and_disabled(cli_store: str) -> None:
    assert runner.invoke(app, ["demo", "--no-serve"]).exit_code == 0
    add = ["users", "add", "Lotte", "--name", "Lotte W", "--role", "worker", "--password-stdin"]
    result = runner.invoke(app, add, input=PASSWORD)
    assert result.exit_code == 0, result.output
    assert "een lange zin" not in result.output
    again = runner.invoke(app, add, input=PASSWORD)
    assert again.exit_code == 1 and "taken" in again.output
    weak = ["users", "add", "kim2", "--name", "K", "--role", "viewer", "--password-stdin"]
    refused = runner.invoke(app, weak, input="kort\n")
    assert refused.exit_code == 1 and "at least 10" in refused.output
    assert runner.invoke(app, ["users", "assign", "lotte", "demo-case"]).exit_code == 0
    missing = runner.invoke(app, ["users", "assign", "lotte", "c-nobody"])
    assert missing.exit_code == 1 and "no case" in missing.output
    listed = json.loads(runner.invoke(app, ["users", "list", "--json"]).output)
    lotte = next(u for u in listed if u["login"] == "lotte")
    assert (lotte["role"], lotte["cases"], lotte["disabled"]) == ("worker", ["demo-case"], False)

    token = runner.invoke(app, ["users", "token", "lotte", "--label", "script"]).output.strip()
    store = _store(cli_store)
    try:
        client = TestClient(create_app(Settings(store=cli_store), store=store))
        signed = {"Authorization": f"Bearer {token}"}
        assert client.get("/cases/demo-case", headers=signed).status_code == 200
        assert runner.invoke(app, ["users", "disable", "lotte"]).exit_code == 0
        assert client.get("/cases/demo-case", headers=signed).status_code == 401
    finally:
        store.close()
    unknown = runner.invoke(app, ["users", "passwd", "nobody", "--password-stdin"], input=PASSWORD)
    assert unknown.exit_code == 1 and "no user" in unknown.output


def test_the_demo_prints_sign_ins_that_work(cli_store: str) -> None:
    result = runner.invoke(app, ["demo", "--no-serve"])
    assert result.exit_code == 0
    lines = re.findall(
        r"^\s+(admin|worker|facilitator|viewer)\s+(\S+)\s+(\S+)$", result.output, re.M
    )
    assert {role for role, _, _ in lines} == {"admin", "worker", "facilitator", "viewer"}
    store = _store(cli_store)
    try:
        client = TestClient(create_app(Settings(store=cli_store), store=store))
        for role, login, password in lines:
            r = client.post("/auth/token", json={"login": login, "password": password})
            assert r.status_code == 201, (role, r.text)
            token = {"Authorization": f"Bearer {r.json()['token']}"}
            assert client.get("/cases/demo-case", headers=token).status_code == 200, role
    finally:
        store.close()
    # a second start gives new passwords: the old ones stop working
    second = runner.invoke(app, ["demo", "--no-serve"]).output
    assert lines[1][2] not in second


def test_a_person_is_exported_then_erased(cli_store: str, tmp_path: Path) -> None:
    runner.invoke(app, ["demo", "--no-serve"])
    store = _store(cli_store)
    try:
        person_id = next(r.person_id for r in store.list_roles("demo-case"))
        name = store.get_person(person_id).given_names[0]
    finally:
        store.close()
    out = tmp_path / "person.json"
    result = runner.invoke(app, ["export-person", person_id, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["given_names"][0] == name
    refused = runner.invoke(app, ["erase", person_id], input="n\n")
    assert refused.exit_code != 0
    result = runner.invoke(app, ["erase", person_id, "--yes"])
    assert result.exit_code == 0 and "Erased" in result.output
    store = _store(cli_store)
    try:
        assert person_id not in {r.person_id for r in store.list_roles("demo-case")}
        actions = {e.action for e in store.list_audit(entity_id=person_id)}
        assert {AuditAction.export, AuditAction.erase} <= actions
    finally:
        store.close()
    child = runner.invoke(app, ["erase", "demo-lina", "--yes"])
    assert child.exit_code == 1
    assert runner.invoke(app, ["erase", "nobody", "--yes"]).exit_code == 1
