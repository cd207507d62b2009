"""The review queue and decisions over HTTP: ``/cases/{case_id}/candidates`` and
``/candidates/{candidate_id}`` with accept, reject and undo, on both stores."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, Json, bearer, error
from review_api_helpers import REVIEWER, kin, seed_family

from tenhands.graph.errors import NotFound
from tenhands.graph.model import (
    Candidate,
    CandidateKind,
    Evidence,
    ReviewStatus,
    TieKind,
    UserRole,
)
from tenhands.graph.store import GraphStore


@pytest.fixture
def client(store: GraphStore) -> Iterator[ApiClient]:
    seed_family(store)
    with ApiClient.over(store) as c:
        yield c


def queue(client: ApiClient, **params: str) -> list[str]:
    r = client.get("/cases/c1/candidates", params=params)
    assert r.status_code == 200, r.text
    return [c["id"] for c in r.json()["items"]]


def post(client: ApiClient, candidate_id: str, action: str, body: Json | None = None) -> Json:
    r = client.post(f"/candidates/{candidate_id}/{action}", json=body)
    assert r.status_code == 200, r.text
    data: Json = r.json()
    return data


# -- the queue ----------------------------------------------------------------------------


def test_the_queue_is_best_first_with_the_explanation(client: ApiClient) -> None:
    r = client.get("/cases/c1/candidates")
    assert r.status_code == 200, r.text
    page = r.json()
    assert (page["case_id"], page["status"], page["total"]) == ("c1", "pending", 4)
    assert [c["id"] for c in page["items"]] == ["k-gran", "m-mum", "k-uncle", "k-aunt"]
    gran = page["items"][0]
    assert (gran["kind"], gran["record_id"], gran["relation"], gran["relation_to"]) == (
        "kin",
        "r-gm",
        "grandmother",
        "kid",
    )
    assert gran["explanation"] == [
        {"field": "prior", "left": None, "right": None, "level": "base rate", "weight": -6.5},
        {
            "field": "surname",
            "left": "Verhulst",
            "right": "Verhulst",
            "level": "exact",
            "weight": 7.1,
        },
        {
            "field": "given_names",
            "left": "Godelieve",
            "right": None,
            "level": "missing",
            "weight": 0.0,
        },
    ]
    assert gran["status"] == "pending" and gran["reviewed_by"] is None


def test_relation_words_follow_the_language(client: ApiClient) -> None:
    def label(candidate_id: str, **kwargs: object) -> object:
        r = client.get(f"/candidates/{candidate_id}", **kwargs)  # type: ignore[arg-type]
        assert r.status_code == 200, r.text
        return r.json()["relation_label"]

    assert label("k-aunt") == "tante langs moederskant"
    assert label("k-aunt", params={"lang": "en"}) == "aunt on the mother's side"
    assert label("k-gran", headers={"Accept-Language": "fr-BE"}) == "grand-mère"
    assert label("m-mum") is None


def test_the_queue_pages(client: ApiClient) -> None:
    first = client.get("/cases/c1/candidates", params={"limit": 3}).json()
    assert [c["id"] for c in first["items"]] == ["k-gran", "m-mum", "k-uncle"]
    assert (first["total"], first["next_offset"]) == (4, 3)
    rest = client.get("/cases/c1/candidates", params={"limit": 3, "offset": 3}).json()
    assert [c["id"] for c in rest["items"]] == ["k-aunt"] and rest["next_offset"] is None


def test_unknown_case_and_candidate_are_404(client: ApiClient) -> None:
    error(client.get("/cases/nothing/candidates"), 404, "not_found")
    error(client.get("/candidates/nothing"), 404, "not_found")
    for action in ("accept", "undo"):
        error(client.post(f"/candidates/nothing/{action}"), 404, "not_found")
    r = client.post("/candidates/nothing/reject", json={"reason": "x"})
    error(r, 404, "not_found")
    error(client.get("/cases/c1/candidates", params={"status": "maybe"}), 422, "validation_error")
    error(client.get("/candidates/not an id!"), 422, "validation_error")


# -- accept -------------------------------------------------------------------------------


def test_accepting_a_kin_candidate_creates_person_tie_and_role(
    client: ApiClient, store: GraphStore
) -> None:
    done = post(client, "k-gran", "accept", {"note": "via de buurvrouw"})
    assert (done["candidate_id"], done["status"], done["reviewed_by"]) == (
        "k-gran",
        "accepted",
        REVIEWER,
    )
    assert done["created_person"] is True and done["role_case_id"] == "c1"
    assert done["relation"] == "grandmother" and done["relation_to"] == "kid"
    # Ids only: nothing the record says about the person.
    assert "Godelieve" not in json.dumps(done)

    person = client.get(f"/persons/{done['person_id']}").json()
    assert (person["given_names"], person["surname"]) == (["Godelieve"], "Verhulst")
    tie = client.get(f"/ties/{done['tie_id']}").json()
    assert (tie["source_id"], tie["target_id"], tie["kind"]) == (
        done["person_id"],
        "kid",
        TieKind.grandparent.value,
    )
    role = client.get(f"/cases/c1/roles/{done['person_id']}").json()
    assert role["engagement"] == "identified"
    assert "via de buurvrouw" in role["note"]

    assert "k-gran" not in queue(client)
    assert queue(client, status="accepted") == ["k-gran"]
    shown = client.get("/candidates/k-gran").json()
    assert shown["status"] == "accepted" and shown["reviewed_by"] == REVIEWER
    # What accept keeps for undo is not part of the explanation shown.
    assert [e["field"] for e in shown["explanation"]] == ["prior", "surname", "given_names"]


def test_accepting_twice_is_a_conflict(client: ApiClient, store: GraphStore) -> None:
    post(client, "k-gran", "accept")
    persons = store.count_persons()
    r = client.post("/candidates/k-gran/accept")
    error(r, 409, "conflict")
    assert store.count_persons() == persons
    r = client.post("/candidates/k-gran/reject", json={"reason": "toch niet"})
    error(r, 409, "conflict")


def test_a_kin_hypothesis_corrected_on_accept(client: ApiClient) -> None:
    done = post(client, "k-uncle", "accept", {"relation": "father", "relation_to": "kid"})
    assert done["relation"] == "father"
    tie = client.get(f"/ties/{done['tie_id']}").json()
    assert (tie["source_id"], tie["target_id"], tie["kind"]) == (done["person_id"], "kid", "parent")


def test_accept_refuses_invalid_input(client: ApiClient, store: GraphStore) -> None:
    persons = store.count_persons()
    r = client.post("/candidates/m-mum/accept", json={"relation": "aunt"})
    error(r, 422, "invalid_input")
    r = client.post("/candidates/k-gran/accept", json={"relation_to": "nobody"})
    error(r, 404, "not_found")
    r = client.post("/candidates/k-gran/accept", json={"colour": "blue"})
    error(r, 422, "validation_error")
    r = client.post(
        "/candidates/k-gran/accept",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    error(r, 400, "invalid_input")
    assert store.count_persons() == persons
    assert queue(client) == ["k-gran", "m-mum", "k-uncle", "k-aunt"]


def test_accepting_a_match_fills_empty_fields(client: ApiClient, store: GraphStore) -> None:
    done = post(client, "m-mum", "accept")
    assert done["person_id"] == "mum" and done["created_person"] is False
    assert "birth_place" in done["filled"] and done["tie_id"] is None
    assert "Gent" not in json.dumps(done)
    assert store.get_person("mum").birth_place == "Gent"


def test_accepting_a_duplicate_merges(client: ApiClient, store: GraphStore) -> None:
    client.add_person("mum-2", "Els", "Verhulst", sex="female")
    store.save_candidate(
        Candidate(
            id="d-mum",
            kind=CandidateKind.duplicate,
            case_id="c1",
            person_id="mum",
            other_person_id="mum-2",
            score=0.97,
        )
    )
    refused = client.post("/candidates/d-mum/accept")  # mum-2 is in no case of c1's
    assert error(refused, 403, "forbidden")["detail"].startswith("This person is known")
    shown = client.get("/candidates/d-mum").json()
    assert shown["elsewhere"] and shown["other_person_id"] is None and shown["link"] is None
    asked = client.post("/candidates/d-mum/link", json={"note": "Zelfde moeder?"})
    assert asked.status_code == 201, asked.text
    [waiting] = client.get("/links").json()  # the admin sees every request
    assert (waiting["person_id"], waiting["kind"], waiting["note"]) == (
        "mum-2",
        "duplicate",
        "Zelfde moeder?",
    )
    granted = client.post(f"/links/{waiting['id']}/grant", json={})
    assert granted.status_code == 200 and granted.json()["status"] == "granted"
    assert client.get("/candidates/d-mum").json()["link"]["status"] == "granted"
    done = post(client, "d-mum", "accept")
    assert (done["person_id"], done["merged_person_id"]) == ("mum", "mum-2")
    error(client.get("/persons/mum-2"), 404, "not_found")
    post(client, "d-mum", "undo")
    assert client.get("/persons/mum-2").status_code == 200


# -- reviewer -----------------------------------------------------------------------------


def test_a_decision_needs_a_signed_in_reviewer(client: ApiClient, store: GraphStore) -> None:
    for action, body in (("accept", None), ("reject", {"reason": "niet verwant"}), ("undo", None)):
        r = client.post(f"/candidates/k-aunt/{action}", json=body, headers={"Authorization": ""})
        error(r, 401, "unauthenticated")
        assert r.headers["WWW-Authenticate"] == "Bearer"
    assert store.get_candidate("k-aunt").status is ReviewStatus.pending


def test_a_viewer_may_not_decide(client: ApiClient, store: GraphStore) -> None:
    viewer = bearer(store, "vera.viewer", UserRole.viewer, ("c1",))
    r = client.post("/candidates/k-aunt/reject", json={"reason": "x"}, headers=viewer)
    assert "may not accept or reject" in error(r, 403, "forbidden")["detail"]
    assert client.get("/candidates/k-aunt", headers=viewer).status_code == 200
    assert store.get_candidate("k-aunt").status is ReviewStatus.pending


# -- reject and undo ----------------------------------------------------------------------


def test_rejecting_takes_it_off_the_queue_for_good(client: ApiClient, store: GraphStore) -> None:
    decided = post(client, "k-aunt", "reject", {"reason": "geen familie, naamgenote"})
    assert (decided["status"], decided["reviewed_by"]) == ("rejected", REVIEWER)
    assert "k-aunt" not in queue(client)
    assert queue(client, status="rejected") == ["k-aunt"]
    assert client.get("/candidates/k-aunt").json()["reason"] == "geen familie, naamgenote"
    # The same proposal made again is not shown either.
    store.save_candidate(kin("k-aunt-again", "r-an", "maternal_aunt", 0.65))
    assert "k-aunt-again" not in queue(client)


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "   "}, None])
def test_a_rejection_needs_a_reason(
    client: ApiClient, store: GraphStore, body: Json | None
) -> None:
    r = client.post("/candidates/k-aunt/reject", json=body)
    error(r, 422, "validation_error")
    assert store.get_candidate("k-aunt").status is ReviewStatus.pending


def test_undo_a_rejection_puts_it_back(client: ApiClient) -> None:
    post(client, "k-aunt", "reject", {"reason": "naamgenote"})
    reopened = post(client, "k-aunt", "undo")
    assert (reopened["status"], reopened["reviewed_by"], reopened["reviewed_at"]) == (
        "pending",
        None,
        None,
    )
    assert queue(client) == ["k-gran", "m-mum", "k-uncle", "k-aunt"]
    assert client.get("/candidates/k-aunt").json()["reason"] is None


def test_undo_an_acceptance_removes_what_it_made(client: ApiClient, store: GraphStore) -> None:
    persons = store.count_persons()
    done = post(client, "k-gran", "accept")
    assert store.count_persons() == persons + 1
    post(client, "k-gran", "undo")
    assert store.count_persons() == persons
    error(client.get(f"/persons/{done['person_id']}"), 404, "not_found")
    error(client.get(f"/ties/{done['tie_id']}"), 404, "not_found")
    with pytest.raises(NotFound):
        store.get_role("c1", done["person_id"])
    assert queue(client)[0] == "k-gran"
    # Accepting again works after the undo.
    again = post(client, "k-gran", "accept")
    assert again["person_id"] != done["person_id"]


def test_undo_of_a_pending_candidate_is_a_conflict(client: ApiClient) -> None:
    error(client.post("/candidates/k-aunt/undo"), 409, "conflict")


def test_undo_refused_when_the_person_was_worked_on(client: ApiClient, store: GraphStore) -> None:
    done = post(client, "k-gran", "accept")
    client.put_role("c1", done["person_id"], engagement="contacted")
    error(client.post("/candidates/k-gran/undo"), 409, "conflict")
    assert client.get(f"/persons/{done['person_id']}").status_code == 200
    assert store.get_candidate("k-gran").status is ReviewStatus.accepted


def test_the_openapi_document_lists_the_review_routes(client: ApiClient) -> None:
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    assert set(paths["/cases/{case_id}/candidates"]) == {"get"}
    assert set(paths["/candidates/{candidate_id}"]) == {"get"}
    for action in ("accept", "reject", "undo"):
        operation = paths[f"/candidates/{{candidate_id}}/{action}"]["post"]
        assert {"401", "403", "404", "409"} <= set(operation["responses"]), action
        headers = [p["name"] for p in operation["parameters"] if p["in"] == "header"]
        assert headers == [], action  # the reviewer is the signed-in user


def test_bookkeeping_entries_of_older_decisions_are_not_shown(
    client: ApiClient, store: GraphStore
) -> None:
    old = kin("k-old", "r-an", "maternal_aunt", 0.5)
    kept = Evidence(field="_undo", left="eyJwZXJzb24iOiAicC0xIn0=", level="0", weight=0.0)
    store.save_candidate(old.model_copy(update={"explanation": [*old.explanation, kept]}))
    shown = client.get("/candidates/k-old").json()
    assert [e["field"] for e in shown["explanation"]] == ["prior", "surname", "given_names"]
