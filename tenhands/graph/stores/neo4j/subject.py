"""One person as a data subject in the neo4j store: the candidates naming them, and
their erasure (a mixin of :class:`~tenhands.graph.stores.neo4j.store.Neo4jStore`).

Candidates, change sets and plans keep a person's id only inside their JSON, so they
are found with a coarse text search for the quoted id and then read closely.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, Final, LiteralString, ParamSpec, TypeVar

from neo4j import ManagedTransaction
from neo4j import Record as Neo4jRecord

from ...errors import Conflict, NotFound
from ...model import Candidate, Erasure, Meeting, NetworkRole, Plan, utcnow
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
from . import cypher
from .links import DELETE_CANDIDATE_LINKS
from .meetings import MEETINGS_WITH_TEXT, SET_MEETINGS
from .rows import audit_props

_P = ParamSpec("_P")
_R = TypeVar("_R")

PERSON_AS_SUBJECT: Final = """
MATCH (p:Person {id: $id})
RETURN COLLECT { MATCH (p)-[:CHILD_OF]->(c:Case) WITH c ORDER BY c.id RETURN c.id } AS child_of,
       COLLECT { MATCH (p)-[:ROLE]->(c:Case) WITH c ORDER BY c.id RETURN c.id } AS cases,
       COLLECT {
           MATCH (p)-[r:TIE]-(:Person) WITH DISTINCT r.id AS id ORDER BY id RETURN id
       } AS ties
"""
"""One row (the cases the person is a child of, has a role in, and their tie ids) if
the person exists, none if not."""

CANDIDATES_WITH_TEXT: Final = """
MATCH (n:Candidate) WHERE any(text IN $texts WHERE n.data CONTAINS text)
RETURN n.data AS data ORDER BY n.id
"""

CHANGE_SETS_TO_CHECK: Final = """
MATCH (n:ChangeSet)
WHERE n.subject_id IN $subjects
   OR any(text IN $texts WHERE n.created CONTAINS text OR n.before CONTAINS text
                               OR n.after CONTAINS text)
RETURN n.id AS id, n.subject_id AS subject_id, n.created AS created, n.before AS before,
       n.after AS after
