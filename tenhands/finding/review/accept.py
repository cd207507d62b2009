"""Accepting a candidate: create or link the person, the tie and the role, or merge.

An accept is one unit of work (:meth:`~tenhands.graph.store.GraphStore.atomic`) that
first holds the candidate: everything it writes (persons, ties, roles, a merge's moves,
the decision, its change set and the audit events) is stored together or not at all,
and of two accepts of one candidate at the same moment the second finds it decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from tenhands.graph.errors import Conflict, InvalidInput, NotFound
from tenhands.graph.model import (
    Address,
    AuditAction,
    Candidate,
    CandidateKind,
    Contact,
    Engagement,
    EntityKind,
    NetworkRole,
    Person,
    Provenance,
    Record,
    ReviewStatus,
    Sex,
    Tie,
)
from tenhands.graph.store import GraphStore

from .boundary import check_acceptable
from .changes import Changes, person_snapshot
from .decisions import audit, check_reviewer, held_pending, save_decision
from .relation_words import relation_label
from .relations import direct_tie, parse_relation, through_records

FILLABLE = ("given_names", "surname", "birth_surname", "sex", "birth_date", "birth_place")
"""Person fields a match may fill when they are empty (plus addresses and contact)."""


@dataclass(frozen=True)
class Acceptance:
    """What an accept did, by id (no personal values)."""

    candidate: Candidate
    person_id: str
    created_person: bool = False
    tie_id: str | None = None
    role_case_id: str | None = None
    filled: tuple[str, ...] = ()
    merged_person_id: str | None = None
    moved_ties: tuple[str, ...] = field(default=())
    moved_roles: tuple[str, ...] = field(default=())


def accept(
    store: GraphStore,
    candidate_id: str,
    *,
    reviewer: str,
    relation: str | None = None,
    relation_to: str | None = None,
    note: str | None = None,
) -> Acceptance:
    """Accept a pending candidate (:class:`NotFound`, :class:`Conflict` if decided).

    * ``kin``: the person is created from the record (or the named person is used), a
      tie to ``relation_to`` is made when the relation implies a direct one, and the
      person gets an ``identified`` role in the case noting the hypothesis;
    * ``match``: the person's empty fields are filled from the record, the record is
      kept as a source in the notes; nothing a worker entered is overwritten;
    * ``duplicate``: ``other_person_id`` is merged into ``person_id``.

    ``relation``/``relation_to`` let the worker correct a kin hypothesis as they accept
    it (the accepted candidate then holds the corrected one); ``note`` is added to the
    role's note.

    Nothing crosses the candidate's case boundary unasked (:mod:`.boundary`): a person
    another case holds needs that case's grant, a record of another case is refused
    (:class:`Forbidden`), and ``relation_to`` must be in the case.
    """
    reviewer = check_reviewer(reviewer)

    def work(unit: GraphStore) -> Acceptance:
        candidate = held_pending(unit, candidate_id)
        return _accepted(unit, candidate, reviewer, relation, relation_to, note)

    return store.atomic(work)


def _accepted(
    store: GraphStore,
    candidate: Candidate,
    reviewer: str,
    relation: str | None,
    relation_to: str | None,
    note: str | None,
) -> Acceptance:
    """Accept a held pending candidate, inside the accept's unit of work."""
    if relation is None and relation_to is None and through_records(candidate):
        candidate = _said_to_the_child(store, candidate)
    elif relation is not None or relation_to is not None:
        if candidate.kind is not CandidateKind.kin:
            raise InvalidInput("only a kin candidate has a relation to correct")
        word, to = parse_relation(
            relation if relation is not None else candidate.relation,
            relation_to if relation_to is not None else candidate.relation_to,
        )
        candidate = Candidate.model_validate(
            {**candidate.model_dump(), "relation": word, "relation_to": to}
        )
    check_acceptable(store, candidate)  # before anything is written
    changes = Changes(candidate=candidate, kind=candidate.kind.value, reviewer=reviewer)
    if candidate.kind is CandidateKind.kin:
        result = _accept_kin(store, candidate, reviewer, note, changes)
    elif candidate.kind is CandidateKind.match:
        result = _accept_match(store, candidate, reviewer, changes)
    else:
        from .merge import merge

        result = merge(store, candidate, reviewer, changes)
    decided = save_decision(
        store,
        candidate,
        reviewer=reviewer,
        status=ReviewStatus.accepted,
        detail=f"accepted {candidate.kind.value} candidate",
        change_set=changes.change_set(),
    )
    return Acceptance(candidate=decided, **result)


