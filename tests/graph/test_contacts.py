"""The contact log rule (graph/contacts.py): appended in order, the newest kept, the
last contact moving forward only, nothing for a person without a role, by whoever logs
it, now unless said otherwise, never in the future."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from builders import case, person, role

from tenhands.graph.contacts import ContactInFuture, log_contact, record_contact
from tenhands.graph.errors import InvalidInput, NotFound
from tenhands.graph.model import ContactEntry, ContactWay, Engagement, utcnow
from tenhands.graph.model.case import MAX_CONTACTS
from tenhands.graph.store import GraphStore

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def _world(store: GraphStore) -> None:
    store.upsert_persons([person("kind"), person("oma"), person("buur")])
    store.create_case(case("c-1", "kind"))
    store.set_role(role("c-1", "oma", engagement=Engagement.contacted))


def test_a_contact_is_appended_in_time_order(store: GraphStore) -> None:
    _world(store)
    later = ContactEntry(at=START + timedelta(days=2), by="wout", note="teruggebeld")
    earlier = ContactEntry(at=START, by="an", reached=False)
    log_contact(store, "c-1", "oma", later, "wout")
    stored = log_contact(store, "c-1", "oma", earlier, "an")
    assert [c.id for c in stored.contacts] == [earlier.id, later.id]
    assert stored.last_contact == later.at  # an older contact does not move it back
    assert stored.engagement is Engagement.contacted
    assert stored.provenance.updated_by == "an"
    assert store.get_role("c-1", "oma") == stored


def test_the_log_keeps_the_newest(store: GraphStore) -> None:
    _world(store)
    full = [ContactEntry(at=START + timedelta(hours=n), by="wout") for n in range(MAX_CONTACTS)]
    store.set_role(store.get_role("c-1", "oma").model_copy(update={"contacts": full}))
    newest = ContactEntry(at=START + timedelta(days=60), by="wout")
    stored = log_contact(store, "c-1", "oma", newest, "wout")
    assert len(stored.contacts) == MAX_CONTACTS
    assert stored.contacts[0].id == full[1].id and stored.contacts[-1].id == newest.id


def test_no_role_no_contact(store: GraphStore) -> None:
    _world(store)
    entry = ContactEntry(at=START, by="wout")
    with pytest.raises(NotFound, match="c-1/buur"):
        log_contact(store, "c-1", "buur", entry, "wout")
    with pytest.raises(NotFound):
        store.get_role("c-1", "buur")


def test_a_contact_is_logged_by_whoever_logs_it_now_unless_said(store: GraphStore) -> None:
    _world(store)
    before = utcnow()
    now = record_contact(store, "c-1", "oma", "wout", way=ContactWay.visit, note="thuis")
    (logged,) = now.contacts
    assert (logged.by, logged.way, logged.note, logged.reached) == ("wout", "visit", "thuis", True)
    assert before <= logged.at <= utcnow() and now.last_contact == logged.at
    stored = record_contact(store, "c-1", "oma", "an", at=START, way="phone", reached=False)
    assert [c.by for c in stored.contacts] == ["an", "wout"]
    assert store.get_role("c-1", "oma") == stored


def test_a_contact_in_the_future_or_without_a_zone_is_refused_and_nothing_stored(
    store: GraphStore,
) -> None:
    _world(store)
    tomorrow = utcnow() + timedelta(days=1)
    with pytest.raises(ContactInFuture, match="cannot lie in the future"):
        record_contact(store, "c-1", "oma", "wout", at=tomorrow)
    with pytest.raises(InvalidInput, match="time zone"):
        record_contact(store, "c-1", "oma", "wout", at=datetime(2026, 1, 1, 9, 0))
    soon = utcnow() + timedelta(minutes=2)  # a worker's clock a little ahead
    assert len(record_contact(store, "c-1", "oma", "wout", at=soon).contacts) == 1
    assert len(store.get_role("c-1", "oma").contacts) == 1
