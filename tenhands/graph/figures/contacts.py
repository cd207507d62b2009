"""Stale contacts: active network members nobody has reached for a while, or ever.

The last contact is the later of the role's ``last_contact`` and the newest entry of
its contact log that *reached* the person (an unanswered call is no contact). Only
adults are listed (a worker contacts a minor through the adults around them), alive,
on the way or committed, and not a child of the case; professionals are listed too
(their standing says so, for a page that leaves them out).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

import networkx as nx

from ..contact_weeks import STALE_WEEKS as STALE_WEEKS
from ..model import NetworkRole
from .balance import active_members
from .hands import is_adult
from .model import StaleContact, Standing

_EPOCH = datetime(1, 1, 1, tzinfo=UTC)


def as_utc(at: datetime) -> datetime:
    """``at`` in UTC (a time stored without a zone is UTC)."""
    return at.astimezone(UTC) if at.tzinfo is not None else at.replace(tzinfo=UTC)


def last_reached(role: NetworkRole) -> datetime | None:
    """When the person was last reached: the later of ``last_contact`` and the newest
    reached contact-log entry (in UTC); None if never.

    >>> from datetime import UTC, datetime
    >>> role = NetworkRole(case_id="c", person_id="p", contacts=[
    ...     {"at": datetime(2026, 3, 1, tzinfo=UTC), "by": "w", "reached": True},
    ...     {"at": datetime(2026, 4, 1, tzinfo=UTC), "by": "w", "reached": False}])
    >>> last_reached(role).date().isoformat()
    '2026-03-01'
    """
    times = [as_utc(c.at) for c in role.contacts if c.reached]
    if role.last_contact is not None:
        times.append(as_utc(role.last_contact))
    return max(times, default=None)


def weeks_since(at: datetime, today: date) -> int:
    """Whole weeks from ``at``'s day (UTC) to ``today`` (0 for a day still to come).

    >>> weeks_since(datetime(2026, 1, 1, 23, tzinfo=UTC), date(2026, 1, 15))
    2
    """
    return max(0, (today - as_utc(at).date()).days // 7)


def stale_contacts(
    case_graph: nx.MultiDiGraph,
    standing: Mapping[str, Standing],
    today: date,
    weeks: int = STALE_WEEKS,
) -> list[StaleContact]:
    """The active adult members without contact for ``weeks`` weeks or more: never
    contacted first (by id), then the longest ago first (then by id)."""
    if weeks < 1:
        raise ValueError("stale_weeks must be 1 or more")
    never: list[StaleContact] = []
    old: list[StaleContact] = []
    for person, role, where in active_members(case_graph, standing):
        if not is_adult(person, today):
            continue
        last = last_reached(role)
        if last is None:
            never.append(
                StaleContact(person_id=person.id, engagement=role.engagement, standing=where)
            )
            continue
        since = weeks_since(last, today)
        if since >= weeks:
            old.append(
                StaleContact(
                    person_id=person.id,
                    last_contact=last,
                    weeks=since,
                    engagement=role.engagement,
                    standing=where,
                )
            )
    old.sort(key=lambda s: (as_utc(s.last_contact or _EPOCH), s.person_id))
    return never + old
