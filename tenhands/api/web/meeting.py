"""Meeting mode (``/cases/{case_id}/meeting``): the case's map for the wall of a family
meeting, filling the screen, with large controls to switch between the views and
between projection (nothing private) and family mode (also without persons who are not
safe or may not be contacted).

The page and its maps need nothing from outside the service. Once the shown map has
loaded, the page fetches the other views and modes in the background, so switching
keeps working if the connection drops during the meeting.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from starlette.responses import Response

from ...viz import Mode, View
from ..auth.deps import CaseScope
from ..deps import StoreDep
from .access import case_page
from .cases import chosen_view, map_url
from .routing import PageRoute
from .templating import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

MEETING_MODES = (Mode.projection, Mode.family)


@router.get("/cases/{case_id}/meeting", name="web_meeting")
def meeting_page(
    request: Request,
    scope: Annotated[CaseScope, case_page(entity="map")],
    store: StoreDep,
    view: str = View.ecomap.value,
    mode: str = Mode.projection.value,
) -> Response:
    case = store.get_case(scope.case_id)
    lang = scope.principal.user.lang
    shown_view = chosen_view(view)
    shown_mode = Mode.family if mode == Mode.family.value else Mode.projection
    maps = [
        {
            "view": v.value,
            "mode": m.value,
            "src": map_url(case.id, v, m, lang),
            "shown": v is shown_view and m is shown_mode,
        }
        for m in MEETING_MODES
        for v in View
    ]
    return render(
        request,
        "meeting.html",
        principal=scope.principal,
        case=case,
        view=shown_view.value,
        mode=shown_mode.value,
        views=[v.value for v in View],
        maps=maps,
    )
