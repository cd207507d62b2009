"""Where persons were left on a case's maps, in the sqlite store (a mixin of
:class:`~tenhands.graph.stores.sqlite.store.SqliteStore`).

A position's foreign keys cascade: deleting the case, or deleting or erasing the person,
takes it too; :meth:`~tenhands.graph.stores.sqlite.store.SqliteStore.remove_role` takes
the person's positions in that case.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from ...errors import InvalidInput, NotFound
from ...model import MapPosition
from ..checks import refuse_duplicates

_MEMBERS = (
    "SELECT person_id FROM case_children WHERE case_id = ?1 "
    "UNION SELECT person_id FROM roles WHERE case_id = ?1"
)

_OUTSIDE = (
    "SELECT j.value FROM json_each(?2) AS j WHERE j.value NOT IN (" + _MEMBERS + ") "
    "ORDER BY j.value LIMIT 1"
)
"""The first of the persons asked who is neither a child nor a member of the case."""


class SqlitePositions:
    """The :class:`~tenhands.graph.store.PositionStore` part of the store."""

    if TYPE_CHECKING:

        def _tx(self, *, data: bool = True) -> AbstractContextManager[sqlite3.Connection]: ...

        def _errors(self) -> AbstractContextManager[None]: ...

        def _read(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]: ...

        def get_case(self, case_id: str) -> object: ...

        @staticmethod
        def _exists(conn: sqlite3.Connection, table: str, key: str) -> bool: ...

        @staticmethod
        def _missing(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> str | None: ...

    def save_positions(self, positions: Sequence[MapPosition]) -> int:
        refuse_duplicates(
            (f"{p.case_id}/{p.view}/{p.person_id}" for p in positions), "map position"
        )
        with self._errors(), self._tx() as conn:
            for case_id in sorted({p.case_id for p in positions}):
                if not self._exists(conn, "cases", case_id):
                    raise NotFound("case", case_id)
                persons = sorted({p.person_id for p in positions if p.case_id == case_id})
                missing = self._missing(conn, "persons", persons)
                if missing is not None:
                    raise NotFound("person", missing)
                outside = conn.execute(_OUTSIDE, (case_id, json.dumps(persons))).fetchone()
                if outside is not None:
                    raise InvalidInput(
                        f"person {outside[0]!r} is not on the maps of case {case_id!r}"
                    )
            conn.executemany(
                "INSERT INTO positions (case_id, view, person_id, x, y) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (case_id, view, person_id) DO UPDATE SET x = excluded.x, "
                "y = excluded.y",
                [(p.case_id, p.view, p.person_id, p.x, p.y) for p in positions],
            )
        return len(positions)

    def list_positions(self, case_id: str, view: str) -> list[MapPosition]:
        self.get_case(case_id)
        rows = self._read(
            "SELECT case_id, view, person_id, x, y FROM positions WHERE case_id = ? AND view = ? "
            "ORDER BY person_id",
            (case_id, view),
        )
        return [MapPosition(case_id=r[0], view=r[1], person_id=r[2], x=r[3], y=r[4]) for r in rows]

    def clear_positions(self, case_id: str, view: str | None = None) -> int:
        with self._errors(), self._tx() as conn:
            if not self._exists(conn, "cases", case_id):
                raise NotFound("case", case_id)
            gone = conn.execute(
                "DELETE FROM positions WHERE case_id = ?1 AND (?2 IS NULL OR view = ?2)",
                (case_id, view),
            ).rowcount
        return int(gone)
