"""The case list and a case's page: only one's own cases, the people with their
relationship to the child in the reader's language, the counter, the map, the audit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from builders import case, person
from web_helpers import OTHER, OTHER_NAMES, OWN, OWN_NAMES, WebClient, make_user, seed_cases

from tenhands.graph.model import AuditAction, UserRole
from tenhands.graph.store import GraphStore


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    seed_cases(store)
    with WebClient.over(store) as c:
        yield c


def as_role(client: WebClient, store: GraphStore, role: UserRole, lang: str = "nl") -> str:
    user = make_user(store, f"{role.value}.een", role, (OWN,), lang=lang)
    return client.sign_in(store, user)


@pytest.mark.parametrize("role", list(UserRole))
def test_nobody_opens_another_case_and_its_names_never_show(
    client: WebClient, store: GraphStore, role: UserRole
) -> None:
    as_role(client, store, role)
    pages = [
        "/cases",
        f"/cases/{OWN}",
        f"/cases/{OWN}/review",
        f"/cases/{OWN}/meeting",
        f"/cases/{OTHER}",
        f"/cases/{OTHER}/review",
        f"/cases/{OTHER}/meeting",
        f"/cases/{OTHER}/persons/new",
        f"/cases/{OTHER}/persons/other-mum/edit",
        f"/cases/{OTHER}/ties/new",
    ]
    for url in pages:
        r = client.get(url)
        if OTHER in url and role is not UserRole.admin:
            assert r.status_code == 403, url
            assert "Dit dossier is u niet toegewezen." in r.text or "Uw rol" in r.text, url
        for name in OTHER_NAMES if role is not UserRole.admin else ():
            assert name not in r.text, (url, name)


def test_the_case_list_shows_ones_own_cases_with_children_and_counter(
    client: WebClient, store: GraphStore
) -> None:
    as_role(client, store, UserRole.worker)
    r = client.get("/cases")
    assert r.status_code == 200
    assert "Casus Ownkind" in r.text and "Ownkind Zzyxa" in r.text
    assert "2 van 5 volwassenen engageren zich" in r.text
    assert "Casus Othkind" not in r.text
    reads = store.list_audit(actor="worker.een", action=AuditAction.read)
    assert [e.case_id for e in reads] == [OWN]


def test_an_admin_sees_every_case(client: WebClient, store: GraphStore) -> None:
    client.sign_in(store, make_user(store, "beheer", UserRole.admin))
    r = client.get("/cases")
    assert "Casus Ownkind" in r.text and "Casus Othkind" in r.text
    assert "Alle dossiers" in r.text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ["moeder", "grootmoeder", "buurvrouw", "moederskant", "informeel netwerk"]),
        ("en", ["mother", "grandmother", "neighbour", "mother's side", "informal network"]),
    ],
)
def test_the_case_page_says_what_each_person_is_to_the_child(
    client: WebClient, store: GraphStore, lang: str, words: list[str]
) -> None:
    as_role(client, store, UserRole.worker, lang=lang)
    r = client.get(f"/cases/{OWN}")
    assert r.status_code == 200
    assert f'<html lang="{lang}">' in r.text
    for name in OWN_NAMES:
        assert name in r.text
    for word in words:
        assert word in r.text, word
    counter = "2 of 5" if lang == "en" else "2 van 5"
    assert counter in r.text
    missing = "3 more committed adults needed" if lang == "en" else "Nog 3 volwassenen"
    assert missing in r.text
    who = "Committed" if lang == "en" else "Doen mee"
    assert f"{who}: {OWN_NAMES[3]}, {OWN_NAMES[2]}</p>" in r.text  # alphabetically


def test_the_case_page_is_audited(client: WebClient, store: GraphStore) -> None:
    as_role(client, store, UserRole.viewer)
    assert client.get(f"/cases/{OWN}").status_code == 200
    events = store.list_audit(actor="viewer.een", case_id=OWN)
    assert any(e.action is AuditAction.read and e.entity == "case" for e in events)


@pytest.mark.parametrize(
    ("role", "mode"),
    [(UserRole.worker, "work"), (UserRole.viewer, "work"), (UserRole.facilitator, "projection")],
)
def test_the_map_is_embedded_in_the_mode_the_role_may_see(
    client: WebClient, store: GraphStore, role: UserRole, mode: str
) -> None:
    as_role(client, store, role)
    r = client.get(f"/cases/{OWN}?view=genogram")
    src = f'src="/cases/{OWN}/map?view=genogram&amp;mode={mode}&amp;lang=nl"'
    assert src in r.text
    frame = client.get(f"/cases/{OWN}/map?view=genogram&mode={mode}&lang=nl")
    assert frame.status_code == 200 and "Ownkind" in frame.text


def test_only_roles_that_may_change_a_case_see_its_forms(
    client: WebClient, store: GraphStore
) -> None:
    as_role(client, store, UserRole.facilitator)
    r = client.get(f"/cases/{OWN}")
    assert f"/cases/{OWN}/persons/new" not in r.text
    assert "/contacts" not in r.text
    assert client.get(f"/cases/{OWN}/persons/new").status_code == 403
    assert client.get(f"/cases/{OWN}/ties/new").status_code == 403


def test_a_worker_logs_a_contact(client: WebClient, store: GraphStore) -> None:
    csrf = as_role(client, store, UserRole.worker)
    url = f"/cases/{OWN}/persons/own-mum/contacts"
    r = client.post_form(url, {"way": "visit", "reached": "yes", "note": "thuisbezoek"}, csrf)
    assert r.status_code == 303
    assert r.headers["location"] == f"/cases/{OWN}?done=contact_logged#contacts-own-mum"
    role = store.get_role(OWN, "own-mum")
    assert [(c.way.value, c.reached, c.note, c.by) for c in role.contacts] == [
        ("visit", True, "thuisbezoek", "worker.een")
    ]
    assert role.last_contact == role.contacts[0].at
    page = client.get(f"/cases/{OWN}?done=contact_logged")
    assert "Het contact is genoteerd." in page.text and "thuisbezoek" in page.text
    future = client.post_form(url, {"way": "phone", "at": "2999-01-01T10:00"}, csrf)
    assert future.status_code == 422
    assert "Een contact kan niet in de toekomst liggen." in future.text
    assert len(store.get_role(OWN, "own-mum").contacts) == 1


def test_an_unknown_view_falls_back_to_the_ecomap_and_bad_ids_are_not_found(
    client: WebClient, store: GraphStore
) -> None:
    as_role(client, store, UserRole.worker)
    assert "view=ecomap" in client.get(f"/cases/{OWN}?view=nonsense").text
    assert client.get("/cases/bad%20id").status_code == 404


def test_the_case_list_comes_in_pages(client: WebClient, store: GraphStore) -> None:
    for n in range(21):
        store.create_person(person(f"kid-{n:02d}", f"Kind{n:02d}"))
        store.create_case(case(f"c-page-{n:02d}", f"kid-{n:02d}", title=f"Paginacasus {n:02d}"))
    client.sign_in(store, make_user(store, "beheer", UserRole.admin))
    first = client.get("/cases")
    assert first.text.count('<th scope="row">') == 20
    assert 'href="/cases?page=2"' in first.text and "?page=0" not in first.text
    second = client.get("/cases?page=2")
    assert second.text.count('<th scope="row">') == 3  # 23 cases in all
    assert 'href="/cases?page=1"' in second.text and "?page=3" not in second.text
    assert "Er zijn geen dossiers meer." in client.get("/cases?page=9").text