# --- kin --------------------------------------------------------------------------------


def person_from_record(record: Record, reviewer: str, candidate_id: str) -> Person:
    """A new person holding what the record says, with the record's source."""
    source = record.provenance.source.model_copy(
        update={
            "ref": record.provenance.source.ref or record.id,
            "note": f"record {record.id}, candidate {candidate_id}",
        }
    )
    return Person(
        given_names=(record.given_names or "").split(),
        surname=record.surname,
        birth_surname=record.birth_surname,
        sex=record.sex or Sex.unknown,
        birth_date=record.birth_date,
        birth_place=record.birth_place,
        addresses=_addresses(record),
        contact=_contact(record),
        provenance=Provenance(created_by=reviewer, source=source),
    )


def _addresses(record: Record) -> list[Address]:
    parts = (record.street, record.house_number, record.postcode, record.city)
    if not any(parts):
        return []
    return [
        Address(
            street=record.street,
            house_number=record.house_number,
            postcode=record.postcode,
            city=record.city,
        )
    ]


def _contact(record: Record) -> Contact:
    phones = [record.phone] if record.phone else []
    try:
        return Contact(phones=phones, emails=[record.email] if record.email else [])
    except ValidationError:  # an unusable e-mail address is left out, the phone kept
        return Contact(phones=phones)


def _said_to_the_child(store: GraphStore, candidate: Candidate) -> Candidate:
    """A candidate reached through records, with its relation said to the case's child
    (``maternal_first_cousin``, ``paternal_grandmother``), so accepting it never ties it
    to the relative the chain started from (a cousin is not the grandmother's child)."""
    from ..kin.found import RELATION_TO_CHILD

    code = next((e.level for e in candidate.explanation if e.field == RELATION_TO_CHILD), None)
    child = store.get_case(candidate.case_id).child_ids[0] if candidate.case_id else None
    update = {"relation": code, "relation_to": child if code else None}
    return Candidate.model_validate({**candidate.model_dump(), **update})


def _role_note(store: GraphStore, relation: str | None, relation_to: str | None) -> str:
    """The role's note in words a worker reads: what the proposal said the person is,
    and to whom by name ("voorgesteld door TenHands: broer/zus van Els Peeters"); ids
    and candidate numbers stay in the audit log."""
    hypothesis = relation_label(relation, "nl") or (relation or "verwant").replace("_", " ")
    target = ""
    if relation_to:
        try:
            target = f" van {store.get_person(relation_to).display_name}"
        except NotFound:
            target = ""
    return f"voorgesteld door TenHands: {hypothesis}{target}"


