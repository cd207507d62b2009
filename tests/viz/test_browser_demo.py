"""The demo case's maps in a real browser: every view and mode draws offline, without
errors, with exactly the persons its audience may see."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_helpers import launched, open_map

from tenhands.demo.seed import seed_demo
from tenhands.graph.model import Confidential, Engagement, RiskFlag
from tenhands.graph.store import GraphStore
from tenhands.viz import Mode, View, build_scene

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

KEPT_AWAY = {Engagement.not_safe, Engagement.no_contact}
KEPT_AWAY_FLAGS = {RiskFlag.contact_restriction, RiskFlag.violence}


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    with launched(chromium_executable) as b:
        yield b


def expected_people(store: GraphStore, mode: Mode) -> set[str]:
    """First names of the case's persons the mode may show, from the store itself."""
    case = store.get_case("demo-case")
    roles = {r.person_id: r for r in store.list_roles(case.id)}
    names = set()
    for person in store.get_persons([*case.child_ids, *roles]):
        role = roles.get(person.id)
        hidden = Confidential.identity in person.confidential or (role and role.confidential)
        if mode is not Mode.work and hidden:
            continue
        kept_away = role is not None and (
            role.engagement in KEPT_AWAY or KEPT_AWAY_FLAGS & set(role.risk_flags)
        )
        if mode is not Mode.work and kept_away:
            continue
        names.add(person.given_names[0])
    return names


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("view", [View.ecomap, View.circles])
def test_each_mode_draws_the_persons_it_may_show(
    browser: Browser, sqlite_store: GraphStore, tmp_path: Path, view: View, mode: Mode
) -> None:
    seed_demo(sqlite_store)
    scene = build_scene(sqlite_store, "demo-case", view, mode, "nl")
    for loaded in open_map(browser, scene, tmp_path):
        drawn: list[str] = loaded.page.evaluate(
            "window.tenhandsNetwork.body.data.nodes.get()"
            ".filter((n) => n.shape !== 'dot' || n.size > 5).map((n) => n.label || '')"
        )
        errors, blocked = loaded.errors, loaded.blocked
    assert errors == [] and blocked == []
    first_names = {label.split("\n")[0].split(" ")[-1] for label in drawn}
    expected = expected_people(sqlite_store, mode)
    if view is View.circles:  # the circles leave out the deceased, and say so
        dead = {p.given_names[0] for p in sqlite_store.get_persons(
            [r.person_id for r in sqlite_store.list_roles("demo-case")]) if p.deceased}  # fmt: skip
        expected -= dead
    assert len(drawn) == len(scene.people)
    assert len(drawn) == len(expected)
    if mode is not Mode.work:
        assert "Kevin" not in first_names  # no contact, in the demo
