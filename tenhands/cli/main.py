"""``tenhands``: the command line on top of the graph, finding, maps and the service.

Defining the commands is cheap: each command imports the parts it uses (the store,
kin search, maps, the service) when it runs, so ``tenhands --help`` and a light
command start at once (see ``tests/cli/test_startup.py``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from .context import fail, load_settings, opened_store, read_input
from .family import export_gedcom_command, import_gedcom_command, relation_command
from .finding import find_command, review_command
from .handout import handout_command
from .maps import map_command
from .matching import dedupe_command, match_command
from .placing import add_person_command
from .records import import_records_command
from .serve import run_server
from .subject import erase_command, export_person_command
from .users import app as users_app

MAX_CASE_FILE_MIB = 1024
"""Larger case files (``import-json``) are refused: a case of 75,000 persons takes some
250 MiB."""

app = typer.Typer(
    name="tenhands",
    help="TenHands: a child's family network, family finding and network maps.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: drawing it with rich costs more than the rest of --help
    add_help_option=False,  # its own below: typer's would load pydantic for every command
)

app.command("import-gedcom")(import_gedcom_command)
app.command("export-gedcom")(export_gedcom_command)
app.command("relation")(relation_command)
app.command("add-person")(add_person_command)
app.command("import-records")(import_records_command)
app.command("match")(match_command)
app.command("dedupe")(dedupe_command)
app.command("find")(find_command)
app.command("review")(review_command)
app.command("map")(map_command)
app.command("handout")(handout_command)
app.add_typer(users_app, name="users")
app.command("export-person")(export_person_command)
app.command("erase")(erase_command)


def _help(ctx: typer.Context, wanted: bool) -> None:
    if wanted:
        typer.echo(ctx.get_help())
        raise typer.Exit()


def _version(wanted: bool) -> None:
    if wanted:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _root(
    _show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            expose_value=False,
            callback=_version,
            help="Print the version.",
        ),
    ] = False,
    _show_help: Annotated[
        bool,
        typer.Option(
            "--help",
            is_eager=True,
            expose_value=False,
            callback=_help,
            help="Show this message and exit.",
        ),
    ] = False,
) -> None:
    """The options before a command."""


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, max=64, help="Service processes (about one per core).")
    ] = None,
) -> None:
    """Start the web service (API and pages)."""
    settings = load_settings()
    with opened_store(settings) as store:
        typer.echo(f"Store: {store.describe()}")
    run_server(settings, host, port, workers)


@app.command()
def demo(
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Start the service.")] = True,
    replace: Annotated[bool, typer.Option(help="Write the demo case anew.")] = False,
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Seed a fictional demo case into the store and start the service."""
    from ..demo.seed import seed_demo
    from ..demo.users import seed_demo_users

    settings = load_settings()
    with opened_store(settings) as store:
        case_id = seed_demo(store, replace=replace)
        case = store.get_case(case_id)
        members = len(store.list_roles(case_id)) + len(case.child_ids)
        where = store.describe()
        users = seed_demo_users(store, case_id)
    base = f"http://{host or settings.host}:{port or settings.port}"
    typer.echo(f"Demo case {case_id!r}: {case.title} ({members} people), stored in {where}")
    typer.echo(f"  sign in:  {base}/  (new passwords each time the demo starts)")
    for user, password in users:
        typer.echo(f"    {user.role.value:<12} {user.login:<12} {password}")
    typer.echo(f"  network:  {base}/cases/{case_id}/network")
    typer.echo(f"  map:      {base}/cases/{case_id}/map?view=ecomap&mode=projection")
    typer.echo(f"  kin:      tenhands find {case_id}")
    typer.echo(f"  API docs: {base}/docs")
    if serve:
        run_server(settings, host, port)


@app.command()
def cases(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the cases: id, title and children."""
    rows: list[dict[str, object]] = []
    children_of: dict[str, list[str]] = {}
    with opened_store() as store:
        page = 500
        while True:
            batch = store.list_cases(limit=page, offset=len(rows))
            for c in batch:
                children = store.get_persons(c.child_ids)
                children_of[c.id] = [p.display_name for p in children]
                rows.append(
                    {
                        "id": c.id,
                        "title": c.title,
                        "status": c.status.value,
                        "children": [{"id": p.id, "name": p.display_name} for p in children],
                    }
                )
            if len(batch) < page:
                break
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo("No cases yet. `tenhands demo --no-serve` adds a demo case.")
    for row in rows:
        names = ", ".join(children_of[str(row["id"])])
        typer.echo(f"{row['id']}\t{row['title']}\t{names}")


@app.command("export-json")
def export_json(
    case: Annotated[str, typer.Option("--case", help="Id of the case to export.")],
    out: Annotated[Path, typer.Option("--out", help="File to write, or - for stdout.")],
) -> None:
    """Write everything held about a case as one JSON document."""
    from ..files.private import write_private
    from ..graph.bundle import export_case

    with opened_store() as store:
        bundle = export_case(store, case)
    text = bundle.model_dump_json(indent=2)
    if str(out) == "-":
        sys.stdout.write(text + "\n")
        return
    try:
        write_private(out, text + "\n")
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror}") from None
    typer.echo(
        f"Wrote case {case!r} to {out}: {len(bundle.persons)} persons, {len(bundle.ties)} ties, "
        f"{len(bundle.roles)} roles, {len(bundle.plans)} plans, {len(bundle.records)} records, "
        f"{len(bundle.candidates)} candidates."
    )


@app.command("import-json")
def import_json(
    file: Annotated[Path, typer.Argument(help="A file written by export-json.")],
) -> None:
    """Read a case written by export-json into the store (nothing is written if it fails)."""
    from pydantic import ValidationError

    from ..graph.bundle import CaseBundle, import_case

    data = read_input(file, MAX_CASE_FILE_MIB)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise fail(f"{file} is not UTF-8 text") from None
    del data
    try:
        bundle = CaseBundle.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(p) for p in first["loc"]) or "the document"
        raise fail(
            f"{file} is not a TenHands case file: at {place}: {first['msg']} "
            f"({exc.error_count()} problems)"
        ) from None
    with opened_store() as store:
        import_case(store, bundle)
    typer.echo(
        f"Imported case {bundle.case.id!r}: {len(bundle.persons)} persons, "
        f"{len(bundle.ties)} ties, {len(bundle.roles)} roles."
    )
