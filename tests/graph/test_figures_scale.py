"""The safety scale per participant across the plan versions."""

from __future__ import annotations

from datetime import date

from builders import case, person, role

from tenhands.graph.figures import case_figures
from tenhands.graph.model import Plan, ScaleScore
from tenhands.graph.store import GraphStore

CASE = "c-scale"
D1, D2 = date(2026, 3, 10), date(2026, 4, 21)


def _plan(version: int, *scores: ScaleScore) -> Plan:
    return Plan(case_id=CASE, version=version, safety_scale=list(scores))


def test_scores_across_two_versions_counted_once_per_day(store: GraphStore) -> None:
    store.upsert_persons([person(pid) for pid in ("kid", "mum", "oma")])
    store.create_case(case(CASE, "kid"))
    store.upsert_roles([role(CASE, "mum"), role(CASE, "oma")])
    store.add_plan(
        _plan(
            1,
            ScaleScore(person_id="mum", score=3, on=D1),
            ScaleScore(label="consulent", score=2, on=D1),
        )
    )
    store.add_plan(
        _plan(
            2,
            ScaleScore(person_id="mum", score=3, on=D1),  # repeated unchanged: once
            ScaleScore(person_id="mum", score=5, on=D2),
            ScaleScore(label="consulent", score=4, on=D2),
            ScaleScore(person_id="oma", score=6, on=D2),
        )
    )
    scale = case_figures(store, CASE).scale
    got = [(s.person_id, s.label, [(p.on, p.score, p.version) for p in s.points]) for s in scale]
    assert got == [
        ("mum", None, [(D1, 3, 1), (D2, 5, 2)]),
        (None, "consulent", [(D1, 2, 1), (D2, 4, 2)]),
        ("oma", None, [(D2, 6, 2)]),
    ]
    # A later version that gives another score for the same day corrects it.
    store.add_plan(_plan(3, ScaleScore(person_id="mum", score=4, on=D2)))
    mum = case_figures(store, CASE).scale[0]
    assert [(p.on, p.score, p.version) for p in mum.points] == [(D1, 3, 1), (D2, 4, 3)]


def test_no_plan_no_scale(store: GraphStore) -> None:
    store.create_person(person("kid"))
    store.create_case(case(CASE, "kid"))
    figures = case_figures(store, CASE)
    assert figures.scale == [] and figures.ten_hands.needs == []
