"""The closure handout of the demo case (both stores), and of networks of chosen sizes:
nobody the family must be kept from is on it, it carries the Flemish helplines, and it
says so when the network is too big for one A4 page."""

from __future__ import annotations

import re

import pytest
from handout_sizes import sized_handout

from tenhands.demo.seed import seed_demo
from tenhands.graph.store import GraphStore
from tenhands.viz.handout import Handout, build_handout, render_handout_html
from tenhands.viz.handout.fit import fits_one_page
from tenhands.viz.handout.words import helplines
from tenhands.viz.labels import display_name
from tenhands.viz.redaction import kept_away

LANGS = ["nl", "en"]


def _demo(store: GraphStore, lang: str) -> tuple[str, Handout]:
    case_id = seed_demo(store)
    return case_id, build_handout(store, case_id, lang)


def _note_shown(page: str) -> bool:
    found = re.search(r'<p class="too-big"( hidden)?>', page)
    assert found is not None, "the page has no line for a network too big for one sheet"
    return found.group(1) is None


@pytest.mark.parametrize("lang", LANGS)
def test_nobody_the_family_is_kept_from(store: GraphStore, lang: str) -> None:
    case_id, handout = _demo(store, lang)
    page = render_handout_html(handout)
    kept_off = [store.get_person(r.person_id) for r in store.list_roles(case_id) if kept_away(r)]
    names = {display_name(p) for p in kept_off}
    assert "Kevin" in names  # the ex-partner with a contact ban
    for name in names:
        assert name not in handout.names(), name
        assert name not in page, name


@pytest.mark.parametrize("lang", LANGS)
def test_the_demo_fits_one_page(store: GraphStore, lang: str) -> None:
    _, handout = _demo(store, lang)
    assert len(handout.people) >= 10  # a network of a typical size
    assert fits_one_page(handout)
    assert not _note_shown(render_handout_html(handout))


@pytest.mark.parametrize("lang", LANGS)
def test_the_flemish_helplines(store: GraphStore, lang: str) -> None:
    _, handout = _demo(store, lang)
    page = render_handout_html(handout)
    box = page.split('class="helplines"', 1)[1].split("</section>", 1)[0]
    for number, what in helplines(lang):
        assert f'<strong class="number">{number}</strong> <span>{what}</span>' in box


def test_the_helplines_in_three_languages() -> None:
    said = {lang: dict(helplines(lang)) for lang in ("nl", "en", "fr")}
    assert all(list(words) == ["1712", "102", "112"] for words in said.values())
    assert "kindermishandeling" in said["nl"]["1712"] and "Awel" in said["nl"]["102"]
    assert "child abuse" in said["en"]["1712"] and "emergency" in said["en"]["112"]
    assert "maltraitance" in said["fr"]["1712"] and "urgence" in said["fr"]["112"]
    assert len({said[lang]["102"] for lang in said}) == 3
    assert helplines("de") == helplines("nl")  # another language gets Dutch


@pytest.mark.parametrize("lang", LANGS)
def test_a_network_too_big_for_one_page_says_so(lang: str) -> None:
    small, big = sized_handout(6, lang), sized_handout(30, lang)
    assert fits_one_page(small) and not fits_one_page(big)
    assert not _note_shown(render_handout_html(small))
    page = render_handout_html(big)
    assert _note_shown(page)
    said = "te groot voor één blad" if lang == "nl" else "too big for one sheet"
    assert said in page
