"""Ties: ``/ties``. A person's ties are listed under ``/persons/{person_id}/ties``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request, Response, status

from ...graph.errors import NotFound
from ...graph.model import AuditAction, Person, Tie
from ...graph.model.tie import default_basis
from ...graph.plausibility import check_tie_change
from ...graph.store import GraphStore
from ...graph.visibility import require_persons
from ..auth.deps import TrailDep, allowed_to, audit_event
from ..auth.permissions import Permission
from ..auth.principal import Principal
from ..deps import StoreDep, TieIdPath
from ..errors import BAD_JSON, CHECKED, COMMON_RESPONSES, CONFLICT, NOT_FOUND
from ..plausible import ConfirmQuery, require_plausible
from ..schemas.common import build, changed, created
from ..schemas.ties import TieCreate, TiePublic, TieUpdate

router = APIRouter(prefix="/ties", tags=["ties"], responses=COMMON_RESPONSES)

Reader = Annotated[Principal, allowed_to(Permission.read_case)]
Writer = Annotated[Principal, allowed_to(Permission.write_case)]


def _check_ends(principal: Principal, source_id: str, target_id: str) -> None:
    """404 unless the user may see both persons (an unknown person and another case's
    get the same answer)."""
    require_persons(principal, (source_id, target_id))


def _visible_tie(
    store: GraphStore, principal: Principal, tie_id: str, trail: TrailDep, request: Request
) -> Tie:
    """The tie, when the user may see both its persons (else not found, like an unknown
    tie); audited."""
    tie = store.get_tie(tie_id)
    try:
        _check_ends(principal, tie.source_id, tie.target_id)
    except NotFound:
        raise NotFound("tie", tie_id) from None
    trail.record(audit_event(principal, request, "tie", tie.id, None))
    return tie


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Tie two persons",
    description="Both persons must be ones you may see (404 otherwise, and nothing is "
    "stored). A parent less than 12 years older than the child (a grandparent less than "
    "24) is unlikely: refused until sent again with `confirm=true` (422 `unconfirmed`).",
    responses={**BAD_JSON, **NOT_FOUND, **CONFLICT, **CHECKED},
)
def create_tie(
    body: TieCreate,
    store: StoreDep,
    principal: Writer,
    trail: TrailDep,
    request: Request,
    response: Response,
    confirm: ConfirmQuery = False,
) -> TiePublic:
    _check_ends(principal, body.source_id, body.target_id)
    data = created(
        body.model_dump(exclude_unset=True, exclude={"source"}),
        actor=principal.login,
        source=body.source,
    )
    new = build(Tie, data)
    require_plausible(check_tie_change(new, _ends(store, new)), confirm=confirm)
    tie = store.create_tie(new)
    trail.record(audit_event(principal, request, "tie", tie.id, None, AuditAction.create))
    response.headers["Location"] = str(request.url_for("get_tie", tie_id=tie.id))
    return TiePublic.of(tie)


@router.get("/{tie_id}", summary="One tie", responses=NOT_FOUND)
def get_tie(
    tie_id: TieIdPath, store: StoreDep, principal: Reader, trail: TrailDep, request: Request
) -> TiePublic:
    shown = TiePublic.shown(
        _visible_tie(store, principal, tie_id, trail, request), private=principal.private
    )
    if shown is None:  # a confidential tie, for someone who does not read those
        raise NotFound("tie", tie_id)
    return shown


@router.patch(
    "/{tie_id}",
    summary="Change some of a tie's fields",
    description="Checked as when a tie is added; a warning the stored tie already had is "
    "not repeated.",
    responses={**BAD_JSON, **NOT_FOUND, **CHECKED},
)
def update_tie(
    tie_id: TieIdPath,
    body: TieUpdate,
    store: StoreDep,
    principal: Writer,
    trail: TrailDep,
    request: Request,
    confirm: ConfirmQuery = False,
) -> TiePublic:
    stored = _visible_tie(store, principal, tie_id, trail, request)
    changes = body.model_dump(exclude_unset=True)
    if "kind" in changes and "basis" not in changes and stored.basis is default_basis(stored.kind):
        changes["basis"] = None  # the new kind's default
    tie = changed(stored, changes, actor=principal.login)
    require_plausible(check_tie_change(tie, _ends(store, tie), stored), confirm=confirm)
    return TiePublic.of(store.update_tie(tie))


def _ends(store: GraphStore, tie: Tie) -> dict[str, Person]:
    """The tie's two persons, by id."""
    return {p.id: p for p in store.get_persons([tie.source_id, tie.target_id])}


@router.delete(
    "/{tie_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a tie",
    responses=NOT_FOUND,
)
def delete_tie(
    tie_id: TieIdPath, store: StoreDep, principal: Writer, trail: TrailDep, request: Request
) -> None:
    _visible_tie(store, principal, tie_id, trail, request)
    store.delete_tie(tie_id)
