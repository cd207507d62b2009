"""``GET /cases/{case_id}/people``: who is what to the children, in the reader's language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import ApiClient, error

from tenhands.demo.seed import seed_demo
from tenhands.graph.stores.sqlite import SqliteStore


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[ApiClient]:
    seed_demo(sqlite_store)
    with ApiClient.over(sqlite_store) as c:
        yield c


def person(listing: dict[str, Any], person_id: str) -> dict[str, Any]:
    return next(p for p in listing["people"] if p["id"] == person_id)


def to_lina(entry: dict[str, Any]) -> dict[str, Any]:
    return next(r for r in entry["relations"] if r["child_id"] == "demo-lina")


def test_children_first_then_everyone_with_words_and_side(client: ApiClient) -> None:
    listing = client.get("/cases/demo-case/people").json()
    assert listing["lang"] == "nl"
    ids = [p["id"] for p in listing["people"]]
    assert ids[:2] == ["demo-lina", "demo-adam"]
    assert len(ids) == 33
    ria = person(listing, "demo-ria")
    assert (ria["side"], ria["standing"]) == ("maternal", "maternal")
    assert to_lina(ria) | {"words": "grootmoeder"} == to_lina(ria)
    assert (to_lina(ria)["up"], to_lina(ria)["down"], to_lina(ria)["kind"]) == (2, 0, "blood")
    fatima = person(listing, "demo-fatima")
    assert fatima["side"] == "paternal" and to_lina(fatima)["words"] == "grootmoeder"
    adam = person(listing, "demo-adam")
    assert to_lina(adam)["words"] == "broer"
    assert (adam["side"], adam["standing"]) == ("none", "child")  # a child is the centre
    lina = person(listing, "demo-lina")
    assert [r["child_id"] for r in lina["relations"]] == ["demo-adam"]


def test_informal_supporters_are_not_kin(client: ApiClient) -> None:
    listing = client.get("/cases/demo-case/people").json()
    teacher = person(listing, "demo-elke")
    assert (teacher["side"], teacher["standing"]) == ("none", "informal")
    assert to_lina(teacher) == {
        "child_id": "demo-lina",
        "related": False,
        "words": None,
        "side": None,
        "kind": None,
        "up": None,
        "down": None,
    }
    assert teacher["role"]["engagement"] == "engaged"


@pytest.mark.parametrize(
    ("query", "headers", "words"),
    [
        ("?lang=en", {}, "grandmother"),
        ("", {"Accept-Language": "en-GB,en;q=0.9,nl;q=0.5"}, "grandmother"),
        ("", {"Accept-Language": "fr-BE"}, "grand-mère"),
        ("?lang=nl", {"Accept-Language": "en"}, "grootmoeder"),
        ("", {"Accept-Language": "de-DE"}, "grootmoeder"),
    ],
)
def test_the_language_follows_lang_then_accept_language(
    client: ApiClient, query: str, headers: dict[str, str], words: str
) -> None:
    listing = client.get(f"/cases/demo-case/people{query}", headers=headers).json()
    assert to_lina(person(listing, "demo-ria"))["words"] == words


def test_unknown_case_and_language(client: ApiClient) -> None:
    error(client.get("/cases/c-none/people"), 404, "not_found")
    error(client.get("/cases/demo-case/people?lang=de"), 422, "validation_error")
