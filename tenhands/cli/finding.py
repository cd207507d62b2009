"""``tenhands find CASE_ID``: kin search for one case, ranked, each finding as its card
(:mod:`tenhands.finding.review.card`, the same card the review page shows); ``tenhands
review CASE_ID``: the case's review queue as cards."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .context import fail, load_settings, opened_store
from .subject import cli_actor

if TYPE_CHECKING:
    from ..finding.kin import Found, KinSearch
    from ..finding.review.card import Card
    from ..graph.store import GraphStore


def _as_json(found: Found, lang: str, card: Card) -> dict[str, Any]:
    from ..api.schemas.candidates import CardPublic  # the API's shape of a card

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
        "card": CardPublic.of(card).model_dump(mode="json"),
    }


def _cards(store: GraphStore, case_id: str, found: list[Found], lang: str) -> list[Card]:
    """The findings as the review page's cards, in order."""
    from ..finding.review.card import cards

    return cards(store, case_id, [f.candidate(case_id) for f in found], lang)


def _json_list(store: GraphStore, case_id: str, found: list[Found], lang: str) -> list[Any]:
    """The findings as JSON, each with its card."""
    said = _cards(store, case_id, found, lang)
    return [_as_json(f, lang, card) for f, card in zip(found, said, strict=True)]


def _card_lines(store: GraphStore, case_id: str, found: list[Found], lang: str) -> list[str]:
    """The findings as the review page's cards, said as text (ranked, one card each)."""
    out = []
    for rank, card in enumerate(_cards(store, case_id, found, lang), 1):
        first, *rest = card.lines()
        out += [f"{rank:3d}. {first}", *(f"     {line}" for line in rest)]
    return out


_HEADINGS = {
    "kin": ("Mogelijke familie, de beste eerst:", "Possible kin, best first:"),
    "none": ("  niets gevonden", "  none found"),
    "duplicates": (
        "Personen die waarschijnlijk twee keer bewaard zijn (aanvaarden voegt ze samen):",
        "Persons probably stored twice (accept to merge; undo splits them again):",
    ),
    "matches": (
        "Gegevens van personen die al in het netwerk staan:",
        "Records of persons already in the network:",
    ),
    "queue": (
        "Te beoordelen: {n} voorstellen, de beste eerst.",
        "Waiting for a decision: {n} proposals, best first.",
    ),
    "saved": (
        "Te beoordelen: {added} nieuw, {updated} bijgewerkt, {skipped} al beslist.",
        "Review queue: {added} new, {updated} updated, {skipped} already decided.",
    ),
}


def _say(key: str, lang: str, **values: object) -> str:
    from ..finding.review.card_words import pick

    return pick(_HEADINGS[key], lang).format(**values)


def _print(store: GraphStore, search: KinSearch, lang: str) -> None:
    typer.echo(_say("kin", lang))
    if not search.kin:
        typer.echo(_say("none", lang))
    for line in _card_lines(store, search.case_id, search.kin, lang):
        typer.echo(line)
    if search.duplicates:
        typer.echo(_say("duplicates", lang))
        for line in _card_lines(store, search.case_id, search.duplicates, lang):
            typer.echo(line)
    if search.matches:
        typer.echo(_say("matches", lang))
        for line in _card_lines(store, search.case_id, search.matches, lang):
            typer.echo(line)


def find_command(
    case_id: Annotated[str, typer.Argument(help="Id of the case to search kin for.")],
    limit: Annotated[int, typer.Option(min=1, max=500, help="How many kin to list.")] = 20,
    save: Annotated[bool, typer.Option(help="Put the findings in the case's review queue.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    lang: Annotated[
        str,
        typer.Option(help="Language: nl or en (fr: the relation words of --json only)."),
    ] = "nl",
    duplicates: Annotated[
        bool, typer.Option(help="Also propose persons stored twice (reads every person).")
    ] = True,
) -> None:
    """Search the outside records and the family graph for the case's kin, with reasons."""
    from ..graph.languages import LANGUAGES, listed

    if lang not in LANGUAGES:
        raise fail(f"unknown language {lang!r}: use {listed(LANGUAGES)}", 2)
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
                        "kin": _json_list(store, search.case_id, search.kin, lang),
                        "matches": _json_list(store, search.case_id, search.matches, lang),
                        "duplicates": _json_list(store, search.case_id, search.duplicates, lang),
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
            _say(
                "saved",
                lang,
                added=proposed.added,
                updated=proposed.updated,
                skipped=proposed.skipped,
            )
        )


def review_command(
    case_id: Annotated[str, typer.Argument(help="Id of the case whose proposals to show.")],
    lang: Annotated[str, typer.Option(help="Language of the cards: nl or en.")] = "nl",
) -> None:
    """Show the case's review queue, best first, each proposal as its card."""
    from ..finding.review import review_queue
    from ..finding.review.card import cards
    from ..finding.review.card_words import CARD_LANGS
    from ..graph.errors import NotFound
    from ..graph.languages import listed

    if lang not in CARD_LANGS:
        raise fail(f"unknown language {lang!r}: use {listed(CARD_LANGS)}", 2)
    with opened_store() as store:
        try:
            queue = review_queue(store, case_id)
            said = cards(store, case_id, queue, lang)
        except NotFound:
            raise fail(f"there is no case {case_id!r}") from None
    typer.echo(_say("queue", lang, n=len(said)))
    for rank, card in enumerate(said, 1):
        first, *rest = card.lines()
        typer.echo(f"{rank:3d}. {first}")
        for line in rest:
            typer.echo(f"     {line}")


__all__ = ["find_command", "review_command"]
