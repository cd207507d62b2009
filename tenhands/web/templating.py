"""Rendering a page: one Jinja2 environment per language, with the catalogue installed,
the domain's labels and a few filters for dates, times and weights.

Times are shown in Belgian time (Europe/Brussels), dates and numbers as the language
writes them (Babel).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any, cast
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .. import __version__
from ..api.auth.permissions import Permission
from ..api.auth.principal import Principal
from . import labels
from .i18n import LANGS, WebLang, translations, visitor_lang
from .security import secured

LANGUAGE_NAMES: dict[WebLang, str] = {"nl": "Nederlands", "en": "English"}
"""Each language in its own words (never translated)."""


def _zone() -> ZoneInfo | None:
    try:
        return ZoneInfo("Europe/Brussels")
    except ZoneInfoNotFoundError:  # pragma: no cover - a system without time zone data
        return None


ZONE = _zone()


@cache
def icon() -> str:
    """The site's icon as a data address, so a page asks for no icon file (a meeting
    that goes offline asks for nothing)."""
    svg = resources.files(__package__).joinpath("static", "icon.svg").read_text("utf-8")
    return "data:image/svg+xml," + quote(" ".join(svg.split()), safe="")


@cache
def environment(lang: WebLang) -> Environment:
    """The templates of the package, speaking ``lang``."""
    env = Environment(
        loader=PackageLoader("tenhands.web", "templates"),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    cast(Any, env).install_gettext_translations(translations(lang), newstyle=True)

    def when(value: datetime | None) -> str:
        if value is None:
            return ""
        return format_datetime(value, "d MMM y, HH:mm", tzinfo=ZONE, locale=lang)

    def day(value: date | None) -> str:
        return "" if value is None else format_date(value, "d MMM y", locale=lang)

    def bits(value: float) -> str:
        return format_decimal(value, "+0.0;−0.0", locale=lang)

    def percent(value: float) -> str:
        return format_percent(value, "#0%", locale=lang)

    gettext = translations(lang).gettext

    def choices(table: str) -> list[tuple[str, str]]:
        """A label table's values with their names in ``lang``, for a select or checkboxes."""
        return [(value, gettext(msgid)) for value, msgid in labels.ALL[table].items()]

    env.filters.update(when=when, day=day, bits=bits, percent=percent)
    env.globals.update(
        labels=labels.ALL,
        langs=LANGS,
        language_names=LANGUAGE_NAMES,
        version=__version__,
        choices=choices,
        icon=icon(),
    )
    return env


def lang_of(request: Request, principal: Principal | None) -> WebLang:
    """The signed-in user's language, else the visitor's."""
    if principal is not None:
        return principal.user.lang
    return visitor_lang(request)


def render(
    request: Request,
    template: str,
    *,
    principal: Principal | None,
    status: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """The page ``template`` for ``principal`` (None: not signed in), with the pages'
    headers."""
    lang = lang_of(request, principal)
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")

    def may(permission: str) -> bool:
        return principal is not None and principal.can(Permission(permission))

    values = {
        "lang": lang,
        "user": principal.user if principal is not None else None,
        "csrf": principal.token.csrf if principal is not None else None,
        "here": here,
        "may": may,
        **context,
    }
    html = environment(lang).get_template(template).render(values)
    return cast(HTMLResponse, secured(HTMLResponse(html, status_code=status, headers=headers)))
