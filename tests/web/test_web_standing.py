"""One answer to "what is this person to the children": the API, the case page, the map,
the handout and the figures, on half-siblings by different fathers."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date

import pytest
from api_helpers import bearer
from half_siblings import EXPECTED, KID1, KID2, NAMES, half_siblings
from web_helpers import WebClient, make_user

from tenhands.graph.figures import case_figures
from tenhands.graph.model import UserRole
from tenhands.graph.store import GraphStore
from tenhands.viz import Mode, View
from tenhands.viz.build import build
from tenhands.viz.handout import build_handout

TODAY = date.today()


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    half_siblings(store)
    with WebClient.over(store) as c:
        yield c


def _page_rows(page: str) -> dict[str, tuple[str, str]]:
    """Each person row of the case page: (what they are to the children, side group)."""
    rows: dict[str, tuple[str, str]] = {}
    for chunk in page.split('<tr id="person-')[1:]:
        pid = chunk.split('"', 1)[0]
        cells = re.findall(r"<td>(.*?)</td>", chunk, re.S)
        side = re.search(r'class="side side-(\w+)"', chunk)
        assert side is not None, pid
        rows[pid] = (html.unescape(cells[0].strip()), side.group(1))
    return rows


def test_every_front_end_gives_each_father_the_same_side(
    client: WebClient, store: GraphStore
) -> None:
    case_id = "c-half"
    worker = make_user(store, "wendy.werker", UserRole.worker, (case_id,), lang="en")

    # the API
    api = client.get(
        f"/cases/{case_id}/people?lang=en",
        headers={**bearer(store, "wendy.werker", UserRole.worker), "Accept": "application/json"},
    )
    assert api.status_code == 200, api.text
    listed = {p["id"]: p for p in api.json()["people"]}
    assert {pid: (p["standing"], p["side"]) for pid, p in listed.items()} == EXPECTED
    gert = {r["child_id"]: r for r in listed["half-dad2"]["relations"]}
    assert (gert[KID2]["words"], gert[KID2]["side"]) == ("father", "paternal")
    assert (gert[KID1]["words"], gert[KID1]["side"]) == ("stepfather", "maternal")

    # the case page
    client.sign_in(store, worker)
    page = client.get(f"/cases/{case_id}")
    assert page.status_code == 200
    rows = _page_rows(page.text)
    assert {pid: side for pid, (_, side) in rows.items()} == {
        pid: standing for pid, (standing, _) in EXPECTED.items()
    }
    assert rows["half-dad2"][0] == f"stepfather ({NAMES[KID1]}); father ({NAMES[KID2]})"
    assert rows["half-ex1"][0] == f"father ({NAMES[KID1]}); mother's ex-partner ({NAMES[KID2]})"
    assert rows["half-juf"][0] == "teacher"

    # the maps, in every mode
    for mode in Mode:
        scene, net = build(store, case_id, View.ecomap, mode, "en", today=TODAY)
        groups = {n.id: n.group for n in scene.people}
        by_person = {m.person_id: (groups[m.key], m.side.value) for m in net.members}
        assert by_person == EXPECTED, mode
        gert_on_map = next(m for m in net.members if m.person_id == "half-dad2")
        assert gert_on_map.relation == "Sem's father"

    # the handout (the family's own list)
    handout = build_handout(store, case_id, "en", today=TODAY)
    said = {p.name: p.relation for p in handout.people}  # first names: the family's list
    assert said["Gert"] == "Sem's father"
    assert said["Greet"] == "Sem's grandmother, father's side"
    assert said["Frank"] == "father"

    # the figures
    figures = case_figures(store, case_id, today=TODAY)
    assert {pid: s.value for pid, s in figures.standing.items()} == {
        pid: standing for pid, (standing, _) in EXPECTED.items()
    }
