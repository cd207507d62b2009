"""One person as a data subject in the sqlite store: the candidates naming them, and
their erasure (a mixin of :class:`~tenhands.graph.stores.sqlite.store.SqliteStore`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from ...errors import Conflict, NotFound
from ...model import AuditEvent, Candidate, Erasure, Meeting, NetworkRole, Plan, utcnow
from ...subject import (
    accepted_records,
    check_actor,
    erasure_event,
    images_hold,
    meeting_without_person,
    names_person,
    quoted,
    role_without_namer,
    without_person,
)
from .schema import NEXT_DECISIONS_REVISION, NEXT_RECORDS_REVISION

_NAMING = (
    "SELECT data FROM candidates WHERE json_extract(data, '$.person_id') = ?1 "
    "OR json_extract(data, '$.other_person_id') = ?1 ORDER BY id"
)

_OF_RECORDS = (
    "SELECT data FROM candidates "
    "WHERE json_extract(data, '$.record_id') IN (SELECT value FROM json_each(?)) ORDER BY id"
)

_CHANGE_SETS_TO_CHECK = (
    "SELECT id, subject_id, created_refs, before_images, after_images FROM change_sets AS cs "
    "WHERE cs.subject_id IN (SELECT value FROM json_each(?1)) OR EXISTS ("
    "SELECT 1 FROM json_each(?2) AS t WHERE instr(cs.created_refs, t.value) > 0 "
    "OR instr(cs.before_images, t.value) > 0 OR instr(cs.after_images, t.value) > 0)"
)
"""Change sets of the erased candidates, and those whose JSON has an erased id in it
(looked at closer in Python)."""

_DELETE_IN = "DELETE FROM {table} WHERE id IN (SELECT value FROM json_each(?))"


def _candidates(conn: sqlite3.Connection, person_id: str) -> list[Candidate]:
    """The candidates naming the person, then the others about an outside record
    accepted as them (their evidence holds the record's values)."""
    naming = [Candidate.model_validate_json(r[0]) for r in conn.execute(_NAMING, (person_id,))]
    records = json.dumps(accepted_records(naming))
    about_records = (
        Candidate.model_validate_json(r[0]) for r in conn.execute(_OF_RECORDS, (records,))
    )
    return naming + [c for c in about_records if not names_person(c, person_id)]


def _change_sets(
    conn: sqlite3.Connection,
    person_id: str,
    candidate_ids: list[str],
    ties: list[str],
    records: list[str],
) -> list[str]:
    """Ids of the change sets of erased candidates and of those holding the person."""
    texts = json.dumps([quoted(i) for i in (person_id, *ties, *records)])
    return [
        str(row[0])
        for row in conn.execute(_CHANGE_SETS_TO_CHECK, (json.dumps(candidate_ids), texts))
        if row[1] in candidate_ids
        or images_hold(
            [image for column in row[2:] for image in json.loads(column)],
            person_id,
            ties=ties,
            records=records,
        )
    ]


def _plans(conn: sqlite3.Connection, person_id: str) -> list[Plan]:
    """The plan versions naming the person, with the person taken out."""
    rows = conn.execute("SELECT data FROM plans WHERE instr(data, ?) > 0", (quoted(person_id),))
    scrubbed = (without_person(Plan.model_validate_json(r[0]), person_id) for r in rows)
    return [plan for plan in scrubbed if plan is not None]


def _meetings(conn: sqlite3.Connection, person_id: str) -> list[Meeting]:
    """The meetings the person attended, with the person taken out."""
    rows = conn.execute("SELECT data FROM meetings WHERE instr(data, ?) > 0", (quoted(person_id),))
    scrubbed = (meeting_without_person(Meeting.model_validate_json(r[0]), person_id) for r in rows)
    return [m for m in scrubbed if m is not None]


def _named(conn: sqlite3.Connection, person_id: str) -> list[NetworkRole]:
    """Other roles whose member the person named, without the person as namer."""
    rows = conn.execute(
        "SELECT data FROM roles WHERE json_extract(data, '$.named_by') = ? AND person_id <> ?",
        (person_id, person_id),
    )
    scrubbed = (role_without_namer(NetworkRole.model_validate_json(r[0]), person_id) for r in rows)
    return [r for r in scrubbed if r is not None]


class SqliteSubject:
    """The :class:`~tenhands.graph.store.SubjectStore` part of the store."""

    if TYPE_CHECKING:

        def _errors(self) -> AbstractContextManager[None]: ...

        def _tx(self, *, data: bool = True) -> AbstractContextManager[sqlite3.Connection]: ...

        def _read(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]: ...

        def _write_audit(self, conn: sqlite3.Connection, event: AuditEvent) -> None: ...

    def candidates_of_person(self, person_id: str) -> list[Candidate]:
        """Every candidate naming the person, in every case, ordered by id."""
        return [Candidate.model_validate_json(r[0]) for r in self._read(_NAMING, (person_id,))]

    def erase_person(self, person_id: str, *, actor: str) -> Erasure:
        """Remove a person and everything holding their data, in one transaction, with
        one audit event saying so (see :meth:`~tenhands.graph.store.SubjectStore.erase_person`)."""
        check_actor(actor)
        with self._errors(), self._tx() as conn:
            if conn.execute("SELECT 1 FROM persons WHERE id = ?", (person_id,)).fetchone() is None:
                raise NotFound("person", person_id)
            child_of = conn.execute(
                "SELECT case_id FROM case_children WHERE person_id = ? ORDER BY case_id LIMIT 1",
                (person_id,),
            ).fetchone()
            if child_of is not None:
                raise Conflict(
                    f"person {person_id!r} is a child of case {child_of[0]!r}: "
                    "erase or close the case first"
                )
            cases = [
                str(r[0])
                for r in conn.execute(
                    "SELECT case_id FROM roles WHERE person_id = ? ORDER BY case_id", (person_id,)
                )
            ]
            ties = [
                str(r[0])
                for r in conn.execute(
                    "SELECT id FROM ties WHERE source_id = ?1 OR target_id = ?1 ORDER BY id",
                    (person_id,),
                )
            ]
            candidates = _candidates(conn, person_id)
            records = accepted_records(candidates)
            candidate_ids = [c.id for c in candidates]
            change_sets = _change_sets(conn, person_id, candidate_ids, ties, records)
            plans = _plans(conn, person_id)
            meetings = _meetings(conn, person_id)
            named = _named(conn, person_id)

            conn.execute("DELETE FROM ties WHERE source_id = ?1 OR target_id = ?1", (person_id,))
            roles = conn.execute("DELETE FROM roles WHERE person_id = ?", (person_id,)).rowcount
            conn.execute(_DELETE_IN.format(table="change_sets"), (json.dumps(change_sets),))
            conn.execute(_DELETE_IN.format(table="candidates"), (json.dumps(candidate_ids),))
            if candidate_ids:
                conn.execute(NEXT_DECISIONS_REVISION)
            gone_records = conn.execute(
                _DELETE_IN.format(table="records"), (json.dumps(records),)
            ).rowcount
            if gone_records:
                conn.execute(NEXT_RECORDS_REVISION)
            conn.executemany(
                "UPDATE plans SET data = ? WHERE id = ?",
                [(plan.model_dump_json(), plan.id) for plan in plans],
            )
            conn.executemany(
                "UPDATE meetings SET data = ? WHERE id = ?",
                [(m.model_dump_json(), m.id) for m in meetings],
            )
            conn.executemany(
                "UPDATE roles SET data = ? WHERE case_id = ? AND person_id = ?",
                [(r.model_dump_json(), r.case_id, r.person_id) for r in named],
            )
            conn.execute("DELETE FROM persons WHERE id = ?", (person_id,))
            erasure = Erasure(
                person_id=person_id,
                erased_by=actor,
                erased_at=utcnow(),
                cases=cases,
                ties=len(ties),
                roles=roles,
                candidates=len(candidate_ids),
                change_sets=len(change_sets),
                records=gone_records,
                plans=len(plans),
                meetings=len(meetings),
                named=len(named),
            )
            self._write_audit(conn, erasure_event(erasure))
        return erasure
