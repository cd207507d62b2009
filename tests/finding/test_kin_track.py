"""The kin rules' track record: what a search's probability means, and the card's line
saying how often such proposals were family (the shipped fit and the search using it)."""

from __future__ import annotations

import json

import pytest
from kin_helpers import AUNT, CASE, seed

from tenhands.finding.kin import build_index, find_kin, store_records
from tenhands.finding.kin.track import (
    TRACK_RECORD,
    Tally,
    TrackRecord,
    logit2,
    rule_key,
    shipped,
)
from tenhands.finding.review.reasons import reasons
from tenhands.graph.model import Evidence
from tenhands.graph.store import GraphStore


def test_the_shipped_track_record_is_a_fit_a_worker_can_trust() -> None:
    track = shipped()
    assert "bench/kin_calibrate.py" in track.fitted_on
    assert 0.0 < track.floor < 0.5
    # a surer search is never shown less sure, a longer chain never surer
    assert track.slope > 0 and track.per_step <= 0
    for key in ("named_parent/child", "parent_named/parent", "household/child"):
        tally = track.tally(key)
        assert tally is not None and 0 < tally.kin < tally.proposed


def test_the_mapping_moves_a_rule_by_its_offset_and_a_chain_by_its_steps() -> None:
    track = TrackRecord(slope=0.5, per_step=-1.0, offsets={"named_parent/child": -2.0})
    p = 0.8
    assert logit2(track.shown("named_parent/child", p, 0)) == pytest.approx(0.5 * 2 - 2.0)
    assert logit2(track.shown("named_parent/child", p, 2)) == pytest.approx(0.5 * 2 - 4.0)
    assert logit2(track.shown("other", p, 0)) == pytest.approx(1.0)
    assert TrackRecord.none().shown("named_parent/child", p, 3) == p


def test_a_track_record_survives_its_file() -> None:
    track = TrackRecord(slope=0.6, per_step=-1.2, offsets={"a/child": -1.5},
                        tallies={"a/child": Tally(40, 9)}, floor=0.05, fitted_on="x")  # fmt: skip
    again = TrackRecord.from_json(track.to_json())
    assert again == track
    assert json.loads(track.to_json())["rules"]["a/child"] == {
        "offset": -1.5, "proposed": 40, "kin": 9,
    }  # fmt: skip


def test_a_proposal_carries_its_track_record_and_is_shown_as_mapped(store: GraphStore) -> None:
    seed(store)
    index = build_index(store_records(store))
    plain = {f.record_id: f for f in find_kin(store, CASE, index, track=TrackRecord.none()).kin}
    mapped = {f.record_id: f for f in find_kin(store, CASE, index).kin}
    aunt, raw = mapped[AUNT], plain[AUNT]
    assert TRACK_RECORD not in {e.field for e in raw.evidence}
    line = next(e for e in aunt.evidence if e.field == TRACK_RECORD)
    tally = shipped().tally("named_parent/child")
    assert tally is not None and line.right == "named_parent/child"
    assert line.level == f"{tally.kin}/{tally.proposed}"
    assert aunt.probability == pytest.approx(shipped().shown(line.right, raw.probability, 0))
    assert logit2(aunt.probability) - logit2(raw.probability) == pytest.approx(line.weight)


def test_a_floor_leaves_out_what_is_shown_below_it(store: GraphStore) -> None:
    seed(store)
    index = build_index(store_records(store))
    everything = find_kin(store, CASE, index, track=TrackRecord.none()).kin
    lowest = min(f.probability for f in everything if f.record_id)
    floored = find_kin(store, CASE, index, track=TrackRecord.none(floor=lowest + 1e-9)).kin
    assert {f.record_id for f in floored if f.record_id} == {
        f.record_id for f in everything if f.record_id and f.probability > lowest
    }


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("nl", "Van zulke voorstellen bleek 25% familie in testgegevens (10 van 40)."),
        ("en", "Of such proposals, 25% were family in test data (10 of 40)."),
    ],
)
def test_the_card_says_the_track_record_in_words(lang: str, sentence: str) -> None:
    evidence = [
        Evidence(field="prior", level="x", right="named_parent", weight=-3.0),
        Evidence(field=TRACK_RECORD, level="10/40", right="named_parent/child", weight=-1.1),
    ]
    said = [r.text for r in reasons(evidence, lang)]
    assert sentence in said
    assert not any("named_parent" in s or "-1.1" in s for s in said)


def test_each_proposal_is_weighed_by_the_rule_and_hop_it_says(store: GraphStore) -> None:
    seed(store)
    search = find_kin(store, CASE, build_index(store_records(store)))
    lines = 0
    for found in search.kin:
        line = next((e for e in found.evidence if e.field == TRACK_RECORD), None)
        if line is not None:
            lines += 1
            assert line.right == rule_key(found.rule, found.relation)
    assert lines >= 3
