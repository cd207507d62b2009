"""Data entry with guardrails over the API: no sex assumed, impossible values refused
(422 ``implausible``), unlikely ones refused until confirmed (422 ``unconfirmed``,
then ``confirm=true``), each problem naming its field; lookalikes only among the
persons the user may see."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from api_helpers import ApiClient, bearer, error

from tenhands.graph.model import UserRole
from tenhands.graph.stores.sqlite import SqliteStore

NEXT_YEAR = str(date.today().year + 1)


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    with ApiClient.over(sqlite_store) as c:
        yield c


def _problems(body: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(p["field"], p["code"], p["severity"]) for p in body["problems"]]


def test_the_sex_is_required_and_unknown_is_an_answer(client: ApiClient) -> None:
    body = error(client.post("/persons", json={"given_names": ["Jan"]}), 422, "validation_error")
    assert body["errors"][0]["loc"] == ["body", "sex"]
    assert client.get("/persons").json()["items"] == []
    made = client.post("/persons", json={"given_names": ["Jan"], "sex": "unknown"})
    assert made.status_code == 201, made.text
    assert made.json()["sex"] == "unknown"


def test_a_birth_in_the_future_is_refused_even_when_confirmed(client: ApiClient) -> None:
    person = {"given_names": ["Toekomst"], "sex": "male", "birth_date": NEXT_YEAR}
    for params in ({}, {"confirm": "true"}):
        body = error(client.post("/persons", json=person, params=params), 422, "implausible")
        assert _problems(body) == [("birth_date", "born_in_future", "error")]
        assert "future" in body["detail"]
    assert client.get("/persons").json()["items"] == []


def test_a_death_in_the_future_is_refused_on_a_change_too(client: ApiClient) -> None:
    client.add_person("p1", "Oma", "Peeters", birth_date="1940")
    changes = {"deceased": True, "death_date": f"{NEXT_YEAR}-01-02"}
    body = error(client.patch("/persons/p1", json=changes), 422, "implausible")
    assert _problems(body) == [("death_date", "died_in_future", "error")]
    assert client.get("/persons/p1").json()["deceased"] is False


def test_an_odd_phone_is_saved_only_when_confirmed(client: ApiClient) -> None:
    person = {"id": "p1", "given_names": ["An"], "sex": "female", "contact": {"phones": ["abc"]}}
    body = error(client.post("/persons", json=person), 422, "unconfirmed")
    assert _problems(body) == [("contact.phones", "phone_shape", "warning")]
    assert "confirm=true" in body["detail"]
    assert client.get("/persons").json()["items"] == []
    made = client.post("/persons", json=person, params={"confirm": "true"})
    assert made.status_code == 201
    assert made.json()["contact"]["phones"] == ["abc"]
    # a warning already confirmed is not asked again on a change of something else
    assert client.patch("/persons/p1", json={"surname": "Claes"}).status_code == 200


def test_belgian_numbers_and_postcodes_pass_without_a_word(client: ApiClient) -> None:
    person = {
        "given_names": ["An"],
        "sex": "female",
        "contact": {"phones": ["0470 12 34 56", "+32 9 123 45 67"]},
        "addresses": [{"street": "Kerkstraat", "postcode": "9000", "city": "Gent"}],
    }
    assert client.post("/persons", json=person).status_code == 201
    odd = {**person, "given_names": ["Bo"], "addresses": [{"postcode": "900", "city": "Gent"}]}
    body = error(client.post("/persons", json=odd), 422, "unconfirmed")
    assert _problems(body) == [("addresses.postcode", "postcode_shape", "warning")]


def test_a_parent_younger_than_twelve_years_older_asks_for_confirmation(
    client: ApiClient,
) -> None:
    client.add_person("kid", "Lotte", "Claes", birth_date="2017-05-01")
    client.add_person("mum", "Katrien", "Claes", birth_date="2000")
    tie = {"id": "t1", "source_id": "mum", "target_id": "kid", "kind": "parent"}
    assert client.post("/ties", json=tie).status_code == 201
    # a birth date moved later makes the stored tie unlikely: asked on the change
    body = error(client.patch("/persons/mum", json={"birth_date": "2010"}), 422, "unconfirmed")
    assert _problems(body) == [("tie", "young_parent", "warning")]
    assert client.get("/persons/mum").json()["birth_date"] == "2000"
    changed = client.patch("/persons/mum", json={"birth_date": "2010"}, params={"confirm": "true"})
    assert changed.status_code == 200
    # and when the tie is added
    client.add_person("dad", "Jan", "Claes", birth_date="2009-01-01")
    young = {"id": "t2", "source_id": "dad", "target_id": "kid", "kind": "parent"}
    body = error(client.post("/ties", json=young), 422, "unconfirmed")
    assert body["problems"][0]["code"] == "young_parent"
    assert "at most 8 years" in body["problems"][0]["message"]
    assert error(client.get("/ties/t2"), 404, "not_found")
    assert client.post("/ties", json=young, params={"confirm": "true"}).status_code == 201
    # a tie of another kind is not an age question
    friend = {"id": "t3", "source_id": "dad", "target_id": "kid", "kind": "friend"}
    assert client.post("/ties", json=friend).status_code == 201


def test_a_lookalike_is_named_by_id_and_saved_when_confirmed(client: ApiClient) -> None:
    client.add_person("k1", "Katrien", "Vermeulen", birth_date="1975-03-14", sex="female")
    second = {"given_names": ["Katrien"], "surname": "Vermeulen", "sex": "female"}
    body = error(client.post("/persons", json=second), 422, "unconfirmed")
    assert body["problems"] == [
        {
            "field": "given_names",
            "code": "lookalike",
            "severity": "warning",
            "message": "A person you may see has a name like this one: Katrien Vermeulen "
            "(°1975-03-14). Is it the same person?",
            "persons": ["k1"],
        }
    ]
    # a generation apart is another person: no warning
    daughter = {**second, "birth_date": "2005"}
    assert client.post("/persons", json=daughter).status_code == 201
    made = client.post("/persons", json=second, params={"confirm": "true"})
    assert made.status_code == 201
    assert made.json()["surname"] == "Vermeulen"


def test_a_lookalike_in_a_case_the_user_may_not_see_is_never_told(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    client.add_person("a-kid", "Mila", "Janssens")
    client.add_person("b-kid", "Noor", "Vermeulen")
    client.add_person("b-mum", "Katrien", "Vermeulen")
    client.add_case("ca", "Case A", ["a-kid"])
    client.add_case("cb", "Case B", ["b-kid"])
    client.put_role("cb", "b-mum", circle="inner")
    worker = bearer(sqlite_store, "wendy.werker", UserRole.worker, ("ca",))
    same = {"given_names": ["Katrien"], "surname": "Vermeulen", "sex": "female"}
    made = client.post("/persons", json=same, headers=worker)
    assert made.status_code == 201, made.text
    # the admin sees both cases, so is asked
    body = error(client.post("/persons", json=same), 422, "unconfirmed")
    assert body["problems"][0]["persons"] == sorted(["b-mum", made.json()["id"]])
