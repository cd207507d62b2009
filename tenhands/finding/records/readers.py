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
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from enum import StrEnum
from pathlib import PurePath

from .values import Cell


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


def _read_csv(data: bytes) -> Table:
    text, encoding = decode(data)
    text = text.removeprefix("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table: Table | None = None
    try:
        for number, row in enumerate(reader, start=1):
            if table is None:
                if not any(cell.strip() for cell in row):
                    continue
                table = Table(FileFormat.csv, [c.strip() for c in row], [], encoding, delimiter)
                continue
            if any(cell.strip() for cell in row):
                table.rows.append((number, list(row)))
    except csv.Error as exc:
        raise ReadError(f"the CSV cannot be read near line {reader.line_num}: {exc}") from None
    return table or Table(FileFormat.csv, [], [], encoding, delimiter)


def _read_jsonl(data: bytes) -> Table:
    text, encoding = decode(data)
    headers: dict[str, None] = {}
    objects: list[tuple[int, dict[str, Cell]]] = []
    problems: list[tuple[int, str]] = []
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            problems.append((number, "not a JSON object (invalid JSON)"))
            continue
        if not isinstance(value, dict):
            problems.append((number, "not a JSON object"))
            continue
        row: dict[str, Cell] = {}
        for key, cell in value.items():
            headers.setdefault(str(key), None)
            if isinstance(cell, dict | list):
                problems.append((number, f"{key}: a nested value, expected text or a number"))
                continue
            row[str(key)] = cell
        objects.append((number, row))
    names = list(headers)
    table = Table(FileFormat.jsonl, names, [], encoding, None, problems)
    table.rows = [(number, [row.get(name) for name in names]) for number, row in objects]
    return table


def _excel_cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | bool | date | time):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise ReadError("the file is not a readable Excel workbook (.xlsx)") from None
    try:
        sheet = book.worksheets[0]
        table: Table | None = None
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_excel_cell(c) for c in row]
            if not any(c is not None and str(c).strip() for c in cells):
                continue
            if table is None:
                headers = ["" if c is None else str(c).strip() for c in cells]
                while headers and not headers[-1]:
                    headers.pop()
                table = Table(FileFormat.xlsx, headers)
                continue
            table.rows.append((number, cells))
    finally:
        book.close()
    return table or Table(FileFormat.xlsx, [])


def read_table(data: bytes, filename: str) -> Table:
    """The file as a table; :class:`ReadError` if it cannot be read at all."""
    fmt = guess_format(data, filename)
    if fmt is FileFormat.xlsx:
        return _read_xlsx(data)
    if fmt is FileFormat.jsonl:
        return _read_jsonl(data)
    return _read_csv(data)
