"""The contact log rule (graph/contacts.py): appended in order, the newest kept, the
last contact moving forward only, and nothing for a person without a role."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from builders import case, person, role

from tenhands.graph.contacts import log_contact
from tenhands.graph.errors import NotFound
from tenhands.graph.model import ContactEntry, Engagement
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
