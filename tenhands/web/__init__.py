"""The web pages of the service, for family-finding workers and meeting facilitators,
in Dutch and English: signing in, the case list, a case's page (its people and what
each is to the child, the "ten hands and eyes" counter, the map, the contact log),
forms to add and edit persons and ties, the review of proposed kin, other cases'
requests to share a person (``/requests``), the family's plan
(its versions, recording the next one, how each task went), a case's meetings, the
family's feedback (a form for a tablet, the case's responses, the organisation's
summary), the network strength figures on the case page, and meeting mode for the
projector (where the plan is recorded too, persons are moved on the map, added and
marked live).

Pages are rendered on the server (Jinja2); the stylesheet and the little script they
use are package files under ``/static``. Nothing is loaded from outside the service.
:data:`router` holds every page (left out of the OpenAPI document); :func:`static_files`
serves ``/static``.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.staticfiles import StaticFiles

from . import (
    cases,
    contacts,
    feedback,
    links,
    meeting,
    meeting_live,
    meetings,
    persons,
    plans,
    removals,
    review,
    session,
    ties,
)

router = APIRouter(include_in_schema=False)
for _pages in (
    session,
    cases,
    persons,
    ties,
    removals,
    contacts,
    review,
    links,
    meeting,
    meeting_live,
    meetings,
    feedback,
    plans,
):
    router.include_router(_pages.router)
for _pages in (meetings, feedback):  # addresses the API may share: for browsers only
    router.include_router(_pages.html_router)
router.include_router(meeting_live.json_router)  # posted by a map's script: JSON answers


def static_files() -> StaticFiles:
    """The pages' stylesheet, script and icon, from the package."""
    return StaticFiles(packages=[("tenhands.web", "static")])


__all__ = ["router", "static_files"]
