"""Partial and uncertain dates: a year, a year and month, or a full date, maybe qualified.

Registry extracts and family trees often know only "born 1958", "April 1958",
"about 1850", "before 1900" or "between 1850 and 1860". A :class:`PartialDate`
keeps exactly what is known and can still be compared, ordered and turned into
an age range.

Its text form is an ISO 8601 date with the unknown parts left off (``1958``,
``1958-04``, ``1958-04-12``), optionally after a qualifier as in GEDCOM:
``abt 1958``, ``est 1958``, ``cal 1958``, ``bef 1958``, ``aft 1958``, and
``bet 1850 and 1860``. ``1958~`` is read as ``abt 1958``.

>>> d = PartialDate.parse("1958-04")
>>> d.year, d.month, d.day
(1958, 4, None)
>>> str(d)
'1958-04'
>>> d.earliest(), d.latest()
(datetime.date(1958, 4, 1), datetime.date(1958, 4, 30))
>>> PartialDate.parse("1958") < PartialDate.parse("1958-01-02")
True
>>> PartialDate.parse("1958-04-12").age_range(date(2026, 4, 11))
(67, 67)
>>> PartialDate.parse("1958").age_range(date(2026, 6, 1))
(67, 68)
>>> str(PartialDate.parse("BET 1850 AND 1860-05"))
'bet 1850 and 1860-05'
>>> PartialDate.parse("bet 1850 and 1860").latest()
datetime.date(1860, 12, 31)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema


class DateQualifier(StrEnum):
    """How a date is meant, as GEDCOM qualifies dates."""

    about = "abt"
    estimated = "est"
    calculated = "cal"
    before = "bef"
    after = "aft"
    between = "bet"


_APPROXIMATE = frozenset({DateQualifier.about, DateQualifier.estimated, DateQualifier.calculated})

_ISO = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
_PATTERN = re.compile(
    rf"^(?:(?P<q>abt|est|cal|bef|aft)\s+{_ISO}"
    rf"|bet\s+(?P<b>{_ISO})\s+and\s+(?P<e>{_ISO})"
    rf"|(?P<plain>{_ISO})(?P<tilde>~)?)$",
    re.IGNORECASE,
)
_ONE = re.compile(rf"^{_ISO}$")
_SCHEMA_PATTERN = (
    r"^(?:(?:[Aa][Bb][Tt]|[Ee][Ss][Tt]|[Cc][Aa][Ll]|[Bb][Ee][Ff]|[Aa][Ff][Tt])\s+)?"
    r"\d{4}(?:-\d{2}(?:-\d{2})?)?~?"
    r"(?:\s+[Aa][Nn][Dd]\s+\d{4}(?:-\d{2}(?:-\d{2})?)?)?$"
)
_JSON_SCHEMA_DOC = {
    "description": "YYYY, YYYY-MM or YYYY-MM-DD, optionally qualified: 'abt 1958', "
    "'est 1958', 'cal 1958', 'bef 1958', 'aft 1958', 'bet 1850 and 1860'",
    "examples": ["1958", "1958-04", "1958-04-12", "abt 1958", "bet 1850 and 1860"],
}


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date of which only the year, or year and month, may be known, maybe qualified.

    With ``qualifier`` ``between``, the date runs from itself to ``end``.
    """

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: DateQualifier | None = None
    end: PartialDate | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is outside 1-9999")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is outside 1-12")
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} does not exist in {self.year}-{self.month:02d}")
        if (self.qualifier is DateQualifier.between) != (self.end is not None):
            raise ValueError("a 'between' date needs an end, and only it has one")
        if self.end is not None:
            if self.end.qualifier is not None:
                raise ValueError("the end of a 'between' date is a plain date")
            if self.end.latest() < self._start_earliest():
                raise ValueError("a 'between' date ends before it starts")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read the text form (see the module's documentation)."""
        m = _PATTERN.match(" ".join(text.split()))
        if m is None:
            raise ValueError(
                f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD "
                "(optionally after abt, est, cal, bef or aft, or as 'bet … and …')"
            )
        if m.group("b"):
            start = cls._plain(m.group("b"))
            return cls(
                start.year,
                start.month,
                start.day,
                qualifier=DateQualifier.between,
                end=cls._plain(m.group("e")),
            )
        if m.group("q"):
            plain = cls._plain(text.split()[-1])
            return cls(
                plain.year, plain.month, plain.day, qualifier=DateQualifier(m.group("q").lower())
            )
        plain = cls._plain(m.group("plain"))
        if m.group("tilde"):
            return cls(plain.year, plain.month, plain.day, qualifier=DateQualifier.about)
        return plain

    @classmethod
    def _plain(cls, text: str) -> PartialDate:
        m = _ONE.match(text)
        if m is None:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = m.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"`` (of the start, for a 'between' date)."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def approximate(self) -> bool:
        """Whether the date is about, estimated or calculated."""
        return self.qualifier in _APPROXIMATE

    @property
    def exact(self) -> bool:
        """Whether the date is meant as written (no qualifier)."""
        return self.qualifier is None

    def _start_earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def _start_latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def earliest(self) -> date:
        """The first calendar day the written date may stand for.

        For 'before' and 'after' dates this is the written date's own bound; the
        qualifier says which side is open.
        """
        return self._start_earliest()

    def latest(self) -> date:
        """The last calendar day the written date (or a 'between' date's end) may stand for."""
        return self.end.latest() if self.end is not None else self._start_latest()

    def age_range(self, on: date) -> tuple[int, int]:
        """Smallest and largest possible age in whole years on ``on``."""
        youngest = _age(self.latest(), on)
        oldest = _age(self.earliest(), on)
        if oldest < 0:
            raise ValueError("the date lies after the day the age is asked for")
        return max(youngest, 0), oldest

    def may_be(self, other: PartialDate) -> bool:
        """Whether both dates can stand for the same day."""
        return self.earliest() <= other.latest() and other.earliest() <= self.latest()

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        return self._key() >= other._key()

    def iso(self) -> str:
        """The written date alone, without qualifier: ``1958``, ``1958-04`` or ``1958-04-12``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        if self.end is not None:
            return f"bet {self.iso()} and {self.end.iso()}"
        if self.qualifier is not None:
            return f"{self.qualifier.value} {self.iso()}"
        return self.iso()

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def validate(value: Any) -> PartialDate:
            if isinstance(value, PartialDate):
                return value
            if isinstance(value, date):
                return cls.from_date(value)
            if isinstance(value, int) and not isinstance(value, bool):
                return cls(value)
            if isinstance(value, str):
                return cls.parse(value)
            raise ValueError("a partial date is a string such as 1958, 1958-04 or 1958-04-12")

        text = core_schema.str_schema(pattern=_SCHEMA_PATTERN)
        text["metadata"] = {"pydantic_js_updates": _JSON_SCHEMA_DOC}
        return core_schema.no_info_plain_validator_function(
            validate,
            json_schema_input_schema=text,
            serialization=core_schema.plain_serializer_function_ser_schema(str, return_schema=text),
        )


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
