"""A person's standing in a case: the one rule (:func:`case_people`) every front end
calls, on a family with half-siblings by different fathers."""

from __future__ import annotations

from datetime import date

from half_siblings import EXPECTED, KID1, KID2, half_siblings

from tenhands.graph.figures import Standing, case_figures, case_people
from tenhands.graph.kinship import Side
from tenhands.graph.model import TieKind
from tenhands.graph.store import GraphStore

TODAY = date(2026, 6, 30)


def test_each_father_stands_with_his_own_child(store: GraphStore) -> None:
    case_id = half_siblings(store)
    people = case_people(store, case_id, today=TODAY).people
    said = {pid: (p.standing.value, p.side.value) for pid, p in people.items()}
    assert said == EXPECTED
    gert, frank = people["half-dad2"], people["half-ex1"]
    # Gert is Sem's father and Lotte's step-father: the blood tie decides, not the order.
    assert gert.closest is not None and gert.closest[0] == KID2
    assert gert.relationship is not None and gert.relationship.words("en") == "father"
    step = gert.relations[KID1]
    assert step is not None and step.words("en") == "stepfather"
    assert step.side is Side.maternal  # seen from Lotte he is on her mother's side
    assert frank.closest is not None and frank.closest[0] == KID1
    oma = people["half-oma2"]
    assert oma.closest is not None and oma.closest[0] == KID2
    assert oma.relations[KID2] is not None and oma.relations[KID2].words("nl") == "grootmoeder"


def test_children_and_non_kin(store: GraphStore) -> None:
    case_id = half_siblings(store)
    people = case_people(store, case_id, today=TODAY).people
    lotte = people[KID1]
    assert lotte.is_child and not lotte.kin and lotte.closest is None
    assert set(lotte.relations) == {KID2}  # to the other child only
    to_sem = lotte.relations[KID2]  # what Lotte is to Sem
    assert to_sem is not None and to_sem.words("en") == "half-sister"
    juf = people["half-juf"]
    assert (juf.kin, juf.named_by) == (False, TieKind.teacher)
    assert juf.relations == {KID1: None, KID2: None}


def test_who_counts_and_the_figures_say_the_same(store: GraphStore) -> None:
    case_id = half_siblings(store)
    found = case_people(store, case_id, today=TODAY)
    counted = sorted(pid for pid, p in found.people.items() if p.counts)
    assert counted == ["half-dad2", "half-ex1", "half-juf", "half-mum", "half-oma2"]
    figures = case_figures(store, case_id, today=TODAY)
    assert figures.standing == found.standing
    assert figures.standing["half-dad2"] is Standing.paternal
    assert sorted(figures.ten_hands.adults) == counted
