"""Signing in for API clients (``POST /auth/token``), and your own account (``/auth/me``)."""

from __future__ import annotations

from contextlib import suppress

from fastapi import APIRouter, HTTPException, Request, Response, status
from pydantic import ValidationError

from ...graph.errors import NotFound
from ...graph.model import AuditAction, AuditEvent, TokenKind
from ..auth.accounts import (
    SignInRefused,
    Throttled,
    WrongPassword,
    changed,
    check_password,
    set_password,
    sign_in,
)
from ..auth.deps import PrincipalDep, TrailDep
from ..auth.passwords import WeakPassword
from ..auth.tokens import issue
from ..deps import StoreDep, ThrottleDep, client_address
from ..errors import BAD_JSON, COMMON_RESPONSES, ErrorBody, domain_invalid
from ..schemas.users import MeUpdate, SignIn, TokenIssued, TokenPublic, UserPublic

router = APIRouter(prefix="/auth", tags=["auth"], responses=COMMON_RESPONSES)


def too_many(exc: Throttled) -> HTTPException:
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS, str(exc), headers={"Retry-After": str(exc.seconds)}
    )


def refused(exc: SignInRefused | Throttled) -> HTTPException:
    if isinstance(exc, Throttled):
        return too_many(exc)
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, str(exc), headers={"WWW-Authenticate": "Bearer"}
    )


@router.post(
    "/token",
    status_code=status.HTTP_201_CREATED,
    summary="Sign in with login and password; get an API token",
    description="The token is shown once; send it as `Authorization: Bearer <token>`. "
    "Failed attempts slow down further ones (429 with `Retry-After`): after 5 for one "
    "login from one address, waits double up to 15 minutes; after 30 from one address, "
    "likewise; after 10 for one login from anywhere, waits double up to one minute.",
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
    "and token of yours. Wrong current passwords slow down further attempts like failed "
    "sign-ins (429, with `Retry-After`). Nothing changes when the password is refused.",
    responses={
        **BAD_JSON,
        429: {"model": ErrorBody, "description": "Too many wrong current passwords"},
    },
)
def update_me(
    body: MeUpdate,
    principal: PrincipalDep,
    store: StoreDep,
    throttle: ThrottleDep,
    request: Request,
) -> UserPublic:
    user = principal.user
    if body.password is not None:
        current = body.current_password.get_secret_value() if body.current_password else ""
        try:
            check_password(throttle, user, current, client_address(request))
        except Throttled as exc:
            raise too_many(exc) from None
        except WrongPassword as exc:
            raise HTTPException(status.HTTP_403_FORBIDDEN, str(exc)) from None
    changes = body.model_dump(exclude_unset=True, exclude={"password", "current_password"})
    if changes:
        try:
            user = changed(user, changes)
        except ValidationError as exc:
            raise domain_invalid(exc) from None
    if body.password is not None:
        try:
            user = set_password(store, user, body.password.get_secret_value())
        except WeakPassword as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    elif changes:
        user = store.update_user(user)
    return UserPublic.of(user, store.cases_of_user(user.id))


@router.get("/tokens", summary="Your sessions and API tokens (never the tokens themselves)")
def my_tokens(principal: PrincipalDep, store: StoreDep) -> list[TokenPublic]:
    return [TokenPublic.of(t) for t in store.list_tokens(principal.user.id)]
