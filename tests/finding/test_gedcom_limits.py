"""GEDCOM files that would make the import work or hold without end: each becomes a
blocking problem with its line, found quickly and in little memory, and nothing is stored.

Before these limits a level number of 5,000 digits raised Python's own ValueError (a 500
from the service), a line of 20 MB took nearly 2 GB, and a text continued over 200,000
lines took a quarter of a minute (ged4py joined them at a cost growing with their square).
"""

from __future__ import annotations

import pytest
from gedcom_helpers import ged
from measuring import MIB, cost

from tenhands.finding.gedcom import GedcomError, import_gedcom
from tenhands.finding.gedcom.lines import (
    MAX_CONTINUATIONS,
    MAX_LINE_BYTES,
    MAX_LINES,
    MAX_TEXT_BYTES,
)
from tenhands.finding.gedcom.parse import GedcomFile, read_file
from tenhands.finding.gedcom.problems import MAX_LISTED, Problems
from tenhands.graph.store import GraphStore

QUICK = 10.0
"""Seconds a refusal may take at most (most take a fraction of one, on a busy machine)."""
SMALL = 64 * MIB
"""How far reading one of these files may raise the peak memory."""

PERSON = "0 @I1@ INDI\n1 NAME Jan /Peeters/"


def blocked(store: GraphStore, data: bytes, *problems: str) -> GedcomError:
    """The import is refused with these problems (as written), quickly, in little memory."""
    spent = cost(lambda: import_gedcom(store, data, source_name="boom.ged"))
    error = spent.outcome
    assert isinstance(error, GedcomError), error
    assert [str(p) for p in error.problems] == list(problems)
    assert spent.seconds < QUICK, spent.seconds
    assert spent.peak < SMALL, spent.peak / MIB
    assert store.count_persons() == 0
    return error


def test_a_level_number_of_thousands_of_digits_is_a_problem(store: GraphStore) -> None:
    data = ged(PERSON, "1" * 5000 + " NOTE x")
    blocked(
        store,
        data,
        "line 7 (@I1@): level number of 5,000 digits is too large (levels go up to 99)",
    )


def test_a_level_number_over_99_is_a_problem(store: GraphStore) -> None:
    problem = "line 7 (@I1@): level number 150 is too large (levels go up to 99)"
    blocked(store, ged(PERSON, "150 NOTE x"), problem)


def test_nesting_goes_to_level_99_and_no_deeper(store: GraphStore) -> None:
    deepest = "\n".join(f"{level} _DIEP x" for level in range(1, 100))
    report = import_gedcom(store, ged(PERSON, deepest), source_name="diep.ged")
    assert report.persons == 1
    data = ged(PERSON.replace("I1", "I2"), deepest, "100 _DIEP x")
    spent = cost(lambda: import_gedcom(store, data, source_name="dieper.ged"))
    assert isinstance(spent.outcome, GedcomError)
    assert [str(p) for p in spent.outcome.problems] == [
        "line 106 (@I2@): level number 100 is too large (levels go up to 99)"
    ]
    assert spent.seconds < QUICK


def test_a_line_of_megabytes_is_a_problem(store: GraphStore) -> None:
    data = ged(PERSON, "1 NOTE " + "x" * (4 * MIB))
    blocked(store, data, f"line 7 (@I1@): the line is longer than {MAX_LINE_BYTES // 1024} KiB")


def test_a_long_line_takes_the_lines_under_it_along(store: GraphStore) -> None:
    data = ged(PERSON, "1 BIRT " + "x" * MAX_LINE_BYTES, "2 DATE 1950", "1 SEX M")
    error = blocked(store, data, "line 7 (@I1@): the line is longer than 64 KiB")
    problems = import_gedcom(store, data, source_name="boom.ged", keep_valid=True).warnings
    assert [str(p) for p in problems] == [
        "line 7 (@I1@): the line is longer than 64 KiB; line and the lines under it skipped"
    ]
    assert error.problems[0].line == 7


def test_a_text_continued_over_too_many_lines_is_a_problem(store: GraphStore) -> None:
    chain = "\n".join(["1 NOTE begin"] + ["2 CONC abcdefghij"] * 200_000)
    data = ged(PERSON, chain)
    blocked(
        store,
        data,
        f"line {7 + MAX_CONTINUATIONS + 1} (@I1@): the text of line 7 goes on over more than "
        f"{MAX_CONTINUATIONS:,} lines or {MAX_TEXT_BYTES // 1024} KiB",
    )


