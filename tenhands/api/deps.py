"""Dependencies as ``Annotated`` aliases, so each route lists exactly what it needs.

Who is asking and what they may see comes from :mod:`.auth.deps`; ``ActorDep`` is the
signed-in user's login, recorded as who created or changed a thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Query, Request

from ..finding.kin import KinFinder
from ..graph.store import GraphStore
from ..settings import Settings, kin_index_file
from .auth.deps import PrincipalDep
from .auth.ratelimit import LoginThrottle
from .errors import ID_PATTERN

MAX_PAGE = 500


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_store(request: Request) -> GraphStore:
    """The store opened at start-up (or passed to ``create_app``)."""
    store: GraphStore = request.app.state.store
    return store


def get_finder(request: Request) -> KinFinder:
    """The app's kin search state: the record index (loaded or built on the first search,
    again whenever the store's records moved on, in this process or another; kept
    between runs beside the store) and what workers' decisions taught (renewed after a
    decision)."""
    finder: KinFinder | None = getattr(request.app.state, "kin_finder", None)
    if finder is None:
        state = request.app.state
        finder = KinFinder(kin_index_file(state.settings, state.store))
        request.app.state.kin_finder = finder
    return finder


FinderDep = Annotated[KinFinder, Depends(get_finder)]


async def get_actor(principal: PrincipalDep) -> str:
    """Who is asking; recorded as ``created_by`` / ``updated_by``."""
    return principal.login


@dataclass(frozen=True, slots=True)
class Pagination:
    limit: int
    offset: int


async def get_pagination(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="at most this many")] = 100,
    offset: Annotated[int, Query(ge=0, description="skip this many first")] = 0,
) -> Pagination:
    return Pagination(limit=limit, offset=offset)


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
ActorDep = Annotated[str, Depends(get_actor)]
PageDep = Annotated[Pagination, Depends(get_pagination)]


PersonIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a person's id")]
TieIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a tie's id")]
CaseIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a case's id")]
RecordIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="an outside record's id")]
CandidateIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="a candidate's id")]


def get_throttle(request: Request) -> LoginThrottle:
    throttle: LoginThrottle | None = getattr(request.app.state, "login_throttle", None)
    if throttle is None:
        throttle = LoginThrottle()
        request.app.state.login_throttle = throttle
    return throttle


ThrottleDep = Annotated[LoginThrottle, Depends(get_throttle)]


def client_address(request: Request) -> str:
    """The client's address: the connection's, or the one a trusted proxy forwarded
    (``TENHANDS_TRUSTED_PROXIES``; uvicorn replaces the connection's address with it)."""
    return request.client.host if request.client else "unknown"
