"""Requests to share a person across a case boundary in the neo4j store (a mixin of
:class:`~tenhands.graph.stores.neo4j.store.Neo4jStore`).

The graph shape: ``(:LinkRequest {id, case_id, candidate_id, person_id, status,
requested_at, data})``, the time as ISO text in UTC (text order is time order);
``data`` holds the model's full JSON. Deleting the case that asked, or the candidate
the request is for, deletes it (:data:`DELETE_CASE_LINKS`, :data:`DELETE_CANDIDATE_LINKS`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC
from typing import TYPE_CHECKING, Any, Concatenate, Final, LiteralString, ParamSpec, TypeVar

from neo4j import ManagedTransaction
from neo4j import Record as Neo4jRecord

from ...errors import NotFound
from ...model import LinkRequest, LinkStatus

_P = ParamSpec("_P")
_R = TypeVar("_R")

SCHEMA: Final[tuple[str, ...]] = (
    "CREATE CONSTRAINT link_id IF NOT EXISTS FOR (n:LinkRequest) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX link_case_id IF NOT EXISTS FOR (n:LinkRequest) ON (n.case_id)",
    "CREATE INDEX link_person_id IF NOT EXISTS FOR (n:LinkRequest) ON (n.person_id)",
    "CREATE INDEX link_candidate_id IF NOT EXISTS FOR (n:LinkRequest) ON (n.candidate_id)",
)

LINK_ENDS: Final = """
RETURN EXISTS { MATCH (:Case {id: $case_id}) } AS case,
       EXISTS { MATCH (:Candidate {id: $candidate_id}) } AS candidate,
       EXISTS { MATCH (:Person {id: $person_id}) } AS person
"""

SAVE_LINK: Final = "MERGE (n:LinkRequest {id: $id}) SET n = $props"

GET_LINK: Final = "MATCH (n:LinkRequest {id: $id}) RETURN n.data AS data"

LIST_LINKS: Final = """
MATCH (n:LinkRequest)
WHERE ($case_id IS NULL OR n.case_id = $case_id)
  AND ($person_ids IS NULL OR n.person_id IN $person_ids)
  AND ($status IS NULL OR n.status = $status)
RETURN n.data AS data
ORDER BY n.requested_at DESC, n.id DESC
"""

DELETE_CASE_LINKS: Final = "MATCH (n:LinkRequest {case_id: $id}) DELETE n"
"""Run with the case's own deletion."""

DELETE_CANDIDATE_LINKS: Final = """
UNWIND $ids AS id
MATCH (n:LinkRequest {candidate_id: id})
DELETE n
"""
"""Run with the deletion of candidates (an erasure)."""


def _link_props(link: LinkRequest) -> dict[str, Any]:
    return {
        "id": link.id,
        "case_id": link.case_id,
        "candidate_id": link.candidate_id,
        "person_id": link.person_id,
        "status": link.status.value,
        "requested_at": link.requested_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "data": link.model_dump_json(),
    }


def _save_link_tx(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    ends = tx.run(
        LINK_ENDS,
        {k: props[k] for k in ("case_id", "candidate_id", "person_id")},
    ).single(strict=True)
    for entity in ("case", "candidate", "person"):
        if not ends[entity]:
            raise NotFound(entity, props[f"{entity}_id"])
    tx.run(SAVE_LINK, {"id": props["id"], "props": props}).consume()


class Neo4jLinks:
    """The :class:`~tenhands.graph.store.LinkStore` part of the store."""

    if TYPE_CHECKING:

        def _read(self, query: LiteralString, **params: Any) -> list[Neo4jRecord]: ...

        def _write_tx(
            self,
            work: Callable[Concatenate[ManagedTransaction, _P], _R],
            *args: _P.args,
            **kwargs: _P.kwargs,
        ) -> _R: ...

        def _one_data(self, query: LiteralString, entity: str, ident: str) -> str: ...

    def save_link(self, link: LinkRequest) -> LinkRequest:
        self._write_tx(_save_link_tx, _link_props(link))
        return link

    def get_link(self, link_id: str) -> LinkRequest:
        return LinkRequest.model_validate_json(self._one_data(GET_LINK, "link request", link_id))

    def list_links(
        self,
        *,
        case_id: str | None = None,
        person_ids: Iterable[str] | None = None,
        status: LinkStatus | None = None,
    ) -> list[LinkRequest]:
        records = self._read(
            LIST_LINKS,
            case_id=case_id,
            person_ids=None if person_ids is None else list(person_ids),
            status=None if status is None else status.value,
        )
        return [LinkRequest.model_validate_json(r["data"]) for r in records]
