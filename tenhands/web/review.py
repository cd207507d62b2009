"""The review of a case's candidates (``/cases/{case_id}/review``): the queue, best
first, each proposal as its card (:mod:`~tenhands.finding.review.card`: who the
candidate is and their source, the relative that led there, what they would be to the
child, the reasons in plain words, the score as a word band beside the number); accept,
reject with a reason, undo; and a search of the outside records for kin, whose
proposals join the queue.

Proposals are shown as the case may see them (:func:`~tenhands.finding.review.shown`):
someone another case holds is "someone known in another case", with a form to ask
that case's worker to share them; accepting waits for their grant.

Reading the queue needs only a case of one's own; deciding needs
:attr:`Permission.review`, searching :attr:`Permission.find_kin`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.responses import Response

from ..api.auth.access import route_name
from ..api.auth.deps import CaseScope, TrailDep
from ..api.auth.permissions import Permission
from ..api.deps import CandidateIdPath, StoreDep, get_finder
from ..finding.kin import propose, search_case
from ..finding.review import ReviewDesk, Shown, decided_lately, review_queue
from ..finding.review.card import Card, shown_cards
from ..graph.errors import Conflict, Forbidden, InvalidInput
from ..graph.model import AuditAction, Candidate
from ..graph.store import GraphStore
from .access import case_page
from .done import DoneQuery, done_message
from .forms import Form, short_text
from .i18n import translations
from .routing import PageRoute
from .security import see_other
from .templating import render
from .who import display_names

router = APIRouter(route_class=PageRoute, include_in_schema=False)

Reader = Annotated[CaseScope, case_page(entity="candidates")]
Reviewer = Annotated[CaseScope, case_page(Permission.review, entity="candidates")]
Searcher = Annotated[CaseScope, case_page(Permission.find_kin, entity="kin search")]

DECIDED_SHOWN = 30
SEARCH_LIMIT = 20


@dataclass(frozen=True)
class Item:
    """A candidate as the review page shows it: its card (:mod:`~tenhands.finding.review.card`)."""

    seen: Shown
    card: Card

    @property
    def candidate(self) -> Candidate:
        return self.seen.candidate

    @property
    def id(self) -> str:
        return self.candidate.id

    @property
    def elsewhere(self) -> bool:
        return self.seen.elsewhere


def items(store: GraphStore, case_id: str, candidates: list[Candidate], lang: str) -> list[Item]:
    return [Item(one, card) for one, card in shown_cards(store, case_id, candidates, lang)]


def _page(
    request: Request,
    scope: CaseScope,
    store: GraphStore,
    *,
    done: str | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    lang = scope.principal.user.lang
    case = store.get_case(scope.case_id)
    pending = items(store, scope.case_id, review_queue(store, scope.case_id), lang)
    decided = items(store, scope.case_id, decided_lately(store, scope.case_id, DECIDED_SHOWN), lang)
    return render(
        request,
        "review.html",
        principal=scope.principal,
        case=case,
        pending=pending,
        decided=decided,
        who=display_names(
            store,
            [
                *(item.candidate.reviewed_by for item in decided),
                *(item.seen.link.requested_by for item in pending if item.seen.link),
            ],
        ),
        done=done_message(done),
        errors=errors or {},
        status=422 if errors else 200,
    )


@router.get("/cases/{case_id}/review", name="web_review")
def review_page(
    request: Request, scope: Reader, store: StoreDep, done: DoneQuery = None
) -> Response:
    return _page(request, scope, store, done=done)


@router.post("/cases/{case_id}/review/search", name="web_kin_search")
def kin_search(request: Request, scope: Searcher, store: StoreDep) -> Response:
    store.get_case(scope.case_id)
    search = search_case(
        store, get_finder(request), scope.case_id, actor=scope.principal.login, limit=SEARCH_LIMIT
    )
    propose(store, search)
    return see_other(f"/cases/{scope.case_id}/review?done=searched")


def _desk(store: GraphStore, scope: CaseScope, trail: TrailDep, request: Request) -> ReviewDesk:
    """The worker's work on the case's candidates (another case's is not found)."""
    return ReviewDesk(
        store,
        scope.principal,
        audit=trail.record,
        detail=route_name(request),
        case_id=scope.case_id,
    )


def _back(case_id: str, done: str) -> Response:
    return see_other(f"/cases/{case_id}/review?done={done}")


@router.post("/cases/{case_id}/review/{candidate_id}/accept", name="web_accept")
def accept_page(
    request: Request,
    scope: Reviewer,
    store: StoreDep,
    trail: TrailDep,
    form: Form,
    candidate_id: CandidateIdPath,
) -> Response:
    note = str(form.get("note") or "").strip() or None
    try:
        _desk(store, scope, trail, request).accept(candidate_id, note=note)
    except Forbidden:
        return _back(scope.case_id, "not_shared")
    except (Conflict, InvalidInput, ValidationError):
        return _back(scope.case_id, "already_decided")
    return _back(scope.case_id, "accepted")


@router.post("/cases/{case_id}/review/{candidate_id}/reject", name="web_reject")
def reject_page(
    request: Request,
    scope: Reviewer,
    store: StoreDep,
    trail: TrailDep,
    form: Form,
    candidate_id: CandidateIdPath,
) -> Response:
    desk = _desk(store, scope, trail, request)
    desk.open(candidate_id, AuditAction.update)
    _ = translations(scope.principal.user.lang).gettext
    reason, problem = short_text(form, "reason", _, required=True)
    if problem:
        return _page(request, scope, store, errors={candidate_id: problem})
    try:
        desk.reject(candidate_id, reason)
    except (Conflict, InvalidInput, ValidationError):
        return _back(scope.case_id, "already_decided")
    return _back(scope.case_id, "rejected")


@router.post("/cases/{case_id}/review/{candidate_id}/undo", name="web_undo")
def undo_page(
    request: Request,
    scope: Reviewer,
    store: StoreDep,
    trail: TrailDep,
    candidate_id: CandidateIdPath,
) -> Response:
    try:
        _desk(store, scope, trail, request).undo(candidate_id)
    except (Conflict, InvalidInput, ValidationError):
        return _back(scope.case_id, "undo_refused")
    return _back(scope.case_id, "undone")


@router.post("/cases/{case_id}/review/{candidate_id}/link", name="web_request_link")
def request_link_page(
    request: Request,
    scope: Reviewer,
    store: StoreDep,
    trail: TrailDep,
    form: Form,
    candidate_id: CandidateIdPath,
) -> Response:
    desk = _desk(store, scope, trail, request)
    desk.open(candidate_id, AuditAction.update)
    _ = translations(scope.principal.user.lang).gettext
    note, problem = short_text(form, "note", _, required=False)
    if problem:
        return _page(request, scope, store, errors={candidate_id: problem})
    try:
        desk.ask_to_share(candidate_id, note or None)
    except (Conflict, InvalidInput, ValidationError):
        return _back(scope.case_id, "already_asked")
    return _back(scope.case_id, "asked")
