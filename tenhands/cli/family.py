"""Family trees and relationships on the command line: import-gedcom, export-gedcom, relation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..graph.languages import Lang
from .context import fail, opened_store, read_input

if TYPE_CHECKING:
    from ..graph.model import Person
    from ..graph.store import GraphStore

SHOWN_PROBLEMS = 20

MAX_GEDCOM_MIB = 256
"""Larger family-tree files are refused; the 2,000,000 lines read at most take less."""


def import_gedcom_command(
    file: Annotated[Path, typer.Argument(help="A GEDCOM 5.5/5.5.1 file.")],
    case: Annotated[
        str | None, typer.Option("--case", help="Add the persons to this case's network.")
    ] = None,
    keep_valid: Annotated[
        bool, typer.Option(help="Import what is valid; report and skip the rest.")
    ] = False,
) -> None:
    """Import a family tree; a file with broken records is refused whole unless --keep-valid."""
    from ..finding.gedcom import GedcomError, import_gedcom
    from ..graph.visibility import EVERYTHING

    data = read_input(file, MAX_GEDCOM_MIB)
    with opened_store() as store:
        try:
            report = import_gedcom(
                store,
                data,
                source_name=file.name,
                case_id=case,
                keep_valid=keep_valid,
                viewer=EVERYTHING,  # the operator sees every case
            )
        except GedcomError as exc:
            for problem in exc.problems[:SHOWN_PROBLEMS]:
                typer.echo(f"  {problem}", err=True)
            more = len(exc.problems) - SHOWN_PROBLEMS
            if more > 0:
                typer.echo(f"  … and {more} more", err=True)
            raise fail(
                f"{file.name} has {len(exc.problems)} problems; nothing was imported "
                "(fix them, or use --keep-valid to import what is valid)"
            ) from None
    typer.echo(
        f"Imported {report.persons} persons and {report.ties} ties from {file.name}"
        + (f" into case {case!r}" if case else "")
        + f"; {len(report.warnings)} warnings."
    )
    for warning in report.warnings[:SHOWN_PROBLEMS]:
        typer.echo(f"  {warning}")
    if len(report.warnings) > SHOWN_PROBLEMS:
        typer.echo(f"  … and {len(report.warnings) - SHOWN_PROBLEMS} more")


def export_gedcom_command(
    out: Annotated[Path, typer.Argument(help="The .ged file to write.")],
    case: Annotated[str, typer.Option("--case", help="Id of the case to export.")],
    hide_living: Annotated[
        bool, typer.Option(help="Keep only a placeholder name and sex of living persons.")
    ] = False,
) -> None:
    """Write a case's network as a GEDCOM 5.5.1 file."""
    from ..files.private import write_private
    from ..finding.gedcom import export_case_gedcom

    with opened_store() as store:
        text = export_case_gedcom(store, case, hide_living=hide_living)
    try:
        write_private(out, text)
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror}") from None
    count = sum(1 for line in text.splitlines() if line.startswith("0 @") and "INDI" in line)
    typer.echo(f"Wrote case {case!r} to {out}: {count} persons.")


def resolve_person(store: GraphStore, ref: str) -> Person:
    """A person by TenHands id, or by the GEDCOM xref (``@I35@``) it was imported with."""
    from ..graph.errors import NotFound

    try:
        return store.get_person(ref)
    except NotFound:
        pass
    xref = ref if ref.startswith("@") else f"@{ref}@"
    found = store.find_persons_by_source(xref)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        names = ", ".join(sorted({p.provenance.source.name or "?" for p in found}))
        raise fail(
            f"{ref} was imported from {len(found)} files ({names}): use the TenHands id "
            f"({', '.join(p.id for p in found[:5])})"
        )
    raise fail(f"no person with id or GEDCOM reference {ref!r}")


def relation_command(
    from_ref: Annotated[str, typer.Argument(metavar="FROM", help="Id or GEDCOM xref.")],
    to_ref: Annotated[str, typer.Argument(metavar="TO", help="Id or GEDCOM xref.")],
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the words.")] = "nl",
    as_json: Annotated[bool, typer.Option("--json", help="Print the structured result.")] = False,
) -> None:
    """Say what TO is to FROM (such as grootvader, paternal side)."""
    from ..graph.kinship import relate
    from ..graph.network import surroundings

    with opened_store() as store:
        source = resolve_person(store, from_ref)
        target = resolve_person(store, to_ref)
        graph = surroundings(store, [source.id])
    rel = relate(graph, source.id, target.id) if target.id in graph else None
    if as_json:
        typer.echo(json.dumps(rel.to_json() if rel else {"related": False}, ensure_ascii=False))
        return
    if rel is None or not rel.related:
        typer.echo(f"{target.display_name} is not related to {source.display_name} by kinship.")
        return
    side = rel.to_json().get("side")
    typer.echo(f"{rel.words(lang)}" + (f" ({side})" if side and side != "none" else ""))
