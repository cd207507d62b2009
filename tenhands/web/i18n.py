"""The web pages' words, in Dutch and English, from the package's Babel catalogues.

Every text a page shows comes from ``locales/{nl,en}/LC_MESSAGES/messages.po``: the
message ids are English, the Dutch catalogue translates all of them. A catalogue is
read once per process (:func:`translations`) and compiled in memory, so the package
ships only ``.po`` files.

A signed-in user sees the language stored on their account (:attr:`User.lang`); before
signing in, ``?lang=`` decides, else the browser's ``Accept-Language``, else Dutch.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from io import BytesIO

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from fastapi import Request

from ..api.language import negotiate
from ..graph import languages
from ..graph.languages import INTERFACE, InterfaceLang

WebLang = InterfaceLang
LANGS: tuple[WebLang, ...] = INTERFACE
DEFAULT: WebLang = languages.DEFAULT

Gettext = Callable[[str], str]


def N_(message: str) -> str:
    """Marks a message for the catalogues where it is defined; it is translated where it
    is shown (``_(value)``)."""
    return message


def catalogue_path(lang: str) -> resources.abc.Traversable:
    return resources.files(__package__).joinpath("locales", lang, "LC_MESSAGES", "messages.po")


@cache
def translations(lang: WebLang) -> Translations:
    """The compiled catalogue of ``lang`` (read and compiled once per process)."""
    with catalogue_path(lang).open("rb") as po:
        catalog = read_po(po, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain="messages")


def web_lang(value: object) -> WebLang | None:
    """``value`` when it names a language of the pages, else None.

    >>> web_lang("en"), web_lang("fr"), web_lang(None)
    ('en', None, None)
    """
    return value if value in LANGS else None


def visitor_lang(request: Request) -> WebLang:
    """The language for someone not signed in: ``?lang=``, else the browser's, else Dutch."""
    asked = web_lang(request.query_params.get("lang"))
    if asked is not None:
        return asked
    return web_lang(negotiate(request.headers.get("accept-language", ""))) or DEFAULT
