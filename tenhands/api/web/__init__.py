"""The web pages of the service, for family-finding workers and meeting facilitators,
in Dutch and English: signing in, the case list, a case's page (its people and what
each is to the child, the "ten hands and eyes" counter, the map, the contact log),
forms to add and edit persons and ties, the review of proposed kin, and meeting mode
for the projector.

Pages are rendered on the server (Jinja2); the stylesheet and the little script they
use are package files under ``/static``. Nothing is loaded from outside the service.
:data:`router` holds every page (left out of the OpenAPI document); :func:`static_files`
serves ``/static``.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.staticfiles import StaticFiles

from . import cases, contacts, meeting, persons, review, session, ties

router = APIRouter(include_in_schema=False)
for _pages in (session, cases, persons, ties, contacts, review, meeting):
    router.include_router(_pages.router)


def static_files() -> StaticFiles:
    """The pages' stylesheet, script and icon, from the package."""
    return StaticFiles(packages=[("tenhands.api.web", "static")])


__all__ = ["router", "static_files"]
