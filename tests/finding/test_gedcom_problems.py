"""Broken files: every problem reported with its line and record, and nothing imported
unless the caller asks to import what is valid."""

from __future__ import annotations

import pytest
from gedcom_helpers import ged

from tenhands.finding.gedcom import GedcomError, GedcomProblem, import_gedcom
from tenhands.finding.gedcom.problems import Severity
from tenhands.graph.model import TieKind
from tenhands.graph.stores.sqlite import SqliteStore

BROKEN = ged(
    "0 @I1@ INDI\n1 NAME Jan /Peeters/\n1 FAMC @F9@\n1 BIRT\n2 DATE 31 FEB 1950",  # lines 5-9
    "0 @I2@ INDI\n1 SEX F\n1 FAMS @F1@",  # 10-12: no NAME
    "0 @I3@ INDI\n1 NAME Mia /Peeters/\n3 DATE 1950\n1 ASSO @I404@\n2 RELA friend",  # 13-17
    "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I3@\n1 CHIL @I77@\n1 CHIL @F1@",  # 18-22
    "0 @I4@ INDI\n1 NAME Lies /Janssens/\n1 FAMC @F1@\n1 DEAT\n2 DATE deceased",  # 23-27
)


def problems_of(store: SqliteStore, data: bytes) -> list[GedcomProblem]:
    with pytest.raises(GedcomError) as caught:
        import_gedcom(store, data, source_name="kapot.ged")
    assert store.count_persons() == 0
    return caught.value.problems


def test_every_problem_with_line_record_and_what_is_wrong(sqlite_store: SqliteStore) -> None:
    problems = problems_of(sqlite_store, BROKEN)
    assert [str(p) for p in problems] == [
        "line 7 (@I1@): FAMC points to @F9@, which is not in the file",
        "line 9 (@I1@): BIRT DATE '31 FEB 1950' cannot be read: day 31 does not exist in 1950-02",
        "line 10 (@I2@): INDI record has no NAME",
        "line 15 (@I3@): level 3 follows level 1: a line may be at most one level deeper "
        "than the line before",
        "line 16 (@I3@): ASSO points to @I404@, which is not in the file",
        "line 21 (@F1@): CHIL points to @I77@, which is not in the file",
        "line 22 (@F1@): CHIL points to @F1@, which is a FAM record, not a person",
    ]
    assert all(p.severity is Severity.error for p in problems)


def test_no_names_in_problems(sqlite_store: SqliteStore) -> None:
    with pytest.raises(GedcomError) as caught:
        import_gedcom(sqlite_store, BROKEN, source_name="kapot.ged")
    text = " ".join(str(p) for p in [*caught.value.problems, *caught.value.warnings])
    text += str(caught.value)
    for name in ("Jan", "Peeters", "Mia", "Lies", "Janssens"):
        assert name not in text


def test_warnings_that_do_not_block_come_with_the_error(sqlite_store: SqliteStore) -> None:
    with pytest.raises(GedcomError) as caught:
        import_gedcom(sqlite_store, BROKEN, source_name="kapot.ged")
    assert [str(w) for w in caught.value.warnings] == [
        "line 27 (@I4@): DEAT DATE 'deceased' is kept as text: it is a phrase, not a date"
    ]
    assert str(caught.value).startswith("the GEDCOM file has 7 problems, nothing was imported:")


