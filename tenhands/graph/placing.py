"""Placing a new person around a child: "what is this person to the child", turned into
the ties that make the kinship calculator (:mod:`tenhands.graph.kinship`) say it. The one
rule the API, the web pages and the command line share.

========================  ============================================================
what they are             the ties made (P the new person, C the child)
========================  ============================================================
parent                    P parent of C
grandparent via parent X  P parent of X (X a parent of C, chosen or made)
aunt/uncle via parent X   P sibling of X (X a parent of C, chosen or made)
aunt/uncle via grandp. G  G parent of P (G a grandparent of C)
sibling                   P sibling of C
half-sibling (via X)      P half-sibling of C; and X parent of P when the shared parent
                          X is named
friend, neighbour, …      P friend (neighbour, teacher, coach, godparent, family
                          friend, professional) of C
========================  ============================================================

A parent that is not known yet can be made with the person (``new_parent``): they get
a parent tie to the child and a role in the case, so the side of the family is known.
The person, their role, the new parent and the ties are stored in one unit of work, and
each is audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .errors import InvalidInput
from .model import AuditAction, AuditEvent, NetworkRole, Person, Provenance, Tie, TieKind
from .store import GraphStore


class Relation(StrEnum):
    """What a new person is to a child of the case."""

    parent = "parent"
    grandparent = "grandparent"
    aunt_uncle = "aunt_uncle"
    sibling = "sibling"
    half_sibling = "half_sibling"
    friend = "friend"
    neighbour = "neighbour"
    teacher = "teacher"
    coach = "coach"
    godparent = "godparent"
    family_friend = "family_friend"
    professional = "professional"

    @property
    def needs_via(self) -> bool:
        """Whether the relation goes through a parent or grandparent who must be named."""
        return self in (Relation.grandparent, Relation.aunt_uncle)

    @property
    def takes_via(self) -> bool:
        """Whether a parent (or grandparent) may be named to go through."""
        return self.needs_via or self is Relation.half_sibling


_TO_CHILD: dict[Relation, TieKind] = {
    Relation.parent: TieKind.parent,
    Relation.sibling: TieKind.sibling,
    Relation.half_sibling: TieKind.half_sibling,
    Relation.friend: TieKind.friend,
    Relation.neighbour: TieKind.neighbour,
    Relation.teacher: TieKind.teacher,
    Relation.coach: TieKind.coach,
    Relation.godparent: TieKind.godparent,
    Relation.family_friend: TieKind.family_friend,
    Relation.professional: TieKind.professional,
}
"""Relations said by one tie from the new person to the child."""


class PlacementError(InvalidInput):
    """A placement that cannot be made; ``code`` names why, for a translated message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Placement:
    """What the new person is to which child, and through whom."""

    relation: Relation
    child_id: str
    via_id: str | None = None
    """A parent of the child (grandparent, aunt or uncle via a parent; the shared
    parent of a half-sibling) or a grandparent (aunt or uncle via a grandparent)."""
    new_parent: Person | None = None
    """A parent of the child not known yet, made with the person and gone through."""


@dataclass(frozen=True)
class Placed:
    """What placing a person stores besides the person and their role."""

    persons: list[Person] = field(default_factory=list)
    roles: list[NetworkRole] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)


def parents_of(store: GraphStore, person_id: str) -> list[str]:
    """The ids of a person's parents (parent ties to them), ordered."""
    return sorted({t.source_id for t in store.ties_of(person_id) if _is_parent_tie(t, person_id)})


def grandparents_of(store: GraphStore, person_id: str) -> list[str]:
    """The ids of a person's grandparents: their parents' parents and grandparent ties."""
    found = {
        t.source_id
        for t in store.ties_of(person_id)
        if t.kind is TieKind.grandparent and t.target_id == person_id
    }
    for parent in parents_of(store, person_id):
        found.update(parents_of(store, parent))
    return sorted(found)


def _is_parent_tie(tie: Tie, child_id: str) -> bool:
    return tie.kind is TieKind.parent and tie.target_id == child_id


