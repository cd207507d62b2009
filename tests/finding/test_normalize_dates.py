"""Parsing and comparing partial birth dates."""

import pytest

from tenhands.finding.normalize import DateLevel, compare_dates, parse_date
from tenhands.graph.model.dates import DateQualifier, PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1958", PartialDate(1958)),
        ("1958-04", PartialDate(1958, 4)),
        ("1958-04-12", PartialDate(1958, 4, 12)),
        ("12/04/1958", PartialDate(1958, 4, 12)),
        ("12.4.1958", PartialDate(1958, 4, 12)),
        ("12-04-1958", PartialDate(1958, 4, 12)),
        ("2/3/1958", PartialDate(1958, 3, 2)),
        ("4/1958", PartialDate(1958, 4)),
        ("04.1958", PartialDate(1958, 4)),
        ("1958/4/12", PartialDate(1958, 4, 12)),
        ("1958/04/12", PartialDate(1958, 4, 12)),
        ("1958.04.12", PartialDate(1958, 4, 12)),
        ("19580412", PartialDate(1958, 4, 12)),
        ("  1958 ", PartialDate(1958)),
        ("abt 1958", PartialDate(1958, qualifier=DateQualifier.about)),
    ],
)
def test_parse(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "   ", None])
def test_parse_empty(text: str | None) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text",
    ["31/02/1958", "13/13/1958", "1958-13", "april 1958", "12/04/58", "19581304", "1958/12/32"],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("1958-04-12", "12/04/1958", DateLevel.exact),
        ("12/04/1958", "04/12/1958", DateLevel.swapped),
        ("1958-04", "1958-04-12", DateLevel.same_month),
        ("1958-04", "1958-04", DateLevel.same_month),
        ("1958", "1958-04-12", DateLevel.same_year),
        ("1958", "1958", DateLevel.same_year),
        ("1958-05-12", "1958-04-12", DateLevel.same_year),
        ("1958-03", "1958-04-12", DateLevel.same_year),
        ("1957", "1958-04-12", DateLevel.near_year),
        ("31/12/1957", "01/01/1958", DateLevel.near_year),
        ("1960", "1958", DateLevel.other),
        ("1958", None, DateLevel.missing),
        (None, None, DateLevel.missing),
        ("abt 1958", "1958-04-12", DateLevel.same_year),
        ("abt 1956", "1958-04-12", DateLevel.other),
        ("bet 1955 and 1960", "1958-04-12", DateLevel.same_year),
        ("bef 1958", "1930", DateLevel.near_year),
        ("aft 1958", "1930", DateLevel.other),
    ],
)
def test_compare(a: str | None, b: str | None, level: DateLevel) -> None:
    assert compare_dates(parse_date(a), parse_date(b)) is level
    assert compare_dates(parse_date(b), parse_date(a)) is level


def test_levels_are_ordered_strongest_first() -> None:
    assert list(DateLevel) == sorted(DateLevel)
    assert [level.name for level in DateLevel] == [
        "exact",
        "swapped",
        "same_month",
        "same_year",
        "near_year",
        "other",
        "missing",
    ]
