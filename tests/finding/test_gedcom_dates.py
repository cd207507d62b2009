"""GEDCOM dates → PartialDate, text kept with a reason, or an error; and back."""

from __future__ import annotations

import pytest
from ged4py.date import DateValue

from tenhands.finding.gedcom.dates import date_text, read_date, text_to_gedcom, to_gedcom
from tenhands.graph.model import PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1958", "1958"),
        ("APR 1958", "1958-04"),
        ("12 APR 1958", "1958-04-12"),
        ("ABT 1850", "abt 1850"),
        ("ABT. 1886", "abt 1886"),
        ("EST 24 MAY 1961", "est 1961-05-24"),
        ("CAL 1 JAN 1985", "cal 1985-01-01"),
        ("BEF. 23 JUL 1930", "bef 1930-07-23"),
        ("AFT. 1823", "aft 1823"),
        ("BET 1850 AND 1860", "bet 1850 and 1860"),
        ("BET. 1794 - 1796", "bet 1794 and 1796"),
        ("FROM 1900 TO 1910", "bet 1900 and 1910"),
        ("FROM 1900", "aft 1900"),
        ("TO 1900", "bef 1900"),
        ("INT 1900 (volgens oma)", "1900"),
        ("5 APR 1750/51", "1751-04-05"),
        ("12 mei 1958", "1958-05-12"),
        ("3 maart 1901", "1901-03-03"),
        ("1 août 1944", "1944-08-01"),
        ("ca. 1850", "abt 1850"),
        ("omstreeks 1900", "abt 1900"),
        ("vers 1850", "abt 1850"),
        ("voor 1900", "bef 1900"),
        ("na 1900", "aft 1900"),
        ("tussen 1900 en 1910", "bet 1900 and 1910"),
        ("entre 1900 et 1910", "bet 1900 and 1910"),
        ("1958-04-12", "1958-04-12"),
        ("12/04/1958", "1958-04-12"),
        ("12.04.1958", "1958-04-12"),
        ("@#DJULIAN@ 1 JAN 1700", "1700-01-11"),
        ("JULIAN 1 JAN 1700", "1700-01-11"),
        ("@#DFRENCH R@ 12 GERM 10", "1802-04-02"),
        ("GREGORIAN 3 MAR 1970", "1970-03-03"),
    ],
)
def test_readable_dates(text: str, expected: str) -> None:
    read = read_date(text)
    assert (str(read.date), read.text, read.error) == (expected, None, None)


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("deceased", "it is a phrase, not a date"),
        ("(in de winter)", "it is a phrase, not a date"),
        ("26 JUN 34 B.C.", "it lies before the year 1"),
        ("34 BCE", "it lies before the year 1"),
        ("@#DFRENCH R@ 10", "a French Republican date without a day has no single Gregorian year"),
        ("@#DHEBREW@ 1 TSH 5700", "Hebrew dates are kept as written"),
        ("1850?", "it is a phrase, not a date"),
    ],
)
def test_dates_kept_as_text(text: str, doubt: str) -> None:
    read = read_date(text)
    assert (read.date, read.doubt, read.error) == (None, doubt, None)
    assert read.text == text.strip("()")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("31 FEB 1900", "day 31 does not exist in 1900-02"),
        ("1 FOO 1900", "FOO is not a month"),
        ("BET 1900 AND 1890", "the range ends before it starts"),
        ("1958-13", "month 13 is outside 1-12"),
        ("10000", "year 10000 is outside 1-9999"),
        ("@#DROMAN@ 1900", "it names a calendar that cannot be read"),
    ],
)
def test_dates_that_cannot_be_right(text: str, error: str) -> None:
    read = read_date(text)
    assert (read.date, read.text, read.error) == (None, text, error)


@pytest.mark.parametrize(
    "text", ["1958", "1958-04", "1958-04-12", "abt 1850", "est 1850-03", "bef 1900",
             "aft 1900-01-02", "cal 1901", "bet 1850 and 1860-05", "bet 1850-01-03 and 1850-02"]
)  # fmt: skip
def test_written_dates_read_back(text: str) -> None:
    date = PartialDate.parse(text)
    assert read_date(to_gedcom(date)).date == date


@pytest.mark.parametrize("text", ["deceased", "in de winter (zegt oma)", "26 JUN 34 B.C."])
def test_text_dates_read_back_as_the_same_text(text: str) -> None:
    written = text_to_gedcom(text)
    assert read_date(date_text(DateValue.parse(written)), DateValue.parse(written)).text == text
