"""Working with the family live on the meeting page: moving persons on the map (and
putting them back), adding a person named in the room, and marking how a network member
is engaged. For roles that may :attr:`~tenhands.api.auth.permissions.Permission.meeting_edit`
(a facilitator, a worker, an admin), on their own cases.

- ``POST /cases/{case_id}/map/positions`` takes the persons moved on a map the service
  drew (JSON, posted by the map's own script with the session's form token): the
  positions stay for the next meeting, on every wall map of that view
  (:mod:`tenhands.viz.positions`). Errors are the API's JSON.
- ``POST /cases/{case_id}/meeting/positions/reset`` puts everyone back where the map
  places them by itself, on one view.
- ``POST /cases/{case_id}/meeting/persons`` adds a person named in the room
  (:mod:`tenhands.graph.named`): the person, their ties and their role in one unit of work.
- ``POST /cases/{case_id}/meeting/engagement`` marks a network member's engagement.

The forms are plain posts that come back to the meeting page (the maps, loaded again,
show the change); a form with a mistake comes back as a page of its own showing what to
correct, and nothing is stored. The engagement picker lists only persons a family-mode
wall map may show, and never with their engagement: what a person's engagement is, is
not said on the wall.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ..api.auth.deps import CaseScope, TrailDep, audit_event, case_access
from ..api.auth.permissions import Permission
from ..api.deps import StoreDep
from ..graph.errors import InvalidInput, NotFound
from ..graph.kinship import Side
from ..graph.model import AuditAction, Engagement, NetworkRole, Sex
from ..graph.model.position import COORDINATE
from ..graph.named import Named, NamedPerson, Problem, add_named, problems
from ..graph.store import GraphStore
from ..viz import Mode, View
from ..viz.build import network_of
from ..viz.positions import MAX_MOVES, Move, StaleMap, UnknownKey, saved
from ..viz.redaction import kept_away
from .access import case_page
from .cases import chosen_view
from .forms import SHORT_TEXT, TOO_LONG, Form, FormState, message, values_of
from .i18n import N_, Gettext, translations
from .meeting import wall_mode
from .meeting_tools import ENGAGEMENTS, SEXES, SIDES, live_tools, markable
from .routing import PageRoute
from .security import see_other
from .templating import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)
json_router = APIRouter(include_in_schema=False)

Mover = Annotated[
    CaseScope, case_access(Permission.meeting_edit, entity="map", action=AuditAction.update)
]
Editor = Annotated[CaseScope, case_page(Permission.meeting_edit)]

MAX_POSITIONS_BODY = 32 * 1024
"""The most a post of moved persons may send (a few hundred moves)."""

PERSON_FIELDS = ("given_names", "surname", "named", "side", "sex", "child")
CHOOSE_WHO = N_("Choose someone from the list.")


def meeting_url(case_id: str, form: Any, done: str | None = None) -> str:
    """The meeting page on the view and mode the form came from."""
    view = chosen_view(str(form.get("view") or ""))
    mode = wall_mode(str(form.get("mode") or ""))
    query = {"view": view.value, "mode": mode.value, **({"done": done} if done else {})}
    return f"/cases/{case_id}/meeting?{urlencode(query)}"


# -- moving persons -------------------------------------------------------------------


class MovedPerson(BaseModel):
    model_config = ConfigDict(extra="forbid")

    node: str = Field(pattern=r"^n[0-9]{1,6}$", description="the person's map key")
    x: float = Field(ge=-COORDINATE, le=COORDINATE, allow_inf_nan=False)
    y: float = Field(ge=-COORDINATE, le=COORDINATE, allow_inf_nan=False)


class PositionsPosted(BaseModel):
    model_config = ConfigDict(extra="forbid")

    view: View
    mode: Mode
    stamp: str = Field(pattern=r"^[0-9a-f]{16}$")
    moved: list[MovedPerson] = Field(min_length=1, max_length=MAX_MOVES)


async def _small_body(request: Request, limit: int) -> bytes:
    """The request's body, refused with 413 when it is larger than ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, _too_large(limit))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, _too_large(limit))
    return bytes(body)