def _accept_kin(
    store: GraphStore, candidate: Candidate, reviewer: str, note: str | None, changes: Changes
) -> dict[str, Any]:
    if candidate.case_id is None:
        raise InvalidInput("a kin candidate needs a case")
    case = store.get_case(candidate.case_id)
    word, relation_to = parse_relation(candidate.relation, candidate.relation_to)
    implied = direct_tie(word)
    if implied is not None and relation_to is None:
        raise InvalidInput(f"relation {word!r} needs the person it is to (relation_to)")
    if relation_to is not None:
        store.get_person(relation_to)  # NotFound before anything is written
    record = store.get_record(candidate.record_id) if candidate.record_id else None

    if record is not None:
        person = person_from_record(record, reviewer, candidate.id)
    else:
        person = store.get_person(candidate.person_id or "")
        try:
            store.get_role(case.id, person.id)
            raise Conflict(f"person {person.id!r} already has a role in case {case.id!r}")
        except NotFound:
            pass
    created = record is not None
    tie: Tie | None = None
    if implied is not None and relation_to is not None and relation_to != person.id:
        source, target = (
            (person.id, relation_to) if implied.candidate_is_source else (relation_to, person.id)
        )
        tie = Tie(
            source_id=source,
            target_id=target,
            kind=implied.kind,
            confidence=candidate.score,
            note="voorgesteld door TenHands",
            provenance=Provenance(created_by=reviewer, source=person.provenance.source),
        )
    role_note = _role_note(store, word, relation_to)
    if note:
        role_note = f"{role_note}; {note}"
    role = NetworkRole(
        case_id=case.id,
        person_id=person.id,
        engagement=Engagement.identified,
        named_by=record.provenance.source.named_by if record else None,
        note=role_note[:500],
        provenance=Provenance(created_by=reviewer, source=person.provenance.source),
    )

    if created:
        store.create_person(person)
        changes.made(EntityKind.person, person.id)
    if tie is not None:
        store.create_tie(tie)
        changes.made(EntityKind.tie, tie.id)
    store.set_role(role)
    changes.made(EntityKind.role, person.id, case.id)
    for ref in changes.created:
        if ref.kind is not EntityKind.role:
            audit(
                store,
                actor=reviewer,
                action=AuditAction.create,
                entity=ref.kind.value,
                entity_id=ref.id,
                case_id=case.id,
                detail=f"from candidate {candidate.id}",
            )
    audit(
        store,
        actor=reviewer,
        action=AuditAction.create,
        entity="role",
        entity_id=person.id,
        case_id=case.id,
        detail=f"from candidate {candidate.id}",
    )
    return {
        "person_id": person.id,
        "created_person": created,
        "tie_id": tie.id if tie else None,
        "role_case_id": case.id,
    }


# --- match ------------------------------------------------------------------------------


def _empty(value: object) -> bool:
    return value is None or value == [] or value == "" or value is Sex.unknown


def _accept_match(
    store: GraphStore, candidate: Candidate, reviewer: str, changes: Changes
) -> dict[str, Any]:
    if not (candidate.record_id and candidate.person_id):
        raise InvalidInput("a match candidate names a record and a person")
    record = store.get_record(candidate.record_id)
    person = store.get_person(candidate.person_id)
    offer = person_from_record(record, reviewer, candidate.id)
    update: dict[str, Any] = {}
    for name in FILLABLE:
        if _empty(getattr(person, name)) and not _empty(getattr(offer, name)):
            update[name] = getattr(offer, name)
    if not person.addresses and offer.addresses:
        update["addresses"] = offer.addresses
    if not person.contact.phones and offer.contact.phones:
        update["phones"] = offer.contact.phones
    if not person.contact.emails and offer.contact.emails:
        update["emails"] = offer.contact.emails
    filled = sorted(update)
    src = record.provenance.source
    line = f"Bron: record {record.id} ({src.kind.value}{', ' + src.name if src.name else ''})"
    notes = f"{person.notes}\n{line}" if person.notes else line
    contact = person.contact.model_copy(
        update={k: update.pop(k) for k in ("phones", "emails") if k in update}
    )
    changed = Person.model_validate(
        {
            **person.model_dump(),
            **{k: (v.model_dump() if hasattr(v, "model_dump") else v) for k, v in update.items()},
            "addresses": [a.model_dump() for a in update.get("addresses", person.addresses)],
            "contact": contact.model_dump(),
            "notes": notes[-20_000:],
            "provenance": person.provenance.touched(reviewer).model_dump(),
        }
    )
    store.update_person(changed)
    changes.before.append(person_snapshot(person))
    changes.after.append(person_snapshot(store.get_person(person.id)))
    audit(
        store,
        actor=reviewer,
        action=AuditAction.update,
        entity="person",
        entity_id=person.id,
        case_id=candidate.case_id,
        detail=f"linked record {record.id}; filled {', '.join(filled) or 'nothing'}",
    )
    return {"person_id": person.id, "filled": tuple(filled)}
