"""``Cache-Control: no-store`` on every answer that can carry person data.

The rule is simple so that no route can forget it: every answer gets it, except the
package's own files (``/static``, the offline API docs' files) and the API's description
(``/openapi.json``, ``/docs``, ``/redoc``), which hold no person data. Browsers and
proxies then keep no copy of a person, a map, an export or a page on disk.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

NO_STORE = "no-store"

CACHEABLE_PATHS = frozenset({"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"})
CACHEABLE_PREFIXES = ("/static/", "/static-offline-docs/")


def may_be_cached(path: str) -> bool:
    """Whether the answer to ``path`` holds nothing about anyone.

    >>> may_be_cached("/static/web.css"), may_be_cached("/openapi.json")
    (True, True)
    >>> may_be_cached("/persons/p1"), may_be_cached("/static"), may_be_cached("/docsx")
    (False, False, False)
    """
    return path in CACHEABLE_PATHS or path.startswith(CACHEABLE_PREFIXES)


class NoStore:
    """ASGI middleware: sets ``Cache-Control: no-store`` (replacing any other value) on
    every HTTP answer whose path :func:`may_be_cached` refuses."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or may_be_cached(scope["path"]):
            await self.app(scope, receive, send)
            return

        async def send_no_store(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["Cache-Control"] = NO_STORE
            await send(message)

        await self.app(scope, receive, send_no_store)
