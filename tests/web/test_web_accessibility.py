"""What the pages do for people using a keyboard, a screen reader or a projector: a
skip link, a title and one heading per page, a label for every input, errors tied to
their field, framed maps with a title, and colours with enough contrast."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources

import pytest
from web_helpers import OWN, WebClient, make_user, seed_cases

from tenhands.graph.model import UserRole
from tenhands.graph.stores.sqlite import SqliteStore

PAGES = [
    "/cases",
    f"/cases/{OWN}",
    f"/cases/{OWN}/review",
    f"/cases/{OWN}/meeting",
    f"/cases/{OWN}/meeting?plan=open",
    f"/cases/{OWN}/plan",
    f"/cases/{OWN}/plan/new",
    f"/cases/{OWN}/persons/new",
    f"/cases/{OWN}/persons/own-mum/edit",
    f"/cases/{OWN}/ties/new",
    f"/cases/{OWN}/persons/own-mum/contacts",
    "/cases/c-other",
]


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of titles and h1s."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.title = ""
        self._in: str | None = None
        self.h1: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("title", "h1"):
            self._in = tag
            if tag == "h1":
                self.h1.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1[-1] += data


def parsed(page: str) -> Elements:
    found = Elements()
    found.feed(page)
    return found


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[WebClient]:
    seed_cases(sqlite_store)
    with WebClient.over(sqlite_store) as c:
        c.sign_in(sqlite_store, make_user(sqlite_store, "werker", UserRole.worker, (OWN,)))
        yield c


@pytest.mark.parametrize("url", PAGES)
def test_each_page_is_structured_and_labelled(client: WebClient, url: str) -> None:
    r = client.get(url)
    page = parsed(r.text)
    assert page.title.strip().endswith("· TenHands") and len(page.title.strip()) > 12, url
    assert len(page.h1) == 1 and page.h1[0].strip(), url
    assert ("html", {"lang": "nl"}) in page.tags
    ids = {attrs.get("id") for _, attrs in page.tags}
    skip = [a for t, a in page.tags if t == "a" and "skip-link" in a.get("class", "")]
    assert skip and skip[0]["href"] == "#main" and "main" in ids
    labelled = {attrs.get("for") for tag, attrs in page.tags if tag == "label"}
    for tag, attrs in page.tags:
        if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            assert attrs.get("id") in labelled, (url, tag, attrs)
        if tag == "iframe":
            assert attrs.get("title"), url
        if tag == "img":
            assert "alt" in attrs, url
        for ref in attrs.get("aria-describedby", "").split():
            assert ref in ids, (url, ref)


def test_a_field_error_is_tied_to_its_field(client: WebClient) -> None:
    page = client.get(f"/cases/{OWN}/persons/new")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    r = client.post(
        f"/cases/{OWN}/persons/new",
        data={"given_names": "Jef", "birth_date": "morgen", "csrf_token": token.group(1)},
    )
    elements = parsed(r.text)
    field = next(a for t, a in elements.tags if a.get("id") == "f-birth_date")
    assert field.get("aria-invalid") == "true"
    assert "f-birth_date-error" in field["aria-describedby"].split()
    summary = next(a for t, a in elements.tags if "error-summary" in a.get("class", ""))
    assert summary.get("role") == "alert" and summary.get("tabindex") == "-1"


# -- colour contrast (WCAG 2.1 AA: 4.5:1 for text) -------------------------------------


def _luminance(colour: str) -> float:
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _css() -> str:
    return resources.files("tenhands.web").joinpath("static", "web.css").read_text("utf-8")


def _full(colour: str) -> str:
    colour = colour.lower()
    return "#" + "".join(c * 2 for c in colour[1:]) if len(colour) == 4 else colour


def _rules() -> list[tuple[str, dict[str, str]]]:
    css = re.sub(r"/\*.*?\*/", "", _css(), flags=re.S)
    names = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", css))
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        values: dict[str, str] = {}
        for prop, value in re.findall(r"(?:^|;)\s*([\w-]+)\s*:\s*([^;]+)", body):
            value = value.strip()
            ref = re.fullmatch(r"var\(--([\w-]+)\)", value)
            if ref and ref.group(1) in names:
                value = names[ref.group(1)]
            if re.fullmatch(r"#[0-9a-fA-F]{3,6}", value):
                values[prop] = _full(value)
        rules.append((selector.strip(), values))
    return rules


def test_text_and_its_background_have_enough_contrast() -> None:
    checked = 0
    for selector, values in _rules():
        background = values.get("background") or values.get("background-color")
        colour = values.get("color")
        if colour and background:
            assert contrast(colour, background) >= 4.5, selector
            checked += 1
    assert checked >= 15


@pytest.mark.parametrize(
    ("selector", "background"),
    [
        ("body", "#ffffff"),
        (".lead", "#ffffff"),
        (".small", "#ffffff"),
        (".field-error", "#ffffff"),
        (".error-summary a", "#ffffff"),
        (".table .against", "#ffffff"),
        (".table .for", "#ffffff"),
        (".header-tools .who", "#1f2a36"),
        (".meeting-note", "#14181d"),
        (".counter.reached .counter-words", "#f3f4f6"),
    ],
)
def test_text_on_the_pages_backgrounds_has_enough_contrast(selector: str, background: str) -> None:
    colour = next(v["color"] for s, v in _rules() if s == selector and "color" in v)
    assert contrast(colour, background) >= 4.5


def test_the_focus_is_always_visible() -> None:
    css = _css()
    assert ":focus-visible" in css and "outline: none" not in css.replace(
        "main:focus { outline: none; }", ""
    )
