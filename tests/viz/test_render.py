"""The map page without a browser: self-contained, escaped, complete."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from render_helpers import HOSTILE_LABEL, ecomap_scene, genogram_scene

from tenhands.viz.export import ChromiumNotFound, find_chromium, html_to_png, write_html
from tenhands.viz.render import VENDORED_URLS, counter_text, render_html
from tenhands.viz.scene import Counter, LegendEntry, LineStyle, Mark, Scene, SceneEdge, Shape

URL = re.compile(r"""(?i)\b(?:https?:)?//[^\s"'<>)\\]+""")


class _Page(HTMLParser):
    """Collects what a test needs: attributes, script bodies, visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str, str]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.text: list[str] = []
        self._script: dict[str, str] | None = None
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.attrs.extend((tag, k, v) for k, v in values.items())
        if tag == "script":
            self._script = values
            self.scripts.append((values, ""))
        self._style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        elif not self._style:
            self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _data(page: _Page) -> dict[str, object]:
    [body] = [b for a, b in page.scripts if a.get("id") == "tenhands-data"]
    loaded: dict[str, object] = json.loads(body)
    return loaded


@pytest.fixture(scope="module")
def scene() -> Scene:
    return ecomap_scene("nl", hostile=True)


@pytest.fixture(scope="module")
def html(scene: Scene) -> str:
    return render_html(scene)


def test_no_remote_resources(html: str) -> None:
    page = _parse(html)
    assert not [a for a in page.attrs if a[1] in ("src", "href")], "no src/href at all"
    assert "<script src" not in html.lower()
    assert "<link" not in html.lower()
    assert not re.search(r"(?i)@import|url\(\s*['\"]?(?:https?:)?//", html)


def test_only_vendored_url_strings(html: str) -> None:
    """Every URL-like string is one of vis-network's never-fetched notices."""
    found = {m.group(0).rstrip(".,;") for m in URL.finditer(html)}
    found = {u for u in found if u.lower().startswith(("http:", "https:"))}
    assert found <= VENDORED_URLS, found - VENDORED_URLS
    page = _parse(html)
    ours = "".join(page.text) + "".join(b for a, b in page.scripts if "vis.Network" in b)
    assert "http:" not in ours and "https:" not in ours


def test_no_pyvis_template_leftovers(html: str) -> None:
    for leftover in ("cdnjs", "jsdelivr", "bootstrap", "{{", "{%", "lib/bindings", "utils.js"):
        assert leftover not in html.lower()
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html


def test_every_label_and_data(html: str, scene: Scene) -> None:
    page = _parse(html)
    data = _data(page)
    nodes = data["nodes"]
    assert isinstance(nodes, list)
    assert [n["label"] for n in nodes] == [n.label for n in scene.nodes]
    assert [(n["x"], n["y"]) for n in nodes] == [(n.x, n.y) for n in scene.nodes]
    for node in scene.nodes:
        for line in node.label.splitlines():
            if "<" not in line:
                assert line in html
    options = data["options"]
    assert isinstance(options, dict)
    assert options["physics"] == {"enabled": False}


def test_ids_are_prefixed_and_parallel_edges_kept(html: str, scene: Scene) -> None:
    data = _data(_parse(html))
    nodes, edges = data["nodes"], data["edges"]
    assert isinstance(nodes, list) and isinstance(edges, list)
    assert all(isinstance(n["id"], str) and n["id"].startswith("n:") for n in nodes)
    assert len(edges) == len(scene.edges)
    assert len({e["id"] for e in edges}) == len(edges)
    pairs = [frozenset((e["from"], e["to"])) for e in edges]
    assert pairs.count(frozenset(("n:mother", "n:father"))) == 2


def test_numeric_ids_stay_strings_and_union_has_no_label() -> None:
    data = _data(_parse(render_html(genogram_scene())))
    nodes = data["nodes"]
    assert isinstance(nodes, list)
    assert [n["id"] for n in nodes] == ["n:1", "n:2", "n:10", "n:3", "n:4"]
    union = next(n for n in nodes if n["id"] == "n:10")
    assert union["label"] == ""


def test_hostile_label_is_escaped(html: str) -> None:
    assert "alert(1)" in html  # shown, as text
    assert "<script>alert(1)" not in html
    assert "</script><script>" not in html
    page = _parse(html)
    # the only scripts are vis-network, the data and ours: the label opened none
    assert len(page.scripts) == 3
    assert HOSTILE_LABEL in [n["label"] for n in _data(page)["nodes"]]  # type: ignore[attr-defined]


def test_tooltip_is_plain_text(html: str) -> None:
    nodes = _data(_parse(html))["nodes"]
    assert isinstance(nodes, list)
    assert nodes[0]["title"] == "Noor <b>not bold</b>"
    assert "<b>not bold</b>" not in html


def test_legend_lists_entries(html: str, scene: Scene) -> None:
    legend = html.split('<section class="legend">', 1)[1].split("</section>", 1)[0]
    assert "<h2>Legende</h2>" in legend
    assert legend.count("<li>") == len(scene.legend)
    assert legend.count("<svg") == len(scene.legend)
    for entry in scene.legend:
        assert f"<span>{entry.label}</span>" in legend.replace("&#x27;", "'")
    assert "<polyline" in legend  # the zigzag swatch
    assert 'stroke-dasharray="7 4"' in legend


