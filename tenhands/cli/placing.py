"""Adding a person to a case on the command line with what they are to the child
(``add-person``): the rule of :mod:`tenhands.graph.placing`, as the person form and the
API use it."""

from __future__ import annotations

from typing import Annotated

import typer

from .context import fail, opened_store
from .subject import cli_actor

RELATIONS = (
    "parent, grandparent, aunt_uncle, sibling, half_sibling, friend, neighbour, teacher, "
    "coach, godparent, family_friend, professional"
)


def add_person_command(
    case_id: Annotated[str, typer.Argument(help="The case to add the person to.")],
    given: Annotated[str, typer.Option("--given", help="Given names, separated by spaces.")],
    surname: Annotated[str | None, typer.Option("--surname")] = None,
    sex: Annotated[str, typer.Option("--sex", help="female, male, other or unknown.")] = "unknown",
    relation: Annotated[
        str | None, typer.Option("--relation", help=f"What they are to the child: {RELATIONS}.")
    ] = None,
    child: Annotated[
        str | None, typer.Option("--child", help="The child (the case's first if left out).")
    ] = None,
    via: Annotated[
        str | None,
        typer.Option("--via", help="The parent (or grandparent) of the child gone through."),
    ] = None,
) -> None:
    """Add a person to a case's network; with --relation, also the ties that make them
    what it says to the child (all or nothing)."""
    from pydantic import ValidationError

    from ..graph.model import NetworkRole, Person, Provenance, SourceRef
    from ..graph.placing import Placement, Relation, add_to_case

    if relation is not None and relation not in Relation.__members__:
        raise fail(f"unknown relation {relation!r}: use one of {RELATIONS}")
    actor = cli_actor()
    try:
        person = Person(
            given_names=given.split(),
            surname=surname,
            sex=sex,
            provenance=Provenance(created_by=actor, source=SourceRef()),
        )
    except ValidationError as exc:
        raise fail(f"the person is not valid: {exc.errors()[0]['msg']}") from None
    with opened_store() as store:
        case = store.get_case(case_id)
        placement = None
        if relation is not None:
            first = case.child_ids[0] if case.child_ids else ""
            placement = Placement(Relation(relation), child or first, via_id=via)
        role = NetworkRole(case_id=case_id, person_id=person.id)
        added = add_to_case(store, person, role, placement, actor=actor)
    typer.echo(f"Added {added.person.id} to case {case_id!r} with {len(added.placed.ties)} ties.")