_CHANGED = (
    "The map has changed since it was opened (someone was added or removed): "
    "reload it and move the person again."
)


def _too_large(limit: int) -> str:
    return f"A post of moved persons may hold at most {limit // 1024} KiB."


@json_router.post("/cases/{case_id}/map/positions", name="web_map_positions")
async def save_positions(request: Request, scope: Mover, store: StoreDep) -> dict[str, int]:
    body = await _small_body(request, MAX_POSITIONS_BODY)
    try:
        posted = PositionsPosted.model_validate_json(body)
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "body"
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"The moved persons cannot be read ({where})."
        ) from None
    if posted.mode is Mode.work:  # the worker's map draws the wall's positions, moves none
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            "Persons are moved on the wall maps (projection or family mode) only.",
        )
    return await _store_moves(scope.case_id, posted, store)


async def _store_moves(case_id: str, posted: PositionsPosted, store: GraphStore) -> dict[str, int]:
    def work() -> int:
        net, _case = network_of(store, case_id, posted.mode, today=date.today())
        moves = [Move(m.node, m.x, m.y) for m in posted.moved]
        try:
            positions = saved(net, case_id, posted.view, posted.stamp, moves)
        except StaleMap:
            raise HTTPException(status.HTTP_409_CONFLICT, _CHANGED) from None
        except UnknownKey as exc:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT,
                f"Only persons can be moved, and only those on this map: {exc}.",
            ) from None
        try:
            return store.save_positions(positions)
        except (InvalidInput, NotFound):  # someone left the case since the map was read
            raise HTTPException(status.HTTP_409_CONFLICT, _CHANGED) from None

    return {"saved": await run_in_threadpool(work)}


@router.post("/cases/{case_id}/meeting/positions/reset", name="web_reset_positions")
def reset_positions(
    request: Request, scope: Editor, store: StoreDep, trail: TrailDep, form: Form
) -> Response:
    view = chosen_view(str(form.get("view") or ""))
    store.clear_positions(scope.case_id, view.value)
    trail.record(
        audit_event(
            scope.principal, request, "map", scope.case_id, scope.case_id, AuditAction.delete
        )
    )
    return see_other(meeting_url(scope.case_id, form, "positions_reset"))


# -- a person named in the room ----------------------------------------------------------


PROBLEMS: dict[Problem, tuple[str, str]] = {
    Problem.no_name: ("given_names", N_("Fill this in.")),
    Problem.side_missing: ("side", N_("Choose the mother's or the father's side.")),
    Problem.not_family: ("side", N_("This is not family: choose 'not family' as the side.")),
    Problem.sex_missing: ("sex", N_("Choose the sex ('not known' is an answer too).")),
    Problem.sex_contradicts: (
        "sex",
        N_("The word already says the sex: leave it empty or choose the same."),
    ),
}
"""Where the form shows each of the rule's :class:`~tenhands.graph.named.Problem`, and
in which words."""


def checked_named(
    values: dict[str, Any], children: list[str], _: Gettext
) -> tuple[NamedPerson | None, dict[str, str]]:
    """What the form says as a person to add, or the errors by field: the form's own
    (a choice not offered, a text too long), then the rule's
    (:func:`~tenhands.graph.named.problems`)."""
    errors: dict[str, str] = {}
    given, surname = values["given_names"], values["surname"]
    for name, text in (("given_names", given), ("surname", surname)):
        if len(text) > SHORT_TEXT:
            errors[name] = _(TOO_LONG) % {"max": SHORT_TEXT}
    named = Named(values["named"]) if values["named"] in Named.__members__ else None
    if named is None:
        errors["named"] = message(_, "choice")
    side = Side(values["side"]) if values["side"] in SIDES else None
    if values["side"] and side is None:
        errors["side"] = message(_, "choice")
    sex = Sex(values["sex"]) if values["sex"] in SEXES else None
    if values["sex"] and sex is None:
        errors["sex"] = message(_, "choice")
    child = values["child"] or None
    if child is not None and child not in children:
        errors["child"] = message(_, "choice")
    if named is None:
        return None, errors
    person = NamedPerson(
        given_names=given.split(),
        surname=surname or None,
        named=named,
        side=side or Side.none,
        sex=sex,
        child_id=child,
    )
    for problem in problems(person):
        field, said = PROBLEMS[problem]
        errors.setdefault(field, _(said))
    return (None, errors) if errors else (person, {})


