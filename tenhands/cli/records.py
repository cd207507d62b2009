"""Outside person records on the command line: import-records."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..finding.records.columns import CANONICAL, ColumnMappingError, check_mapping
from .context import fail, opened_store, read_input

if TYPE_CHECKING:
    from ..finding.records import RecordProblem

SHOWN_PROBLEMS = 20

MAX_FILE_MIB = 256
"""Larger record files are refused; a file of 200,000 rows (the most read) is far smaller."""


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """``["Naam kind=given_names", …]`` as a mapping; a sentence and exit 2 if malformed."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        theirs, sep, ours = pair.rpartition("=")
        if not sep or not theirs.strip() or not ours.strip():
            raise fail(f"--map {pair!r} is not of the form 'Their header=column'", 2)
        mapping[theirs.strip()] = ours.strip()
    try:
        check_mapping(mapping)
    except ColumnMappingError as exc:
        raise fail(str(exc), 2) from None
    return mapping


def import_records_command(
    file: Annotated[Path, typer.Argument(help="A CSV, JSON Lines (.jsonl) or Excel (.xlsx) file.")],
    case: Annotated[
        str | None, typer.Option("--case", help="The case the records are gathered for.")
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="'Their header=column' (repeatable); columns: " + ", ".join(CANONICAL) + ".",
        ),
    ] = None,
    skip_bad_rows: Annotated[
        bool, typer.Option("--skip-bad-rows", help="Import the good rows; report the bad ones.")
    ] = False,
) -> None:
    """Import person records; a file with problems is refused whole unless --skip-bad-rows."""
    columns = parse_mapping(mapping or [])
    data = read_input(file, MAX_FILE_MIB)
    from ..finding.records import import_records

    with opened_store() as store:
        report = import_records(
            store,
            data,
            filename=file.name,
            mapping=columns,
            case_id=case,
            skip_bad_rows=skip_bad_rows,
        )
    if report.imported == 0 and report.problems:
        _show_problems(report.problems, err=True)
        hint = (
            "" if skip_bad_rows else " (fix them, or use --skip-bad-rows to import the good rows)"
        )
        raise fail(f"{file.name} has {len(report.problems)} problems; nothing was imported{hint}")
    typer.echo(
        f"Imported {report.imported} of {report.rows} records from {file.name}"
        + (f" into case {case!r}" if case else "")
        + f"; {_count(report.skipped, 'row')} skipped, {_count(len(report.problems), 'problem')}."
    )
    _show_problems(report.problems, err=False)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _show_problems(problems: Sequence[RecordProblem], *, err: bool) -> None:
    for problem in problems[:SHOWN_PROBLEMS]:
        typer.echo(f"  {problem}", err=err)
    more = len(problems) - SHOWN_PROBLEMS
    if more > 0:
        typer.echo(f"  … and {more} more", err=err)
