"""The family-finding funnel: how far the network members got, and where they left.

Each member's way is read from their engagement history (``stages``, kept by the store)
and their engagement now (:meth:`~tenhands.graph.model.NetworkRole.furthest_stage`). A
member who declined, is not safe or may not be contacted *dropped out* at the furthest
stage they reached; one whose history shows no stage on the way (recorded as declined
from the start) is ``untraced``. The deceased are off the way but dropped nowhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..model import Engagement, NetworkRole
from .model import Funnel, FunnelStage

WAY = [e for e in Engagement if e.stage is not None]
"""identified, located, contacted, engaged, committed."""

OFF = [e for e in Engagement if e.stage is None]
"""declined, not_safe, no_contact, deceased."""

DROPPED_OUT = frozenset({Engagement.declined, Engagement.not_safe, Engagement.no_contact})


def funnel(roles: Iterable[NetworkRole]) -> Funnel:
    """The funnel of these network roles (the children of the case left out by the caller).

    >>> from datetime import UTC, datetime
    >>> t = datetime(2026, 1, 1, tzinfo=UTC)
    >>> way = [NetworkRole(case_id="c", person_id="a", engagement="declined", stages=[
    ...     {"engagement": e, "at": t} for e in ("identified", "located", "declined")])]
    >>> f = funnel(way)
    >>> [(s.stage.value, s.reached, s.dropped) for s in f.stages[:3]]
    [('identified', 1, 0), ('located', 1, 1), ('contacted', 0, 0)]
    >>> f.most_dropped.value, f.off[Engagement.declined]
    ('located', 1)
    """
    furthest: Counter[Engagement] = Counter()
    now: Counter[Engagement] = Counter()
    dropped: Counter[Engagement] = Counter()
    untraced = 0
    for role in roles:
        now[role.engagement] += 1
        far = role.furthest_stage()
        if far is not None:
            furthest[far] += 1
        if role.engagement in DROPPED_OUT:
            if far is None:
                untraced += 1
            else:
                dropped[far] += 1
    stages = [
        FunnelStage(
            stage=stage,
            reached=sum(n for e, n in furthest.items() if (e.stage or 0) >= i),
            now=now[stage],
            dropped=dropped[stage],
        )
        for i, stage in enumerate(WAY)
    ]
    most = max(WAY, key=lambda e: (dropped[e], -(e.stage or 0)))
    return Funnel(
        stages=stages,
        off={e: now[e] for e in OFF},
        most_dropped=most if dropped[most] else None,
        untraced=untraced,
    )
