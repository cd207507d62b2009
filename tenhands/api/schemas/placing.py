"""Adding a person to a case with what they are to the child, and removing persons, ties
and network roles from a case with undo (the rules of :mod:`tenhands.graph.placing` and
:mod:`tenhands.graph.removal`)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from ...graph.model import ChangeSet
from ...graph.model.common import Id
from ...graph.placing import Relation
from .common import ApiInput
from .persons import PersonCreate, PersonPublic
from .roles import NetworkRoleCreate, NetworkRolePublic
from .ties import TiePublic


class PlacementCreate(ApiInput):
    """What the new person is to a child of the case, and through whom."""

    relation: Relation = Field(
        description="parent; grandparent and aunt_uncle go through a parent (or an aunt or "
        "uncle through a grandparent); sibling, half_sibling (through the shared parent, "
        "optional); or an informal kind: friend, neighbour, teacher, coach, godparent, "
        "family_friend, professional"
    )
    child_id: Id | None = Field(default=None, description="the case's first child if left out")
    via_id: Id | None = Field(
        default=None, description="the parent (or grandparent) of the child gone through"
    )
    new_parent: PersonCreate | None = Field(
        default=None,
        description="a parent of the child not known yet, added with a role and gone through",
    )


class CasePersonCreate(ApiInput):
    """A new person, their role in the case and, optionally, what they are to the child:
    stored together or not at all."""

    person: PersonCreate
    role: NetworkRoleCreate = Field(default_factory=NetworkRoleCreate)
    relation: PlacementCreate | None = None


class CasePersonCreated(BaseModel):
    """What adding a person to a case stored."""

    person: PersonPublic
    role: NetworkRolePublic
    new_parent: PersonPublic | None = None
    ties: list[TiePublic]


class RemovalKind(StrEnum):
    person = "person"
    """the person, with every tie and role they have (a network member of this case only)"""
    tie = "tie"
    role = "role"
    """the person's place in the case's network; the person and their ties stay"""


class RemovalCreate(ApiInput):
    """What to remove from the case: a person, a tie or a network role, by id (a role by
    its person's id)."""

    kind: RemovalKind
    id: Id


class Removed(BaseModel):
    kind: str
    id: str


class Removal(BaseModel):
    """A removal from a case that can be undone (``POST …/removals/{id}/undo``): the
    caller's latest removal in the case; their next one replaces it."""

    id: str
    case_id: str | None
    at: datetime
    removed: list[Removed]

    @classmethod
    def of(cls, change_set: ChangeSet) -> Removal:
        return cls(
            id=change_set.id,
            case_id=change_set.case_id,
            at=change_set.created_at,
            removed=[Removed(kind=s.kind.value, id=s.id) for s in change_set.before],
        )
