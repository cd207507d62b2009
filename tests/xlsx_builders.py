"""Excel workbooks written by hand, XML and all, for the tests of the limits on reading them:
a good one, and the hostile ones (bombs, DTDs, sheets declaring a huge size).

(A plain module, not a ``conftest.py``: see ``tests/api/api_helpers.py``.)
"""

from __future__ import annotations

import io
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="{PKG}/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>""".encode()

ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Target="xl/workbook.xml"
 Type="{REL}/officeDocument"/>
</Relationships>""".encode()

WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="{MAIN}" xmlns:r="{REL}">
<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets>
</workbook>""".encode()

WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="{REL}/worksheet"/>
<Relationship Id="rId2" Target="sharedStrings.xml" Type="{REL}/sharedStrings"/>
</Relationships>""".encode()

EMPTY_STRINGS = f'<sst xmlns="{MAIN}" count="0" uniqueCount="0"></sst>'.encode()


def sheet(rows: bytes, *, dimension: str | None = None, before: bytes = b"") -> bytes:
    """A worksheet's XML around ``rows`` (``<row>`` elements written by hand)."""
    dim = f'<dimension ref="{dimension}"/>'.encode() if dimension else b""
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + before
        + f'<worksheet xmlns="{MAIN}">'.encode()
        + dim
        + b"<sheetData>"
        + rows
        + b"</sheetData></worksheet>"
    )


def text_row(number: int, *values: str) -> bytes:
    """A row of inline texts in columns A, B, C…"""
    cells = b"".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'.encode()
        for i, v in enumerate(values)
    )
    return f'<row r="{number}">'.encode() + cells + b"</row>"


GOOD_ROWS = text_row(1, "id", "voornaam", "familienaam") + text_row(2, "r1", "Ankea", "Zzyxa")


def workbook(
    sheet_xml: bytes,
    *,
    strings: bytes = EMPTY_STRINGS,
    extra: dict[str, bytes] | None = None,
    level: int = 6,
) -> bytes:
    """An .xlsx file of one sheet (and ``extra`` files), packed with zlib ``level``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/sharedStrings.xml", strings)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()
