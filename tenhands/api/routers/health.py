"""``GET /health``: whether the service and its store answer (200, or 503 when it does not)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Response

from ..deps import StoreDep
from ..errors import RETRY_AFTER_SECONDS
from ..schemas.health import Health, StoreHealth

log = logging.getLogger("tenhands.api")

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    summary="Does the service answer, and its store?",
    responses={503: {"model": Health, "description": "The store does not answer"}},
)
def health(store: StoreDep, response: Response) -> Health:
    try:
        answers = store.ping()
    except Exception as exc:  # a health check reports, it never fails
        log.warning("health: the store's ping failed: %s", type(exc).__name__)
        answers = False
    reason = None
    if not answers:
        response.status_code = 503
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        reason = (
            f"The {store.kind} store at {store.describe()} does not answer; the service "
            "reconnects by itself when it is back."
        )
    return Health(
        status="ok" if answers else "unavailable",
        reason=reason,
        store=StoreHealth(kind=store.kind, location=store.describe(), answers=answers),
    )
