"""Ten hands and eyes: who counts as a committed adult, and which safety goals the current
plan's tasks serve."""

from __future__ import annotations

from builders import person, role
from figures_helpers import CASE, TODAY, family

from tenhands.graph.figures import case_figures, needs_covered
from tenhands.graph.model import Engagement, Plan, Task, TaskOwner
from tenhands.graph.store import GraphStore

E = Engagement


def test_only_committed_living_adults_of_the_family_and_informal_network_count(
    store: GraphStore,
) -> None:
    family(store, goal=3)
    store.upsert_persons([person("ogm", "Oda", "Testovergrootmoeder", deceased=True)])
    store.upsert_roles(
        [
            role(CASE, "kid", engagement=E.committed),  # a child of the case
            role(CASE, "tante", engagement=E.committed),  # maternal aunt: counts
            role(CASE, "opa", engagement=E.committed),  # age unknown: an adult, counts
            role(CASE, "buur", engagement=E.committed),  # the neighbour: counts
            role(CASE, "pro", engagement=E.committed),  # a professional
            role(CASE, "neef", engagement=E.committed),  # 14 years old
            role(CASE, "ogm", engagement=E.committed),  # deceased
            role(CASE, "mum", engagement=E.engaged),  # not committed (yet)
            role(CASE, "dad", engagement=E.declined),
        ]
    )
    hands = case_figures(store, CASE, today=TODAY).ten_hands
    assert hands.adults == ["buur", "opa", "tante"]
    assert (hands.committed, hands.goal, hands.met) == (3, 3, True)

    store.update_case(store.get_case(CASE).model_copy(update={"hands_goal": 4}))
    hands = case_figures(store, CASE, today=TODAY).ten_hands
    assert (hands.committed, hands.goal, hands.met) == (3, 4, False)
    # Born some day in 2012, Nand may be 18 by 30 June 2030: only those surely under
    # 18 are minors.
    later = case_figures(store, CASE, today=TODAY.replace(year=2030)).ten_hands
    assert later.adults == ["buur", "neef", "opa", "tante"] and later.met


def test_needs_are_covered_by_the_current_plans_tasks_network_or_professional(
    store: GraphStore,
) -> None:
    family(store)
    store.upsert_roles([role(CASE, pid, engagement=E.committed) for pid in ("tante", "buur")])
    store.upsert_roles([role(CASE, "pro", engagement=E.engaged)])
    needs = ["Elke avond eten", "Iemand om te bellen", "Naar school"]
    first = Plan(
        case_id=CASE,
        version=1,
        needs_to_happen=needs,
        tasks=[Task(id="k0", what="Naar school brengen", who=["buur"], needs=[3])],
    )
    current = Plan(
        case_id=CASE,
        version=2,
        needs_to_happen=needs,
        tasks=[
            Task(id="k1", what="Koken op maandag", who=["tante"], needs=[1]),
            Task(
                id="k2",
                what="Thuisbegeleiding",
                owner=TaskOwner.professional,
                service="thuisbegeleiding",
                needs=[1, 2],
            ),
            Task(id="k3", what="Koken op donderdag", who=["buur", "tante"], needs=[1]),
            Task(
                id="k4",
                what="Belkaart maken",
                owner=TaskOwner.professional,
                who=["pro"],
                needs=[2],
            ),
            Task(id="k5", what="Boodschappen", who=["buur"]),  # serves no need
        ],
    )
    store.add_plan(first)
    store.add_plan(current)
    hands = case_figures(store, CASE, today=TODAY).ten_hands
    one, two, three = hands.needs
    assert (one.need, one.text) == (1, "Elke avond eten")
    assert one.tasks == ["k1", "k2", "k3"] and one.people == ["tante", "buur"]
    assert one.services == ["thuisbegeleiding"] and one.network
    # Covered by professional help only: covered, but not by the network.
    assert two.tasks == ["k2", "k4"] and two.people == ["pro"] and not two.network
    # Version 1 had a task for it; the current version has none.
    assert three.tasks == [] and three.people == [] and not three.network
    assert hands.uncovered == [3]


def test_no_plan_no_needs() -> None:
    assert needs_covered(None) == []
    assert needs_covered(Plan(case_id=CASE, tasks=[Task(what="Koken", who=["a"])])) == []
