"""Who is looking at a page, and whether they may: the pages' side of
:mod:`tenhands.api.auth`.

Pages sign in with the session cookie only. A form post must carry the session's form
token (checked by :func:`~tenhands.api.auth.deps.find_principal`); a stale or foreign
form gets a page saying so. :func:`case_page` and :func:`need` apply the access rule the
API applies too (:mod:`tenhands.api.auth.access`: the role's permission, the user's
cases and persons, the audit log before the page is made) and say a refusal as a page:
403, the same page for a case or person not the user's as for an unknown one.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Path, Request

from ..api.auth.access import CaseScope, Refused, Why, enter_case, require
from ..api.auth.deps import SESSION_COOKIE, TrailDep, find_principal
from ..api.auth.permissions import Permission
from ..api.auth.principal import Principal
from ..api.errors import ID_PATTERN
from ..graph.model import AuditAction
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


def refusal(refused: Refused) -> PageRefused:
    """A refusal of the access rule as a page."""
    return PageRefused(403, ROLE_REFUSED if refused.why is Why.role else CASE_REFUSED)


def need(principal: Principal, permission: Permission) -> None:
    """A 403 page unless the user's role may ``permission``."""
    try:
        require(principal, permission)
    except Refused as refused:
        raise refusal(refused) from None


def case_page(
    permission: Permission = Permission.read_case,
    *,
    entity: str = "case",
    action: AuditAction | None = None,
) -> Any:
    """A dependency for pages under ``/cases/{case_id}``: the access rule
    (:func:`~tenhands.api.auth.access.enter_case`: the role may ``permission``, the case
    is assigned to the user, a change about one ``{person_id}`` needs that person
    visible; the request is audited). A 403 page otherwise, also for a case or person
    that does not exist."""

    def check(
        case_id: Annotated[str, Path(pattern=ID_PATTERN)],
        principal: User,
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
