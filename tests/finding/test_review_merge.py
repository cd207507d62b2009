"""Review workflow: merging duplicate persons keeps every source and is reversible."""

from __future__ import annotations

import pytest
from builders import case, person, role, tie
from review_helpers import CASE, CHILD, MOTHER, seed, share

from tenhands.finding.review import accept, undo
from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import (
    AuditAction,
    Candidate,
    CandidateKind,
    Engagement,
    Provenance,
    ReviewStatus,
    SourceKind,
    SourceRef,
    TieKind,
)
from tenhands.graph.store import GraphStore

OTHER_CASE = "c-other"


def _duplicates(store: GraphStore) -> None:
    """The mother again, as entered in another case with her own source and ties."""
    seed(store)
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
    store.create_tie(tie("t-dup-child", "p-mother-2", CHILD, "parent"))  # also on the kept one
    store.set_role(role(OTHER_CASE, "p-mother-2", engagement=Engagement.engaged))
    store.save_candidate(
        Candidate(
            id="m-dup",
            kind=CandidateKind.duplicate,
            case_id=CASE,
            person_id=MOTHER,
            other_person_id="p-mother-2",
            score=0.97,
        )
    )
    share(store, "m-dup", OTHER_CASE)  # the other case's worker shares p-mother-2


def test_merge_moves_ties_roles_and_keeps_sources(store: GraphStore) -> None:
    _duplicates(store)
    result = accept(store, "m-dup", reviewer="worker-an")

    assert (result.person_id, result.merged_person_id) == (MOTHER, "p-mother-2")
    with pytest.raises(NotFound):
        store.get_person("p-mother-2")
    kept = store.get_person(MOTHER)
    assert kept.birth_place == "Brugge"  # was empty
    assert "Elkie" in kept.aliases
    assert kept.notes is not None and "case_file" in kept.notes and "dossier-12" in kept.notes
    ties = {(t.kind, t.source_id, t.target_id) for t in store.ties_of(MOTHER)}
    assert ties == {
        (TieKind.parent, MOTHER, CHILD),
        (TieKind.other_relative, MOTHER, "p-cousin"),
    }
    assert store.get_role(OTHER_CASE, MOTHER).engagement is Engagement.engaged
    assert store.get_role(CASE, MOTHER).engagement is Engagement.identified
    assert len(result.moved_ties) == 1 and result.moved_roles == (OTHER_CASE,)


def test_undo_merge_restores_the_merged_person(store: GraphStore) -> None:
    _duplicates(store)
    accept(store, "m-dup", reviewer="worker-an")
    undo(store, "m-dup", reviewer="worker-bo")

    gone = store.get_person("p-mother-2")
    assert (gone.aliases, gone.birth_place) == (["Elkie"], "Brugge")
    assert gone.provenance.source.ref == "dossier-12"
    assert {t.id for t in store.ties_of("p-mother-2")} == {"t-aunt", "t-dup-child"}
    assert store.get_tie("t-aunt").source_id == "p-mother-2"
    assert store.get_role(OTHER_CASE, "p-mother-2").engagement is Engagement.engaged
    kept = store.get_person(MOTHER)
    assert kept.birth_place is None and kept.aliases == [] and kept.notes is None
    assert {t.id for t in store.ties_of(MOTHER)} == {"t-mother"}
    assert OTHER_CASE not in store.cases_of(MOTHER)
    assert store.get_candidate("m-dup").status is ReviewStatus.pending


def test_undo_merge_refused_after_kept_person_changed(store: GraphStore) -> None:
    _duplicates(store)
    accept(store, "m-dup", reviewer="worker-an")
    kept = store.get_person(MOTHER)
    store.update_person(
        kept.model_copy(update={"language": "nl", "provenance": kept.provenance.touched("w")})
    )
    with pytest.raises(Conflict):
        undo(store, "m-dup", reviewer="worker-an")
    with pytest.raises(NotFound):
        store.get_person("p-mother-2")
    assert store.get_candidate("m-dup").status is ReviewStatus.accepted


def test_merge_keeps_the_child(store: GraphStore) -> None:
    seed(store)
    store.create_person(person("p-child-2", "Lotte", "Vermeulen"))
    store.save_candidate(
        Candidate(
            id="m-dup-child",
            kind=CandidateKind.duplicate,
            case_id=CASE,
            person_id="p-child-2",
            other_person_id=CHILD,
            score=0.9,
        )
    )
    share(store, "m-dup-child")  # p-child-2 is in no case: an admin shares them
    result = accept(store, "m-dup-child", reviewer="worker-an")
    assert (result.person_id, result.merged_person_id) == (CHILD, "p-child-2")
    assert store.get_case(CASE).child_ids == [CHILD]


def test_failed_merge_leaves_both_persons_as_they_were(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tenhands.graph.errors import StoreUnavailable

    _duplicates(store)

    def down(person_id: str, *, cascade: bool = False) -> None:
        raise StoreUnavailable("the store went away")

    monkeypatch.setattr(store, "delete_person", down)
    with pytest.raises(StoreUnavailable):
        accept(store, "m-dup", reviewer="worker-an")
    monkeypatch.undo()

    assert {t.id for t in store.ties_of(MOTHER)} == {"t-mother"}
    assert {t.id for t in store.ties_of("p-mother-2")} == {"t-aunt", "t-dup-child"}
    assert OTHER_CASE not in store.cases_of(MOTHER)
    assert store.get_person(MOTHER).birth_place is None
    assert store.get_person("p-mother-2").birth_place == "Brugge"
    assert store.get_candidate("m-dup").status is ReviewStatus.pending


def test_merge_audit_has_ids_only(store: GraphStore) -> None:
    _duplicates(store)
    accept(store, "m-dup", reviewer="worker-an")
    undo(store, "m-dup", reviewer="worker-an")
    events = store.list_audit(case_id=CASE, limit=100)
    persons = [(e.action, e.entity_id) for e in reversed(events) if e.entity == "person"]
    assert persons == [
        (AuditAction.update, MOTHER),
        (AuditAction.delete, "p-mother-2"),
        (AuditAction.update, MOTHER),
        (AuditAction.create, "p-mother-2"),
    ]
    text = " ".join(e.detail or "" for e in events)
    for value in ("Elke", "Elkie", "Vermeulen", "Brugge", "dossier-12"):
        assert value not in text
