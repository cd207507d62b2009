"""Hostile record files and family trees, uploaded by a signed-in worker, are answered
422 with a sentence within seconds, and the service's memory stays put.

The uploads go to the service running in its own process (as in production), whose peak
memory (``VmHWM``) is read before and after. Before these limits: a 2 KB sheet declaring
``A1:XFD1048576`` kept a core busy for minutes, a 100 KB sheet with far-right values grew
the service by gigabytes, and a sheet with a DTD, deeply nested JSON Lines and a GEDCOM
level number of 5,000 digits were each a 500. The same answers come over both stores
(in-process, for the answer's shape).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from api_helpers import ApiClient
from measuring import MIB
from service_process import Service, running_service
from xlsx_builders import GOOD_ROWS, MAIN, sheet, text_row, workbook

from tenhands.graph.store import GraphStore

QUICK = 10.0
"""Seconds an answer may take at most (most take a fraction of one, on a busy machine)."""
MEMORY_BOUND = 128 * MIB
"""How far all the hostile uploads together may raise the service's peak memory."""


def _dtd_sheet() -> bytes:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [{entities}]>'
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        "&a9;</t></is></c></row></sheetData></worksheet>"
    ).encode()


def _far_right() -> bytes:
    row = b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>'
    return workbook(sheet(b"".join(row % (i, i) for i in range(1, 20_001))))


def _bomb() -> bytes:
    rows = b"<sheetData>" + b"<row/>" * 30_000_000
    return workbook(sheet(GOOD_ROWS).replace(b"<sheetData>", rows), level=9)


def _ged(*lines: bytes) -> bytes:
    return (
        b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Jan /Peeters/\n"
        + b"".join(lines)
        + (b"0 TRLR\n")
    )


Refusal = tuple[str, str, Callable[[], bytes], str]
"""The route, the file name, the file, and what the answer says (in a problem)."""

REFUSED: dict[str, Refusal] = {
    "xlsx-values-far-right": (
        "/records/import",
        "lijst.xlsx",
        _far_right,
        "row 1 has values beyond column 500",
    ),
    "xlsx-dtd": ("/records/import", "lijst.xlsx", lambda: workbook(_dtd_sheet()), "a DTD"),
    "xlsx-zip-bomb": ("/records/import", "lijst.xlsx", _bomb, "unpacks to more than 160 MiB"),
    "jsonl-nested": (
        "/records/import",
        "lijst.jsonl",
        lambda: b'{"id": "r1"}\n' + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "not a JSON object (nested too deeply)",
    ),
    "csv-field": (
        "/records/import",
        "lijst.csv",
        lambda: b'id;naam\nr1;"' + b"x" * 200_000 + b'"\n',
        "is longer than 131,072 characters",
    ),
    "csv-tiny-rows": (
        "/records/import",
        "lijst.csv",
        lambda: b"id\n" + b"1\n" * 5_000_000,
        "more than 200,000 rows",
    ),
    "gedcom-level": (
        "/imports/gedcom",
        "boom.ged",
        lambda: _ged(b"1" * 5000 + b" NOTE x\n"),
        "level number of 5,000 digits is too large",
    ),
    "gedcom-long-line": (
        "/imports/gedcom",
        "boom.ged",
        lambda: _ged(b"1 NOTE " + b"x" * (8 * MIB) + b"\n"),
        "the line is longer than 64 KiB",
    ),
    "gedcom-continued": (
        "/imports/gedcom",
        "boom.ged",
        lambda: _ged(b"1 NOTE begin\n" + b"2 CONC abcdefghij\n" * 500_000),
        "goes on over more than 10,000 lines or 512 KiB",
    ),
}


def _problems(body: dict[str, object]) -> list[str]:
    found = body.get("problems")
    assert isinstance(found, list)
    return [str(p.get("message") or p.get("problem")) for p in found if isinstance(p, dict)]


def _refusal(status: int, body: dict[str, object], says: str) -> None:
    assert status == 422, body
    assert body["code"] == "invalid_file"
    detail = body["detail"]
    assert isinstance(detail, str) and detail[:1].isupper() and detail.endswith("."), detail
    assert any(says in p for p in _problems(body)), body


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    with running_service(tmp_path_factory.mktemp("service")) as running:
        # One good import of each kind first, so what the imports load is there before measuring.
        good = workbook(sheet(GOOD_ROWS))
        assert running.post_file("/records/import", "goed.xlsx", good)[0] == 201
        assert running.post_file("/imports/gedcom", "goed.ged", _ged())[0] == 201
        yield running


def test_hostile_files_are_refused_quickly_in_bounded_memory(service: Service) -> None:
    start = service.status("VmHWM")
    for name, (route, filename, build, says) in REFUSED.items():
        data = build()
        assert len(data) < 20 * MIB, name  # within the upload limit: the reader must refuse it
        before = service.status("VmHWM")
        started = time.monotonic()
        status, body = service.post_file(route, filename, data)
        seconds = time.monotonic() - started
        _refusal(status, body, says)
        assert seconds < QUICK, (name, seconds)
        grown = service.status("VmHWM") - before
        assert grown < MEMORY_BOUND, (name, grown / MIB)
    assert service.status("VmHWM") - start < MEMORY_BOUND
    assert service.process.poll() is None


def test_a_sheet_declaring_its_whole_size_is_read_quickly(service: Service) -> None:
    last = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>r9</t></is></c></row>'
    data = workbook(sheet(GOOD_ROWS + last, dimension="A1:XFD1048576"))
    before = service.status("VmHWM")
    started = time.monotonic()
    status, body = service.post_file("/records/import", "groot.xlsx", data)
    assert time.monotonic() - started < QUICK
    assert status == 201, body
    assert body["imported"] == 2
    assert service.status("VmHWM") - before < MEMORY_BOUND


@pytest.mark.parametrize("name", ["xlsx-dtd", "jsonl-nested", "gedcom-level"])
def test_the_same_answers_over_both_stores(store: GraphStore, name: str) -> None:
    route, filename, build, says = REFUSED[name]
    with ApiClient.over(store) as client:
        r = client.post(route, files={"file": (filename, build(), "application/octet-stream")})
        _refusal(r.status_code, r.json(), says)
    assert store.count_persons() == 0
    assert store.list_records(limit=10) == []


def test_a_row_of_the_sheet_too_large_is_refused(store: GraphStore) -> None:
    data = workbook(sheet(GOOD_ROWS + text_row(3, "r2", "x" * (2 * MIB))), level=0)
    with ApiClient.over(store) as client:
        r = client.post("/records/import", files={"file": ("lijst.xlsx", data, "x/y")})
        _refusal(r.status_code, r.json(), "takes more than 1 MiB of XML")
