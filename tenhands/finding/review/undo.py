"""Undoing a decision: the candidate goes back to pending and accept's work is removed."""

from __future__ import annotations

import contextlib

from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import Candidate, ChangeSet, Engagement, EntityKind, ReviewStatus, Tie
from tenhands.graph.store import GraphStore

from .changes import reverse, same
from .decisions import check_reviewer, save_decision


def undo(store: GraphStore, candidate_id: str, *, reviewer: str) -> Candidate:
    """Put a decided candidate back to pending (:class:`Conflict` for a pending one).

    For an accepted one, what accept did is reversed first, from the change set stored
    with the decision: a created person only if nothing was attached to or changed on
    them since (else :class:`Conflict` and nothing changes); a match's filled fields
    get their earlier value back where they still hold the filled one; a merge restores
    the merged person with their ties and roles and the kept person as they were.
    All of it, the candidate back to pending and its change set removed included, is one
    unit of work that first holds the candidate: of two undos at the same moment, the
    second finds the candidate pending (:class:`Conflict`).
    """
    reviewer = check_reviewer(reviewer)

    def work(unit: GraphStore) -> Candidate:
        unit.hold("candidate", candidate_id)
        candidate = unit.get_candidate(candidate_id)
        # Every check that may refuse the undo runs here, before its first write.
        return _undone(unit, candidate, reviewer)

    return store.atomic(work)


def _undone(store: GraphStore, candidate: Candidate, reviewer: str) -> Candidate:
    """Undo the decision on a held candidate, inside the undo's unit of work."""
    candidate_id = candidate.id
    if candidate.status is ReviewStatus.pending:
        raise Conflict(f"candidate {candidate_id!r} is pending; there is nothing to undo")
    if candidate.status is ReviewStatus.accepted:
        change_set = store.change_set_for(candidate.id)
        if change_set is None:
            raise Conflict(f"candidate {candidate_id!r} was accepted without a change set")
        if change_set.kind == "kin":
            _check_kin(store, change_set)
        if change_set.kind != "duplicate" or not _merge_reversed(store, change_set):
            if change_set.kind == "duplicate":
                _check_merge(store, change_set)
            detail = f"undo of candidate {candidate.id}"
            reverse(store, change_set, reviewer=reviewer, detail=detail)
    return save_decision(
        store,
        candidate,
        reviewer=reviewer,
        status=ReviewStatus.pending,
        detail=f"undid {candidate.status.value} {candidate.kind.value} candidate",
    )


def _check_kin(store: GraphStore, change_set: ChangeSet) -> None:
    """:class:`Conflict` if the person, tie or role accept made was worked on since."""
    roles = [r for r in change_set.created if r.kind is EntityKind.role]
    ties = set(change_set.created_ids(EntityKind.tie))
    for ref in roles:
        try:
            role = store.get_role(ref.case_id or "", ref.id)
        except NotFound:
            continue
        if (
            role.engagement is not Engagement.identified
            or role.circle is not None
            or role.support
            or role.risk_flags
            or role.last_contact is not None
        ):
            raise Conflict(
                f"the role of {ref.id!r} in case {ref.case_id!r} was worked on since the "
                "candidate was accepted; change it back or keep the person"
            )
    role_cases = {r.case_id for r in roles}
    for person_id in change_set.created_ids(EntityKind.person):
        try:
            person = store.get_person(person_id)
        except NotFound:  # removed already, by an undo that stopped half-way
            continue
        others = [t.id for t in store.ties_of(person_id) if t.id not in ties]
        cases = [c for c in store.cases_of(person_id) if c not in role_cases]
        if others or cases or person.provenance.updated_at is not None:
            raise Conflict(
                f"person {person_id!r} was changed or linked since the candidate was "
                "accepted; remove those ties, roles or changes first, or keep the person"
            )


def _check_merge(store: GraphStore, change_set: ChangeSet) -> None:
    """:class:`Conflict` unless the merge can be reversed exactly: the kept person, the
    moved ties and roles unchanged since, the merged person's id free, and every person
    and case the restored ties and roles need still there."""
    for snap in change_set.after_of(EntityKind.person):
        if not same(store.get_person(snap.id), snap):
            raise Conflict(
                f"person {snap.id!r} was changed since the merge; undo those changes first"
            )
    # (a change set moved from an old undo log has no after-image of moved ties and roles)
    for tie in _existing_ties(store, change_set.created_ids(EntityKind.tie)):
        after = change_set.find_after(EntityKind.tie, tie.id)
        if after is not None and not same(tie, after):
            raise Conflict(f"tie {tie.id!r} was changed since the merge; undo that change first")
    for ref in change_set.created:
        if ref.kind is not EntityKind.role:
            continue
        try:
            role = store.get_role(ref.case_id or "", ref.id)
        except NotFound:
            continue
        after = change_set.find_after(EntityKind.role, ref.id, ref.case_id)
        if after is not None and not same(role, after):
            raise Conflict(
                f"the role of {ref.id!r} in case {ref.case_id!r} was changed since the merge; "
                "undo that change first"
            )
    restored = {s.id for s in change_set.before_of(EntityKind.person)}
    changed = {s.id for s in change_set.after_of(EntityKind.person)}
    for person_id in sorted(restored - changed):
        try:
            store.get_person(person_id)
        except NotFound:
            continue
        raise Conflict(f"a person with id {person_id!r} exists again; cannot restore the merge")
    ends = {
        end
        for snap in change_set.before_of(EntityKind.tie)
        for end in (snap.data["source_id"], snap.data["target_id"])
    } - restored
    found = {p.id for p in store.get_persons(sorted(ends))}
    if ends - found:
        raise Conflict("a person tied to the merged person was removed since; cannot restore")
    for snap in change_set.before_of(EntityKind.role):
        store.get_case(snap.case_id or "")


def _merge_reversed(store: GraphStore, change_set: ChangeSet) -> bool:
    """Whether a merge was reversed already (by an undo whose decision was not stored):
    both persons back as they were and no moved tie left."""
    persons = change_set.before_of(EntityKind.person)
    found = {p.id: p for p in store.get_persons(s.id for s in persons)}
    return all(s.id in found and same(found[s.id], s) for s in persons) and not _existing_ties(
        store, change_set.created_ids(EntityKind.tie)
    )


def _existing_ties(store: GraphStore, tie_ids: list[str]) -> list[Tie]:
    """Those of ``tie_ids`` still stored (a tie removed since needs no undoing)."""
    try:
        return store.get_ties(tie_ids)
    except NotFound:
        found = []
        for tie_id in tie_ids:
            with contextlib.suppress(NotFound):
                found.append(store.get_tie(tie_id))
        return found
