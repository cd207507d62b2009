"""Checking a GEDCOM file line by line before the parser sees it.

ged4py stops at the first line it cannot read. To report *every* broken line
(with its number) and, under ``keep_valid``, to go on without it, this module
reads the lines first: level numbers, nesting, ``CONT``/``CONC`` placement,
duplicate record ids, characters the character set cannot hold, the header
and the trailer. The lines that pass are handed on, each written in the one
canonical form ged4py reads, with a table from their place in that text back
to their line number in the file.

The lines are held to limits, so no file makes the import work or hold without end:
:data:`MAX_LINES` lines, :data:`MAX_LINE_BYTES` bytes a line, levels up to
:data:`MAX_LEVEL` (GEDCOM's own limit, which also bounds how deep records nest), and a
text continued over at most :data:`MAX_CONTINUATIONS` ``CONT``/``CONC`` lines and
:data:`MAX_TEXT_BYTES` bytes.

The continuations of a text are joined here, once, into the line they continue (ged4py
would join them one by one, at a cost growing with the square of their number); a line
break (``CONT``) is written as :data:`CONT_MARK`, which the parser turns back into one.
No line of the file may hold that byte.
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
_LONG_NUMBER = re.compile(rb"\d{9}")
"""No date has a number of nine digits; ged4py's int() fails on one of thousands."""

_NOT_GEDCOM = "the file does not start with 0 HEAD: it is not a GEDCOM file"

MAX_LEVEL = 99
"""The deepest level number (GEDCOM 5.5.1 allows 0 to 99)."""
MAX_LINES = 2_000_000
"""Lines in one file: a family tree of some 150,000 persons."""
MAX_LINE_BYTES = 64 * 1024
"""Bytes of one line (GEDCOM 5.5.1 asks for at most 255 characters; GEDCOM 7 notes are
one line of any length)."""
MAX_CONTINUATIONS = 10_000
"""``CONT`` and ``CONC`` lines that continue one text."""
MAX_TEXT_BYTES = 512 * 1024
"""Bytes of one text with its continuations (a note of some 200 pages)."""
CONT_MARK = b"\x00"
"""A line break inside a joined text (every codec of :mod:`.charset` reads it as U+0000)."""


