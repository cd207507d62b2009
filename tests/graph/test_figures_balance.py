"""The balance of a network: active members per standing, professionals per unpaid adult."""

from __future__ import annotations

from builders import role
from figures_helpers import CASE, TODAY, family

from tenhands.graph.figures import Standing, balance, case_figures, case_people
from tenhands.graph.model import Engagement
from tenhands.graph.store import GraphStore

E = Engagement


def test_balance_per_side_with_aunt_grandfather_neighbour_and_professional(
    store: GraphStore,
) -> None:
    family(store)
    store.upsert_roles(
        [
            role(CASE, "tante", engagement=E.engaged),  # maternal aunt
            role(CASE, "neef", engagement=E.located),  # maternal cousin, a minor
            role(CASE, "opa", engagement=E.contacted),  # paternal grandfather
            role(CASE, "buur", engagement=E.identified),  # the neighbour
            role(CASE, "pro", engagement=E.committed),  # the professional
            role(CASE, "mum", engagement=E.declined),  # not on the way: not counted
            role(CASE, "dad", engagement=E.deceased),
            role(CASE, "kid", engagement=E.committed),  # the child: never counted
        ]
    )
    figures = case_figures(store, CASE, today=TODAY)
    assert figures.standing == {
        "kid": Standing.child,
        "mum": Standing.maternal,
        "tante": Standing.maternal,
        "neef": Standing.maternal,
        "dad": Standing.paternal,
        "opa": Standing.paternal,
        "buur": Standing.informal,
        "pro": Standing.professional,
    }
    b = figures.balance
    assert b.counts == {
        Standing.child: 0,
        Standing.maternal: 2,
        Standing.paternal: 1,
        Standing.both: 0,
        Standing.informal: 1,
        Standing.professional: 1,
    }
    # Unpaid adults: the aunt, the grandfather, the neighbour (not the 14-year-old cousin).
    assert (b.professionals, b.unpaid, b.ratio) == (1, 3, 0.33)


def test_no_unpaid_adult_has_no_ratio(store: GraphStore) -> None:
    family(store)
    store.upsert_roles(
        [role(CASE, "pro", engagement=E.engaged), role(CASE, "neef", engagement=E.engaged)]
    )
    people = case_people(store, CASE, today=TODAY)
    b = balance(people.graph, people.standing, TODAY)
    assert (b.professionals, b.unpaid, b.ratio) == (1, 0, None)
    assert b.counts[Standing.maternal] == 1 and sum(b.counts.values()) == 2
