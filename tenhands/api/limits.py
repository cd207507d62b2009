"""How large a request body may be, checked before the app reads a byte of it.

Two limits, enforced by :class:`BodyLimit`, an ASGI middleware around the whole app:

- **Any request** may send at most ``Settings.max_body_mib`` (a little above the 20 MiB
  the record and family-tree uploads allow, for the form around the file). A larger
  ``Content-Length`` is answered 413 at once; a body sent without a length (chunked) is
  counted as it comes and refused with 413 once it goes over.
- **A request that is not signed in** may send at most :data:`ANONYMOUS_BODY` (enough
  for the sign-in form or a JSON request). Only when a body is larger is the bearer token
  or session cookie looked up here; without a valid one the answer is 401 before the body
  is read (or, for a chunked body, as soon as it goes over). Everything else about signing
  in, the form token of the web pages included, stays with :mod:`.auth.deps`.

A refusal closes the connection (``Connection: close``), so the rest of the body is not
read either. Answers have the API's one error shape (see :mod:`.errors`).
"""

from __future__ import annotations

import logging

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import cookie_parser
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..graph.errors import StoreUnavailable
from ..graph.model import TokenKind
from .auth.deps import SESSION_COOKIE, unauthenticated
from .auth.tokens import resolve
from .errors import RETRY_AFTER_SECONDS, ErrorBody, ErrorCode

log = logging.getLogger("tenhands.api")

MIB = 1024 * 1024

ANONYMOUS_BODY = 64 * 1024
"""The most a request that is not signed in may send: a sign-in form or a JSON request
is a few hundred bytes."""


class BodyRefused(HTTPException):
    """A body over its limit, noticed while it was being read."""


class BodyLimit:
    """The ASGI middleware that holds a request's body to its limits (see the module)."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, anonymous_bytes: int = ANONYMOUS_BODY):
        self.app = app
        self.max_bytes = max_bytes
        self.anonymous_bytes = min(anonymous_bytes, max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = _length(headers)
        if declared is not None and declared > self.max_bytes:
            await _refuse(scope, receive, send, self._too_large())
            return
        signed_in: bool | None = None  # not looked up yet
        if declared is not None and declared > self.anonymous_bytes:
            try:
                signed_in = await _signed_in(scope, headers)
            except StoreUnavailable:
                await _refuse(scope, receive, send, _unavailable())
                return
            if not signed_in:
                await _refuse(scope, receive, send, self._anonymous())
                return

        counted = 0
        response_started = False

        async def counting_receive() -> Message:
            nonlocal counted, signed_in
            message = await receive()
            if message["type"] != "http.request":
                return message
            counted += len(message.get("body", b""))
            if counted > self.max_bytes:
                raise self._too_large()
            if counted > self.anonymous_bytes and signed_in is None:
                signed_in = await _signed_in(scope, headers)
            if counted > self.anonymous_bytes and not signed_in:
                raise self._anonymous()
            return message

        async def watching_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except BodyRefused as refused:
            # Read outside the app's own error handling (e.g. by another middleware).
            if response_started:
                raise
            await _refuse(scope, receive, send, refused)

    def _too_large(self) -> BodyRefused:
        mib = self.max_bytes / MIB
        size = f"{mib:g} MiB" if mib >= 1 else f"{self.max_bytes // 1024} KiB"
        return BodyRefused(
            413,
            f"The request is larger than the {size} this service accepts.",
            headers={"Connection": "close"},
        )

    def _anonymous(self) -> BodyRefused:
        said = unauthenticated()
        return BodyRefused(
            401,
            f"{said.detail} Without signing in, a request may send at most "
            f"{self.anonymous_bytes // 1024} KiB.",
            headers={**(said.headers or {}), "Connection": "close"},
        )


def _length(headers: Headers) -> int | None:
    """The ``Content-Length`` the client declared (the server holds the body to it).

    >>> _length(Headers({"content-length": "2048"})), _length(Headers({"content-length": "²"}))
    (2048, None)
    >>> _length(Headers({"content-length": "9" * 5000})) > 2**50
    True
    """
    digits = (headers.get("content-length") or "").strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    return int(digits) if len(digits) <= 18 else 10**18  # int() refuses thousands of digits


async def _signed_in(scope: Scope, headers: Headers) -> bool:
    """Whether the request carries a bearer token or session cookie of an active user."""
    store = getattr(scope["app"].state, "store", None)
    if store is None:
        return False
    scheme, _, credentials = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        found = await run_in_threadpool(resolve, store, credentials.strip(), TokenKind.api)
        return found is not None
    cookie = cookie_parser(headers.get("cookie", "")).get(SESSION_COOKIE)
    if cookie:
        found = await run_in_threadpool(resolve, store, cookie, TokenKind.session)
        return found is not None
    return False


def _unavailable() -> BodyRefused:
    return BodyRefused(
        503,
        f"The data store does not answer right now; try again in {RETRY_AFTER_SECONDS} seconds.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS), "Connection": "close"},
    )


_CODES: dict[int, ErrorCode] = {401: "unauthenticated", 413: "too_large", 503: "store_unavailable"}


async def _refuse(scope: Scope, receive: Receive, send: Send, refused: BodyRefused) -> None:
    log.info(
        "%s <request body> -> %d %s",
        scope["method"],
        refused.status_code,
        _CODES[refused.status_code],
    )
    body = ErrorBody(detail=refused.detail, code=_CODES[refused.status_code])
    response = JSONResponse(
        body.model_dump(mode="json"), status_code=refused.status_code, headers=refused.headers
    )
    await response(scope, receive, send)
