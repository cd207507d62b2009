"""The store's generation: it moves on with every change of what is held about persons
and cases (so answers built from them may be kept until then), never with the audit log,
users or tokens; a store that cannot tell says ``None``."""

from __future__ import annotations

from datetime import timedelta

from builders import case, person, role, tie

from tenhands.graph.model import (
    AccessToken,
    AuditAction,
    AuditEvent,
    TokenKind,
    User,
    UserRole,
    utcnow,
)
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore


def test_data_changes_move_it_on_and_bookkeeping_does_not(sqlite_store: SqliteStore) -> None:
    store = sqlite_store
    seen = [store.generation()]

    def moved() -> bool:
        now = store.generation()
        changed = now != seen[-1]
        seen.append(now)
        return changed

    store.create_person(person("a", "An"))
    assert moved()
    store.create_person(person("b", "Bo"))
    store.create_tie(tie("t", "a", "b", "sibling"))
    store.create_case(case("c", "a"))
    assert moved()
    store.set_role(role("c", "b"))
    assert moved()
    store.update_person(store.get_person("b").model_copy(update={"surname": "Nieuw"}))
    assert moved()
    user = store.create_user(User(login="u1", display_name="U", role=UserRole.worker))
    store.assign_case(user.id, "c")
    now = utcnow()
    store.save_token(
        AccessToken(user_id=user.id, kind=TokenKind.api, token_hash="a" * 64,
                    expires_at=now + timedelta(days=1))
    )  # fmt: skip
    store.append_audit(AuditEvent(actor="u1", action=AuditAction.read, entity="case"))
    store.append_audit_many([AuditEvent(actor="u1", action=AuditAction.read, entity="case")])
    assert not moved()
    store.delete_tie("t")
    assert moved()
    assert all(isinstance(g, int) for g in seen) and seen == sorted(seen)


def test_another_connection_sees_it_move(sqlite_store: SqliteStore, tmp_path: object) -> None:
    other = SqliteStore(sqlite_store.describe().removeprefix("sqlite:///"))
    try:
        before = other.generation()
        sqlite_store.create_person(person("x", "Xena"))
        assert other.generation() != before
    finally:
        other.close()


def test_every_store_answers_an_int_or_none(store: GraphStore) -> None:
    first = store.generation()
    store.create_person(person("p", "Pim"))
    second = store.generation()
    if first is None:
        assert second is None  # never cached
    else:
        assert isinstance(second, int) and second > first
