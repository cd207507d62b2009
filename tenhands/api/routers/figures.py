"""A case's network strength figures (``GET /cases/{case_id}/figures``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...graph.figures import case_figures
from ..auth.deps import CaseScope, case_access
from ..deps import CaseIdPath, SettingsDep, StoreDep
from ..errors import COMMON_RESPONSES, NOT_FOUND
from ..schemas.figures import CaseFiguresPublic

router = APIRouter(prefix="/cases", tags=["cases"], responses={**COMMON_RESPONSES, **NOT_FOUND})

StaleWeeks = Annotated[
    int | None,
    Query(
        ge=1,
        le=104,
        description="weeks without contact after which an active member is listed as a "
        "stale contact (default: the service's setting, TENHANDS_STALE_WEEKS)",
    ),
]


@router.get(
    "/{case_id}/figures",
    summary="A case's network strength figures",
    description="Ten hands and eyes (committed adults against the case's goal, and the "
    "plan's goals their tasks serve), the balance of the network (each side of the "
    "family, informal and professional), the family-finding funnel and where people drop "
    "out, stale contacts, who named whom, and each participant's safety scale across the "
    "plan versions. Persons are named by id; `standing` says where each one stands.",
)
def get_case_figures(
    case_id: CaseIdPath,
    store: StoreDep,
    settings: SettingsDep,
    _: Annotated[CaseScope, case_access(entity="figures")],
    stale_weeks: StaleWeeks = None,
) -> CaseFiguresPublic:
    weeks = settings.stale_weeks if stale_weeks is None else stale_weeks
    return CaseFiguresPublic.of(case_figures(store, case_id, stale_weeks=weeks))
