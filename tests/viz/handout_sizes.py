"""Synthetic closure handouts of a chosen size, for the one-page tests: ``n`` network
members (each with a relation, an agreed role, a phone, every third an e-mail, every
fourth one to call) and a task for every second member."""

from __future__ import annotations

from datetime import date

from tenhands.viz.handout import Handout, HandoutPerson, HandoutTask

MADE_ON = date(2026, 11, 23)
RELATIONS = ("tante, mama's kant", "buurvrouw", "grootvader, papa's kant", "vriend van de familie")


def member(i: int) -> HandoutPerson:
    return HandoutPerson(
        name=f"Persoon{i:02d}",
        relation=RELATIONS[i % len(RELATIONS)],
        agreed_role=f"Komt op {('maandag', 'woensdag', 'zaterdag')[i % 3]} langs en kookt mee.",
        phones=(f"+32 470 00 {i:02d} {i:02d}",),
        emails=(f"persoon{i:02d}@example.org",) if i % 3 == 0 else (),
        addresses=(),
        tasks=(f"Taak {i:02d}: de kinderen van school halen",) if i % 2 == 0 else (),
        professional=False,
        call=i % 4 == 0,
    )


def sized_handout(n: int, lang: str = "nl") -> Handout:
    """A handout of ``n`` network members (see the module docstring)."""
    people = tuple(member(i) for i in range(n))
    tasks = tuple(
        HandoutTask(what=p.tasks[0], who=(p.name,), checked_by=(), due=None, service=None)
        for p in people
        if p.tasks
    )
    return Handout(
        lang=lang,
        made_on=MADE_ON,
        children=("Noor", "Milan"),
        people=people,
        professionals=(),
        tasks=tasks,
        help=(),
        last_meeting=MADE_ON,
        last_meeting_kind=None,
        next_review=date(2027, 2, 1),
    )
