"""The case page's data entry and reading: what a new person is to the child, removing
persons, ties and network places with undo, the people list's search and filters, and
names of people and users instead of ids and logins."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from web_helpers import OWN, WebClient, error_of, make_user, seed_cases, visible_text

from tenhands.graph.errors import NotFound
from tenhands.graph.model import ContactEntry, TieKind, UserRole
from tenhands.graph.store import GraphStore

NEW = f"/cases/{OWN}/persons/new"
CASE = f"/cases/{OWN}"


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    seed_cases(store)
    with WebClient.over(store) as c:
        yield c


@pytest.fixture
def csrf(client: WebClient, store: GraphStore) -> str:
    return client.sign_in(store, make_user(store, "werker", UserRole.worker, (OWN,)))


def _row(page: str, person_id: str) -> str:
    found = re.search(rf'<tr id="person-{person_id}".*?</tr>', page, re.S)
    assert found, f"no row for {person_id}"
    return visible_text(f"<main>{found.group(0)}</main>")


def test_an_aunt_through_the_mother_is_tied_and_named(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    form = client.get(NEW).text
    assert 'value="own-mum"' in form and "Ownmoeder Zzyxa (moeder)" in form
    r = client.post_form(
        NEW,
        {
            "given_names": "Tine",
            "surname": "Zzyxa",
            "sex": "female",
            "engagement": "identified",
            "relation": "aunt_uncle",
            "via": "own-mum",
        },
        csrf,
    )
    assert r.status_code == 303, error_of(r.text, "via")
    person_id = r.headers["location"].split("#person-")[1]
    [made] = store.ties_of(person_id)
    assert (made.source_id, made.kind, made.target_id) == (person_id, TieKind.sibling, "own-mum")
    row = _row(client.get(CASE).text, person_id)
    assert "tante" in row and "moederskant" in row


def test_a_relation_without_its_parent_is_refused_and_nothing_is_stored(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    before = store.count_persons()
    r = client.post_form(
        NEW,
        {"given_names": "Jef", "sex": "male", "relation": "grandparent"},
        csrf,
    )
    assert r.status_code == 422
    assert error_of(r.text, "via") == "Kies via wie: een ouder, een grootouder of een nieuwe ouder."
    r = client.post_form(
        NEW,
        {
            "given_names": "Jef",
            "sex": "male",
            "engagement": "identified",
            "relation": "grandparent",
            "via": "new-father",
        },
        csrf,
    )
    assert r.status_code == 422
    assert error_of(r.text, "via_name") == "Geef de naam van de nieuwe ouder."
    assert store.count_persons() == before


def test_a_wrong_tie_is_removed_and_undone(client: WebClient, store: GraphStore, csrf: str) -> None:
    tie = store.get_tie("own-t3")
    r = client.post_form(f"{CASE}/ties/own-t3/remove", {}, csrf)
    assert r.status_code == 303 and "done=removed" in r.headers["location"]
    with pytest.raises(NotFound):
        store.get_tie("own-t3")
    page = client.get(r.headers["location"]).text
    assert "Verwijderd." in visible_text(page)
    removal = re.search(r'name="removal" value="([^"]+)"', page)
    assert removal
    r = client.post_form(f"{CASE}/undo", {"removal": removal.group(1)}, csrf)
    assert "done=restored" in r.headers["location"]
    assert store.get_tie("own-t3") == tie
    r = client.post_form(f"{CASE}/undo", {"removal": removal.group(1)}, csrf)
    assert "done=undo_gone" in r.headers["location"]


def test_a_person_is_removed_with_their_ties_and_undone(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    person, ties, role = (
        store.get_person("own-buur"),
        store.ties_of("own-buur"),
        store.get_role(OWN, "own-buur"),
    )
    r = client.post_form(f"{CASE}/persons/own-buur/remove", {}, csrf)
    assert "done=removed" in r.headers["location"]
    with pytest.raises(NotFound):
        store.get_person("own-buur")
    page = client.get(r.headers["location"]).text
    assert "Ownbuurvrouw" not in page.split('id="people"')[1].split("</table>")[0]
    removal = re.search(r'name="removal" value="([^"]+)"', page)
    assert removal
    client.post_form(f"{CASE}/undo", {"removal": removal.group(1)}, csrf)
    assert store.get_person("own-buur") == person
    assert store.ties_of("own-buur") == ties
    assert store.get_role(OWN, "own-buur") == role


def test_the_child_cannot_be_removed(client: WebClient, store: GraphStore, csrf: str) -> None:
    r = client.post_form(f"{CASE}/persons/own-child/remove", {}, csrf)
    assert "refused=child" in r.headers["location"]
    page = client.get(r.headers["location"].split("#")[0]).text
    assert "Een kind van het dossier kan niet verwijderd worden." in page
    assert store.get_person("own-child").id == "own-child"


def test_the_people_list_is_searched_and_filtered(client: WebClient, csrf: str) -> None:
    def shown(**query: str) -> set[str]:
        page = client.get(CASE, params=query).text
        return set(re.findall(r'<tr id="person-([^"]+)"', page))

    everyone = {"own-child", "own-mum", "own-gran", "own-buur"}
    assert shown() == everyone
    assert shown(q="ownmoeder") == {"own-mum"}
    assert shown(q="grootmoeder") == {"own-gran"}  # a relation word finds them too
    assert shown(group="informal") == {"own-buur"}
    assert shown(group="family") == {"own-mum", "own-gran"}
    assert shown(side="maternal") == {"own-mum", "own-gran"}
    assert shown(q="niemand-zo") == set()
    page = client.get(CASE, params={"group": "informal"}).text
    assert "1 van 4 personen getoond" in visible_text(page)
    assert f'<a href="{CASE}/persons/own-buur/edit">Ownbuurvrouw Plomp</a>' in page


def test_the_contact_log_names_the_worker_not_their_login(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    role = store.get_role(OWN, "own-mum")
    entry = ContactEntry(at=role.provenance.created_at, by="werker")
    gone = ContactEntry(at=role.provenance.created_at, by="oud-account")
    store.set_role(role.model_copy(update={"contacts": [entry, gone]}))
    text = visible_text(client.get(CASE).text)
    assert "door Werker" in text and "door een collega" in text
    assert "door werker" not in text and "oud-account" not in text
