"""A network member's contact log: logging one contact, the one rule the API
(``POST /cases/{case_id}/roles/{person_id}/contacts``), the web pages and the CLI call.

- A contact is logged by the signed-in user (``by``), now unless a time is given; a time
  must say its zone and may not lie in the future (a few minutes' leeway for clocks):
  :class:`ContactInFuture` otherwise, a sentence for the worker.
- Only a person with a network role in the case has a log
  (:class:`~tenhands.graph.errors.NotFound` otherwise, naming ``"CASE_ID/PERSON_ID"``).
- The log keeps the newest :data:`~tenhands.graph.model.case.MAX_CONTACTS` contacts,
  oldest first, and the role's ``last_contact`` moves forward when the contact logged
  is the newest; the role's provenance says who changed it last.
- Appending reads the role and writes it back in one unit of work that holds the role,
  so contacts logged at the same moment by several workers are all kept.
- The request that logs it is in the audit log as a change to that person in the case
  (the access check of each front end writes it: :mod:`tenhands.api.auth.access`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .errors import InvalidInput
from .model import ContactEntry, ContactWay, NetworkRole, utcnow
from .model.case import MAX_CONTACTS
from .store import GraphStore

LEEWAY = timedelta(minutes=5)
"""How far ahead of the server's clock a contact's time may be (a worker's clock)."""


class ContactInFuture(InvalidInput):
    """A contact's time lies in the future."""

    def __init__(self) -> None:
        super().__init__("A contact cannot lie in the future.")
        self.field = "at"


def new_contact(
    by: str,
    *,
    at: datetime | None = None,
    way: ContactWay | str = ContactWay.phone,
    reached: bool = True,
    note: str | None = None,
    now: datetime | None = None,
) -> ContactEntry:
    """The contact ``by`` logs: at ``at`` (``now``, default the current time, when not
    given). :class:`ContactInFuture` for a time ahead of ``now``,
    :class:`~tenhands.graph.errors.InvalidInput` for a time without its zone, a
    pydantic ``ValidationError`` for a note too long.

    >>> from datetime import UTC
    >>> now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    >>> new_contact("wout", now=now).at == now
    True
    >>> new_contact("wout", at=datetime(2026, 3, 3, tzinfo=UTC), now=now)
    Traceback (most recent call last):
    ...
    tenhands.graph.contacts.ContactInFuture: A contact cannot lie in the future.
    """
    now = now or utcnow()
    entry = ContactEntry.model_validate(
        {"at": at or now, "by": by, "way": way, "reached": reached, "note": note}
    )
    if entry.at.tzinfo is None:
        raise InvalidInput("A contact's time must say its time zone.")
    if entry.at > now + LEEWAY:
        raise ContactInFuture()
    return entry


def record_contact(
    store: GraphStore,
    case_id: str,
    person_id: str,
    by: str,
    *,
    at: datetime | None = None,
    way: ContactWay | str = ContactWay.phone,
    reached: bool = True,
    note: str | None = None,
) -> NetworkRole:
    """Log a contact with a network member (:func:`new_contact`, then
    :func:`log_contact`); returns the role as stored. Nothing is stored when it is
    refused."""
    entry = new_contact(by, at=at, way=way, reached=reached, note=note)
    return log_contact(store, case_id, person_id, entry, by)


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
