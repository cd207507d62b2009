"""Findings into the review queue: saved once, updated while pending, never after a decision."""

from __future__ import annotations

from kin_helpers import AUNT, CASE, GRANDMOTHER, outside_records, seed

from tenhands.finding.kin import KinFinder, propose
from tenhands.finding.review import reject, review_queue
from tenhands.graph.model import CandidateKind, ReviewStatus
from tenhands.graph.store import GraphStore


def test_findings_become_pending_candidates_with_their_reasons(store: GraphStore) -> None:
    seed(store)
    search = KinFinder().search(store, CASE)
    report = propose(store, search)
    assert report.added == len(search.kin) + len(search.matches)
    queue = review_queue(store, CASE)
    aunt = next(c for c in queue if c.record_id == AUNT)
    assert aunt.kind is CandidateKind.kin
    assert (aunt.relation, aunt.relation_to) == ("child", GRANDMOTHER)
    codes = [e.level for e in aunt.explanation if e.field == "relation_to_child"]
    assert codes == ["maternal_aunt"]
    assert sum(e.weight for e in aunt.explanation) > 0


def test_a_second_search_updates_instead_of_repeating(store: GraphStore) -> None:
    seed(store)
    finder = KinFinder()
    first = propose(store, finder.search(store, CASE))
    again = propose(store, finder.search(store, CASE))
    assert again.added == 0 and again.updated == first.added
    assert len(store.list_candidates(CASE)) == first.added


def test_a_rejected_finding_is_not_proposed_again(store: GraphStore) -> None:
    seed(store)
    finder = KinFinder()
    propose(store, finder.search(store, CASE))
    aunt = next(c for c in review_queue(store, CASE) if c.record_id == AUNT)
    reject(store, aunt.id, reviewer="worker", reason="not her daughter")
    report = propose(store, finder.search(store, CASE))
    assert report.skipped >= 1
    pending = store.list_candidates(CASE, status=ReviewStatus.pending)
    assert AUNT not in {c.record_id for c in pending}


def test_the_index_follows_the_records_without_being_told(store: GraphStore) -> None:
    seed(store, records=[])
    finder = KinFinder()
    assert finder.search(store, CASE).kin == []
    assert finder.search(store, CASE).kin == [] and finder.builds == 1  # kept while unchanged

    store.add_records(outside_records())
    assert AUNT in {f.record_id for f in finder.search(store, CASE).kin}
    assert finder.builds == 2


def test_what_decisions_taught_is_kept_until_a_new_decision(store: GraphStore) -> None:
    seed(store)
    finder, other = KinFinder(), KinFinder()
    first = finder.calibration(store)
    propose(store, other.search(store, CASE))  # new pending findings teach nothing
    assert finder.calibration(store) is first

    aunt = next(c for c in review_queue(store, CASE) if c.record_id == AUNT)
    reject(store, aunt.id, reviewer="worker", reason="not her daughter")  # by the other one
    again = finder.calibration(store)
    assert again is not first
    assert finder.calibration(store) is again
