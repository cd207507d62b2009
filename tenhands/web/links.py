"""Requests of other cases to share a person of yours (``/requests``): who asks, their
note and what the person would be to their child; grant, or refuse with a reason.

The same rules as the API's ``/links`` (:mod:`tenhands.finding.review.links`); only
workers and admins (:attr:`Permission.review`) see the page.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.responses import Response

from ..api.auth.deps import TrailDep, holder_event
from ..api.auth.permissions import Permission
from ..api.auth.principal import Principal
from ..api.deps import StoreDep
from ..api.language import Lang
from ..api.schemas.links import LinkPublic
from ..finding.review import decide_link, to_answer
from ..graph.errors import Conflict, Forbidden, InvalidInput, NotFound
from ..graph.model import LinkStatus
from ..graph.store import GraphStore
from .access import User, need
from .done import DoneQuery, done_message
from .forms import Form, short_text
from .i18n import translations
from .routing import PageRoute
from .security import see_other
from .templating import render
from .who import display_names

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def _page(
    request: Request,
    principal: Principal,
    store: GraphStore,
    trail: TrailDep,
    *,
    done: str | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    lang: Lang = "en" if principal.user.lang == "en" else "nl"
    waiting = to_answer(store, principal.held_persons(), status=LinkStatus.requested)
    trail.record(  # read in the user's case that holds the person
        *(holder_event(principal, request, "link", x.id, x.person_id) for x, _ in waiting)
    )
    names = {p.id: p.display_name for p in store.get_persons({x.person_id for x, _ in waiting})}
    rows = [(LinkPublic.of(x, c, lang), names.get(x.person_id, "?")) for x, c in waiting]
    return render(
        request,
        "links.html",
        principal=principal,
        rows=rows,
        who=display_names(store, (x.requested_by for x, _ in waiting)),
        done=done_message(done),
        errors=errors or {},
        status=422 if errors else 200,
    )


@router.get("/requests", name="web_links")
def links_page(
    request: Request, principal: User, store: StoreDep, trail: TrailDep, done: DoneQuery = None
) -> Response:
    need(principal, Permission.review)
    return _page(request, principal, store, trail, done=done)


@router.post("/requests/{link_id}/{answer}", name="web_answer_link")
def answer_page(
    request: Request,
    principal: User,
    store: StoreDep,
    trail: TrailDep,
    form: Form,
    link_id: str,
    answer: str,
) -> Response:
    need(principal, Permission.review)
    if answer not in ("grant", "refuse"):
        raise NotFound("page", answer)
    _ = translations(principal.user.lang).gettext
    reason, problem = short_text(form, "reason", _, required=answer == "refuse")
    if problem:
        return _page(request, principal, store, trail, errors={link_id: problem})
    try:
        decide_link(
            store,
            link_id,
            decider=principal.login,
            viewer=principal,
            grant=answer == "grant",
            reason=reason or None,
        )
    except (Forbidden, NotFound):
        raise NotFound("link request", link_id) from None
    except (Conflict, InvalidInput, ValidationError):
        return see_other("/requests?done=already_answered")
    return see_other(f"/requests?done={'granted' if answer == 'grant' else 'refused'}")
