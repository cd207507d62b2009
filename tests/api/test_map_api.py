"""``GET /cases/{case_id}/map``: the map page over HTTP, redacted per mode (both stores)."""

from __future__ import annotations

import re
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


@pytest.mark.parametrize("view", ["ecomap", "genogram", "circles"])
def test_each_view_is_an_offline_page(client: ApiClient, view: str) -> None:
    r = client.get("/cases/demo-case/map", params={"view": view, "lang": "en"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert "Lina" in r.text
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", r.text)


def test_family_mode_leaves_out_a_person_without_contact(client: ApiClient) -> None:
    work = client.get("/cases/demo-case/map", params={"mode": "work"}).text
    family = client.get("/cases/demo-case/map", params={"mode": "family"}).text
    assert "Kevin" in work  # on no_contact in the demo
    assert "Kevin" not in family


def test_map_of_an_unknown_case_is_404(client: ApiClient) -> None:
    error(client.get("/cases/c-nobody/map"), 404, "not_found")


def test_an_unknown_view_is_422(client: ApiClient) -> None:
    error(client.get("/cases/demo-case/map", params={"view": "tree"}), 422, "validation_error")


def test_maps_are_drawn_in_dutch_or_english(client: ApiClient) -> None:
    error(client.get("/cases/demo-case/map", params={"lang": "fr"}), 422, "validation_error")
    french_browser = client.get(
        "/cases/demo-case/map", headers={"Accept-Language": "fr-BE, en;q=0.5"}
    )
    assert french_browser.status_code == 200 and '<html lang="en"' in french_browser.text
    only_french = client.get("/cases/demo-case/map", headers={"Accept-Language": "fr-BE"})
    assert only_french.status_code == 200 and '<html lang="nl"' in only_french.text
