"""The embedded store: one SQLite file, WAL mode, foreign keys on.

Writes go through one connection behind a lock, each call in one transaction
(``BEGIN IMMEDIATE`` … ``COMMIT``), so a failed batch leaves nothing behind.
Reads use one connection per thread, which WAL lets run beside the writer.

A unit of work (:meth:`SqliteStore.atomic`) holds the lock and one ``BEGIN
IMMEDIATE`` for all of its calls: each call inside is a savepoint of it, and reads
inside use the writer's connection, so they see the unit's own writes.

The file (and SQLite's ``-wal`` and ``-shm`` files beside it) can be read and written by
its owner only (0600); folders the store makes for it are 0700.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

from pydantic import BaseModel

from ...errors import Conflict, InvalidInput, NotFound, StoreError, StoreUnavailable
from ...model import (
    AuditAction,
    AuditEvent,
    Candidate,
    Case,
    ChangeSet,
    NetworkRole,
    Person,
    Plan,
    Record,
    ReviewStatus,
    Tie,
    with_stages,
)
from ...store import DEFAULT_BATCH, GraphStore, HoldKind
from ..checks import check_decision, chunks, held, page, refuse_duplicates, role_ids
from ..legacy import LEGACY_FIELD, split_undo_log
from .links import SqliteLinks
from .meetings import SqliteMeetings
from .positions import SqlitePositions
from .schema import (
    DECIDING,
    MIGRATIONS,
    NEXT_DECISIONS_REVISION,
    NEXT_RECORDS_REVISION,
    SCHEMA_VERSION,
)
from .subject import SqliteSubject
from .users import SqliteUsers

if TYPE_CHECKING:
    import networkx as nx

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

_MEMORY = ":memory:"

WRITE_WAIT = 5.0
"""Seconds a write waits for another process's write to end before the store says it
is busy."""

_NEXT_GENERATION = (
    "INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT (key) "
    "DO UPDATE SET value = CAST(value AS INTEGER) + 1"
)

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _private_folder(folder: Path) -> None:
    """Make ``folder`` and the missing folders above it, each 0700."""
    missing: list[Path] = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        with suppress(FileExistsError):
            made.mkdir(mode=FOLDER_MODE)
            os.chmod(made, FOLDER_MODE)  # mkdir's mode passes through the umask


def _private_file(path: Path) -> None:
    """Create the store's file empty and 0600 if it is missing (SQLite gives its -wal and
    -shm files the same mode), and take group and others' access away from the file and
    its companions an earlier version may have left readable."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        with suppress(OSError):  # not there, or not ours to change
            if companion.stat().st_mode & 0o077:
                os.chmod(companion, FILE_MODE)


_HELD: Final[dict[str, tuple[str, str]]] = {
    "candidate": ("SELECT 1 FROM candidates WHERE id = ?", "candidate"),
    "role": ("SELECT 1 FROM roles WHERE case_id = ? AND person_id = ?", "network role"),
    "plan": ("SELECT 1 FROM plans WHERE id = ?", "plan"),
    "case": ("SELECT 1 FROM cases WHERE id = ?", "case"),
    "person": ("SELECT 1 FROM persons WHERE id = ?", "person"),
}
"""How :meth:`SqliteStore.hold` finds each kind of thing, and its name in NotFound."""


@dataclass
class _Unit:
    """The unit of work one thread runs: its connection, how deep its store calls nest,
    and whether they changed data."""

    conn: sqlite3.Connection
    depth: int = 0
    data: bool = False


Params = Sequence[object] | Mapping[str, object]
"""Query parameters: by position (``?``) or by name (``:name``)."""

_RECORD_FILTERS = {
    "case_id": "case_id = :case_id",
    "source": "source_name = :source",
    "within_cases": "(case_id IS NULL OR case_id IN (SELECT value FROM json_each(:within_cases)))",
    "after": "id > :after",
}
"""The filters of :meth:`SqliteStore.list_records`, each used only when given, so the
query planner picks the index of the one that narrows (``records_case``,
``records_source``)."""


def records_query(filters: Iterable[str]) -> str:
    """The query of :meth:`SqliteStore.list_records` with these filters (names of
    :data:`_RECORD_FILTERS`), its parameters named ``:filter``, ``:limit`` and ``:offset``."""
    where = [_RECORD_FILTERS[name] for name in filters]
    return (
        "SELECT data FROM records"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY id LIMIT :limit OFFSET :offset"
    )


def _ids(values: Iterable[str]) -> str:
    """A JSON array for ``json_each(?)``: any number of ids in one parameter."""
    return json.dumps(list(values))


