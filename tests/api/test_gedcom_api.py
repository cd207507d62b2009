"""``POST /imports/gedcom`` and ``GET /cases/{case_id}/export.ged``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import ApiClient, error
from httpx import Response

from tenhands.api.routers import gedcom as gedcom_router
from tenhands.demo.seed import seed_demo
from tenhands.graph.stores.sqlite import SqliteStore

BROKEN = (
    b"0 HEAD\n1 CHAR UTF-8\n1 GEDC\n2 VERS 5.5.1\n"
    b"0 @I1@ INDI\n1 NAME Jan /Peeters/\n1 FAMC @F9@\n"
    b"0 @I2@ INDI\n1 NAME Mia /Peeters/\n0 TRLR\n"
)


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    seed_demo(sqlite_store)
    with ApiClient.over(sqlite_store) as c:
        yield c


def upload(client: ApiClient, data: bytes, name: str = "stamboom.ged", **form: str) -> Response:
    return client.post("/imports/gedcom", files={"file": (name, data, "text/plain")}, data=form)


def test_import_the_public_sample_into_a_case(
    client: ApiClient, sqlite_store: SqliteStore, gedcom_sample: Path
) -> None:
    before = len(sqlite_store.list_roles("demo-case"))
    r = upload(client, gedcom_sample.read_bytes(), "sample.ged", case_id="demo-case")
    assert r.status_code == 201, r.text
    report = r.json()
    assert (report["persons"], len(report["person_ids"])) == (43, 43)
    assert report["ties"] > 40
    assert len(sqlite_store.list_roles("demo-case")) == before + 43
    [gustaf] = sqlite_store.find_persons_by_source("@I07@", name="sample.ged")
    assert gustaf.surname == "Smith" and gustaf.provenance.source.kind == "gedcom"
    again = upload(client, gedcom_sample.read_bytes(), "sample.ged", case_id="demo-case")
    assert again.status_code == 201
    assert again.json()["person_ids"] == report["person_ids"]
    assert sqlite_store.count_persons() == 33 + 43  # the same file updates, never duplicates


def test_a_broken_file_is_refused_with_lines_and_nothing_stored(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    body = error(upload(client, BROKEN), 422, "invalid_file")
    assert any(p["line"] == 7 and "@F9@" in p["message"] for p in body["problems"])
    assert "Peeters" not in str(body)
    assert sqlite_store.count_persons() == 33
    kept = upload(client, BROKEN, keep_valid="true")
    assert kept.status_code == 201
    assert kept.json()["persons"] == 2 and kept.json()["warnings"]


def test_unknown_case_empty_and_too_large_uploads(
    client: ApiClient,
    sqlite_store: SqliteStore,
    gedcom_sample: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error(upload(client, gedcom_sample.read_bytes(), case_id="c-none"), 404, "not_found")
    assert sqlite_store.count_persons() == 33
    error(upload(client, b""), 422, "invalid_file")
    monkeypatch.setattr(gedcom_router, "MAX_UPLOAD", 1000)
    error(upload(client, gedcom_sample.read_bytes()), 413, "too_large")
    assert sqlite_store.count_persons() == 33


def test_export_a_case(client: ApiClient) -> None:
    r = client.get("/cases/demo-case/export.ged")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/vnd.familysearch.gedcom")
    assert 'filename="demo-case.ged"' in r.headers["content-disposition"]
    assert r.text.startswith("0 HEAD") and "2017" in r.text
    hidden = client.get("/cases/demo-case/export.ged?hide_living=true")
    assert "2017" not in hidden.text
    error(client.get("/cases/c-none/export.ged"), 404, "not_found")
