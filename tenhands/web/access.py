"""Who is looking at a page, and whether they may: the pages' side of
:mod:`tenhands.api.auth`.

Pages sign in with the session cookie only. A form post must carry the session's form
token (checked by :func:`~tenhands.api.auth.deps.find_principal`); a stale or foreign
form gets a page saying so. :func:`case_page` checks the role's permission and the
user's cases like the API's ``case_access`` and adds the request to the audit log
(who, what, which case; never a value) before the page is made.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Path, Request

from ..api.auth.deps import SESSION_COOKIE, CaseScope, TrailDep, audit_event, find_principal
from ..api.auth.permissions import Permission
from ..api.auth.principal import Principal
from ..api.errors import ID_PATTERN
from ..graph.errors import NotFound
from ..graph.model import AuditAction
from ..graph.visibility import require_persons
from .routing import CASE_REFUSED, ROLE_REFUSED, STALE_FORM, PageRefused, SignInNeeded


async def page_principal(request: Request) -> Principal | None:
    """The signed-in user of the page, or None."""
    if hasattr(request.state, "web_principal"):
        known: Principal | None = request.state.web_principal
        return known
    try:
        principal = await find_principal(request, None, request.cookies.get(SESSION_COOKIE))
    except HTTPException as exc:
        if exc.status_code == 403:  # a form without its session's form token
            raise PageRefused(403, STALE_FORM) from None
        raise
    request.state.web_principal = principal
    return principal


MaybeUser = Annotated[Principal | None, Depends(page_principal)]


def signed_in(principal: MaybeUser) -> Principal:
    """The signed-in user; a visitor goes to the sign-in page."""
    if principal is None:
        raise SignInNeeded()
    return principal


User = Annotated[Principal, Depends(signed_in)]


def need(principal: Principal, permission: Permission) -> None:
    """A 403 page unless the user's role may ``permission``."""
    if not principal.can(permission):
        raise PageRefused(403, ROLE_REFUSED)


def case_page(
    permission: Permission = Permission.read_case,
    *,
    entity: str = "case",
    action: AuditAction | None = None,
) -> Any:
    """A dependency for pages under ``/cases/{case_id}``: the role may ``permission``,
    the case is assigned to the user (a 403 page otherwise, also for a case that does
    not exist), and the request is audited. On a page about one person
    (``{person_id}``) that changes something, the user must see that person too."""

    def check(
        case_id: Annotated[str, Path(pattern=ID_PATTERN)],
        principal: User,
        trail: TrailDep,
        request: Request,
    ) -> CaseScope:
        need(principal, permission)
        if not principal.sees_case(case_id):
            raise PageRefused(403, CASE_REFUSED)
        person_id = request.path_params.get("person_id")
        if isinstance(person_id, str):
            if permission is not Permission.read_case:
                try:
                    require_persons(principal, [person_id])
                except NotFound:  # unknown, or another case's: the same page
                    raise PageRefused(403, CASE_REFUSED) from None
            event = audit_event(principal, request, "person", person_id, case_id, action)
        else:
            event = audit_event(principal, request, entity, case_id, case_id, action)
        trail.record(event)
        return CaseScope(principal, case_id)

    return Depends(check)
