"""The add-person form's "what is this person to the child": the relation, the child (when
the case has several) and through whom (a parent or grandparent in the network, or a new
mother or father named here), read into a
:class:`~tenhands.graph.placing.Placement`. The ties it makes are the rule of
:mod:`tenhands.graph.placing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..graph.model import Person, Provenance, Sex
from ..graph.placing import Placement, PlacementError, Relation, grandparents_of, parents_of
from ..graph.store import GraphStore
from .forms import message
from .i18n import N_, Gettext

RELATION_FIELDS = ("relation", "relation_child", "via", "via_name")

NEW_PARENT = {"new-mother": Sex.female, "new-father": Sex.male}
"""The "through whom" choices that make a new parent, with the parent's sex."""

MESSAGES = {
    "via_needed": N_("Choose through whom: a parent, a grandparent or a new parent."),
    "via_not_parent": N_("Choose a parent of the child."),
    "via_not_kin": N_("Choose a parent or a grandparent of the child."),
    "via_unused": N_("This relation goes through no one: leave 'through whom' empty."),
    "via_twice": N_("Choose a parent or a new parent, not both."),
    "not_child": N_("Choose a child of this case."),
    "via_name": N_("Give the new parent's name."),
}
"""Message ids of the relation's errors, by :attr:`PlacementError.code`."""

WHERE = {"not_child": "relation_child"}
"""The field an error is shown at (else ``via``)."""


@dataclass(frozen=True)
class ViaChoice:
    """A person the relation can go through, with what they are to the child."""

    id: str
    name: str
    relation: str


def via_choices(
    store: GraphStore, child_ids: list[str], members: dict[str, str], relations: dict[str, str]
) -> list[ViaChoice]:
    """The parents and grandparents of the children who are in the case's network
    (``members``: names by id; ``relations``: what each is to the children, in words)."""
    ids: list[str] = []
    for child in child_ids:
        ids += parents_of(store, child) + grandparents_of(store, child)
    return [
        ViaChoice(pid, members[pid], relations.get(pid, ""))
        for pid in dict.fromkeys(ids)
        if pid in members
    ]


def error_at(exc: PlacementError, _: Gettext) -> dict[str, str]:
    """The form's error for a placement the rule refused."""
    key = MESSAGES.get(exc.code, "")
    return {WHERE.get(exc.code, "via"): _(key) if key else message(_, "invalid")}


def read_placement(
    values: dict[str, Any], child_ids: list[str], made: Provenance, _: Gettext
) -> tuple[Placement | None, dict[str, str]]:
    """The placement the form asks for (None when no relation is chosen), or the errors
    by field."""
    chosen = values.get("relation") or ""
    if not chosen:
        return None, {}
    if chosen not in Relation.__members__:
        return None, {"relation": message(_, "choice")}
    relation = Relation(chosen)
    child = values.get("relation_child") or (child_ids[0] if child_ids else "")
    if child not in child_ids:
        return None, {"relation_child": _(MESSAGES["not_child"])}
    via = values.get("via") or ""
    if via in NEW_PARENT:
        name = (values.get("via_name") or "").split()
        if not name:
            return None, {"via_name": _(MESSAGES["via_name"])}
        try:
            parent = Person(given_names=name, sex=NEW_PARENT[via], provenance=made)
        except ValidationError:
            return None, {"via_name": message(_, "invalid")}
        return Placement(relation, child, new_parent=parent), {}
    return Placement(relation, child, via_id=via or None), {}
