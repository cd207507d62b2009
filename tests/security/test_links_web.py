"""The consent flow on the web pages: worker A sees "someone known in another case"
with a form to ask, worker B answers on his requests page, and only then can A accept."""

from __future__ import annotations

import re

from boundary_helpers import A, leaks, seed_two_cases
from fastapi.testclient import TestClient

from tenhands.api.auth.deps import SESSION_COOKIE
from tenhands.api.auth.tokens import issue
from tenhands.app import create_app
from tenhands.finding.kin import KinFinder, propose, search_case
from tenhands.graph.model import TokenKind, User, UserRole
from tenhands.graph.store import GraphStore
from tenhands.settings import Settings

HTML = {"Accept": "text/html"}


def _session(client: TestClient, store: GraphStore, login: str, case_id: str) -> str:
    user = store.create_user(User(login=login, display_name=login.title(), role=UserRole.worker))
    store.assign_case(user.id, case_id)
    issued = issue(store, user, TokenKind.session)
    client.cookies.set(SESSION_COOKIE, issued.secret)
    assert issued.stored.csrf is not None
    return issued.stored.csrf


def test_asking_answering_and_accepting_on_the_web_pages(store: GraphStore) -> None:
    seed_two_cases(store)
    propose(store, search_case(store, KinFinder(), A, actor="anna", duplicates=True))
    [dup] = [c for c in store.list_candidates(A) if c.kind.value == "duplicate"]
    app = create_app(Settings(store=store.describe()), store=store)
    with (
        TestClient(app, headers=HTML, follow_redirects=False) as anna,
        TestClient(app, headers=HTML, follow_redirects=False) as bert,
    ):
        a_csrf = _session(anna, store, "anna", A)
        b_csrf = _session(bert, store, "bert", "c-b")
        page = anna.get(f"/cases/{A}/review").text
        assert "iemand gekend in een ander dossier" in page and not leaks(page)
        assert f"/review/{dup.id}/accept" not in page  # no accept before B shares
        assert f"/review/{dup.id}/link" in page
        asked = anna.post(
            f"/cases/{A}/review/{dup.id}/link", data={"csrf_token": a_csrf, "note": "Zelfde?"}
        )
        assert asked.status_code == 303 and asked.headers["location"].endswith("done=asked")
        assert "het antwoord komt nog" in anna.get(f"/cases/{A}/review").text

        requests = bert.get("/requests").text
        assert "Zelfde?" in requests and "Samira Haddouchi" in requests
        assert "Akind" not in requests  # nothing of A's case but what the note says
        link_id = re.search(r'action="/requests/([^/]+)/grant"', requests)
        assert link_id is not None
        refused = bert.post(f"/requests/{link_id.group(1)}/refuse", data={"csrf_token": b_csrf})
        assert refused.status_code == 422  # a refusal needs a reason
        granted = bert.post(f"/requests/{link_id.group(1)}/grant", data={"csrf_token": b_csrf})
        assert granted.status_code == 303 and granted.headers["location"].endswith("granted")

        page = anna.get(f"/cases/{A}/review").text
        assert f"/review/{dup.id}/accept" in page
        done = anna.post(f"/cases/{A}/review/{dup.id}/accept", data={"csrf_token": a_csrf})
        assert done.status_code == 303 and done.headers["location"].endswith("accepted")
        assert set(store.cases_of("a-mum")) == {A, "c-b"}
