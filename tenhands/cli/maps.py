"""``tenhands map CASE_ID``: a case's network map as offline HTML (and PNG)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..viz.scene import Mode, View
from .context import fail, opened_store


def map_command(
    case_id: Annotated[str, typer.Argument(help="Id of the case to draw.")],
    out: Annotated[Path, typer.Option("--out", help="The .html file to write.")],
    view: Annotated[View, typer.Option(help="Which map: " + ", ".join(View) + ".")] = View.ecomap,
    mode: Annotated[
        Mode,
        typer.Option(help="work (full), projection (meeting: nothing private) or family."),
    ] = Mode.work,
    lang: Annotated[str, typer.Option(help="Language of the labels: nl or en.")] = "nl",
    png: Annotated[
        Path | None, typer.Option(help="Also write a PNG for print (needs Chromium).")
    ] = None,
) -> None:
    """Draw a case's network as a self-contained HTML file that works offline."""
    from ..files.private import write_private
    from ..graph.errors import NotFound
    from ..graph.languages import INTERFACE, listed
    from ..viz import build_scene
    from ..viz.export import ExportError, html_to_png
    from ..viz.render import render_html

    if lang not in INTERFACE:
        raise fail(f"unknown language {lang!r}: use {listed(INTERFACE)}", 2)
    with opened_store() as store:
        try:
            scene = build_scene(store, case_id, view, mode, lang)
        except NotFound:
            raise fail(f"there is no case {case_id!r}") from None
    html = render_html(scene)
    try:
        write_private(out, html)
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror}") from None
    typer.echo(
        f"Wrote the {view.value} of case {case_id!r} ({mode.value}, "
        f"{len(scene.people)} persons) to {out}."
    )
    if png is not None:
        try:
            html_to_png(html, png)
        except ExportError as exc:
            raise fail(str(exc)) from None
        except OSError as exc:
            raise fail(f"cannot write {png}: {exc.strerror}") from None
        typer.echo(f"Wrote {png}.")
