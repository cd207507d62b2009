"""The contact log on the case page: its summary counts what is in the log and gives a
last date only with contacts in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from web_helpers import OWN, WebClient, make_user, seed_cases

from tenhands.graph.contacts import record_contact
from tenhands.graph.model import UserRole
from tenhands.graph.store import GraphStore


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    seed_cases(store)
    with WebClient.over(store) as c:
        yield c


def _summary(page: str, person_id: str) -> str:
    found = re.search(
        rf'<details id="contacts-{person_id}".*?<span class="meta">(.*?)</span>', page, re.S
    )
    assert found is not None
    return found.group(1)


def test_no_last_date_without_contacts(client: WebClient, store: GraphStore) -> None:
    # A last contact set on the role (imported, or typed on the role) with an empty log.
    role = store.get_role(OWN, "own-gran")
    store.set_role(role.model_copy(update={"last_contact": datetime(2026, 11, 3, tzinfo=UTC)}))
    record_contact(store, OWN, "own-mum", "worker.een", at=datetime(2026, 11, 2, tzinfo=UTC))
    client.sign_in(store, make_user(store, "worker.een", UserRole.worker, (OWN,)))
    page = client.get(f"/cases/{OWN}").text
    assert _summary(page, "own-gran") == "nog geen contacten"
    assert _summary(page, "own-mum") == "1 contact · laatste: 2 nov 2026, 01:00"  # Belgian time
    assert "0 contacten" not in page
