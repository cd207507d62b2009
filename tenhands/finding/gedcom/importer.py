"""Importing a GEDCOM file into a store, all or nothing.

The whole file is read and checked before anything is written. A file with
blocking problems raises :class:`GedcomError` and writes nothing, unless the
caller asks to import what is valid (``keep_valid``): then broken records and
links are skipped and reported as warnings.

Persons and ties get ids made from the file name and their xrefs, so importing
the same file again updates them instead of adding them twice. What a worker
added in TenHands (addresses, contact details, language, confidentiality;
closeness, quality, confidence and notes of ties) is kept on such an update.

Writes go persons first, then ties, then network roles, each in one store
transaction. If a later write fails, what this import created is removed and
what it changed is put back, so the store never holds half an import.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime

from ...graph.errors import NotFound
from ...graph.model import (
    Case,
    Engagement,
    NetworkRole,
    Person,
    Provenance,
    SourceKind,
    SourceRef,
    Tie,
    utcnow,
)
from ...graph.store import GraphStore
from ..bulk import collector_paused
from .mapping import CREATED_BY, Mapped, map_file
from .parse import read_file
from .problems import GedcomProblem, Problems

log = logging.getLogger(__name__)

BATCH = 20_000
"""Rows per store batch; each upsert call is one transaction whatever its batch size."""

_KEPT_FROM_STORE = ("addresses", "contact", "language", "confidential")
_KEPT_ON_TIES = ("closeness", "quality", "confidence", "confidential")


@dataclass
class ImportReport:
    """What an import stored, and what it read with doubt or skipped."""

    persons: int
    """Persons created or updated."""
    ties: int
    """Ties created or updated."""
    warnings: list[GedcomProblem]
    person_ids: list[str]
    tie_ids: list[str] = field(default_factory=list)
    new_persons: int = 0
    """Persons that were not in the store before."""
    roles_added: int = 0
    """Persons added to the case's network."""


def import_gedcom(
    store: GraphStore,
    data: bytes,
    *,
    source_name: str,
    case_id: str | None = None,
    keep_valid: bool = False,
) -> ImportReport:
    """Import a GEDCOM file (5.5, 5.5.1 or 7.0) read as ``data``.

    ``source_name`` (the file's name) goes into every imported thing's source and
    its id. With ``case_id``, the imported persons not yet in that case join its
    network as *identified*; the case must exist
    (:class:`~tenhands.graph.errors.NotFound`, before anything is read).

    Raises :class:`GedcomError` with every blocking problem when the file is broken
    and ``keep_valid`` is false.
    """
    case = store.get_case(case_id) if case_id is not None else None
    with collector_paused():
        return _import(store, data, source_name, case, keep_valid)


def _import(
    store: GraphStore, data: bytes, source_name: str, case: Case | None, keep_valid: bool
) -> ImportReport:
    problems = Problems(keep_valid=keep_valid)
    gedcom = read_file(data, problems)
    mapped = map_file(gedcom, source_name=source_name, problems=problems) if gedcom else Mapped()
    del gedcom
    problems.finish()
    problems.raise_if_blocked()

    now = utcnow()
    existing = {p.id: p for p in store.get_persons([p.id for p in mapped.persons])}
    old_ties: dict[str, Tie] = {}
    for tie in mapped.ties:  # a tie of this file can exist only between persons that do
        if tie.source_id in existing and tie.target_id in existing:
            with suppress(NotFound):
                old_ties[tie.id] = store.get_tie(tie.id)
    persons = [_updated_person(p, existing.get(p.id), now) for p in mapped.persons]
    ties = [_updated_tie(t, old_ties.get(t.id), now) for t in mapped.ties]
    roles: list[NetworkRole] = []
    if case is not None:
        in_case = set(case.child_ids) | {r.person_id for r in store.list_roles(case.id)}
        roles = [_role(case.id, p, source_name) for p in persons if p.id not in in_case]

    _write(store, persons, ties, roles, existing, old_ties)
    log.info(
        "GEDCOM import: %d persons (%d new), %d ties, %d roles, %d warnings",
        len(persons),
        len(persons) - len(existing),
        len(ties),
        len(roles),
        len(problems.warnings),
    )
    return ImportReport(
        persons=len(persons),
        ties=len(ties),
        warnings=list(problems.warnings),
        person_ids=[p.id for p in persons],
        tie_ids=[t.id for t in ties],
        new_persons=len(persons) - len(existing),
        roles_added=len(roles),
    )


def _write(
    store: GraphStore,
    persons: Sequence[Person],
    ties: Sequence[Tie],
    roles: Sequence[NetworkRole],
    existing: dict[str, Person],
    old_ties: dict[str, Tie],
) -> None:
    if not persons:
        return
    store.upsert_persons(persons, batch_size=BATCH)  # all or nothing by itself
    ties_written = False
    try:
        if ties:
            store.upsert_ties(ties, batch_size=BATCH)
        ties_written = True
        if roles:
            store.upsert_roles(roles)
    except BaseException as exc:
        try:
            _undo(store, persons, ties if ties_written else [], existing, old_ties)
        except Exception as undo_exc:  # pragma: no cover - the store failed twice
            exc.add_note(f"undoing the partial import failed as well: {undo_exc}")
            log.error("GEDCOM import: undoing a failed import failed too")
        raise


def _undo(
    store: GraphStore,
    persons: Sequence[Person],
    ties: Sequence[Tie],
    existing: dict[str, Person],
    old_ties: dict[str, Tie],
) -> None:
    """Put the store back as it was before :func:`_write` began."""
    for tie in ties:
        if tie.id not in old_ties:
            store.delete_tie(tie.id)
    restored = [old_ties[t.id] for t in ties if t.id in old_ties]
    if restored:
        store.upsert_ties(restored, batch_size=BATCH)
    for person in persons:
        if person.id not in existing:
            store.delete_person(person.id, cascade=True)
    if existing:
        store.upsert_persons(list(existing.values()), batch_size=BATCH)
    log.warning("GEDCOM import failed while writing; the store was put back as it was")


def _updated_person(new: Person, old: Person | None, now: datetime) -> Person:
    if old is None:
        return new
    update: dict[str, object] = {k: getattr(old, k) for k in _KEPT_FROM_STORE}
    update["provenance"] = old.provenance.model_copy(
        update={"updated_by": CREATED_BY, "updated_at": now, "source": new.provenance.source}
    )
    return new.model_copy(update=update)


def _updated_tie(new: Tie, old: Tie | None, now: datetime) -> Tie:
    if old is None:
        return new
    update: dict[str, object] = {k: getattr(old, k) for k in _KEPT_ON_TIES}
    if new.note is None and old.note is not None:
        update["note"] = old.note
    update["provenance"] = old.provenance.model_copy(
        update={"updated_by": CREATED_BY, "updated_at": now, "source": new.provenance.source}
    )
    return new.model_copy(update=update)


def _role(case_id: str, person: Person, source_name: str) -> NetworkRole:
    return NetworkRole(
        case_id=case_id,
        person_id=person.id,
        engagement=Engagement.deceased if person.deceased else Engagement.identified,
        provenance=Provenance(
            created_by=CREATED_BY, source=SourceRef(kind=SourceKind.gedcom, name=source_name)
        ),
    )
