"""``GET /health``: whether the service and its store answer (200, or 503 when it does not).

Anyone may ask; where the data lives (a file path, a server's address) is told only to a
signed-in administrator."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.security import HTTPAuthorizationCredentials

from ...graph.errors import StoreError
from ..auth.deps import SESSION_COOKIE, find_principal
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import StoreDep
from ..errors import RETRY_AFTER_SECONDS
from ..schemas.health import Health, StoreHealth

log = logging.getLogger("tenhands.api")

router = APIRouter(tags=["health"])


async def _asker(request: Request) -> Principal | None:
    """Who asks, when signed in and the store can tell; otherwise nobody (a health check
    answers whatever the token or the store)."""
    scheme, _, secret = request.headers.get("authorization", "").partition(" ")
    bearer = (
        HTTPAuthorizationCredentials(scheme=scheme, credentials=secret.strip())
        if scheme.lower() == "bearer" and secret.strip()
        else None
    )
    try:
        return await find_principal(request, bearer, request.cookies.get(SESSION_COOKIE))
    except (StoreError, HTTPException):
        return None


@router.get(
    "/health",
    summary="Does the service answer, and its store?",
    description="The store's location is given to signed-in administrators only.",
    responses={503: {"model": Health, "description": "The store does not answer"}},
)
def health(
    store: StoreDep,
    response: Response,
    principal: Annotated[Principal | None, Depends(_asker)],
) -> Health:
    try:
        answers = store.ping()
    except Exception as exc:  # a health check reports, it never fails
        log.warning("health: the store's ping failed: %s", type(exc).__name__)
        answers = False
    # the service's administrators (who manage its users) may see where the data lives
    location = store.describe() if principal and principal.can(Permission.manage_users) else None
    reason = None
    if not answers:
        response.status_code = 503
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        where = f" at {location}" if location else ""
        reason = (
            f"The {store.kind} store{where} does not answer; the service reconnects by "
            "itself when it is back."
        )
    return Health(
        status="ok" if answers else "unavailable",
        reason=reason,
        store=StoreHealth(kind=store.kind, location=location, answers=answers),
    )
