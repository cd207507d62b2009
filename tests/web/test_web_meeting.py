"""Meeting mode: the map for the wall, in family mode (the safest) unless projection is
asked for, the views, nothing loaded from outside the service."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from web_helpers import OWN, WebClient, make_user, seed_cases

from tenhands.graph.model import UserRole
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore

MEETING = f"/cases/{OWN}/meeting"


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[WebClient]:
    seed_cases(sqlite_store)
    with WebClient.over(sqlite_store) as c:
        yield c


@pytest.mark.parametrize("role", [UserRole.facilitator, UserRole.worker])
def test_meeting_mode_opens_in_family_mode_with_a_projection_toggle(
    client: WebClient, sqlite_store: GraphStore, role: UserRole
) -> None:
    client.sign_in(sqlite_store, make_user(sqlite_store, f"{role.value}.x", role, (OWN,)))
    r = client.get(MEETING)
    assert r.status_code == 200
    shown = re.findall(r'<iframe[^>]*\ssrc="([^"]+)"', r.text)
    assert shown == [f"/cases/{OWN}/map?view=ecomap&amp;mode=family&amp;lang=nl"]
    waiting = re.findall(r'data-src="([^"]+)"', r.text)
    assert len(waiting) == 5 and all("mode=work" not in w for w in waiting)
    toggle = re.search(r'<button[^>]*id="family-toggle"[^>]*>', r.text)
    assert toggle is not None
    assert 'aria-pressed="true"' in toggle.group(0) and 'value="projection"' in toggle.group(0)
    for asked in ("", "?mode=work", "?mode=FAMILY", "?mode=x"):  # anything else: family
        page = client.get(f"{MEETING}{asked}").text
        assert re.findall(r'<iframe[^>]*\ssrc="([^"]+)"', page) == shown, asked
    for view in ("ecomap", "genogram", "circles"):
        assert f'data-view="{view}"' in r.text
    map_page = client.get(f"/cases/{OWN}/map?view=ecomap&mode=projection&lang=nl")
    assert map_page.status_code == 200


def test_family_mode_and_another_view_by_address(
    client: WebClient, sqlite_store: GraphStore
) -> None:
    client.sign_in(sqlite_store, make_user(sqlite_store, "fac", UserRole.facilitator, (OWN,)))
    r = client.get(f"{MEETING}?view=genogram&mode=family")
    shown = re.findall(r'<iframe[^>]*\ssrc="([^"]+)"', r.text)
    assert shown == [f"/cases/{OWN}/map?view=genogram&amp;mode=family&amp;lang=nl"]
    assert 'aria-pressed="true"' in r.text
    assert "Familiemodus: voor de familie" in r.text
    worker_map = client.get(f"{MEETING}?mode=work")  # never the worker's map on the wall
    assert "mode=work" not in worker_map.text


def test_meeting_mode_needs_nothing_from_outside(
    client: WebClient, sqlite_store: GraphStore
) -> None:
    client.sign_in(sqlite_store, make_user(sqlite_store, "fac", UserRole.facilitator, (OWN,)))
    page = client.get(MEETING).text
    for ref in re.findall(r'(?:src|href|action|data-src)="([^"]*)"', page):
        assert ref.startswith(("/", "?", "#", "data:image/svg+xml,")), ref
    assert "<style" not in page and "<script>" not in page and "style=" not in page
