"""Importing record files into a real store: formats, encodings, problems, all or nothing."""

from __future__ import annotations

import codecs
import json

import pytest
from builders import case, person
from records_helpers import EXCEL_ROWS, HEADER, ROWS, csv_bytes, xlsx_bytes

from tenhands.finding.records import ColumnMappingError, import_records, read_records
from tenhands.finding.records.importer import file_key, record_id
from tenhands.graph.model import PartialDate, Sex, SourceKind
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ";"),
        ("utf-8-sig", ";"),
        ("utf-8", ","),
        ("utf-8", "\t"),
        ("utf-16", ";"),
        ("utf-16-le", ","),
    ],
)
def test_csv_in_every_encoding_and_delimiter(
    sqlite_store: SqliteStore, encoding: str, delimiter: str
) -> None:
    data = csv_bytes(delimiter=delimiter, encoding=encoding)
    if encoding == "utf-16-le":
        assert not data.startswith(codecs.BOM_UTF16_LE)
    report = import_records(sqlite_store, data, filename="register.csv")
    assert (report.rows, report.imported, report.problems) == (6, 6, [])
    ayse = sqlite_store.get_record(record_id("register.csv", "5"))
    assert (ayse.given_names, ayse.surname, ayse.birth_surname) == ("Ayşe", "Yılmaz", "Doğan")
    assert ayse.sex is Sex.female
    assert ayse.birth_date == PartialDate(1990, 9, 7)
    francois = sqlite_store.get_record(record_id("register.csv", "6"))
    assert (francois.given_names, francois.surname) == ("François", "Garçon")


def test_cp1252_with_semicolons_as_belgian_excel_writes_it(sqlite_store: SqliteStore) -> None:
    rows = [row for row in ROWS if row[0] in ("1", "2", "3", "6")]  # no ş/ğ in cp1252
    data = csv_bytes(rows, delimiter=";", encoding="cp1252")
    read = read_records(data, filename="oud-dossier.csv")
    assert (read.encoding, read.delimiter) == ("cp1252", ";")
    report = import_records(sqlite_store, data, filename="oud-dossier.csv")
    assert report.imported == 4
    helene = sqlite_store.get_record(record_id("oud-dossier.csv", "2"))
    assert (helene.given_names, helene.birth_surname, helene.city) == (
        "Hélène",
        "Lefèvre",
        "Liège",
    )
    assert helene.birth_date == PartialDate(1962)


def test_every_row_keeps_its_source_and_gets_a_file_scoped_id(sqlite_store: SqliteStore) -> None:
    sqlite_store.create_person(person("p-kid"))
    sqlite_store.create_case(case("c-1", "p-kid"))
    import_records(sqlite_store, csv_bytes(), filename="school.csv", case_id="c-1")
    import_records(sqlite_store, csv_bytes(), filename="registry.csv")
    assert len(sqlite_store.list_records()) == 12
    maria = sqlite_store.get_record(f"{file_key('school.csv')}-1")
    assert maria.id.startswith("r-") and len(file_key("school.csv")) == 10
    assert maria.case_id == "c-1"
    assert maria.provenance.source.kind is SourceKind.import_file
    assert (maria.provenance.source.name, maria.provenance.source.ref) == ("school.csv", "1")
    assert [r.id for r in sqlite_store.list_records(case_id="c-1")] == sorted(
        record_id("school.csv", str(n)) for n in range(1, 7)
    )


def test_unknown_case_is_refused(sqlite_store: SqliteStore) -> None:
    from tenhands.graph.errors import NotFound

    with pytest.raises(NotFound):
        import_records(sqlite_store, csv_bytes(), filename="a.csv", case_id="no-such-case")
    assert sqlite_store.list_records() == []


def test_json_lines(store: GraphStore) -> None:
    lines = [
        {"id": "a1", "voornaam": "Mohammed", "familienaam": "El Idrissi", "geboortedatum": 1979},
        {"id": "a2", "voornaam": "Ria", "familienaam": "Claes", "postcode": 2000, "hobby": "koor"},
    ]
    data = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode()
    report = import_records(store, data, filename="stamboom.jsonl")
    assert report.imported == 2 and report.problems == []
    first = store.get_record(record_id("stamboom.jsonl", "a1"))
    assert (first.given_names, first.surname, first.birth_date) == (
        "Mohammed",
        "El Idrissi",
        PartialDate(1979),
    )
    ria = store.get_record(record_id("stamboom.jsonl", "a2"))
    assert ria.postcode == "2000"
    assert ria.extra == {"hobby": "koor"}


def test_excel_first_sheet_with_a_real_date_cell(store: GraphStore) -> None:
    report = import_records(store, xlsx_bytes(EXCEL_ROWS), filename="extract.xlsx")
    assert (report.imported, report.problems) == (2, [])
    sukru = store.get_record(record_id("extract.xlsx", "101"))
    assert (sukru.given_names, sukru.surname, sukru.sex) == ("Şükrü", "Öztürk", Sex.male)
    assert sukru.birth_date == PartialDate(1971, 6, 30)
    assert sukru.birth_surname is None
    fatima = store.get_record(record_id("extract.xlsx", "102"))
    assert (fatima.sex, fatima.birth_date) == (Sex.female, PartialDate(1988, 2))


