"""Meetings and feedback in the neo4j store (a mixin of
:class:`~tenhands.graph.stores.neo4j.store.Neo4jStore`).

The graph shape: ``(:Meeting {id, case_id, held_on, data})`` and
``(:Feedback {id, case_id, given_on, data})``, the dates as ISO text (so text order is
date order); ``data`` holds the model's full JSON. Deleting a case deletes both.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Concatenate, Final, LiteralString, ParamSpec, TypeVar

from neo4j import ManagedTransaction
from neo4j import Record as Neo4jRecord

from ...errors import Conflict, InvalidInput, NotFound
from ...model import Feedback, Meeting
from ..checks import page
from . import cypher

_P = ParamSpec("_P")
_R = TypeVar("_R")

SCHEMA: Final[tuple[str, ...]] = (
    "CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX meeting_case_id IF NOT EXISTS FOR (n:Meeting) ON (n.case_id)",
    "CREATE CONSTRAINT feedback_id IF NOT EXISTS FOR (n:Feedback) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX feedback_case_id IF NOT EXISTS FOR (n:Feedback) ON (n.case_id)",
    "CREATE INDEX feedback_given_on IF NOT EXISTS FOR (n:Feedback) ON (n.given_on)",
)

MEETING_CASE: Final = "MATCH (n:Meeting {id: $id}) RETURN n.case_id AS case_id"

CREATE_MEETING: Final = "CREATE (n:Meeting $props)"

SET_MEETING: Final = "MATCH (n:Meeting {id: $id}) SET n = $props"

GET_MEETING: Final = "MATCH (n:Meeting {id: $id}) RETURN n.data AS data"

DELETE_MEETING: Final = "MATCH (n:Meeting {id: $id}) DELETE n RETURN count(*) AS n"

LIST_MEETINGS: Final = """
MATCH (c:Case {id: $case_id})
RETURN COLLECT {
    MATCH (n:Meeting {case_id: $case_id}) WITH n ORDER BY n.held_on, n.id RETURN n.data
} AS data
"""
"""One row (the case's meetings) if the case exists, none if not."""

FEEDBACK_EXISTS: Final = "MATCH (n:Feedback {id: $id}) RETURN count(n) AS n"

CREATE_FEEDBACK: Final = "CREATE (n:Feedback $props)"

LIST_FEEDBACK: Final = """
MATCH (n:Feedback)
WHERE ($case_id IS NULL OR n.case_id = $case_id)
  AND ($since IS NULL OR n.given_on >= $since)
  AND ($until IS NULL OR n.given_on <= $until)
RETURN n.data AS data
ORDER BY n.given_on, n.id
SKIP $offset LIMIT $limit
"""

DELETE_CASE_MEETINGS: Final = """
MATCH (n) WHERE (n:Meeting OR n:Feedback) AND n.case_id = $id
DETACH DELETE n
"""

MEETINGS_WITH_TEXT: Final = "MATCH (n:Meeting) WHERE n.data CONTAINS $text RETURN n.data AS data"

SET_MEETINGS: Final = """
UNWIND $rows AS row
MATCH (n:Meeting {id: row.id})
SET n.data = row.data
"""


def _meeting_props(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "case_id": meeting.case_id,
        "held_on": meeting.held_on.isoformat(),
        "data": meeting.model_dump_json(),
    }


def _feedback_props(feedback: Feedback) -> dict[str, Any]:
    return {
        "id": feedback.id,
        "case_id": feedback.case_id,
        "given_on": feedback.given_on.isoformat(),
        "data": feedback.model_dump_json(),
    }


def _meeting_case(tx: ManagedTransaction, meeting_id: str) -> str | None:
    row = tx.run(MEETING_CASE, {"id": meeting_id}).single(strict=False)
    return None if row is None else str(row["case_id"])


def _case_exists(tx: ManagedTransaction, case_id: str) -> bool:
    return bool(tx.run(cypher.CASE_EXISTS, {"id": case_id}).single(strict=True)["n"])


def _add_meeting_tx(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    if not _case_exists(tx, props["case_id"]):
        raise NotFound("case", props["case_id"])
    if _meeting_case(tx, props["id"]) is not None:
        raise Conflict(f"a meeting with id {props['id']!r} exists already")
    tx.run(CREATE_MEETING, {"props": props}).consume()


def _update_meeting_tx(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    case_id = _meeting_case(tx, props["id"])
    if case_id is None:
        raise NotFound("meeting", props["id"])
    if case_id != props["case_id"]:
        raise InvalidInput("a meeting stays with its case")
    tx.run(SET_MEETING, {"id": props["id"], "props": props}).consume()


def _add_feedback_tx(tx: ManagedTransaction, props: dict[str, Any], meeting_id: str | None) -> None:
    if not _case_exists(tx, props["case_id"]):
        raise NotFound("case", props["case_id"])
    if tx.run(FEEDBACK_EXISTS, {"id": props["id"]}).single(strict=True)["n"]:
        raise Conflict(f"feedback with id {props['id']!r} exists already")
    if meeting_id is not None and _meeting_case(tx, meeting_id) != props["case_id"]:
        raise NotFound("meeting", meeting_id)
    tx.run(CREATE_FEEDBACK, {"props": props}).consume()


class Neo4jMeetings:
    """The :class:`~tenhands.graph.store.MeetingStore` part of the store."""

    if TYPE_CHECKING:

        def _read(self, query: LiteralString, **params: Any) -> list[Neo4jRecord]: ...

        def _write(self, query: LiteralString, **params: Any) -> list[Neo4jRecord]: ...

        def _write_tx(
            self,
            work: Callable[Concatenate[ManagedTransaction, _P], _R],
            *args: _P.args,
            **kwargs: _P.kwargs,
        ) -> _R: ...

        def _listed(
            self, query: LiteralString, entity: str, ident: str, **params: Any
        ) -> list[Any]: ...

        def _one_data(self, query: LiteralString, entity: str, ident: str) -> str: ...

        def get_case(self, case_id: str) -> object: ...

    # -- meetings -------------------------------------------------------------

    def add_meeting(self, meeting: Meeting) -> Meeting:
        """Store a new meeting; :class:`NotFound` for an unknown case."""
        self._write_tx(_add_meeting_tx, _meeting_props(meeting))
        return meeting

    def get_meeting(self, meeting_id: str) -> Meeting:
        """The meeting; :class:`NotFound` if there is none."""
        return Meeting.model_validate_json(self._one_data(GET_MEETING, "meeting", meeting_id))

    def update_meeting(self, meeting: Meeting) -> Meeting:
        """Replace a stored meeting of the same case."""
        self._write_tx(_update_meeting_tx, _meeting_props(meeting))
        return meeting

    def delete_meeting(self, meeting_id: str) -> None:
        """Remove a meeting; :class:`NotFound` if there is none."""
        if not self._write(DELETE_MEETING, id=meeting_id)[0]["n"]:
            raise NotFound("meeting", meeting_id)

    def list_meetings(self, case_id: str) -> list[Meeting]:
        """A case's meetings by date, then id."""
        data = self._listed(LIST_MEETINGS, "case", case_id, case_id=case_id)
        return [Meeting.model_validate_json(d) for d in data]

    # -- feedback -------------------------------------------------------------

    def add_feedback(self, feedback: Feedback) -> Feedback:
        """Store one participant's feedback on a case (and one of its meetings)."""
        self._write_tx(_add_feedback_tx, _feedback_props(feedback), feedback.meeting_id)
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
        """Feedback by date then id, of one case or all."""
        if case_id is not None:
            self.get_case(case_id)
        limit, offset = page(limit, offset)
        records = self._read(
            LIST_FEEDBACK,
            case_id=case_id,
            since=None if since is None else since.isoformat(),
            until=None if until is None else until.isoformat(),
            limit=limit,
            offset=offset,
        )
        return [Feedback.model_validate_json(r["data"]) for r in records]
