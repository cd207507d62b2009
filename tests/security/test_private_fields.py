"""What each role reads, field by field: a facilitator prepares and runs meetings and
reads a case's people, their roles and ties, but never their whereabouts, contact
details, exact birth date, notes, risk flags, contact-log notes or confidential ties —
through the API or the web pages alike. Workers and viewers read them (both stores)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from boundary_helpers import NOV_3
from builders import case, person, role, tie
from fastapi.testclient import TestClient

from tenhands.api.auth.permissions import ROLE_PERMISSIONS, Permission
from tenhands.api.auth.tokens import issue
from tenhands.app import create_app
from tenhands.graph.model import (
    Address,
    Contact,
    ContactEntry,
    PartialDate,
    RiskFlag,
    TokenKind,
    User,
    UserRole,
)
from tenhands.graph.store import GraphStore
from tenhands.settings import Settings

CASE = "c-f"
PRIVATE = (
    "Privaatstraat",
    "470 11 22 33",
    "prive@example.org",
    "2012-06-30",
    "Privéplaats",
    "PRIVATE-NOTE",
    "PRIVATE-ROLE-NOTE",
    "PRIVATE-CONTACT-NOTE",
    "violence",
    "PRIVATE-TIE-NOTE",
)
"""Planted in the case; a facilitator's answers hold none of it."""

ROUTES = (
    "/persons/f-mum",
    "/persons?limit=50",
    "/persons?q=Fatou",
    "/persons/f-mum/ties",
    "/persons/f-mum/neighbourhood?hops=2",
    "/ties/t-secret",
    "/ties/t-open",
    f"/cases/{CASE}/roles",
    f"/cases/{CASE}/roles/f-mum",
    f"/cases/{CASE}/network",
    f"/cases/{CASE}/people",
)


def seed(store: GraphStore) -> None:
    store.create_person(person("f-kid", "Kiki", "Diallo"))
    store.create_person(
        person(
            "f-mum",
            "Fatou",
            "Diallo",
            birth_date=PartialDate.parse("2012-06-30"),
            birth_place="Privéplaats",
            addresses=[Address(street="Privaatstraat", house_number="3", city="Gent")],
            contact=Contact(phones=["+32 470 11 22 33"], emails=["prive@example.org"]),
            notes="PRIVATE-NOTE",
        )
    )
    store.create_person(person("f-oom", "Oumar", "Diallo"))
    store.create_tie(tie("t-open", "f-mum", "f-kid", "parent", note="PRIVATE-TIE-NOTE"))
    store.create_tie(tie("t-secret", "f-oom", "f-kid", "other_relative", confidential=True))
    store.create_case(case(CASE, "f-kid"))
    store.set_role(
        role(
            CASE,
            "f-mum",
            note="PRIVATE-ROLE-NOTE",
            risk_flags={RiskFlag.violence},
            contacts=[ContactEntry(at=NOV_3, by="wout", note="PRIVATE-CONTACT-NOTE")],
        )
    )
    store.set_role(role(CASE, "f-oom"))


def _signed_in(store: GraphStore, user_role: UserRole) -> dict[str, str]:
    user = store.create_user(User(login=f"{user_role.value}.f", display_name="X", role=user_role))
    store.assign_case(user.id, CASE)
    return {"Authorization": f"Bearer {issue(store, user, TokenKind.api).secret}"}


@pytest.fixture
def client(store: GraphStore) -> Iterator[tuple[TestClient, GraphStore]]:
    seed(store)
    with TestClient(create_app(Settings(store=store.describe()), store=store)) as c:
        yield c, store


def test_the_table_says_who_reads_private_parts() -> None:
    private = {r for r, perms in ROLE_PERMISSIONS.items() if Permission.read_private in perms}
    assert private == {UserRole.admin, UserRole.worker, UserRole.viewer}


@pytest.mark.parametrize("user_role", [UserRole.worker, UserRole.viewer, UserRole.facilitator])
def test_each_role_reads_exactly_the_fields_it_may(
    client: tuple[TestClient, GraphStore], user_role: UserRole
) -> None:
    c, store = client
    headers = _signed_in(store, user_role)
    seen: dict[str, str] = {}
    for url in ROUTES:
        r = c.get(url, headers=headers)
        assert r.status_code in (200, 404), f"{url}: {r.status_code}"
        seen[url] = r.text
    everything = "\n".join(seen.values())
    if user_role is UserRole.facilitator:
        leaked = {url: [p for p in PRIVATE if p in text] for url, text in seen.items()}
        assert not {u: p for u, p in leaked.items() if p}, leaked
        mum = c.get("/persons/f-mum", headers=headers).json()
        assert (mum["name"], mum["birth_date"]) == ("Fatou Diallo", "2012")  # the year stays
        role_ = c.get(f"/cases/{CASE}/roles/f-mum", headers=headers).json()
        assert [e["by"] for e in role_["contacts"]] == ["wout"]  # that there was contact
        assert c.get("/ties/t-secret", headers=headers).status_code == 404
        assert "t-secret" not in seen[f"/cases/{CASE}/network"]  # a confidential tie
    else:
        missing = [p for p in (*PRIVATE, "t-secret") if p not in everything]
        assert not missing, f"{user_role.value} does not read {missing}"


def test_the_web_case_page_shows_contact_notes_only_to_those_who_read_them(
    client: tuple[TestClient, GraphStore],
) -> None:
    from tenhands.api.auth.deps import SESSION_COOKIE

    c, store = client
    pages = {}
    for user_role in (UserRole.worker, UserRole.facilitator):
        user = store.create_user(
            User(login=f"web.{user_role.value}", display_name="Y", role=user_role)
        )
        store.assign_case(user.id, CASE)
        c.cookies.set(SESSION_COOKIE, issue(store, user, TokenKind.session).secret)
        page = c.get(f"/cases/{CASE}", headers={"Accept": "text/html"})
        assert page.status_code == 200
        pages[user_role] = page.text
    assert "PRIVATE-CONTACT-NOTE" in pages[UserRole.worker]
    assert not [p for p in PRIVATE if p in pages[UserRole.facilitator]]
