"""Review workflow: what accept changed is kept as a change set beside the decision,
never in the candidate's explanation, and undo puts the graph back exactly."""

from __future__ import annotations

from typing import Any

import pytest
from builders import case, person, role, tie
from review_helpers import CASE, CHILD, MOTHER, kin, seed

from tenhands.finding.review import accept, reject, undo
from tenhands.graph.errors import StoreUnavailable
from tenhands.graph.model import (
    Candidate,
    CandidateKind,
    Engagement,
    EntityKind,
    Provenance,
    ReviewStatus,
    SourceKind,
    SourceRef,
)
from tenhands.graph.store import GraphStore

OTHER_CASE = "c-other"


def graph_state(store: GraphStore) -> dict[str, Any]:
    """Every person, tie and network role, as stored, in a comparable form."""
    persons = store.list_persons(limit=1000)
    ties = {t.id: t.model_dump(mode="json") for p in persons for t in store.ties_of(p.id)}
    roles = [
        r.model_dump(mode="json")
        for c in store.list_cases(limit=100)
        for r in store.list_roles(c.id)
    ]
    return {
        "persons": {p.id: p.model_dump(mode="json") for p in persons},
        "ties": ties,
        "roles": roles,
    }


def _match(store: GraphStore) -> None:
    store.create_person(person("p-known", "Griet", "Peeters-Claes", notes="door juf genoemd"))
    store.set_role(role(CASE, "p-known"))
    store.save_candidate(
        Candidate(
            id="m-match",
            kind=CandidateKind.match,
            case_id=CASE,
            record_id="r-aunt",
            person_id="p-known",
            score=0.93,
            explanation=kin().explanation,
        )
    )


def _duplicate(store: GraphStore) -> None:
    store.create_person(person("p-cousin", "Wout", "Maes"))
    store.create_case(case(OTHER_CASE, "p-cousin"))
    store.create_person(
        person(
            "p-mother-2",
            "Elke",
            "Vermeulen",
            aliases=["Elkie"],
            birth_place="Brugge",
            provenance=Provenance(source=SourceRef(kind=SourceKind.case_file, ref="dossier-12")),
        )
    )
    store.create_tie(tie("t-aunt", "p-mother-2", "p-cousin", "other_relative"))
    store.create_tie(tie("t-dup-child", "p-mother-2", CHILD, "parent"))
    store.create_tie(tie("t-between", "p-mother-2", MOTHER, "sibling"))
    store.set_role(role(OTHER_CASE, "p-mother-2", engagement=Engagement.engaged))
    store.set_role(role(CASE, "p-mother-2", engagement=Engagement.contacted))
    store.save_candidate(
        Candidate(
            id="m-dup",
            kind=CandidateKind.duplicate,
            case_id=CASE,
            person_id=MOTHER,
            other_person_id="p-mother-2",
            score=0.97,
            explanation=kin().explanation,
        )
    )


def _prepare(store: GraphStore, which: str) -> str:
    seed(store)
    if which == "kin":
        store.save_candidate(kin())
        return "m-kin"
    if which == "match":
        _match(store)
        return "m-match"
    _duplicate(store)
    return "m-dup"


KINDS = ["kin", "match", "duplicate"]


@pytest.mark.parametrize("which", KINDS)
def test_the_explanation_keeps_only_real_evidence(store: GraphStore, which: str) -> None:
    cid = _prepare(store, which)
    accept(store, cid, reviewer="worker-an")
    decided = store.get_candidate(cid)
    assert decided.explanation == kin().explanation
    assert all(not e.field.startswith("_") for e in decided.explanation)
    change_set = store.change_set_for(cid)
    assert change_set is not None
    assert (change_set.subject_id, change_set.case_id, change_set.kind) == (cid, CASE, which)
    assert change_set.created_by == "worker-an"


@pytest.mark.parametrize("which", KINDS)
def test_undo_restores_the_exact_state_before_accept(store: GraphStore, which: str) -> None:
    cid = _prepare(store, which)
    before = graph_state(store)
    accept(store, cid, reviewer="worker-an")
    assert graph_state(store) != before

    reopened = undo(store, cid, reviewer="worker-bo")

    assert graph_state(store) == before
    assert reopened.status is ReviewStatus.pending
    assert store.get_candidate(cid).explanation == kin().explanation
    assert store.change_set_for(cid) is None


def test_a_merge_change_set_holds_every_source(store: GraphStore) -> None:
    _prepare(store, "duplicate")
    gone = store.get_person("p-mother-2")
    result = accept(store, "m-dup", reviewer="worker-an")
    change_set = store.change_set_for("m-dup")
    assert change_set is not None
    restored = {s.id: s.data for s in change_set.before_of(EntityKind.person)}
    assert restored["p-mother-2"] == gone.model_dump(mode="json")
    assert restored["p-mother-2"]["provenance"]["source"]["ref"] == "dossier-12"
    assert {s.id for s in change_set.before_of(EntityKind.tie)} == {
        "t-aunt",
        "t-dup-child",
        "t-between",
    }
    assert {(s.case_id, s.id) for s in change_set.before_of(EntityKind.role)} == {
        (OTHER_CASE, "p-mother-2"),
        (CASE, "p-mother-2"),
    }
    assert change_set.created_ids(EntityKind.tie) == list(result.moved_ties)


