"""``tenhands export-person`` and ``tenhands erase``: one person's data out, or erased
(the GDPR's rights of access and erasure), from the command line. Both are written to
the audit log with the operating-system user as the actor."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..files.private import write_private
from .context import fail, load_settings, opened_store


def cli_actor() -> str:
    try:
        name = getpass.getuser()
    except (OSError, KeyError):
        name = "unknown"
    return f"cli:{name}"[:200]


def export_person_command(
    person_id: Annotated[str, typer.Argument(help="The person's id.")],
    out: Annotated[Path, typer.Option("--out", help="File to write, or - for stdout.")],
) -> None:
    """Write everything held about one person as JSON (the right of access)."""
    from ..graph.errors import NotFound
    from ..graph.model import AuditAction, AuditEvent
    from ..graph.subject import export_person

    with opened_store() as store:
        try:
            data = export_person(store, person_id)
        except NotFound:
            raise fail(f"there is no person {person_id!r}") from None
        store.append_audit(
            AuditEvent(
                actor=cli_actor(), action=AuditAction.export, entity="person",
                entity_id=person_id, detail="export-person",
            )
        )  # fmt: skip
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if str(out) == "-":
        sys.stdout.write(text + "\n")
        return
    try:
        write_private(out, text + "\n")
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror}") from None
    typer.echo(f"Wrote everything held about {person_id} to {out}.")


def erase_command(
    person_id: Annotated[str, typer.Argument(help="The person's id.")],
    yes: Annotated[bool, typer.Option("--yes", help="Erase without asking.")] = False,
) -> None:
    """Erase one person from every case, with their ties and everything about them
    (the right to erasure). Cannot be undone."""
    if not yes:
        typer.confirm(f"Erase person {person_id} everywhere? This cannot be undone", abort=True)
    from ..graph.errors import Conflict, NotFound
    from ..settings import kin_index_file

    settings = load_settings()
    with opened_store(settings) as store:
        try:
            done = store.erase_person(person_id, actor=cli_actor())
        except NotFound:
            raise fail(f"there is no person {person_id!r}") from None
        except Conflict as exc:
            raise fail(f"{exc}") from None
        saved = kin_index_file(settings, store)
    if done.records and saved is not None:
        saved.unlink(missing_ok=True)  # the erased records leave the disk now
    typer.echo(
        f"Erased {person_id}: {done.ties} ties, {done.roles} network roles, "
        f"{done.candidates} candidates, {done.records} records, {done.plans} plans "
        f"(cases: {', '.join(done.cases) or 'none'})."
    )
