"""The closure handout (``GET /cases/{case_id}/handout``): a page to print, or its PDF.

When professional help ends, everyone in the network gets it: who is there for the
children, what each agreed to be and do, and how to reach each other (only what each
person agreed to share; see :mod:`tenhands.viz.handout.gather`).
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ...viz.export import ExportError
from ...viz.handout import build_handout, handout_pdf, render_handout_html
from ..auth.deps import CaseScope, case_access
from ..deps import CaseIdPath, StoreDep
from ..errors import COMMON_RESPONSES, NOT_FOUND, ErrorBody, sentence
from ..language import MapLangDep

log = logging.getLogger("tenhands.api")

router = APIRouter(prefix="/cases", tags=["handout"], responses=COMMON_RESPONSES)


class HandoutFormat(StrEnum):
    html = "html"
    """A page to read on screen or print (A4)."""
    pdf = "pdf"
    """An A4 PDF, printed by headless Chromium."""


@router.get(
    "/{case_id}/handout",
    summary="The closure handout: who is there for the children, and how to reach them",
    description="A plain-language page for everyone in the network when professional help "
    "ends: the network members who are engaged, committed or do a task of the current "
    "plan, what they are to the children, the role they agreed to, their tasks, and only "
    "the contact details each agreed to share; professional help asked; whom to call "
    "when worried; the Flemish helplines (1712, 102, 112); the next review. Persons who "
    "are not safe, may not be contacted, have a violence or contact-restriction flag, "
    "declined, are confidential or have died are never on it. `format=html` (default) "
    "gives a self-contained page, one A4 page when printed for a typical network; a "
    "network too big for one page runs over more pages and the page says so at its top "
    "(the text is never made smaller than 10 pt). `format=pdf` gives it as a tagged PDF "
    "(structure tree, language, title; 503 when the service has no Chromium to print "
    "with).",
    response_class=HTMLResponse,
    responses={
        **NOT_FOUND,
        200: {"content": {"text/html": {}, "application/pdf": {}}},
        503: {
            "model": ErrorBody,
            "description": "The PDF cannot be made here (no Chromium), or the store does "
            "not answer",
        },
    },
)
def case_handout(
    case_id: CaseIdPath,
    store: StoreDep,
    lang: MapLangDep,
    _: Annotated[CaseScope, case_access(entity="handout")],
    fmt: Annotated[
        HandoutFormat, Query(alias="format", description="html (a page) or pdf")
    ] = HandoutFormat.html,
) -> Response:
    html = render_handout_html(build_handout(store, case_id, lang))
    if fmt is HandoutFormat.html:
        return HTMLResponse(
            html,
            headers={
                **_NO_STORE,
                "Content-Security-Policy": _CSP,
                "Content-Disposition": "inline",
            },
        )
    try:
        pdf = handout_pdf(html)
    except ExportError as exc:
        # The sentence names what is missing or failed, never a person.
        log.warning("GET /cases/{case_id}/handout: no PDF: %s", type(exc).__name__)
        detail = f"{sentence(str(exc))} The page itself (format=html) prints from a browser."
        body = ErrorBody(detail=detail, code="export_unavailable")
        return JSONResponse(body.model_dump(mode="json"), status_code=503, headers=_NO_STORE)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            **_NO_STORE,
            "Content-Disposition": f'attachment; filename="handout-{case_id}-{lang}.pdf"',
        },
    )


_NO_STORE = {"Cache-Control": "no-store"}

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)
"""The page loads nothing and runs no script: its stylesheet is inline; only the
service's own pages may embed it."""
