"""The pages' languages: every message in both catalogues, Dutch translated through and
through, the language remembered on the user's account."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from babel.messages.pofile import read_po
from web_helpers import OWN, WebClient, csrf_in, make_user, seed_cases

from tenhands.graph.model import UserRole
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.web.catalogue import used_messages
from tenhands.web.i18n import LANGS, catalogue_path


def catalogue(lang: str) -> dict[object, object]:
    with catalogue_path(lang).open("rb") as po:
        return {m.id: m.string for m in read_po(po, locale=lang) if m.id}


def test_the_messages_are_found_in_templates_and_python() -> None:
    used = used_messages()
    places = {path for where in used.values() for path, _ in where}
    assert {"base.html", "case.html", "review.html", "meeting.html"} <= places
    assert {"labels.py", "forms.py", "session.py"} <= places
    assert "Sign in" in used and "not safe" in used


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_in_both_catalogues(lang: str) -> None:
    known = catalogue(lang)
    missing = [m for m in used_messages() if m not in known]
    assert missing == [], f"{lang}: run scripts/web_messages.py and translate"


def test_dutch_translates_everything() -> None:
    empty = [
        mid
        for mid, text in catalogue("nl").items()
        if not all(text if isinstance(text, tuple) else (text,))
    ]
    assert empty == []


def test_the_catalogues_hold_nothing_unused() -> None:
    used = set(used_messages())
    for lang in LANGS:
        assert set(catalogue(lang)) - used == set(), lang


@pytest.fixture
def client(sqlite_store: SqliteStore) -> Iterator[WebClient]:
    seed_cases(sqlite_store)
    with WebClient.over(sqlite_store) as c:
        yield c


def test_the_language_is_kept_on_the_users_account(
    client: WebClient, sqlite_store: SqliteStore
) -> None:
    user = make_user(sqlite_store, "werker", UserRole.worker, (OWN,))
    client.sign_in(sqlite_store, user)
    page = client.get(f"/cases/{OWN}")
    assert '<html lang="nl">' in page.text and "Dossiers" in page.text
    r = client.post(
        "/language", data={"lang": "en", "next": f"/cases/{OWN}", "csrf_token": csrf_in(page.text)}
    )
    assert r.status_code == 303 and r.headers["location"] == f"/cases/{OWN}"
    assert "set-cookie" not in r.headers  # on the account, not in a cookie
    assert sqlite_store.get_user(user.id).lang == "en"
    page = client.get(f"/cases/{OWN}")
    assert '<html lang="en">' in page.text and "The people around the child" in page.text
    with WebClient.over(sqlite_store) as elsewhere:  # another browser, the same account
        elsewhere.sign_in(sqlite_store, user)
        assert '<html lang="en">' in elsewhere.get("/cases").text
    refused = client.post("/language", data={"lang": "nl"})  # without the form token
    assert refused.status_code == 403 and sqlite_store.get_user(user.id).lang == "en"
    odd = client.post("/language", data={"lang": "xx", "csrf_token": csrf_in(page.text)})
    assert odd.status_code == 303 and sqlite_store.get_user(user.id).lang == "en"


def test_before_signing_in_the_browser_or_the_address_decides(client: WebClient) -> None:
    assert '<html lang="nl">' in client.get("/login").text
    english = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="en">' in english.text and ">Sign in</h1>" in english.text
    asked = client.get("/login?lang=en", headers={"Accept-Language": "nl-BE"})
    assert '<html lang="en">' in asked.text
    assert '<html lang="nl">' in client.get("/login?lang=fr").text


def test_every_value_of_the_domain_has_a_name_on_the_pages() -> None:
    from tenhands.graph import model
    from tenhands.viz import View
    from tenhands.web import labels

    tables = {
        "engagement": model.Engagement,
        "circle": model.Circle,
        "sex": model.Sex,
        "tie_kind": model.TieKind,
        "basis": model.Basis,
        "quality": model.Quality,
        "partner_status": model.PartnerStatus,
        "support": model.SupportType,
        "risk": model.RiskFlag,
        "worries": model.WorryKnowledge,
        "contact_way": model.ContactWay,
        "case_status": model.CaseStatus,
        "source_kind": model.SourceKind,
        "review_status": model.ReviewStatus,
        "view": View,
        "view_short": View,
    }
    from tenhands.web.people import SIDE_ORDER

    assert set(labels.SIDE) == set(SIDE_ORDER)
    for name, enum in tables.items():
        assert set(labels.ALL[name]) == {v.value for v in enum}, name
