"""Requests to share a person across a case boundary in the sqlite store (a mixin of
:class:`~tenhands.graph.stores.sqlite.store.SqliteStore`).

A request goes with the case that made it and with the candidate it is for (foreign
keys that cascade), so deleting the case or erasing a person named by the candidate
takes the request too.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from ...errors import NotFound
from ...model import LinkRequest, LinkStatus

M = TypeVar("M", bound=BaseModel)


class SqliteLinks:
    """The :class:`~tenhands.graph.store.LinkStore` part of the store."""

    if TYPE_CHECKING:

        def _tx(self, *, data: bool = True) -> AbstractContextManager[sqlite3.Connection]: ...

        def _errors(self) -> AbstractContextManager[None]: ...

        def _one(
            self, sql: str, params: Sequence[object], model: type[M], entity: str, key: str
        ) -> M: ...

        def _many(self, sql: str, params: Sequence[object], model: type[M]) -> list[M]: ...

        @staticmethod
        def _exists(conn: sqlite3.Connection, table: str, key: str) -> bool: ...

    def save_link(self, link: LinkRequest) -> LinkRequest:
        with self._errors(), self._tx() as conn:
            for table, key, entity in (
                ("cases", link.case_id, "case"),
                ("candidates", link.candidate_id, "candidate"),
                ("persons", link.person_id, "person"),
            ):
                if not self._exists(conn, table, key):
                    raise NotFound(entity, key)
            conn.execute(
                "INSERT INTO links (id, case_id, candidate_id, person_id, status, requested_at, "
                "data) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "case_id = excluded.case_id, candidate_id = excluded.candidate_id, "
                "person_id = excluded.person_id, status = excluded.status, "
                "requested_at = excluded.requested_at, data = excluded.data",
                (
                    link.id,
                    link.case_id,
                    link.candidate_id,
                    link.person_id,
                    link.status.value,
                    link.requested_at.astimezone(UTC).isoformat(timespec="microseconds"),
                    link.model_dump_json(),
                ),
            )
        return link

    def get_link(self, link_id: str) -> LinkRequest:
        return self._one(
            "SELECT data FROM links WHERE id = ?", (link_id,), LinkRequest, "link request", link_id
        )

    def list_links(
        self,
        *,
        case_id: str | None = None,
        person_ids: Iterable[str] | None = None,
        status: LinkStatus | None = None,
    ) -> list[LinkRequest]:
        persons = None if person_ids is None else json.dumps(list(person_ids))
        return self._many(
            "SELECT data FROM links WHERE (?1 IS NULL OR case_id = ?1) "
            "AND (?2 IS NULL OR person_id IN (SELECT value FROM json_each(?2))) "
            "AND (?3 IS NULL OR status = ?3) ORDER BY requested_at DESC, id DESC",
            (case_id, persons, None if status is None else status.value),
            LinkRequest,
        )
