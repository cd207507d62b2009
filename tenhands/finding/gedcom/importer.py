"""Importing a GEDCOM file into a store, all or nothing.

The whole file is read and checked before anything is written. A file with
blocking problems raises :class:`GedcomError` and writes nothing, unless the
caller asks to import what is valid (``keep_valid``): then broken records and
links are skipped and reported as warnings.

Persons and ties get ids made from the case the file is imported into, the file
name and their xrefs (:mod:`.ids`), so importing the same file into the same case
again updates them instead of adding them twice, and a file of the same name in
another case never meets them. What a worker added in TenHands (addresses, contact
details, language, confidentiality; closeness, quality, confidence and notes of
ties) is kept on such an update. An import never updates a person its viewer may
not see: it is refused whole, saying how many persons clash and nothing about them.

Persons, ties and network roles are written in one unit of work
(:meth:`~tenhands.graph.store.GraphStore.atomic`): a failure, or a process stopped
half-way, leaves the store as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime

from ...graph.errors import Conflict, NotFound
from ...graph.model import (
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
from ...graph.visibility import EVERYTHING, Visibility
from ..bulk import collector_paused
from .mapping import CREATED_BY, Mapped, map_file
from .parse import read_file
from .problems import GedcomProblem, Problems

log = logging.getLogger(__name__)

BATCH = 20_000
"""Rows per store batch; the whole import is one transaction whatever its batch size."""

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
    viewer: Visibility = EVERYTHING,
) -> ImportReport:
    """Import a GEDCOM file (5.5, 5.5.1 or 7.0) read as ``data``, in one transaction.

    ``source_name`` (the file's name) goes into every imported thing's source and,
    with ``case_id``, into its id. With ``case_id``, the imported persons not yet in
    that case join its network as *identified*; the case must exist
    (:class:`~tenhands.graph.errors.NotFound`, before anything is read).

    An import updates the persons an earlier import of the same file into the same
    case made; if ``viewer`` may not see one of them (taken out of the case since,
    say), :class:`~tenhands.graph.errors.Conflict` and nothing is written.

    Raises :class:`GedcomError` with every blocking problem when the file is broken
    and ``keep_valid`` is false.
    """
    if case_id is not None:
        store.get_case(case_id)
    with collector_paused():
        return _import(store, data, source_name, case_id, keep_valid, viewer)


@dataclass(frozen=True)
class _Stored:
    persons: list[str]
    ties: list[str]
    new_persons: int
    roles_added: int


def _import(
    store: GraphStore,
    data: bytes,
    source_name: str,
    case_id: str | None,
    keep_valid: bool,
    viewer: Visibility,
) -> ImportReport:
    problems = Problems(keep_valid=keep_valid)
    gedcom = read_file(data, problems)
    mapped = (
        map_file(gedcom, source_name=source_name, problems=problems, case_id=case_id)
        if gedcom
        else Mapped()
    )
    del gedcom
    problems.finish()
    problems.raise_if_blocked()

    now = utcnow()
    stored = store.atomic(lambda unit: _store(unit, mapped, source_name, case_id, viewer, now))
    log.info(
        "GEDCOM import: %d persons (%d new), %d ties, %d roles, %d warnings",
        len(stored.persons),
        stored.new_persons,
        len(stored.ties),
        stored.roles_added,
        len(problems.warnings),
    )
    return ImportReport(
        persons=len(stored.persons),
        ties=len(stored.ties),
        warnings=list(problems.warnings),
        person_ids=stored.persons,
        tie_ids=stored.ties,
        new_persons=stored.new_persons,
        roles_added=stored.roles_added,
    )


def _store(
    store: GraphStore,
    mapped: Mapped,
    source_name: str,
    case_id: str | None,
    viewer: Visibility,
    now: datetime,
) -> _Stored:
    """Read what the import updates, check it, and write it: one unit of work, which
    the store may run more than once."""
    if not mapped.persons:
        return _Stored([], [], 0, 0)
    if case_id is not None:
        store.hold("case", case_id)  # imports into one case run one after the other
    existing = {p.id: p for p in store.get_persons([p.id for p in mapped.persons])}
    clashes = _unseen(existing, viewer)
    if clashes:
        said = (
            "1 person that clashes with a person"
            if clashes == 1
            else f"{clashes} persons that clash with persons"
        )
        raise Conflict(
            f"this file has {said} outside your cases; import it under another file name "
            "or ask an admin"
        )
    # a tie of this file can exist only between persons that do
    old_ties = _stored_ties(
        store, [t.id for t in mapped.ties if t.source_id in existing and t.target_id in existing]
    )
    persons = [_updated_person(p, existing.get(p.id), now) for p in mapped.persons]
    ties = [_updated_tie(t, old_ties.get(t.id), now) for t in mapped.ties]
    roles: list[NetworkRole] = []
    if case_id is not None:
        case = store.get_case(case_id)
        in_case = set(case.child_ids) | {r.person_id for r in store.list_roles(case_id)}
        roles = [_role(case_id, p, source_name) for p in persons if p.id not in in_case]
    _write(store, persons, ties, roles)
    return _Stored(
        persons=[p.id for p in persons],
        ties=[t.id for t in ties],
        new_persons=len(persons) - len(existing),
        roles_added=len(roles),
    )


def _stored_ties(store: GraphStore, tie_ids: list[str]) -> dict[str, Tie]:
    """Those of ``tie_ids`` the store holds: in one read when all are there (a file
    imported again), else one by one."""
    try:
        return {t.id: t for t in store.get_ties(tie_ids)}
    except NotFound:
        found: dict[str, Tie] = {}
        for tie_id in tie_ids:
            with suppress(NotFound):
                found[tie_id] = store.get_tie(tie_id)
        return found


def _unseen(person_ids: Iterable[str], viewer: Visibility) -> int:
    """How many of the persons ``viewer`` may not see (one gone meanwhile is no clash:
    nothing of it would be overwritten)."""
    unseen = 0
    for person_id in person_ids:
        try:
            seen = viewer.sees_person(person_id)
        except NotFound:
            seen = True
        unseen += not seen
    return unseen


def _write(
    store: GraphStore,
    persons: Sequence[Person],
    ties: Sequence[Tie],
    roles: Sequence[NetworkRole],
) -> None:
    store.upsert_persons(persons, batch_size=BATCH)
    if ties:
        store.upsert_ties(ties, batch_size=BATCH)
    if roles:
        store.upsert_roles(roles)


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
