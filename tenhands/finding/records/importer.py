"""Person records from a CSV, JSON Lines or Excel file into the store, with their source.

A file with problems is reported (row, column, problem) and nothing is stored,
unless the caller asks to skip the bad rows. Problems never quote a cell's value.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ...graph.errors import Conflict, NotFound
from ...graph.model import Provenance, Record, SourceKind, SourceRef
from ...graph.store import GraphStore
from ..bulk import collector_paused
from .columns import ColumnMappingError, Headers, resolve_headers
from .readers import ReadError, read_table
from .values import Cell, cell_text, parse_date, parse_sex

_RAW_ID = re.compile(r"^[A-Za-z0-9_.:@-]{1,69}$")
_ID_RULE = "not usable as an id (letters, digits and _ . : @ - only, at most 69 characters)"
_PARSERS: dict[str, Callable[[Cell], Any]] = {"birth_date": parse_date, "sex": parse_sex}

MAX_PROBLEMS = 1_000
"""Problems listed for one file; past them only their number is told (a file with more
is not the file its sender meant, and the list would not be read anyway)."""


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """One problem: the row as numbered in the file (``None``: the whole file), the
    column as headed in the file, and what is wrong. Never the cell's value."""

    row: int | None
    column: str | None
    problem: str
    fatal: bool = False
    """The whole file is refused, even when bad rows may be skipped."""

    def __str__(self) -> str:
        where = [f"row {self.row}"] if self.row is not None else []
        if self.column is not None:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.problem}" if where else self.problem


@dataclass(slots=True)
class RecordRead:
    """What a file holds: its good records and the problems of the rest."""

    records: list[Record]
    problems: list[RecordProblem]
    rows: int = 0
    """Data rows in the file (good and bad)."""
    format: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    row_of: dict[str, int] = field(default_factory=dict)
    """The file row of each good record, by record id."""

    @property
    def fatal(self) -> bool:
        return any(p.fatal for p in self.problems)


@dataclass(slots=True)
class RecordImport:
    """What an import did: rows read, records stored, rows skipped, and the problems."""

    rows: int
    imported: int
    skipped: int
    problems: list[RecordProblem] = field(default_factory=list)


def file_key(filename: str) -> str:
    """A short stable key of a file name, so two files' row ids do not collide.

    >>> file_key("registry.csv")
    'r-a4e7aca0'
    """
    return "r-" + hashlib.sha1(filename.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]


def record_id(filename: str, raw_id: str) -> str:
    """The stored id of a file's row id."""
    return f"{file_key(filename)}-{raw_id}"


def read_records(
    data: bytes,
    *,
    filename: str,
    mapping: dict[str, str] | None = None,
    case_id: str | None = None,
    source_kind: SourceKind = SourceKind.import_file,
) -> RecordRead:
    """Read a file's rows as records (not stored), with the problems of the bad rows.

    Raises :class:`ColumnMappingError` when ``mapping`` names a column that does not exist.
    """
    if not data.strip():
        return RecordRead([], [RecordProblem(None, None, "the file is empty", fatal=True)])
    try:
        table = read_table(data, filename)
    except ReadError as exc:
        return RecordRead([], [RecordProblem(None, None, str(exc), fatal=True)])
    if not table.headers and not table.rows and not table.problems:
        return RecordRead([], [RecordProblem(None, None, "the file is empty", fatal=True)])
    read = RecordRead([], [], len(table.rows), table.format.value, table.encoding, table.delimiter)
    read.problems.extend(RecordProblem(row, None, text) for row, text in table.problems)
    read.rows += len({row for row, _ in table.problems} - {row for row, _ in table.rows})
    headers = resolve_headers(table.headers, mapping)
    header_row = None if table.format.value == "jsonl" else 1
    for doubled in headers.doubled:
        columns = [n for n, f in zip(headers.names, headers.fields, strict=True) if f == doubled]
        read.problems.append(
            RecordProblem(
                header_row,
                None,
                f"columns {', '.join(repr(c) for c in columns)} all mean {doubled}; keep one",
                fatal=True,
            )
        )
    if "id" not in headers.fields and (table.headers or not table.problems):
        read.problems.append(
            RecordProblem(
                header_row,
                None,
                "no id column: the file needs a column 'id' "
                "(or a mapping such as 'Their header=id')",
                fatal=True,
            )
        )
    if not table.rows and not table.problems:
        read.problems.append(RecordProblem(None, None, "the file has no records", fatal=True))
    if read.fatal:
        return read
    source_name = filename
    first_row_of: dict[str, int] = {}
    unreadable = {row for row, _ in table.problems}
    unlisted = max(0, len(read.problems) - MAX_PROBLEMS)
    del read.problems[MAX_PROBLEMS:]
    with collector_paused():
        for number, cells in table.rows:
            if number in unreadable:
                continue
            record = _record(
                number,
                cells,
                headers,
                source_name,
                source_kind,
                case_id,
                read.problems,
                first_row_of,
            )
            if record is not None:
                read.records.append(record)
                read.row_of[record.id] = number
            if len(read.problems) > MAX_PROBLEMS:
                unlisted += len(read.problems) - MAX_PROBLEMS
                del read.problems[MAX_PROBLEMS:]
    read.problems.sort(key=lambda p: p.row or 0)
    if unlisted:
        read.problems.append(RecordProblem(None, None, f"and {unlisted:,} more problems"))
    return read


