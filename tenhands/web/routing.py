"""How a page answers when it cannot show itself: a page, never JSON.

:class:`PageRoute` is the route class of every web page. What would be a JSON error in
the API becomes a page in the reader's language: not signed in → the sign-in page
(with ``next``), refused → 403, unknown → 404, the store down → 503.

:class:`HtmlRoute` is for the two pages that share their address with the API
(``/cases`` and ``/cases/{case_id}``): it answers only a request that asks for HTML
(a browser), and leaves every other request to the API's route of the same path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import Scope

from ..api.auth.principal import Principal
from ..graph.errors import Conflict, InvalidInput, NotFound, StoreUnavailable
from .i18n import N_
from .security import see_other
from .templating import render

log = logging.getLogger("tenhands.web")

NOT_SIGNED_IN = N_("Sign in to see this page.")
ROLE_REFUSED = N_("Your role does not allow this.")
CASE_REFUSED = N_("This case is not assigned to you.")
STALE_FORM = N_(
    "The form is out of date or came from another site: go back, reload the page and try again."
)
NOT_FOUND = N_("This page does not exist, or what it showed has been removed.")
CONFLICT = N_("This clashes with what is stored: reload the page and try again.")
UNAVAILABLE = N_("The data store does not answer right now: try again in a moment.")
REFUSED = N_("This request cannot be handled.")

_BY_STATUS = {401: NOT_SIGNED_IN, 403: ROLE_REFUSED, 404: NOT_FOUND, 409: CONFLICT}


class SignInNeeded(Exception):
    """The page needs a signed-in user; the visitor is sent to the sign-in page."""


class PageRefused(Exception):
    """A page refused with a status and a message id of the catalogues."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def login_url(request: Request) -> str:
    """The sign-in page, coming back to this page afterwards (a GET page only)."""
    if request.method != "GET":
        return "/login"
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/login?" + urlencode({"next": here})


def error_page(request: Request, status: int, message: str) -> Response:
    principal: Principal | None = getattr(request.state, "web_principal", None)
    return render(
        request, "error.html", principal=principal, status=status, message=message, code=status
    )


class PageRoute(APIRoute):
    """A web page: failures become pages (see the module's documentation)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        name = self.name

        async def page(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInNeeded:
                return see_other(login_url(request))
            except PageRefused as exc:
                return error_page(request, exc.status, exc.message)
            except (RequestValidationError, NotFound):
                return error_page(request, 404, NOT_FOUND)
            except (Conflict, InvalidInput):
                return error_page(request, 409, CONFLICT)
            except StoreUnavailable:
                log.warning("page %s: the store does not answer", name)
                return error_page(request, 503, UNAVAILABLE)
            except HTTPException as exc:
                return error_page(
                    request, exc.status_code, _BY_STATUS.get(exc.status_code, REFUSED)
                )

        return page


def wants_html(scope: Scope) -> bool:
    """Whether the request asks for a page (a browser's ``Accept: text/html, …``)."""
    return "text/html" in Headers(scope=scope).get("accept", "")


class HtmlRoute(PageRoute):
    """A page at an address the API uses too: only requests asking for HTML come here."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and not wants_html(scope):
            return Match.NONE, {}
        return super().matches(scope)
