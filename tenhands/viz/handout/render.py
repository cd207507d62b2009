"""The closure handout as one self-contained HTML page (for the screen and for A4 paper).

The template (``handout.html``) and stylesheet (``handout.css``) ship in this package and
are read with :mod:`importlib.resources`; the stylesheet is inlined, so the page loads
nothing: no script, no font, no picture from anywhere. Jinja2 escapes every value.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from .fit import fits_one_page
from .model import Handout
from .words import children_words, helplines, long_date, meeting_word, say, short_date


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    text = resources.files(__package__).joinpath("handout.html").read_text(encoding="utf-8")
    return env.from_string(text)


@cache
def stylesheet() -> str:
    """The handout's CSS (screen and print)."""
    return resources.files(__package__).joinpath("handout.css").read_text(encoding="utf-8")


def render_handout_html(handout: Handout) -> str:
    """The handout as a complete HTML page in its language: one A4 page when printed,
    for a typical network. When :func:`~.fit.fits_one_page` finds the network too big
    for one page, the page says so at the top (the text is not made smaller)."""
    lang = handout.lang

    def w(key: str, **values: object) -> str:
        return say(key, lang, **values)

    def day(value: date | None) -> str:
        return "" if value is None else long_date(value, lang)

    def short(value: date | None) -> str:
        return "" if value is None else short_date(value, lang)

    last = ""
    if handout.last_meeting is not None:
        if handout.last_meeting_kind is not None:
            last = w(
                "meet.last_kind",
                date=day(handout.last_meeting),
                kind=meeting_word(handout.last_meeting_kind, lang),
            )
        else:
            last = w("meet.last", date=day(handout.last_meeting))
    return _template().render(
        h=handout,
        w=w,
        day=day,
        short=short,
        children=children_words(handout.children, lang),
        last_meeting=last,
        said=[p for p in handout.people if p.agreed_role or p.reachable or p.tasks],
        also=[p for p in handout.people if not (p.agreed_role or p.reachable or p.tasks)],
        helplines=helplines(lang),
        fits=fits_one_page(handout),
        css=Markup(stylesheet()),  # the package's own file, inlined as it is
    )