@router.post("/cases/{case_id}/meeting/persons", name="web_meeting_add_person")
def add_named_person(
    request: Request, scope: Editor, store: StoreDep, trail: TrailDep, form: Form
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    values = values_of(form, PERSON_FIELDS)
    case = store.get_case(scope.case_id)
    named, errors = checked_named(values, case.child_ids, _)
    if named is None:
        return _form_page(request, scope, store, form, "person", FormState(values, errors))
    try:
        person = add_named(store, scope.case_id, named, principal.login)
    except InvalidInput:  # checked above; the rule says the same
        state = FormState(values, {"": message(_, "invalid")})
        return _form_page(request, scope, store, form, "person", state)
    trail.record(
        audit_event(principal, request, "person", person.id, scope.case_id, AuditAction.create),
        audit_event(principal, request, "role", person.id, scope.case_id, AuditAction.create),
    )
    return see_other(meeting_url(scope.case_id, form, "person_named"))


# -- engagement -------------------------------------------------------------------------


@router.post("/cases/{case_id}/meeting/engagement", name="web_meeting_engagement")
def mark_engagement(
    request: Request, scope: Editor, store: StoreDep, trail: TrailDep, form: Form
) -> Response:
    principal = scope.principal
    _ = translations(principal.user.lang).gettext
    values = values_of(form, ("person_id", "engagement"))
    errors: dict[str, str] = {}
    allowed = {pid for pid, _name in markable(store, scope.case_id)}
    if values["person_id"] not in allowed:
        errors["person_id"] = _(CHOOSE_WHO)
    if values["engagement"] not in ENGAGEMENTS:
        errors["engagement"] = message(_, "choice")
    if errors:
        return _form_page(request, scope, store, form, "engagement", FormState(values, errors))
    person_id, engagement = values["person_id"], Engagement(values["engagement"])

    def work(unit: GraphStore) -> NetworkRole:
        unit.hold("role", f"{scope.case_id}/{person_id}")
        role = unit.get_role(scope.case_id, person_id)
        if kept_away(role):  # changed since the list was read: never from the wall
            raise NotFound("network role", f"{scope.case_id}/{person_id}")
        return unit.set_role(
            role.model_copy(
                update={
                    "engagement": engagement,
                    "provenance": role.provenance.touched(principal.login),
                }
            )
        )

    store.atomic(work)
    trail.record(
        audit_event(principal, request, "role", person_id, scope.case_id, AuditAction.update)
    )
    return see_other(meeting_url(scope.case_id, form, "engagement_marked"))


def _form_page(
    request: Request, scope: CaseScope, store: GraphStore, form: Any, which: str, state: FormState
) -> Response:
    """The form again, on a page of its own, with what to correct (nothing was stored)."""
    case = store.get_case(scope.case_id)
    return render(
        request,
        "meeting_live_form.html",
        principal=scope.principal,
        case=case,
        which=which,
        form=state,
        live=live_tools(store, scope),
        view=chosen_view(str(form.get("view") or "")).value,
        mode=wall_mode(str(form.get("mode") or "")).value,
        back=meeting_url(scope.case_id, form),
        status=422,
    )
