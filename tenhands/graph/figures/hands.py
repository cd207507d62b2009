"""Ten hands and eyes: the committed adults of a child's network, and the safety goals of
the plan their tasks serve.

One rule, :func:`counts_as_hands`, decides who counts, for the figures and for the
counter on every map: a network member who is committed, an adult (18 or older, or of
unknown age), alive, and neither a child of the case nor a professional (professionals
are passers-by; the network stays).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import networkx as nx

from ..model import Engagement, NetworkRole, Person, Plan, TaskOwner
from .model import NeedCover, Standing, TenHands

_NOT_HANDS = frozenset({Standing.child, Standing.professional})


def is_adult(person: Person, today: date) -> bool:
    """18 or older on ``today``, or of unknown age: only those surely under 18 are minors
    (a birth date after today, still to be corrected, is no adult either).

    >>> from tenhands.graph.model import PartialDate
    >>> is_adult(Person(birth_date=PartialDate.parse("2008")), date(2026, 6, 1))
    True
    >>> is_adult(Person(birth_date=PartialDate.parse("2010-05-01")), date(2026, 6, 1))
    False
    >>> is_adult(Person(), date(2026, 6, 1))
    True
    """
    if person.birth_date is None:
        return True
    try:
        return person.birth_date.age_range(today)[1] >= 18
    except ValueError:
        return False


def counts_as_hands(
    standing: Standing, engagement: Engagement | None, *, adult: bool, deceased: bool
) -> bool:
    """Whether someone counts among the ten hands and eyes.

    >>> counts_as_hands(Standing.maternal, Engagement.committed, adult=True, deceased=False)
    True
    >>> counts_as_hands(Standing.professional, Engagement.committed, adult=True, deceased=False)
    False
    >>> counts_as_hands(Standing.informal, Engagement.engaged, adult=True, deceased=False)
    False
    """
    return (
        engagement is Engagement.committed and adult and not deceased and standing not in _NOT_HANDS
    )


def is_deceased(person: Person, role: NetworkRole | None) -> bool:
    """Dead, as the person or their network role says."""
    return person.deceased or (role is not None and role.engagement is Engagement.deceased)


def committed_adults(
    case_graph: nx.MultiDiGraph, standing: Mapping[str, Standing], today: date
) -> list[str]:
    """Ids of the persons of a case subgraph who count as hands, by id."""
    out = []
    for pid, data in sorted(case_graph.nodes(data=True)):
        person: Person = data["person"]
        role: NetworkRole | None = data["role"]
        if role is None:
            continue
        if counts_as_hands(
            standing.get(pid, Standing.informal),
            role.engagement,
            adult=is_adult(person, today),
            deceased=is_deceased(person, role),
        ):
            out.append(pid)
    return out


def needs_covered(plan: Plan | None) -> list[NeedCover]:
    """Each 'needs to happen' line of ``plan`` with the tasks that serve it (every task of
    the plan, whatever its status: the status says how it went, not whether it was
    agreed), the persons doing them and the services asked.

    >>> from tenhands.graph.model import Task
    >>> plan = Plan(case_id="c", needs_to_happen=["Eten", "Slapen"], tasks=[
    ...     Task(id="k1", what="Koken", who=["oma", "tante"], needs=[1]),
    ...     Task(id="k2", what="Afwassen", who=["tante"], needs=[1])])
    >>> [(n.need, n.people, n.tasks) for n in needs_covered(plan)]
    [(1, ['oma', 'tante'], ['k1', 'k2']), (2, [], [])]
    """
    if plan is None:
        return []
    out = []
    for number, text in enumerate(plan.needs_to_happen, start=1):
        serving = [t for t in plan.tasks if number in t.needs]
        out.append(
            NeedCover(
                need=number,
                text=text,
                people=list(dict.fromkeys(pid for t in serving for pid in t.who)),
                tasks=[t.id for t in serving],
                services=list(dict.fromkeys(t.service for t in serving if t.service)),
                network=any(t.owner is TaskOwner.network for t in serving),
            )
        )
    return out


def ten_hands(
    case_graph: nx.MultiDiGraph,
    standing: Mapping[str, Standing],
    plan: Plan | None,
    today: date,
) -> TenHands:
    """The committed adults of the case against its goal, and what the current plan's
    tasks cover."""
    goal: int = case_graph.graph["case"].hands_goal
    adults = committed_adults(case_graph, standing, today)
    needs = needs_covered(plan)
    return TenHands(
        committed=len(adults),
        goal=goal,
        met=len(adults) >= goal,
        adults=adults,
        needs=needs,
        uncovered=[n.need for n in needs if not n.tasks],
    )
