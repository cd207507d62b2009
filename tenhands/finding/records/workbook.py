"""The first sheet of an Excel workbook (.xlsx) as a table, read within limits.

An .xlsx file is a zip archive of XML documents, read here by openpyxl. A small file
can unpack to gigabytes, declare a sheet of 17 billion cells, or define XML entities
that expand without end, so before openpyxl opens anything:

1. **The archive** is checked from its directory alone: at most :data:`MAX_MEMBERS`
   files, :data:`MAX_UNZIPPED` bytes unpacked in all, and no file packed more than
   :data:`MAX_RATIO` to one (a zip bomb). Python's zipfile holds each file to the size
   the directory states.
2. **Every XML document** is read once with expat, which builds nothing: no DTD (so no
   entity can expand), elements nested at most :data:`MAX_DEPTH` deep, each row (and
   each shared string) at most :data:`MAX_ROW_XML` bytes, row numbers within Excel's
   1,048,576, and what openpyxl keeps while it reads (the elements outside rows and
   shared strings) at most :data:`MAX_KEPT_ELEMENTS` elements and :data:`MAX_KEPT_XML`
   bytes, the shared strings at most :data:`MAX_STRINGS_XML` bytes.
3. **While openpyxl reads the first sheet**, the size the sheet declares (its
   ``<dimension>``) is ignored, rows, columns and cells count against the limits of
   :mod:`.table`, and the whole read must end within :data:`MAX_SECONDS`.

Each refusal is a :class:`~.table.ReadError` with a sentence.
"""

from __future__ import annotations

import codecs
import io
import struct
import time
import zipfile
from datetime import date
from datetime import time as clock_time
from decimal import Decimal
from xml.parsers import expat

from .table import MAX_COLUMNS, MAX_ROWS, FileFormat, ReadError, Table, Tally
from .values import Cell

MIB = 1024 * 1024

MAX_MEMBERS = 1_000
"""Files in the archive (a workbook of a few sheets has some 15)."""
MAX_DIRECTORY = 1 * MIB
"""Bytes of the archive's directory (which zipfile reads whole before anything else)."""
MAX_UNZIPPED = 160 * MIB
"""Bytes of all files unpacked: 100,000 rows of 20 columns take some 100 MiB of XML."""
MAX_RATIO = 100
"""How far one file of over :data:`RATIO_FLOOR` bytes may be packed (sheets: 5 to 30)."""
RATIO_FLOOR = 1 * MIB
MAX_DEPTH = 64
"""Elements nested in an XML document (a sheet nests about 6 deep)."""
MAX_ROW_XML = 1 * MIB
"""Bytes of XML of one row, or one shared string."""
MAX_KEPT_ELEMENTS = 1_000_000
"""Elements outside rows and shared strings (rows and shared strings themselves included),
which openpyxl keeps in memory while it reads a document."""
MAX_KEPT_XML = 32 * MIB
"""Bytes of XML outside rows and shared strings: styles, column widths, links, merged cells."""
MAX_STRINGS_XML = 64 * MIB
"""Bytes of XML of the shared strings, which openpyxl holds in memory all at once."""
MAX_SECONDS = 120.0
"""Time to read a workbook: 100,000 rows of 12 columns take well under a minute, also on
a busy two-core server."""
MAX_SPREAD = 50_000_000
"""Cells of the first sheet counted with the empty ones before each row's last cell
(openpyxl fills them in); a few seconds of work at most."""
EXCEL_ROWS = 1_048_576
"""The last row number Excel allows."""

_CHUNK = 64 * 1024
_RECORDS = frozenset({"row", "si"})
"""Elements whose content openpyxl lets go of once read: a sheet's rows, shared strings."""
_NOT_READABLE = "the file is not a readable Excel workbook (.xlsx)"


def read_xlsx(data: bytes) -> Table:
    """The first sheet as a table; :class:`ReadError` if it cannot be read within limits."""
    deadline = time.monotonic() + MAX_SECONDS
    archive = _archive(data)
    try:
        scan = _Scan(deadline)
        for member in archive.infolist():
            scan.member(archive, member)
    except ReadError:
        raise
    except Exception:  # a broken file, found while unpacking or parsing
        raise ReadError(_NOT_READABLE) from None
    finally:
        archive.close()
    return _first_sheet(data, deadline)