"""

PLANS_WITH_TEXT: Final = "MATCH (n:Plan) WHERE n.data CONTAINS $text RETURN n.data AS data"

SET_PLANS: Final = """
UNWIND $rows AS row
MATCH (n:Plan {id: row.id})
SET n.data = row.data
"""

DELETE_CHANGE_SETS: Final = """
UNWIND $ids AS id
MATCH (n:ChangeSet {id: id})
DELETE n
"""

DELETE_CANDIDATES: Final = """
UNWIND $ids AS id
MATCH (n:Candidate {id: id})
DETACH DELETE n
"""

DELETE_RECORDS: Final = """
UNWIND $ids AS id
MATCH (n:Record {id: id})
DETACH DELETE n
RETURN count(*) AS n
"""


def _with_text(tx: ManagedTransaction, ids: list[str]) -> list[Candidate]:
    """Candidates whose JSON holds one of ``ids`` as a value, ordered by id."""
    if not ids:
        return []
    found = tx.run(CANDIDATES_WITH_TEXT, {"texts": [quoted(i) for i in ids]})
    return [Candidate.model_validate_json(r["data"]) for r in found]


def _candidates(tx: ManagedTransaction, person_id: str) -> list[Candidate]:
    """The candidates naming the person, then the others about an outside record
    accepted as them (their evidence holds the record's values)."""
    naming = [c for c in _with_text(tx, [person_id]) if names_person(c, person_id)]
    records = accepted_records(naming)
    about_records = _with_text(tx, records)
    return naming + [
        c for c in about_records if c.record_id in records and not names_person(c, person_id)
    ]


def _change_sets(
    tx: ManagedTransaction,
    person_id: str,
    candidate_ids: list[str],
    ties: list[str],
    records: list[str],
) -> list[str]:
    """Ids of the change sets of erased candidates and of those holding the person."""
    found = tx.run(
        CHANGE_SETS_TO_CHECK,
        {"subjects": candidate_ids, "texts": [quoted(i) for i in (person_id, *ties, *records)]},
    )
    return [
        str(r["id"])
        for r in found
        if r["subject_id"] in candidate_ids
        or images_hold(
            [image for key in ("created", "before", "after") for image in json.loads(r[key])],
            person_id,
            ties=ties,
            records=records,
        )
    ]


def _plans(tx: ManagedTransaction, person_id: str) -> list[Plan]:
    """The plan versions naming the person, with the person taken out."""
    rows = tx.run(PLANS_WITH_TEXT, {"text": quoted(person_id)})
    scrubbed = [without_person(Plan.model_validate_json(r["data"]), person_id) for r in rows]
    return [plan for plan in scrubbed if plan is not None]


ROLES_NAMED_BY: Final = """
MATCH (:Person)-[r:ROLE]->(:Case)
WHERE r.person_id <> $id AND r.data CONTAINS $text
RETURN r.data AS data
"""
"""Roles whose JSON holds the person's id (their ``named_by`` is looked at in Python)."""

SET_ROLES: Final = """
UNWIND $rows AS row
MATCH (:Person)-[r:ROLE {key: row.key}]->(:Case)
SET r.data = row.data
"""


def _meetings(tx: ManagedTransaction, person_id: str) -> list[Meeting]:
    """The meetings the person attended, with the person taken out."""
    rows = tx.run(MEETINGS_WITH_TEXT, {"text": quoted(person_id)})
    scrubbed = [
        meeting_without_person(Meeting.model_validate_json(r["data"]), person_id) for r in rows
    ]
    return [m for m in scrubbed if m is not None]


def _named(tx: ManagedTransaction, person_id: str) -> list[NetworkRole]:
    """Other roles whose member the person named, without the person as namer."""
    rows = tx.run(ROLES_NAMED_BY, {"id": person_id, "text": quoted(person_id)})
    scrubbed = [
        role_without_namer(NetworkRole.model_validate_json(r["data"]), person_id) for r in rows
    ]
    return [r for r in scrubbed if r is not None]


def _erase_tx(tx: ManagedTransaction, person_id: str, actor: str) -> Erasure:
    found = tx.run(PERSON_AS_SUBJECT, {"id": person_id}).single(strict=False)
    if found is None:
        raise NotFound("person", person_id)
    if found["child_of"]:
        raise Conflict(
            f"person {person_id!r} is a child of case {found['child_of'][0]!r}: "
            "erase or close the case first"
        )
    cases, ties = [str(i) for i in found["cases"]], [str(i) for i in found["ties"]]
    candidates = _candidates(tx, person_id)
    records = accepted_records(candidates)
    candidate_ids = [c.id for c in candidates]
    change_sets = _change_sets(tx, person_id, candidate_ids, ties, records)
    plans = _plans(tx, person_id)
    meetings = _meetings(tx, person_id)
    named = _named(tx, person_id)

    tx.run(DELETE_CHANGE_SETS, {"ids": change_sets}).consume()
    tx.run(DELETE_CANDIDATE_LINKS, {"ids": candidate_ids}).consume()
    tx.run(DELETE_CANDIDATES, {"ids": candidate_ids}).consume()
    if candidate_ids:
        tx.run(cypher.NEXT_REVISION, {"name": "decisions"}).consume()
    gone_records = int(tx.run(DELETE_RECORDS, {"ids": records}).single(strict=True)["n"])
    if gone_records:
        tx.run(cypher.NEXT_REVISION, {"name": "records"}).consume()
    if plans:
        rows = [{"id": plan.id, "data": plan.model_dump_json()} for plan in plans]
        tx.run(SET_PLANS, {"rows": rows}).consume()
    if meetings:
        rows = [{"id": m.id, "data": m.model_dump_json()} for m in meetings]
        tx.run(SET_MEETINGS, {"rows": rows}).consume()
    if named:
        rows = [{"key": f"{r.case_id}/{r.person_id}", "data": r.model_dump_json()} for r in named]
        tx.run(SET_ROLES, {"rows": rows}).consume()
    tx.run(cypher.DELETE_PERSON, {"id": person_id}).consume()
    erasure = Erasure(
        person_id=person_id,
        erased_by=actor,
        erased_at=utcnow(),
        cases=cases,
        ties=len(ties),
        roles=len(cases),
        candidates=len(candidate_ids),
        change_sets=len(change_sets),
        records=gone_records,
        plans=len(plans),
        meetings=len(meetings),
        named=len(named),
    )
    tx.run(cypher.APPEND_AUDIT, {"props": audit_props(erasure_event(erasure))}).consume()
    return erasure


class Neo4jSubject:
    """The :class:`~tenhands.graph.store.SubjectStore` part of the store."""

    if TYPE_CHECKING:

        def _read(self, query: LiteralString, **params: Any) -> list[Neo4jRecord]: ...

        def _write_tx(
            self,
            work: Callable[Concatenate[ManagedTransaction, _P], _R],
            *args: _P.args,
            **kwargs: _P.kwargs,
        ) -> _R: ...

    def candidates_of_person(self, person_id: str) -> list[Candidate]:
        """Every candidate naming the person, in every case, ordered by id."""
        found = self._read(CANDIDATES_WITH_TEXT, texts=[quoted(person_id)])
        candidates = (Candidate.model_validate_json(r["data"]) for r in found)
        return [c for c in candidates if names_person(c, person_id)]

    def erase_person(self, person_id: str, *, actor: str) -> Erasure:
        """Remove a person and everything holding their data, in one transaction, with
        one audit event saying so (see :meth:`~tenhands.graph.store.SubjectStore.erase_person`)."""
        check_actor(actor)
        return self._write_tx(_erase_tx, person_id, actor)
