"""``/persons``: round trips, partial updates, deletion rules, ties and neighbourhood."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import ADMIN_LOGIN, ApiClient, error

from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    with ApiClient.over(sqlite_store) as c:
        yield c


def test_create_and_read_back(client: ApiClient, sqlite_store: SqliteStore) -> None:
    r = client.post(
        "/persons",
        json={
            "id": "p-marie",
            "given_names": ["Marie", "Louise"],
            "surname": "Claes",
            "birth_surname": "Wouters",
            "sex": "female",
            "birth_date": "1958-04",
            "addresses": [{"city": "Gent", "postcode": "9000", "since": "2001"}],
            "contact": {"phones": ["+32 9 123 45 67"], "emails": ["marie@example.org"]},
            "language": "nl",
            "confidential": ["address", "contact"],
            "source": {"kind": "interview", "note": "named by the mother"},
        },
    )
    assert r.status_code == 201, r.text
    assert r.headers["Location"].endswith("/persons/p-marie")
    made = r.json()
    assert made["name"] == "Marie Louise Claes"
    assert made["birth_date"] == "1958-04"
    assert made["addresses"][0]["since"] == "2001"
    assert made["confidential"] == ["address", "contact"]
    assert made["provenance"]["created_by"] == ADMIN_LOGIN
    assert made["provenance"]["source"]["kind"] == "interview"
    assert made["provenance"]["updated_at"] is None

    assert client.get("/persons/p-marie").json() == made
    stored = sqlite_store.get_person("p-marie")  # really in the store, as sent
    assert stored.birth_surname == "Wouters"
    assert str(stored.birth_date) == "1958-04"
    assert stored.contact.emails == ["marie@example.org"]


def test_the_server_chooses_an_id_and_sets_provenance(client: ApiClient) -> None:
    r = client.post("/persons", json={"sex": "unknown", "given_names": ["Jonas"]})
    assert r.status_code == 201
    body = r.json()
    assert body["id"].startswith("p-")
    assert body["sex"] == "unknown"
    assert body["provenance"]["source"]["kind"] == "manual"
    assert client.get(f"/persons/{body['id']}").json()["given_names"] == ["Jonas"]


def test_provenance_cannot_be_sent(client: ApiClient) -> None:
    r = client.post(
        "/persons",
        json={"sex": "unknown", "given_names": ["An"], "provenance": {"created_by": "someone"}},
    )
    body = error(r, 422, "validation_error")
    assert body["errors"][0]["loc"] == ["body", "provenance"]
    assert client.get("/persons").json()["items"] == []


def test_list_pages_by_id(client: ApiClient) -> None:
    for i in (3, 1, 2):
        client.add_person(f"p{i}", "Kind", f"Nummer{i}")
    first = client.get("/persons", params={"limit": 2}).json()
    assert [p["id"] for p in first["items"]] == ["p1", "p2"]
    assert (first["limit"], first["offset"], first["next_offset"]) == (2, 0, 2)
    rest = client.get("/persons", params={"limit": 2, "offset": 2}).json()
    assert [p["id"] for p in rest["items"]] == ["p3"]
    assert rest["next_offset"] is None


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "ten"}])
def test_list_refuses_bad_paging(client: ApiClient, params: Any) -> None:
    body = error(client.get("/persons", params=params), 422, "validation_error")
    assert body["errors"][0]["loc"][0] == "query"
    assert body["errors"][0]["loc"][1] in params


def test_patch_changes_only_the_fields_sent(client: ApiClient) -> None:
    before = client.add_person(
        "p1", "Sofie", "Janssens", birth_date="1990-02-03", aliases=["Fie"], language="nl"
    )
    r = client.patch("/persons/p1", json={"surname": "Peeters", "language": None})
    assert r.status_code == 200, r.text
    after = r.json()
    assert after["surname"] == "Peeters"
    assert after["language"] is None  # null clears an optional field
    for unchanged in ("given_names", "aliases", "birth_date", "sex", "contact", "addresses"):
        assert after[unchanged] == before[unchanged], unchanged
    assert after["provenance"]["created_at"] == before["provenance"]["created_at"]
    assert after["provenance"]["updated_by"] == ADMIN_LOGIN
    assert after["provenance"]["updated_at"] is not None
    assert client.get("/persons/p1").json() == after


def test_patch_refusals_leave_the_person_unchanged(client: ApiClient) -> None:
    before = client.add_person("p1", "Sofie", "Janssens", birth_date="1990")
    # a death date without deceased: the domain model refuses the result as a whole
    body = error(client.patch("/persons/p1", json={"death_date": "2020"}), 422, "validation_error")
    assert "deceased" in body["detail"]
    # a required list cannot be null
    body = error(client.patch("/persons/p1", json={"given_names": None}), 422, "validation_error")
    assert body["errors"][0]["loc"] == ["body", "given_names"]
    # the id and unknown fields cannot be changed
    error(client.patch("/persons/p1", json={"id": "p2"}), 422, "validation_error")
    error(client.patch("/persons/p1", json={"surnme": "X"}), 422, "validation_error")
    assert client.get("/persons/p1").json() == before
    # both together are fine
    r = client.patch("/persons/p1", json={"deceased": True, "death_date": "2020-05"})
    assert r.status_code == 200
    assert (r.json()["deceased"], r.json()["death_date"]) == (True, "2020-05")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("birth_date", "1958-13"),
        ("birth_date", "1958-02-30"),
        ("birth_date", "12 april 1958"),
        ("sex", "robot"),
        ("given_names", "Jan"),
        ("deceased", "maybe"),
        ("confidential", ["everything"]),
        ("contact", {"emails": ["not-an-email"]}),
        ("id", "has spaces"),
    ],
)
def test_create_refuses_invalid_values(client: ApiClient, field: str, value: Any) -> None:
    r = client.post("/persons", json={"sex": "unknown", "given_names": ["An"], field: value})
    body = error(r, 422, "validation_error")
    assert body["errors"], body
    assert body["errors"][0]["loc"][:2] == ["body", field]
    assert field in body["detail"]
    assert client.get("/persons").json()["items"] == []


def test_partial_date_errors_say_what_is_wrong(client: ApiClient) -> None:
    r = client.post("/persons", json={"sex": "unknown", "birth_date": "1958-13"})
    body = error(r, 422, "validation_error")
    assert body["errors"] == [
        {"loc": ["body", "birth_date"], "msg": "month 13 is outside 1-12", "type": "value_error"}
    ]


def test_duplicate_id_is_a_conflict(client: ApiClient) -> None:
    first = client.add_person("p1", "Sofie", "Janssens")
    r = client.post("/persons", json={"id": "p1", "sex": "unknown", "given_names": ["Other"]})
    body = error(r, 409, "conflict")
    assert "p1" in body["detail"]
    assert client.get("/persons/p1").json() == first


def test_unknown_person_is_404_everywhere(client: ApiClient) -> None:
    for r in (
        client.get("/persons/nobody"),
        client.patch("/persons/nobody", json={"surname": "X"}),
        client.delete("/persons/nobody"),
        client.get("/persons/nobody/ties"),
        client.get("/persons/nobody/neighbourhood"),
    ):
        body = error(r, 404, "not_found")
        assert body["detail"] == "No person with id 'nobody'."


def test_delete(client: ApiClient, sqlite_store: SqliteStore) -> None:
    client.add_person("p1", "Sofie", "Janssens")
    r = client.delete("/persons/p1")
    assert r.status_code == 204
    assert r.content == b""
    error(client.get("/persons/p1"), 404, "not_found")
    assert sqlite_store.count_persons() == 0


def test_delete_with_ties_needs_cascade(client: ApiClient, sqlite_store: SqliteStore) -> None:
    client.add_person("p1", "Sofie", "Janssens")
    client.add_person("p2", "Lars", "Janssens")
    client.add_tie("t1", "p1", "p2", "parent")
    body = error(client.delete("/persons/p1"), 409, "conflict")
    assert "cascade" in body["detail"]
    assert client.get("/persons/p1").status_code == 200
    assert client.get("/ties/t1").status_code == 200

    assert client.delete("/persons/p1", params={"cascade": "true"}).status_code == 204
    error(client.get("/persons/p1"), 404, "not_found")
    error(client.get("/ties/t1"), 404, "not_found")
    assert sqlite_store.ties_of("p2") == []
    assert client.get("/persons/p2").status_code == 200


def test_a_child_of_a_case_is_never_deleted(client: ApiClient) -> None:
    client.add_person("kid", "Lotte", "Peeters")
    client.add_case("c1", "Lotte", ["kid"])
    body = error(client.delete("/persons/kid", params={"cascade": "true"}), 409, "conflict")
    assert "c1" in body["detail"]
    assert client.get("/persons/kid").status_code == 200


def test_ties_of_a_person(client: ApiClient) -> None:
    for p in ("a", "b", "c", "d"):
        client.add_person(p, p.upper(), "Test")
    client.add_tie("t2", "a", "b", "parent")
    client.add_tie("t1", "c", "a", "friend")
    client.add_tie("t3", "c", "d", "neighbour")
    r = client.get("/persons/a/ties")
    assert r.status_code == 200
    ties = r.json()
    assert [(t["id"], t["source_id"], t["target_id"], t["kind"]) for t in ties] == [
        ("t1", "c", "a", "friend"),
        ("t2", "a", "b", "parent"),
    ]
    assert client.get("/persons/d/ties").json()[0]["id"] == "t3"


def test_neighbourhood(client: ApiClient) -> None:
    # a chain a - b - c - d - e
    for p in "abcde":
        client.add_person(p, p.upper(), "Keten")
    for n, (s, t) in enumerate(zip("abcd", "bcde", strict=True)):
        client.add_tie(f"t{n}", s, t, "sibling")

    def around(hops: int) -> tuple[list[str], list[str]]:
        r = client.get("/persons/c/neighbourhood", params={"hops": hops})
        assert r.status_code == 200, r.text
        body = r.json()
        assert (body["person_id"], body["hops"]) == ("c", hops)
        return [n["id"] for n in body["nodes"]], [e["id"] for e in body["edges"]]

    assert around(0) == (["c"], [])
    assert around(1) == (["b", "c", "d"], ["t1", "t2"])
    assert around(2) == (list("abcde"), ["t0", "t1", "t2", "t3"])
    default = client.get("/persons/c/neighbourhood").json()
    assert default["hops"] == 2
    node = next(n for n in default["nodes"] if n["id"] == "a")
    assert node == {
        "id": "a",
        "name": "A Keten",
        "sex": "unknown",
        "is_child": False,
        "deceased": False,
        "role": None,
    }
    edge = next(e for e in default["edges"] if e["id"] == "t0")
    assert (edge["source"], edge["target"], edge["kind"], edge["basis"]) == (
        "a",
        "b",
        "sibling",
        "biological",
    )
    for hops in (-1, 5):
        error(
            client.get("/persons/c/neighbourhood", params={"hops": hops}), 422, "validation_error"
        )


def test_persons_are_found_by_name_despite_typos(
    client: ApiClient, sqlite_store: SqliteStore
) -> None:
    client.add_person("f1", "Fatima", "El Amrani")
    client.add_person("f2", "Fatiha", "Benali")
    client.add_person("j1", "Jan", "Peeters")
    client.add_person("m1", "Marie-Thérèse", "Van den Broeck", aliases=["Mieke"])
    for typed, expected in (
        ("fatma elamrani", ["f1"]),
        ("El Amrani, Fatima", ["f1"]),
        ("marie therese vandenbroeck", ["m1"]),
        ("Mieke", ["m1"]),
        ("Jan Pieters", ["j1"]),
    ):
        found = client.get("/persons", params={"q": typed}).json()["items"]
        assert [p["id"] for p in found][:1] == expected, typed
    assert client.get("/persons", params={"q": "Zzyzx Qwerty"}).json()["items"] == []
    error(client.get("/persons", params={"q": "x"}), 422, "validation_error")


def test_cases_are_filtered_by_status(client: ApiClient) -> None:
    client.add_person("k1", "Kind", "Een")
    client.add_person("k2", "Kind", "Twee")
    client.add_case("c-open", "Open", ["k1"])
    client.add_case("c-closed", "Gesloten", ["k2"], status="closed")
    closed = client.get("/cases", params={"status": "closed"}).json()["items"]
    assert [c["id"] for c in closed] == ["c-closed"]
    every = client.get("/cases").json()["items"]
    assert {c["id"] for c in every} == {"c-open", "c-closed"}
