"""The map as a list (:mod:`tenhands.viz.listing`): the demo case's persons of each view
and mode (both stores), with their circle, side and what they are to the children, and
nothing the mode hides."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tenhands.demo.seed import seed_demo
from tenhands.graph.store import GraphStore
from tenhands.viz import Mode, View, build_scene
from tenhands.viz.labels import display_name, listing_say
from tenhands.viz.listing import CIRCLES, listing_html, name_of
from tenhands.viz.redaction import kept_away
from tenhands.viz.render import render_html
from tenhands.viz.scene import Counter, Scene, SceneNode, Shape

TODAY = date(2026, 12, 1)
SIDES = {
    "maternal": "familie van mama",
    "paternal": "familie van papa",
    "both": "familie van mama en papa",
    "informal": "steunfiguur, geen familie",
    "professional": "hulpverlener",
}


def _unescape(text: str) -> str:
    return text.replace("&#x27;", "'").replace("&amp;", "&")


def listed(page: str) -> dict[str, list[str]]:
    """The listing's items under each of its headings, as text."""
    section = page.split('<section id="map-list"', 1)[1].split("</section>", 1)[0]
    out: dict[str, list[str]] = {}
    for part in section.split("<h3>")[1:]:
        heading, rest = part.split("</h3>", 1)
        items = re.findall(r"<li>(.*?)</li>", rest)
        out[_unescape(heading)] = [_unescape(re.sub(r"</?strong>", "", i)) for i in items]
    return out


@pytest.fixture
def demo(store: GraphStore) -> GraphStore:
    seed_demo(store)
    return store


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("view", list(View))
def test_exactly_the_scenes_persons_by_circle_with_their_side(
    demo: GraphStore, view: View, mode: Mode
) -> None:
    scene = build_scene(demo, "demo-case", view, mode, "nl", today=TODAY)
    groups = listed(listing_html(scene))
    items = [i for group in groups.values() for i in group]
    assert len(items) == len(scene.people)
    for node in scene.people:
        name = name_of(node)
        heading = listing_say(
            "listing.children" if node.group == "child" else f"listing.{node.circle}"
        )
        assert node.group == "child" or node.circle in CIRCLES
        mine = [i for i in groups[heading] if i == name or i.startswith(f"{name}: ")]
        assert len(mine) == 1, (name, heading)
        if node.relation:
            assert node.relation in mine[0]
        if node.group != "child":
            assert mine[0].endswith(SIDES[str(node.group)]) or "overleden" in mine[0]


def test_nothing_the_mode_hides(demo: GraphStore) -> None:
    work = build_scene(demo, "demo-case", View.ecomap, Mode.work, "nl", today=TODAY)
    family = build_scene(demo, "demo-case", View.ecomap, Mode.family, "nl", today=TODAY)
    hidden = {name_of(n) for n in work.people} - {name_of(n) for n in family.people}
    assert "Kevin" in hidden  # the ex-partner with a contact ban: on the work map only
    work_list, family_list = listing_html(work), listing_html(family)
    assert "Kevin" in work_list
    for name in hidden:
        assert name not in family_list, name
    # no engagement words, badges or contact details: only name, relation, side
    for said in ("geen contact", "engageert zich", "doet niet mee", "+32", "@"):
        assert said not in family_list, said


@pytest.mark.parametrize("mode", [Mode.family, Mode.projection])
def test_no_wall_list_names_anyone_kept_away(demo: GraphStore, mode: Mode) -> None:
    """The same rule as the maps on the wall (:func:`kept_away`), in every view."""
    away = [r.person_id for r in demo.list_roles("demo-case") if kept_away(r)]
    names = {display_name(p) for p in demo.get_persons(away)}
    assert "Kevin" in names
    for view in View:
        scene = build_scene(demo, "demo-case", view, mode, "nl", today=TODAY)
        listed_names = {
            i.split(": ", 1)[0] for g in listed(listing_html(scene)).values() for i in g
        }
        assert len(listed_names) >= 5 and not names & listed_names, (view, names & listed_names)


def test_in_english(demo: GraphStore) -> None:
    scene = build_scene(demo, "demo-case", View.ecomap, Mode.family, "en", today=TODAY)
    groups = listed(listing_html(scene))
    assert list(groups)[:2] == ["The children", "Inner circle"]
    assert "Oma Ria: grandmother, mother's side; mother's family" in groups["Inner circle"]


def test_the_map_page_carries_it_once(demo: GraphStore) -> None:
    scene = build_scene(demo, "demo-case", View.genogram, Mode.family, "nl", today=TODAY)
    page = render_html(scene)
    assert page.count('<section id="map-list"') == 1 and listing_html(scene) in page


def test_values_are_escaped() -> None:
    node = SceneNode(
        id="x", label="<b>Ann</b>\n(tante)", x=0, y=0, shape=Shape.circle, colour="#fff",
        group="informal", circle="outer", relation="<i>tante</i>",
    )  # fmt: skip
    scene = Scene(
        view=View.ecomap, mode=Mode.family, lang="nl", title="t", made_on=TODAY,
        nodes=[node], edges=[], counter=Counter(0),
    )  # fmt: skip
    text = listing_html(scene)
    assert "<b>" not in text and "<i>" not in text and "&lt;b&gt;Ann&lt;/b&gt;" in text
    assert listed(text)["De kinderen"] == []
