"""The demo case's plan (fictional), its meetings and the family's feedback.

The family group conference of 17 October agreed version 1; the review meeting of
14 November agreed version 2: two tasks were done, one changed, the network grew, and
the safety scale moved up for everyone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from tenhands.graph.model import (
    Feedback,
    Meeting,
    MeetingKind,
    Plan,
    Provenance,
    Question,
    Respondent,
    ScaleScore,
    Task,
    TaskOwner,
    TaskStatus,
)

from .case import DEMO_CASE_ID, DEMO_CREATED_BY

DEMO_PLAN_ID = "demo-plan-2"
"""The current version."""

CONFERENCE = date(2026, 10, 17)
REVIEW = date(2026, 11, 14)
NEXT_REVIEW = date(2026, 12, 12)

_HARM = [
    "Lina bleef dit schooljaar 14 halve dagen thuis om voor Adam te zorgen.",
    "Lina en Adam zagen in 2023 hoe Kevin mama sloeg.",
]
_WORRIES = [
    "Als mama moe of somber is, zorgt Lina 's avonds voor Adam en komt ze zelf niet aan "
    "haar huiswerk en haar slaap toe.",
    "Kevin mag geen contact met het gezin; de kinderen moeten zich veilig voelen op weg "
    "van en naar school.",
]
_COMPLICATING = [
    "Mama en papa praten nog moeilijk met elkaar.",
    "Mima Fatima spreekt weinig Nederlands.",
]
_STRENGTHS = [
    "Oma Ria haalt de kinderen elke woensdag op en kookt voor hen.",
    "Mima Fatima en tante Hafsa zijn er elke zaterdag voor de hele familie.",
    "Lina en Adam vertellen juf Elke en coach Murat als er iets is.",
]
_GOALS = [
    "Elke avond is er een volwassene die mama helpt met eten en slapengaan.",
    "De kinderen weten wie ze kunnen bellen als mama niet kan.",
    "Lina gaat elke dag naar school.",
]


def _prov(day: date) -> Provenance:
    return Provenance(
        created_by=DEMO_CREATED_BY,
        created_at=datetime(day.year, day.month, day.day, 16, 0, tzinfo=UTC),
    )


def demo_plans() -> list[Plan]:
    """Version 1 (the family group conference) and version 2 (the review)."""
    v1 = Plan(
        id="demo-plan-1",
        case_id=DEMO_CASE_ID,
        version=1,
        agreed_on=CONFERENCE,
        harm=_HARM,
        worries=_WORRIES,
        complicating_factors=_COMPLICATING,
        working_well=_STRENGTHS[:2],
        existing_safety=["Oma Ria is er op woensdag tot mama thuis is."],
        needs_to_happen=_GOALS[:2],
        next_steps=["Over vier weken samen kijken wat gelukt is."],
        safety_scale=[
            ScaleScore(person_id="demo-lina", score=5, on=CONFERENCE, note="Soms bang 's avonds"),
            ScaleScore(person_id="demo-sofie", score=4, on=CONFERENCE),
            ScaleScore(person_id="demo-youssef", score=3, on=CONFERENCE),
            ScaleScore(person_id="demo-ria", score=3, on=CONFERENCE),
            ScaleScore(person_id="demo-eline", score=3, on=CONFERENCE),
        ],
        tasks=[
            Task(
                id="demo-task-1",
                what="Lina en Adam op woensdag van school halen en eten",
                who=["demo-ria"],
                checked_by=["demo-sofie"],
                needs=[1],
            ),
            Task(
                id="demo-task-2",
                what="Maandagavond bij mama en de kinderen",
                who=["demo-katrien"],
                needs=[1],
            ),
            Task(
                id="demo-task-3",
                what="Zaterdag: de kinderen bij Mima Fatima, Hafsa tolkt",
                who=["demo-fatima", "demo-hafsa"],
                needs=[1],
            ),
            Task(
                id="demo-task-5",
                what="Een belkaart maken: wie de kinderen kunnen bellen",
                who=["demo-sofie", "demo-ria"],
                due=date(2026, 11, 1),
                needs=[2],
            ),
            Task(
                id="demo-task-6",
                what="Thuisbegeleiding voor mama, twee keer per week",
                owner=TaskOwner.professional,
                service="thuisbegeleiding",
                who=["demo-eline"],
                due=date(2026, 11, 14),
                needs=[1],
            ),
        ],
        review_on=REVIEW,
        provenance=_prov(CONFERENCE),
    )
    v2 = v1.model_copy(
        update={
            "id": DEMO_PLAN_ID,
            "version": 2,
            "agreed_on": REVIEW,
            "working_well": _STRENGTHS,
            "existing_safety": [
                "Oma Ria is er op woensdag tot mama thuis is.",
                "De belkaart hangt op de koelkast en zit in Lina's boekentas.",
            ],
            "needs_to_happen": _GOALS,
            "next_steps": [
                "Papa en mama spreken af wie Lina naar de CLB-afspraak brengt.",
                "Op 12 december samen kijken wat gelukt is.",
            ],
            "safety_scale": [
                ScaleScore(person_id="demo-lina", score=7, on=REVIEW),
                ScaleScore(person_id="demo-sofie", score=6, on=REVIEW),
                ScaleScore(person_id="demo-youssef", score=5, on=REVIEW),
                ScaleScore(person_id="demo-ria", score=5, on=REVIEW),
                ScaleScore(person_id="demo-eline", score=4, on=REVIEW),
            ],
            "tasks": [
                Task(
                    id="demo-task-1",
                    what="Lina en Adam op woensdag van school halen en eten",
                    who=["demo-ria"],
                    checked_by=["demo-sofie"],
                    needs=[1],
                ),
                Task(
                    id="demo-task-2",
                    what="Maandag- en donderdagavond bij mama en de kinderen",
                    who=["demo-katrien"],
                    status=TaskStatus.changed,
                    note="Ook donderdag, want maandag alleen was te weinig.",
                    needs=[1],
                ),
                Task(
                    id="demo-task-3",
                    what="Zaterdag: de kinderen bij Mima Fatima, Hafsa tolkt",
                    who=["demo-fatima", "demo-hafsa"],
                    needs=[1],
                ),
                Task(
                    id="demo-task-4",
                    what="Lina's huiswerk op dinsdag na school",
                    who=["demo-joelle"],
                    checked_by=["demo-elke"],
                    due=date(2026, 12, 12),
                    needs=[3],
                ),
                Task(
                    id="demo-task-5",
                    what="Een belkaart maken: wie de kinderen kunnen bellen",
                    who=["demo-sofie", "demo-ria"],
                    due=date(2026, 11, 1),
                    status=TaskStatus.done,
                    needs=[2],
                ),
                Task(
                    id="demo-task-7",
                    what="Lina mag bij de buurvrouw aanbellen als mama niet opendoet",
                    who=["demo-hatice"],
                    needs=[2],
                ),
                Task(
                    id="demo-task-6",
                    what="Thuisbegeleiding voor mama, twee keer per week",
                    owner=TaskOwner.professional,
                    service="thuisbegeleiding",
                    who=["demo-eline"],
                    status=TaskStatus.done,
                    needs=[1],
                ),
            ],
            "review_on": NEXT_REVIEW,
            "provenance": _prov(REVIEW),
        }
    )
    return [v1, Plan.model_validate(v2.model_dump())]


def demo_meetings() -> list[Meeting]:
    """The family group conference and the review."""
    return [
        Meeting(
            id="demo-meeting-1",
            case_id=DEMO_CASE_ID,
            held_on=CONFERENCE,
            kind=MeetingKind.family_group_conference,
            attended=[
                "demo-lina",
                "demo-sofie",
                "demo-youssef",
                "demo-ria",
                "demo-katrien",
                "demo-fatima",
                "demo-hafsa",
                "demo-eline",
            ],
            others=["onafhankelijke coördinator"],
            plan_version=1,
            next_review_on=REVIEW,
            provenance=_prov(CONFERENCE),
        ),
        Meeting(
            id="demo-meeting-2",
            case_id=DEMO_CASE_ID,
            held_on=REVIEW,
            kind=MeetingKind.review,
            attended=[
                "demo-lina",
                "demo-sofie",
                "demo-youssef",
                "demo-ria",
                "demo-katrien",
                "demo-hafsa",
                "demo-joelle",
                "demo-hatice",
                "demo-eline",
            ],
            plan_version=2,
            next_review_on=NEXT_REVIEW,
            provenance=_prov(REVIEW),
        ),
    ]


_ANSWERS = [
    ("demo-meeting-1", CONFERENCE, Respondent.parent, (4, 3, 4, 5, 3), None),
    (
        "demo-meeting-1",
        CONFERENCE,
        Respondent.family,
        (5, 4, 4, 5, 4),
        "Fijn dat we eindelijk samen rond de tafel zaten.",
    ),
    ("demo-meeting-1", CONFERENCE, Respondent.child, (4, None, 3, None, None), None),
    ("demo-meeting-2", REVIEW, Respondent.parent, (5, 4, 5, 5, 4), None),
    ("demo-meeting-2", REVIEW, Respondent.network, (4, 5, 5, 5, 5), "De belkaart werkt."),
    ("demo-meeting-2", REVIEW, Respondent.child, (5, None, 4, None, 4), None),
]
"""Per response: the meeting, the day, who answered, the answers in the form's order
(heard, own plan, clear, respected, stronger; None: not answered) and a comment."""


def demo_feedback() -> list[Feedback]:
    """Anonymous answers after both meetings."""
    return [
        Feedback(
            id=f"demo-feedback-{n}",
            case_id=DEMO_CASE_ID,
            meeting_id=meeting_id,
            given_on=on,
            respondent=respondent,
            answers={q: v for q, v in zip(Question, values, strict=True) if v is not None},
            comment=comment,
            provenance=_prov(on),
        )
        for n, (meeting_id, on, respondent, values, comment) in enumerate(_ANSWERS, start=1)
    ]
