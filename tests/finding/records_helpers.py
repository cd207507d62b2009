"""Builders of record files for the record-import tests (synthetic people only)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from openpyxl import Workbook

HEADER = ["id", "given_names", "surname", "birth_surname", "sex", "birth_date", "city"]
ROWS = [
    ["1", "Maria", "Peeters", "Peeters", "v", "1958-04-12", "Gent"],
    ["2", "Hélène", "Dubois", "Lefèvre", "femme", "1962", "Liège"],
    ["3", "Noël", "Vandenbroeck", "", "m", "1959-11", "Sint-Niklaas"],
    ["4", "Youssef", "El Amrani", "", "man", "03/02/1985", "Antwerpen"],
    ["5", "Ayşe", "Yılmaz", "Doğan", "vrouw", "7.9.1990", "Genk"],
    ["6", "François", "Garçon", "", "homme", "21-12-1947", "Bruxelles"],
]


def csv_bytes(
    rows: Sequence[Sequence[str]] = ROWS,
    header: Sequence[str] = HEADER,
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
    newline: str = "\r\n",
) -> bytes:
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    return (newline.join(lines) + newline).encode(encoding)


def xlsx_bytes(rows: Sequence[Sequence[object]], header: Sequence[str] = HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Extract"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    extra = book.create_sheet("Other")
    extra.append(["not", "read"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


EXCEL_ROWS: list[list[object]] = [
    [101, "Şükrü", "Öztürk", None, "M", datetime(1971, 6, 30), "Beringen"],
    [102, "Fatima", "Benali", "Ouali", "F", "1988-02", "Molenbeek"],
]
