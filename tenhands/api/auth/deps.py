"""Who is asking, and whether they may: the dependencies every route that touches
person data goes through.

A request signs in with ``Authorization: Bearer <token>`` (API clients) or the
session cookie the web pages set. A request by cookie that changes something must
also carry the session's form token (header ``X-CSRF-Token``, or the form field
``csrf_token``), so another site cannot make a signed-in browser post for it.

:func:`case_access`, :func:`person_access` and :func:`allowed_to` check the role's
permission and the user's cases, then add the request to the audit log (who, what,
which case; never the values) before the route runs.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Path, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from ...graph.model import AuditAction, AuditEvent, TokenKind
from ...graph.store import GraphStore
from ...graph.visibility import require_persons
from ..audit_trail import AuditTrail
from ..errors import ID_PATTERN
from .permissions import Permission
from .principal import Principal
from .tokens import resolve

SESSION_COOKIE = "tenhands_session"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_bearer = HTTPBearer(auto_error=False, description="an API token (`tenhands users token`)")
_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, description="the web pages' session")

METHOD_ACTION = {
    "GET": AuditAction.read,
    "HEAD": AuditAction.read,
    "POST": AuditAction.create,
    "PUT": AuditAction.update,
    "PATCH": AuditAction.update,
    "DELETE": AuditAction.delete,
}

WHAT = {
    Permission.read_case: "read this case",
    Permission.meeting_edit: "move persons on the maps, add persons or mark engagement in a "
    "meeting",
    Permission.read_private: "read addresses, contact details, notes and risk flags",
    Permission.write_case: "change persons, ties and network roles",
    Permission.write_plan: "record plans",
    Permission.work_map: "open the worker's map (with addresses and notes)",
    Permission.find_kin: "search or import outside records",
    Permission.review: "accept or reject candidates",
    Permission.export: "export a case",
    Permission.manage_users: "manage users",
    Permission.read_audit: "read the audit log",
    Permission.read_reports: "read summaries over every case",
    Permission.data_subject: "export or erase a person's data",
    Permission.all_cases: "see every case",
}


def unauthenticated() -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "Sign in first: send an API token as 'Authorization: Bearer …', or sign in on "
        "the web pages.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def forbidden(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_403_FORBIDDEN, detail)


def _store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


async def get_trail(request: Request) -> AuditTrail:
    trail: AuditTrail | None = getattr(request.app.state, "audit_trail", None)
    if trail is None:
        trail = AuditTrail(_store(request))
        request.app.state.audit_trail = trail
    return trail


TrailDep = Annotated[AuditTrail, Depends(get_trail)]


async def _csrf_sent(request: Request) -> str:
    sent = request.headers.get(CSRF_HEADER)
    if sent:
        return sent
    kind = request.headers.get("content-type", "")
    if kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD)
        return value if isinstance(value, str) else ""
    return ""


async def find_principal(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    cookie: Annotated[str | None, Depends(_cookie)],
) -> Principal | None:
    """The signed-in user, or ``None``; 403 for a cookie request that changes something
    without its session's form token."""
    store = _store(request)
    if bearer is not None:
        found = await run_in_threadpool(resolve, store, bearer.credentials, TokenKind.api)
        return None if found is None else Principal(*found, store=store)
    if cookie:
        found = await run_in_threadpool(resolve, store, cookie, TokenKind.session)
        if found is None:
            return None
        user, token = found
        if request.method not in SAFE_METHODS:
            sent = await _csrf_sent(request)
            if not (token.csrf and hmac.compare_digest(sent.encode(), token.csrf.encode())):
                raise forbidden(
                    "The form is out of date or came from another site: reload the page "
                    "and try again."
                )
        return Principal(user, token, store=store)
    return None


async def get_principal(
    principal: Annotated[Principal | None, Depends(find_principal)],
) -> Principal:
    """The signed-in user; 401 when the request is not signed in."""
    if principal is None:
        raise unauthenticated()
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def _need(principal: Principal, permission: Permission) -> None:
    if not principal.can(permission):
        raise forbidden(f"Your role ({principal.user.role.value}) may not {WHAT[permission]}.")