def test_keep_valid_imports_the_rest_and_says_what_was_skipped(sqlite_store: SqliteStore) -> None:
    report = import_gedcom(sqlite_store, BROKEN, source_name="kapot.ged", keep_valid=True)
    assert report.persons == 3  # I2 has no name
    assert sqlite_store.count_persons() == 3
    by_line = {w.line: w.message for w in report.warnings}
    assert by_line[7] == "FAMC points to @F9@, which is not in the file; link skipped"
    assert by_line[10] == "INDI record has no NAME; person skipped"
    assert by_line[15].endswith("; line and the lines under it skipped")
    assert by_line[9].endswith("; kept as text")
    assert all(w.severity is Severity.warning for w in report.warnings)
    [jan] = sqlite_store.find_persons_by_source("@I1@", name="kapot.ged")
    assert jan.birth_date is None and jan.birth_date_text == "31 FEB 1950"
    kinds = sorted(t.kind for t in sqlite_store.ties_of(jan.id))
    assert kinds == [TieKind.parent, TieKind.partner]  # F1: partner of Mia, parent of Lies


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            ged("0 @I1@ INDI\n1 NAME Jan /Peeters/\n0 @I2@ INDI\n1 NAME Mia"),
            None,
        ),  # fine: ends in TRLR
        (
            b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Jan /Peeters/\n1 BIRT\n2 DA",
            "line 6: the file ends at line 6 without 0 TRLR: it may be cut off",
        ),
        (
            ged("0 @I1@ INDI\nNAME Jan /Peeters/"),
            "line 5 (@I1@): INDI record has no NAME|"
            "line 6 (@I1@): the line does not start with a level number",
        ),
        (
            ged("0 @I1@ INDI\n1NAME Jan"),
            "line 5 (@I1@): INDI record has no NAME|"
            "line 6 (@I1@): the line cannot be read as LEVEL [@XREF@] TAG [VALUE]",
        ),
        (ged("0 @I1@ INDI\n1 NAME Jan\n0 @I1@ INDI\n1 NAME Piet"), None),
        (
            ged("0 @I1@ INDI\n1 NAME Jan\n1 NOTE a\n3 CONT b"),
            "line 8 (@I1@): level 3 follows level 1: a line may be at most one level deeper "
            "than the line before",
        ),
        (
            ged("0 @I1@ INDI\n1 NAME Jan\n1 NOTE a\n2 SOUR @S1@\n2 CONT b"),
            "line 9 (@I1@): CONT at level 2 does not continue the line before",
        ),
        (
            ged("0 @I1@ INDI\n1 NAME Jan\n1 SEX M\n1 FAMS @I1@"),
            "line 8 (@I1@): FAMS points to @I1@, which is an INDI record, not a family",
        ),
        (
            ged("0 @I1@ INDI\n1 NAME Jan\n1 BIRT\n2 DATE BET 1960 AND 1950"),
            "line 8 (@I1@): BIRT DATE 'BET 1960 AND 1950' cannot be read: "
            "the range ends before it starts",
        ),
        (
            ged("0 @I1@ INDI\n1 NAME Jan\n1 BIRT\n2 DATE 12 FOO 1950"),
            "line 8 (@I1@): BIRT DATE '12 FOO 1950' cannot be read: FOO is not a month",
        ),
        (
            ged("0 @I1@ INDI\n1 NAME Jan\n1 BIRT\n2 DATE 1960\n1 DEAT\n2 DATE 1950"),
            "line 10 (@I1@): the death date lies before the birth date",
        ),
        (
            ged("0 @I1@ INDI\n1 NAME Jan\n1 NOTE @N1@"),
            "line 7 (@I1@): NOTE points to @N1@, which is not in the file",
        ),
    ],
)
def test_one_problem_each(sqlite_store: SqliteStore, data: bytes, expected: str | None) -> None:
    if expected is None:
        if b"@I1@ INDI\n1 NAME Piet" in data:
            [problem] = problems_of(sqlite_store, data)
            assert str(problem) == "line 7 (@I1@): @I1@ is defined twice (first at line 5)"
            return
        assert import_gedcom(sqlite_store, data, source_name="t.ged").persons == 2
        return
    assert [str(p) for p in problems_of(sqlite_store, data)] == expected.split("|")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \r\n\r\n", "the file is empty"),
        (b"Naam;Voornaam\nPeeters;Jan\n", "the file does not start with 0 HEAD"),
        (b"%PDF-1.4\n", "the file does not start with 0 HEAD"),
    ],
)
def test_not_a_gedcom_file_even_with_keep_valid(
    sqlite_store: SqliteStore, data: bytes, message: str
) -> None:
    with pytest.raises(GedcomError) as caught:
        import_gedcom(sqlite_store, data, source_name="x.ged", keep_valid=True)
    assert caught.value.problems[0].message.startswith(message)


def test_a_truncated_file_with_keep_valid(sqlite_store: SqliteStore) -> None:
    data = b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Jan /Peeters/\n0 @I2@ INDI\n1 NAME Mi"
    report = import_gedcom(sqlite_store, data, source_name="t.ged", keep_valid=True)
    assert report.persons == 2
    assert [w.message for w in report.warnings] == [
        "the file ends at line 6 without 0 TRLR: it may be cut off; what is there is imported"
    ]


def test_lines_after_the_trailer_and_unknown_records(sqlite_store: SqliteStore) -> None:
    data = ged("0 @I1@ INDI\n1 NAME Jan\n1 _UID 123\n1 _UID 456\n0 @X1@ _PLAC\n1 NAME Gent")
    data += b"1 NAME na het einde\n"
    report = import_gedcom(sqlite_store, data, source_name="t.ged")
    assert [str(w) for w in report.warnings] == [
        "line 7 (@I1@): unknown tag _UID is not imported (and 1 more times)",
        "line 9 (@X1@): unknown tag _PLAC is not imported",
        "line 11: 1 lines after 0 TRLR are ignored",
    ]


def test_problem_text() -> None:
    assert str(GedcomProblem("x", line=3)) == "line 3: x"
    assert str(GedcomProblem("x", xref="@I1@")) == "@I1@: x"
    error = GedcomError([GedcomProblem("x", line=3)])
    assert str(error) == "the GEDCOM file has 1 problem, nothing was imported: line 3: x"
