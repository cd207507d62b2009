"""The service: the HTTP API (:mod:`tenhands.api`) and the web pages (:mod:`tenhands.web`)
in one FastAPI app, built by :func:`create_app` (no app exists at import time).

Run it with ``uvicorn --factory tenhands.app:create_app``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi_offline import FastAPIOffline

from . import __version__, web
from .api.audit_trail import AuditTrail
from .api.auth.deps import get_principal
from .api.errors import install_error_handlers
from .api.headers import NoStore
from .api.limits import MIB, BodyLimit
from .api.routers import PUBLIC, ROUTERS
from .graph.store import GraphStore
from .settings import Settings, get_settings, open_configured_store

log = logging.getLogger("tenhands.api")

TAGS: list[dict[str, Any]] = [
    {"name": "health", "description": "Whether the service and its store answer."},
    {"name": "persons", "description": "The child, relatives and informal supporters."},
    {"name": "ties", "description": "Ties between two persons: family, partners, supporters."},
    {"name": "cases", "description": "One or more children and the network around them."},
    {
        "name": "roles",
        "description": "A person's place in one case's safety and support network: circle, "
        "engagement, what they offer.",
    },
    {
        "name": "plans",
        "description": "A case's plan, version by version: worries, what works, what needs "
        "to happen, who does what by when, safety scale scores.",
    },
    {
        "name": "meetings",
        "description": "Meetings of the family and network: who came, the plan version "
        "agreed, the next review.",
    },
    {
        "name": "feedback",
        "description": "The family's feedback after a meeting (anonymous), and its summary "
        "over every case for the organisation.",
    },
    {
        "name": "handout",
        "description": "The closure handout: whom to turn to when help ends, with only what "
        "each person agreed to share (HTML or PDF).",
    },
    {"name": "gedcom", "description": "Family trees in and out, as GEDCOM files."},
    {
        "name": "records",
        "description": "Outside person records (registry extracts, old case files, school "
        "lists), kept as found with their source.",
    },
    {
        "name": "candidates",
        "description": "Kin search and the review queue: proposed kin, records of known "
        "persons and persons stored twice, each with its reasons; a worker accepts, rejects "
        "or undoes.",
    },
    {
        "name": "exports",
        "description": "Data out (a case, everything about one person) and a person's erasure.",
    },
    {"name": "auth", "description": "Signing in: API tokens, your own account."},
    {"name": "users", "description": "Users, their roles and the cases assigned to them."},
    {
        "name": "audit",
        "description": "Who read or changed which person data, when, in which case.",
    },
    {
        "name": "maps",
        "description": "Network maps (ecomap, genogram, circles of safety and support) as "
        "offline HTML, redacted for who will see them.",
    },
]

DESCRIPTION = """\
A family-network graph for youth care: the people around a child, the ties among
them, and each person's place in the child's safety and support network.

Errors have one shape: `{"detail": "<a sentence>", "code": "<code>"}`, where code is
`not_found`, `conflict`, `invalid_input`, `store_unavailable`, `unauthenticated`,
`forbidden`, `too_many_requests`, `too_large`, `invalid_file` or `validation_error`
(which also lists the field `errors`).

Sign in with an API token (`POST /auth/token`, or `tenhands users token LOGIN`) sent as
`Authorization: Bearer <token>`. Every user sees only the cases assigned to them (an
admin sees all); every read and change of person data is written to the audit log.
"""


def create_app(settings: Settings | None = None, *, store: GraphStore | None = None) -> FastAPI:
    """Build the app.

    With ``store``, the app uses it as it is: the caller initialises and closes it.
    Without, the app opens the store ``settings`` name at start-up, creates its schema,
    and closes it at shutdown.
    """
    settings = settings if settings is not None else get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            app.state.store = store
            app.state.audit_trail = AuditTrail(store)
            try:
                yield
            finally:
                app.state.audit_trail.close()
            return
        opened = open_configured_store(settings)
        try:
            opened.init_schema()
            log.info("store ready: %s", opened.describe())
            app.state.store = opened
            app.state.audit_trail = AuditTrail(opened)
            yield
        finally:
            trail = getattr(app.state, "audit_trail", None)
            if trail is not None:
                trail.close()
            opened.close()

    # The docs pages load Swagger UI and ReDoc from the package, never from a CDN.
    app = FastAPIOffline(
        title="TenHands",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
    )
    app.state.settings = settings
    if store is not None:
        app.state.store = store
    install_error_handlers(app)
    app.add_middleware(NoStore)  # no answer with person data is kept by a browser or proxy
    # Outermost but for Starlette's own error page: a body over its limit is refused
    # before anything reads it, signing in included.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_mib * MIB)
    # The web pages first: a browser asking for /cases gets the page, other clients the API.
    app.include_router(web.router)
    signed_in = [Depends(get_principal)]
    for router in ROUTERS:
        app.include_router(router, dependencies=None if router in PUBLIC else signed_in)
    app.mount("/static", web.static_files(), name="static")
    return app
