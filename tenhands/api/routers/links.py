"""Sharing a person across a case boundary: ``POST /candidates/{candidate_id}/link``
(ask), ``GET /links`` (the requests you may answer) and ``POST /links/{link_id}/grant``
or ``…/refuse``.

Asking needs :attr:`Permission.review` on the candidate's case; answering needs it too,
and the person must be in one of your cases (an admin answers any). Another user's
request you may not answer is not found, like an unknown one.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, status

from ...finding.review import decide_link, to_answer
from ...graph.errors import NotFound
from ...graph.model import LinkRequest, LinkStatus
from ...graph.visibility import require_persons
from ..auth.deps import TrailDep, allowed_to, holder_event
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import CandidateIdPath, StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, CONFLICT, ID_PATTERN, NOT_FOUND
from ..language import LangDep
from ..schemas.candidates import LinkAsked
from ..schemas.links import LinkAnswer, LinkAsk, LinkPublic
from .candidates import desk

router = APIRouter(tags=["candidates"], responses=COMMON_RESPONSES)

Reviewer = Annotated[Principal, allowed_to(Permission.review)]


@router.post(
    "/candidates/{candidate_id}/link",
    status_code=status.HTTP_201_CREATED,
    summary="Ask another case to share the person a candidate is about",
    description="For a candidate about a person another case holds (`elsewhere`): the "
    "workers of the cases that person is in see your request, your note and what the "
    "person would be to your case's child, and grant or refuse. Until they grant, the "
    "candidate cannot be accepted and you see nothing of theirs. 409 when the candidate "
    "is decided, is about your case's own persons, or was asked for already.",
    responses={**BAD_JSON, **NOT_FOUND, **CONFLICT},
)
def ask(
    candidate_id: CandidateIdPath,
    store: StoreDep,
    principal: Reviewer,
    trail: TrailDep,
    request: Request,
    body: LinkAsk | None = None,
) -> LinkAsked:
    made = desk(store, principal, trail, request).ask_to_share(
        candidate_id, body.note if body else None
    )
    return LinkAsked.of(made)


@router.get(
    "/links",
    summary="Requests of other cases to share a person of your cases",
    description="Newest first; `requested` (the default) are those waiting for you.",
)
def list_links(
    store: StoreDep,
    principal: Reviewer,
    trail: TrailDep,
    request: Request,
    lang: LangDep,
    link_status: Annotated[
        LinkStatus | None, Query(alias="status", description="requested, granted or refused")
    ] = LinkStatus.requested,
) -> list[LinkPublic]:
    found = to_answer(store, principal.held_persons(), status=link_status)
    trail.record(  # read in the user's case that holds the person
        *(holder_event(principal, request, "link", x.id, x.person_id) for x, _ in found)
    )
    return [LinkPublic.of(link, candidate, lang) for link, candidate in found]


def _answer(
    link_id: str,
    grant: bool,
    body: LinkAnswer | None,
    store: StoreDep,
    principal: Principal,
    lang: LangDep,
) -> LinkPublic:
    decided = decide_link(
        store,
        link_id,
        decider=principal.login,
        viewer=principal,
        grant=grant,
        reason=body.reason if body else None,
    )
    return LinkPublic.of(decided, store.get_candidate(decided.candidate_id), lang)


def _visible(store: StoreDep, principal: Principal, link_id: str) -> LinkRequest:
    """The request, when the user may answer it; else not found, like an unknown one."""
    link = store.get_link(link_id)
    try:
        require_persons(principal, [link.person_id])
    except NotFound:
        raise NotFound("link request", link_id) from None
    return link


@router.post(
    "/links/{link_id}/grant",
    summary="Share your person with the asking case",
    description="The asking case may then accept its candidate: a merge, or the person "
    "joining its network, after which its workers read the person. 409 when answered.",
    responses={**BAD_JSON, **NOT_FOUND, **CONFLICT},
)
def grant(
    link_id: Annotated[str, Path(pattern=ID_PATTERN)],
    store: StoreDep,
    principal: Reviewer,
    lang: LangDep,
    body: LinkAnswer | None = None,
) -> LinkPublic:
    _visible(store, principal, link_id)
    return _answer(link_id, True, body, store, principal, lang)


@router.post(
    "/links/{link_id}/refuse",
    summary="Refuse to share your person",
    description="The asking case sees the refusal and your reason (required). 409 when answered.",
    responses={**BAD_JSON, **NOT_FOUND, **CONFLICT},
)
def refuse(
    link_id: Annotated[str, Path(pattern=ID_PATTERN)],
    body: LinkAnswer,
    store: StoreDep,
    principal: Reviewer,
    lang: LangDep,
) -> LinkPublic:
    _visible(store, principal, link_id)
    return _answer(link_id, False, body, store, principal, lang)
