"""Adding and editing persons and ties through the forms: the domain's refusals said
next to their field, nothing stored while anything is wrong, Post/Redirect/Get after,
and only for roles that may change a case."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from web_helpers import OWN, WebClient, error_of, make_user, seed_cases

from tenhands.graph.model import Circle, Engagement, SupportType, TieKind, UserRole
from tenhands.graph.store import GraphStore

NEW = f"/cases/{OWN}/persons/new"
PERSON: dict[str, object] = {
    "given_names": "Annemie Josée",
    "surname": "Vermeulen",
    "sex": "female",
    "birth_date": "1962-03",
    "circle": "middle",
    "engagement": "located",
    "support": ["emotional", "transport"],
}


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    seed_cases(store)
    with WebClient.over(store) as c:
        yield c


@pytest.fixture
def csrf(client: WebClient, store: GraphStore) -> str:
    return client.sign_in(store, make_user(store, "werker", UserRole.worker, (OWN,)))


def counts(store: GraphStore) -> tuple[int, int]:
    return store.count_persons(), len(store.list_roles(OWN))


def test_a_worker_adds_a_person_with_a_role(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    form = client.get(NEW)
    assert form.status_code == 200
    before = counts(store)
    r = client.post_form(NEW, PERSON, csrf)
    assert r.status_code == 303
    added = re.fullmatch(
        rf"/cases/{OWN}/ties/new\?from=([^&]+)&done=person_added", r.headers["location"]
    )
    assert added, r.headers["location"]
    person = store.get_person(added.group(1))
    assert (person.given_names, person.surname, str(person.birth_date)) == (
        ["Annemie", "Josée"],
        "Vermeulen",
        "1962-03",
    )
    assert person.provenance.created_by == "werker"
    role = store.get_role(OWN, person.id)
    assert (role.circle, role.engagement) == (Circle.middle, Engagement.located)
    assert role.support == {SupportType.emotional, SupportType.transport}
    assert counts(store) == (before[0] + 1, before[1] + 1)
    follow = client.get(r.headers["location"])
    assert "De persoon is toegevoegd." in follow.text
    assert f'<option value="{person.id}" selected>' in follow.text


def test_a_bad_date_is_said_next_to_its_field_and_nothing_is_stored(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    before = counts(store)
    r = client.post_form(NEW, {**PERSON, "birth_date": "1962-13", "emails": "geen-adres"}, csrf)
    assert r.status_code == 422
    assert counts(store) == before
    assert error_of(r.text, "birth_date") == "Deze datum bestaat niet: kijk de dag en de maand na."
    assert error_of(r.text, "emails").startswith("Dit is geen e-mailadres")
    assert error_of(r.text, "surname") == ""
    field = re.search(r'<input id="f-birth_date"[^>]*>', r.text)
    assert field is not None
    assert 'aria-invalid="true"' in field.group(0)
    assert "f-birth_date-error" in field.group(0)  # aria-describedby names the error
    assert 'value="1962-13"' in field.group(0)  # what was typed stays
    assert 'href="#f-birth_date"' in r.text  # the summary links to the field
    assert 'value="Annemie Josée"' in r.text


def test_a_person_needs_a_name_and_a_death_date_needs_deceased(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    r = client.post_form(NEW, {"given_names": "", "surname": "", "death_date": "2001"}, csrf)
    assert r.status_code == 422
    assert error_of(r.text, "given_names") == "Geef minstens een voornaam of een familienaam."
    r = client.post_form(NEW, {"given_names": "Jef", "death_date": "2001"}, csrf)
    assert error_of(r.text, "deceased").startswith("Er is een overlijdensdatum")


def test_a_form_without_its_token_is_refused_and_stores_nothing(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    before = counts(store)
    r = client.post_form(NEW, PERSON, None)
    assert r.status_code == 403
    assert "Het formulier is verouderd of kwam van een andere site" in r.text
    r = client.post_form(NEW, PERSON, "not-the-token")
    assert r.status_code == 403
    assert counts(store) == before


@pytest.mark.parametrize("role", [UserRole.facilitator, UserRole.viewer])
def test_roles_that_may_not_change_a_case_get_a_403_page(
    client: WebClient, store: GraphStore, role: UserRole
) -> None:
    csrf = client.sign_in(store, make_user(store, f"{role.value}.x", role, (OWN,)))
    before = counts(store)
    for url in (NEW, f"/cases/{OWN}/persons/own-mum/edit", f"/cases/{OWN}/ties/own-t1/edit"):
        page = client.get(url)
        assert page.status_code == 403, url
        assert "Uw rol laat dit niet toe." in page.text
    assert client.post_form(NEW, PERSON, csrf).status_code == 403
    assert counts(store) == before


def test_a_worker_edits_a_person_and_their_role(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    url = f"/cases/{OWN}/persons/own-mum/edit"
    page = client.get(url)
    assert page.status_code == 200 and 'value="Ownmoeder"' in page.text
    data = {
        "given_names": "Ownmoeder",
        "surname": "Zzyxa",
        "sex": "female",
        "birth_date": "1988",
        "phones": "0470 12 34 56; 09 123 45 67",
        "engagement": "committed",
        "circle": "inner",
        "knows_worries": "full",
    }
    r = client.post_form(url, data, csrf)
    assert r.status_code == 303
    assert r.headers["location"] == f"/cases/{OWN}?done=person_saved#person-own-mum"
    mum = store.get_person("own-mum")
    assert str(mum.birth_date) == "1988"
    assert mum.contact.phones == ["0470 12 34 56", "09 123 45 67"]
    assert mum.provenance.updated_by == "werker"
    role = store.get_role(OWN, "own-mum")
    assert (role.engagement, role.circle) == (Engagement.committed, Circle.inner)
    assert "3 van 5" in client.get(f"/cases/{OWN}").text
    bad = client.post_form(url, {**data, "birth_date": "ooit"}, csrf)
    assert bad.status_code == 422
    assert str(store.get_person("own-mum").birth_date) == "1988"


def test_a_person_of_another_case_cannot_be_edited_through_this_one(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    other = client.get(f"/cases/{OWN}/persons/other-mum/edit")
    nobody = client.get(f"/cases/{OWN}/persons/nobody/edit")  # the same page: nothing to probe
    assert other.status_code == nobody.status_code == 403
    assert other.text.replace("other-mum", "nobody") == nobody.text


def test_a_worker_adds_and_edits_a_tie(client: WebClient, store: GraphStore, csrf: str) -> None:
    url = f"/cases/{OWN}/ties/new"
    tie = {"source_id": "own-buur", "kind": "friend", "target_id": "own-mum", "since": "2019"}
    same = client.post_form(url, {**tie, "target_id": "own-buur"}, csrf)
    assert same.status_code == 422
    assert error_of(same.text, "target_id") == "Een band heeft twee verschillende personen nodig."
    outside = client.post_form(url, {**tie, "target_id": "other-mum", "until": "x"}, csrf)
    assert error_of(outside.text, "target_id") == "Kies iemand uit dit dossier."
    assert error_of(outside.text, "until").startswith("Schrijf de datum als dag/maand/jaar")
    before = len(store.ties_of("own-buur"))
    r = client.post_form(url, tie, csrf)
    assert r.status_code == 303 and r.headers["location"] == f"/cases/{OWN}?done=tie_added#ties"
    added = [t for t in store.ties_of("own-buur") if t.kind is TieKind.friend]
    assert len(store.ties_of("own-buur")) == before + 1 and len(added) == 1
    edit = f"/cases/{OWN}/ties/{added[0].id}/edit"
    assert 'value="2019"' in client.get(edit).text
    late = client.post_form(edit, {**tie, "until": "2010"}, csrf)
    assert error_of(late.text, "until") == "'Tot' ligt vóór 'sinds'."
    r = client.post_form(edit, {**tie, "quality": "strong", "until": ""}, csrf)
    assert r.status_code == 303
    assert store.get_tie(added[0].id).quality is not None
    assert client.get(f"/cases/{OWN}/ties/other-t1/edit").status_code == 404
