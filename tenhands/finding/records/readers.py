"""Reading a record file into a table: CSV (any common Belgian encoding and
delimiter), JSON Lines, or the first sheet of an Excel workbook.

>>> detect_encoding("Hélène;Gent".encode("cp1252"))
'cp1252'
>>> detect_encoding("\\ufeffid;naam".encode("utf-8"))
'utf-8-sig'
>>> sniff_delimiter('id;naam;"Gent, centrum"')
';'
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Iterator
from pathlib import PurePath

from .table import MAX_COLUMNS, FileFormat, ReadError, Table, Tally
from .values import Cell
from .workbook import read_xlsx

__all__ = ["FileFormat", "ReadError", "Table", "decode", "guess_format", "read_table"]

MAX_LINE = 1024 * 1024
"""Characters of one line of a CSV or JSON Lines file (a CSV row quoted over several
lines may be longer). Python's csv module holds one field to 131,072 characters."""


def guess_format(data: bytes, filename: str) -> FileFormat:
    """By the file name's extension, else by the content."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return FileFormat.xlsx
    if suffix in (".jsonl", ".ndjson", ".json"):
        return FileFormat.jsonl
    if suffix == ".xls":
        raise ReadError("old Excel .xls files cannot be read; save the sheet as .xlsx or CSV")
    if suffix in (".csv", ".tsv", ".txt"):
        return FileFormat.csv
    if data.startswith(b"PK\x03\x04"):
        return FileFormat.xlsx
    if data.lstrip()[:1] == b"{":
        return FileFormat.jsonl
    return FileFormat.csv


def detect_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with BOM, or by its zero bytes), else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:4000]
    if len(head) >= 4 and head.count(0) >= len(head) // 4:
        zeros_even = head[0::2].count(0)
        zeros_odd = head[1::2].count(0)
        return "utf-16-be" if zeros_even > zeros_odd else "utf-16-le"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with."""
    encoding = detect_encoding(data)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        if encoding == "cp1252":
            # Bytes cp1252 leaves undefined: Latin-1 reads every byte.
            return data.decode("latin-1"), "latin-1"
        raise ReadError(f"the file is not valid {encoding.upper()} text") from None


def sniff_delimiter(first_line: str) -> str:
    """The most frequent of ``;``, ``,`` and tab outside quotes in the header line."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else ","


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
"""A line with its end (``\\r\\n``, ``\\r`` or ``\\n``), as ``newline=""`` reads them."""


def _lines(text: str, what: str) -> Iterator[str]:
    """The lines of ``text`` with their line ends, one at a time (no copy of the text);
    :class:`ReadError` for one longer than :data:`MAX_LINE`."""
    for number, found in enumerate(_LINE.finditer(text), start=1):
        if found.end() - found.start() > MAX_LINE:
            raise ReadError(
                f"line {number} is longer than {MAX_LINE // 1024 // 1024} MiB: this is not "
                f"a {what} file of records"
            )
        yield found.group()


def _first_line(text: str) -> str:
    """The first line that is not blank (the header of a CSV).

    >>> _first_line("\\n  \\r\\nid;naam\\r\\n1;x")
    'id;naam\\r\\n'
    """
    return next((found.group() for found in _LINE.finditer(text) if found.group().strip()), "")


def _read_csv(data: bytes) -> Table:
    text, encoding = decode(data)
    text = text.removeprefix("\ufeff")
    delimiter = sniff_delimiter(_first_line(text))
    reader = csv.reader(_lines(text, "CSV"), delimiter=delimiter)
    table: Table | None = None
    tally = Tally()
    try:
        for number, row in enumerate(reader, start=1):
            if not any(cell.strip() for cell in row):
                continue
            tally.row(number, len(row))
            if table is None:
                table = Table(FileFormat.csv, [c.strip() for c in row], [], encoding, delimiter)
                continue
            table.rows.append((number, list(row)))
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise ReadError(
                f"a field near line {reader.line_num} is longer than {csv.field_size_limit():,} "
                "characters (is a quote left open?)"
            ) from None
        raise ReadError(f"the CSV cannot be read near line {reader.line_num}: {exc}") from None
    return table or Table(FileFormat.csv, [], [], encoding, delimiter)


def _read_jsonl(data: bytes) -> Table:
    text, encoding = decode(data)
    headers: dict[str, None] = {}
    objects: list[tuple[int, dict[str, Cell]]] = []
    problems: list[tuple[int, str]] = []
    tally = Tally()
    for number, raw in enumerate(_lines(text.removeprefix("\ufeff"), "JSON Lines"), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            problems.append((number, "not a JSON object (invalid JSON)"))
            value = None
        except RecursionError:
            problems.append((number, "not a JSON object (nested too deeply)"))
            value = None
        except ValueError:  # int() refuses a number of thousands of digits
            problems.append((number, "not a JSON object (a number too long)"))
            value = None
        if value is not None and not isinstance(value, dict):
            problems.append((number, "not a JSON object"))
        tally.row(number, len(value) if isinstance(value, dict) else 0)
        if not isinstance(value, dict):
            continue
        row: dict[str, Cell] = {}
        nested = False
        for key, cell in value.items():
            headers.setdefault(str(key), None)
            if isinstance(cell, dict | list):
                if not nested:
                    problems.append((number, f"{key}: a nested value, expected text or a number"))
                nested = True
                continue
            row[str(key)] = cell
        if len(headers) > MAX_COLUMNS:
            raise ReadError(
                f"the objects up to line {number} have more than {MAX_COLUMNS} different "
                "names; at most that many columns are read"
            )
        objects.append((number, row))
    names = list(headers)
    table = Table(FileFormat.jsonl, names, [], encoding, None, problems)
    table.rows = [(number, [row.get(name) for name in names]) for number, row in objects]
    return table


def read_table(data: bytes, filename: str) -> Table:
    """The file as a table; :class:`ReadError` if it cannot be read at all."""
    fmt = guess_format(data, filename)
    if fmt is FileFormat.xlsx:
        return read_xlsx(data)
    if fmt is FileFormat.jsonl:
        return _read_jsonl(data)
    return _read_csv(data)
