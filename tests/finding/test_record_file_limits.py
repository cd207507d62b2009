"""Record files that would make the reader work without end or hold gigabytes are refused
quickly, with a sentence, and the memory the reading takes stays small.

The hostile Excel files are built here by hand (zip and XML), all synthetic. Each test
measures the reading's time and the rise of this process's peak memory (see
``tests/measuring.py``); before these limits, the sheet that declares ``A1:XFD1048576``
kept a core busy for minutes and the one with far-right cells grew past gigabytes.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from measuring import MIB, cost
from xlsx_builders import (
    GOOD_ROWS,
    MAIN,
    sheet,
    text_row,
    workbook,
)

from tenhands.finding.records import read_records
from tenhands.finding.records.importer import MAX_PROBLEMS
from tenhands.finding.records.readers import read_table
from tenhands.finding.records.table import MAX_COLUMNS, MAX_ROWS, ReadError, Table
from tenhands.finding.records.workbook import MAX_ROW_XML

QUICK = 10.0
"""Seconds a refusal may take at most (most take a fraction of one, on a busy machine)."""
SMALL = 64 * MIB
"""How far reading one of these files may raise the peak memory."""


def refused(data: bytes, filename: str, says: str) -> None:
    """Reading ``data`` is refused with a sentence saying ``says``, quickly and in little memory."""
    spent = cost(lambda: read_table(data, filename))
    assert isinstance(spent.outcome, ReadError), spent.outcome
    assert says in str(spent.outcome), str(spent.outcome)
    assert spent.seconds < QUICK, spent.seconds
    assert spent.peak < SMALL, spent.peak / MIB


def read_well(data: bytes, filename: str) -> Table:
    spent = cost(lambda: read_table(data, filename))
    assert isinstance(spent.outcome, Table), spent.outcome
    assert spent.seconds < QUICK, spent.seconds
    assert spent.peak < SMALL, spent.peak / MIB
    return spent.outcome


# Excel


def test_a_good_hand_written_workbook_is_read() -> None:
    table = read_well(workbook(sheet(GOOD_ROWS, dimension="A1:C2")), "lijst.xlsx")
    assert table.headers == ["id", "voornaam", "familienaam"]
    assert table.rows == [(2, ["r1", "Ankea", "Zzyxa"])]


def test_a_declared_size_of_the_whole_sheet_is_ignored() -> None:
    """A 2 KB file declaring A1:XFD1048576, with a value in the very last row: openpyxl
    would pad a million rows to 16,384 columns each."""
    last = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>r9</t></is></c></row>'
    data = workbook(sheet(GOOD_ROWS + last, dimension="A1:XFD1048576"))
    assert len(data) < 2500
    table = read_well(data, "lijst.xlsx")
    assert table.rows == [(2, ["r1", "Ankea", "Zzyxa"]), (1048576, ["r9"])]


def test_values_far_to_the_right_are_refused() -> None:
    """20,000 rows with a value in column XFD: some 100 KB that grew past gigabytes."""
    row = b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>'
    rows = b"".join(row % (i, i) for i in range(1, 20_001))
    data = workbook(sheet(rows))
    assert len(data) < 200_000
    refused(data, "lijst.xlsx", f"row 1 has values beyond column {MAX_COLUMNS}")


def test_empty_cells_far_to_the_right_are_refused_by_their_spread() -> None:
    rows = b"".join(b'<row r="%d"><c r="XFD%d" s="0"/></row>' % (i, i) for i in range(1, 20_001))
    refused(workbook(sheet(rows)), "lijst.xlsx", "spreads over more than 50,000,000 cells")


def billion_laughs() -> bytes:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [{entities}]>'
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        "&a9;</t></is></c></row></sheetData></worksheet>"
    ).encode()


def test_xml_entities_are_refused_in_a_sheet() -> None:
    refused(workbook(billion_laughs()), "lijst.xlsx", "declares a DTD")


def test_xml_entities_are_refused_in_the_shared_strings() -> None:
    strings = (
        f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x "y">]><sst xmlns="{MAIN}">'
        "<si><t>&x;</t></si></sst>"
    ).encode()
    refused(workbook(sheet(GOOD_ROWS), strings=strings), "lijst.xlsx", "declares a DTD")


def test_a_zip_bomb_is_refused_from_the_directory() -> None:
    """30 million empty rows: 180 MB of XML packed into some 260 KB."""
    bomb = sheet(GOOD_ROWS).replace(b"<sheetData>", b"<sheetData>" + b"<row/>" * 30_000_000)
    refused(workbook(bomb, level=9), "lijst.xlsx", "unpacks to more than 160 MiB")


def test_a_file_packed_too_far_is_refused() -> None:
    """One row of 2 MB of one letter, packed more than 100 to 1."""
    data = workbook(sheet(GOOD_ROWS + text_row(3, "r2", "x" * 2_000_000)))
    refused(data, "lijst.xlsx", "packed more than 100 to 1")


def test_a_row_too_large_is_refused() -> None:
    data = workbook(sheet(GOOD_ROWS + text_row(3, "r2", "x" * (MAX_ROW_XML + 10))), level=0)
    refused(data, "lijst.xlsx", "a row or text of the workbook takes more than 1 MiB")


def test_many_elements_outside_rows_are_refused() -> None:
    """1.1 million elements after the rows, each kept by openpyxl (some 90 bytes each)."""
    junk = sheet(GOOD_ROWS).replace(b"</sheetData>", b"</sheetData>" + b"<sheetPr/>" * 1_100_000)
    refused(workbook(junk, level=0), "lijst.xlsx", "more than 1,000,000 rows, texts and other")


def test_much_text_outside_rows_is_refused() -> None:
    junk = sheet(GOOD_ROWS).replace(
        b"</sheetData>", b"</sheetData><extLst>" + b"x" * (40 * MIB) + b"</extLst>"
    )
    refused(workbook(junk, level=0), "lijst.xlsx", "more than 32 MiB besides its rows")


def test_shared_strings_too_large_are_refused() -> None:
    strings = (
        f'<sst xmlns="{MAIN}">'.encode()
        + (b"<si><t>" + b"y" * 900_000 + b"</t></si>") * 75
        + b"</sst>"
    )
    refused(workbook(sheet(GOOD_ROWS), strings=strings, level=0), "lijst.xlsx", "texts take more")


def test_nesting_too_deep_is_refused() -> None:
    deep = sheet(GOOD_ROWS).replace(
        b"</sheetData>", b"</sheetData>" + b"<extLst>" * 100 + b"</extLst>" * 100
    )
    refused(workbook(deep), "lijst.xlsx", "nests XML more than 64 deep")


def test_a_row_number_beyond_excel_is_refused() -> None:
    """openpyxl would fill in every row up to it."""
    far = b'<row r="99999999999"><c r="A99999999999"><v>1</v></c></row>'
    refused(workbook(sheet(GOOD_ROWS + far)), "lijst.xlsx", "numbered beyond 1,048,576")


def test_too_many_rows_are_refused_before_openpyxl_reads_them() -> None:
    rows = text_row(1, "id") + b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i) for i in range(2, MAX_ROWS + 3)
    )
    refused(workbook(sheet(rows)), "lijst.xlsx", f"more than {MAX_ROWS:,} rows")


def test_too_many_files_in_the_archive_are_refused() -> None:
    extra = {f"xl/media/{i}.bin": b"z" for i in range(1001)}
    refused(workbook(sheet(GOOD_ROWS), extra=extra), "lijst.xlsx", "more than 1,000 files")


def test_a_file_larger_than_its_directory_says_is_not_read_past_it() -> None:
    """The directory says the sheet is 300 bytes; zipfile stops there and the check fails."""
    data = bytearray(workbook(sheet(GOOD_ROWS + text_row(3, "r2", "Bea", "Qwerv"))))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    central = data.rfind(b"PK\x01\x02", 0, len(data))
    while data[central + 46 : central + 46 + len(info.filename)] != info.filename.encode():
        central = data.rfind(b"PK\x01\x02", 0, central)
    data[central + 24 : central + 28] = (300).to_bytes(4, "little")
    refused(bytes(data), "lijst.xlsx", "not a readable Excel workbook")


def test_a_broken_workbook_is_a_sentence_not_a_crash() -> None:
    broken = workbook(sheet(GOOD_ROWS).replace(b"</sheetData>", b"</sheetDta>"))
    refused(broken, "lijst.xlsx", "not a readable Excel workbook")
    refused(b"PK\x03\x04" + b"\x00" * 100, "lijst.xlsx", "not a readable Excel workbook")


# CSV


def test_a_csv_of_millions_of_tiny_rows_stops_at_the_row_limit() -> None:
    data = b"id\n" + b"1\n" * 3_000_000
    refused(data, "lijst.csv", f"more than {MAX_ROWS:,} rows")


def test_a_csv_row_of_too_many_columns_is_refused() -> None:
    refused(b"id;naam\n" + b";" * 5_000_000 + b"x\n", "lijst.csv", "longer than 1 MiB")
    refused(b"id;naam\n" + b";" * 600 + b"x\n", "lijst.csv", "row 2 has 601 columns")


def test_a_csv_field_over_the_field_limit_is_a_sentence() -> None:
    data = b'id;naam\n1;"' + b"x" * 200_000 + b'"\n'
    refused(data, "lijst.csv", "a field near line 2 is longer than 131,072 characters")


def test_a_csv_with_a_quote_left_open_is_a_sentence() -> None:
    data = b'id;naam\n1;"' + b"x\n" * 100_000
    refused(data, "lijst.csv", "is longer than 131,072 characters")


def test_a_csv_within_the_limits_is_read() -> None:
    rows = b"".join(b"r%d;Ankea;Zzyxa\n" % i for i in range(50_000))
    table = read_well(b"id;voornaam;familienaam\n" + rows, "lijst.csv")
    assert len(table.rows) == 50_000


# JSON Lines


def test_deeply_nested_json_lines_are_a_problem_of_their_line() -> None:
    nested = b"[" * 100_000 + b"]" * 100_000
    data = b'{"id": "r1", "naam": "Ankea"}\n' + nested + b"\n"
    table = read_well(data, "lijst.jsonl")
    assert table.problems == [(2, "not a JSON object (nested too deeply)")]
    read = read_records(data, filename="lijst.jsonl")
    assert [str(p) for p in read.problems] == ["row 2: not a JSON object (nested too deeply)"]


def test_a_json_number_of_thousands_of_digits_is_a_problem_of_its_line() -> None:
    data = b'{"id": "r1"}\n{"id": ' + b"1" * 5000 + b"}\n"
    table = read_well(data, "lijst.jsonl")
    assert table.problems == [(2, "not a JSON object (a number too long)")]


def test_a_json_line_too_long_is_refused() -> None:
    data = b'{"id": "r1", "naam": "' + b"x" * (2 * MIB) + b'"}\n'
    refused(data, "lijst.jsonl", "line 1 is longer than 1 MiB")


def test_json_lines_of_too_many_names_are_refused() -> None:
    wide = "{" + ", ".join(f'"k{i}": {i}' for i in range(MAX_COLUMNS + 1)) + "}"
    refused(wide.encode(), "lijst.jsonl", f"row 1 has {MAX_COLUMNS + 1} columns")
    many = b"".join(b'{"id": "r%d", "k%d": 1}\n' % (i, i) for i in range(MAX_COLUMNS + 1))
    refused(many, "lijst.jsonl", f"more than {MAX_COLUMNS} different names")


def test_millions_of_empty_json_objects_stop_at_the_row_limit() -> None:
    refused(b"{}\n" * 3_000_000, "lijst.jsonl", f"more than {MAX_ROWS:,} rows")


@pytest.mark.parametrize("filename", ["lijst.csv", "lijst.jsonl", "lijst.xlsx"])
def test_a_refused_file_is_a_fatal_problem_of_the_import(filename: str) -> None:
    data = {
        "lijst.csv": b"id\n" + b"1\n" * (MAX_ROWS + 5),
        "lijst.jsonl": b'{"id": "1"}\n' * (MAX_ROWS + 5),
        "lijst.xlsx": workbook(billion_laughs()),
    }[filename]
    read = read_records(data, filename=filename)
    assert read.fatal and not read.records
    assert len(read.problems) == 1 and read.problems[0].row is None


def test_problems_past_a_thousand_are_counted_not_listed() -> None:
    rows = b"".join(b"r%d;1;niet-een-datum\n" % i for i in range(3_000))
    read = read_records(b"id;naam;geboortedatum\n" + rows, filename="lijst.csv")
    assert len(read.problems) == MAX_PROBLEMS + 1
    assert str(read.problems[-1]) == "and 2,000 more problems"
    assert read.problems[0].row == 2 and read.problems[MAX_PROBLEMS - 1].row == MAX_PROBLEMS + 1
