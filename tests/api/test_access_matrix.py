"""Per-case access: every role × every endpoint that touches person data × a case of
their own and a case of someone else. Nobody reads or changes another case's people;
every role does exactly what its permissions say; a request not signed in gets 401.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from api_helpers import ApiClient, Json, bearer
from builders import case, person, role, tie

from tenhands.api.auth.permissions import ROLE_PERMISSIONS, Permission
from tenhands.graph.model import (
    AuditAction,
    Candidate,
    CandidateKind,
    Plan,
    Record,
    Task,
    UserRole,
)
from tenhands.graph.store import GraphStore

P = Permission

# Two cases with distinctive (synthetic) names, so a leak shows up in any response.
CASES = {
    "own": ("c-own", "Ownkind", "Ownmoeder", "Ownvriendin"),
    "other": ("c-other", "Othkind", "Othmoeder", "Othvriendin"),
}


def seed(store: GraphStore) -> None:
    for side, (cid, child, mother, friend) in CASES.items():
        store.create_person(person(f"{side}-child", child, "Zzyxa"))
        store.create_person(person(f"{side}-mum", mother, "Zzyxa"))
        store.create_person(person(f"{side}-friend", friend, "Qwerv"))
        store.create_tie(tie(f"{side}-t1", f"{side}-mum", f"{side}-child", "parent"))
        store.create_tie(tie(f"{side}-t2", f"{side}-friend", f"{side}-child", "friend"))
        store.create_case(case(cid, f"{side}-child"))
        store.set_role(role(cid, f"{side}-mum"))
        store.set_role(role(cid, f"{side}-friend"))
        store.add_plan(
            Plan(case_id=cid, tasks=[Task(id=f"{side}-k1", what="Koken", who=[f"{side}-mum"])])
        )
        store.add_records([Record(id=f"{side}-rec", case_id=cid, given_names=mother)])
        store.save_candidate(
            Candidate(
                id=f"{side}-cand",
                kind=CandidateKind.kin,
                case_id=cid,
                record_id=f"{side}-rec",
                relation="aunt",
                relation_to=f"{side}-child",
                score=0.5,
            )
        )


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    needs: Permission
    body: Json | None = None

    def url(self, side: str) -> str:
        cid = CASES[side][0] if side in CASES else f"c-{side}"
        return self.path.format(c=cid, s=side)

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


ENDPOINTS = [
    Endpoint("GET", "/cases/{c}", P.read_case),
    Endpoint("GET", "/cases/{c}/network", P.read_case),
    Endpoint("GET", "/cases/{c}/people", P.read_case),
    Endpoint("GET", "/cases/{c}/roles", P.read_case),
    Endpoint("GET", "/cases/{c}/roles/{s}-mum", P.read_case),
    Endpoint("GET", "/cases/{c}/candidates", P.read_case),
    Endpoint("GET", "/cases/{c}/map?mode=projection", P.read_case),
    Endpoint("GET", "/cases/{c}/map?mode=work", P.work_map),
    Endpoint("GET", "/cases/{c}/export.ged", P.export),
    Endpoint("GET", "/persons/{s}-mum", P.read_case),
    Endpoint("GET", "/persons/{s}-mum/ties", P.read_case),
    Endpoint("GET", "/persons/{s}-mum/neighbourhood", P.read_case),
    Endpoint("GET", "/ties/{s}-t1", P.read_case),
    Endpoint("GET", "/candidates/{s}-cand", P.read_case),
    Endpoint("GET", "/records/{s}-rec", P.find_kin),
    Endpoint("GET", "/records?case_id={c}", P.find_kin),
    Endpoint("PATCH", "/cases/{c}", P.write_case, {"team": "Team Oost"}),
    Endpoint("PATCH", "/persons/{s}-friend", P.write_case, {"notes": "belt op woensdag"}),
    Endpoint("PATCH", "/ties/{s}-t2", P.write_case, {"quality": "strong"}),
    Endpoint("PUT", "/cases/{c}/roles/{s}-friend", P.write_case, {"circle": "inner"}),
    Endpoint("POST", "/cases/{c}/find?duplicates=false", P.find_kin),
    Endpoint("POST", "/candidates/{s}-cand/reject", P.review, {"reason": "geen familie"}),
    Endpoint("GET", "/cases/{c}/plans", P.read_case),
    Endpoint("PUT", "/cases/{c}/plans/1/tasks/{s}-k1/status", P.write_plan, {"status": "done"}),
    Endpoint("POST", "/cases/{c}/plans", P.write_plan, {"worries": ["synthetisch"]}),
    Endpoint("GET", "/cases/{c}/meetings", P.read_case),
    Endpoint("POST", "/cases/{c}/meetings", P.write_plan, {"held_on": "2026-11-14"}),
    Endpoint("GET", "/cases/{c}/feedback", P.read_case),
    Endpoint("POST", "/cases/{c}/feedback", P.write_plan, {"answers": {"heard": 4}}),
    Endpoint("GET", "/feedback/summary", P.read_reports),
    Endpoint("GET", "/cases/{c}/figures", P.read_case),
    Endpoint("GET", "/cases/{c}/handout", P.read_case),
    Endpoint("GET", "/cases/{c}/export", P.export),
    Endpoint("GET", "/persons/{s}-mum/export", P.data_subject),
    Endpoint("POST", "/cases/{c}/roles/{s}-mum/contacts", P.write_case, {"way": "visit"}),
    Endpoint("POST", "/persons/{s}-friend/erase", P.data_subject),
    Endpoint("DELETE", "/cases/{c}", P.all_cases),
]


@pytest.fixture
def app(store: GraphStore) -> Iterator[tuple[ApiClient, dict[UserRole, Json]]]:
    seed(store)
    signed_in = {r: bearer(store, f"{r.value}.one", r, (CASES["own"][0],)) for r in UserRole}
    with ApiClient.over(store) as client:
        yield client, signed_in


def call(client: ApiClient, endpoint: Endpoint, side: str, headers: Json) -> tuple[int, str]:
    r = client.request(endpoint.method, endpoint.url(side), json=endpoint.body, headers=headers)
    return r.status_code, r.text


def expected(user_role: UserRole, endpoint: Endpoint, side: str) -> bool:
    may = endpoint.needs in ROLE_PERMISSIONS[user_role]
    return may and (side == "own" or P.all_cases in ROLE_PERMISSIONS[user_role])


@pytest.mark.parametrize("user_role", list(UserRole))
def test_each_role_does_what_it_may_on_its_own_case_and_nothing_on_another(
    app: tuple[ApiClient, dict[UserRole, Json]], user_role: UserRole
) -> None:
    client, signed_in = app
    headers = signed_in[user_role]
    wrong = []
    for endpoint in ENDPOINTS:
        for side in ("own", "other"):
            status, text = call(client, endpoint, side, headers)
            allowed = expected(user_role, endpoint, side)
            bad_request = status in (400, 422)  # the matrix sends only valid requests
            # another case's thing is refused (403) or not found, like an unknown one
            refused = status == 403 or (status == 404 and side == "other")
            if status >= 500 or status == 401 or bad_request or refused == allowed:
                wrong.append(f"{endpoint} [{side}] -> {status} (allowed: {allowed})")
            if status == 403:
                assert json.loads(text)["code"] == "forbidden"
            if user_role is not UserRole.admin:
                other_names = CASES["other"][1:]
                leaked = [n for n in other_names if n in text]
                assert not leaked, f"{endpoint} [{side}] shows {leaked}"
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("user_role", [UserRole.worker, UserRole.facilitator, UserRole.viewer])
def test_another_cases_ids_get_the_answer_unknown_ids_get(
    app: tuple[ApiClient, dict[UserRole, Json]], user_role: UserRole
) -> None:
    """Nobody learns that an id exists in a case not theirs: the status and the sentence
    (with the id put back) are those of an id that does not exist."""
    client, signed_in = app
    headers = signed_in[user_role]
    differ = []
    for endpoint in ENDPOINTS:
        if endpoint.needs is P.all_cases or endpoint.needs is P.read_reports:
            continue
        other, other_text = call(client, endpoint, "other", headers)
        nope, nope_text = call(client, endpoint, "nope", headers)
        if other in (200, 201, 204):
            continue  # allowed (a role with every case)
        other_detail = json.loads(other_text)["detail"].replace("other", "nope")
        if (other, other_detail) != (nope, json.loads(nope_text)["detail"]):
            differ.append(f"{endpoint}: {other} {other_text} / {nope} {nope_text}")
    assert not differ, "\n".join(differ)


def test_nothing_answers_without_signing_in(
    app: tuple[ApiClient, dict[UserRole, Json]], store: GraphStore
) -> None:
    client, _ = app
    persons = store.count_persons()
    for endpoint in ENDPOINTS:
        r = client.request(
            endpoint.method,
            endpoint.url("own"),
            json=endpoint.body,
            headers={"Authorization": "Bearer not-a-token"},
        )
        assert r.status_code == 401, f"{endpoint} -> {r.status_code}"
        assert not any(n in r.text for n in CASES["own"][1:])
    assert store.count_persons() == persons
    assert store.get_case("c-own").team is None


def test_lists_show_only_the_users_own_cases_and_people(
    app: tuple[ApiClient, dict[UserRole, Json]],
) -> None:
    client, signed_in = app
    for user_role in (UserRole.worker, UserRole.facilitator, UserRole.viewer):
        headers = signed_in[user_role]
        cases = client.get("/cases", headers=headers).json()["items"]
        assert [c["id"] for c in cases] == ["c-own"]
        persons = client.get("/persons", headers=headers).json()["items"]
        assert {p["id"] for p in persons} == {"own-child", "own-mum", "own-friend"}
        found = client.get("/persons", params={"q": "Othmoeder Zzyxa"}, headers=headers)
        ids = [p["id"] for p in found.json()["items"]]  # a name search stays in their cases
        assert ids and not [i for i in ids if i.startswith("other-")]
        found = client.get("/persons", params={"q": "Ownmoeder Zzyxa"}, headers=headers)
        assert [p["id"] for p in found.json()["items"]] == ["own-mum"]
    admin_cases = client.get("/cases", headers=signed_in[UserRole.admin]).json()["items"]
    assert {c["id"] for c in admin_cases} == {"c-own", "c-other"}


def test_a_worker_cannot_pull_another_cases_person_into_their_case(
    app: tuple[ApiClient, dict[UserRole, Json]], store: GraphStore
) -> None:
    client, signed_in = app
    worker = signed_in[UserRole.worker]
    r = client.put("/cases/c-own/roles/other-mum", json={}, headers=worker)
    assert r.status_code == 404
    r = client.post(
        "/ties",
        json={"source_id": "own-mum", "target_id": "other-mum", "kind": "sibling"},
        headers=worker,
    )
    assert r.status_code == 404
    r = client.post("/cases", json={"title": "Nieuw", "child_ids": ["other-child"]}, headers=worker)
    assert r.status_code == 404
    r = client.patch(
        "/cases/c-own", json={"child_ids": ["own-child", "other-child"]}, headers=worker
    )
    assert r.status_code == 404
    assert store.get_case("c-own").child_ids == ["own-child"]
    assert "c-own" not in store.cases_of("other-mum")
    assert "c-own" not in store.cases_of("other-child")


def test_a_person_added_by_a_worker_can_be_placed_in_their_case(
    app: tuple[ApiClient, dict[UserRole, Json]], store: GraphStore
) -> None:
    client, signed_in = app
    worker = signed_in[UserRole.worker]
    made = client.post(
        "/persons", json={"sex": "unknown", "given_names": ["Nieuwe"]}, headers=worker
    ).json()
    assert client.get(f"/persons/{made['id']}", headers=worker).status_code == 200
    viewer = signed_in[UserRole.viewer]
    assert client.get(f"/persons/{made['id']}", headers=viewer).status_code == 404
    r = client.put(f"/cases/c-own/roles/{made['id']}", json={"circle": "outer"}, headers=worker)
    assert r.status_code == 201
    assert client.get(f"/persons/{made['id']}", headers=viewer).status_code == 200


def test_a_case_opened_by_a_worker_is_assigned_to_them(
    app: tuple[ApiClient, dict[UserRole, Json]], store: GraphStore
) -> None:
    client, signed_in = app
    worker = signed_in[UserRole.worker]
    r = client.post("/cases", json={"title": "Broer", "child_ids": ["own-mum"]}, headers=worker)
    assert r.status_code == 201
    assert client.get(f"/cases/{r.json()['id']}/network", headers=worker).status_code == 200


def test_reads_and_writes_of_person_data_are_audited_without_values(
    app: tuple[ApiClient, dict[UserRole, Json]], store: GraphStore
) -> None:
    client, signed_in = app
    worker = signed_in[UserRole.worker]
    assert client.get("/persons/own-mum", headers=worker).status_code == 200
    assert client.get("/cases/c-own/network", headers=worker).status_code == 200
    body = {"notes": "Ownsecret"}
    assert client.patch("/persons/own-friend", json=body, headers=worker).status_code == 200
    events = store.list_audit(actor="worker.one", limit=50)
    seen = {(e.action, e.entity, e.entity_id, e.case_id) for e in events}
    assert (AuditAction.read, "person", "own-mum", "c-own") in seen
    assert (AuditAction.read, "case", "c-own", "c-own") in seen
    assert (AuditAction.update, "person", "own-friend", "c-own") in seen
    dumped = " ".join(e.model_dump_json() for e in events)
    for name in (*CASES["own"][1:], "Ownsecret", "Zzyxa"):
        assert name not in dumped
    # a refused request is not recorded as a read
    assert client.get("/persons/other-mum", headers=worker).status_code == 404
    assert not store.list_audit(actor="worker.one", entity_id="other-mum")
