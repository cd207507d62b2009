"""Which language to answer in: ``?lang=``, else the browser's Accept-Language, else Dutch."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Query, Request

Lang = Literal["nl", "en", "fr"]
SUPPORTED: tuple[Lang, ...] = ("nl", "en", "fr")
DEFAULT: Lang = "nl"


def negotiate(accept_language: str) -> Lang | None:
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
            for lang in SUPPORTED:
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
    return negotiate(request.headers.get("accept-language", "")) or DEFAULT


LangDep = Annotated[Lang, Depends(get_lang)]
