"""Store contract: accounts, the cases assigned to them, and their sign-in tokens."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from builders import case, person

from tenhands.graph.errors import Conflict, InvalidInput, NotFound
from tenhands.graph.model import AccessToken, TokenKind, User, UserRole
from tenhands.graph.store import GraphStore

BRUSSELS = timezone(timedelta(hours=2))
START = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)


def user(uid: str, login: str, **extra: object) -> User:
    return User(
        id=uid,
        login=login,
        display_name=f"Gebruiker {uid}",
        role=UserRole.worker,
        created_at=START,
        **extra,
    )


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token(tid: str, uid: str = "u-an", **extra: object) -> AccessToken:
    fields: dict[str, object] = {
        "kind": TokenKind.session,
        "token_hash": digest(tid),
        "created_at": START,
        "expires_at": START + timedelta(hours=8),
        **extra,
    }
    return AccessToken(id=tid, user_id=uid, **fields)


@pytest.fixture
def with_users(store: GraphStore) -> GraphStore:
    store.create_user(user("u-an", "an.peeters"))
    store.create_user(user("u-bram", "bram"))
    return store


@pytest.fixture
def with_cases(with_users: GraphStore) -> GraphStore:
    with_users.create_person(person("p-kid"))
    for cid in ("c-2", "c-1", "c-3"):
        with_users.create_case(case(cid, "p-kid"))
    return with_users


# -- users ----------------------------------------------------------------------


def test_a_user_comes_back_exactly(store: GraphStore) -> None:
    stored = User(
        id="u-1",
        login="Griet@Example.org",
        display_name="Griet Claes",
        role=UserRole.facilitator,
        password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
        disabled=True,
        lang="en",
        created_at=datetime(2026, 11, 3, 10, 15, 30, 123456, tzinfo=BRUSSELS),
        updated_at=datetime(2026, 11, 4, 8, 0, tzinfo=UTC),
    )
    assert stored.login == "griet@example.org"
    assert store.create_user(stored) == stored
    assert store.get_user("u-1") == stored
    assert store.get_user("u-1").created_at == datetime(2026, 11, 3, 8, 15, 30, 123456, tzinfo=UTC)


def test_a_login_is_found_whatever_its_case(with_users: GraphStore) -> None:
    assert with_users.get_user_by_login("an.peeters").id == "u-an"
    assert with_users.get_user_by_login("An.Peeters").id == "u-an"
    assert with_users.get_user_by_login("  BRAM ").id == "u-bram"
    for unknown in ("bra", "nobody", "not a login!", ""):
        with pytest.raises(NotFound):
            with_users.get_user_by_login(unknown)


def test_ids_and_logins_are_never_used_twice(with_users: GraphStore) -> None:
    with pytest.raises(Conflict, match="u-an"):
        with_users.create_user(user("u-an", "someone.else"))
    with pytest.raises(Conflict, match="login"):
        with_users.create_user(user("u-other", "BRAM"))
    assert with_users.count_users() == 2
    assert with_users.get_user("u-an").login == "an.peeters"
    with pytest.raises(NotFound):
        with_users.get_user("u-other")
    with pytest.raises(NotFound):
        with_users.get_user_by_login("someone.else")


def test_unknown_users_are_not_found(store: GraphStore) -> None:
    with pytest.raises(NotFound, match="u-none"):
        store.get_user("u-none")
    with pytest.raises(NotFound, match="u-none"):
        store.update_user(user("u-none", "ghost"))
    assert store.count_users() == 0
    with pytest.raises(NotFound):
        store.get_user_by_login("ghost")


def test_update_replaces_a_user_and_may_change_the_login(with_users: GraphStore) -> None:
    renamed = with_users.get_user("u-an").model_copy(
        update={
            "login": "an.janssens",
            "display_name": "An Janssens",
            "role": UserRole.admin,
            "updated_at": datetime(2026, 11, 5, 12, 0, tzinfo=BRUSSELS),
        }
    )
    assert with_users.update_user(renamed) == renamed
    assert with_users.get_user("u-an") == renamed
    assert with_users.get_user_by_login("AN.JANSSENS") == renamed
    with pytest.raises(NotFound):
        with_users.get_user_by_login("an.peeters")
    same_login = renamed.model_copy(update={"disabled": True})
    assert with_users.update_user(same_login) == same_login  # its own login is no clash
    assert with_users.get_user("u-an").disabled
    assert with_users.count_users() == 2


def test_update_refuses_another_users_login(with_users: GraphStore) -> None:
    before = with_users.get_user("u-an")
    with pytest.raises(Conflict, match="login"):
        with_users.update_user(before.model_copy(update={"login": "bram", "disabled": True}))
    assert with_users.get_user("u-an") == before
    assert with_users.get_user_by_login("bram").id == "u-bram"


def test_users_are_listed_by_login_a_page_at_a_time(store: GraphStore) -> None:
    for uid, login in [("u-1", "zoe"), ("u-2", "anna"), ("u-3", "mo"), ("u-4", "bert")]:
        store.create_user(user(uid, login))
    assert [u.login for u in store.list_users()] == ["anna", "bert", "mo", "zoe"]
    assert [u.id for u in store.list_users(limit=2)] == ["u-2", "u-4"]
    assert [u.id for u in store.list_users(limit=2, offset=2)] == ["u-3", "u-1"]
    assert store.list_users(offset=4) == []
    assert store.list_users(limit=0) == []
    assert store.count_users() == 4
    assert store.list_users(limit=1)[0] == store.get_user("u-2")
    with pytest.raises(InvalidInput):
        store.list_users(limit=-1)


# -- case assignments -------------------------------------------------------------


def test_cases_are_assigned_once_and_listed_in_order(with_cases: GraphStore) -> None:
    assert with_cases.cases_of_user("u-an") == []
    assert with_cases.users_of_case("c-1") == []
    for cid in ("c-3", "c-1", "c-3"):  # the second c-3 changes nothing
        with_cases.assign_case("u-an", cid)
    with_cases.assign_case("u-bram", "c-1")
    assert with_cases.cases_of_user("u-an") == ["c-1", "c-3"]
    assert with_cases.cases_of_user("u-bram") == ["c-1"]
    assert with_cases.users_of_case("c-1") == ["u-an", "u-bram"]
    assert with_cases.users_of_case("c-3") == ["u-an"]
    assert with_cases.users_of_case("c-2") == []


def test_assignment_needs_a_known_user_and_case(with_cases: GraphStore) -> None:
    with pytest.raises(NotFound, match="u-none"):
        with_cases.assign_case("u-none", "c-1")
    with pytest.raises(NotFound, match="c-none"):
        with_cases.assign_case("u-an", "c-none")
    with pytest.raises(NotFound, match="u-none"):
        with_cases.cases_of_user("u-none")
    with pytest.raises(NotFound, match="c-none"):
        with_cases.users_of_case("c-none")
    assert with_cases.cases_of_user("u-an") == []


def test_unassigning_takes_only_that_case_away(with_cases: GraphStore) -> None:
    with_cases.assign_case("u-an", "c-1")
    with_cases.assign_case("u-an", "c-2")
    with_cases.assign_case("u-bram", "c-1")
    with_cases.unassign_case("u-an", "c-1")
    assert with_cases.cases_of_user("u-an") == ["c-2"]
    assert with_cases.users_of_case("c-1") == ["u-bram"]
    with pytest.raises(NotFound):
        with_cases.unassign_case("u-an", "c-1")  # not assigned any more
    with pytest.raises(NotFound):
        with_cases.unassign_case("u-an", "c-3")  # never assigned
    with pytest.raises(NotFound):
        with_cases.unassign_case("u-none", "c-1")
    assert with_cases.cases_of_user("u-bram") == ["c-1"]


def test_deleting_a_case_removes_its_assignments(with_cases: GraphStore) -> None:
    with_cases.assign_case("u-an", "c-1")
    with_cases.assign_case("u-an", "c-2")
    with_cases.assign_case("u-bram", "c-1")
    with_cases.delete_case("c-1")
    assert with_cases.cases_of_user("u-an") == ["c-2"]
    assert with_cases.cases_of_user("u-bram") == []
    with_cases.create_case(case("c-1", "p-kid"))  # a new case with the old id starts bare
    assert with_cases.users_of_case("c-1") == []
    assert with_cases.get_user("u-an").login == "an.peeters"


# -- tokens -----------------------------------------------------------------------


def test_a_token_comes_back_exactly_by_its_hash(with_users: GraphStore) -> None:
    stored = token(
        "k-1",
        kind=TokenKind.api,
        label="Rapportage",
        created_at=datetime(2026, 11, 3, 11, 0, 0, 654321, tzinfo=BRUSSELS),
        expires_at=datetime(2027, 11, 3, 11, 0, tzinfo=BRUSSELS),
    )
    session = token("k-2", csrf="form-token-123")
    assert with_users.save_token(stored) == stored
    with_users.save_token(session)
    assert with_users.token_by_hash(digest("k-1")) == stored
    assert with_users.token_by_hash(digest("k-2")) == session
    with pytest.raises(NotFound):
        with_users.token_by_hash(digest("k-3"))


def test_expired_tokens_are_still_found_by_hash(with_users: GraphStore) -> None:
    old = token("k-old", expires_at=START - timedelta(days=1))
    with_users.save_token(old)
    found = with_users.token_by_hash(digest("k-old"))
    assert found == old
    assert found.expired(START)


def test_a_token_needs_a_known_user_and_a_new_id_and_hash(with_users: GraphStore) -> None:
    with pytest.raises(NotFound, match="u-none"):
        with_users.save_token(token("k-1", uid="u-none"))
    with_users.save_token(token("k-1"))
    with pytest.raises(Conflict, match="k-1"):
        with_users.save_token(token("k-1", token_hash=digest("other")))
    with pytest.raises(Conflict, match="hash"):
        with_users.save_token(token("k-2", uid="u-bram", token_hash=digest("k-1")))
    assert [t.id for t in with_users.list_tokens("u-an")] == ["k-1"]
    assert with_users.list_tokens("u-bram") == []
    with pytest.raises(NotFound):
        with_users.token_by_hash(digest("other"))


def test_tokens_are_listed_newest_first(with_users: GraphStore) -> None:
    # 10:30 in Brussels is 08:30 UTC: older than 09:00 UTC, though it reads later.
    with_users.save_token(token("k-a", created_at=START + timedelta(hours=1)))
    with_users.save_token(token("k-b", created_at=datetime(2026, 11, 3, 10, 30, tzinfo=BRUSSELS)))
    with_users.save_token(token("k-c", created_at=START))
    with_users.save_token(token("k-d", created_at=START))
    with_users.save_token(token("k-e", uid="u-bram", created_at=START + timedelta(days=1)))
    assert [t.id for t in with_users.list_tokens("u-an")] == ["k-a", "k-d", "k-c", "k-b"]
    assert with_users.list_tokens("u-an")[0] == token("k-a", created_at=START + timedelta(hours=1))
    assert [t.id for t in with_users.list_tokens("u-bram")] == ["k-e"]
    with pytest.raises(NotFound, match="u-none"):
        with_users.list_tokens("u-none")


def test_one_token_is_deleted_by_id(with_users: GraphStore) -> None:
    with_users.save_token(token("k-1"))
    with_users.save_token(token("k-2"))
    with_users.delete_token("k-1")
    assert [t.id for t in with_users.list_tokens("u-an")] == ["k-2"]
    with pytest.raises(NotFound):
        with_users.token_by_hash(digest("k-1"))
    with pytest.raises(NotFound, match="k-1"):
        with_users.delete_token("k-1")
    with_users.save_token(token("k-1"))  # the hash is free again
    assert with_users.token_by_hash(digest("k-1")).id == "k-1"


def test_a_users_tokens_are_deleted_by_kind_or_all(with_users: GraphStore) -> None:
    with_users.save_token(token("k-s1"))
    with_users.save_token(token("k-s2"))
    with_users.save_token(token("k-api", kind=TokenKind.api))
    with_users.save_token(token("k-bram", uid="u-bram"))
    assert with_users.delete_tokens("u-an", kind=TokenKind.session) == 2
    assert [t.id for t in with_users.list_tokens("u-an")] == ["k-api"]
    assert with_users.delete_tokens("u-an", kind=TokenKind.session) == 0
    with_users.save_token(token("k-s3"))
    assert with_users.delete_tokens("u-an") == 2
    assert with_users.list_tokens("u-an") == []
    assert with_users.delete_tokens("u-an") == 0
    assert [t.id for t in with_users.list_tokens("u-bram")] == ["k-bram"]


def test_only_expired_tokens_are_deleted(with_users: GraphStore) -> None:
    now = datetime(2026, 11, 3, 12, 0, tzinfo=UTC)
    with_users.save_token(token("k-gone", expires_at=now - timedelta(seconds=1)))
    with_users.save_token(token("k-now", expires_at=now))  # expired at exactly now
    # 13:30 in Brussels is 11:30 UTC: expired, though it reads later than noon.
    with_users.save_token(
        token("k-tz", uid="u-bram", expires_at=datetime(2026, 11, 3, 13, 30, tzinfo=BRUSSELS))
    )
    with_users.save_token(token("k-soon", expires_at=now + timedelta(microseconds=1)))
    with_users.save_token(token("k-later", kind=TokenKind.api, expires_at=now + timedelta(days=30)))
    assert with_users.delete_expired_tokens(now) == 3
    assert [t.id for t in with_users.list_tokens("u-an")] == ["k-soon", "k-later"]
    assert with_users.list_tokens("u-bram") == []
    assert with_users.delete_expired_tokens(now) == 0
    assert with_users.delete_expired_tokens(now.astimezone(BRUSSELS) + timedelta(days=31)) == 2
