"""All the figures of one case, from any store."""

from __future__ import annotations

from datetime import date

from ..store import GraphStore
from .balance import balance
from .contacts import STALE_WEEKS, stale_contacts
from .funnel import funnel
from .hands import ten_hands
from .model import CaseFigures
from .naming import naming
from .scale import scale_series
from .standing import PeopleInCase, case_people


def case_figures(
    store: GraphStore,
    case_id: str,
    *,
    today: date | None = None,
    stale_weeks: int = STALE_WEEKS,
    people: PeopleInCase | None = None,
) -> CaseFigures:
    """The network strength figures of a case on ``today`` (default: today).

    Reads where each person stands (:func:`~.standing.case_people`, as on the worker's
    map) and the plan versions, through the
    :class:`~tenhands.graph.store.GraphStore` contract only. Raises
    :class:`~tenhands.graph.errors.NotFound` for an unknown case and ValueError for
    ``stale_weeks`` below 1. A caller that has read the case's people on ``today``
    already passes them as ``people``, so they are not read twice.

    >>> from tenhands.graph.stores.sqlite import SqliteStore
    >>> from tenhands.demo.seed import seed_demo
    >>> store = SqliteStore(":memory:"); store.init_schema(); case_id = seed_demo(store)
    >>> figures = case_figures(store, case_id, today=date(2026, 11, 23))
    >>> figures.ten_hands.committed, figures.ten_hands.goal, figures.ten_hands.met
    (5, 5, True)
    """
    if stale_weeks < 1:
        raise ValueError("stale_weeks must be 1 or more")
    today = today or date.today()
    if people is None:
        people = case_people(store, case_id, today=today)
    graph, case, standing = people.graph, people.case, people.standing
    plans = store.list_plans(case_id)
    member_roles = [
        data["role"]
        for _, data in sorted(graph.nodes(data=True))
        if data["role"] is not None and not data["is_child"]
    ]
    return CaseFigures(
        case_id=case.id,
        on=today,
        standing=standing,
        ten_hands=ten_hands(graph, standing, plans[-1] if plans else None, today),
        balance=balance(graph, standing, today),
        funnel=funnel(member_roles),
        stale=stale_contacts(graph, standing, today, stale_weeks),
        stale_weeks=stale_weeks,
        naming=naming(member_roles, graph.nodes),
        scale=scale_series(plans),
    )
