"""Which character set a GEDCOM file is written in.

Read from the byte-order mark, else from the header's ``1 CHAR`` line: UTF-8,
UTF-16 (little or big endian, with or without a mark), ANSEL (the GEDCOM 5.5
default, via the ``ansel`` codec that ged4py registers), ASCII, and the
ANSI / Windows-1252 / Latin-1 files that older Belgian software writes.
UTF-16 is turned into UTF-8 here, since the parser reads byte-wise.

>>> detect(b"0 HEAD\\n1 CHAR ANSI\\n0 TRLR\\n").codec
'cp1252'
>>> c = detect("0 HEAD\\n1 CHAR UNICODE\\n0 TRLR\\n".encode("utf-16"))
>>> c.codec, c.label, c.data[:6]
('utf-8', 'UTF-16LE', b'0 HEAD')
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import ged4py  # noqa: F401  (registers the ANSEL codecs "ansel" and "gedcom")

_CHAR_LINE = re.compile(rb"^[ \t]*1[ \t]+CHAR[ \t]+([^\r\n]*?)[ \t]*$")
_VERS_LINE = re.compile(rb"^[ \t]*2[ \t]+VERS[ \t]+([^\r\n]*?)[ \t]*$")
_LEVEL0 = re.compile(rb"^[ \t]*0[ \t]")
_CONC_BREAK = re.compile(rb"\r?\n[ \t]*\d+[ \t]+CONC[ \t]?")

# CHAR values as files write them → (Python codec, the name problems use).
_KNOWN: dict[str, tuple[str, str]] = {
    "UTF-8": ("utf-8", "UTF-8"),
    "UTF8": ("utf-8", "UTF-8"),
    "ANSEL": ("gedcom", "ANSEL"),
    "ASCII": ("ascii", "ASCII"),
    "ANSI": ("cp1252", "Windows-1252"),
    "WINDOWS": ("cp1252", "Windows-1252"),
    "WINDOWS-1252": ("cp1252", "Windows-1252"),
    "CP1252": ("cp1252", "Windows-1252"),
    "IBM WINDOWS": ("cp1252", "Windows-1252"),
    "IBM_WINDOWS": ("cp1252", "Windows-1252"),
    "ISO-8859-1": ("latin-1", "Latin-1"),
    "ISO8859-1": ("latin-1", "Latin-1"),
    "ISO-8859-15": ("iso8859-15", "Latin-9"),
    "LATIN1": ("latin-1", "Latin-1"),
    "LATIN-1": ("latin-1", "Latin-1"),
    "IBMPC": ("cp850", "IBM PC"),
    "IBM PC": ("cp850", "IBM PC"),
    "IBM DOS": ("cp850", "IBM PC"),
    "MSDOS": ("cp850", "IBM PC"),
    "MS-DOS": ("cp850", "IBM PC"),
    "OEM": ("cp850", "IBM PC"),
    "MACINTOSH": ("mac-roman", "Mac Roman"),
}
_UNICODE = {"UNICODE", "UTF-16", "UTF16", "UCS-2"}


@dataclass(frozen=True)
class Charset:
    """How to read the bytes handed to the parser."""

    codec: str
    """The Python codec of :attr:`data`."""
    label: str
    """The character set as people know it, e.g. ``ANSEL`` or ``UTF-16LE``."""
    data: bytes
    """The file without its byte-order mark; UTF-16 already turned into UTF-8."""
    version: str = ""
    """The GEDCOM version the header names (``HEAD.GEDC.VERS``), if any."""
    doubts: list[str] = field(default_factory=list)
    """Why the character set was guessed rather than read (warnings)."""


def detect(data: bytes) -> Charset:
    """The character set of ``data`` and the bytes to parse."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        return Charset("utf-8", "UTF-8", data, _version(data))
    for bom, codec, label in (
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
    ):
        if data.startswith(bom):
            return _from_utf16(data[len(bom) :], codec, label)
    if data[:2] == b"0\x00":
        return _from_utf16(data, "utf-16-le", "UTF-16LE")
    if data[:2] == b"\x000":
        return _from_utf16(data, "utf-16-be", "UTF-16BE")

    declared, version = _header(data)
    if declared is None:
        if version.startswith("7"):
            return Charset("utf-8", "UTF-8", data, version)
        if _is_utf8(data):
            return Charset("utf-8", "UTF-8", data, version)
        return Charset(
            "cp1252",
            "Windows-1252",
            data,
            version,
            ["the header has no CHAR line and the file is not UTF-8: read as Windows-1252 (ANSI)"],
        )
    name = declared.upper()
    if name in _UNICODE:
        return _guess(data, version, f"the header says CHAR {declared} but the file is not UTF-16")
    if name not in _KNOWN:
        return _guess(data, version, f"unknown character set CHAR {declared}")
    codec, label = _KNOWN[name]
    if codec == "utf-8" and not _is_utf8(data):
        return Charset(
            "cp1252",
            "Windows-1252",
            data,
            version,
            ["the header says UTF-8 but the file is not: read as Windows-1252 (ANSI)"],
        )
    if codec == "ascii" and not data.isascii():
        return _guess(data, version, "the header says ASCII but the file has other characters")
    return Charset(codec, label, data, version)


def _from_utf16(data: bytes, codec: str, label: str) -> Charset:
    text = data.decode(codec, errors="replace")
    doubts = []
    if "\ufffd" in text:
        doubts.append(f"some characters are not valid {label} and were replaced")
    utf8 = text.encode("utf-8")
    return Charset("utf-8", label, utf8, _version(utf8), doubts)


def _guess(data: bytes, version: str, why: str) -> Charset:
    if _is_utf8(data):
        return Charset("utf-8", "UTF-8", data, version, [f"{why}: read as UTF-8"])
    return Charset("cp1252", "Windows-1252", data, version, [f"{why}: read as Windows-1252"])


def _is_utf8(data: bytes) -> bool:
    if data.isascii():
        return True
    try:
        # A CONC may split a character between two lines; join them first.
        _CONC_BREAK.sub(b"", data).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _header(data: bytes) -> tuple[str | None, str]:
    """The CHAR value and GEDC version written in the header (ASCII in every charset)."""
    declared: str | None = None
    version = ""
    in_gedc = False
    for number, line in enumerate(data[:65536].splitlines()):
        if number > 0 and _LEVEL0.match(line):
            break
        if m := _CHAR_LINE.match(line):
            declared = m.group(1).decode("ascii", errors="replace").strip()
        stripped = line.strip()
        if stripped[:1] == b"1":
            in_gedc = stripped.split()[1:2] == [b"GEDC"]
        elif in_gedc and (m := _VERS_LINE.match(line)):
            version = m.group(1).decode("ascii", errors="replace").strip()
    return declared, version


def _version(data: bytes) -> str:
    return _header(data)[1]
