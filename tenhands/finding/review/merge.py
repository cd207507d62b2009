"""Merging two persons found to be one, reversibly."""

from __future__ import annotations

import contextlib
from typing import Any

from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import AuditAction, Candidate, NetworkRole, Person, Tie
from tenhands.graph.store import GraphStore

from .decisions import audit

_FILLABLE = ("surname", "birth_surname", "birth_date", "birth_place", "language")


def _is_child(store: GraphStore, person_id: str) -> bool:
    return any(person_id in store.get_case(c).child_ids for c in store.cases_of(person_id))


def roles_of(store: GraphStore, person_id: str) -> list[NetworkRole]:
    roles = []
    for case_id in store.cases_of(person_id):
        try:
            roles.append(store.get_role(case_id, person_id))
        except NotFound:  # a child of the case, without a network role
            continue
    return roles


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
    line = (
        f"Samengevoegd met {gone.id} (kandidaat {candidate_id}); bron: {src.kind.value}"
        + "".join(f", {v}" for v in (src.name, src.ref) if v)
    )
    parts = [p for p in (kept.notes, gone.notes, line) if p]
    data["notes"] = "\n".join(parts)[-20_000:]
    data["provenance"] = kept.provenance.touched(reviewer)
    return Person.model_validate(data)


def merge(
    store: GraphStore, candidate: Candidate, reviewer: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Merge ``other_person_id`` into ``person_id`` (the child of a case is always kept).

    Every tie and role of the merged person moves to the kept one (a tie between the two
    is dropped; a role in a case where the kept person has one yields to it), empty fields
    are filled, names become aliases, sources are noted. The log holds the merged person,
    their ties and roles, and the kept person before, so undo can restore them.
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
    gone_roles = roles_of(store, gone.id)
    kept_ties = store.ties_of(kept.id)
    kept_cases = {r.case_id for r in roles_of(store, kept.id)}

    merged = _merged(kept, gone, reviewer, candidate.id)  # invalid → nothing written yet
    new_ties: list[str] = []
    new_roles: list[str] = []
    kept_updated = False
    try:
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
            kept_ties.append(moved)
            new_ties.append(moved.id)
        for role in gone_roles:
            if role.case_id in kept_cases:
                continue
            store.set_role(role.model_copy(update={"person_id": kept.id}))
            new_roles.append(role.case_id)
        store.update_person(merged)
        kept_updated = True
        stored = store.get_person(kept.id)  # as the store keeps it, to compare on undo
        store.delete_person(gone.id, cascade=True)
    except Exception:
        # take back what was written, so a failed merge leaves both persons as they were
        with contextlib.suppress(Exception):
            for tie_id in new_ties:
                store.delete_tie(tie_id)
            for case_id in new_roles:
                store.remove_role(case_id, kept.id)
            if kept_updated:
                store.update_person(kept)
        raise
    for action, entity, ident in (
        (AuditAction.update, "person", kept.id),
        (AuditAction.delete, "person", gone.id),
    ):
        audit(
            store,
            actor=reviewer,
            action=action,
            entity=entity,
            entity_id=ident,
            case_id=candidate.case_id,
            detail=f"merge of candidate {candidate.id}: {len(new_ties)} ties, "
            f"{len(new_roles)} roles moved",
        )
    log = {
        "kind": "duplicate",
        "kept": kept.id,
        "kept_before": kept.model_dump(mode="json"),
        "kept_after_updated_at": stored.model_dump(mode="json")["provenance"]["updated_at"],
        "gone": gone.model_dump(mode="json"),
        "gone_ties": [t.model_dump(mode="json") for t in gone_ties],
        "gone_roles": [r.model_dump(mode="json") for r in gone_roles],
        "new_ties": new_ties,
        "new_roles": new_roles,
    }
    result = {
        "person_id": kept.id,
        "merged_person_id": gone.id,
        "moved_ties": tuple(new_ties),
        "moved_roles": tuple(new_roles),
    }
    return result, log