def test_a_text_of_megabytes_is_cut_under_keep_valid(store: GraphStore) -> None:
    chain = "\n".join(["1 NOTE begin"] + ["2 CONT " + "y" * 1000] * 2_000)
    data = ged(PERSON, chain)
    blocked(
        store,
        data,
        "line 531 (@I1@): the text of line 7 goes on over more than 10,000 lines or 512 KiB",
    )
    report = import_gedcom(store, data, source_name="boom.ged", keep_valid=True)
    assert report.persons == 1
    cut = "line 531 (@I1@): the text of line 7 goes on over more than 10,000 lines or 512 KiB; "
    assert cut + "the rest of the text skipped" in [str(w) for w in report.warnings]
    problems = Problems(keep_valid=True)
    parsed = read_file(data, problems)
    assert parsed is not None
    note = parsed.records[0].text("NOTE")
    assert MAX_TEXT_BYTES - 1100 < len(note) <= MAX_TEXT_BYTES


def test_continued_texts_are_joined_as_before(store: GraphStore) -> None:
    note = "1 NOTE Eerste\n2 CONC  regel\n2 CONT Tweede regel\n2 CONT\n2 CONT Vierde"
    report = import_gedcom(store, ged(PERSON, note), source_name="nota.ged")
    (person,) = store.get_persons(report.person_ids)
    assert person.notes == "Eerste regel\nTweede regel\n\nVierde"


def test_many_continuations_within_the_limits_are_joined_in_linear_time() -> None:
    chain = "\n".join(["1 NOTE begin"] + ["2 CONT " + "z" * 50] * (MAX_CONTINUATIONS - 1))
    problems = Problems()
    spent = cost(lambda: read_file(ged(PERSON, chain), problems))
    parsed = spent.outcome
    assert isinstance(parsed, GedcomFile), parsed
    assert not problems.errors
    assert spent.seconds < 2.0
    note = parsed.records[0].text("NOTE")
    assert note.count("\n") == MAX_CONTINUATIONS - 1 and note.endswith("\n" + "z" * 50)


def test_a_nul_byte_is_a_problem(store: GraphStore) -> None:
    blocked(store, ged(PERSON, "1 NOTE a\x00b"), "line 7 (@I1@): the line has a NUL byte")
    not_gedcom = "the file does not start with 0 HEAD: it is not a GEDCOM file"
    blocked(store, b"\x00", f"line 1: {not_gedcom}")
    blocked(store, b"0 HEAD x\x00", "line 1: the line has a NUL byte", f"line 1: {not_gedcom}")


def test_too_many_lines_are_refused_before_they_are_read(store: GraphStore) -> None:
    data = ged(PERSON, "1 _X\n" * MAX_LINES)
    problem = (
        f"the file has more than {MAX_LINES:,} lines; split the family tree into smaller files"
    )
    blocked(store, data, problem)


def test_problems_past_a_thousand_are_counted_not_listed(store: GraphStore) -> None:
    data = ged(PERSON, "kapot\n" * 5_000)
    spent = cost(lambda: import_gedcom(store, data, source_name="kapot.ged"))
    error = spent.outcome
    assert isinstance(error, GedcomError)
    assert len(error.problems) == MAX_LISTED + 1
    assert str(error.problems[-1]) == "and 4,000 more errors"
    assert spent.seconds < QUICK


@pytest.mark.parametrize("keep_valid", [False, True])
def test_a_file_of_made_up_tags_lists_a_thousand(store: GraphStore, keep_valid: bool) -> None:
    tags = "\n".join(f"1 _T{i} x" for i in range(3_000))
    report = import_gedcom(store, ged(PERSON, tags), source_name="tags.ged", keep_valid=keep_valid)
    assert len(report.warnings) == MAX_LISTED + 1
    assert str(report.warnings[-1]) == "and 2,000 more warnings"


@pytest.mark.parametrize("date", ["1 JAN 9999…", "BET 1900 AND 9999…", "@#DJULIAN@ 9999…"])
def test_a_date_of_thousands_of_digits_is_kept_as_text(store: GraphStore, date: str) -> None:
    """ged4py reads a date's numbers with int(), which refuses thousands of digits."""
    birth = "1 BIRT\n2 DATE " + date.replace("9999…", "9" * 5000)
    report = import_gedcom(store, ged(PERSON, birth), source_name="datum.ged")
    assert report.persons == 1
    (said,) = [str(w) for w in report.warnings if "DATE" in w.message]
    assert said.startswith(f"line 8 (@I1@): BIRT DATE '{date.replace('…', '')}")
    assert len(said) < 200
