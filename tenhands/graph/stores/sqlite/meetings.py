"""Meetings and feedback in the sqlite store (a mixin of
:class:`~tenhands.graph.stores.sqlite.store.SqliteStore`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from ...errors import Conflict, InvalidInput, NotFound
from ...model import Feedback, Meeting
from ..checks import page

M = TypeVar("M", bound=BaseModel)


class SqliteMeetings:
    """The :class:`~tenhands.graph.store.MeetingStore` part of the store."""

    if TYPE_CHECKING:

        def _tx(self, *, data: bool = True) -> AbstractContextManager[sqlite3.Connection]: ...

        def _errors(self) -> AbstractContextManager[None]: ...

        def _one(
            self, sql: str, params: Sequence[object], model: type[M], entity: str, key: str
        ) -> M: ...

        def _many(self, sql: str, params: Sequence[object], model: type[M]) -> list[M]: ...

        def get_case(self, case_id: str) -> object: ...

        @staticmethod
        def _exists(conn: sqlite3.Connection, table: str, key: str) -> bool: ...

    # -- meetings -------------------------------------------------------------------

    def add_meeting(self, meeting: Meeting) -> Meeting:
        with self._errors(), self._tx() as conn:
            if not self._exists(conn, "cases", meeting.case_id):
                raise NotFound("case", meeting.case_id)
            if self._exists(conn, "meetings", meeting.id):
                raise Conflict(f"a meeting with id {meeting.id!r} exists already")
            conn.execute(
                "INSERT INTO meetings (id, case_id, held_on, data) VALUES (?, ?, ?, ?)",
                (
                    meeting.id,
                    meeting.case_id,
                    meeting.held_on.isoformat(),
                    meeting.model_dump_json(),
                ),
            )
        return meeting

    def get_meeting(self, meeting_id: str) -> Meeting:
        return self._one(
            "SELECT data FROM meetings WHERE id = ?", (meeting_id,), Meeting, "meeting", meeting_id
        )

    def update_meeting(self, meeting: Meeting) -> Meeting:
        with self._errors(), self._tx() as conn:
            row = conn.execute(
                "SELECT case_id FROM meetings WHERE id = ?", (meeting.id,)
            ).fetchone()
            if row is None:
                raise NotFound("meeting", meeting.id)
            if row[0] != meeting.case_id:
                raise InvalidInput("a meeting stays with its case")
            conn.execute(
                "UPDATE meetings SET held_on = ?, data = ? WHERE id = ?",
                (meeting.held_on.isoformat(), meeting.model_dump_json(), meeting.id),
            )
        return meeting

    def delete_meeting(self, meeting_id: str) -> None:
        with self._errors(), self._tx() as conn:
            if conn.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,)).rowcount == 0:
                raise NotFound("meeting", meeting_id)

    def list_meetings(self, case_id: str) -> list[Meeting]:
        self.get_case(case_id)
        return self._many(
            "SELECT data FROM meetings WHERE case_id = ? ORDER BY held_on, id", (case_id,), Meeting
        )

    # -- feedback -------------------------------------------------------------------

    def add_feedback(self, feedback: Feedback) -> Feedback:
        with self._errors(), self._tx() as conn:
            if not self._exists(conn, "cases", feedback.case_id):
                raise NotFound("case", feedback.case_id)
            if self._exists(conn, "feedback", feedback.id):
                raise Conflict(f"feedback with id {feedback.id!r} exists already")
            if feedback.meeting_id is not None:
                row = conn.execute(
                    "SELECT case_id FROM meetings WHERE id = ?", (feedback.meeting_id,)
                ).fetchone()
                if row is None or row[0] != feedback.case_id:
                    raise NotFound("meeting", feedback.meeting_id)
            conn.execute(
                "INSERT INTO feedback (id, case_id, given_on, data) VALUES (?, ?, ?, ?)",
                (
                    feedback.id,
                    feedback.case_id,
                    feedback.given_on.isoformat(),
                    feedback.model_dump_json(),
                ),
            )
        return feedback

    def list_feedback(
        self,
        *,
        case_id: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Feedback]:
        if case_id is not None:
            self.get_case(case_id)
        return self._many(
            "SELECT data FROM feedback WHERE (?1 IS NULL OR case_id = ?1) "
            "AND (?2 IS NULL OR given_on >= ?2) AND (?3 IS NULL OR given_on <= ?3) "
            "ORDER BY given_on, id LIMIT ?4 OFFSET ?5",
            (
                case_id,
                None if since is None else since.isoformat(),
                None if until is None else until.isoformat(),
                *page(limit, offset),
            ),
            Feedback,
        )
