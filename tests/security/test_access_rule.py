"""Case and person access is one rule (:mod:`tenhands.api.auth.access`): the API and the
web pages refuse exactly what it refuses, each in its own words (a JSON error, a page),
for every role, on one's own case, another's case, an unknown case, and a change about
a person of another case."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_helpers import bearer
from web_helpers import OTHER, OWN, WebClient, make_user, seed_cases

from tenhands.api.auth.access import Refused, Why, check_case, check_person
from tenhands.api.auth.permissions import Permission
from tenhands.api.auth.principal import Principal
from tenhands.api.auth.tokens import issue
from tenhands.graph.model import TokenKind, UserRole
from tenhands.graph.store import GraphStore

P = Permission

# (what is asked, the case, the person it is about): the API's and the page's address
ASKS = [
    (P.read_case, OWN, None),
    (P.read_case, OTHER, None),
    (P.read_case, "c-none", None),
    (P.write_case, OWN, "own-mum"),
    (P.write_case, OWN, "other-mum"),  # a person of another case, pulled into one's own
    (P.write_case, OTHER, "other-mum"),
]

API_STATUS = {None: 200, Why.role: 403, Why.case: 403, Why.person: 404}
PAGE_STATUS = {None: 200, Why.role: 403, Why.case: 403, Why.person: 403}


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    seed_cases(store)
    with WebClient.over(store) as c:
        yield c


def _verdict(
    principal: Principal, permission: Permission, case_id: str, person_id: str | None
) -> Why | None:
    try:
        check_case(principal, case_id, permission, person_id)
    except Refused as refused:
        return refused.why
    return None


def _api(client: WebClient, headers: dict[str, str], case_id: str, person_id: str | None) -> int:
    headers = {**headers, "Accept": "application/json"}
    if person_id is None:
        return client.get(f"/cases/{case_id}/people", headers=headers).status_code
    url = f"/cases/{case_id}/roles/{person_id}"
    return client.patch(url, json={"note": "gebeld"}, headers=headers).status_code


def _page(client: WebClient, case_id: str, person_id: str | None) -> int:
    if person_id is None:
        return client.get(f"/cases/{case_id}").status_code
    return client.get(f"/cases/{case_id}/persons/{person_id}/contacts").status_code


@pytest.mark.parametrize("user_role", list(UserRole))
def test_the_api_and_the_pages_refuse_what_the_rule_refuses(
    client: WebClient, store: GraphStore, user_role: UserRole
) -> None:
    login = f"{user_role.value}.regel"
    user = make_user(store, login, user_role, (OWN,))
    principal = Principal(user, issue(store, user, TokenKind.api).stored, False, store)
    headers = bearer(store, login, user_role)
    client.sign_in(store, user)
    seen: set[Why | None] = set()
    for permission, case_id, person_id in ASKS:
        why = _verdict(principal, permission, case_id, person_id)
        seen.add(why)
        asked = f"{user_role.value}: {permission.value} on {case_id} about {person_id}"
        # let in (an admin sees every case and person), what does not exist is not found
        there = case_id != "c-none" and (person_id or case_id[2:]).startswith(case_id[2:])
        found = 404 if why is None and not there else None
        assert _api(client, headers, case_id, person_id) == (found or API_STATUS[why]), asked
        assert _page(client, case_id, person_id) == (found or PAGE_STATUS[why]), asked
    if user_role is UserRole.admin:  # sees every case and person
        assert seen == {None}
    elif principal.can(P.write_case):
        assert seen == {None, Why.case, Why.person}
    else:
        assert Why.role in seen


def test_a_person_of_another_case_is_refused_alike(store: GraphStore) -> None:
    seed_cases(store)
    user = make_user(store, "wendy.regel", UserRole.worker, (OWN,))
    principal = Principal(user, issue(store, user, TokenKind.api).stored, False, store)
    assert check_person(principal, "own-mum", P.read_case) == [OWN]
    for person_id in ("other-mum", "nobody"):
        with pytest.raises(Refused) as refused:
            check_person(principal, person_id, P.read_case)
        assert refused.value.why is Why.person
