"""Checking a GEDCOM file line by line before the parser sees it.

ged4py stops at the first line it cannot read. To report *every* broken line
(with its number) and, under ``keep_valid``, to go on without it, this module
reads the lines first: level numbers, nesting, ``CONT``/``CONC`` placement,
duplicate record ids, characters the character set cannot hold, the header
and the trailer. The lines that pass are handed on, each written in the one
canonical form ged4py reads, with a table from their place in that text back
to their line number in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ged4py.date import DateValue

from .charset import Charset
from .problems import Problems

_LINE = re.compile(
    rb"^(?P<level>\d+)[ \t]+(?:(?P<xref>@[A-Za-z0-9-][^@]*@)[ \t]+)?(?P<tag>[A-Za-z0-9_]+)"
    rb"(?:[ \t](?P<value>.*))?$"
)
_LEVEL = re.compile(rb"^\d+")
_MAX_LEVEL = 99


@dataclass
class Lines:
    """The lines that passed, ready for the parser."""

    text: bytes
    """Canonical lines (``LEVEL [@XREF@] TAG [VALUE]``) joined by newlines."""
    line_at: dict[int, int] = field(default_factory=dict)
    """Offset of a line in :attr:`text` → its line number in the file."""
    count: int = 0
    """Lines in the file."""
    records: list[int] = field(default_factory=list)
    """Offsets in :attr:`text` of the level-0 lines (records), trailer excluded."""


@dataclass(slots=True)
class _Line:
    number: int
    level: int
    xref: bytes | None
    tag: bytes
    value: bytes | None
    record: str | None


def scan(charset: Charset, problems: Problems) -> Lines | None:
    """Check every line; ``None`` if the file cannot be read as GEDCOM at all."""
    raw_lines = charset.data.splitlines()
    if not any(line.strip() for line in raw_lines):
        problems.fatal("the file is empty")
        return None
    good: list[_Line] = []
    dropped_under: int | None = None  # level below which lines are dropped with a bad parent
    last_number = 0
    seen_xrefs: dict[bytes, int] = {}
    skip_record = False
    trailer_at: int | None = None
    after_trailer = 0
    current: str | None = None  # the xref of the record being read

    for number, raw in enumerate(raw_lines, start=1):
        line = raw.strip(b" \t")
        if not line:
            continue
        last_number = number
        if trailer_at is not None:
            after_trailer += 1
            continue
        m = _LINE.match(line)
        if not good and (m is None or m.group("level") != b"0" or m.group("tag") != b"HEAD"):
            problems.fatal("the file does not start with 0 HEAD: it is not a GEDCOM file", number)
            return None
        if m is None:
            if _LEVEL.match(line) is None:
                problems.error(
                    "the line does not start with a level number",
                    number,
                    current,
                    skipped="line skipped",
                )
            else:
                problems.error(
                    "the line cannot be read as LEVEL [@XREF@] TAG [VALUE]",
                    number,
                    current,
                    skipped="line skipped",
                )
            continue
        level = int(m.group("level"))
        tag = m.group("tag")
        xref = m.group("xref")
        value = m.group("value")
        if level > _MAX_LEVEL:
            problems.error(
                f"level number {level} is too large", number, current, skipped="line skipped"
            )
            continue
        if level == 0:
            dropped_under = None
            skip_record = False
            current = xref.decode("ascii", "replace") if xref is not None else None
            if tag == b"TRLR":
                trailer_at = number
            elif xref is not None:
                if xref in seen_xrefs:
                    problems.error(
                        f"{xref.decode('ascii', 'replace')} is defined twice "
                        f"(first at line {seen_xrefs[xref]})",
                        number,
                        current,
                        skipped="second record skipped",
                    )
                    skip_record = True
                    continue
                seen_xrefs[xref] = number
        if skip_record:
            continue
        if dropped_under is not None and level > dropped_under:
            continue
        dropped_under = None
        previous = good[-1] if good else None
        if previous is not None and level > previous.level + 1:
            problems.error(
                f"level {level} follows level {previous.level}: a line may be at most one "
                "level deeper than the line before",
                number,
                current,
                skipped="line and the lines under it skipped",
            )
            dropped_under = previous.level + 1
            continue
        if tag in (b"CONT", b"CONC") and previous is not None:
            expected = previous.level if previous.tag in (b"CONT", b"CONC") else previous.level + 1
            if level != expected:
                problems.error(
                    f"{tag.decode()} at level {level} does not continue the line before",
                    number,
                    current,
                    skipped="line skipped",
                )
                continue
        if tag == b"DATE" and value is not None and b"@#" in value:
            value = _checked_calendar(value, charset)
        good.append(_Line(number, level, xref, tag, value, current))

    if trailer_at is None:
        problems.error(
            f"the file ends at line {last_number} without 0 TRLR: it may be cut off",
            last_number,
            skipped="what is there is imported",
        )
    elif after_trailer:
        problems.warn(f"{after_trailer} lines after 0 TRLR are ignored", trailer_at)

    _check_characters(good, charset, problems)
    return _canonical(good, charset, len(raw_lines))


def _checked_calendar(value: bytes, charset: Charset) -> bytes:
    """A date with a calendar escape ged4py cannot read (it would stop the parser) becomes
    a phrase; :mod:`.dates` reports it where the date matters."""
    try:
        DateValue.parse(value.decode(charset.codec, errors="replace"))
    except ValueError:
        return b"(" + value + b")"
    return value


def _check_characters(good: list[_Line], charset: Charset, problems: Problems) -> None:
    if charset.data.isascii():
        return
    for i, line in enumerate(good):
        value = line.value
        if value is None or value.isascii():
            continue
        try:
            value.decode(charset.codec)
        except UnicodeDecodeError:
            # A CONC may split one character over two lines: the parser joins them.
            nxt = good[i + 1].tag if i + 1 < len(good) else b""
            if line.tag == b"CONC" or nxt == b"CONC":
                continue
            problems.error(
                f"the line has bytes that are not valid {charset.label}",
                line.number,
                line.record,
                skipped="unreadable characters replaced by \ufffd",
            )


def _canonical(good: list[_Line], charset: Charset, count: int) -> Lines:
    """The lines as ged4py reads them, with a CHAR line naming the codec it is given."""
    char_value = charset.codec.encode("ascii")
    out: list[bytes] = []
    line_at: dict[int, int] = {}
    offset = 0
    in_head = False
    has_char = False
    records: list[int] = []
    for line in good:
        if line.level == 0:
            if in_head and not has_char:
                offset = _emit(out, line_at, offset, b"1 CHAR " + char_value, line.number)
                has_char = True
            in_head = line.tag == b"HEAD" and not has_char
        value = line.value
        if in_head and line.level == 1 and line.tag == b"CHAR":
            value = char_value
            has_char = True
        if line.level == 0 and line.tag != b"TRLR":
            records.append(offset)
        parts = [str(line.level).encode()]
        if line.xref is not None:
            parts.append(line.xref)
        parts.append(line.tag)
        if value is not None:
            parts.append(value)
        offset = _emit(out, line_at, offset, b" ".join(parts), line.number)
    if in_head and not has_char:
        offset = _emit(out, line_at, offset, b"1 CHAR " + char_value, good[-1].number)
    return Lines(b"".join(out), line_at, count, records)


def _emit(out: list[bytes], line_at: dict[int, int], offset: int, line: bytes, number: int) -> int:
    line_at[offset] = number
    out.append(line + b"\n")
    return offset + len(line) + 1
