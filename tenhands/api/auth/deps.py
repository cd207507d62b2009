"""Who is asking, and whether they may: the dependencies every route that touches
person data goes through.

A request signs in with ``Authorization: Bearer <token>`` (API clients) or the
session cookie the web pages set. A request by cookie that changes something must
also carry the session's form token (header ``X-CSRF-Token``, or the form field
``csrf_token``), so another site cannot make a signed-in browser post for it.

:func:`case_access`, :func:`person_access` and :func:`allowed_to` apply the access rule
(:mod:`.access`: the role's permission, the user's cases and persons, the audit log
before the route runs) and say a refusal as the API's JSON error: 403 with a sentence,
or 404 for a person the user may not see (as for an unknown one).
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Path, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from ...graph.errors import NotFound
from ...graph.model import AuditAction, AuditEvent, TokenKind
from ...graph.store import GraphStore
from ..audit_trail import AuditTrail
from ..errors import ID_PATTERN
from .access import CaseScope as CaseScope
from .access import PersonScope as PersonScope
from .access import Refused, Why, enter_case, enter_person, require
from .access import audit_event as audit_event
from .permissions import Permission
from .principal import Principal
from .tokens import resolve

SESSION_COOKIE = "tenhands_session"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_bearer = HTTPBearer(auto_error=False, description="an API token (`tenhands users token`)")
_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, description="the web pages' session")

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


def refusal(refused: Refused) -> Exception:
    """A refusal of the access rule as the API says it."""
    if refused.why is Why.person:
        return NotFound("person", refused.ident or "")
    if refused.why is Why.case:
        return forbidden("This case is not assigned to you.")
    role = refused.principal.user.role.value
    return forbidden(f"Your role ({role}) may not {WHAT[refused.permission]}.")


def holder_event(
    principal: Principal, request: Request, entity: str, entity_id: str, person_id: str
) -> AuditEvent:
    """An audit event for this request in the first of the user's cases that holds
    ``person_id`` (no case when none does)."""
    held = principal.visible_cases(principal.store.cases_of(person_id))
    return audit_event(principal, request, entity, entity_id, held[0] if held else None)


def case_access(
    permission: Permission = Permission.read_case,
    *,
    entity: str = "case",
    action: AuditAction | None = None,
) -> Any:
    """A dependency for routes under ``/cases/{case_id}``: the access rule
    (:func:`.access.enter_case`: the role may do ``permission``, the case is assigned to
    the user, a change about one ``{person_id}`` needs that person visible; the request
    is audited). 403 otherwise, also for a case that does not exist, so ids of others'
    cases cannot be probed; 404 for a person the user may not see, as for an unknown
    one."""

    def check(
        case_id: Annotated[str, Path(pattern=ID_PATTERN, description="a case's id")],
        principal: PrincipalDep,
        trail: TrailDep,
        request: Request,
    ) -> CaseScope:
        try:
            return enter_case(
                principal, trail, request, case_id, permission, entity=entity, action=action
            )
        except Refused as refused:
            raise refusal(refused) from None

    return Depends(check)


def person_access(
    permission: Permission = Permission.read_case, *, action: AuditAction | None = None
) -> Any:
    """A dependency for routes under ``/persons/{person_id}``: the access rule
    (:func:`.access.enter_person`: the role may do ``permission`` and the user sees the
    person; the request is audited once per case of theirs). 404 for a person the user
    may not see, as for an unknown one."""

    def check(
        person_id: Annotated[str, Path(pattern=ID_PATTERN, description="a person's id")],
        principal: PrincipalDep,
        trail: TrailDep,
        request: Request,
    ) -> PersonScope:
        try:
            return enter_person(principal, trail, request, person_id, permission, action=action)
        except Refused as refused:
            raise refusal(refused) from None

    return Depends(check)


def allowed_to(permission: Permission) -> Any:
    """A dependency: the signed-in user, when their role may ``permission`` (403
    otherwise). Use as ``Annotated[Principal, allowed_to(...)]``."""

    async def check(principal: PrincipalDep) -> Principal:
        try:
            require(principal, permission)
        except Refused as refused:
            raise refusal(refused) from None
        return principal

    return Depends(check)