@dataclass
class Lines:
    """The lines that passed, ready for the parser."""

    text: bytes
    """Canonical lines (``LEVEL [@XREF@] TAG [VALUE]``) joined by newlines."""
    line_at: dict[int, int] = field(default_factory=dict)
    """Offset of a line in :attr:`text` → its line number in the file."""
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
    breaks = max(charset.data.count(b"\n"), charset.data.count(b"\r"))
    if breaks > MAX_LINES:
        problems.fatal(
            f"the file has more than {MAX_LINES:,} lines; split the family tree into smaller files"
        )
        return None
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
    text = _Text()  # the text being continued by CONT and CONC lines

    for number, raw in enumerate(raw_lines, start=1):
        line = raw.strip(b" \t")
        if not line:
            continue
        last_number = number
        if trailer_at is not None:
            after_trailer += 1
            continue
        if len(line) > MAX_LINE_BYTES:
            if not good:
                problems.fatal(_NOT_GEDCOM, number)
                return None
            level_of = _LEVEL.match(line)
            problems.error(
                f"the line is longer than {MAX_LINE_BYTES // 1024} KiB",
                number,
                current,
                skipped="line and the lines under it skipped",
            )
            if level_of is not None and len(level_of.group()) <= 2:
                dropped_under = int(level_of.group())
            continue
        m = _LINE.match(line)
        if not good and (m is None or m.group("level") != b"0" or m.group("tag") != b"HEAD"):
            problems.fatal(_NOT_GEDCOM, number)
            return None
        if CONT_MARK in line:
            problems.error("the line has a NUL byte", number, current, skipped="line skipped")
            continue
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
        digits = m.group("level").lstrip(b"0") or b"0"
        if len(digits) > len(str(MAX_LEVEL)):  # int() refuses numbers of thousands of digits
            shown = digits.decode() if len(digits) <= 6 else f"of {len(digits):,} digits"
            problems.error(
                f"level number {shown} is too large (levels go up to {MAX_LEVEL})",
                number,
                current,
                skipped="line skipped",
            )
            continue
        level = int(digits)
        tag = m.group("tag")
        xref = m.group("xref")
        value = m.group("value")
        if level > MAX_LEVEL:
            problems.error(
                f"level number {level} is too large (levels go up to {MAX_LEVEL})",
                number,
                current,
                skipped="line skipped",
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
            if not text.add(value):
                if not text.cut:
                    text.cut = True
                    problems.error(
                        f"the text of line {text.line} goes on over more than "
                        f"{MAX_CONTINUATIONS:,} lines or {MAX_TEXT_BYTES // 1024} KiB",
                        number,
                        current,
                        skipped="the rest of the text skipped",
                    )
                continue
        else:
            text.start(number, value)
        if tag == b"DATE" and value is not None and (b"@#" in value or _LONG_NUMBER.search(value)):
            value = _checked_calendar(value, charset)
        good.append(_Line(number, level, xref, tag, value, current))

    if not good:  # the header line itself was skipped
        problems.fatal(_NOT_GEDCOM, last_number)
        return None
    if trailer_at is None:
        problems.error(
            f"the file ends at line {last_number} without 0 TRLR: it may be cut off",
            last_number,
            skipped="what is there is imported",
        )
    elif after_trailer:
        problems.warn(f"{after_trailer} lines after 0 TRLR are ignored", trailer_at)

    _check_characters(good, charset, problems)
    return _canonical(_joined(good), charset)


@dataclass(slots=True)
class _Text:
    """The size of a text and its continuations so far."""

    line: int = 0
    """The line the text starts on."""
    size: int = 0
    continuations: int = 0
    cut: bool = False
    """Whether the rest of the text is being skipped."""

    def start(self, line: int, value: bytes | None) -> None:
        """A line that may be continued."""
        self.line, self.size, self.continuations, self.cut = line, len(value or b""), 0, False

    def add(self, value: bytes | None) -> bool:
        """Count a continuation; ``False`` once the text goes over its limits."""
        self.continuations += 1
        self.size += len(value or b"") + 1
        return self.continuations <= MAX_CONTINUATIONS and self.size <= MAX_TEXT_BYTES


def _checked_calendar(value: bytes, charset: Charset) -> bytes:
    """A date with a calendar escape or a number ged4py cannot read (it would stop the
    parser) becomes a phrase; :mod:`.dates` reports it where the date matters."""
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


def _joined(good: list[_Line]) -> list[_Line]:
    """The lines with each text's ``CONT`` and ``CONC`` lines joined into the line they
    continue, as ged4py would join them (``CONT`` as :data:`CONT_MARK`)."""
    out: list[_Line] = []
    parts: list[bytes] | None = None  # the value of out[-1], when continued
    for line in good:
        parent = out[-1] if out else None
        if (
            line.tag in (b"CONT", b"CONC")
            and parent is not None
            and parent.tag != b"BLOB"
            and line.level == parent.level + 1
        ):
            if parts is None:
                parts = [] if parent.value is None else [parent.value]
            if line.tag == b"CONT":
                parts.append(CONT_MARK + (line.value or b""))
            elif line.value is not None:
                parts.append(line.value)
            continue
        if parts and parent is not None:
            parent.value = b"".join(parts)
        parts = None
        out.append(line)
    if parts and out:
        out[-1].value = b"".join(parts)
    return out


def _canonical(good: list[_Line], charset: Charset) -> Lines:
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
    return Lines(b"".join(out), line_at, records)


def _emit(out: list[bytes], line_at: dict[int, int], offset: int, line: bytes, number: int) -> int:
    line_at[offset] = number
    out.append(line + b"\n")
    return offset + len(line) + 1
