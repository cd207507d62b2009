"""Kin search learns from the workers' decisions: per rule, bits added to its prior."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from itertools import count

import pytest
from builders import case, person
from kin_helpers import CASE, seed

from tenhands.finding.kin.learning import (
    CALIBRATION,
    CLIP,
    FAMILY_GRAPH,
    Calibration,
    adjustment,
    decided_candidates,
    learn,
    logit2,
)
from tenhands.graph.model import Candidate, CandidateKind, Evidence, ReviewStatus
from tenhands.graph.store import GraphStore

WHEN = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)
_ids = count()


def _candidate(
    rule: str,
    score: float,
    status: ReviewStatus,
    *,
    case_id: str = CASE,
    extra: list[Evidence] | None = None,
) -> Candidate:
    n = next(_ids)
    if rule == FAMILY_GRAPH:
        explanation = [Evidence(field=FAMILY_GRAPH, level="aunt", weight=logit2(score))]
    else:
        explanation = [Evidence(field="prior", level=f"rule {rule}", right=rule, weight=-9.0)]
    decided = status is not ReviewStatus.pending
    return Candidate(
        id=f"m-learn-{n}",
        kind=CandidateKind.match if rule == "same_person" else CandidateKind.kin,
        case_id=case_id,
        record_id=f"r-learn-{n}",
        relation="child",
        score=score,
        explanation=[*explanation, *(extra or [])],
        status=status,
        reviewed_by="worker-an" if decided else None,
        reviewed_at=WHEN if decided else None,
    )


def _decide(
    store: GraphStore,
    rule: str,
    score: float,
    accepted: int,
    rejected: int,
    *,
    case_id: str = CASE,
) -> None:
    for status, n in ((ReviewStatus.accepted, accepted), (ReviewStatus.rejected, rejected)):
        for _ in range(n):
            store.save_candidate(_candidate(rule, score, status, case_id=case_id))


def test_no_decisions_no_adjustments(store: GraphStore) -> None:
    seed(store)
    for _ in range(12):
        store.save_candidate(_candidate("named_parent", 0.4, ReviewStatus.pending))
    learned = learn(store)
    assert learned.adjustments == {} and learned.decisions == {}
    assert learned.bits("named_parent") == 0.0 and learned.bits("household") == 0.0
    assert learned.describe() == []


def test_mostly_rejected_gets_negative_mostly_accepted_positive(store: GraphStore) -> None:
    seed(store)
    _decide(store, "household", 0.7, accepted=3, rejected=27)
    _decide(store, "family_name", 0.2, accepted=25, rejected=5)
    learned = learn(store)
    assert learned.decisions == {"household": (3, 27), "family_name": (25, 5)}
    assert learned.bits("household") < -1.0
    assert learned.bits("family_name") > 1.0
    assert learned.predicted["household"] == pytest.approx(0.7)


def test_the_formula_beta_prior_centred_on_the_prediction(store: GraphStore) -> None:
    seed(store)
    _decide(store, "named_parent", 0.5, accepted=14, rejected=6)
    rate = (20 * 0.5 + 14) / (20 + 20)
    expected = math.log2(rate / (1 - rate)) - math.log2(0.5 / 0.5)
    assert learn(store).bits("named_parent") == pytest.approx(expected)


def test_a_well_calibrated_rule_keeps_its_prior(store: GraphStore) -> None:
    seed(store)
    _decide(store, "same_parents", 0.75, accepted=15, rejected=5)
    assert learn(store).bits("same_parents") == pytest.approx(0.0, abs=1e-9)


def test_fewer_than_min_decisions_get_nothing(store: GraphStore) -> None:
    seed(store)
    _decide(store, "partner_of", 0.9, accepted=0, rejected=9)
    learned = learn(store)
    assert learned.bits("partner_of") == 0.0
    assert "partner_of" not in learned.adjustments
    assert learned.decisions["partner_of"] == (0, 9)
    assert learned.describe() == [
        "partner_of: 0 accepted, 9 rejected → no change yet (1 more decisions needed)"
    ]
    assert learn(store, min_decisions=5).bits("partner_of") < 0


def test_pending_and_undone_decisions_do_not_count(store: GraphStore) -> None:
    seed(store)
    _decide(store, "named_by", 0.5, accepted=10, rejected=0)
    for _ in range(30):
        store.save_candidate(_candidate("named_by", 0.5, ReviewStatus.pending))
    undone = _candidate("named_by", 0.5, ReviewStatus.rejected)
    store.save_candidate(undone)
    store.save_candidate(
        undone.model_copy(
            update={"status": ReviewStatus.pending, "reviewed_by": None, "reviewed_at": None}
        )
    )
    learned = learn(store)
    assert learned.decisions == {"named_by": (10, 0)}
    assert learned.bits("named_by") == pytest.approx(adjustment(10, 0, 0.5, 20.0))


def test_the_adjustment_is_clipped(store: GraphStore) -> None:
    seed(store)
    _decide(store, "parent_named", 0.999, accepted=0, rejected=400)
    _decide(store, "partner_named", 0.001, accepted=400, rejected=0)
    learned = learn(store)
    assert learned.bits("parent_named") == -CLIP
    assert learned.bits("partner_named") == CLIP


def test_many_decisions_move_further_than_few(store: GraphStore) -> None:
    seed(store)
    _decide(store, "household", 0.6, accepted=3, rejected=9)
    few = learn(store).bits("household")
    _decide(store, "household", 0.6, accepted=27, rejected=81)
    many = learn(store).bits("household")
    assert many < few < 0

    # the decided share is 25%; many decisions get close to it, few stay near 60%
    def rate(bits: float) -> float:
        return 1 / (1 + 2 ** -(logit2(0.6) + bits))

    assert rate(many) == pytest.approx(0.25 + (0.6 - 0.25) * 20 / 140)
    assert rate(few) > 0.45


def test_strength_is_how_much_the_prediction_weighs(store: GraphStore) -> None:
    seed(store)
    _decide(store, "family_name", 0.3, accepted=16, rejected=4)
    light = learn(store, strength=2.0).bits("family_name")
    heavy = learn(store, strength=200.0).bits("family_name")
    assert light > heavy > 0
    with pytest.raises(ValueError):
        learn(store, strength=0.0)


def test_the_prediction_is_the_mean_of_the_scores(store: GraphStore) -> None:
    seed(store)
    _decide(store, "named_parent", 0.9, accepted=5, rejected=5)
    _decide(store, "named_parent", 0.1, accepted=5, rejected=5)
    learned = learn(store)
    assert learned.predicted["named_parent"] == pytest.approx(0.5)
    assert learned.bits("named_parent") == pytest.approx(0.0, abs=1e-9)


def test_an_earlier_calibration_is_taken_off_before_counting(store: GraphStore) -> None:
    seed(store)
    raw = 0.5
    shown = 1 / (1 + 2 ** -(logit2(raw) - 1.5))  # the search had added -1.5 bits
    line = Evidence(field=CALIBRATION, right="household", level="learned", weight=-1.5)
    for status, n in ((ReviewStatus.accepted, 4), (ReviewStatus.rejected, 16)):
        for _ in range(n):
            store.save_candidate(_candidate("household", shown, status, extra=[line]))
    learned = learn(store)
    assert learned.predicted["household"] == pytest.approx(raw)
    assert learned.bits("household") == pytest.approx(adjustment(4, 16, raw, 20.0))
    # the whole correction, not one on top of the last (which would be much smaller)
    assert learned.bits("household") < adjustment(4, 16, shown, 20.0) - 0.5


def test_family_graph_and_match_rules_are_learned_other_candidates_not(
    store: GraphStore,
) -> None:
    seed(store)
    _decide(store, FAMILY_GRAPH, 0.97, accepted=4, rejected=8)
    _decide(store, "same_person", 0.95, accepted=12, rejected=0)
    matching = Candidate(
        kind=CandidateKind.duplicate,
        case_id=CASE,
        person_id="p-a",
        other_person_id="p-b",
        score=0.9,
        explanation=[Evidence(field="prior", level="base rate", weight=-12.0)],
        status=ReviewStatus.rejected,
        reviewed_by="worker-an",
        reviewed_at=WHEN,
    )
    store.save_candidate(matching)
    learned = learn(store)
    assert set(learned.decisions) == {FAMILY_GRAPH, "same_person"}
    assert learned.bits(FAMILY_GRAPH) < 0
    assert learned.bits("same_person") > 0


def test_all_cases_are_read_page_by_page(store: GraphStore) -> None:
    seed(store)
    store.upsert_persons([person(f"p-kind-{i}", f"Kind{i}", "Testmans") for i in range(5)])
    for i in range(5):
        store.create_case(case(f"c-learn-{i}", f"p-kind-{i}"))
        _decide(store, "household", 0.5, accepted=1, rejected=3, case_id=f"c-learn-{i}")
    paged = list(decided_candidates(store, page=2))
    assert len(paged) == 20 and len({c.id for c in paged}) == 20
    assert learn(store).decisions == {"household": (5, 15)}


def test_describe_reads_plainly(store: GraphStore) -> None:
    seed(store)
    _decide(store, "named_parent", 0.45, accepted=14, rejected=6)
    learned = learn(store)
    bits = learned.bits("named_parent")
    assert learned.describe() == [
        f"named_parent: 14 accepted, 6 rejected → {bits:+.1f} bits "
        "(the search expected 45% accepted, workers accepted 70%)"
    ]
    assert Calibration.empty().bits("named_parent") == 0.0