def _archive(data: bytes) -> zipfile.ZipFile:
    """The archive, once its directory shows nothing too large or packed too far."""
    _check_directory(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ReadError(_NOT_READABLE) from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        archive.close()
        raise ReadError(f"the workbook holds more than {MAX_MEMBERS:,} files")
    unzipped = sum(m.file_size for m in members)
    if unzipped > MAX_UNZIPPED:
        archive.close()
        raise ReadError(
            f"the workbook unpacks to more than {MAX_UNZIPPED // MIB} MiB; split it into "
            "smaller files"
        )
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            archive.close()
            raise ReadError(
                f"a file in the workbook is packed more than {MAX_RATIO} to 1, which no "
                "spreadsheet needs; it is not read"
            )
    return archive


_END = struct.Struct("<4s4H2LH")
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")


def _check_directory(data: bytes) -> None:
    """The size of the zip directory, from its end record, before zipfile reads it whole."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - _END.size - 0xFFFF))
    if at < 0 or at + _END.size > len(data):
        raise ReadError(_NOT_READABLE)
    _, _, _, _, entries, size, offset, _ = _END.unpack_from(data, at)
    if entries == 0xFFFF or 0xFFFFFFFF in (size, offset):  # ZIP64: the sizes are elsewhere
        locator = at - _END64_LOCATOR.size
        if locator < 0 or data[locator : locator + 4] != b"PK\x06\x07":
            raise ReadError(_NOT_READABLE)
        where = _END64_LOCATOR.unpack_from(data, locator)[2]
        if where + _END64.size > len(data) or data[where : where + 4] != b"PK\x06\x06":
            raise ReadError(_NOT_READABLE)
        entries, size = _END64.unpack_from(data, where)[7:9]
    if entries > MAX_MEMBERS or size > MAX_DIRECTORY:
        raise ReadError(f"the workbook holds more than {MAX_MEMBERS:,} files")


class _Scan:
    """Every XML document of an archive read with expat, counting what openpyxl will keep."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.kept_elements = 0
        self.kept_bytes = 0
        self.strings_bytes = 0
        self._parser: expat.XMLParserType | None = None
        self._depth = 0
        self._record_depth = 0  # depth of the row or shared string being read, 0: none
        self._record_start = 0
        self._record_bytes = 0  # bytes inside rows and shared strings of this document
        self._rows = 0  # rows with cells in this document
        self._cells = False  # whether the row being read has a cell

    def member(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        if info.is_dir() or info.file_size == 0:
            return
        with archive.open(info) as source:
            chunk = source.read(_CHUNK)
            if not _looks_like_xml(chunk):
                return  # a picture or another binary part: openpyxl does not parse it
            parser = expat.ParserCreate()
            parser.StartDoctypeDeclHandler = self._doctype
            parser.StartElementHandler = self._start
            parser.EndElementHandler = self._end
            self._parser, self._depth, self._record_depth = parser, 0, 0
            self._record_bytes = self._rows = 0
            fed = 0
            while chunk:
                parser.Parse(chunk, False)
                fed += len(chunk)
                self._check(fed)
                chunk = source.read(_CHUNK)
            parser.Parse(b"", True)
            self._check(fed)
            self.kept_bytes += fed - self._record_bytes
            self._parser = None

    def _check(self, fed: int) -> None:
        if time.monotonic() > self.deadline:
            raise ReadError(f"the workbook cannot be read within {MAX_SECONDS:g} seconds")
        open_record = fed - self._record_start if self._record_depth else 0
        if open_record > MAX_ROW_XML:
            raise self._record_too_large()
        if self.kept_bytes + fed - self._record_bytes - open_record > MAX_KEPT_XML:
            raise ReadError(
                f"the workbook holds more than {MAX_KEPT_XML // MIB} MiB besides its rows "
                "and texts (styles, links, merged cells); it is not read"
            )

    def _where(self) -> int:
        assert self._parser is not None
        return self._parser.CurrentByteIndex

    def _doctype(self, *_: object) -> None:
        raise ReadError(
            "the workbook declares a DTD (XML entities), which spreadsheets do not use; "
            "it is not read"
        )

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise ReadError(f"the workbook nests XML more than {MAX_DEPTH} deep; it is not read")
        if self._record_depth:
            if self._where() - self._record_start > MAX_ROW_XML:
                raise self._record_too_large()
            self._cells = True
            return
        self.kept_elements += 1
        if self.kept_elements > MAX_KEPT_ELEMENTS:
            raise ReadError(
                f"the workbook holds more than {MAX_KEPT_ELEMENTS:,} rows, texts and other "
                "parts; split it into smaller files"
            )
        local = name.rpartition(":")[2]
        if local in _RECORDS:
            self._record_depth = self._depth
            self._cells = False
            self._record_start = self._where()
            number = attrs.get("r", "") if local == "row" else ""
            if number and (len(number) > 7 or not number.isdigit() or int(number) > EXCEL_ROWS):
                raise ReadError(f"a row of the workbook is numbered beyond {EXCEL_ROWS:,}")

    def _end(self, name: str) -> None:
        if self._depth == self._record_depth:
            size = self._where() - self._record_start
            if size > MAX_ROW_XML:
                raise self._record_too_large()
            self._record_bytes += size
            local = name.rpartition(":")[2]
            if local == "row" and self._cells:
                self._rows += 1
                if self._rows > MAX_ROWS + 1:  # and a header
                    raise ReadError(
                        f"a sheet of the workbook has more than {MAX_ROWS:,} rows (empty rows "
                        "with a format included); delete the empty rows or split the file"
                    )
            if local == "si":
                self.strings_bytes += size
                if self.strings_bytes > MAX_STRINGS_XML:
                    raise ReadError(
                        f"the workbook's texts take more than {MAX_STRINGS_XML // MIB} MiB; "
                        "split it into smaller files"
                    )
            self._record_depth = 0
        self._depth -= 1

    def _record_too_large(self) -> ReadError:
        return ReadError(
            f"a row or text of the workbook takes more than {MAX_ROW_XML // MIB} MiB of XML; "
            "it is not read"
        )


def _looks_like_xml(head: bytes) -> bool:
    """Whether a part may be XML (openpyxl parses only XML): it starts with ``<`` after
    blanks, or with a byte-order mark or the zero byte of UTF-16."""
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\x00<")):
        return True
    stripped = head.lstrip(b" \t\r\n")
    return not stripped or stripped.startswith(b"<")


def _excel_cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | bool | date | clock_time):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _first_sheet(data: bytes, deadline: float) -> Table:
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a broken workbook: openpyxl raises many kinds
        raise ReadError(_NOT_READABLE) from None
    try:
        sheet = book.worksheets[0]
        if isinstance(sheet, ReadOnlyWorksheet):
            sheet.reset_dimensions()  # the declared size may be anything: read what is there
        table: Table | None = None
        tally = Tally()
        spread = 0
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if time.monotonic() > deadline:
                raise ReadError(f"the workbook cannot be read within {MAX_SECONDS:g} seconds")
            spread += len(row)
            if spread > MAX_SPREAD:
                raise ReadError(
                    f"the sheet spreads over more than {MAX_SPREAD:,} cells, empty ones "
                    "included; delete the empty rows and columns around the data"
                )
            if row.count(None) == len(row):
                continue
            if len(row) > MAX_COLUMNS:
                beyond = row[MAX_COLUMNS:]
                if beyond.count(None) != len(beyond):
                    raise ReadError(
                        f"row {number} has values beyond column {MAX_COLUMNS}; at most "
                        f"{MAX_COLUMNS} columns are read"
                    )
                row = row[:MAX_COLUMNS]
            width = len(row)
            while row[width - 1] is None:
                width -= 1
            cells = [_excel_cell(c) for c in row[:width]]
            if not any(c is not None and str(c).strip() for c in cells):
                continue
            tally.row(number, width)
            if table is None:
                headers = ["" if c is None else str(c).strip() for c in cells]
                while headers and not headers[-1]:
                    headers.pop()
                table = Table(FileFormat.xlsx, headers)
                continue
            table.rows.append((number, cells))
    except ReadError:
        raise
    except Exception:  # a broken sheet, found while reading it
        raise ReadError(_NOT_READABLE) from None
    finally:
        book.close()
    return table or Table(FileFormat.xlsx, [])
