"""The case list (``/cases``) and a case's page (``/cases/{case_id}``).

Both addresses are the API's too: a browser (asking for HTML) gets the page, any other
client the API's JSON (see :class:`~tenhands.web.routing.HtmlRoute`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from ..api.auth.access import visible_cases
from ..api.auth.deps import CaseScope, TrailDep, audit_event
from ..api.auth.permissions import Permission
from ..api.deps import SettingsDep, StoreDep
from ..graph.figures import case_people as standing_in_case
from ..graph.model import Case
from ..graph.removal import pending_undo
from ..viz import Mode, View
from .access import User, case_page
from .done import DoneQuery, done_message
from .figures import figures_panel
from .people import Counter, case_people, people_rows
from .people_filter import GROUPS, SIDES, GroupQuery, PeopleFilter, SearchQuery, SideQuery
from .removals import RefusedQuery, refused_message
from .routing import HtmlRoute
from .templating import render
from .who import display_names

router = APIRouter(route_class=HtmlRoute, include_in_schema=False)

PAGE_SIZE = 20


def map_url(case_id: str, view: View, mode: Mode, lang: str) -> str:
    """The address of a case's map (served by the API, signed in by the same cookie)."""
    query = urlencode({"view": view.value, "mode": mode.value, "lang": lang})
    return f"/cases/{case_id}/map?{query}"


def chosen_view(asked: str) -> View:
    """The view asked for, else the ecomap."""
    return View(asked) if asked in View.__members__ else View.ecomap


@router.get("/cases", name="web_cases")
def cases_page(
    request: Request,
    principal: User,
    store: StoreDep,
    trail: TrailDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    offset = (page - 1) * PAGE_SIZE
    cases = visible_cases(store, principal, limit=PAGE_SIZE + 1, offset=offset)
    more = len(cases) > PAGE_SIZE
    cases = cases[:PAGE_SIZE]
    trail.record(*(audit_event(principal, request, "case", k.id, k.id) for k in cases))
    today = date.today()
    rows: list[tuple[Case, list[str], Counter]] = []
    for case in cases:
        people = case_people(store, case.id, principal.user.lang, today)
        rows.append((case, [r.name for r in people.children], people.counter))
    return render(
        request,
        "cases.html",
        principal=principal,
        rows=rows,
        page=page,
        previous_page=page - 1 if page > 1 else None,
        next_page=page + 1 if more else None,
    )


@router.get("/cases/{case_id}", name="web_case")
def case_view(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    scope: Annotated[CaseScope, case_page()],
    view: str = View.ecomap.value,
    done: DoneQuery = None,
    refused: RefusedQuery = None,
    q: SearchQuery = "",
    group: GroupQuery = "",
    side: SideQuery = "",
) -> Response:
    principal = scope.principal
    shown = chosen_view(view)
    lang = principal.user.lang
    today = date.today()
    found = standing_in_case(store, scope.case_id, today=today)
    people = people_rows(found, lang)
    figures = figures_panel(
        store, scope.case_id, lang, today=today, stale_weeks=settings.stale_weeks, people=found
    )
    mode = Mode.work if principal.can(Permission.work_map) else Mode.projection
    wanted = PeopleFilter(q.strip(), group, side)
    undo = pending_undo(store, scope.case_id, principal.login) if done == "removed" else None
    return render(
        request,
        "case.html",
        principal=principal,
        people=people,
        case=people.case,
        view=shown.value,
        views=[v.value for v in View],
        mode=mode.value,
        map_src=map_url(scope.case_id, shown, mode, lang),
        done=done_message(done),
        refused=refused_message(refused),
        undo=undo,
        wanted=wanted,
        shown=[r for r in people.rows if wanted.keeps(r)],
        groups=GROUPS,
        sides=SIDES,
        who=display_names(store, (c.by for r in people.rows if r.role for c in r.role.contacts)),
        figures=figures,
        today=today,
    )
