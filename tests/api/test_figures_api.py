"""``GET /cases/{case_id}/figures``: the network strength figures over HTTP (both stores)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, bearer, error

from tenhands.app import create_app
from tenhands.demo.seed import seed_demo
from tenhands.graph.model import AuditAction, UserRole
from tenhands.graph.store import GraphStore
from tenhands.settings import Settings

URL = "/cases/demo-case/figures"


@pytest.fixture
def client(store: GraphStore) -> Iterator[ApiClient]:
    seed_demo(store)
    with ApiClient.over(store) as c:
        yield c


def test_figures_of_the_demo_case(client: ApiClient) -> None:
    r = client.get(URL)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["case_id"] == "demo-case" and body["stale_weeks"] == 6
    # Five adults committed: ten hands and ten eyes; the professionals do not count.
    hands = body["ten_hands"]
    assert (hands["committed"], hands["goal"], hands["met"]) == (5, 5, True)
    assert "demo-ria" in hands["adults"] and "demo-eline" not in hands["adults"]
    assert [n["need"] for n in hands["needs"]] == list(range(1, len(hands["needs"]) + 1))
    standing = body["standing"]
    assert standing["demo-lina"] == "child" and standing["demo-adam"] == "child"
    assert standing["demo-ria"] == "maternal" and standing["demo-fatima"] == "paternal"
    assert standing["demo-hatice"] == "informal" and standing["demo-eline"] == "professional"
    balance = body["balance"]
    assert set(balance["counts"]) == {
        "child",
        "maternal",
        "paternal",
        "both",
        "informal",
        "professional",
    }
    assert balance["counts"]["child"] == 0
    assert balance["professionals"] == balance["counts"]["professional"] >= 1
    assert balance["ratio"] == round(balance["professionals"] / balance["unpaid"], 2)
    funnel = body["funnel"]
    assert [s["stage"] for s in funnel["stages"]] == [
        "identified",
        "located",
        "contacted",
        "engaged",
        "committed",
    ]
    reached = [s["reached"] for s in funnel["stages"]]
    assert reached == sorted(reached, reverse=True) and funnel["stages"][-1]["now"] == 5
    assert funnel["off"]["deceased"] == 2 and funnel["off"]["no_contact"] == 1
    # Kevin (no contact) was only ever identified: there he dropped out.
    assert funnel["stages"][0]["dropped"] >= 1
    # Stale contacts: the never contacted first, then the oldest.
    stale = body["stale"]
    never = [s for s in stale if s["last_contact"] is None]
    assert stale[: len(never)] == never and {"demo-ayse", "demo-zohra"} <= {
        s["person_id"] for s in never
    }
    dated = [s["last_contact"] for s in stale[len(never) :]]
    assert dated == sorted(dated)
    assert all(s["weeks"] >= 6 for s in stale[len(never) :])
    assert not {"demo-lina", "demo-kevin", "demo-karim"} & {s["person_id"] for s in stale}
    # Who named whom: Lina named people of her own.
    chains = [c["path"] for c in body["naming"]["chains"]]
    assert chains and all(len(p) >= 2 for p in chains)
    assert body["naming"]["named"]["demo-lina"] >= 1
    lengths = [len(p) for p in chains]
    assert lengths == sorted(lengths, reverse=True)
    assert any(s["person_id"] == "demo-sofie" and s["points"] for s in body["scale"])


def test_stale_weeks_from_the_request_or_the_settings(client: ApiClient, store: GraphStore) -> None:
    never = {s["person_id"] for s in client.get(URL).json()["stale"] if s["weeks"] is None}
    long = client.get(URL, params={"stale_weeks": 104}).json()
    assert long["stale_weeks"] == 104
    assert all(s["weeks"] is None or s["weeks"] >= 104 for s in long["stale"])
    assert never <= {s["person_id"] for s in long["stale"]}
    settings = Settings(store=store.describe(), stale_weeks=3)
    headers = bearer(store, "wout.werker", UserRole.admin)
    with ApiClient(create_app(settings, store=store), headers=headers) as own:
        assert own.get(URL).json()["stale_weeks"] == 3
        assert own.get(URL, params={"stale_weeks": 8}).json()["stale_weeks"] == 8


@pytest.mark.parametrize("weeks", ["0", "105", "-1", "zes"])
def test_a_bad_stale_weeks_is_422(client: ApiClient, weeks: str) -> None:
    error(client.get(URL, params={"stale_weeks": weeks}), 422, "validation_error")


def test_figures_of_an_unknown_case_is_404(client: ApiClient) -> None:
    error(client.get("/cases/c-nobody/figures"), 404, "not_found")


def test_figures_need_signing_in(client: ApiClient) -> None:
    r = client.get(URL, headers={"Authorization": "Bearer not-a-token"})
    error(r, 401, "unauthenticated")
    assert "demo-ria" not in r.text


def test_another_cases_worker_is_refused_and_reads_are_audited(
    client: ApiClient, store: GraphStore
) -> None:
    stranger = bearer(store, "werker.elders", UserRole.worker)
    r = client.get(URL, headers=stranger)
    error(r, 403, "forbidden")
    assert "demo-ria" not in r.text
    error(client.get("/cases/c-nobody/figures", headers=stranger), 403, "forbidden")
    assert not store.list_audit(actor="werker.elders")

    own = bearer(store, "werker.eigen", UserRole.worker, ("demo-case",))
    assert client.get(URL, headers=own).status_code == 200
    events = store.list_audit(actor="werker.eigen")
    assert [(e.action, e.entity, e.entity_id, e.case_id) for e in events] == [
        (AuditAction.read, "figures", "demo-case", "demo-case")
    ]