def placed(
    store: GraphStore,
    case_id: str,
    person_id: str,
    placement: Placement,
    provenance: Provenance,
) -> Placed:
    """The persons, roles and ties that make ``person_id`` what ``placement`` says to the
    child (read from the store, nothing written). :class:`PlacementError` when the child
    is not a child of the case, or the one gone through is missing or not a parent
    (grandparent) of the child as the relation needs."""
    case = store.get_case(case_id)
    child = placement.child_id
    relation = placement.relation
    if child not in case.child_ids:
        raise PlacementError("not_child", f"person {child!r} is not a child of case {case_id!r}")
    if placement.via_id is not None and placement.new_parent is not None:
        raise PlacementError("via_twice", "name a known parent or a new one, not both")
    gone_through = placement.via_id is not None or placement.new_parent is not None
    if gone_through and not relation.takes_via:
        raise PlacementError("via_unused", f"a {relation.value} is not placed through anyone")
    if relation.needs_via and not gone_through:
        raise PlacementError(
            "via_needed", f"a {relation.value} is placed through a parent: name one or a new one"
        )

    def tie(source: str, kind: TieKind, target: str) -> Tie:
        return Tie(source_id=source, target_id=target, kind=kind, provenance=provenance)

    out = Placed()
    via = placement.via_id
    if placement.new_parent is not None:
        parent = placement.new_parent
        via = parent.id
        out.persons.append(parent)
        out.roles.append(NetworkRole(case_id=case_id, person_id=parent.id, provenance=provenance))
        out.ties.append(tie(parent.id, TieKind.parent, child))
    elif via is not None:
        parents = parents_of(store, child)
        if relation is Relation.aunt_uncle and via not in parents:
            if via not in grandparents_of(store, child):
                raise PlacementError(
                    "via_not_kin",
                    f"person {via!r} is neither a parent nor a grandparent of the child",
                )
            out.ties.append(tie(via, TieKind.parent, person_id))
            return out
        if via not in parents:
            raise PlacementError("via_not_parent", f"person {via!r} is not a parent of the child")

    if relation is Relation.grandparent:
        out.ties.append(tie(person_id, TieKind.parent, via or ""))
    elif relation is Relation.aunt_uncle:
        out.ties.append(tie(person_id, TieKind.sibling, via or ""))
    else:
        out.ties.append(tie(person_id, _TO_CHILD[relation], child))
        if relation is Relation.half_sibling and via is not None:
            out.ties.append(tie(via, TieKind.parent, person_id))
    return out


@dataclass(frozen=True)
class Added:
    """A person added to a case, with what was made around them."""

    person: Person
    role: NetworkRole
    placed: Placed


def add_to_case(
    store: GraphStore,
    person: Person,
    role: NetworkRole,
    placement: Placement | None,
    *,
    actor: str,
) -> Added:
    """Store a new person with their role in the case (``role.case_id``) and, with a
    placement, the ties (and the new parent) that say what they are to the child; all in
    one unit of work, each thing audited as made by ``actor``. Nothing is stored when
    any of it fails (:class:`PlacementError`, :class:`~.errors.NotFound`,
    :class:`~.errors.Conflict`)."""
    case_id = role.case_id
    provenance = Provenance(created_by=actor, source=person.provenance.source)

    def work(unit: GraphStore) -> Added:
        made = (
            placed(unit, case_id, person.id, placement, provenance)
            if placement is not None
            else Placed()
        )
        unit.create_person(person)
        unit.set_role(role)
        for other in made.persons:
            unit.create_person(other)
        for other_role in made.roles:
            unit.set_role(other_role)
        for t in made.ties:
            unit.create_tie(t)
        events = [
            *(_event(actor, "person", p.id, case_id) for p in [person, *made.persons]),
            *(_event(actor, "role", r.person_id, case_id) for r in [role, *made.roles]),
            *(_event(actor, "tie", t.id, case_id) for t in made.ties),
        ]
        unit.append_audit_many(events)
        return Added(person, role, made)

    return store.atomic(work)


def _event(actor: str, entity: str, ident: str, case_id: str) -> AuditEvent:
    return AuditEvent(
        actor=actor,
        action=AuditAction.create,
        entity=entity,
        entity_id=ident,
        case_id=case_id,
        detail="added to the case",
    )
