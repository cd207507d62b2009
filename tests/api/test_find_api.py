"""``POST /cases/{case_id}/find``: kin search over HTTP, into the review queue (both stores)."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, error

from tenhands.demo.seed import seed_demo
from tenhands.graph.store import GraphStore


@pytest.fixture
def client(store: GraphStore) -> Iterator[ApiClient]:
    seed_demo(store)
    with ApiClient.over(store) as c:
        yield c


def test_find_proposes_kin_with_reasons_and_words(client: ApiClient) -> None:
    r = client.post("/cases/demo-case/find", params={"lang": "nl"})
    assert r.status_code == 200, r.text
    body = r.json()
    kin = {k["record_id"]: k for k in body["kin"]}
    annemie = kin["demo-rec-annemie"]
    assert annemie["kind"] == "kin" and annemie["status"] == "pending"
    assert annemie["relation_to_child"] == "maternal_great_aunt"
    assert annemie["relation_to_child_label"] == "oudtante langs moederskant"
    assert annemie["explanation"][0]["field"] == "prior"
    assert {m["record_id"] for m in body["matches"]} >= {"demo-rec-ria", "demo-rec-lina"}
    assert body["added"] == len(body["kin"]) + len(body["matches"])
    queue = client.get("/cases/demo-case/candidates").json()["items"]
    assert annemie["id"] in {c["id"] for c in queue}


def test_each_proposal_comes_with_the_card_a_worker_reads(client: ApiClient) -> None:
    found = client.post("/cases/demo-case/find", params={"lang": "nl"}).json()
    annemie = next(k for k in found["kin"] if k["record_id"] == "demo-rec-annemie")
    card = annemie["card"]
    assert card["lang"] == "nl"
    assert card["title"] == "Oudtante langs moederskant: Annemie De Smet"
    facts = {f["label"]: f["value"] for f in card["facts"]}
    assert facts["Gemeente"] == "Maldegem"
    assert facts["Gevonden via"] == "dochter van Bomma Jeanne"
    # the band is the score's, and the percentage says the same score
    band = {"certain": 0.9, "probable": 0.6, "possible": 0.0}[card["band_key"]]
    assert annemie["score"] >= band and card["percent"] == f"{round(annemie['score'] * 100)}%"
    assert "Noemt dezelfde moeder: Jeanne Van Damme." in [r["text"] for r in card["reasons"]]
    said = " ".join([card["title"], *facts.values(), *(r["text"] for r in card["reasons"])])
    assert "demo-rec" not in said and "demo-ria" not in said  # no ids
    assert "bits" not in said and "mother_name" not in said
    # the queue and one candidate say the same card, in the language asked for
    queue = client.get("/cases/demo-case/candidates", params={"lang": "en"}).json()["items"]
    in_queue = next(c for c in queue if c["id"] == annemie["id"])
    assert in_queue["card"]["title"] == "Great-aunt on the mother's side: Annemie De Smet"
    one = client.get(f"/candidates/{annemie['id']}", params={"lang": "en"}).json()
    assert one["card"] == in_queue["card"]


def test_a_rejected_proposal_stays_out_of_the_next_search(client: ApiClient) -> None:
    first = client.post("/cases/demo-case/find").json()
    gerard = next(k for k in first["kin"] if k["record_id"] == "demo-rec-gerard")
    r = client.post(f"/candidates/{gerard['id']}/reject", json={"reason": "other family"})
    assert r.status_code == 200, r.text
    second = client.post("/cases/demo-case/find").json()
    assert second["skipped"] >= 1
    assert "demo-rec-gerard" not in {k["record_id"] for k in second["kin"]}


def test_an_import_is_searched_at_once(client: ApiClient) -> None:
    client.post("/cases/demo-case/find")  # builds the index
    csv = (
        "id,given_names,surname,birth_date,mother_name\n"
        "r-new,Lieve,De Smet,1967-03-03,Jeanne Van Damme\n"
    )
    r = client.post(
        "/records/import",
        files={"file": ("extra.csv", io.BytesIO(csv.encode()), "text/csv")},
        data={"source": "extra.csv", "source_kind": "registry"},
    )
    assert r.status_code == 201, r.text
    found = client.post("/cases/demo-case/find").json()
    assert any(k["record_id"].endswith("r-new") for k in found["kin"])


def test_find_for_an_unknown_case_is_404(client: ApiClient) -> None:
    error(client.post("/cases/c-nobody/find"), 404, "not_found")


def test_find_checks_its_limit(client: ApiClient) -> None:
    error(client.post("/cases/demo-case/find", params={"limit": 0}), 422, "validation_error")