def test_undo_merge_refused_when_a_moved_role_was_worked_on(store: GraphStore) -> None:
    from tenhands.graph.errors import Conflict

    _prepare(store, "duplicate")
    accept(store, "m-dup", reviewer="worker-an")
    moved = store.get_role(OTHER_CASE, MOTHER)
    store.set_role(moved.model_copy(update={"engagement": Engagement.committed}))
    with pytest.raises(Conflict, match="changed since the merge"):
        undo(store, "m-dup", reviewer="worker-an")
    assert store.get_role(OTHER_CASE, MOTHER).engagement is Engagement.committed
    assert store.get_candidate("m-dup").status is ReviewStatus.accepted
    assert store.change_set_for("m-dup") is not None


@pytest.mark.parametrize("which", KINDS)
def test_an_accept_whose_decision_is_not_stored_leaves_nothing(
    store: GraphStore, which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _prepare(store, which)
    before = graph_state(store)

    def down(*args: object, **kwargs: object) -> Candidate:
        raise StoreUnavailable("the store went away")

    monkeypatch.setattr(store, "record_decision", down)
    with pytest.raises(StoreUnavailable):
        accept(store, cid, reviewer="worker-an")
    monkeypatch.undo()

    assert graph_state(store) == before
    assert store.get_candidate(cid).status is ReviewStatus.pending
    assert store.change_set_for(cid) is None


def test_reject_and_its_undo_keep_no_change_set(store: GraphStore) -> None:
    seed(store)
    store.save_candidate(kin())
    reject(store, "m-kin", reviewer="worker-an", reason="andere familie")
    assert store.change_set_for("m-kin") is None
    undo(store, "m-kin", reviewer="worker-an")
    assert store.get_candidate("m-kin").explanation == kin().explanation


@pytest.mark.parametrize("which", KINDS)
def test_an_undo_whose_decision_is_not_stored_can_be_run_again(
    store: GraphStore, which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _prepare(store, which)
    before = graph_state(store)
    accept(store, cid, reviewer="worker-an")

    def down(*args: object, **kwargs: object) -> Candidate:
        raise StoreUnavailable("the store went away")

    monkeypatch.setattr(store, "record_decision", down)
    with pytest.raises(StoreUnavailable):
        undo(store, cid, reviewer="worker-an")
    monkeypatch.undo()
    assert store.get_candidate(cid).status is ReviewStatus.accepted
    assert store.change_set_for(cid) is not None

    undo(store, cid, reviewer="worker-an")
    assert graph_state(store) == before
    assert store.get_candidate(cid).status is ReviewStatus.pending
    assert store.change_set_for(cid) is None


def _legacy_log(store: GraphStore, cid: str, which: str) -> dict[str, Any]:
    """The undo log schema 2 kept inside the candidate for the accept just made."""
    made = store.change_set_for(cid)
    assert made is not None
    if which == "kin":
        person_id = made.created_ids(EntityKind.person)[0]
        return {
            "kind": "kin",
            "person": person_id,
            "created_person": True,
            "tie": made.created_ids(EntityKind.tie)[0],
            "role_case": CASE,
        }
    before = made.before[0].data
    after = made.after_of(EntityKind.person)[0].data
    if which == "match":
        filled = {
            "birth_place": after["birth_place"],
            "sex": after["sex"],
            "birth_surname": after["birth_surname"],
            "birth_date": after["birth_date"],
            "addresses": after["addresses"],
            "phones": after["contact"]["phones"],
            "emails": after["contact"]["emails"],
        }
        return {
            "kind": "match",
            "person": before["id"],
            "filled": sorted(filled),
            "filled_values": filled,
            "notes_before": before["notes"],
            "notes_after": after["notes"],
        }
    persons = {s.id: s.data for s in made.before_of(EntityKind.person)}
    return {
        "kind": "duplicate",
        "kept": MOTHER,
        "kept_before": persons[MOTHER],
        "kept_after_updated_at": after["provenance"]["updated_at"],
        "gone": persons["p-mother-2"],
        "gone_ties": [s.data for s in made.before_of(EntityKind.tie)],
        "gone_roles": [s.data for s in made.before_of(EntityKind.role)],
        "new_ties": made.created_ids(EntityKind.tie),
        "new_roles": [r.case_id for r in made.created if r.kind is EntityKind.role],
    }


@pytest.mark.parametrize("which", KINDS)
def test_a_decision_moved_from_an_old_undo_log_can_be_undone(store: GraphStore, which: str) -> None:
    import base64
    import json

    from tenhands.graph.model import Evidence
    from tenhands.graph.stores.legacy import split_undo_log

    cid = _prepare(store, which)
    before = graph_state(store)
    accept(store, cid, reviewer="worker-an")
    blob = base64.b64encode(json.dumps(_legacy_log(store, cid, which)).encode()).decode()
    decided = store.get_candidate(cid)
    old = decided.model_copy(
        update={
            "explanation": [
                *decided.explanation,
                *(
                    Evidence(field="_undo", left=blob[i : i + 480], level=str(n), weight=0.0)
                    for n, i in enumerate(range(0, len(blob), 480))
                ),
            ]
        }
    )

    def person(person_id: str) -> Any:
        found = store.get_persons([person_id])
        return found[0] if found else None

    split = split_undo_log(old, person)
    assert split is not None and split[1] is not None
    assert split[0].explanation == kin().explanation
    store.save_change_set(split[1])  # in place of the one accept stored

    undo(store, cid, reviewer="worker-bo")
    after = graph_state(store)
    if which == "match":  # an old log did not keep who changed the person before
        for state in (before, after):
            del state["persons"]["p-known"]["provenance"]
    assert after == before
