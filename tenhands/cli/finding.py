"""``tenhands find CASE_ID``: kin search for one case, ranked, with reasons."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .context import fail, load_settings, opened_store
from .subject import cli_actor

if TYPE_CHECKING:
    from ..finding.kin import Found, KinSearch
    from ..graph.store import GraphStore

REASONS = 4
"""Evidence lines shown per finding (the strongest, for and against)."""


def _who(store: GraphStore, found: Found) -> str:
    from ..graph.errors import NotFound

    if found.record_id:
        try:
            record = store.get_record(found.record_id)
        except NotFound:
            return f"record {found.record_id}"
        name = " ".join(x for x in (record.given_names, record.surname) if x) or "?"
        born = f", {record.birth_date}" if record.birth_date else ""
        source = record.provenance.source.name or record.provenance.source.kind.value
        return f"{name}{born} (record {record.id}, {source})"
    if found.person_id:
        person = store.get_person(found.person_id)
        name = " ".join([*person.given_names[:1], person.surname or ""]).strip() or "?"
        return f"{name} (person {person.id})"
    return "?"


def _reasons(found: Found) -> list[str]:
    shown = sorted(
        (e for e in found.evidence if e.field not in ("prior",)),
        key=lambda e: -abs(e.weight),
    )[:REASONS]
    lines = [next((e.level for e in found.evidence if e.field == "prior"), found.rule)]
    for e in shown:
        values = f": {e.left or '–'} / {e.right or '–'}" if e.left or e.right else ""
        lines.append(f"{e.field}{values} — {e.level} ({e.weight:+.1f})")
    return lines


def _as_json(found: Found, lang: str) -> dict[str, Any]:
    return {
        "kind": found.kind.value,
        "probability": round(found.probability, 4),
        "relation_to_child": found.relation_code,
        "words": found.words(lang),
        "record_id": found.record_id,
        "person_id": found.person_id,
        "other_person_id": found.other_person_id,
        "relation": found.relation,
        "relation_to": found.relation_to,
        "evidence": [e.model_dump() for e in found.evidence],
    }


def _print(store: GraphStore, search: KinSearch, lang: str) -> None:
    typer.echo(f"Possible kin for case {search.case_id} (child {search.child_id}), best first:")
    if not search.kin:
        typer.echo("  none found")
    for rank, found in enumerate(search.kin, 1):
        words = found.words(lang) or found.relation_code or found.relation or "related"
        typer.echo(f"{rank:3d}. {found.probability:4.0%}  {words}: {_who(store, found)}")
        for line in _reasons(found):
            typer.echo(f"        {line}")
    if search.duplicates:
        typer.echo("Persons probably stored twice (accept to merge; undo splits them again):")
        for found in search.duplicates:
            typer.echo(
                f"     {found.probability:4.0%}  {_who(store, found)} and person "
                f"{found.other_person_id}"
            )
    if search.matches:
        typer.echo("Records of persons already in the network:")
        for found in search.matches:
            typer.echo(
                f"     {found.probability:4.0%}  {_who(store, found)} is probably "
                f"person {found.person_id}"
            )


def find_command(
    case_id: Annotated[str, typer.Argument(help="Id of the case to search kin for.")],
    limit: Annotated[int, typer.Option(min=1, max=500, help="How many kin to list.")] = 20,
    save: Annotated[bool, typer.Option(help="Put the findings in the case's review queue.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    lang: Annotated[str, typer.Option(help="Language of the relations: nl, en or fr.")] = "nl",
    duplicates: Annotated[
        bool, typer.Option(help="Also propose persons stored twice (reads every person).")
    ] = True,
) -> None:
    """Search the outside records and the family graph for the case's kin, with reasons."""
    if lang not in ("nl", "en", "fr"):
        raise fail(f"unknown language {lang!r}: use nl, en or fr", 2)
    from ..finding.kin import KinFinder, propose, search_case
    from ..graph.errors import NotFound
    from ..settings import kin_index_file

    settings = load_settings()
    with opened_store(settings) as store:
        finder = KinFinder(kin_index_file(settings, store))
        try:
            search = search_case(
                store, finder, case_id, actor=cli_actor(), limit=limit, duplicates=duplicates
            )
        except NotFound:
            raise fail(f"there is no case {case_id!r}") from None
        proposed = propose(store, search) if save else None
        if as_json:
            typer.echo(
                json.dumps(
                    {
                        "case_id": search.case_id,
                        "child_id": search.child_id,
                        "kin": [_as_json(f, lang) for f in search.kin],
                        "matches": [_as_json(f, lang) for f in search.matches],
                        "duplicates": [_as_json(f, lang) for f in search.duplicates],
                        "saved": None
                        if proposed is None
                        else {
                            "added": proposed.added,
                            "updated": proposed.updated,
                            "skipped": proposed.skipped,
                        },
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        _print(store, search, lang)
    if proposed is not None:
        typer.echo(
            f"Review queue: {proposed.added} new, {proposed.updated} updated, "
            f"{proposed.skipped} already decided."
        )


__all__ = ["find_command"]
