"""The safety scale over time: each participant's scores across the plan versions.

A participant is a person (``person_id``) or a label ("consulent"). A score a later
version repeats for the same day is the same score, counted once (with the version that
first recorded it); a later version that gives another score for the same day corrects
it (the point then carries that version).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..model import Plan
from .model import ScalePoint, ScaleSeries


def scale_series(plans: Iterable[Plan]) -> list[ScaleSeries]:
    """One series per participant, in the order they first scored; points by date.

    >>> from datetime import date
    >>> from tenhands.graph.model import ScaleScore
    >>> one = Plan(case_id="c", version=1, safety_scale=[
    ...     ScaleScore(person_id="mama", score=4, on=date(2026, 1, 5))])
    >>> two = Plan(case_id="c", version=2, safety_scale=[
    ...     ScaleScore(person_id="mama", score=4, on=date(2026, 1, 5)),
    ...     ScaleScore(person_id="mama", score=6, on=date(2026, 2, 9))])
    >>> [(p.score, p.version) for p in scale_series([one, two])[0].points]
    [(4, 1), (6, 2)]
    """
    points: dict[str, dict[date, ScalePoint]] = {}
    labels: dict[str, tuple[str | None, str | None]] = {}
    for plan in sorted(plans, key=lambda p: p.version):
        for score in plan.safety_scale:
            key = f"p:{score.person_id}" if score.person_id is not None else f"l:{score.label}"
            labels[key] = (score.person_id, score.label or labels.get(key, (None, None))[1])
            by_day = points.setdefault(key, {})
            known = by_day.get(score.on)
            if known is None or known.score != score.score:
                by_day[score.on] = ScalePoint(on=score.on, score=score.score, version=plan.version)
    return [
        ScaleSeries(
            person_id=labels[key][0],
            label=labels[key][1],
            points=sorted(by_day.values(), key=lambda p: p.on),
        )
        for key, by_day in points.items()
    ]
