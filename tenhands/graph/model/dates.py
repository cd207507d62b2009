"""Partial dates: a year, a year and month, or a full date.

Registry extracts and family trees often know only "born 1958" or "April 1958".
A :class:`PartialDate` keeps exactly what is known and can still be compared,
ordered and turned into an age range.

Its text form is ISO 8601 with the unknown parts left off (``1958``,
``1958-04``, ``1958-04-12``); a trailing ``~`` marks an approximate date
(``1958~``), as in the Extended Date/Time Format.

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
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

_JSON_SCHEMA_DOC = {
    "description": "YYYY, YYYY-MM or YYYY-MM-DD; a trailing ~ marks an approximate date",
    "examples": ["1958", "1958-04", "1958-04-12", "1958~"],
}
_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<approx>~)?$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date of which only the year, or year and month, may be known."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

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

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally followed by ``~``."""
        m = _PATTERN.match(text.strip())
        if m is None:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        month = m.group("month")
        day = m.group("day")
        return cls(
            int(m.group("year")),
            int(month) if month else None,
            int(day) if day else None,
            approximate=m.group("approx") is not None,
        )

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def earliest(self) -> date:
        """The first calendar day this date may stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last calendar day this date may stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

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

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + ("~" if self.approximate else "")

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

        text = core_schema.str_schema(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?~?$")
        text["metadata"] = {"pydantic_js_updates": _JSON_SCHEMA_DOC}
        return core_schema.no_info_plain_validator_function(
            validate,
            json_schema_input_schema=text,
            serialization=core_schema.plain_serializer_function_ser_schema(str, return_schema=text),
        )


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
