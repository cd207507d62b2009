"""Reading a GEDCOM file into a small tree of :class:`Node` s, with ged4py.

The bytes go through :mod:`.charset` (which character set) and :mod:`.lines`
(every line checked, problems collected), then ged4py builds the records:
it joins ``CONT``/``CONC`` lines, decodes values (ANSEL included), splits
names and parses dates. Its records become :class:`Node` s that know their
line number, so the rest of the import does not depend on the library.

ged4py reads the GEDCOM 5.5/5.5.1 line grammar, which GEDCOM 7.0 keeps; the
7.0 differences in meaning (``@@`` escapes, shared notes, name types, roles,
calendars) are handled here and in :mod:`.mapping`.

>>> f = read_file(b"0 HEAD\\n0 @I1@ INDI\\n1 NAME Jan /Peeters/\\n1 BIRT\\n2 DATE ABT 1950\\n"
...               b"0 TRLR\\n", Problems())
>>> [(n.tag, n.line) for n in f.records]
[('INDI', 2)]
>>> birth = f.records[0].first("BIRT").first("DATE")
>>> birth.date_text, birth.line
('ABT 1950', 5)
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

from ged4py.date import DateValue, DateValuePhrase
from ged4py.model import Dialect, Record
from ged4py.parser import GedcomReader

from . import charset as charsets
from . import lines as line_check
from .dates import date_text
from .problems import Problems

_POINTER = re.compile(r"^@[^@\s#][^@]*@$")


def is_pointer(value: str) -> bool:
    """Whether a value is a pointer to a record, such as ``@F1@``.

    >>> is_pointer("@F1@"), is_pointer("@#DJULIAN@ 1700"), is_pointer("Jan")
    (True, False, False)
    """
    return _POINTER.match(value) is not None


@dataclass(slots=True, eq=False)
class Node:
    """One GEDCOM line with the lines under it."""

    tag: str
    value: str
    """The value; for a ``DATE`` that ged4py could parse, empty (see :meth:`date_text`)."""
    line: int
    xref: str | None = None
    date: DateValue | None = None
    """For ``DATE`` lines: the date as ged4py parsed it."""
    children: list[Node] = field(default_factory=list)

    def first(self, tag: str) -> Node | None:
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def every(self, tag: str) -> list[Node]:
        return [child for child in self.children if child.tag == tag]

    def text(self, tag: str) -> str:
        """The value of the first ``tag`` line under this one, or ``""``."""
        child = self.first(tag)
        return child.value if child is not None else ""

    @property
    def date_text(self) -> str:
        """A ``DATE`` as written (in GEDCOM's own words), else the value."""
        if self.date is not None and not self.value:
            return date_text(self.date)
        return self.value

    @property
    def pointer(self) -> str | None:
        return self.value if is_pointer(self.value) else None


@dataclass
class GedcomFile:
    """A parsed file: its records (level 0, without header and trailer) by order and id."""

    records: list[Node]
    by_xref: dict[str, Node]
    header: Node | None
    charset: str
    version: str


def read_file(data: bytes, problems: Problems) -> GedcomFile | None:
    """Parse ``data``; ``None`` when it cannot be read as GEDCOM at all (see ``problems``)."""
    if not data.strip():
        problems.fatal("the file is empty")
        return None
    charset = charsets.detect(data)
    for doubt in charset.doubts:
        problems.warn(doubt)
    lines = line_check.scan(charset, problems)
    if lines is None:
        return None
    reader = GedcomReader(io.BytesIO(lines.text), encoding=charset.codec, errors="replace")
    reader.dialect = Dialect.DEFAULT  # names are split here, not by a vendor's convention
    v7 = charset.version.startswith("7")
    records: list[Node] = []
    header: Node | None = None
    by_xref: dict[str, Node] = {}
    with reader:
        # The record offsets are known from the line check: read each record once,
        # without ged4py's own indexing pass over the file.
        for offset in lines.records:
            record = reader.read_record(offset)
            if record is None:  # pragma: no cover - every offset starts a record
                continue
            node = _node(record, lines.line_at, v7)
            if node.tag == "HEAD":
                header = node
            elif node.tag != "TRLR":
                records.append(node)
                if node.xref is not None:
                    by_xref[node.xref] = node
    return GedcomFile(records, by_xref, header, charset.label, charset.version)


def _node(record: Record, line_at: dict[int, int], v7: bool) -> Node:
    value = record.value
    date: DateValue | None = None
    if isinstance(value, tuple):  # a NAME, split by ged4py into (given, surname, suffix)
        given, surname, rest = (_nfc(_breaks(v)) for v in value[:3])
        text = " ".join(p for p in (given, f"/{surname}/" if surname else "", rest) if p)
    elif isinstance(value, DateValue):
        date = value  # its text is made when needed (see Node.value)
        text = value.phrase or "" if isinstance(value, DateValuePhrase) else ""
    elif value is None:
        text = ""
    else:
        text = _nfc(_breaks(str(value)))
        if v7 and text.startswith("@@"):
            text = text[1:]
    assert record.tag is not None and record.offset is not None
    return Node(
        tag=record.tag,
        value=text,
        line=line_at.get(record.offset, 0),
        xref=record.xref_id,
        date=date,
        children=[_node(r, line_at, v7) for r in record.sub_records],
    )


_MARK = line_check.CONT_MARK.decode("ascii")


def _breaks(text: str) -> str:
    """The line breaks of a text joined by :mod:`.lines` (``CONT``), back as newlines."""
    return text.replace(_MARK, "\n") if _MARK in text else text


def _nfc(text: str) -> str:
    """Letters with their accents as one character: ANSEL (and some Mac files) write the
    accent as a separate mark (``e`` + ``¨``), so ``Zoë`` would not match ``Zoë``."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)
