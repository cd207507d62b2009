"""Family-tree uploads stay within their case: two workers on two cases each upload a
``familie.ged`` (other families, the same xrefs). Neither reads nor changes the other's
persons; uploading one's own file again updates what it made; an upload that would
update a person its worker may not see is refused whole, without a word about that
person (both stores)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_helpers import ApiClient, Json, bearer, error
from httpx import Response

from tenhands.graph.model import UserRole
from tenhands.graph.store import GraphStore

SECRET_PHONE = "+32 470 31 41 59"
SECRET_NAME = "Zwanetta"
"""Planted in case B; no byte of them may reach worker A."""


def family(mother: str, father: str, child: str) -> bytes:
    """A ``familie.ged``: a couple and a child, always with xrefs @I1@, @I2@, @I3@."""
    return (
        "0 HEAD\n1 CHAR UTF-8\n1 GEDC\n2 VERS 5.5.1\n"
        f"0 @I1@ INDI\n1 NAME {mother}\n1 SEX F\n1 FAMS @F1@\n"
        f"0 @I2@ INDI\n1 NAME {father}\n1 SEX M\n1 FAMS @F1@\n"
        f"0 @I3@ INDI\n1 NAME {child}\n1 SEX F\n1 FAMC @F1@\n"
        "0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n1 CHIL @I3@\n0 TRLR\n"
    ).encode()


FILE_A = family("Ann /Aerts/", "Arno /Aerts/", "Amber /Aerts/")
FILE_B = family(f"{SECRET_NAME} /Haddouchi/", "Bilal /Haddouchi/", "Bo /Haddouchi/")


@pytest.fixture
def client(store: GraphStore) -> Iterator[ApiClient]:
    with ApiClient.over(store) as c:
        c.add_person("kind-a", "Lotte", "Aerts")
        c.add_person("kind-b", "Sami", "Haddouchi")
        c.add_case("case-a", "Casus A", ["kind-a"])
        c.add_case("case-b", "Casus B", ["kind-b"])
        yield c


def upload(client: ApiClient, who: Json, data: bytes, case_id: str) -> Response:
    return client.post(
        "/imports/gedcom",
        files={"file": ("familie.ged", data, "text/plain")},
        data={"case_id": case_id},
        headers=who,
    )


def imported(r: Response) -> list[str]:
    assert r.status_code == 201, r.text
    ids: list[str] = r.json()["person_ids"]
    return ids


def test_two_workers_files_of_one_name_never_meet(client: ApiClient, store: GraphStore) -> None:
    worker_a = bearer(store, "werker.a", UserRole.worker, ("case-a",))
    worker_b = bearer(store, "werker.b", UserRole.worker, ("case-b",))
    ids_b = imported(upload(client, worker_b, FILE_B, "case-b"))
    mother_b = ids_b[0]
    r = client.patch(
        f"/persons/{mother_b}", json={"contact": {"phones": [SECRET_PHONE]}}, headers=worker_b
    )
    assert r.status_code == 200, r.text
    before_b = {i: store.get_person(i) for i in ids_b}

    seen_by_a = [upload(client, worker_a, FILE_A, "case-a")]
    ids_a = imported(seen_by_a[0])
    assert set(ids_a).isdisjoint(ids_b)
    for person_id in ids_b:
        seen_by_a.append(client.get(f"/persons/{person_id}", headers=worker_a))
        assert seen_by_a[-1].status_code in (403, 404)
    seen_by_a.append(client.get("/cases/case-a/roles", headers=worker_a))
    for r in seen_by_a:
        assert SECRET_NAME not in r.text and SECRET_PHONE not in r.text
    assert {i: store.get_person(i) for i in ids_b} == before_b  # B's persons untouched
    assert store.get_person(mother_b).contact.phones == [SECRET_PHONE]
    assert {r.person_id for r in store.list_roles("case-a")} == set(ids_a)
    assert {r.person_id for r in store.list_roles("case-b")} == set(ids_b)

    # A's own file again, with a corrected name: the same persons, updated
    again = upload(client, worker_a, FILE_A.replace(b"Ann /Aerts/", b"Anna /Aerts/"), "case-a")
    assert imported(again) == ids_a
    assert store.get_person(ids_a[0]).given_names == ["Anna"]
    assert store.count_persons() == 2 + 3 + 3
    assert {i: store.get_person(i) for i in ids_b} == before_b


def test_an_upload_that_would_update_an_unseen_person_is_refused_whole(
    client: ApiClient, store: GraphStore
) -> None:
    """A's father has left case A's network for case B's since A's first upload: A's next
    upload of the file would overwrite what B keeps of him, so it is refused."""
    worker_a = bearer(store, "werker.a", UserRole.worker, ("case-a",))
    worker_b = bearer(store, "werker.b", UserRole.worker, ("case-b",))
    ids_a = imported(upload(client, worker_a, FILE_A, "case-a"))
    father = ids_a[1]
    client.put_role("case-b", father)
    assert client.delete(f"/cases/case-a/roles/{father}").status_code == 204
    r = client.patch(
        f"/persons/{father}",
        json={"given_names": [SECRET_NAME], "contact": {"phones": [SECRET_PHONE]}},
        headers=worker_b,
    )
    assert r.status_code == 200, r.text
    kept = {i: store.get_person(i) for i in ids_a}

    changed = FILE_A.replace(b"Ann /Aerts/", b"Anna /Aerts/").replace(b"Arno", b"Arnout")
    body = error(upload(client, worker_a, changed, "case-a"), 409, "conflict")
    assert body["detail"] == (
        "This file has 1 person that clashes with a person outside your cases; "
        "import it under another file name or ask an admin."
    )
    assert {i: store.get_person(i) for i in ids_a} == kept  # nothing written, not even Ann
    assert father not in {r.person_id for r in store.list_roles("case-a")}
    # under another name the file makes new persons of its own
    renamed = client.post(
        "/imports/gedcom",
        files={"file": ("familie-2.ged", changed, "text/plain")},
        data={"case_id": "case-a"},
        headers=worker_a,
    )
    assert set(imported(renamed)).isdisjoint(ids_a)
    assert store.get_person(father).given_names == [SECRET_NAME]
