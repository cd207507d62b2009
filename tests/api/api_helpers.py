"""Helpers for the API tests: a test client over a real store, never a mock.

(No ``conftest.py`` here: with ``--doctest-modules`` two rootless ``conftest.py`` files
clash by module name, so each test module declares its one ``client`` fixture.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from fastapi.testclient import TestClient

from tenhands.api.auth.tokens import issue
from tenhands.app import create_app
from tenhands.graph.errors import NotFound
from tenhands.graph.model import TokenKind, User, UserRole
from tenhands.graph.store import GraphStore
from tenhands.settings import Settings

Json = dict[str, Any]

ADMIN_LOGIN = "wout.werker"
"""Who the tests' client is signed in as, unless a test signs in as someone else."""


def bearer(store: GraphStore, login: str, role: UserRole, cases: tuple[str, ...] = ()) -> Json:
    """Headers signing in as ``login`` (created with ``role`` if new, without a password:
    tests need no argon2 hashing) with ``cases`` assigned."""
    try:
        user = store.get_user_by_login(login)
    except NotFound:
        user = store.create_user(User(login=login, display_name=login, role=role))
    for case_id in cases:
        store.assign_case(user.id, case_id)
    return {"Authorization": f"Bearer {issue(store, user, TokenKind.api).secret}"}


class ApiClient(TestClient):
    """A test client with short ways to set up data through the API itself; each setup call
    checks that it succeeded."""

    @classmethod
    @contextmanager
    def over(cls, store: GraphStore) -> Iterator[ApiClient]:
        """A client of an app over ``store`` (which the caller initialised and closes),
        signed in as an admin (:data:`ADMIN_LOGIN`)."""
        client = cls(
            create_app(Settings(store=store.describe()), store=store),
            headers=bearer(store, ADMIN_LOGIN, UserRole.admin),
        )
        with client:
            yield client

    def _ok(self, r: httpx.Response) -> Json:
        assert r.status_code in (200, 201), r.text
        data: Json = r.json()
        return data

    def add_person(self, person_id: str, given: str, surname: str, **extra: Any) -> Json:
        """A person as test data: the sex not known unless given, and stored whatever
        the plausibility checks warn (they are tested on their own)."""
        body = {"id": person_id, "given_names": [given], "surname": surname, "sex": "unknown"}
        body.update(extra)
        return self._ok(self.post("/persons", json=body, params={"confirm": "true"}))

    def add_tie(self, tie_id: str, source: str, target: str, kind: str, **extra: Any) -> Json:
        """A tie as test data, stored whatever the plausibility checks warn."""
        body = {"id": tie_id, "source_id": source, "target_id": target, "kind": kind, **extra}
        return self._ok(self.post("/ties", json=body, params={"confirm": "true"}))

    def add_case(self, case_id: str, title: str, children: list[str], **extra: Any) -> Json:
        body = {"id": case_id, "title": title, "child_ids": children, **extra}
        return self._ok(self.post("/cases", json=body))

    def put_role(self, case_id: str, person_id: str, **body: Any) -> Json:
        return self._ok(self.put(f"/cases/{case_id}/roles/{person_id}", json=body))


def error(r: httpx.Response, status: int, code: str) -> Json:
    """Check that ``r`` is an error of the API's one shape; return its body."""
    assert r.status_code == status, r.text
    body: Json = r.json()
    assert body["code"] == code, body
    detail = body["detail"]
    assert isinstance(detail, str) and detail[:1].isupper() and detail.endswith("."), detail
    return body