class SqliteStore(SqliteUsers, SqliteSubject, SqliteMeetings, SqliteLinks, SqlitePositions):
    """A :class:`~tenhands.graph.store.GraphStore` in one SQLite file."""

    kind = "sqlite"

    def __init__(self, path: Path | str) -> None:
        self._path = path if path == _MEMORY else Path(path)
        self._write_lock = threading.RLock()
        self._writer: sqlite3.Connection | None = None
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()  # not the write lock: a unit may hold that long
        self._closed = False

    # -- connections --------------------------------------------------------------

    def _connect(self, *, readonly: bool) -> sqlite3.Connection:
        if self._closed:
            raise StoreUnavailable("the store is closed")
        try:
            if self._path == _MEMORY:
                conn = sqlite3.connect(_MEMORY, isolation_level=None, check_same_thread=False)
            else:
                assert isinstance(self._path, Path)
                if readonly:
                    uri = f"{self._path.resolve().as_uri()}?mode=ro"
                    conn = sqlite3.connect(
                        uri, uri=True, isolation_level=None, check_same_thread=False
                    )
                else:
                    _private_file(self._path)
                    conn = sqlite3.connect(
                        self._path, isolation_level=None, check_same_thread=False
                    )
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA foreign_keys = ON")
            if not readonly and isinstance(self._path, Path):
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a write, once acknowledged, survives a power loss too.
                conn.execute("PRAGMA synchronous = FULL")
                _private_file(self._path)  # the -wal and -shm files WAL mode made
        except (sqlite3.Error, OSError) as exc:
            raise StoreUnavailable(f"the SQLite store cannot be opened: {exc}") from exc
        return conn

    def _write_conn(self) -> sqlite3.Connection:
        if self._writer is None:
            self._writer = self._connect(readonly=False)
            # Waiting for another process's write is done in _begin, in short steps:
            # SQLite's own busy handler sleeps up to 100 ms at a time.
            self._writer.execute("PRAGMA busy_timeout = 0")
        return self._writer

    def _begin(self, conn: sqlite3.Connection) -> None:
        """Start a write transaction, waiting (at most :data:`WRITE_WAIT` seconds, in
        steps of about a millisecond) while another process writes."""
        deadline = time.monotonic() + WRITE_WAIT
        pause = 0.0005
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                busy = "locked" in str(exc) or "busy" in str(exc)
                if not busy or time.monotonic() >= deadline:
                    raise StoreUnavailable(f"the SQLite store is busy: {exc}") from exc
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 1.5, 0.004)

    def _read_conn(self) -> sqlite3.Connection:
        if self._path == _MEMORY:
            return self._write_conn()
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect(readonly=True)
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    def _unit(self) -> _Unit | None:
        """The unit of work this thread runs, if any."""
        unit: _Unit | None = getattr(self._local, "unit", None)
        return unit

    @contextmanager
    def _tx(self, *, data: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction; any error rolls everything back. ``data``: it may change
        what the store holds about persons and cases, so the :meth:`generation` moves on
        (the audit log, users and tokens leave it alone). Inside a unit of work, a
        savepoint of the unit's transaction instead."""
        unit = self._unit()
        if unit is not None:
            with self._savepoint(unit, data=data) as conn:
                yield conn
            return
        with self._write_lock:
            conn = self._write_conn()
            self._begin(conn)
            try:
                yield conn
                if data:
                    conn.execute(_NEXT_GENERATION)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")

    @staticmethod
    @contextmanager
    def _savepoint(unit: _Unit, *, data: bool) -> Iterator[sqlite3.Connection]:
        """One store call inside a unit of work: a failed call takes back its own writes."""
        unit.depth += 1
        name = f"call_{unit.depth}"
        conn = unit.conn
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        else:
            conn.execute(f"RELEASE {name}")
            unit.data = unit.data or data
        finally:
            unit.depth -= 1

    def atomic(self, work: Callable[[GraphStore], T]) -> T:
        """Run ``work(self)`` in one ``BEGIN IMMEDIATE`` … ``COMMIT`` under the write lock;
        a unit inside a unit joins it."""
        if self._unit() is not None:
            return work(self)
        with self._write_lock:
            with self._errors():
                conn = self._write_conn()
                self._begin(conn)
            unit = _Unit(conn)
            self._local.unit = unit
            try:
                result = work(self)
                with self._errors():
                    if unit.data:
                        conn.execute(_NEXT_GENERATION)
                    conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            finally:
                self._local.unit = None
            return result

    def hold(self, kind: HoldKind, key: str) -> None:
        """Writers are one at a time already; only check that the thing exists."""
        sql, entity = held(kind, _HELD, in_unit=self._unit() is not None)
        params = role_ids(key) if kind == "role" else (key,)
        if not self._read(sql, params):
            raise NotFound(entity, key)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn sqlite3 errors that escape the checks into domain errors."""
        try:
            yield
        except StoreError:
            raise
        except sqlite3.IntegrityError as exc:
            raise Conflict(f"the change clashes with what is stored ({exc})") from exc
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(f"the SQLite store did not answer: {exc}") from exc
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"the SQLite store failed: {exc}") from exc

    def _read(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        with self._errors():
            unit = self._unit()
            if unit is not None:
                return list(unit.conn.execute(sql, params))
            if self._path == _MEMORY:
                with self._write_lock:
                    return list(self._write_conn().execute(sql, params))
            return list(self._read_conn().execute(sql, params))

    # -- lifecycle ----------------------------------------------------------------

    def init_schema(self) -> None:
        if isinstance(self._path, Path):
            try:
                _private_folder(self._path.parent)
            except OSError as exc:
                raise StoreUnavailable(f"cannot create the store's folder: {exc}") from exc
        with self._errors(), self._tx() as conn:
            has_meta = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
            ).fetchone()
            version = 0
            if has_meta:
                row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise InvalidInput(
                    f"the store has schema version {version}, newer than this TenHands "
                    f"({SCHEMA_VERSION}): upgrade TenHands"
                )
            for script in MIGRATIONS[version:]:
                for statement in script.split(";\n"):
                    if statement.strip():
                        conn.execute(statement)
            if has_meta and version < 3:
                self._move_undo_logs(conn)
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )

    def _move_undo_logs(self, conn: sqlite3.Connection) -> None:
        """Migration 2 → 3: undo logs leave the candidates' explanations for change sets."""
        rows = conn.execute(
            "SELECT data FROM candidates WHERE instr(data, ?) > 0 ORDER BY id",
            (f'"{LEGACY_FIELD}"',),
        ).fetchall()

        def person(person_id: str) -> Person | None:
            row = conn.execute("SELECT data FROM persons WHERE id = ?", (person_id,)).fetchone()
            return None if row is None else Person.model_validate_json(row[0])

        for row in rows:
            split = split_undo_log(Candidate.model_validate_json(row[0]), person)
            if split is None:
                continue
            candidate, change_set = split
            self._write_candidate(conn, candidate)
            if change_set is not None:
                self._write_change_set(conn, change_set)

    @property
    def schema_version(self) -> int:
        rows = self._read("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    def generation(self) -> int | None:
        row = self._read("SELECT value FROM meta WHERE key = 'generation'")
        return int(row[0][0]) if row else 0

    def _revision(self, key: str) -> str:
        rows = self._read("SELECT key, value FROM meta WHERE key IN ('revision_epoch', ?)", (key,))
        held = {str(r[0]): str(r[1]) for r in rows}
        return f"{held.get('revision_epoch', '')}:{held.get(key, '0')}"

    def records_revision(self) -> str:
        return self._revision("records_revision")

    def decisions_revision(self) -> str:
        return self._revision("decisions_revision")

    def ping(self) -> bool:
        try:
            self._read("SELECT count(*) FROM meta")
        except StoreError:
            return False
        return True

    def describe(self) -> str:
        return f"sqlite:///{self._path}"

    def close(self) -> None:
        with self._write_lock:
            with self._readers_lock:
                for conn in self._readers:
                    conn.close()
                self._readers.clear()
            if self._writer is not None:
                self._writer.close()
                self._writer = None
            self._closed = True

    # -- shared helpers -----------------------------------------------------------

    def _one(self, sql: str, params: Sequence[object], model: type[M], entity: str, key: str) -> M:
        rows = self._read(sql, params)
        if not rows:
            raise NotFound(entity, key)
        return model.model_validate_json(rows[0][0])

    def _many(self, sql: str, params: Params, model: type[M]) -> list[M]:
        return [model.model_validate_json(r[0]) for r in self._read(sql, params)]

    @staticmethod
    def _exists(conn: sqlite3.Connection, table: str, key: str) -> bool:
        return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (key,)).fetchone() is not None

    @staticmethod
    def _missing(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> str | None:
        """The first of ``ids`` that ``table`` lacks, if any."""
        row = conn.execute(
            f"SELECT j.value FROM json_each(?) AS j LEFT JOIN {table} AS t ON t.id = j.value "
            "WHERE t.id IS NULL LIMIT 1",
            (_ids(ids),),
        ).fetchone()
        return None if row is None else str(row[0])

    # -- persons ------------------------------------------------------------------

    _UPSERT_PERSON = (
        "INSERT INTO persons (id, surname, source_ref, source_name, data) "
        "VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET surname = excluded.surname, "
        "source_ref = excluded.source_ref, source_name = excluded.source_name, "
        "data = excluded.data"
    )

    def create_person(self, person: Person) -> Person:
        with self._errors(), self._tx() as conn:
            if self._exists(conn, "persons", person.id):
                raise Conflict(f"a person with id {person.id!r} exists already")
            conn.execute(self._UPSERT_PERSON, _person_row(person))
        return person

    def get_person(self, person_id: str) -> Person:
        return self._one(
            "SELECT data FROM persons WHERE id = ?", (person_id,), Person, "person", person_id
        )

    def get_persons(self, person_ids: Iterable[str]) -> list[Person]:
        return self._many(
            "SELECT p.data FROM json_each(?) AS j JOIN persons AS p ON p.id = j.value "
            "ORDER BY j.key",
            (_ids(person_ids),),
            Person,
        )

    def update_person(self, person: Person) -> Person:
        with self._errors(), self._tx() as conn:
            if not self._exists(conn, "persons", person.id):
                raise NotFound("person", person.id)
            conn.execute(self._UPSERT_PERSON, _person_row(person))
        return person

    def delete_person(self, person_id: str, *, cascade: bool = False) -> None:
        with self._errors(), self._tx() as conn:
            if not self._exists(conn, "persons", person_id):
                raise NotFound("person", person_id)
            child_of = conn.execute(
                "SELECT case_id FROM case_children WHERE person_id = ? ORDER BY case_id LIMIT 1",
                (person_id,),
            ).fetchone()
            if child_of is not None:
                raise Conflict(
                    f"person {person_id!r} is a child of case {child_of[0]!r}: "
                    "change or delete the case first"
                )
            in_use = conn.execute(
                "SELECT (SELECT count(*) FROM ties WHERE source_id = ?1 OR target_id = ?1), "
                "(SELECT count(*) FROM roles WHERE person_id = ?1)",
                (person_id,),
            ).fetchone()
            if (in_use[0] or in_use[1]) and not cascade:
                raise Conflict(
                    f"person {person_id!r} has {in_use[0]} ties and {in_use[1]} network roles: "
                    "remove them first or delete with cascade"
                )
            conn.execute("DELETE FROM ties WHERE source_id = ?1 OR target_id = ?1", (person_id,))
            conn.execute("DELETE FROM roles WHERE person_id = ?", (person_id,))
            conn.execute("DELETE FROM persons WHERE id = ?", (person_id,))

    def list_persons(self, *, limit: int = 100, offset: int = 0) -> list[Person]:
        return self._many(
            "SELECT data FROM persons ORDER BY id LIMIT ? OFFSET ?", page(limit, offset), Person
        )

    def count_persons(self) -> int:
        return int(self._read("SELECT count(*) FROM persons")[0][0])

    def find_persons_by_source(self, ref: str, *, name: str | None = None) -> list[Person]:
        return self._many(
            "SELECT data FROM persons WHERE source_ref = ?1 AND (?2 IS NULL OR source_name = ?2) "
            "ORDER BY id",
            (ref, name),
            Person,
        )

    def upsert_persons(self, persons: Sequence[Person], *, batch_size: int = DEFAULT_BATCH) -> int:
        refuse_duplicates((p.id for p in persons), "person")
        rows = [_person_row(p) for p in persons]
        with self._errors(), self._tx() as conn:
            for chunk in chunks(rows, batch_size):
                conn.executemany(self._UPSERT_PERSON, chunk)
        return len(rows)

    # -- ties ---------------------------------------------------------------------

    _UPSERT_TIE = (
        "INSERT INTO ties (id, source_id, target_id, kind, data) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET source_id = excluded.source_id, "
        "target_id = excluded.target_id, kind = excluded.kind, data = excluded.data"
    )

    def _check_ends(self, conn: sqlite3.Connection, ties: Iterable[Tie]) -> None:
        ends = {i for t in ties for i in (t.source_id, t.target_id)}
        missing = self._missing(conn, "persons", sorted(ends))
        if missing is not None:
            raise NotFound("person", missing)

    def create_tie(self, tie: Tie) -> Tie:
        with self._errors(), self._tx() as conn:
            self._check_ends(conn, [tie])
            if self._exists(conn, "ties", tie.id):
                raise Conflict(f"a tie with id {tie.id!r} exists already")
            conn.execute(self._UPSERT_TIE, _tie_row(tie))
        return tie

    def get_tie(self, tie_id: str) -> Tie:
        return self._one("SELECT data FROM ties WHERE id = ?", (tie_id,), Tie, "tie", tie_id)

    def get_ties(self, tie_ids: Iterable[str]) -> list[Tie]:
        rows = self._read(
            "SELECT j.value, t.data FROM json_each(?) AS j LEFT JOIN ties AS t ON t.id = j.value "
            "ORDER BY j.key",
            (_ids(tie_ids),),
        )
        missing = [str(r[0]) for r in rows if r[1] is None]
        if missing:
            raise NotFound("tie", ", ".join(dict.fromkeys(missing)))
        return [Tie.model_validate_json(r[1]) for r in rows]

    def update_tie(self, tie: Tie) -> Tie:
        with self._errors(), self._tx() as conn:
            if not self._exists(conn, "ties", tie.id):
                raise NotFound("tie", tie.id)
            self._check_ends(conn, [tie])
            conn.execute(self._UPSERT_TIE, _tie_row(tie))
        return tie

    def delete_tie(self, tie_id: str) -> None:
        with self._errors(), self._tx() as conn:
            if conn.execute("DELETE FROM ties WHERE id = ?", (tie_id,)).rowcount == 0:
                raise NotFound("tie", tie_id)

    def ties_of(self, person_id: str) -> list[Tie]:
        self.get_person(person_id)
        return self._many(
            "SELECT data FROM ties WHERE source_id = ?1 OR target_id = ?1 ORDER BY id",
            (person_id,),
            Tie,
        )

    def upsert_ties(self, ties: Sequence[Tie], *, batch_size: int = DEFAULT_BATCH) -> int:
        refuse_duplicates((t.id for t in ties), "tie")
        rows = [_tie_row(t) for t in ties]
        with self._errors(), self._tx() as conn:
            self._check_ends(conn, ties)
            for chunk in chunks(rows, batch_size):
                conn.executemany(self._UPSERT_TIE, chunk)
        return len(rows)

    # -- cases and roles ----------------------------------------------------------

    def _write_case(self, conn: sqlite3.Connection, case: Case) -> None:
        missing = self._missing(conn, "persons", case.child_ids)
        if missing is not None:
            raise NotFound("person", missing)
        conn.execute(
            "INSERT INTO cases (id, data) VALUES (?, ?) "
            "ON CONFLICT (id) DO UPDATE SET data = excluded.data",
            (case.id, case.model_dump_json()),
        )
        conn.execute("DELETE FROM case_children WHERE case_id = ?", (case.id,))
        conn.executemany(
            "INSERT INTO case_children (case_id, person_id, ord) VALUES (?, ?, ?)",
            [(case.id, child, n) for n, child in enumerate(case.child_ids)],
        )

    def create_case(self, case: Case) -> Case:
        with self._errors(), self._tx() as conn:
            if self._exists(conn, "cases", case.id):
                raise Conflict(f"a case with id {case.id!r} exists already")
            self._write_case(conn, case)
        return case

    def get_case(self, case_id: str) -> Case:
        return self._one("SELECT data FROM cases WHERE id = ?", (case_id,), Case, "case", case_id)

    def update_case(self, case: Case) -> Case:
        with self._errors(), self._tx() as conn:
            if not self._exists(conn, "cases", case.id):
                raise NotFound("case", case.id)
            self._write_case(conn, case)
        return case

    def delete_case(self, case_id: str) -> None:
        with self._errors(), self._tx() as conn:
            if conn.execute("DELETE FROM cases WHERE id = ?", (case_id,)).rowcount == 0:
                raise NotFound("case", case_id)
            conn.execute(NEXT_DECISIONS_REVISION)  # its candidates went with it

    def list_cases(self, *, limit: int = 100, offset: int = 0) -> list[Case]:
        return self._many(
            "SELECT data FROM cases ORDER BY id LIMIT ? OFFSET ?", page(limit, offset), Case
        )

    _UPSERT_ROLE = (
        "INSERT INTO roles (case_id, person_id, data) VALUES (?, ?, ?) "
        "ON CONFLICT (case_id, person_id) DO UPDATE SET data = excluded.data"
    )

    def _check_roles(self, conn: sqlite3.Connection, roles: Sequence[NetworkRole]) -> None:
        case = self._missing(conn, "cases", sorted({r.case_id for r in roles}))
        if case is not None:
            raise NotFound("case", case)
        person = self._missing(conn, "persons", sorted({r.person_id for r in roles}))
        if person is not None:
            raise NotFound("person", person)

    def set_role(self, role: NetworkRole) -> NetworkRole:
        return self._upsert_roles([role])[0]

    def upsert_roles(self, roles: Sequence[NetworkRole]) -> int:
        return len(self._upsert_roles(roles))

    def _upsert_roles(self, roles: Sequence[NetworkRole]) -> list[NetworkRole]:
        """Store the roles, each continuing its stored engagement history; returns them
        as stored."""
        refuse_duplicates((f"{r.case_id}/{r.person_id}" for r in roles), "network role")
        with self._errors(), self._tx() as conn:
            self._check_roles(conn, roles)
            kept = [with_stages(self._stored_role(conn, r), r) for r in roles]
            conn.executemany(
                self._UPSERT_ROLE, [(r.case_id, r.person_id, r.model_dump_json()) for r in kept]
            )
        return kept

    @staticmethod
    def _stored_role(conn: sqlite3.Connection, role: NetworkRole) -> NetworkRole | None:
        row = conn.execute(
            "SELECT data FROM roles WHERE case_id = ? AND person_id = ?",
            (role.case_id, role.person_id),
        ).fetchone()
        return None if row is None else NetworkRole.model_validate_json(row[0])

    def get_role(self, case_id: str, person_id: str) -> NetworkRole:
        return self._one(
            "SELECT data FROM roles WHERE case_id = ? AND person_id = ?",
            (case_id, person_id),
            NetworkRole,
            "network role",
            f"{case_id}/{person_id}",
        )

    def remove_role(self, case_id: str, person_id: str) -> None:
        with self._errors(), self._tx() as conn:
            gone = conn.execute(
                "DELETE FROM roles WHERE case_id = ? AND person_id = ?", (case_id, person_id)
            ).rowcount
            if gone == 0:
                raise NotFound("network role", f"{case_id}/{person_id}")
            conn.execute(
                "DELETE FROM positions WHERE case_id = ? AND person_id = ?", (case_id, person_id)
            )

    def list_roles(self, case_id: str) -> list[NetworkRole]:
        self.get_case(case_id)
        return self._many(
            "SELECT data FROM roles WHERE case_id = ? ORDER BY person_id", (case_id,), NetworkRole
        )

    def roles_of(self, person_id: str) -> list[NetworkRole]:
        with self._errors(), self._read_tx() as conn:
            if not self._exists(conn, "persons", person_id):
                raise NotFound("person", person_id)
            rows = conn.execute(
                "SELECT data FROM roles WHERE person_id = ? ORDER BY case_id", (person_id,)
            ).fetchall()
        return [NetworkRole.model_validate_json(r[0]) for r in rows]

    def cases_of(self, person_id: str) -> list[str]:
        self.get_person(person_id)
        rows = self._read(
            "SELECT case_id FROM case_children WHERE person_id = ?1 "
            "UNION SELECT case_id FROM roles WHERE person_id = ?1 ORDER BY 1",
            (person_id,),
        )
        return [str(r[0]) for r in rows]

    # -- graph queries ------------------------------------------------------------

    def case_subgraph(self, case_id: str) -> nx.MultiDiGraph:
        with self._errors(), self._read_tx() as conn:
            case_row = conn.execute("SELECT data FROM cases WHERE id = ?", (case_id,)).fetchone()
            if case_row is None:
                raise NotFound("case", case_id)
            members = (
                "SELECT person_id FROM case_children WHERE case_id = ?1 "
                "UNION SELECT person_id FROM roles WHERE case_id = ?1"
            )
            persons = conn.execute(
                f"SELECT p.data FROM persons AS p WHERE p.id IN ({members}) ORDER BY p.id",
                (case_id,),
            ).fetchall()
            ties = conn.execute(
                f"SELECT data FROM ties WHERE source_id IN ({members}) "
                f"AND target_id IN ({members}) ORDER BY id",
                (case_id,),
            ).fetchall()
            roles = conn.execute(
                "SELECT data FROM roles WHERE case_id = ? ORDER BY person_id", (case_id,)
            ).fetchall()
        from ...network import build_graph  # networkx, only for the commands that draw

        return build_graph(
            (Person.model_validate_json(r[0]) for r in persons),
            (Tie.model_validate_json(r[0]) for r in ties),
            case=Case.model_validate_json(case_row[0]),
            roles=(NetworkRole.model_validate_json(r[0]) for r in roles),
        )

    def neighbourhood(self, person_id: str, hops: int) -> nx.MultiDiGraph:
        if hops < 0:
            raise InvalidInput("hops must be 0 or more")
        with self._errors(), self._read_tx() as conn:
            if conn.execute("SELECT 1 FROM persons WHERE id = ?", (person_id,)).fetchone() is None:
                raise NotFound("person", person_id)
            reached = {person_id}
            frontier = [person_id]
            for _ in range(hops):
                if not frontier:
                    break
                ends = conn.execute(
                    "SELECT source_id, target_id FROM ties "
                    "WHERE source_id IN (SELECT value FROM json_each(?1)) "
                    "OR target_id IN (SELECT value FROM json_each(?1))",
                    (_ids(frontier),),
                ).fetchall()
                found = {i for row in ends for i in row} - reached
                reached |= found
                frontier = sorted(found)
            ids = _ids(sorted(reached))
            persons = conn.execute(
                "SELECT data FROM persons WHERE id IN (SELECT value FROM json_each(?1)) "
                "ORDER BY id",
                (ids,),
            ).fetchall()
            ties = conn.execute(
                "SELECT data FROM ties WHERE source_id IN (SELECT value FROM json_each(?1)) "
                "AND target_id IN (SELECT value FROM json_each(?1)) ORDER BY id",
                (ids,),
            ).fetchall()
        from ...network import build_graph  # networkx, only for the commands that draw

        return build_graph(
            (Person.model_validate_json(r[0]) for r in persons),
            (Tie.model_validate_json(r[0]) for r in ties),
        )

    @contextmanager
    def _read_tx(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one consistent state of the store."""
        unit = self._unit()
        if unit is not None:
            yield unit.conn
            return
        if self._path == _MEMORY:
            with self._write_lock:
                yield self._write_conn()
            return
        conn = self._read_conn()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    # -- plans ----------------------------------------------------------------------

    def add_plan(self, plan: Plan) -> Plan:
        with self._errors(), self._tx() as conn:
            if not self._exists(conn, "cases", plan.case_id):
                raise NotFound("case", plan.case_id)
            if self._exists(conn, "plans", plan.id):
                raise Conflict(f"a plan with id {plan.id!r} exists already")
            taken = conn.execute(
                "SELECT 1 FROM plans WHERE case_id = ? AND version = ?",
                (plan.case_id, plan.version),
            ).fetchone()
            if taken:
                raise Conflict(f"case {plan.case_id!r} has a plan version {plan.version} already")
            conn.execute(
                "INSERT INTO plans (id, case_id, version, data) VALUES (?, ?, ?, ?)",
                (plan.id, plan.case_id, plan.version, plan.model_dump_json()),
            )
        return plan

    def update_plan(self, plan: Plan) -> Plan:
        with self._errors(), self._tx() as conn:
            row = conn.execute(
                "SELECT case_id, version FROM plans WHERE id = ?", (plan.id,)
            ).fetchone()
            if row is None:
                raise NotFound("plan", plan.id)
            if (row[0], row[1]) != (plan.case_id, plan.version):
                raise InvalidInput("a plan version keeps its case and version number")
            conn.execute(
                "UPDATE plans SET data = ? WHERE id = ?", (plan.model_dump_json(), plan.id)
            )
        return plan

    def get_plan(self, plan_id: str) -> Plan:
        return self._one("SELECT data FROM plans WHERE id = ?", (plan_id,), Plan, "plan", plan_id)

    def list_plans(self, case_id: str) -> list[Plan]:
        self.get_case(case_id)
        return self._many(
            "SELECT data FROM plans WHERE case_id = ? ORDER BY version", (case_id,), Plan
        )

    # -- records ----------------------------------------------------------------------

    def add_records(self, records: Sequence[Record]) -> int:
        refuse_duplicates((r.id for r in records), "record")
        with self._errors(), self._tx() as conn:
            taken = conn.execute(
                "SELECT r.id FROM json_each(?) AS j JOIN records AS r ON r.id = j.value LIMIT 1",
                (_ids(r.id for r in records),),
            ).fetchone()
            if taken is not None:
                raise Conflict(f"a record with id {taken[0]!r} exists already")
            conn.executemany(
                "INSERT INTO records (id, case_id, source_name, data) VALUES (?, ?, ?, ?)",
                [(r.id, r.case_id, r.provenance.source.name, r.model_dump_json()) for r in records],
            )
            if records:
                conn.execute(NEXT_RECORDS_REVISION)
        return len(records)

    def get_record(self, record_id: str) -> Record:
        return self._one(
            "SELECT data FROM records WHERE id = ?", (record_id,), Record, "record", record_id
        )

    def list_records(
        self,
        *,
        case_id: str | None = None,
        source: str | None = None,
        within_cases: Sequence[str] | None = None,
        limit: int = 1000,
        offset: int = 0,
        after: str | None = None,
    ) -> list[Record]:
        given = {
            "case_id": case_id,
            "source": source,
            "within_cases": None if within_cases is None else _ids(within_cases),
            "after": after,
        }
        sql = records_query(name for name, value in given.items() if value is not None)
        limit, offset = page(limit, offset)
        return self._many(sql, {**given, "limit": limit, "offset": offset}, Record)

    # -- candidates -------------------------------------------------------------------

    def _write_candidate(self, conn: sqlite3.Connection, candidate: Candidate) -> None:
        if candidate.case_id is not None and not self._exists(conn, "cases", candidate.case_id):
            raise NotFound("case", candidate.case_id)
        conn.execute(DECIDING, (candidate.status.value, candidate.id))
        conn.execute(
            "INSERT INTO candidates (id, case_id, score, status, data) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, "
            "score = excluded.score, status = excluded.status, data = excluded.data",
            (
                candidate.id,
                candidate.case_id,
                candidate.score,
                candidate.status.value,
                candidate.model_dump_json(),
            ),
        )

    def save_candidate(self, candidate: Candidate) -> Candidate:
        with self._errors(), self._tx() as conn:
            self._write_candidate(conn, candidate)
        return candidate

    def record_decision(
        self,
        candidate: Candidate,
        event: AuditEvent,
        *,
        change_set: ChangeSet | None = None,
    ) -> Candidate:
        check_decision(candidate, change_set)
        with self._errors(), self._tx() as conn:
            self._write_candidate(conn, candidate)
            if change_set is not None:
                self._write_change_set(conn, change_set)
            elif candidate.status is ReviewStatus.pending:
                conn.execute("DELETE FROM change_sets WHERE subject_id = ?", (candidate.id,))
            self._write_audit(conn, event)
        return candidate

    def get_candidate(self, candidate_id: str) -> Candidate:
        return self._one(
            "SELECT data FROM candidates WHERE id = ?",
            (candidate_id,),
            Candidate,
            "candidate",
            candidate_id,
        )

    def list_candidates(
        self, case_id: str, *, status: ReviewStatus | None = None
    ) -> list[Candidate]:
        self.get_case(case_id)
        return self._many(
            "SELECT data FROM candidates WHERE case_id = ?1 AND (?2 IS NULL OR status = ?2) "
            "ORDER BY score DESC, id",
            (case_id, None if status is None else status.value),
            Candidate,
        )

    # -- change sets ------------------------------------------------------------------

    _CHANGE_SET_COLUMNS = (
        "id, subject_id, case_id, kind, created_at, created_by, "
        "created_refs, before_images, after_images"
    )

    def _write_change_set(self, conn: sqlite3.Connection, change_set: ChangeSet) -> None:
        if change_set.case_id is not None and not self._exists(conn, "cases", change_set.case_id):
            raise NotFound("case", change_set.case_id)
        conn.execute(
            "DELETE FROM change_sets WHERE subject_id = ? AND id <> ?",
            (change_set.subject_id, change_set.id),
        )
        conn.execute(
            f"INSERT INTO change_sets ({self._CHANGE_SET_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET subject_id = excluded.subject_id, "
            "case_id = excluded.case_id, kind = excluded.kind, "
            "created_at = excluded.created_at, created_by = excluded.created_by, "
            "created_refs = excluded.created_refs, before_images = excluded.before_images, "
            "after_images = excluded.after_images",
            _change_set_row(change_set),
        )

    def _change_sets(self, where: str, key: str) -> list[ChangeSet]:
        rows = self._read(
            f"SELECT {self._CHANGE_SET_COLUMNS} FROM change_sets WHERE {where} = ?", (key,)
        )
        return [_change_set_from_row(r) for r in rows]

    def save_change_set(self, change_set: ChangeSet) -> ChangeSet:
        with self._errors(), self._tx() as conn:
            self._write_change_set(conn, change_set)
        return change_set

    def get_change_set(self, change_set_id: str) -> ChangeSet:
        found = self._change_sets("id", change_set_id)
        if not found:
            raise NotFound("change set", change_set_id)
        return found[0]

    def change_set_for(self, subject_id: str) -> ChangeSet | None:
        found = self._change_sets("subject_id", subject_id)
        return found[0] if found else None

    def delete_change_set(self, change_set_id: str) -> None:
        with self._errors(), self._tx() as conn:
            gone = conn.execute("DELETE FROM change_sets WHERE id = ?", (change_set_id,)).rowcount
            if gone == 0:
                raise NotFound("change set", change_set_id)

    # -- audit --------------------------------------------------------------------------

    _INSERT_AUDIT = (
        "INSERT INTO audit (id, at, actor, case_id, entity_id, action, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"
    )

    def _write_audit(self, conn: sqlite3.Connection, event: AuditEvent) -> None:
        if self._exists(conn, "audit", event.id):
            raise Conflict(f"an audit event with id {event.id!r} exists already")
        conn.execute(self._INSERT_AUDIT, _audit_row(event))

    def append_audit(self, event: AuditEvent) -> None:
        with self._errors(), self._tx(data=False) as conn:
            self._write_audit(conn, event)

    def append_audit_many(self, events: Sequence[AuditEvent]) -> int:
        refuse_duplicates((e.id for e in events), "audit event")
        if not events:
            return 0
        with self._errors(), self._tx(data=False) as conn:
            taken = conn.execute(
                "SELECT a.id FROM json_each(?) AS j JOIN audit AS a ON a.id = j.value LIMIT 1",
                (_ids(e.id for e in events),),
            ).fetchone()
            if taken is not None:
                raise Conflict(f"an audit event with id {taken[0]!r} exists already")
            conn.executemany(self._INSERT_AUDIT, [_audit_row(e) for e in events])
        return len(events)

    def list_audit(
        self,
        *,
        case_id: str | None = None,
        actor: str | None = None,
        entity_id: str | None = None,
        action: AuditAction | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[AuditEvent]:
        where, params = _audit_filter(case_id, actor, entity_id, action, since, until)
        return self._many(
            f"SELECT data FROM audit{where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
            (*params, *page(limit, offset)),
            AuditEvent,
        )

    def count_audit(
        self,
        *,
        case_id: str | None = None,
        actor: str | None = None,
        entity_id: str | None = None,
        action: AuditAction | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int:
        where, params = _audit_filter(case_id, actor, entity_id, action, since, until)
        return int(self._read(f"SELECT count(*) FROM audit{where}", params)[0][0])


def _instant(value: datetime) -> str:
    """A time as the audit column keeps it: UTC, to the microsecond, so text order is
    time order (a naive time is taken to be UTC already)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _audit_row(event: AuditEvent) -> tuple[str | None, ...]:
    return (
        event.id,
        _instant(event.at),
        event.actor,
        event.case_id,
        event.entity_id,
        event.action.value,
        event.model_dump_json(),
    )


def _audit_filter(
    case_id: str | None,
    actor: str | None,
    entity_id: str | None,
    action: AuditAction | None,
    since: datetime | None,
    until: datetime | None,
) -> tuple[str, list[object]]:
    """The ``WHERE`` clause and parameters of the filters given: fixed text only, so
    each query names the columns its indexes cover."""
    given: list[tuple[str, object]] = [
        ("case_id = ?", case_id),
        ("actor = ?", actor),
        ("entity_id = ?", entity_id),
        ("action = ?", None if action is None else AuditAction(action).value),
        ("at >= ?", None if since is None else _instant(since)),
        ("at < ?", None if until is None else _instant(until)),
    ]
    clauses = [(clause, value) for clause, value in given if value is not None]
    if not clauses:
        return "", []
    return " WHERE " + " AND ".join(c for c, _ in clauses), [v for _, v in clauses]


def _person_row(p: Person) -> tuple[str, str | None, str | None, str | None, str]:
    source = p.provenance.source
    return (p.id, p.surname, source.ref, source.name, p.model_dump_json())


def _change_set_row(cs: ChangeSet) -> tuple[str | None, ...]:
    data = cs.model_dump(mode="json")
    return (
        cs.id,
        cs.subject_id,
        cs.case_id,
        cs.kind,
        cs.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        cs.created_by,
        json.dumps(data["created"]),
        json.dumps(data["before"]),
        json.dumps(data["after"]),
    )


def _change_set_from_row(row: sqlite3.Row) -> ChangeSet:
    return ChangeSet.model_validate(
        {
            "id": row[0],
            "subject_id": row[1],
            "case_id": row[2],
            "kind": row[3],
            "created_at": row[4],
            "created_by": row[5],
            "created": json.loads(row[6]),
            "before": json.loads(row[7]),
            "after": json.loads(row[8]),
        }
    )


def _tie_row(t: Tie) -> tuple[str, str, str, str, str]:
    return (t.id, t.source_id, t.target_id, t.kind.value, t.model_dump_json())
