"""Redaction: what each mode's scene may hold, searched for seeded sensitive strings."""

from __future__ import annotations

import pytest
from viz_helpers import (
    ADDRESS_NUMBER,
    ADDRESS_STREET,
    BIRTH,
    BIRTH_YEAR,
    EMAIL,
    HIDDEN_TASK,
    KEPT_AWAY,
    NOT_SAFE_PERSON,
    PERSON_NOTE,
    PHONE,
    RISK_EN,
    RISK_NL,
    ROLE_NOTE,
    SECRET_IDENTITY_PERSON,
    SECRET_ROLE_PERSON,
    SECRET_TIE_PERSON,
    TODAY,
    by_name,
    seed,
    strings,
    text,
)

from tenhands.graph.store import GraphStore
from tenhands.viz import Mode, View, build_scene
from tenhands.viz.redaction import POLICIES

SHARED = [Mode.projection, Mode.family]


@pytest.fixture
def case_id(store: GraphStore) -> str:
    return seed(store)


@pytest.mark.parametrize("mode", SHARED)
@pytest.mark.parametrize("view", list(View))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_shared_maps_hold_nothing_private(
    store: GraphStore, case_id: str, view: View, mode: Mode, lang: str
) -> None:
    scene = build_scene(store, case_id, view, mode, lang, today=TODAY)
    everything = text(scene)
    words = "\n".join(strings(scene))
    for secret in (
        ADDRESS_STREET,
        PHONE,
        "+32",  # no phone number of anyone in the demo either
        EMAIL,
        "@",
        BIRTH,
        PERSON_NOTE,
        ROLE_NOTE,
        RISK_NL,
        RISK_EN,
        "geweld",  # Kevin's risk flags
        "violence",
        "contactverbod",
        "Contactverbod",
        SECRET_TIE_PERSON,
        SECRET_ROLE_PERSON,
        SECRET_IDENTITY_PERSON,
        "demo-",  # no stored id either
        "v-greet",
    ):
        assert secret not in everything, secret
    for secret in (BIRTH_YEAR, ADDRESS_NUMBER, "geboren", "born", "niet veilig", "not safe"):
        assert secret not in words, secret
    # Kevin's only family tie is confidential: the map must not say what he was to the mother.
    assert "ex-partner" not in words
    # No engagement statuses on the wall, and no word that anyone was left out.
    for status in ("geen contact", "no contact", "doet mee", "committed", "niet getoond"):
        assert status not in words, status
    assert "not shown" not in words
    assert {n.badge for n in scene.nodes} <= {None, "†"}


@pytest.mark.parametrize("view", [View.ecomap, View.circles])
def test_the_worker_sees_what_helps(store: GraphStore, case_id: str, view: View) -> None:
    scene = build_scene(store, case_id, view, Mode.work, "nl", today=TODAY)
    words = "\n".join(strings(scene))
    for shown in (PHONE, EMAIL, f"geboren {BIRTH_YEAR}", ROLE_NOTE, RISK_NL, "niet veilig"):
        assert shown in words, shown
    names = by_name(scene)
    for name in (SECRET_TIE_PERSON, SECRET_ROLE_PERSON, SECRET_IDENTITY_PERSON, NOT_SAFE_PERSON):
        assert name in names
    assert "Kevin" in names and "ex-partner van moeder" in names["Kevin"].label
    # Never on any map: addresses and the notes on a person.
    for secret in (ADDRESS_STREET, PERSON_NOTE, BIRTH):
        assert secret not in text(scene)


@pytest.mark.parametrize("mode", SHARED)
@pytest.mark.parametrize("view", list(View))
def test_wall_modes_leave_out_everyone_the_children_are_kept_from(
    store: GraphStore, case_id: str, view: View, mode: Mode
) -> None:
    wall = build_scene(store, case_id, view, mode, "en", today=TODAY)
    work = build_scene(store, case_id, view, Mode.work, "en", today=TODAY)
    ids = {n.id for n in wall.nodes}
    assert all(e.source in ids and e.target in ids for e in wall.edges)
    shown, known = set(by_name(wall)), set(by_name(work))
    for name in KEPT_AWAY:
        assert name not in shown, name
        assert name not in text(wall), name
    assert HIDDEN_TASK not in text(wall)
    assert wall.notes == [n for n in wall.notes if "not shown" not in n]
    if view is View.ecomap:
        # the worker's map keeps everyone; the wall loses exactly the kept-away and secrets
        secrets = {SECRET_TIE_PERSON, SECRET_ROLE_PERSON, SECRET_IDENTITY_PERSON}
        assert known - shown == {*KEPT_AWAY, *secrets}
        # Vera is committed, yet the wall does not count her among the hands
        assert wall.counter.committed == work.counter.committed - 2  # Vera and Yolanda


def test_tasks_of_the_current_plan_are_on_the_node(store: GraphStore, case_id: str) -> None:
    scene = build_scene(store, case_id, View.circles, Mode.family, "nl", today=TODAY)
    ria = by_name(scene)["Oma Ria"]
    assert ria.tasks == ("Haalt Lina en Adam op woensdag op", "Belt Lina elke zondag")
    assert by_name(scene)["Hafsa"].tasks == ("Belt Lina elke zondag",)
    assert "Oude taak" not in text(scene)


def test_the_modes_policies() -> None:
    work, projection, family = (POLICIES[m] for m in (Mode.work, Mode.projection, Mode.family))
    assert work.contact and work.birth and work.risk and work.confidential and work.unsafe
    for shared in (projection, family):
        assert not (shared.contact or shared.birth or shared.risk or shared.confidential)
        assert not (shared.unsafe or shared.statuses)
    assert work.statuses
    assert projection.large and family.large and not work.large
