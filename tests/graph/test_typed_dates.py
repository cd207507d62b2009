"""Dates as people in Flanders type them: day first, month and year, a year, ISO, and
'ca.' for about; what is no date says why in a word, never in GEDCOM's."""

from __future__ import annotations

from datetime import date

import pytest

from tenhands.graph.model import PartialDate
from tenhands.graph.typed_dates import UnreadableDate, read_day, read_partial_date, typed_form


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("14/03/1975", "1975-03-14"),
        ("14.3.1975", "1975-03-14"),
        ("14-3-1975", "1975-03-14"),
        ("4/3/1975", "1975-03-04"),
        (" 14 / 03 / 1975 ".replace(" ", ""), "1975-03-14"),
        ("1975-03-14", "1975-03-14"),
        ("03/1975", "1975-03"),
        ("3.1975", "1975-03"),
        ("1975-03", "1975-03"),
        ("1975", "1975"),
        ("ca. 1975", "abt 1975"),
        ("ca 14/03/1975", "abt 1975-03-14"),
        ("abt 1958", "abt 1958"),
        ("bet 1850 and 1860", "bet 1850 and 1860"),
    ],
)
def test_typed_dates_are_read_as_meant(typed: str, stored: str) -> None:
    assert str(read_partial_date(typed)) == stored


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31/02/2026", "no_such_day"),
        ("14/13/1975", "no_such_day"),
        ("13/1975", "no_such_day"),
        ("14/03/75", "shape"),
        ("gisteren", "shape"),
        ("na 'abt'", "shape"),
        ("", "shape"),
    ],
)
def test_what_is_no_date_says_why(typed: str, reason: str) -> None:
    with pytest.raises(UnreadableDate) as caught:
        read_partial_date(typed)
    assert caught.value.reason == reason


def test_a_day_needs_the_day() -> None:
    assert read_day("14/11/2026") == date(2026, 11, 14) == read_day("2026-11-14")
    with pytest.raises(UnreadableDate):
        read_day("11/2026")
    with pytest.raises(UnreadableDate) as caught:
        read_day("29/02/2027")
    assert caught.value.reason == "no_such_day"


@pytest.mark.parametrize(
    "stored", ["1975", "1975-03", "1975-03-14", "abt 1975", "bef 1900", "bet 1850 and 1860"]
)
def test_a_stored_date_shown_in_a_form_reads_back_the_same(stored: str) -> None:
    value = PartialDate.parse(stored)
    assert read_partial_date(typed_form(value)) == value
    if value.qualifier is None:
        assert "-" not in typed_form(value)  # day first, as people write it
