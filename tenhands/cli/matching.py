"""Record linkage on the command line: match (link two files) and dedupe (one file).

The CSV files written are for their owner only (0600) and hold no cell a spreadsheet
would run as a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..files.csv_cells import safe_row
from ..files.private import write_private
from .context import fail

if TYPE_CHECKING:
    from ..finding.matching import Links

Rows = list[dict[str, str | None]]


def _read(file: Path) -> Rows:
    try:
        with file.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "id" not in reader.fieldnames:
                raise fail(f"{file.name} has no 'id' column")
            rows: Rows = [dict(row) for row in reader]
    except OSError as exc:
        raise fail(f"cannot read {file}: {exc.strerror}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise fail(f"{file.name} is not a UTF-8 CSV file: {exc}") from None
    ids = [row.get("id") or "" for row in rows]
    if "" in ids:
        raise fail(f"{file.name}: row {ids.index('') + 2} has no id")
    if len(set(ids)) != len(ids):
        raise fail(f"{file.name}: the ids are not unique")
    return rows


def _write(out: Path, header: list[str], rows: list[list[str]]) -> None:
    """The CSV file, 0600, with no cell a spreadsheet would run as a formula (the ids
    come from the files read)."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in rows)
    try:
        write_private(out, text.getvalue())
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror}") from None


def _explained(
    links: Links, threshold: float, one_to_one: bool
) -> tuple[list[str], list[list[str]]]:
    fields = [c.field for c in links.model.comparisons]
    header = ["left_id", "right_id", "probability", "match_weight"]
    for name in fields:
        header += [f"{name}_level", f"{name}_weight"]
    header += ["kept_apart", "kept_apart_weight"]
    rows = []
    for k in links.above(threshold, one_to_one=one_to_one).tolist():
        left_id, right_id = links.ids(k)
        row = [left_id, right_id, f"{links.probabilities[k]:.6f}", f"{links.weights[k]:.3f}"]
        evidence = links.explain(k)[1:]
        for e in evidence[: len(fields)]:
            row += [e.level, f"{e.weight:.3f}"]
        apart = evidence[len(fields) :]
        row += [apart[0].level, f"{apart[0].weight:.3f}"] if apart else ["", ""]
        rows.append(row)
    return header, rows


def match_command(
    left: Annotated[Path, typer.Argument(help="CSV of person records, with an id column.")],
    right: Annotated[Path, typer.Argument(help="A second such CSV to link with the first.")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the scored pairs (CSV).")],
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Lowest match probability written.")
    ] = 0.5,
    one_to_one: Annotated[
        bool,
        typer.Option(help="Keep a pair only if each record is the other's best candidate."),
    ] = False,
) -> None:
    """Link two files of person records, without labels; write the probable pairs with
    the reasons (level and weight per field)."""
    from ..finding.matching import link

    left_rows, right_rows = _read(left), _read(right)
    links = link(left_rows, right_rows)
    header, rows = _explained(links, threshold, one_to_one)
    _write(out, header, rows)
    typer.echo(f"{len(rows)} pairs at probability ≥ {threshold:g} written to {out}")


def dedupe_command(
    file: Annotated[Path, typer.Argument(help="CSV of person records, with an id column.")],
    out: Annotated[Path, typer.Option("--out", help="Where to write id,cluster_id (CSV).")],
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Match probability that joins two records.")
    ] = 0.5,
) -> None:
    """Find the records in one file that are probably the same person; write a cluster
    number per record."""
    from ..finding.matching import dedupe

    rows = _read(file)
    links, labels = dedupe(rows, threshold=threshold)
    ids = links.left.ids
    _write(out, ["id", "cluster_id"], [[i, str(c)] for i, c in zip(ids, labels, strict=True)])
    typer.echo(f"{len(ids)} records in {len(set(labels))} clusters written to {out}")
