"""A store's content as schema 2 left it: undo logs inside accepted candidates."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

from builders import case, person, role, tie

from tenhands.graph.model import (
    Candidate,
    CandidateKind,
    EntityKind,
    EntityRef,
    Evidence,
    ReviewStatus,
    Sex,
)
from tenhands.graph.store import GraphStore

REVIEWED = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)


def undo_log(log: dict[str, Any], chunk: int = 40) -> list[Evidence]:
    """A log as schema 2 kept it: base64 JSON cut into ``_undo`` evidence entries."""
    blob = base64.b64encode(json.dumps(log, sort_keys=True).encode()).decode("ascii")
    return [
        Evidence(field="_undo", left=blob[i : i + chunk], level=str(n), weight=0.0)
        for n, i in enumerate(range(0, len(blob), chunk))
    ]


EVIDENCE = Evidence(field="surname", left="x", right="y", level="exact", weight=3.2)


def _decided(cid: str, kind: CandidateKind, log: dict[str, Any], **subjects: str) -> Candidate:
    return Candidate(
        id=cid,
        kind=kind,
        case_id="c-1",
        score=0.9,
        status=ReviewStatus.accepted,
        reviewed_by="worker-an",
        reviewed_at=REVIEWED,
        explanation=[EVIDENCE, *undo_log(log)],
        **subjects,  # type: ignore[arg-type]
    )


def seed_schema_2(store: GraphStore) -> None:
    """An accepted kin candidate (person, tie and role made) and an accepted match
    (two fields filled), each with its undo log, and two undecided candidates."""
    store.create_person(person("p-kid", "Lotte", "Vermeulen"))
    store.create_person(person("p-new", "Griet", "Peeters"))
    store.create_person(
        person("p-known", "Rita", "Claes", sex=Sex.female, birth_place="Gent", notes="a\nBron: r")
    )
    store.create_case(case("c-1", "p-kid"))
    store.create_tie(tie("t-1", "p-new", "p-kid", "other_relative"))
    store.set_role(role("c-1", "p-new"))
    kin_log = {
        "kind": "kin",
        "person": "p-new",
        "created_person": True,
        "tie": "t-1",
        "role_case": "c-1",
    }
    match_log = {
        "kind": "match",
        "person": "p-known",
        "filled": ["birth_place", "sex"],
        "filled_values": {"birth_place": "Gent", "sex": "female"},
        "notes_before": "a",
        "notes_after": "a\nBron: r",
    }
    store.save_candidate(_decided("m-kin", CandidateKind.kin, kin_log, record_id="r-1"))
    store.save_candidate(
        _decided("m-match", CandidateKind.match, match_log, record_id="r-2", person_id="p-known")
    )
    store.save_candidate(
        Candidate(id="m-open", kind=CandidateKind.kin, case_id="c-1", record_id="r-3", score=0.5)
    )


def check_schema_3(store: GraphStore) -> None:
    """The undo logs became change sets; the explanations hold only evidence."""
    for cid in ("m-kin", "m-match"):
        stored = store.get_candidate(cid)
        assert stored.explanation == [EVIDENCE]
        assert stored.status is ReviewStatus.accepted
    kin = store.change_set_for("m-kin")
    assert kin is not None
    assert (kin.kind, kin.case_id, kin.created_by, kin.created_at) == (
        "kin",
        "c-1",
        "worker-an",
        REVIEWED,
    )
    assert kin.created == [
        EntityRef(kind=EntityKind.person, id="p-new"),
        EntityRef(kind=EntityKind.tie, id="t-1"),
        EntityRef(kind=EntityKind.role, id="p-new", case_id="c-1"),
    ]
    match = store.change_set_for("m-match")
    assert match is not None and match.kind == "match"
    [before], [after] = match.before, match.after
    assert after.data == store.get_person("p-known").model_dump(mode="json")
    assert (before.data["birth_place"], before.data["sex"], before.data["notes"]) == (
        None,
        "unknown",
        "a",
    )
    assert before.data["given_names"] == ["Rita"]
    assert store.change_set_for("m-open") is None
    assert store.get_candidate("m-open").explanation == []
