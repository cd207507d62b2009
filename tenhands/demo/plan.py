"""The demo case's plan (fictional): what the family and network agreed at their
meeting, and who does what by when."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tenhands.graph.model import Plan, Provenance, ScaleScore, Task

from .case import DEMO_CASE_ID

DEMO_PLAN_ID = "demo-plan-1"


def demo_plan() -> Plan:
    """Version 1 of the plan, agreed at the family group conference."""
    agreed = date(2026, 11, 14)
    return Plan(
        id=DEMO_PLAN_ID,
        case_id=DEMO_CASE_ID,
        version=1,
        agreed_on=agreed,
        worries=[
            "Als mama moe of somber is, zorgt Lina 's avonds voor Adam en komt ze zelf "
            "niet aan haar huiswerk toe.",
            "Kevin mag geen contact met het gezin; de kinderen moeten zich veilig voelen "
            "op weg van en naar school.",
        ],
        working_well=[
            "Oma Ria haalt de kinderen elke woensdag op en kookt voor hen.",
            "Mima Fatima en tante Hafsa zijn er elke zaterdag voor de hele familie.",
            "Lina en Adam vertellen juf Elke en coach Murat als er iets is.",
        ],
        needs_to_happen=[
            "Elke avond is er een volwassene die mama helpt met eten en slapengaan.",
            "De kinderen weten wie ze kunnen bellen als mama niet kan.",
        ],
        next_steps=["Over vier weken samen kijken wat gelukt is."],
        safety_scale=[
            ScaleScore(person_id="demo-sofie", score=6, on=agreed),
            ScaleScore(person_id="demo-ria", score=5, on=agreed),
            ScaleScore(label="consulent", score=4, on=agreed),
        ],
        tasks=[
            Task(
                id="demo-task-1",
                what="Lina en Adam op woensdag van school halen en eten",
                who=["demo-ria"],
                checked_by=["demo-sofie"],
            ),
            Task(
                id="demo-task-2",
                what="Maandag- en donderdagavond bij mama en de kinderen",
                who=["demo-katrien"],
            ),
            Task(
                id="demo-task-3",
                what="Zaterdag: de kinderen bij Mima Fatima, Hafsa tolkt",
                who=["demo-fatima", "demo-hafsa"],
            ),
            Task(
                id="demo-task-4",
                what="Lina's huiswerk op dinsdag na school",
                who=["demo-joelle"],
                due=date(2026, 12, 12),
            ),
            Task(
                id="demo-task-5",
                what="Een belkaart maken: wie de kinderen kunnen bellen",
                who=["demo-sofie", "demo-ria"],
                due=date(2026, 11, 28),
            ),
        ],  # fmt: skip
        review_on=date(2026, 12, 12),
        provenance=Provenance(
            created_by="demo", created_at=datetime(2026, 11, 14, 16, 0, tzinfo=UTC)
        ),
    )
