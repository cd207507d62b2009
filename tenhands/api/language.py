"""Which language to answer in: ``?lang=``, else the browser's Accept-Language, else Dutch."""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Depends, Query, Request

from ..graph import languages
from ..graph.languages import INTERFACE, InterfaceLang

Lang = languages.Lang
SUPPORTED: tuple[Lang, ...] = languages.LANGUAGES
DEFAULT: Lang = languages.DEFAULT


MapLang = InterfaceLang
"""Maps are drawn in the interface's languages (Dutch or English)."""


def negotiate(accept_language: str, supported: tuple[str, ...] = SUPPORTED) -> str | None:
    """The supported language the header prefers most, if any.

    >>> negotiate("fr-BE;q=0.8, en-GB, de;q=0.9")
    'en'
    >>> negotiate("de, *;q=0.1") is None
    True
    """
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                continue
        ranked.append((-weight, n, tag.strip().split("-")[0].lower()))
    for weight, _, primary in sorted(ranked):
        if weight < 0:
            for lang in supported:
                if primary == lang:
                    return lang
    return None


async def get_lang(
    request: Request,
    lang: Annotated[
        Lang | None, Query(description="nl, en or fr; else Accept-Language, else nl")
    ] = None,
) -> Lang:
    if lang is not None:
        return lang
    found = negotiate(request.headers.get("accept-language", ""))
    return cast(Lang, found) if found else DEFAULT


async def get_map_lang(
    request: Request,
    lang: Annotated[
        MapLang | None, Query(description="nl or en; else Accept-Language, else nl")
    ] = None,
) -> MapLang:
    if lang is not None:
        return lang
    found = negotiate(request.headers.get("accept-language", ""), INTERFACE)
    return cast(MapLang, found) if found else languages.DEFAULT


LangDep = Annotated[Lang, Depends(get_lang)]
MapLangDep = Annotated[MapLang, Depends(get_map_lang)]
