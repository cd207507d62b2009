"""Dependencies as ``Annotated`` aliases, so each route lists exactly what it needs.

Seams for later issues:

- ``CurrentUser`` (auth) will come here; :func:`get_actor` then returns that
  user's name instead of ``"api"``, and every route that writes already takes
  ``ActorDep``. Review decisions take ``ReviewerDep``: until then the reviewer
  names themself in the ``X-TenHands-User`` header (:func:`get_reviewer`), and
  only that function changes when requests carry a signed-in user.
- Per-case access checks and the audit log of reads and writes can wrap the
  store in :func:`get_store` (e.g. an auditing store bound to the actor), without
  touching the routers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Path, Query, Request, status

from ..finding.kin import KinFinder
from ..graph.store import GraphStore
from ..settings import Settings
from .errors import ID_PATTERN

API_ACTOR = "api"
"""Who changed a thing, in provenance, until requests carry a user."""

MAX_PAGE = 500


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> GraphStore:
    """The store opened at start-up (or passed to ``create_app``)."""
    store: GraphStore = request.app.state.store
    return store


def get_finder(request: Request) -> KinFinder:
    """The app's kin search state: the record index (built on the first search, rebuilt
    after an import) and what workers' decisions taught (renewed after a decision)."""
    finder: KinFinder | None = getattr(request.app.state, "kin_finder", None)
    if finder is None:
        finder = KinFinder()
        request.app.state.kin_finder = finder
    return finder


FinderDep = Annotated[KinFinder, Depends(get_finder)]


def get_actor() -> str:
    """Who is asking; recorded as ``created_by`` / ``updated_by``."""
    return API_ACTOR


REVIEWER_HEADER = "X-TenHands-User"
"""The request header that names who accepts, rejects or undoes a candidate."""

MAX_REVIEWER = 200


def get_reviewer(
    reviewer: Annotated[
        str | None,
        Header(
            alias=REVIEWER_HEADER,
            description="who decides (a worker's name or login); required until sign-in exists",
        ),
    ] = None,
) -> str:
    """Who accepts, rejects or undoes a candidate; stored with the decision and in the
    audit log. Without the header the request is refused with 401: a decision is never
    anonymous."""
    name = (reviewer or "").strip()
    if not name:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            f"Say who decides: send your name in the {REVIEWER_HEADER} header.",
        )
    if len(name) > MAX_REVIEWER:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"The {REVIEWER_HEADER} header is longer than {MAX_REVIEWER} characters.",
        )
    return name


@dataclass(frozen=True, slots=True)
class Pagination:
    limit: int
    offset: int


def get_pagination(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="at most this many")] = 100,
    offset: Annotated[int, Query(ge=0, description="skip this many first")] = 0,
) -> Pagination:
    return Pagination(limit=limit, offset=offset)


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
ActorDep = Annotated[str, Depends(get_actor)]
ReviewerDep = Annotated[str, Depends(get_reviewer)]
PageDep = Annotated[Pagination, Depends(get_pagination)]


PersonIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a person's id")]
TieIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a tie's id")]
CaseIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a case's id")]
RecordIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="an outside record's id")]
CandidateIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a candidate's id")]