def route_name(request: Request) -> str:
    """The route's name: the detail of the request's audit events, never a value."""
    route = request.scope.get("route")
    name = getattr(route, "name", None)
    return name if isinstance(name, str) else "request"


def audit_event(
    principal: Principal,
    request: Request,
    entity: str,
    entity_id: str | None,
    case_id: str | None,
    action: AuditAction | None = None,
) -> AuditEvent:
    """An audit event for this request: the route's name as detail, never a value."""
    return AuditEvent(
        actor=principal.login,
        action=action or METHOD_ACTION.get(request.method, AuditAction.read),
        entity=entity,
        entity_id=entity_id,
        case_id=case_id,
        detail=route_name(request),
    )


def holder_event(
    principal: Principal, request: Request, entity: str, entity_id: str, person_id: str
) -> AuditEvent:
    """An audit event for this request in the first of the user's cases that holds
    ``person_id`` (no case when none does)."""
    held = principal.visible_cases(principal.store.cases_of(person_id))
    return audit_event(principal, request, entity, entity_id, held[0] if held else None)


@dataclass(frozen=True)
class CaseScope:
    principal: Principal
    case_id: str


def case_access(
    permission: Permission = Permission.read_case,
    *,
    entity: str = "case",
    action: AuditAction | None = None,
) -> Any:
    """A dependency for routes under ``/cases/{case_id}``: the role may do
    ``permission`` and the case is assigned to the user (403 otherwise, also for a
    case that does not exist, so ids of others' cases cannot be probed); the request
    is audited. On a route about one person (``{person_id}`` in the path) that changes
    something, the user must also see that person (so nobody is pulled into a case
    from a case not theirs: 404, as for an unknown person), and the audit names the
    person."""

    def check(
        case_id: Annotated[str, Path(pattern=ID_PATTERN, description="a case's id")],
        principal: PrincipalDep,
        trail: TrailDep,
        request: Request,
    ) -> CaseScope:
        _need(principal, permission)
        if not principal.sees_case(case_id):
            raise forbidden("This case is not assigned to you.")
        person_id = request.path_params.get("person_id")
        if isinstance(person_id, str):  # about one person of the case
            if permission is not Permission.read_case:
                require_persons(principal, [person_id])
            event = audit_event(principal, request, "person", person_id, case_id, action)
        else:
            event = audit_event(principal, request, entity, case_id, case_id, action)
        trail.record(event)
        return CaseScope(principal, case_id)

    return Depends(check)


@dataclass(frozen=True)
class PersonScope:
    principal: Principal
    person_id: str
    case_ids: list[str]
    """The person's cases the user may read."""


def person_access(
    permission: Permission = Permission.read_case, *, action: AuditAction | None = None
) -> Any:
    """A dependency for routes under ``/persons/{person_id}``: the role may do
    ``permission`` and the user may see the person (404 otherwise: an unknown person
    and one of another case get the same answer); the request is audited, once per
    case the person is in."""

    def check(
        person_id: Annotated[str, Path(pattern=ID_PATTERN, description="a person's id")],
        principal: PrincipalDep,
        trail: TrailDep,
        request: Request,
    ) -> PersonScope:
        _need(principal, permission)
        require_persons(principal, [person_id])
        cases = principal.visible_cases(principal.store.cases_of(person_id))
        events = [
            audit_event(principal, request, "person", person_id, c, action) for c in cases
        ] or [audit_event(principal, request, "person", person_id, None, action)]
        trail.record(*events)
        return PersonScope(principal, person_id, cases)

    return Depends(check)


def allowed_to(permission: Permission) -> Any:
    """A dependency: the signed-in user, when their role may ``permission`` (403
    otherwise). Use as ``Annotated[Principal, allowed_to(...)]``."""

    async def check(principal: PrincipalDep) -> Principal:
        _need(principal, permission)
        return principal

    return Depends(check)
