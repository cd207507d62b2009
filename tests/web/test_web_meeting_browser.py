"""The meeting page read from the back of the room, in a real browser (Debian's Chromium
through Playwright) at 100 % zoom on a 1920×1080 and a 1280×720 screen, over the demo case:

- in the map shown on the page, after it has fitted itself, every name is drawn at
  least 24 CSS pixels tall and every relation word at least 18 (vis-network's font size
  times the network's scale: its canvas is drawn at the device's pixel ratio, so that
  product is in CSS pixels), in every view and both wall modes;
- the controls stand in one row, none cut off;
- the plan opens as a drawer over the map, which keeps its size;
- zoom in, zoom out, the whole map and full screen work on the shown map, and the
  language switch turns the page and its maps to English and back.

Nothing leaves 127.0.0.1 and the console stays free of errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
from web_browser_helpers import Visit, demo_visit, drawn, launch, map_frames

from tenhands.viz import Mode, View
from tenhands.viz.layout import RELATION_SCALE
from tenhands.viz.render import MIN_LABEL_PX

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame

pytestmark = pytest.mark.browser

NAME_PX = 24.0
"""The least height of a name on the wall, in CSS pixels."""

RELATION_PX = 18.0
"""The least height of a relation word ("grootmoeder") on the wall, in CSS pixels."""

SCREENS = [(1920, 1080), (1280, 720)]
"""A wall, and a small projector."""


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    yield from launch(chromium_executable)


@pytest.fixture(scope="module")
def visit(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Visit, str]]:
    """The facilitator of the demo case, signed in (one server for the module)."""
    with demo_visit(browser, tmp_path_factory.mktemp("meeting"), "facilitator") as (v, case, _):
        yield v, case
        assert v.errors == [] and v.blocked == []


def _meeting(v: Visit, case_id: str, screen: tuple[int, int], query: str = "") -> None:
    """The meeting page on ``screen`` (CSS pixels at 100 % zoom), every map drawn."""
    v.page.set_viewport_size({"width": screen[0], "height": screen[1]})
    v.go(f"/cases/{case_id}/meeting{query}")
    for frame in map_frames(v.page):
        drawn(frame)


def _shown(v: Visit, view: View, mode: Mode) -> Frame:
    """The map frame of ``view`` in ``mode``, drawn."""
    frames = map_frames(v.page, view=view.value, mode=mode.value)
    assert len(frames) == 1
    drawn(frames[0])
    return frames[0]


_SIZES = """() => {
  const network = window.tenhandsNetwork;
  const scale = network.getScale();
  const people = network.body.data.nodes.get().filter((n) => n.label);
  return {
    ratio: window.devicePixelRatio,
    labels: people.map((n) => ({
      name: n.label.split("\\n")[0].replace(/<\\/?b>/g, ""),
      lines: n.label.split("\\n").length,
      namePx: n.font.bold.size * scale,
      relationPx: n.font.size * scale,
    })),
  };
}"""


def _sizes(frame: Frame) -> dict[str, Any]:
    sizes: dict[str, Any] = frame.evaluate(_SIZES)
    return sizes


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_names_and_relations_are_large_enough_to_read_from_the_back(
    visit: tuple[Visit, str],
    screen: tuple[int, int],
    record_property: Callable[[str, object], None],
) -> None:
    v, case_id = visit
    assert MIN_LABEL_PX[Mode.family] >= NAME_PX and NAME_PX * RELATION_SCALE >= RELATION_PX
    _meeting(v, case_id, screen)
    page = v.page
    measured: dict[str, tuple[float, float]] = {}
    for mode in (Mode.family, Mode.projection):
        for view in View:
            page.click(f'.view-switch a[data-view="{view.value}"]')
            assert page.locator("#meeting-bar").get_attribute("data-mode") == mode.value
            frame = _shown(v, view, mode)
            sizes = _sizes(frame)
            assert sizes["ratio"] == 1  # 100 % zoom
            labels = sizes["labels"]
            assert len(labels) >= 5
            for label in labels:
                # names 24 px and more, relation words 18 px and more
                assert label["namePx"] >= NAME_PX - 0.01, (view, mode, label)
                assert label["relationPx"] >= RELATION_PX - 0.01, (view, mode, label)
            with_role = [label for label in labels if label["lines"] > 1]
            assert with_role  # the relation words are drawn
            measured[f"{view.value}/{mode.value}"] = (
                min(label["namePx"] for label in labels),
                min(label["relationPx"] for label in with_role),
            )
        page.click("#family-toggle")  # then the other wall mode, without reloading
    record_property("least (name px, relation px)", measured)  # in a JUnit report


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_wall_label_is_the_name_and_the_role(
    visit: tuple[Visit, str], screen: tuple[int, int]
) -> None:
    v, case_id = visit
    _meeting(v, case_id, screen)
    labels = _sizes(_shown(v, View.ecomap, Mode.family))["labels"]
    by_name = {label["name"]: label for label in labels}
    ria = _shown(v, View.ecomap, Mode.family).evaluate(
        """() => window.tenhandsNetwork.body.data.nodes.get()
             .map((n) => n.label).find((l) => l.startsWith("<b>Oma Ria</b>"))"""
    )
    assert ria == "<b>Oma Ria</b>\n(grootmoeder)"  # not the side: the map's sectors say it
    assert by_name["Lina"]["lines"] == 1


_BAR = """() => {
  const bar = document.getElementById("meeting-bar");
  // the bar's own controls, not those of a panel one of them opens
  const own = Array.from(bar.querySelectorAll("a, button, summary, p"))
    .filter((el) => !el.closest(".live-pop"));
  const shown = own.filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 2 && r.height > 2 && getComputedStyle(el).visibility !== "hidden";
  });
  const box = bar.getBoundingClientRect();
  return {
    height: box.height,
    scrolls: bar.scrollWidth > bar.clientWidth + 1,
    controls: shown.filter((el) => el.tagName !== "P").map((el) => {
      const r = el.getBoundingClientRect();
      return {id: el.id || el.textContent.trim(), top: r.top, bottom: r.bottom,
              left: r.left, right: r.right, height: r.height,
              cut: el.scrollWidth > el.clientWidth + 1};
    }),
  };
}"""


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_controls_stand_in_one_row(visit: tuple[Visit, str], screen: tuple[int, int]) -> None:
    v, case_id = visit
    _meeting(v, case_id, screen)
    bar = v.page.evaluate(_BAR)
    controls = bar["controls"]
    ids = {c["id"] for c in controls}
    for needed in ("meeting-back", "family-toggle", "plan-toggle", "zoom-in", "zoom-out"):
        assert needed in ids
    assert {"zoom-whole", "fullscreen", "NL", "EN"} <= ids
    tops = {round(c["top"]) for c in controls}
    assert max(tops) - min(tops) <= 1, controls  # one row: every control at the same top
    tallest = max(c["height"] for c in controls)
    assert bar["height"] <= tallest + 16  # the bar is one row high
    assert all(c["height"] >= 44 for c in controls)  # large enough to hit
    assert not bar["scrolls"]  # and nothing is cut off at the right
    assert max(c["right"] for c in controls) <= screen[0]
    assert min(c["left"] for c in controls) >= 0  # nor at the left
    by_left = sorted(controls, key=lambda c: c["left"])
    for before, after in zip(by_left, by_left[1:], strict=False):
        assert before["right"] <= after["left"] + 0.5, (before, after)  # none covers another
    assert [c["id"] for c in controls if c["cut"]] == []  # and each shows all of its words


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_plan_is_a_drawer_over_the_map_which_keeps_its_size(
    visit: tuple[Visit, str], screen: tuple[int, int]
) -> None:
    v, case_id = visit
    _meeting(v, case_id, screen)
    page = v.page
    frame_box = page.locator("iframe.meeting-frame:not(.is-hidden)")
    before = frame_box.bounding_box()
    scale = _shown(v, View.ecomap, Mode.family).evaluate("() => window.tenhandsNetwork.getScale()")
    assert before is not None
    assert before["width"] == screen[0]  # the map takes the whole width
    panel = page.locator("#plan-panel")
    assert not panel.is_visible()
    page.click("#plan-toggle")
    assert panel.is_visible()
    after = frame_box.bounding_box()
    assert after == before  # the map keeps its size and place
    assert _shown(v, View.ecomap, Mode.family).evaluate(
        "() => window.tenhandsNetwork.getScale()"
    ) == pytest.approx(scale)  # and its labels their size
    drawer = panel.bounding_box()
    assert drawer is not None
    assert drawer["x"] + drawer["width"] == pytest.approx(screen[0], abs=1)  # over the right
    assert drawer["width"] <= 0.65 * screen[0]  # the rest of the map stays in sight
    page.keyboard.press("Escape")  # closes, back to its button
    assert not panel.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "plan-toggle"
    page.click("#plan-toggle")
    page.click("#plan-close")
    assert not panel.is_visible()


def test_zoom_the_whole_map_and_full_screen(visit: tuple[Visit, str]) -> None:
    v, case_id = visit
    _meeting(v, case_id, (1280, 720), "?view=circles")
    page = v.page
    frame = _shown(v, View.circles, Mode.family)

    def scale() -> float:
        value: float = frame.evaluate("() => window.tenhandsNetwork.getScale()")
        return value

    fitted = scale()
    page.click("#zoom-in")
    assert scale() == pytest.approx(fitted * 1.25)
    page.click("#zoom-out")
    page.click("#zoom-out")
    assert scale() == pytest.approx(fitted * 0.8)
    page.locator("body").press("+")  # the keys do the same
    assert scale() == pytest.approx(fitted)
    page.click("#zoom-whole")  # every person in sight, however small
    inside = frame.evaluate(
        """() => {
          const net = window.tenhandsNetwork;
          const box = document.getElementById("network").getBoundingClientRect();
          return Object.values(net.getPositions()).every((p) => {
            const d = net.canvasToDOM(p);
            return d.x >= 0 && d.y >= 0 && d.x <= box.width && d.y <= box.height;
          });
        }"""
    )
    assert inside
    full = page.locator("#fullscreen")
    full.click()
    page.wait_for_function("() => document.fullscreenElement !== null")
    page.wait_for_selector("#fullscreen[aria-pressed='true']")  # set on fullscreenchange
    full.click()
    page.wait_for_function("() => document.fullscreenElement === null")
    page.wait_for_selector("#fullscreen[aria-pressed='false']")


def test_the_language_switch_turns_the_page_and_its_maps(visit: tuple[Visit, str]) -> None:
    v, case_id = visit
    _meeting(v, case_id, (1280, 720), "?view=genogram&mode=projection")
    page = v.page
    assert page.locator("html").get_attribute("lang") == "nl"
    page.click('#meeting-lang button[value="en"]')
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith(f"/cases/{case_id}/meeting?view=genogram&mode=projection")
    assert page.locator('#meeting-lang button[value="en"]').get_attribute("aria-pressed") == "true"
    frame = _shown(v, View.genogram, Mode.projection)
    assert "lang=en" in frame.url
    drawn(frame)
    words = frame.evaluate("() => window.tenhandsNetwork.body.data.nodes.get().map((n) => n.label)")
    assert any("(grandmother)" in w for w in words)
    assert page.locator("#family-toggle").inner_text().strip() == "Family mode"
    bar = page.evaluate(_BAR)  # the English words keep to one row as well
    assert not bar["scrolls"] and len({round(c["top"]) for c in bar["controls"]}) == 1
    page.click('#meeting-lang button[value="nl"]')  # and back
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "nl"
