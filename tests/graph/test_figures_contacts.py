"""Stale contacts: active adults nobody reached for some weeks, or ever."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from builders import case, person, role
from figures_helpers import TODAY  # 2026-06-30

from tenhands.graph.figures import case_figures
from tenhands.graph.model import ContactEntry, Engagement, PartialDate
from tenhands.graph.store import GraphStore

E = Engagement
CASE = "c-contact"


def _at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=UTC)


def _log(month: int, day: int, *, reached: bool) -> ContactEntry:
    return ContactEntry(at=_at(month, day), by="wout.werker", reached=reached)


@pytest.fixture
def contacts(store: GraphStore) -> GraphStore:
    ids = ["kid", "recent", "logged", "tried", "never", "gone", "may", "six", "five"]
    store.upsert_persons([person(pid) for pid in ids])
    store.create_person(person("minor", birth_date=PartialDate.parse("2015")))
    store.create_case(case(CASE, "kid"))
    store.upsert_roles(
        [
            role(CASE, "kid", engagement=E.engaged),  # the child: never listed
            role(CASE, "recent", engagement=E.engaged, last_contact=_at(6, 20)),
            # An old last contact, but the contact log reached them since.
            role(
                CASE,
                "logged",
                engagement=E.contacted,
                last_contact=_at(4, 1),
                contacts=[_log(3, 1, reached=True), _log(6, 25, reached=True)],
            ),
            # The newer attempt did not reach them: it does not count.
            role(
                CASE,
                "tried",
                engagement=E.located,
                last_contact=_at(4, 1),
                contacts=[_log(6, 25, reached=False)],
            ),
            role(CASE, "never", engagement=E.identified),
            role(CASE, "minor", engagement=E.identified),  # a minor: not listed
            role(CASE, "gone", engagement=E.declined),  # off the way: not listed
            role(CASE, "may", engagement=E.committed, last_contact=_at(5, 1)),
            role(CASE, "six", engagement=E.engaged, last_contact=_at(5, 19)),  # 42 days
            role(CASE, "five", engagement=E.engaged, last_contact=_at(5, 20)),  # 41 days
        ]
    )
    return store


def test_stale_contacts_never_first_then_oldest(contacts: GraphStore) -> None:
    figures = case_figures(contacts, CASE, today=TODAY)
    assert figures.stale_weeks == 6
    stale = [(s.person_id, s.last_contact, s.weeks) for s in figures.stale]
    assert stale == [
        ("never", None, None),
        ("tried", _at(4, 1), 12),  # 90 days
        ("may", _at(5, 1), 8),  # 60 days
        ("six", _at(5, 19), 6),
    ]
    assert figures.stale[1].engagement is E.located


def test_stale_weeks_is_a_setting_of_the_call(contacts: GraphStore) -> None:
    figures = case_figures(contacts, CASE, today=TODAY, stale_weeks=10)
    assert [s.person_id for s in figures.stale] == ["never", "tried"]
    figures = case_figures(contacts, CASE, today=TODAY, stale_weeks=1)
    assert [s.person_id for s in figures.stale][-1] == "recent"  # 10 days ago
    assert "logged" not in [s.person_id for s in figures.stale]  # reached 5 days ago
    with pytest.raises(ValueError, match="stale_weeks"):
        case_figures(contacts, CASE, today=TODAY, stale_weeks=0)
