"""Person records from outside files (CSV, JSON Lines, Excel) into the store, with their source."""

from __future__ import annotations

from .columns import CANONICAL, ColumnMappingError, resolve_headers
from .importer import RecordImport, RecordProblem, RecordRead, import_records, read_records

__all__ = [
    "CANONICAL",
    "ColumnMappingError",
    "RecordImport",
    "RecordProblem",
    "RecordRead",
    "import_records",
    "read_records",
    "resolve_headers",
]
