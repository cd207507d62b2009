"""``POST /records/import``, ``GET /records`` and ``GET /records/{record_id}``, on both stores."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, error
from review_api_helpers import BAD_CSV, GOOD_CSV, record_count, upload, xlsx

from tenhands.api.routers import records as records_router
from tenhands.finding.records.importer import record_id
from tenhands.graph.store import GraphStore


@pytest.fixture
def client(store: GraphStore) -> Iterator[ApiClient]:
    with ApiClient.over(store) as c:
        yield c


def test_import_a_good_csv(client: ApiClient, store: GraphStore) -> None:
    r = upload(client, GOOD_CSV, "registry.csv", source_kind="registry")
    assert r.status_code == 201, r.text
    assert r.json() == {
        "source": "registry.csv",
        "read": 3,
        "imported": 3,
        "skipped": 0,
        "problems": [],
    }
    assert record_count(store) == 3
    got = client.get(f"/records/{record_id('registry.csv', 'a2')}")
    assert got.status_code == 200, got.text
    body = got.json()
    assert (body["given_names"], body["surname"], body["birth_date"]) == (
        "Bart",
        "Verhulst",
        "1978-05-12",
    )
    assert (body["sex"], body["city"]) == ("male", "Aalst")
    assert body["provenance"]["source"] == {
        "kind": "registry",
        "name": "registry.csv",
        "ref": "a2",
        "named_by": None,
        "note": None,
    }


def test_a_bad_csv_is_refused_with_rows_and_columns_and_nothing_stored(
    client: ApiClient, store: GraphStore
) -> None:
    assert upload(client, GOOD_CSV, "earlier.csv").status_code == 201
    before = record_count(store)
    body = error(upload(client, BAD_CSV, "bad.csv"), 422, "invalid_file")
    assert "nothing was imported" in body["detail"]
    problems = {(p["row"], p["column"]) for p in body["problems"]}
    assert problems == {(3, "Geboortedatum"), (4, "ID")}
    assert all(p["problem"] for p in body["problems"])
    # The report says where and what, never the values.
    assert "zomer" not in json.dumps(body) and "Smolders" not in json.dumps(body)
    assert record_count(store) == before


def test_skip_bad_rows_stores_the_good_ones(client: ApiClient, store: GraphStore) -> None:
    r = upload(client, BAD_CSV, "bad.csv", skip_bad_rows="true")
    assert r.status_code == 201, r.text
    report = r.json()
    assert (report["read"], report["imported"], report["skipped"]) == (3, 1, 2)
    assert [(p["row"], p["column"]) for p in report["problems"]] == [
        (3, "Geboortedatum"),
        (4, "ID"),
    ]
    assert [rec.id for rec in store.list_records()] == [record_id("bad.csv", "b1")]


def test_the_same_source_twice_is_refused_and_stores_nothing_more(
    client: ApiClient, store: GraphStore
) -> None:
    assert upload(client, GOOD_CSV).status_code == 201
    body = error(upload(client, GOOD_CSV), 422, "invalid_file")
    assert len(body["problems"]) == 3
    assert all("imported already" in p["problem"] for p in body["problems"])
    assert record_count(store) == 3


def test_a_mapping_names_other_headers(client: ApiClient, store: GraphStore) -> None:
    data = b"Code,Roepnaam,Naam,Hobby\nx-1,Mia,Claes,judo\n"
    mapping = json.dumps({"Code": "id", "Roepnaam": "given_names"})
    r = upload(client, data, "school.csv", mapping=mapping, source="Schoollijst 2024")
    assert r.status_code == 201, r.text
    assert r.json()["source"] == "Schoollijst 2024"
    [stored] = store.list_records()
    assert (stored.given_names, stored.surname, stored.extra) == ("Mia", "Claes", {"Hobby": "judo"})
    assert stored.provenance.source.name == "Schoollijst 2024"
    assert stored.provenance.source.kind == "import_file"


@pytest.mark.parametrize(
    "mapping",
    [
        "{not json",
        '["Code", "id"]',
        '{"Code": 3}',
        '{"Code": "favourite_colour"}',
    ],
)
def test_a_bad_mapping_is_refused(client: ApiClient, store: GraphStore, mapping: str) -> None:
    data = b"Code,Naam\nx-1,Claes\n"
    body = error(upload(client, data, "school.csv", mapping=mapping), 422, "invalid_input")
    assert "mapping" in body["detail"].lower()
    assert record_count(store) == 0


def test_an_excel_sheet(client: ApiClient, store: GraphStore) -> None:
    data = xlsx(
        [
            ["id", "Prénom", "Nom", "Date de naissance"],
            ["e1", "Julie", "Dubois", "1989-11-30"],
            [2, "Marc", "Dubois", 1987],
        ]
    )
    r = upload(client, data, "liste.xlsx", source_kind="case_file")
    assert r.status_code == 201, r.text
    assert r.json()["imported"] == 2
    julie = store.get_record(record_id("liste.xlsx", "e1"))
    assert (julie.given_names, julie.surname, str(julie.birth_date)) == (
        "Julie",
        "Dubois",
        "1989-11-30",
    )
    assert julie.provenance.source.kind == "case_file"


def test_a_bad_excel_row_is_reported_by_its_row(client: ApiClient, store: GraphStore) -> None:
    data = xlsx([["id", "geslacht"], ["e1", "v"], ["e2", "onbekend-woord"]])
    body = error(upload(client, data, "liste.xlsx"), 422, "invalid_file")
    assert [(p["row"], p["column"]) for p in body["problems"]] == [(3, "geslacht")]
    assert "onbekend" not in json.dumps(body)
    assert record_count(store) == 0


def test_json_lines(client: ApiClient, store: GraphStore) -> None:
    lines = [
        {"id": "j1", "given_names": "Noor", "surname": "Janssens", "birth_date": "2001-02"},
        {"id": "j2", "given_names": "Sam", "surname": "Janssens"},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    r = upload(client, data, "dossier.jsonl")
    assert r.status_code == 201, r.text
    assert r.json()["imported"] == 2
    assert store.get_record(record_id("dossier.jsonl", "j2")).given_names == "Sam"
    broken = data + b"\n{oops\n"
    body = error(upload(client, broken, "other.jsonl"), 422, "invalid_file")
    assert [p["row"] for p in body["problems"]] == [3]


def test_the_format_field_when_the_name_does_not_tell(client: ApiClient, store: GraphStore) -> None:
    data = b'{"id": "f1", "surname": "Peeters"}\n'
    r = upload(client, data, "export.dat", format="jsonl", source="Oud dossier")
    assert r.status_code == 201, r.text
    assert store.get_record(record_id("Oud dossier", "f1")).surname == "Peeters"


def test_an_unknown_format_is_refused_with_a_reason(client: ApiClient, store: GraphStore) -> None:
    body = error(upload(client, b"%PDF-1.4 ...", "scan.pdf"), 422, "invalid_file")
    assert ".pdf" in body["detail"] and "format" in body["detail"]
    body = error(upload(client, b"\xd0\xcf\x11\xe0", "oud.xls"), 422, "invalid_file")
    assert ".xlsx" in body["detail"]
    body = error(upload(client, GOOD_CSV, "registry.csv", format="xml"), 422, "validation_error")
    assert body["errors"][0]["loc"] == ["body", "format"]
    # A source name that reads as another format than the one asked for.
    body = error(
        upload(client, GOOD_CSV, "registry.csv", source="lijst.jsonl"), 422, "invalid_file"
    )
    assert "lijst.jsonl" in body["detail"]
    assert record_count(store) == 0


def test_empty_and_headless_files(client: ApiClient, store: GraphStore) -> None:
    body = error(upload(client, b"", "leeg.csv"), 422, "invalid_file")
    assert body["problems"] == [{"row": None, "column": None, "problem": "the file is empty"}]
    body = error(upload(client, b"naam;gemeente\nClaes;Gent\n", "geen-id.csv"), 422, "invalid_file")
    assert "no id column" in body["problems"][0]["problem"]
    assert record_count(store) == 0


def test_too_large_is_413(
    client: ApiClient, store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(records_router, "MAX_UPLOAD", 16)
    error(upload(client, GOOD_CSV), 413, "too_large")
    assert record_count(store) == 0


def test_an_unknown_case_is_404_and_stores_nothing(client: ApiClient, store: GraphStore) -> None:
    error(upload(client, GOOD_CSV, case_id="no-such-case"), 404, "not_found")
    assert record_count(store) == 0


def test_records_for_a_case(client: ApiClient, store: GraphStore) -> None:
    client.add_person("kid", "Lotte", "Verhulst")
    client.add_case("c1", "Lotte", ["kid"])
    assert upload(client, GOOD_CSV, "registry.csv", case_id="c1").status_code == 201
    assert upload(client, BAD_CSV, "bad.csv", skip_bad_rows="true").status_code == 201
    page = client.get("/records", params={"case_id": "c1"}).json()
    assert [r["provenance"]["source"]["ref"] for r in page["items"]] == ["a1", "a2", "a3"]
    assert all(r["case_id"] == "c1" for r in page["items"])


def test_list_pages_and_filters_by_source(client: ApiClient) -> None:
    assert upload(client, GOOD_CSV, "registry.csv").status_code == 201
    assert upload(client, BAD_CSV, "bad.csv", skip_bad_rows="true").status_code == 201
    everything = client.get("/records").json()
    assert len(everything["items"]) == 4 and everything["next_offset"] is None
    ids = [r["id"] for r in everything["items"]]
    assert ids == sorted(ids)
    first = client.get("/records", params={"limit": 2}).json()
    assert [r["id"] for r in first["items"]] == ids[:2] and first["next_offset"] == 2
    rest = client.get("/records", params={"limit": 2, "offset": 2}).json()
    assert [r["id"] for r in rest["items"]] == ids[2:]
    registry = client.get("/records", params={"source": "registry.csv", "limit": 2}).json()
    assert [r["provenance"]["source"]["ref"] for r in registry["items"]] == ["a1", "a2"]
    assert registry["next_offset"] == 2
    more = client.get("/records", params={"source": "registry.csv", "offset": 2}).json()
    assert [r["provenance"]["source"]["ref"] for r in more["items"]] == ["a3"]
    assert client.get("/records", params={"source": "nothing.csv"}).json()["items"] == []
    error(client.get("/records", params={"limit": 0}), 422, "validation_error")


def test_an_unknown_record_is_404(client: ApiClient) -> None:
    error(client.get("/records/r-nothing"), 404, "not_found")
    error(client.get("/records/not an id!"), 422, "validation_error")


def test_the_openapi_document_lists_the_record_routes(client: ApiClient) -> None:
    doc = client.get("/openapi.json").json()
    assert set(doc["paths"]["/records/import"]) == {"post"}
    assert set(doc["paths"]["/records"]) == {"get"}
    assert set(doc["paths"]["/records/{record_id}"]) == {"get"}
    refused = doc["paths"]["/records/import"]["post"]["responses"]["422"]
    assert refused["content"]["application/json"]["schema"]["$ref"].endswith("/RecordFileErrorBody")
