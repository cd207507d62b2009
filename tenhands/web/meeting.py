"""Meeting mode (``/cases/{case_id}/meeting``): the case's map for the wall of a family
meeting, filling the screen under one row of large controls: the views, family mode (the
default: family time and handouts) or projection (a network meeting), zoom and the whole
map, full screen, and the language of the page and its maps. Both are wall modes: nothing
private, no engagement statuses, and never a person the children must be kept safe from
(:func:`tenhands.viz.redaction.kept_away`); a page that forgets to say which mode opens in
the safest one. The maps draw names at least 24 CSS pixels tall; where the screen is too
small to show a whole map that large, it is shown in part and the room zooms and pans.

The page and its maps need nothing from outside the service. Once the shown map has
loaded, the page fetches the other views and modes in the background, so switching
keeps working if the connection drops during the meeting.

For roles that may record a plan, the page holds the plan form in a drawer over the
map, which keeps its size (``?plan=open``, or the "Plan" button without reloading): the
facilitator writes the family's plan as it is made, for everyone to read on the wall,
naming only the persons a family mode map shows. Saving comes back here
(``done=plan_agreed``) and the maps, loaded again, show each person's new tasks.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from ..api.auth.deps import CaseScope
from ..api.auth.permissions import Permission
from ..api.deps import StoreDep
from ..graph.store import GraphStore
from ..viz import Mode, View
from .access import case_page
from .cases import chosen_view, map_url
from .done import DoneQuery, done_message
from .meeting_tools import live_tools
from .plan_view import PlanForm, plan_form
from .routing import PageRoute
from .templating import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

MEETING_MODES = (Mode.family, Mode.projection)


def wall_mode(asked: str | None) -> Mode:
    """The wall mode asked for; family mode (the safest) for anything else, ``work``
    included: the worker's map never reaches the meeting page."""
    return Mode.projection if asked == Mode.projection.value else Mode.family


@router.get("/cases/{case_id}/meeting", name="web_meeting")
def meeting_page(
    request: Request,
    scope: Annotated[CaseScope, case_page(entity="map")],
    store: StoreDep,
    view: str = View.ecomap.value,
    mode: str = Mode.family.value,
    plan: Annotated[str | None, Query(max_length=10)] = None,
    done: DoneQuery = None,
) -> Response:
    return meeting_response(
        request,
        scope,
        store,
        view=chosen_view(view),
        mode=wall_mode(mode),
        panel_open=plan == "open",
        done=done,
    )


def meeting_url(case_id: str, view: View, mode: Mode) -> str:
    """The meeting page of a case showing ``view`` in ``mode``."""
    return f"/cases/{case_id}/meeting?{urlencode({'view': view.value, 'mode': mode.value})}"


def meeting_response(
    request: Request,
    scope: CaseScope,
    store: GraphStore,
    *,
    view: View,
    mode: Mode,
    panel: PlanForm | None = None,
    panel_open: bool = False,
    done: str | None = None,
    status: int = 200,
) -> Response:
    """The meeting page; ``panel`` is a plan form as posted (with its errors, shown
    open), else the plan form starts from the current version."""
    case = store.get_case(scope.case_id)
    principal = scope.principal
    lang = principal.user.lang
    maps = [
        {
            "view": v.value,
            "mode": m.value,
            "src": map_url(case.id, v, m, lang),
            "shown": v is view and m is mode,
        }
        for m in MEETING_MODES
        for v in View
    ]
    if panel is None and principal.can(Permission.write_plan):
        panel = plan_form(store, case.id, lang, date.today(), meeting=True)
    return render(
        request,
        "meeting.html",
        principal=principal,
        case=case,
        view=view.value,
        mode=mode.value,
        views=[v.value for v in View],
        lang_next=meeting_url(case.id, view, mode),
        maps=maps,
        panel=panel,
        panel_open=panel is not None and (panel_open or bool(panel.form.errors)),
        done=done_message(done),
        live=live_tools(store, scope),
        status=status,
    )
