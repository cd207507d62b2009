"""Signing in for API clients (``POST /auth/token``), and your own account (``/auth/me``)."""

from __future__ import annotations

from contextlib import suppress
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from pydantic import ValidationError

from ...graph.errors import NotFound
from ...graph.model import AuditAction, AuditEvent, TokenKind
from ..auth.accounts import SignInRefused, Throttled, changed, set_password, sign_in
from ..auth.deps import PrincipalDep, TrailDep
from ..auth.passwords import WeakPassword, verify_password
from ..auth.ratelimit import LoginThrottle
from ..auth.tokens import issue
from ..deps import StoreDep
from ..errors import BAD_JSON, COMMON_RESPONSES, ErrorBody, domain_invalid
from ..schemas.users import MeUpdate, SignIn, TokenIssued, TokenPublic, UserPublic

router = APIRouter(prefix="/auth", tags=["auth"], responses=COMMON_RESPONSES)


def get_throttle(request: Request) -> LoginThrottle:
    throttle: LoginThrottle | None = getattr(request.app.state, "login_throttle", None)
    if throttle is None:
        throttle = LoginThrottle()
        request.app.state.login_throttle = throttle
    return throttle


ThrottleDep = Annotated[LoginThrottle, Depends(get_throttle)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def refused(exc: SignInRefused | Throttled) -> HTTPException:
    if isinstance(exc, Throttled):
        return HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS, str(exc), headers={"Retry-After": str(exc.seconds)}
        )
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, str(exc), headers={"WWW-Authenticate": "Bearer"}
    )


@router.post(
    "/token",
    status_code=status.HTTP_201_CREATED,
    summary="Sign in with login and password; get an API token",
    description="The token is shown once; send it as `Authorization: Bearer <token>`. "
    "After 5 failed attempts for a login (or 30 from one address) within 15 minutes, "
    "attempts are refused for a while (429, with `Retry-After`).",
    responses={
        **BAD_JSON,
        429: {"model": ErrorBody, "description": "Too many failed sign-ins"},
    },
)
def create_token(
    body: SignIn, store: StoreDep, throttle: ThrottleDep, trail: TrailDep, request: Request
) -> TokenIssued:
    try:
        user = sign_in(
            store, throttle, body.login, body.password.get_secret_value(), client_address(request)
        )
    except (SignInRefused, Throttled) as exc:
        raise refused(exc) from None
    issued = issue(store, user, TokenKind.api, label=body.label, days=body.days)
    trail.record(
        AuditEvent(
            actor=user.login, action=AuditAction.login, entity="user", entity_id=user.id,
            detail="api token",
        )
    )  # fmt: skip
    return TokenIssued(
        token=issued.secret,
        id=issued.stored.id,
        expires_at=issued.stored.expires_at,
        user=UserPublic.of(user, store.cases_of_user(user.id)),
    )


@router.delete(
    "/token",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Sign out: end the token (or session) this request is signed in with",
)
def delete_token(principal: PrincipalDep, store: StoreDep) -> Response:
    with suppress(NotFound):  # ended at the same moment elsewhere: signed out all the same
        store.delete_token(principal.token.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", summary="Your account and the cases assigned to you")
def me(principal: PrincipalDep, store: StoreDep) -> UserPublic:
    return UserPublic.of(principal.user, store.cases_of_user(principal.user.id))


@router.patch(
    "/me",
    summary="Change your name, language or password",
    description="A new password needs `current_password`; it ends every other session "
    "and token of yours.",
    responses=BAD_JSON,
)
def update_me(body: MeUpdate, principal: PrincipalDep, store: StoreDep) -> UserPublic:
    user = principal.user
    changes = body.model_dump(exclude_unset=True, exclude={"password", "current_password"})
    if changes:
        try:
            user = store.update_user(changed(user, changes))
        except ValidationError as exc:
            raise domain_invalid(exc) from None
    if body.password is not None:
        current = body.current_password.get_secret_value() if body.current_password else ""
        if not verify_password(user.password_hash, current):
            raise HTTPException(status.HTTP_403_FORBIDDEN, "The current password is not right.")
        try:
            user = set_password(store, user, body.password.get_secret_value())
        except WeakPassword as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    return UserPublic.of(user, store.cases_of_user(user.id))


@router.get("/tokens", summary="Your sessions and API tokens (never the tokens themselves)")
def my_tokens(principal: PrincipalDep, store: StoreDep) -> list[TokenPublic]:
    return [TokenPublic.of(t) for t in store.list_tokens(principal.user.id)]
