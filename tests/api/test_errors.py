"""The one error shape, malformed requests, and logs free of personal values."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, error

from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    with ApiClient.over(sqlite_store) as c:
        yield c


def test_malformed_json_is_400(client: ApiClient) -> None:
    r = client.post(
        "/persons", content=b'{"given_names": ["An"', headers={"Content-Type": "application/json"}
    )
    assert error(r, 400, "invalid_input")["detail"] == "The request body is not valid JSON."


def test_a_body_that_is_not_an_object(client: ApiClient) -> None:
    body = error(client.post("/persons", json=["An"]), 422, "validation_error")
    assert body["errors"][0]["loc"] == ["body"]


def test_validation_errors_never_echo_the_input(client: ApiClient) -> None:
    r = client.post("/persons", json={"given_names": ["An"], "sex": "Vrouw-Geheim-42"})
    body = error(r, 422, "validation_error")
    assert body["errors"][0]["loc"] == ["body", "sex"]
    assert set(body["errors"][0]) == {"loc", "msg", "type"}
    assert "Vrouw-Geheim-42" not in r.text


def test_bad_ids_in_paths(client: ApiClient) -> None:
    body = error(client.get("/persons/bad id"), 422, "validation_error")
    assert body["errors"][0]["loc"] == ["path", "person_id"]
    assert "not an id" in body["errors"][0]["msg"]


def test_unknown_route_and_method_have_the_same_shape(client: ApiClient) -> None:
    error(client.get("/nowhere"), 404, "not_found")
    error(client.put("/persons"), 405, "http_error")


def test_logs_hold_no_personal_values(client: ApiClient, caplog: pytest.LogCaptureFixture) -> None:
    secret_name = "Geheimnaam-Xq7"
    secret_date = "1958-13"
    caplog.set_level(logging.DEBUG)
    client.post(
        "/persons",
        json={"id": "p1", "sex": "unknown", "given_names": [secret_name], "birth_date": "1958"},
    )
    client.post(
        "/persons", json={"sex": "unknown", "given_names": [secret_name], "birth_date": secret_date}
    )
    client.post(
        "/persons", json={"id": "p1", "sex": "unknown", "given_names": [secret_name]}
    )  # 409
    client.get("/persons/nobody", params={"q": secret_name})
    client.patch("/persons/p1", json={"surname": secret_name, "death_date": "1950"})
    client.post("/ties", json={"source_id": "p1", "target_id": secret_name, "kind": "friend"})
    # the test's own HTTP client (httpx) logs the URLs it calls; the server side must not
    server = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert server, "the API logs its error responses"
    for record in server:
        text = record.getMessage()
        assert secret_name not in text and secret_date not in text, text
    routes = {r.getMessage() for r in server if r.name == "tenhands.api"}
    assert "POST /persons -> 422 validation_error" in routes
    assert "GET /persons/{person_id} -> 404 not_found" in routes