def test_built_in_dutch_and_french_headers(sqlite_store: SqliteStore) -> None:
    header = ["ID", "Prénom", "Nom", "Date de naissance", "Sexe", "Rue", "Code postal", "Commune"]
    rows = [["k7", "Anaïs", "Mertens", "01.02.2003", "F", "Rue Haute 4", "1000", "Bruxelles"]]
    data = csv_bytes(rows, header, delimiter=",")
    assert import_records(sqlite_store, data, filename="fr.csv").imported == 1
    anais = sqlite_store.get_record(record_id("fr.csv", "k7"))
    assert (anais.given_names, anais.surname, anais.street, anais.postcode, anais.city) == (
        "Anaïs",
        "Mertens",
        "Rue Haute 4",
        "1000",
        "Bruxelles",
    )
    assert (anais.birth_date, anais.sex) == (PartialDate(2003, 2, 1), Sex.female)


def test_explicit_mapping_and_extra_columns(sqlite_store: SqliteStore) -> None:
    header = ["Dossiernr", "Kind", "Naam moeder", "Opmerking school", "Klas"]
    rows = [["d-9", "Lotte", "Els Wouters", "komt met de fiets", "3B"]]
    data = csv_bytes(rows, header)
    report = import_records(
        sqlite_store,
        data,
        filename="klaslijst.csv",
        mapping={"Dossiernr": "id", "Kind": "given_names", "Opmerking school": "note"},
    )
    assert report.imported == 1
    lotte = sqlite_store.get_record(record_id("klaslijst.csv", "d-9"))
    assert (lotte.given_names, lotte.mother_name, lotte.note) == (
        "Lotte",
        "Els Wouters",
        "komt met de fiets",
    )
    assert lotte.extra == {"Klas": "3B"}


def test_a_mapping_onto_an_unknown_column_is_refused() -> None:
    with pytest.raises(ColumnMappingError, match="'nickname', which is not a column"):
        read_records(csv_bytes(), filename="a.csv", mapping={"Roepnaam": "nickname"})


def bad_in_row_8() -> bytes:
    rows = [*ROWS, ["7", "Jef", "Janssens", "", "m", "31/02/1950", "Mol"]]  # row 8
    return csv_bytes(rows)


def test_bad_date_is_reported_and_nothing_stored(store: GraphStore) -> None:
    report = import_records(store, bad_in_row_8(), filename="lijst.csv")
    assert report.imported == 0 and report.rows == 7
    [problem] = report.problems
    assert (problem.row, problem.column) == (7 + 1, "birth_date")
    assert str(problem) == (
        "row 8, column 'birth_date': birth_date: not a date "
        "(expected 1958, 1958-04, 1958-04-12 or 12/04/1958)"
    )
    assert store.list_records() == []


def test_bad_date_in_row_7_as_the_user_sees_it(sqlite_store: SqliteStore) -> None:
    rows = [list(r) for r in ROWS[:5]] + [["6", "Jef", "Janssens", "", "m", "1950-13", "Mol"]]
    report = import_records(sqlite_store, csv_bytes(rows), filename="lijst.csv")
    assert [(p.row, p.column) for p in report.problems] == [(7, "birth_date")]
    assert "1950-13" not in str(report.problems[0])
    assert sqlite_store.list_records() == []


def test_skip_bad_rows_stores_the_good_ones(store: GraphStore) -> None:
    rows = [*ROWS, ["7", "Jef", "Janssens", "", "kat", "1950", "Mol"], ["8", "Bram", "Claes"]]
    report = import_records(store, csv_bytes(rows), filename="lijst.csv", skip_bad_rows=True)
    assert (report.rows, report.imported, report.skipped) == (8, 7, 1)
    assert [(p.row, p.column) for p in report.problems] == [(8, "sex")]
    stored = sorted(r.provenance.source.ref or "" for r in store.list_records())
    assert stored == ["1", "2", "3", "4", "5", "6", "8"]
    bram = store.get_record(record_id("lijst.csv", "8"))
    assert (bram.given_names, bram.surname, bram.birth_date) == ("Bram", "Claes", None)


def test_duplicate_ids_in_the_file(store: GraphStore) -> None:
    rows = [*ROWS, ["3", "Mieke", "Wouters", "", "v", "1970", "Lier"]]
    report = import_records(store, csv_bytes(rows), filename="dubbel.csv")
    assert report.imported == 0
    assert [(p.row, p.problem) for p in report.problems] == [(8, "id: the same id as row 4")]
    skipped = import_records(store, csv_bytes(rows), filename="dubbel.csv", skip_bad_rows=True)
    assert skipped.imported == 6
    assert store.get_record(record_id("dubbel.csv", "3")).given_names == "Noël"


