"""Removing a person, a tie or a person's place in the network from a case's page, and
undoing it: each removal returns to the case page saying "removed — undo", and undo puts
back exactly what was removed. The rules are :mod:`tenhands.graph.removal`'s. For roles
that may change a case, on their own cases.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from ..api.auth.deps import CaseScope
from ..api.auth.permissions import Permission
from ..api.deps import PersonIdPath, StoreDep, TieIdPath
from ..graph.errors import NotFound
from ..graph.removal import RemovalRefused, pending_undo, remove_person, remove_role, remove_tie
from ..graph.removal import restore as restore_removal
from .access import case_page
from .forms import Form
from .i18n import N_
from .routing import PageRoute
from .security import see_other

router = APIRouter(route_class=PageRoute, include_in_schema=False)

Writer = Annotated[CaseScope, case_page(Permission.write_case)]

REFUSED: dict[str, str] = {
    "child": N_("A child of the case cannot be removed."),
    "other_case": N_("This person is in another case too: take them out of this network instead."),
    "planned": N_("The plan or a meeting names this person: change the plan first."),
    "taken": N_("This cannot be undone: the person was added again since."),
    "gone": N_("This cannot be undone: a person it was tied to was removed since."),
    "back": N_("This cannot be undone: the person is back in the network already."),
}
"""What the case page says when a removal or undo is refused, by reason."""

RefusedQuery = Annotated[str | None, Query(max_length=20, pattern=r"^[a-z_]+$")]


def refused_message(code: str | None) -> str | None:
    """The message id of a refusal's code, or None."""
    return REFUSED.get(code) if code else None


def _refused(case_id: str, exc: RemovalRefused, anchor: str) -> Response:
    return see_other(f"/cases/{case_id}?refused={exc.code}#{anchor}")


@router.post("/cases/{case_id}/ties/{tie_id}/remove", name="web_remove_tie")
def remove_a_tie(scope: Writer, store: StoreDep, tie_id: TieIdPath) -> Response:
    remove_tie(store, scope.case_id, tie_id, actor=scope.principal.login)
    return see_other(f"/cases/{scope.case_id}?done=removed#ties")


@router.post("/cases/{case_id}/persons/{person_id}/remove", name="web_remove_person")
def remove_a_person(scope: Writer, store: StoreDep, person_id: PersonIdPath) -> Response:
    try:
        remove_person(store, scope.case_id, person_id, actor=scope.principal.login)
    except RemovalRefused as exc:
        return _refused(scope.case_id, exc, f"person-{person_id}")
    return see_other(f"/cases/{scope.case_id}?done=removed#people")


@router.post("/cases/{case_id}/persons/{person_id}/leave", name="web_remove_role")
def take_out_of_network(scope: Writer, store: StoreDep, person_id: PersonIdPath) -> Response:
    try:
        remove_role(store, scope.case_id, person_id, actor=scope.principal.login)
    except RemovalRefused as exc:
        return _refused(scope.case_id, exc, f"person-{person_id}")
    return see_other(f"/cases/{scope.case_id}?done=removed#people")


@router.post("/cases/{case_id}/undo", name="web_undo_removal")
def undo_removal(scope: Writer, store: StoreDep, form: Form) -> Response:
    """Undo the worker's last removal in the case (named in the form, so an undo meant
    for one removal never puts back another)."""
    login = scope.principal.login
    pending = pending_undo(store, scope.case_id, login)
    if pending is None or pending.id != str(form.get("removal") or ""):
        return see_other(f"/cases/{scope.case_id}?done=undo_gone")
    try:
        restore_removal(store, scope.case_id, pending.id, actor=login)
    except RemovalRefused as exc:
        return _refused(scope.case_id, exc, "people")
    except NotFound:  # undone at the same moment elsewhere
        return see_other(f"/cases/{scope.case_id}?done=undo_gone")
    return see_other(f"/cases/{scope.case_id}?done=restored#people")
