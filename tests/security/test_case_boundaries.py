"""Two workers on two cases, played as an attacker would (both stores): worker A tries
every route that could carry case B's data into her answers — kin search, duplicate
proposals, candidate explanations, accept, undo, records, the family graph, persons,
ties, the case's own views and exports, the web pages — and no byte of what case B
holds reaches her, while case B stays as it was. What crosses is a link, shared only
when B's worker grants it, and both cases' audit logs say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from boundary_helpers import (
    A,
    B,
    case_b_as_stored,
    leaks,
    seed_two_cases,
    worker,
)
from builders import person, tie
from fastapi.testclient import TestClient

from tenhands.api.auth.tokens import issue
from tenhands.app import create_app
from tenhands.graph.model import (
    AuditAction,
    Candidate,
    CandidateKind,
    Evidence,
    LinkStatus,
    TokenKind,
    User,
    UserRole,
)
from tenhands.graph.store import GraphStore
from tenhands.settings import Settings

HTML = {"Accept": "text/html"}


@dataclass
class Attack:
    """Worker A's client, every answer she received, and worker B's headers."""

    client: TestClient
    a: dict[str, str]
    b: dict[str, str]
    answers: list[tuple[str, int, str]] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def call(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        headers = {**self.a, **kwargs.pop("headers", {})}  # type: ignore[dict-item]
        r = self.client.request(method, url, headers=headers, **kwargs)  # type: ignore[arg-type]
        self.answers.append((f"{method} {url}", r.status_code, r.text))
        self.asked.append(f"{url} {kwargs.get('json')}")
        return r

    def leaked(self) -> list[str]:
        """What answers held of case B, but the ids worker A sent herself."""
        out = []
        for (what, status, text), asked in zip(self.answers, self.asked, strict=True):
            found = [s for s in leaks(text) if s not in asked]
            if found:
                out.append(f"{what} -> {status}: {found}")
        return out


@pytest.fixture
def attack(store: GraphStore) -> Iterator[Attack]:
    seed_two_cases(store)
    a, b = worker(store, "anna", A), worker(store, "bert", B)
    with TestClient(create_app(Settings(store=store.describe()), store=store)) as client:
        yield Attack(client, a, b)


def test_what_b_holds_is_planted_where_b_reads_it(attack: Attack) -> None:
    """The secrets are real: worker B reads them in his own case (so the other tests
    can fail)."""
    seen = attack.client.get("/persons/b-mum", headers=attack.b).text
    seen += attack.client.get(f"/cases/{B}/roles/b-mum", headers=attack.b).text
    assert {"Schuilhuisstraat", "499 77 77 77", "SECRET-B-NOTE", "SECRET-B-ROLE"} <= {
        s for s in leaks(seen)
    }
    record = attack.client.get("/records/r-b1", headers=attack.b)
    assert record.status_code == 200 and "Verborgenlaan" in record.text


def test_no_route_hands_worker_a_anything_case_b_holds(attack: Attack, store: GraphStore) -> None:
    before = case_b_as_stored(store)
    # kin search, with duplicates: the namesake and the grandfather known only in B
    found = attack.call("POST", f"/cases/{A}/find?duplicates=true&limit=50")
    assert found.status_code == 200, found.text
    body = found.json()
    crossing = [c for c in (*body["kin"], *body["duplicates"]) if c["elsewhere"]]
    assert {c["kind"] for c in crossing} == {"kin", "duplicate"}  # both are proposed as links
    records = {c["record_id"] for c in (*body["kin"], *body["matches"]) if c["record_id"]}
    assert "r-agency" in records and "r-b1" not in records

    for status in ("pending", "accepted", "rejected"):
        attack.call("GET", f"/cases/{A}/candidates?status={status}")
    queue = attack.call("GET", f"/cases/{A}/candidates").json()["items"]
    for cand in queue:
        attack.call("GET", f"/candidates/{cand['id']}")
    for cand in queue:  # accepting each: links are refused, nothing of B is copied
        r = attack.call("POST", f"/candidates/{cand['id']}/accept", json={})
        if cand["elsewhere"]:
            assert r.status_code == 403, r.text
        elif r.status_code == 200:
            attack.call("POST", f"/candidates/{cand['id']}/undo")
    for cand in crossing:  # a corrected relation to B's person is refused too
        r = attack.call("POST", f"/candidates/{cand['id']}/accept", json={"relation_to": "b-mum"})
        assert r.status_code in (403, 404, 422), r.text

    # records, persons, ties and the family graph
    for url in (
        "/records",
        f"/records?case_id={B}",
        "/records/r-b1",
        "/records/r-agency",
        "/persons",
        "/persons?q=Samira%20Haddouchi",
        "/persons?q=Fatimageheim",
        "/persons/b-mum",
        "/persons/b-mum/ties",
        "/persons/a-mum/ties",
        "/persons/a-mum/neighbourhood?hops=4",
        "/ties/b-t2",
        "/ties/ab-t",
        "/links",
    ):
        attack.call("GET", url)
    # the case's own views and exports
    for url in (
        f"/cases/{A}",
        f"/cases/{A}/network",
        f"/cases/{A}/people",
        f"/cases/{A}/roles",
        f"/cases/{A}/figures",
        f"/cases/{A}/plans",
        f"/cases/{A}/handout",
        f"/cases/{A}/map?mode=work&view=genogram",
        f"/cases/{A}/map?mode=work&view=ecomap",
        f"/cases/{A}/export",
        f"/cases/{A}/export.ged",
        f"/cases/{B}/network",
        f"/cases/{B}/export",
    ):
        attack.call("GET", url)
    # writes that would pull B's persons or records into A
    attack.call("PATCH", f"/cases/{A}", json={"child_ids": ["a-kind", "b-kind"]})
    attack.call("PUT", f"/cases/{A}/roles/b-mum", json={"circle": "inner"})
    attack.call(
        "POST", "/ties", json={"source_id": "a-mum", "target_id": "b-mum", "kind": "sibling"}
    )
    attack.call("POST", f"/cases/{B}/find")
    csv = b"id;voornaam;familienaam\nx1;Nieuw;Haddouchi\n"
    for form in ({}, {"case_id": B}):  # agency-wide, or into B's case: neither is hers
        attack.call("POST", "/records/import", files={"file": ("x.csv", csv)}, data=form)
    # the web pages
    for url in (f"/cases/{A}/review", f"/cases/{A}", "/requests", "/cases"):
        attack.call("GET", url, headers=HTML)

    assert not attack.leaked(), "\n".join(attack.leaked())
    refused = {what: status for what, status, _ in attack.answers}
    assert refused["GET /records/r-b1"] == refused["GET /persons/b-mum"] == 404
    assert refused[f"PATCH /cases/{A}"] == 404 and refused["POST /ties"] == 404
    imports = [status for what, status, _ in attack.answers if what == "POST /records/import"]
    assert imports == [403, 403] and len(store.list_records(limit=100)) == 3
    assert store.get_case(A).child_ids == ["a-kind"]
    assert case_b_as_stored(store) == before, "case B changed"
    assert A not in store.cases_of("b-mum") and A not in store.cases_of("b-opa")


def test_a_link_is_shared_only_when_bs_worker_grants_it_and_both_audits_say_so(
    attack: Attack, store: GraphStore
) -> None:
    body = attack.call("POST", f"/cases/{A}/find?duplicates=true").json()
    [dup] = [c for c in body["duplicates"] if c["elsewhere"]]
    assert dup["other_person_id"] is None and dup["explanation"] == [
        {
            "field": "other_case",
            "left": None,
            "right": None,
            "level": "may also be known in another case; ask its worker to share them",
            "weight": dup["explanation"][0]["weight"],
        }
    ]
    asked = attack.call("POST", f"/candidates/{dup['id']}/link", json={"note": "Zelfde mama?"})
    assert asked.status_code == 201, asked.text
    again = attack.call("POST", f"/candidates/{dup['id']}/link", json={})
    assert again.status_code == 409
    assert attack.call("GET", "/links").json() == []  # A holds nobody asked about

    # worker B sees the request: his own person, who asks and why, nothing of A's
    [request] = attack.client.get("/links", headers=attack.b).json()
    assert (request["person_id"], request["note"], request["kind"]) == (
        "b-mum",
        "Zelfde mama?",
        "duplicate",
    )
    assert "a-mum" not in str(request) and "Akind" not in str(request)
    # worker A cannot answer her own request, nor can anyone who does not hold b-mum
    assert attack.call("POST", f"/links/{request['id']}/grant", json={}).status_code == 404
    assert attack.call("POST", f"/candidates/{dup['id']}/accept").status_code == 403

    granted = attack.client.post(f"/links/{request['id']}/grant", json={}, headers=attack.b)
    assert granted.status_code == 200 and granted.json()["status"] == "granted"
    shown = attack.call("GET", f"/candidates/{dup['id']}").json()
    assert shown["link"]["status"] == "granted"
    done = attack.call("POST", f"/candidates/{dup['id']}/accept")
    assert done.status_code == 200, done.text
    # now one person, in both cases; worker A reads what B shared
    assert set(store.cases_of("a-mum")) == {A, B}
    assert "Schuilhuisstraat" in attack.call("GET", "/persons/a-mum").text
    for case_id in (A, B):
        events = store.list_audit(case_id=case_id, entity_id=request["id"])
        assert {AuditAction.create, AuditAction.update} <= {e.action for e in events}, case_id
        merged = store.list_audit(case_id=case_id, entity_id="b-mum", action=AuditAction.delete)
        assert merged and "merge of candidate" in (merged[0].detail or ""), case_id


def test_a_refused_link_stays_closed(attack: Attack, store: GraphStore) -> None:
    body = attack.call("POST", f"/cases/{A}/find?duplicates=false").json()
    [kin] = [c for c in body["kin"] if c["elsewhere"]]  # the grandfather known in B
    assert kin["person_id"] is None and kin["relation_to_child"] == "maternal_grandfather"
    assert attack.call("POST", f"/candidates/{kin['id']}/link", json={}).status_code == 201
    [request] = attack.client.get("/links", headers=attack.b).json()
    assert request["relation_to_child"] == "maternal_grandfather"
    no_reason = attack.client.post(f"/links/{request['id']}/refuse", json={}, headers=attack.b)
    assert no_reason.status_code == 422
    refused = attack.client.post(
        f"/links/{request['id']}/refuse", json={"reason": "contactverbod"}, headers=attack.b
    )
    assert refused.status_code == 200 and refused.json()["status"] == "refused"
    shown = attack.call("GET", f"/candidates/{kin['id']}").json()
    assert (shown["link"]["status"], shown["link"]["reason"]) == ("refused", "contactverbod")
    assert attack.call("POST", f"/candidates/{kin['id']}/accept").status_code == 403
    assert store.list_links(status=LinkStatus.granted) == []
    assert A not in store.cases_of("b-opa")
    assert not attack.leaked(), attack.leaked()


def test_an_admin_shares_a_person_of_no_case(store: GraphStore) -> None:
    """A relative imported by an admin into no case is shared only by an admin."""
    seed_two_cases(store)

    store.create_person(person("n-oom", "Nocaseoom", "Haddouchi", sex="male"))
    store.create_tie(tie("n-t", "b-opa", "n-oom", "parent"))
    store.create_tie(tie("n-t2", "n-oom", "a-kind", "friend"))
    a = worker(store, "anna", A)
    admin = store.create_user(User(login="beheer", display_name="Beheer", role=UserRole.admin))
    admin_headers = {"Authorization": f"Bearer {issue(store, admin, TokenKind.api).secret}"}
    with TestClient(create_app(Settings(store=store.describe()), store=store)) as client:
        body = client.post(f"/cases/{A}/find?duplicates=false", headers=a).json()
        assert "Nocaseoom" not in str(body)
        [oom] = [c for c in body["kin"] if c["relation_to_child"] == "maternal_uncle"]
        assert oom["elsewhere"] and oom["person_id"] is None
        assert client.post(f"/candidates/{oom['id']}/link", json={}, headers=a).status_code == 201
        [request] = client.get("/links", headers=admin_headers).json()
        assert request["person_id"] == "n-oom"
        assert client.get("/links", headers=worker(store, "bert", B)).json() == []
        ok = client.post(f"/links/{request['id']}/grant", json={}, headers=admin_headers)
        assert ok.status_code == 200
        assert client.post(f"/candidates/{oom['id']}/accept", headers=a).status_code == 200
        assert A in store.cases_of("n-oom")


def test_a_candidate_stored_with_bs_values_before_shows_none_of_them(
    attack: Attack, store: GraphStore
) -> None:
    """Candidates proposed by earlier versions may hold another case's values: they are
    shown without any, in the API and on the review page, and cannot be accepted."""
    store.save_candidate(
        Candidate(
            id="m-old",
            kind=CandidateKind.duplicate,
            case_id=A,
            person_id="a-mum",
            other_person_id="b-mum",
            score=0.97,
            explanation=[
                Evidence(field="street", left=None, right="Schuilhuisstraat", level="x", weight=3),
                Evidence(field="birth_date", left="1990", right="1990-03-14", level="y", weight=4),
            ],
        )
    )
    store.save_candidate(
        Candidate(
            id="m-old-record",
            kind=CandidateKind.kin,
            case_id=A,
            record_id="r-b1",
            relation="sibling",
            relation_to="a-mum",
            score=0.8,
            explanation=[Evidence(field="given_names", right="Recordgeheim", level="z", weight=2)],
        )
    )
    attack.call("GET", f"/cases/{A}/candidates")
    attack.call("GET", "/candidates/m-old")
    attack.call("GET", "/candidates/m-old-record")
    attack.call("GET", f"/cases/{A}/review", headers=HTML)
    attack.call("GET", f"/cases/{A}/export")
    assert attack.call("POST", "/candidates/m-old/accept").status_code == 403
    assert attack.call("POST", "/candidates/m-old-record/accept").status_code == 403
    assert not attack.leaked(), attack.leaked()
    shown = attack.call("GET", "/candidates/m-old-record").json()
    assert shown["record_id"] is None and shown["explanation"][0]["right"] is None
