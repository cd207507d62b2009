"""Person records from outside files (CSV, JSON Lines, Excel) into the store, with their source."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .columns import CANONICAL, ColumnMappingError, resolve_headers

if TYPE_CHECKING:
    from .importer import RecordImport, RecordProblem, RecordRead, import_records, read_records

_IMPORTER = ("RecordImport", "RecordProblem", "RecordRead", "import_records", "read_records")

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


def __getattr__(name: str) -> Any:
    """The importer (and the normalisers and store it needs) is imported when first used,
    so the command line can read :data:`CANONICAL` at once."""
    if name in _IMPORTER:
        from . import importer

        return getattr(importer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
