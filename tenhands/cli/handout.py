"""``tenhands handout CASE_ID``: the closure handout as a page to print (or a PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .context import fail, opened_store
from .subject import cli_actor


def handout_command(
    case_id: Annotated[str, typer.Argument(help="Id of the case.")],
    lang: Annotated[str, typer.Option(help="Language of the handout: nl or en.")] = "nl",
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Write an A4 PDF (needs Chromium) instead of HTML.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="The file to write (default: handout-CASE_ID.html or .pdf here)."
        ),
    ] = None,
) -> None:
    """Write the closure handout: who is there for the children, what each agreed to,
    and how to reach each other (only what each person agreed to share)."""
    from ..files.private import write_private
    from ..graph.errors import NotFound
    from ..graph.languages import INTERFACE
    from ..graph.languages import listed as said
    from ..graph.model import AuditAction, AuditEvent
    from ..viz.export import ExportError
    from ..viz.handout import build_handout, handout_pdf, render_handout_html

    if lang not in INTERFACE:
        raise fail(f"unknown language {lang!r}: use {said(INTERFACE)}", 2)
    out = out or Path(f"handout-{case_id}.{'pdf' if pdf else 'html'}")
    with opened_store() as store:
        try:
            handout = build_handout(store, case_id, lang)
        except NotFound:
            raise fail(f"there is no case {case_id!r}") from None
        store.append_audit(
            AuditEvent(
                actor=cli_actor(), action=AuditAction.export, entity="handout",
                entity_id=case_id, case_id=case_id, detail="handout",
            )
        )  # fmt: skip
    html = render_handout_html(handout)
    if pdf:
        try:
            data = handout_pdf(html)
        except ExportError as exc:
            raise fail(str(exc)) from None
    try:
        write_private(out, data if pdf else html)
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror}") from None
    listed = len(handout.people) + len(handout.professionals)
    typer.echo(
        f"Wrote the closure handout of case {case_id!r} ({lang}, {listed} persons) to {out}."
    )
