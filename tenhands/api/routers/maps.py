"""A case's network map (``GET /cases/{case_id}/map``): self-contained HTML.

A wall map (projection or family mode) shown in the web pages to a user who may move
persons on it (signed in there, with a role that may
:attr:`~tenhands.api.auth.permissions.Permission.meeting_edit`) lets persons be dragged
and posts each move to ``/cases/{case_id}/map/positions`` (see
:mod:`tenhands.web.meeting_live`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from ...graph.model import TokenKind
from ...viz import Mode, View, build_scene
from ...viz.build import build
from ...viz.positions import stamp_of
from ...viz.render import Saving, render_html
from ..auth.deps import CaseScope, case_access, forbidden
from ..auth.permissions import Permission
from ..deps import CaseIdPath, StoreDep
from ..errors import COMMON_RESPONSES, NOT_FOUND
from ..language import MapLangDep

router = APIRouter(prefix="/cases", tags=["maps"], responses=COMMON_RESPONSES)


@router.get(
    "/{case_id}/map",
    summary="A case's network map as one offline HTML page",
    description="The ecomap, genogram or circles of safety and support, for the worker "
    "(`work`), a network meeting on a wall (`projection`) or the family (`family`). Both "
    "wall modes show nothing private, no engagement statuses, and never a person the "
    "children must be kept safe from (not safe, no contact, a contact restriction or "
    "violence flag), without a word that anyone was left out. What a "
    "mode may not show is never written into the page. The page needs no internet. "
    "`work` is for workers, viewers and admins; a facilitator opens `projection` or `family`.",
    response_class=HTMLResponse,
    responses={**NOT_FOUND, 200: {"content": {"text/html": {}}}},
)
def case_map(
    case_id: CaseIdPath,
    store: StoreDep,
    lang: MapLangDep,
    scope: Annotated[CaseScope, case_access(entity="map")],
    view: Annotated[View, Query(description="which map")] = View.ecomap,
    mode: Annotated[Mode, Query(description="who will see it")] = Mode.work,
) -> HTMLResponse:
    if mode is Mode.work and not scope.principal.can(Permission.work_map):
        raise forbidden(
            "Your role may not open the worker's map: ask for mode=projection or mode=family."
        )
    principal = scope.principal
    if not (
        mode is not Mode.work
        and principal.token.kind is TokenKind.session
        and principal.token.csrf
        and principal.can(Permission.meeting_edit)
    ):
        scene = build_scene(store, case_id, view, mode, lang)
        return HTMLResponse(
            render_html(scene),
            headers={"Cache-Control": "no-store", "Content-Security-Policy": _CSP},
        )
    scene, net = build(store, case_id, view, mode, lang)
    saving = Saving(
        url=f"/cases/{case_id}/map/positions", token=principal.token.csrf, stamp=stamp_of(net)
    )
    return HTMLResponse(
        render_html(scene, saving=saving),
        headers={"Cache-Control": "no-store", "Content-Security-Policy": _CSP_SAVING},
    )


_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; frame-ancestors 'self'"
)
"""The page may load nothing from anywhere: everything it needs is inline; only the
service's own pages may embed it."""

_CSP_SAVING = _CSP + "; connect-src 'self'"
"""A map on which the signed-in user may move persons posts each move to the service."""
