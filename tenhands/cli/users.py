"""``tenhands users …``: add users, set passwords, disable them, assign cases, make
API tokens. Passwords are asked for without echo (or read from stdin with
``--password-stdin``), never taken as an argument, so they stay out of shell history."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ..api.auth.token_days import API_TOKEN_DAYS, MAX_API_TOKEN_DAYS
from .context import fail, opened_store

if TYPE_CHECKING:
    from ..graph.model import User
    from ..graph.store import GraphStore

RoleName = Literal["admin", "worker", "facilitator", "viewer"]
"""The values of :class:`~tenhands.graph.model.UserRole` (a test keeps them equal), so
that the command line is defined without the model."""

app = typer.Typer(
    help="Users: accounts, passwords, case assignments, API tokens.", rich_markup_mode=None
)

FromStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from stdin (scripts).")
]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    text: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return text


def _user(store: GraphStore, login: str) -> User:
    from ..graph.errors import NotFound

    try:
        return store.get_user_by_login(login)
    except NotFound:
        raise fail(f"there is no user with login {login!r}") from None


@app.command("add")
def add(
    login: Annotated[str, typer.Argument(help="What they sign in with.")],
    name: Annotated[str, typer.Option("--name", help="Their name as shown.")],
    role: Annotated[RoleName, typer.Option(help="admin, worker, facilitator or viewer.")],
    lang: Annotated[str, typer.Option(help="nl or en.")] = "nl",
    password_stdin: FromStdin = False,
) -> None:
    """Add a user."""
    from ..api.auth.accounts import add_user
    from ..api.auth.passwords import WeakPassword
    from ..graph.errors import Conflict
    from ..graph.languages import INTERFACE, listed
    from ..graph.model import UserRole

    if lang not in INTERFACE:
        raise fail(f"--lang must be {listed(INTERFACE)}")
    password = _password(password_stdin)
    with opened_store() as store:
        try:
            user = add_user(store, login, name, UserRole(role), password, lang=lang)
        except WeakPassword as exc:
            raise fail(str(exc)) from None
        except Conflict:
            raise fail(f"the login {login!r} is taken") from None
        except ValueError as exc:
            raise fail(f"the login or name is not valid: {exc}") from None
    typer.echo(f"Added {user.login} ({user.role.value}).")


@app.command("passwd")
def passwd(login: str, password_stdin: FromStdin = False) -> None:
    """Set a user's password (their sessions and tokens end)."""
    from ..api.auth.accounts import set_password
    from ..api.auth.passwords import WeakPassword

    password = _password(password_stdin)
    with opened_store() as store:
        try:
            set_password(store, _user(store, login), password)
        except WeakPassword as exc:
            raise fail(str(exc)) from None
    typer.echo(f"Password of {login} changed; their sessions and tokens ended.")


@app.command("disable")
def disable(login: str) -> None:
    """Disable a user: they can no longer sign in; their sessions and tokens end."""
    from ..api.auth.accounts import set_disabled

    with opened_store() as store:
        set_disabled(store, _user(store, login), True)
    typer.echo(f"Disabled {login}.")


@app.command("enable")
def enable(login: str) -> None:
    """Enable a disabled user again."""
    from ..api.auth.accounts import set_disabled

    with opened_store() as store:
        set_disabled(store, _user(store, login), False)
    typer.echo(f"Enabled {login}.")


@app.command("assign")
def assign(login: str, case_id: str) -> None:
    """Give a user a case to work on."""
    from ..graph.errors import NotFound

    with opened_store() as store:
        user = _user(store, login)
        try:
            store.assign_case(user.id, case_id)
        except NotFound:
            raise fail(f"there is no case {case_id!r}") from None
    typer.echo(f"Case {case_id} assigned to {login}.")


@app.command("unassign")
def unassign(login: str, case_id: str) -> None:
    """Take a case away from a user."""
    from ..graph.errors import NotFound

    with opened_store() as store:
        user = _user(store, login)
        try:
            store.unassign_case(user.id, case_id)
        except NotFound:
            raise fail(f"case {case_id!r} is not assigned to {login}") from None
    typer.echo(f"Case {case_id} no longer assigned to {login}.")


@app.command("list")
def list_users(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the users, their role and their cases."""
    from ..graph.paging import read_all

    with opened_store() as store:
        users = read_all(lambda limit, offset: store.list_users(limit=limit, offset=offset))
        rows = [(u, store.cases_of_user(u.id)) for u in users]
    if as_json:
        out = [
            {"login": u.login, "name": u.display_name, "role": u.role.value,
             "disabled": u.disabled, "cases": cases}
            for u, cases in rows
        ]  # fmt: skip
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for u, cases in rows:
        state = " (disabled)" if u.disabled else ""
        typer.echo(f"{u.login}\t{u.role.value}{state}\t{', '.join(cases) or '-'}")


@app.command("token")
def token(
    login: str,
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
    days: Annotated[
        int, typer.Option(min=1, max=MAX_API_TOKEN_DAYS, help="How long it lasts.")
    ] = API_TOKEN_DAYS,
) -> None:
    """Make an API token for a user; it is printed once (only its hash is kept)."""
    from ..api.auth.tokens import issue
    from ..graph.model import TokenKind

    with opened_store() as store:
        user = _user(store, login)
        if user.disabled:
            raise fail(f"{login} is disabled")
        issued = issue(store, user, TokenKind.api, label=label, days=days)
    typer.echo(issued.secret)
