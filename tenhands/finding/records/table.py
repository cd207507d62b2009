"""What a reader makes of a record file (a :class:`Table`), and how large it may be.

Every reader (CSV, JSON Lines, Excel) counts what it reads against the same limits, so
no file makes the service read without end or hold more than a few hundred megabytes:
a file over a limit is refused whole with :class:`ReadError`, a sentence that says
which limit and how to get under it.

:data:`MAX_ROWS` rows, :data:`MAX_COLUMNS` columns, :data:`MAX_CELLS` cells in all.

>>> tally = Tally()
>>> tally.row(2, 3)
>>> tally.row(3, MAX_COLUMNS + 1)
Traceback (most recent call last):
...
tenhands.finding.records.table.ReadError: row 3 has 501 columns; at most 500 are read
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .values import Cell

MAX_ROWS = 200_000
"""Data rows read from one file: a registry extract of a region, twice over."""
MAX_COLUMNS = 500
"""Columns of one row (a header of 500 columns is far beyond any record file)."""
MAX_CELLS = 2_000_000
"""Cells read from one file, counted up to each row's last value: 100,000 rows of 20."""


class FileFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    xlsx = "xlsx"


class ReadError(ValueError):
    """The file cannot be read as a table at all (the message is a sentence)."""


@dataclass(slots=True)
class Table:
    """A file's header and its rows, each with the row number the user sees in the file
    (the header is row 1 of a CSV or sheet; a JSON Lines row is its line number)."""

    format: FileFormat
    headers: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    problems: list[tuple[int, str]] = field(default_factory=list)
    """Rows that could not be read at all: (row number, sentence)."""


@dataclass(slots=True)
class Tally:
    """Rows and cells read so far; :class:`ReadError` once a file goes over a limit."""

    rows: int = 0
    cells: int = 0

    def row(self, number: int, width: int) -> None:
        """Count one row (the header too) of ``width`` cells, numbered ``number`` in the file."""
        if width > MAX_COLUMNS:
            raise ReadError(f"row {number} has {width} columns; at most {MAX_COLUMNS} are read")
        self.rows += 1
        self.cells += width
        if self.rows > MAX_ROWS + 1:  # the header is not a data row
            raise ReadError(
                f"the file has more than {MAX_ROWS:,} rows; split it into files of fewer rows"
            )
        if self.cells > MAX_CELLS:
            raise ReadError(
                f"the file has more than {MAX_CELLS:,} cells (by row {number}); split it into "
                "smaller files"
            )