def _record(
    number: int,
    cells: Sequence[Cell],
    headers: Headers,
    filename: str,
    source_kind: SourceKind,
    case_id: str | None,
    problems: list[RecordProblem],
    first_row_of: dict[str, int],
) -> Record | None:
    values: dict[str, Any] = {}
    extra: dict[str, str] = {}
    column_of: dict[str, str] = {}
    bad = False
    for index, (name, fld) in enumerate(zip(headers.names, headers.fields, strict=True)):
        cell = cells[index] if index < len(cells) else None
        if fld is None:
            text = cell_text(cell)
            if text is not None and name:
                extra[name] = text
            continue
        column_of[fld] = name
        parse = _PARSERS.get(fld)
        if parse is None:
            text = cell_text(cell)
            if text is not None:
                values[fld] = text
            continue
        if cell_text(cell) is None:
            continue
        try:
            values[fld] = parse(cell)
        except ValueError as exc:
            problems.append(RecordProblem(number, name, f"{fld}: {exc}"))
            bad = True
    for index in range(len(headers.names), len(cells)):
        if cell_text(cells[index]) is not None:
            problems.append(RecordProblem(number, None, "more cells than the header has columns"))
            bad = True
            break
    raw_id = values.pop("id", None)
    id_column = column_of.get("id")
    if raw_id is None:
        problems.append(RecordProblem(number, id_column, "id: empty"))
        return None
    if not _RAW_ID.match(raw_id):
        problems.append(RecordProblem(number, id_column, f"id: {_ID_RULE}"))
        return None
    if raw_id in first_row_of:
        problems.append(
            RecordProblem(number, id_column, f"id: the same id as row {first_row_of[raw_id]}")
        )
        return None
    first_row_of[raw_id] = number
    if bad:
        return None
    try:
        return Record(
            id=record_id(filename, raw_id),
            case_id=case_id,
            extra=extra,
            provenance=Provenance(
                created_by="import",
                source=SourceRef(kind=source_kind, name=filename, ref=raw_id),
            ),
            **values,
        )
    except ValidationError as exc:
        for error in exc.errors(include_input=False, include_url=False):
            loc = [str(part) for part in error["loc"]]
            fld = loc[0] if loc else None
            column = column_of.get(fld or "") or (
                loc[1] if fld == "extra" and len(loc) > 1 else None
            )
            problems.append(RecordProblem(number, column, f"{fld}: {error['msg']}"))
        return None


def import_records(
    store: GraphStore,
    data: bytes,
    *,
    filename: str,
    mapping: dict[str, str] | None = None,
    case_id: str | None = None,
    skip_bad_rows: bool = False,
    source_kind: SourceKind = SourceKind.import_file,
) -> RecordImport:
    """Read a file and store its records in one transaction.

    With any problem nothing is stored, unless ``skip_bad_rows``: then the good rows
    are stored and the bad ones reported. A missing id column, an empty or unreadable
    file always stores nothing. A row whose id was imported before from a file of the
    same name is a problem too. :class:`NotFound` if ``case_id`` names no case;
    :class:`ColumnMappingError` for a mapping onto an unknown column.
    """
    if case_id is not None:
        store.get_case(case_id)
    read = read_records(
        data, filename=filename, mapping=mapping, case_id=case_id, source_kind=source_kind
    )
    problems = list(read.problems)
    records = read.records
    if read.fatal or (problems and not skip_bad_rows):
        if not read.fatal:
            problems.extend(_stored_already(store, read)[0])
            problems.sort(key=lambda p: p.row or 0)
        return RecordImport(read.rows, 0, read.rows, problems)
    try:
        if records:
            with collector_paused():
                store.add_records(records)
    except Conflict:
        taken, taken_ids = _stored_already(store, read)
        problems = sorted(problems + taken, key=lambda p: p.row or 0)
        if not skip_bad_rows:
            return RecordImport(read.rows, 0, read.rows, problems)
        records = [r for r in records if r.id not in taken_ids]
        if records:
            store.add_records(records)
    return RecordImport(read.rows, len(records), read.rows - len(records), problems)


def _stored_already(store: GraphStore, read: RecordRead) -> tuple[list[RecordProblem], set[str]]:
    """Rows whose record id is stored already (looked up one by one: only on the error path)."""
    taken: set[str] = set()
    for record in read.records:
        try:
            store.get_record(record.id)
        except NotFound:
            continue
        taken.add(record.id)
    problems = [
        RecordProblem(
            read.row_of[rid],
            None,
            "id: a record with this id was imported already from a file of this name",
        )
        for rid in taken
    ]
    return problems, taken


__all__ = [
    "ColumnMappingError",
    "RecordImport",
    "RecordProblem",
    "RecordRead",
    "file_key",
    "import_records",
    "read_records",
    "record_id",
]
