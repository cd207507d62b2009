"""The meeting page live with the family (:mod:`tenhands.web.meeting_live`): moving
persons on the map (JSON posted by the map), putting them back, adding a person named
in the room, marking engagement. Who may, the form token, bad input answered with a
sentence, and nothing half-written."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from builders import person, role, tie
from web_helpers import OTHER, OWN, WebClient, error_of, make_user, seed_cases

from tenhands.graph.model import AuditAction, Engagement, RiskFlag, Sex, TieKind, UserRole
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore

MEETING = f"/cases/{OWN}/meeting"
POSITIONS = f"/cases/{OWN}/map/positions"
JSON = {"Accept": "application/json"}


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[WebClient]:
    seed_cases(sqlite_store)
    # kept away from the children: never on the wall, never marked from it
    sqlite_store.create_person(person("own-ex", "Ownexpartner", "Verbod", sex=Sex.male))
    sqlite_store.create_tie(tie("own-t9", "own-ex", "own-child", "other"))
    sqlite_store.set_role(
        role(
            OWN,
            "own-ex",
            engagement=Engagement.engaged,
            risk_flags={RiskFlag.contact_restriction},
        )
    )
    with WebClient.over(sqlite_store) as c:
        yield c


def sign_in(
    client: WebClient, store: GraphStore, user_role: UserRole, cases: tuple[str, ...] = (OWN,)
) -> str:
    login = f"{user_role.value}.{'-'.join(cases)}"
    return client.sign_in(store, make_user(store, login, user_role, cases))


def map_data(client: WebClient, view: str = "ecomap", mode: str = "family") -> dict[str, Any]:
    page = client.get(f"/cases/{OWN}/map?view={view}&mode={mode}&lang=nl")
    assert page.status_code == 200
    found = re.search(
        r'<script id="tenhands-data" type="application/json">(.*?)</script>', page.text, re.S
    )
    assert found
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def key_of(data: dict[str, Any], name: str) -> str:
    """The map key of the person whose label starts with ``name``."""
    return next(
        node_id[2:] for node_id, t in data["extras"]["tasks"].items() if t["label"].startswith(name)
    )


def post_moves(
    client: WebClient, body: object, csrf: str | None, *, raw: bytes | None = None
) -> httpx.Response:
    headers = {**JSON, "Content-Type": "application/json"}
    if csrf is not None:
        headers["X-CSRF-Token"] = csrf
    content = raw if raw is not None else json.dumps(body).encode()
    response: httpx.Response = client.post(POSITIONS, content=content, headers=headers)
    return response


def moves(
    data: dict[str, Any], name: str, x: float = 120.0, y: float = -80.0, **extra: Any
) -> dict[str, Any]:
    save = data["save"]
    return {
        "view": save["view"],
        "mode": save["mode"],
        "stamp": save["stamp"],
        "moved": [{"node": key_of(data, name), "x": x, "y": y}],
        **extra,
    }


# -- the page ----------------------------------------------------------------------------


@pytest.mark.parametrize("user_role", [UserRole.facilitator, UserRole.worker])
def test_the_tools_are_on_the_meeting_page_for_who_may_use_them(
    client: WebClient, sqlite_store: GraphStore, user_role: UserRole
) -> None:
    sign_in(client, sqlite_store, user_role)
    page = client.get(MEETING).text
    tools = page[page.index('id="meeting-tools"') :]
    for part in ('id="live-add"', 'id="live-mark"', 'id="live-reset"', "/static/meeting_live.js"):
        assert part in tools
    # the picker: the adults a family map shows, by name, never their engagement
    picker = re.search(r'<select[^>]*name="person_id".*?</select>', page, re.S)
    assert picker is not None
    assert "Ownmoeder" in picker.group(0) and "Owngrootmoeder" in picker.group(0)
    assert "Ownexpartner" not in page and "Ownkind" not in picker.group(0)
    assert "betrokken" not in picker.group(0) and "engaged" not in picker.group(0)
    assert "save" in map_data(client)
    if user_role is UserRole.worker:  # the worker's map draws the wall's places, moves none
        assert "save" not in map_data(client, mode="work")


def test_a_viewer_gets_no_tools_and_a_map_that_posts_nothing(
    client: WebClient, sqlite_store: GraphStore
) -> None:
    sign_in(client, sqlite_store, UserRole.viewer)
    page = client.get(MEETING)
    assert page.status_code == 200
    assert 'id="meeting-tools"' in page.text and 'id="live-add"' not in page.text
    assert "save" not in map_data(client)


# -- moving persons --------------------------------------------------------------------


def test_a_moved_person_is_kept_for_the_view_and_audited_without_names(
    client: WebClient, sqlite_store: GraphStore
) -> None:
    csrf = sign_in(client, sqlite_store, UserRole.facilitator)
    data = map_data(client)
    r = post_moves(client, moves(data, "Owngrootmoeder", 130.0, -65.0), csrf)
    assert r.status_code == 200, r.text
    assert r.json() == {"saved": 1}
    kept = sqlite_store.list_positions(OWN, "ecomap")
    assert [(p.person_id, p.x, p.y) for p in kept] == [("own-gran", 5.0, -2.5)]  # label fonts
    assert sqlite_store.list_positions(OWN, "genogram") == []
    again = map_data(client, mode="projection")  # the same place on the other wall map
    node = next(n for n in again["nodes"] if n["id"] == f"n:{key_of(again, 'Owngrootmoeder')}")
    assert (node["x"], node["y"]) == pytest.approx((130.0, -65.0))
    events = sqlite_store.list_audit(case_id=OWN, action=AuditAction.update)
    saved_events = [e for e in events if e.detail == "web_map_positions"]
    assert len(saved_events) == 1 and saved_events[0].entity == "map"
    assert not any(n in repr(events) for n in ("Owngrootmoeder", "130", "own-gran"))


def test_moves_need_the_form_token_the_role_and_the_case(
    client: WebClient, sqlite_store: GraphStore
) -> None:
    csrf = sign_in(client, sqlite_store, UserRole.facilitator)
    body = moves(map_data(client), "Owngrootmoeder")
    for token in (None, "wrong-token"):
        r = post_moves(client, body, token)
        assert r.status_code == 403 and "form" in r.json()["detail"]
    other = client.post(
        f"/cases/{OTHER}/map/positions",
        content=json.dumps(body).encode(),
        headers={**JSON, "Content-Type": "application/json", "X-CSRF-Token": csrf},
    )
    assert other.status_code == 403 and other.json()["detail"].endswith(".")
    viewer_csrf = sign_in(client, sqlite_store, UserRole.viewer)
    r = post_moves(client, body, viewer_csrf)
    assert r.status_code == 403 and "move persons" in r.json()["detail"]
    assert sqlite_store.list_positions(OWN, "ecomap") == []


@pytest.mark.parametrize(
    ("change", "code", "said"),
    [
        ({"stamp": "0123456789abcdef"}, 409, "reload"),
        ({"moved": [{"node": "n999", "x": 1, "y": 1}]}, 422, "Only persons"),
        ({"moved": [{"node": "p-own-gran", "x": 1, "y": 1}]}, 422, "cannot be read"),
        ({"moved": [{"node": "n1", "x": "links", "y": 1}]}, 422, "cannot be read"),
        ({"moved": [{"node": "n1", "x": 1e12, "y": 1}]}, 422, "cannot be read"),
        ({"moved": []}, 422, "cannot be read"),
        ({"view": "kaart"}, 422, "cannot be read"),
        ({"extra": 1}, 422, "cannot be read"),
        ({"mode": "work"}, 422, "wall maps"),
    ],
)
def test_bad_moves_are_refused_with_a_sentence_and_nothing_is_kept(
    client: WebClient, sqlite_store: GraphStore, change: dict[str, Any], code: int, said: str
) -> None:
    csrf = sign_in(client, sqlite_store, UserRole.facilitator)
    data = map_data(client)
    body = moves(data, "Owngrootmoeder")
    body["moved"].append({"node": key_of(data, "Ownmoeder"), "x": 5.0, "y": 5.0})
    body.update(change)
    r = post_moves(client, body, csrf)
    assert r.status_code == code, r.text
    assert said in r.json()["detail"] and r.json()["detail"].endswith(".")
    assert sqlite_store.list_positions(OWN, "ecomap") == []


def test_a_map_opened_before_someone_was_added_cannot_move_anyone(
    client: WebClient, sqlite_store: GraphStore
) -> None:
    csrf = sign_in(client, sqlite_store, UserRole.facilitator)
    body = moves(map_data(client), "Owngrootmoeder")
    added = client.post_form(
        f"{MEETING}/persons",
        {"given_names": "Aaron", "named": "brother", "side": "none", "view": "ecomap"},
        csrf,
    )
    assert added.status_code == 303
    r = post_moves(client, body, csrf)  # "Aaron" now comes first: keys stand for others
    assert r.status_code == 409 and "reload" in r.json()["detail"]
    assert sqlite_store.list_positions(OWN, "ecomap") == []


def test_an_oversized_or_unreadable_post_is_refused(
    client: WebClient, sqlite_store: GraphStore
) -> None:
    csrf = sign_in(client, sqlite_store, UserRole.facilitator)
    r = post_moves(client, None, csrf, raw=b"{" + b" " * 40_000 + b"}")
    assert r.status_code == 413 and "KiB" in r.json()["detail"]
    r = post_moves(client, None, csrf, raw=b'{"view": "ecomap", ')
    assert r.status_code == 422 and "cannot be read" in r.json()["detail"]


def test_putting_them_back_clears_one_view(client: WebClient, sqlite_store: GraphStore) -> None:
    csrf = sign_in(client, sqlite_store, UserRole.facilitator)
    for view in ("ecomap", "genogram"):
        data = map_data(client, view=view)
        assert post_moves(client, moves(data, "Owngrootmoeder"), csrf).status_code == 200
    refused = client.post_form(f"{MEETING}/positions/reset", {"view": "ecomap"}, None)
    assert refused.status_code == 403
    assert len(sqlite_store.list_positions(OWN, "ecomap")) == 1
    r = client.post_form(
        f"{MEETING}/positions/reset", {"view": "ecomap", "mode": "projection"}, csrf
    )
    assert r.status_code == 303
    assert r.headers["location"] == f"{MEETING}?view=ecomap&mode=projection&done=positions_reset"
    assert sqlite_store.list_positions(OWN, "ecomap") == []
    assert len(sqlite_store.list_positions(OWN, "genogram")) == 1
    page = client.get(r.headers["location"]).text
    assert "Iedereen staat weer op de plaats" in page


# -- a person named in the room --------------------------------------------------------


def test_a_person_named_in_the_room_is_added_with_tie_and_role_and_shown(
    client: WebClient, sqlite_store: GraphStore
) -> None:
    csrf = sign_in(client, sqlite_store, UserRole.facilitator)
    before = sqlite_store.count_persons()
    r = client.post_form(
        f"{MEETING}/persons",
        {
            "given_names": "Ownovergrootje",
            "surname": "Qwerv",
            "named": "grandmother",
            "side": "maternal",
            "sex": "",
            "view": "genogram",
            "mode": "family",
        },
        csrf,
    )
    assert r.status_code == 303, r.text
    assert r.headers["location"] == f"{MEETING}?view=genogram&mode=family&done=person_named"
    assert sqlite_store.count_persons() == before + 1
    added = next(
        p for p in sqlite_store.list_persons(limit=100) if p.given_names == ["Ownovergrootje"]
    )
    assert added.sex is Sex.female
    assert [(t.target_id, t.kind) for t in sqlite_store.ties_of(added.id)] == [
        ("own-mum", TieKind.parent)
    ]
    assert sqlite_store.get_role(OWN, added.id).engagement is Engagement.identified
    assert (
        "Ownovergrootje" in client.get(f"/cases/{OWN}/map?view=genogram&mode=family&lang=nl").text
    )
    page = client.get(r.headers["location"]).text
    assert "De persoon is toegevoegd" in page
    events = sqlite_store.list_audit(entity_id=added.id)
    assert {e.entity for e in events} >= {"person", "role"}
    assert "Ownovergrootje" not in repr(events)


@pytest.mark.parametrize(
    ("form", "field", "said"),
    [
        ({"given_names": "", "named": "aunt", "side": "paternal"}, "given_names", "Vul"),
        ({"given_names": "Zus", "named": "grandmother", "side": ""}, "side", "mama"),
        ({"given_names": "Zus", "named": "grandmother", "side": "none"}, "side", "mama"),
        (
            {"given_names": "Zus", "named": "teacher", "side": "maternal", "sex": "female"},
            "side",
            "geen familie",
        ),
        ({"given_names": "Zus", "named": "friend", "side": "none"}, "sex", "geslacht"),
        (
            {"given_names": "Zus", "named": "uncle", "side": "paternal", "sex": "female"},
            "sex",
            "geslacht",
        ),
        ({"given_names": "Zus", "named": "stepmother", "side": "none"}, "named", ""),
        (
            {"given_names": "Zus", "named": "sister", "side": "none", "child": "other-child"},
            "",  # a case of one child shows no choice of child
            "",
        ),
        ({"given_names": "Z" * 600, "named": "sister", "side": "none"}, "given_names", "500"),
    ],
)
def test_a_person_that_cannot_be_stored_comes_back_with_what_to_correct(
    client: WebClient, sqlite_store: GraphStore, form: dict[str, str], field: str, said: str
) -> None:
    csrf = sign_in(client, sqlite_store, UserRole.facilitator)
    before = sqlite_store.count_persons()
    roles = len(sqlite_store.list_roles(OWN))
    r = client.post_form(f"{MEETING}/persons", form, csrf)
    assert r.status_code == 422
    assert 'class="error-summary"' in r.text
    if field:  # a field the form shows
        assert said in error_of(r.text, field) and error_of(r.text, field)
    assert "Terug naar het overleg" in r.text
    assert sqlite_store.count_persons() == before
    assert len(sqlite_store.list_roles(OWN)) == roles


def test_adding_needs_the_token_and_the_role(client: WebClient, sqlite_store: GraphStore) -> None:
    before = sqlite_store.count_persons()
    form = {"given_names": "Zus", "named": "sister", "side": "none"}
    sign_in(client, sqlite_store, UserRole.facilitator)
    assert client.post_form(f"{MEETING}/persons", form, None).status_code == 403
    viewer = sign_in(client, sqlite_store, UserRole.viewer)
    assert client.post_form(f"{MEETING}/persons", form, viewer).status_code == 403
    other = sign_in(client, sqlite_store, UserRole.facilitator, (OTHER,))
    assert client.post_form(f"{MEETING}/persons", form, other).status_code == 403
    assert sqlite_store.count_persons() == before


# -- engagement ------------------------------------------------------------------------


def test_engagement_is_marked_for_someone_on_the_wall(
    client: WebClient, sqlite_store: GraphStore
) -> None:
    csrf = sign_in(client, sqlite_store, UserRole.facilitator)
    r = client.post_form(
        f"{MEETING}/engagement", {"person_id": "own-mum", "engagement": "committed"}, csrf
    )
    assert r.status_code == 303
    assert r.headers["location"] == f"{MEETING}?view=ecomap&mode=family&done=engagement_marked"
    marked = sqlite_store.get_role(OWN, "own-mum")
    assert marked.engagement is Engagement.committed
    assert marked.provenance.updated_by == "facilitator.c-own"
    counter = client.get(f"/cases/{OWN}/map?view=ecomap&mode=family&lang=nl").text
    assert "Ownmoeder" in counter[counter.index('class="counter"') :].split("</p>")[0]


@pytest.mark.parametrize(
    ("person_id", "engagement", "field"),
    [
        ("own-ex", "committed", "person_id"),  # kept away: never from the wall
        ("own-child", "committed", "person_id"),
        ("other-mum", "committed", "person_id"),
        ("own-mum", "not_safe", "engagement"),  # a person's safety is not marked here
        ("own-mum", "no_contact", "engagement"),
        ("own-mum", "", "engagement"),
    ],
)
def test_engagement_refused_for_who_is_not_on_the_list_or_a_state_not_offered(
    client: WebClient, sqlite_store: GraphStore, person_id: str, engagement: str, field: str
) -> None:
    csrf = sign_in(client, sqlite_store, UserRole.facilitator)
    before = {r.person_id: r for r in sqlite_store.list_roles(OWN)}
    r = client.post_form(
        f"{MEETING}/engagement", {"person_id": person_id, "engagement": engagement}, csrf
    )
    assert r.status_code == 422
    assert error_of(r.text, field)
    assert "Ownexpartner" not in r.text
    assert {r.person_id: r for r in sqlite_store.list_roles(OWN)} == before
    assert sqlite_store.get_role(OTHER, "other-mum").engagement is Engagement.engaged


def test_marking_needs_the_token_and_the_role(client: WebClient, sqlite_store: GraphStore) -> None:
    form = {"person_id": "own-mum", "engagement": "declined"}
    sign_in(client, sqlite_store, UserRole.facilitator)
    assert client.post_form(f"{MEETING}/engagement", form, None).status_code == 403
    viewer = sign_in(client, sqlite_store, UserRole.viewer)
    assert client.post_form(f"{MEETING}/engagement", form, viewer).status_code == 403
    assert sqlite_store.get_role(OWN, "own-mum").engagement is Engagement.engaged
