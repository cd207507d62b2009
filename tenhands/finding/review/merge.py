"""Merging two persons found to be one, reversibly (inside the accept's unit of work,
so a merge is stored whole or not at all)."""

from __future__ import annotations

from typing import Any

from tenhands.graph.errors import Conflict
from tenhands.graph.model import AuditAction, Candidate, EntityKind, Person, Tie
from tenhands.graph.store import GraphStore

from .changes import Changes, person_snapshot, role_snapshot, tie_snapshot
from .decisions import audit

_FILLABLE = ("surname", "birth_surname", "birth_date", "birth_place", "language")


def _is_child(store: GraphStore, person_id: str) -> bool:
    return any(person_id in store.get_case(c).child_ids for c in store.cases_of(person_id))


def _same_tie(a: Tie, b: Tie) -> bool:
    if a.kind is not b.kind:
        return False
    if a.kind.directed:
        return (a.source_id, a.target_id) == (b.source_id, b.target_id)
    return {a.source_id, a.target_id} == {b.source_id, b.target_id}


def _merged(kept: Person, gone: Person, reviewer: str, candidate_id: str) -> Person:
    data = kept.model_dump()
    for name in _FILLABLE:
        if getattr(kept, name) is None and getattr(gone, name) is not None:
            data[name] = getattr(gone, name)
    if not kept.given_names:
        data["given_names"] = list(gone.given_names)
    if kept.sex.value == "unknown":
        data["sex"] = gone.sex
    names = {n.casefold() for n in [*kept.given_names, *kept.aliases]}
    extra = [" ".join(gone.given_names)] if gone.given_names else []
    data["aliases"] = kept.aliases + [
        a for a in [*extra, *gone.aliases] if a and a.casefold() not in names
    ]
    data["addresses"] = kept.addresses + [a for a in gone.addresses if a not in kept.addresses]
    data["contact"] = {
        "phones": kept.contact.phones
        + [p for p in gone.contact.phones if p not in kept.contact.phones],
        "emails": kept.contact.emails
        + [e for e in gone.contact.emails if e not in kept.contact.emails],
    }
    data["confidential"] = kept.confidential | gone.confidential
    src = gone.provenance.source
    line = f"Samengevoegd met {gone.display_name}; bron: {src.kind.value}" + "".join(
        f", {v}" for v in (src.name, src.ref) if v
    )
    parts = [p for p in (kept.notes, gone.notes, line) if p]
    data["notes"] = "\n".join(parts)[-20_000:]
    data["provenance"] = kept.provenance.touched(reviewer)
    return Person.model_validate(data)


def merge(
    store: GraphStore, candidate: Candidate, reviewer: str, changes: Changes
) -> dict[str, Any]:
    """Merge ``other_person_id`` into ``person_id`` (the child of a case is always kept).

    Every tie and role of the merged person moves to the kept one (a tie between the two
    is dropped; a role in a case where the kept person has one yields to it), empty fields
    are filled, names become aliases, sources are noted. ``changes`` gets the merged
    person, their ties and roles, and the kept person before, so undo can restore them,
    and the moved ties and roles and the kept person as the merge left them.
    """
    kept_id, gone_id = candidate.person_id or "", candidate.other_person_id or ""
    if kept_id == gone_id:
        raise Conflict("a person cannot be merged with themself")
    kept, gone = store.get_person(kept_id), store.get_person(gone_id)
    if _is_child(store, gone.id):
        if _is_child(store, kept.id):
            raise Conflict("both persons are children of a case; merge them by hand")
        kept, gone = gone, kept
    gone_ties = store.ties_of(gone.id)
    gone_roles = store.roles_of(gone.id)
    kept_ties = store.ties_of(kept.id)
    kept_cases = {r.case_id for r in store.roles_of(kept.id)}

    merged = _merged(kept, gone, reviewer, candidate.id)  # invalid → nothing written yet
    new_ties: list[str] = []
    new_roles: list[str] = []
    for tie in gone_ties:
        if tie.other(gone.id) == kept.id:
            continue
        moved = Tie.model_validate(
            {
                **tie.model_dump(exclude={"id"}),
                "source_id": kept.id if tie.source_id == gone.id else tie.source_id,
                "target_id": kept.id if tie.target_id == gone.id else tie.target_id,
            }
        )
        if any(_same_tie(moved, k) for k in kept_ties):
            continue
        store.create_tie(moved)
        changes.made(EntityKind.tie, moved.id)
        changes.after.append(tie_snapshot(moved))
        kept_ties.append(moved)
        new_ties.append(moved.id)
    for role in gone_roles:
        if role.case_id in kept_cases:
            continue
        moved_role = role.model_copy(update={"person_id": kept.id})
        store.set_role(moved_role)
        changes.made(EntityKind.role, kept.id, role.case_id)
        changes.after.append(role_snapshot(moved_role))
        new_roles.append(role.case_id)
    store.update_person(merged)
    changes.before.append(person_snapshot(kept))
    # as the store keeps it, to compare on undo
    changes.after.append(person_snapshot(store.get_person(kept.id)))
    store.delete_person(gone.id, cascade=True)
    changes.before += [
        person_snapshot(gone),
        *(tie_snapshot(t) for t in gone_ties),
        *(role_snapshot(r) for r in gone_roles),
    ]
    # in the candidate's case and in every case either person was in: a merge of a
    # person another case shared shows in that case's audit too
    named = {candidate.case_id, *kept_cases, *(r.case_id for r in gone_roles)}
    cases: list[str | None] = [*sorted(c for c in named if c is not None)] or [None]
    for action, entity, ident in (
        (AuditAction.update, "person", kept.id),
        (AuditAction.delete, "person", gone.id),
    ):
        for case_id in cases:
            audit(
                store,
                actor=reviewer,
                action=action,
                entity=entity,
                entity_id=ident,
                case_id=case_id,
                detail=f"merge of candidate {candidate.id}: {len(new_ties)} ties, "
                f"{len(new_roles)} roles moved",
            )
    return {
        "person_id": kept.id,
        "merged_person_id": gone.id,
        "moved_ties": tuple(new_ties),
        "moved_roles": tuple(new_roles),
    }
