"""A network member's contact log: appending one contact, the one rule the API and the
web pages share.

The log keeps the newest :data:`~tenhands.graph.model.case.MAX_CONTACTS` contacts,
oldest first, and the role's ``last_contact`` moves forward when the contact logged is
the newest. Appending reads the role and writes it back in one unit of work that holds
the role, so contacts logged at the same moment by several workers are all kept.
"""

from __future__ import annotations

from .model import ContactEntry, NetworkRole
from .model.case import MAX_CONTACTS
from .store import GraphStore


def log_contact(
    store: GraphStore, case_id: str, person_id: str, entry: ContactEntry, actor: str
) -> NetworkRole:
    """Append ``entry`` to the person's contact log in the case, by ``actor``; returns
    the role as stored. :class:`~tenhands.graph.errors.NotFound` (naming the role
    ``"CASE_ID/PERSON_ID"``) when the person has no role in the case."""

    def work(unit: GraphStore) -> NetworkRole:
        unit.hold("role", f"{case_id}/{person_id}")
        return unit.set_role(logged(unit.get_role(case_id, person_id), entry, actor))

    return store.atomic(work)


def logged(role: NetworkRole, contact: ContactEntry, actor: str) -> NetworkRole:
    """The role with ``contact`` in its log (the newest :data:`MAX_CONTACTS` kept) and
    its last contact moved forward if this one is newer.

    >>> from datetime import datetime, UTC
    >>> role = NetworkRole(case_id="c-1", person_id="oma")
    >>> first = ContactEntry(at=datetime(2026, 3, 2, tzinfo=UTC), by="wout")
    >>> earlier = ContactEntry(at=datetime(2026, 3, 1, tzinfo=UTC), by="wout")
    >>> role = logged(logged(role, first, "wout"), earlier, "wout")
    >>> [c.at.day for c in role.contacts], role.last_contact.day
    ([1, 2], 2)
    """
    contacts = sorted([*role.contacts, contact], key=lambda c: c.at)[-MAX_CONTACTS:]
    newest = max(filter(None, [role.last_contact, contact.at]))
    return NetworkRole.model_validate(
        {
            **role.model_dump(),
            "contacts": contacts,
            "last_contact": newest,
            "provenance": role.provenance.touched(actor),
        }
    )
