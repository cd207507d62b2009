"""Signing in and out of the web pages, and the language a user reads them in.

``POST /login`` checks the login and password (slowed down after failed attempts, like
the API), starts a browser session and sets it as a cookie: HttpOnly, SameSite=Lax,
Secure over https (and always in production), for the whole site. ``POST /logout`` ends
the session. The language is kept on the user's account, not in a cookie.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from ..api.auth.accounts import SignInRefused, Throttled, sign_in
from ..api.auth.deps import SESSION_COOKIE, TrailDep
from ..api.auth.tokens import SESSION_HOURS, issue
from ..api.deps import StoreDep, client_address, get_throttle
from ..graph.errors import NotFound
from ..graph.model import AuditAction, AuditEvent, TokenKind, utcnow
from ..settings import Settings
from .access import MaybeUser, User
from .forms import Form
from .i18n import N_, translations, visitor_lang, web_lang
from .routing import STALE_FORM, PageRefused, PageRoute
from .security import local_path, same_origin, see_other
from .templating import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

WRONG = N_("The login or the password is not right.")
TOO_MANY = N_(
    "Too many failed attempts: try again in %(minutes)d minutes, or ask your administrator."
)


@router.get("/", name="web_home")
def home(principal: MaybeUser) -> Response:
    return see_other("/cases" if principal is not None else "/login")


@router.get("/login", name="web_login")
def login_page(
    request: Request,
    principal: MaybeUser,
    next_: Annotated[str | None, Query(alias="next")] = None,
) -> Response:
    if principal is not None:
        return see_other(local_path(next_))
    return render(
        request, "login.html", principal=None, next=local_path(next_), login="", error=None
    )


@router.post("/login", name="web_sign_in")
def sign_in_page(request: Request, form: Form, store: StoreDep, trail: TrailDep) -> Response:
    if not same_origin(request.headers, request.url.netloc):
        raise PageRefused(403, STALE_FORM)
    login = str(form.get("login") or "").strip()
    password = str(form.get("password") or "")
    target = local_path(str(form.get("next") or ""))
    lang = web_lang(form.get("lang")) or visitor_lang(request)
    catalogue = translations(lang)
    _ = catalogue.gettext
    try:
        user = sign_in(store, get_throttle(request), login, password, client_address(request))
    except Throttled as exc:
        if exc.seconds <= 120:
            message = catalogue.ngettext(
                "Too many failed attempts: try again in %(num)d second.",
                "Too many failed attempts: try again in %(num)d seconds.",
                exc.seconds,
            ) % {"num": exc.seconds}
        else:
            message = _(TOO_MANY) % {"minutes": (exc.seconds + 59) // 60}
        return _again(request, target, login, message, 429, {"Retry-After": str(exc.seconds)})
    except SignInRefused:
        return _again(request, target, login, _(WRONG), 401)
    issued = issue(store, user, TokenKind.session, label="web")
    trail.record(
        AuditEvent(
            actor=user.login,
            action=AuditAction.login,
            entity="user",
            entity_id=user.id,
            detail="web session",
        )
    )
    response = see_other(target)
    response.set_cookie(
        SESSION_COOKIE,
        issued.secret,
        max_age=SESSION_HOURS * 3600,
        path="/",
        secure=secure_cookie(request),
        httponly=True,
        samesite="lax",
    )
    return response


def secure_cookie(request: Request) -> bool:
    """Whether the session cookie is sent over https only: when the request came over
    https (directly, or through a trusted proxy that says so), and always in production."""
    settings: Settings = request.app.state.settings
    return request.url.scheme == "https" or settings.environment == "production"


def _again(
    request: Request,
    target: str,
    login: str,
    error: str,
    status: int,
    headers: dict[str, str] | None = None,
) -> Response:
    return render(
        request,
        "login.html",
        principal=None,
        status=status,
        headers=headers,
        next=target,
        login=login,
        error=error,
    )


@router.post("/logout", name="web_sign_out")
async def sign_out(request: Request, principal: MaybeUser) -> Response:
    if principal is not None:
        store = principal.store

        def end() -> None:
            with suppress(NotFound):  # ended elsewhere at the same moment
                store.delete_token(principal.token.id)

        await run_in_threadpool(end)
    response = see_other("/login")
    response.delete_cookie(
        SESSION_COOKIE, path="/", secure=secure_cookie(request), httponly=True, samesite="lax"
    )
    return response


@router.post("/language", name="web_language")
def choose_language(principal: User, form: Form, store: StoreDep) -> Response:
    lang = web_lang(form.get("lang"))
    if lang is not None and lang != principal.user.lang:
        store.update_user(principal.user.model_copy(update={"lang": lang, "updated_at": utcnow()}))
    return see_other(local_path(str(form.get("next") or "")))
