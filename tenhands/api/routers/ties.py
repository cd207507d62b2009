"""Ties: ``/ties``. A person's ties are listed under ``/persons/{person_id}/ties``."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from ...graph.model import Tie
from ...graph.model.tie import default_basis
from ..deps import ActorDep, StoreDep, TieIdPath
from ..errors import BAD_JSON, COMMON_RESPONSES, CONFLICT, NOT_FOUND
from ..schemas.common import build, changed, created
from ..schemas.ties import TieCreate, TiePublic, TieUpdate

router = APIRouter(prefix="/ties", tags=["ties"], responses=COMMON_RESPONSES)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Tie two persons",
    description="Both persons must be stored (404 otherwise, and nothing is stored).",
    responses={**BAD_JSON, **NOT_FOUND, **CONFLICT},
)
def create_tie(
    body: TieCreate, store: StoreDep, actor: ActorDep, request: Request, response: Response
) -> TiePublic:
    data = created(
        body.model_dump(exclude_unset=True, exclude={"source"}), actor=actor, source=body.source
    )
    tie = store.create_tie(build(Tie, data))
    response.headers["Location"] = str(request.url_for("get_tie", tie_id=tie.id))
    return TiePublic.of(tie)


@router.get("/{tie_id}", summary="One tie", responses=NOT_FOUND)
def get_tie(tie_id: TieIdPath, store: StoreDep) -> TiePublic:
    return TiePublic.of(store.get_tie(tie_id))


@router.patch(
    "/{tie_id}", summary="Change some of a tie's fields", responses={**BAD_JSON, **NOT_FOUND}
)
def update_tie(tie_id: TieIdPath, body: TieUpdate, store: StoreDep, actor: ActorDep) -> TiePublic:
    stored = store.get_tie(tie_id)
    changes = body.model_dump(exclude_unset=True)
    if "kind" in changes and "basis" not in changes and stored.basis is default_basis(stored.kind):
        changes["basis"] = None  # the new kind's default
    return TiePublic.of(store.update_tie(changed(stored, changes, actor=actor)))


@router.delete(
    "/{tie_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a tie",
    responses=NOT_FOUND,
)
def delete_tie(tie_id: TieIdPath, store: StoreDep) -> None:
    store.delete_tie(tie_id)
