"""The network strength panel of a case's page, from :func:`tenhands.graph.figures.case_figures`:
the figures with names instead of ids and words (message ids) instead of codes, for
``_figures.html``.

Everything is said in words and numbers, in tables and lists: nothing depends on colour
or on a drawing. Only people of the case's network are named; an id that points at no
one there (someone erased) is said as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from babel.numbers import format_decimal

from ..graph.figures import STALE_WEEKS, CaseFigures, PeopleInCase, Standing, case_figures
from ..graph.store import GraphStore
from .i18n import N_

STANDING: dict[str, str] = {
    Standing.maternal: N_("Mum's side"),
    Standing.paternal: N_("Dad's side"),
    Standing.both: N_("Both sides, or side not known"),
    Standing.informal: N_("Informal network"),
    Standing.professional: N_("Professionals"),
}
"""The balance's rows, in order (the children of the case are not counted there)."""

UNKNOWN = N_("someone no longer in the network")


@dataclass(frozen=True)
class NeedRow:
    number: int
    text: str
    people: list[str]
    services: list[str]
    network: bool
    """A task of the family and network itself serves it (not professionals only)."""

    @property
    def covered(self) -> bool:
        return bool(self.people or self.services)


@dataclass(frozen=True)
class StageRow:
    stage: str
    reached: int
    now: int
    dropped: int
    most: bool
    """The stage where most drop out."""


@dataclass(frozen=True)
class StaleRow:
    name: str
    engagement: str
    last_contact: datetime | None
    weeks: int | None
    professional: bool


@dataclass(frozen=True)
class ScaleRow:
    who: str | None
    """A person's name, or None when the score is a label's (see ``label``)."""
    label: str | None
    first: int
    first_on: date
    latest: int
    latest_on: date
    scores: int

    @property
    def change(self) -> int:
        return self.latest - self.first


@dataclass(frozen=True)
class FiguresPanel:
    figures: CaseFigures
    adults: list[str]
    needs: list[NeedRow]
    balance: list[tuple[str, int]]
    """(message id of the standing, active members)"""
    stages: list[StageRow]
    off: list[tuple[str, int]]
    """(engagement, members now off the way), only those with any"""
    stale: list[StaleRow]
    chains: list[list[str]]
    scale: list[ScaleRow]
    ratio_text: str | None
    """Professionals per unpaid adult, as the reader's language writes it."""

    @property
    def uncovered(self) -> list[NeedRow]:
        return [n for n in self.needs if not n.covered]


def figures_panel(
    store: GraphStore,
    case_id: str,
    lang: str,
    *,
    today: date | None = None,
    stale_weeks: int = STALE_WEEKS,
    people: PeopleInCase | None = None,
) -> FiguresPanel:
    """The panel of a case on ``today``, for a reader of ``lang`` (NotFound for an
    unknown case)."""
    figures = case_figures(store, case_id, today=today, stale_weeks=stale_weeks, people=people)
    ids = set(figures.standing)
    names = {p.id: p.display_name for p in store.get_persons(sorted(ids))}

    def name(person_id: str) -> str:
        return names.get(person_id, UNKNOWN)

    hands = figures.ten_hands
    needs = [
        NeedRow(n.need, n.text, [name(p) for p in n.people], list(n.services), n.network)
        for n in hands.needs
    ]
    funnel = figures.funnel
    stages = [
        StageRow(s.stage.value, s.reached, s.now, s.dropped, s.stage is funnel.most_dropped)
        for s in funnel.stages
    ]
    off = [(e.value, n) for e, n in funnel.off.items() if n]
    stale = [
        StaleRow(
            name(s.person_id),
            s.engagement.value,
            s.last_contact,
            s.weeks,
            s.standing is Standing.professional,
        )
        for s in figures.stale
    ]
    scale = [
        ScaleRow(
            name(s.person_id) if s.person_id is not None else None,
            s.label,
            s.points[0].score,
            s.points[0].on,
            s.points[-1].score,
            s.points[-1].on,
            len(s.points),
        )
        for s in figures.scale
        if s.points
    ]
    ratio = figures.balance.ratio
    return FiguresPanel(
        figures=figures,
        adults=sorted((name(p) for p in hands.adults), key=str.casefold),
        needs=needs,
        balance=[
            (label, figures.balance.counts.get(Standing(s), 0)) for s, label in STANDING.items()
        ],
        stages=stages,
        off=off,
        stale=stale,
        chains=[[name(p) for p in c.path] for c in figures.naming.chains],
        scale=scale,
        ratio_text=None if ratio is None else format_decimal(ratio, "0.##", locale=lang),
    )