def test_header_counter_date_notes_and_tasks_nl(html: str) -> None:
    text = " ".join(_parse(html).text)
    assert "Netwerk van Noor" in text
    assert "23 november 2026" in text
    assert "3 / 5 volwassenen · 6 / 10 handen en ogen" in text
    assert "2 personen niet getoond in deze modus" in text
    assert "Haalt Noor op woensdag van school" in text
    assert "Alle taken: wie doet wat" in text
    assert '<html lang="nl">' in html


def test_counter_and_words_in_english() -> None:
    scene = ecomap_scene("en")
    assert counter_text(scene) == "3 / 5 adults · 6 / 10 hands and eyes · 2 more needed"
    html = render_html(scene)
    text = " ".join(_parse(html).text)
    assert "3 / 5 adults · 6 / 10 hands and eyes · 2 more needed" in text
    assert "23 November 2026" in text
    assert "<h2>Legend</h2>" in html
    assert "volwassenen" not in html


def test_the_counter_names_who_is_committed_and_what_is_missing() -> None:
    scene = replace(
        ecomap_scene("nl"), counter=Counter(committed=2, goal=5, names=("Hafsa", "Oma Ria"))
    )
    assert counter_text(scene) == (
        "Doen mee: Hafsa, Oma Ria — 2 / 5 volwassenen · 4 / 10 handen en ogen · nog 3 nodig"
    )
    done = replace(scene, counter=Counter(committed=5, goal=5, names=tuple("ABCDE")))
    assert counter_text(done).endswith("10 / 10 handen en ogen · doel bereikt")
    assert "Doen mee: A, B, C, D, E — " in " ".join(_parse(render_html(done)).text)


def test_canvas_hooks_and_exposed_network(html: str) -> None:
    for needle in (
        'network.on("beforeDrawing"',
        'network.on("afterDrawing"',
        "window.tenhandsNetwork = network",
        "window.tenhandsReady = true",
    ):
        assert needle in html
    extras = _data(_parse(html))["extras"]
    assert isinstance(extras, dict)
    assert len(extras["rings"]) == 3 and len(extras["sectors"]) == 3
    marks = {m["id"]: m for m in extras["edgeMarks"]}
    assert marks["e:e8"]["slashes"] == 2 and marks["e:e10"]["slashes"] == 1
    assert marks["e:e2"]["zigzag"] is True
    decorations = {d["id"]: d for d in extras["decorations"]}
    assert decorations["n:child"]["double"] and decorations["n:opa"]["deceased"]


def test_render_is_repeatable(scene: Scene) -> None:
    assert render_html(scene) == render_html(scene)


def test_missing_chromium_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TENHANDS_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ChromiumNotFound, match="make browser"):
        html_to_png("<p>x</p>", tmp_path / "x.png")
    monkeypatch.setenv("TENHANDS_CHROMIUM", str(tmp_path / "nowhere"))
    with pytest.raises(ChromiumNotFound, match="TENHANDS_CHROMIUM names"):
        find_chromium()
    assert not (tmp_path / "x.png").exists()


def test_html_is_written_as_utf8(tmp_path: Path) -> None:
    out = write_html(render_html(ecomap_scene("nl")), tmp_path / "map.html")
    assert "volwassenen · 6" in out.read_bytes().decode("utf-8")


def test_a_scene_that_cannot_be_drawn_is_a_clear_error() -> None:
    scene = genogram_scene()
    broken = replace(scene, edges=[*scene.edges, SceneEdge("x", "1", "nobody")])
    with pytest.raises(ValueError, match="not in the scene"):
        render_html(broken)
    twice = replace(scene, nodes=[*scene.nodes, scene.nodes[0]])
    with pytest.raises(ValueError, match="same id"):
        render_html(twice)


def test_legend_swatches_draw_the_marks_the_map_draws() -> None:
    entries = [
        LegendEntry("betrokken", mark=Mark.badge, badge="4"),
        LegendEntry("het kind", Shape.circle, mark=Mark.double_border),
        LegendEntry("overleden", Shape.square, mark=Mark.deceased, badge="†"),
        LegendEntry("gescheiden", style=LineStyle.solid, mark=Mark.divorced),
        LegendEntry("uit elkaar", style=LineStyle.solid, mark=Mark.separated),
        LegendEntry("koppel", style=LineStyle.solid),
    ]
    legend = render_html(replace(genogram_scene(), legend=entries))
    legend = legend.split('<section class="legend">', 1)[1].split("</section>")[0]
    rows = legend.split("<li>")[1:]
    assert len(rows) == len(entries) and all("<svg" in row for row in rows)
    badge, child, dead, divorced, separated, couple = rows
    assert ">4</text>" in badge and "<circle" in badge
    assert child.count("<circle") == 2  # a double border
    assert "M2,3 L18,19" in dead and ">†</text>" in dead  # a cross, and the badge
    assert divorced.count("<line") == 3 and separated.count("<line") == 2
    assert couple.count("<line") == 1


def test_words_only_legend_entry_gets_an_empty_swatch() -> None:
    scene = replace(
        genogram_scene(), legend=[LegendEntry("✓ engaged"), LegendEntry("man", Shape.square)]
    )
    legend = render_html(scene).split('<section class="legend">', 1)[1].split("</section>")[0]
    assert legend.count("<svg") == 1 and '<span class="swatch"' in legend
    assert 'fill="#ffffff"' in legend