def test_ids_stored_already_are_problems(store: GraphStore) -> None:
    assert import_records(store, csv_bytes(ROWS[:2]), filename="x.csv").imported == 2
    again = import_records(store, csv_bytes(ROWS[:3]), filename="x.csv")
    assert again.imported == 0
    assert sorted((p.row, p.problem) for p in again.problems) == [
        (2, "id: a record with this id was imported already from a file of this name"),
        (3, "id: a record with this id was imported already from a file of this name"),
    ]
    assert len(store.list_records()) == 2
    skipped = import_records(store, csv_bytes(ROWS[:3]), filename="x.csv", skip_bad_rows=True)
    assert (skipped.imported, len(skipped.problems)) == (1, 2)
    assert store.get_record(record_id("x.csv", "3")).surname == "Vandenbroeck"


def test_missing_id_column_is_fatal_even_when_skipping(sqlite_store: SqliteStore) -> None:
    data = csv_bytes([row[1:] for row in ROWS], HEADER[1:])
    report = import_records(sqlite_store, data, filename="geen-id.csv", skip_bad_rows=True)
    assert report.imported == 0
    [problem] = report.problems
    assert problem.fatal and problem.row == 1
    assert "no id column" in problem.problem
    assert sqlite_store.list_records() == []


def test_empty_id_and_unusable_id(sqlite_store: SqliteStore) -> None:
    rows = [["", "Jan", "Peeters"], ["a b/c", "Jos", "Maes"], ["ok", "Wim", "Jacobs"]]
    report = import_records(
        sqlite_store, csv_bytes(rows, HEADER[:3]), filename="ids.csv", skip_bad_rows=True
    )
    assert [(p.row, p.column, p.problem[:10]) for p in report.problems] == [
        (2, "id", "id: empty"),
        (3, "id", "id: not us"),
    ]
    assert report.imported == 1


@pytest.mark.parametrize("data", [b"", b"  \r\n", "\ufeff".encode()])
def test_an_empty_file_is_a_problem(sqlite_store: SqliteStore, data: bytes) -> None:
    report = import_records(sqlite_store, data, filename="leeg.csv")
    assert report.imported == 0
    assert [p.problem for p in report.problems] == ["the file is empty"]


def test_header_only_is_a_problem(sqlite_store: SqliteStore) -> None:
    report = import_records(sqlite_store, csv_bytes([]), filename="kop.csv")
    assert [p.problem for p in report.problems] == ["the file has no records"]


def test_a_broken_workbook_is_a_problem(sqlite_store: SqliteStore) -> None:
    report = import_records(sqlite_store, b"PK\x03\x04 not really", filename="kapot.xlsx")
    assert [p.problem for p in report.problems] == [
        "the file is not a readable Excel workbook (.xlsx)"
    ]


def test_broken_json_line_names_its_line(sqlite_store: SqliteStore) -> None:
    data = b'{"id": "1", "naam": "Maes"}\n{"id": "2", naam\n{"id": "3"}\n'
    report = import_records(sqlite_store, data, filename="x.jsonl")
    assert [(p.row, p.problem) for p in report.problems] == [
        (2, "not a JSON object (invalid JSON)")
    ]
    assert report.imported == 0 and report.rows == 3


def test_problems_never_carry_personal_values(sqlite_store: SqliteStore) -> None:
    rows = [["1", "Gülşen", "Kaya", "", "onzijdig", "morgen", "Gent"]]
    report = import_records(sqlite_store, csv_bytes(rows), filename="p.csv")
    text = " ".join(str(p) for p in report.problems)
    assert len(report.problems) == 2
    for value in ("Gülşen", "Kaya", "onzijdig", "morgen"):
        assert value not in text


def test_a_json_line_with_a_nested_value_is_skipped_whole(sqlite_store: SqliteStore) -> None:
    data = b'{"id": "1", "naam": "Maes"}\n{"id": "2", "naam": {"a": 1}}\n'
    report = import_records(sqlite_store, data, filename="n.jsonl", skip_bad_rows=True)
    assert [(p.row, p.problem) for p in report.problems] == [
        (2, "naam: a nested value, expected text or a number")
    ]
    assert [r.provenance.source.ref for r in sqlite_store.list_records()] == ["1"]


def test_two_columns_for_one_field_until_one_is_mapped_to_extra(sqlite_store: SqliteStore) -> None:
    header = ["id", "Naam", "Achternaam"]
    data = csv_bytes([["1", "Maes Jos", "Maes"]], header)
    refused = import_records(sqlite_store, data, filename="d.csv", skip_bad_rows=True)
    assert [p.problem for p in refused.problems] == [
        "columns 'Naam', 'Achternaam' all mean surname; keep one"
    ]
    report = import_records(sqlite_store, data, filename="d.csv", mapping={"Naam": "extra"})
    assert report.imported == 1
    record = sqlite_store.get_record(record_id("d.csv", "1"))
    assert (record.surname, record.extra) == ("Maes", {"Naam": "Maes Jos"})


def test_a_json_lines_file_with_only_broken_lines(sqlite_store: SqliteStore) -> None:
    report = import_records(sqlite_store, b"{nope\n{\n", filename="k.jsonl", skip_bad_rows=True)
    assert [(p.row, p.problem) for p in report.problems] == [
        (1, "not a JSON object (invalid JSON)"),
        (2, "not a JSON object (invalid JSON)"),
    ]
    assert (report.rows, report.imported) == (2, 0)
