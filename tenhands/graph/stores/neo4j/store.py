"""The production store: a Neo4j server through the official driver.

Reads go through ``driver.execute_query`` with read routing; multi-statement writes
through ``session.execute_write`` with transaction functions that only talk to the
database and may be run again by the driver's retry loop. Every driver error is
turned into one of :mod:`tenhands.graph.errors` on the way out.

A unit of work (:meth:`Neo4jStore.atomic`) is one ``execute_write`` too: while it
runs, the thread's store calls run in its transaction, and driver errors inside go
untranslated to the driver, which runs the unit again after a transient one (a
deadlock between two units); they are translated once, when the unit gives up.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Concatenate, LiteralString, ParamSpec, TypeVar
from urllib.parse import urlsplit

import networkx as nx
from neo4j import (
    Driver,
    GraphDatabase,
    ManagedTransaction,
    NotificationDisabledClassification,
    RoutingControl,
    Session,
)
from neo4j import Record as Neo4jRecord
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    ConstraintError,
    DriverError,
    Forbidden,
    Neo4jError,
)

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
from ...network import build_graph
from ...store import DEFAULT_BATCH, GraphStore, HoldKind
from .. import NEO4J_SCHEMES
from ..checks import check_decision, chunks, held, page, refuse_duplicates
from ..legacy import LEGACY_FIELD, split_undo_log
from . import cypher, links, meetings, positions
from .links import Neo4jLinks
from .meetings import Neo4jMeetings
from .positions import Neo4jPositions
from .rows import audit_keys, audit_props, utc
from .subject import Neo4jSubject
from .users import Neo4jUsers

SCHEMA_NAME = "tenhands"
SCHEMA_VERSION = 9
"""Version of the graph shape described in :mod:`.cypher` (2: persons' source keys;
3: change sets; 4: accounts, tokens and the audit log's filter keys; 5: meetings and
feedback; 6: link requests; 7: positions on maps; 8: the revisions of records and
decisions; 9: records' source names)."""

_P = ParamSpec("_P")
_R = TypeVar("_R")
_T = TypeVar("_T")


@contextmanager
def _translated(*, values: bool = True) -> Iterator[None]:
    """Turn driver errors into store errors; store errors pass unchanged. ``values``:
    a ValueError, TypeError or OverflowError comes from the driver too (it refuses a
    parameter it cannot send); without, those pass unchanged (they come from the work
    of a unit, which the driver ran).

    Messages are written here, never copied from the server, which may quote values.
    """
    try:
        yield
    except StoreError:
        raise
    except ConstraintError as exc:
        raise Conflict("the change clashes with something already stored") from exc
    except (AuthError, Forbidden) as exc:
        raise StoreUnavailable("Neo4j refused the credentials or the permission") from exc
    except ClientError as exc:
        code = str(exc.code)
        if code.startswith("Neo.ClientError.Database."):
            raise StoreUnavailable("the Neo4j database is missing or unavailable") from exc
        if code.startswith("Neo.ClientError.Transaction."):
            # Stopped, timed out or killed on the server: the work was rolled back.
            raise StoreUnavailable("Neo4j stopped the transaction; try again") from exc
        raise InvalidInput(f"Neo4j refused the request ({code})") from exc
    except (Neo4jError, DriverError) as exc:
        if isinstance(exc, Neo4jError) and "MemoryPool" in str(exc.code):
            # Trying again will not help: the change itself is too large for this server.
            raise InvalidInput(
                "the change is too large for one transaction on this server: import a "
                "smaller file, or ask an administrator to give Neo4j more memory "
                "(NEO4J_HEAP, db.memory.transaction.total.max)"
            ) from exc
        # ServiceUnavailable, SessionExpired and TransientError land here once the
        # driver's own retries are used up; so do server-side DatabaseErrors.
        raise StoreUnavailable("Neo4j does not answer now; try again later") from exc
    except OSError as exc:
        raise StoreUnavailable("Neo4j cannot be reached") from exc
    except (ValueError, TypeError, OverflowError) as exc:
        if not values:
            raise
        # The driver refuses parameter values it cannot send.
        raise InvalidInput("a value cannot be sent to Neo4j") from exc


@contextmanager
def _in_unit() -> Iterator[None]:
    """Inside a unit of work: driver errors pass untranslated, to the driver's retry
    loop; only values the driver cannot send are refused here (a unit's own
    ValueErrors must not be taken for those once it has ended)."""
    try:
        yield
    except StoreError:
        raise
    except (ValueError, TypeError, OverflowError) as exc:
        raise InvalidInput("a value cannot be sent to Neo4j") from exc


def _role_key(case_id: str, person_id: str) -> str:
    # Ids never contain "/", so the key is unambiguous.
    return f"{case_id}/{person_id}"


def _person_row(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "data": person.model_dump_json(),
        "surname": person.surname,
        "birth_surname": person.birth_surname,
        "birth_year": person.birth_date.year if person.birth_date else None,
        **_source_keys(person),
    }


def _source_keys(person: Person) -> dict[str, Any]:
    source = person.provenance.source
    return {"source_ref": source.ref, "source_name": source.name}


def _tie_row(tie: Tie) -> dict[str, Any]:
    return {
        "id": tie.id,
        "source_id": tie.source_id,
        "target_id": tie.target_id,
        "kind": tie.kind.value,
        "data": tie.model_dump_json(),
    }


def _case_props(case: Case) -> dict[str, Any]:
    return {"id": case.id, "status": case.status.value, "data": case.model_dump_json()}


def _children(case: Case) -> list[dict[str, Any]]:
    return [{"id": child, "ord": i} for i, child in enumerate(case.child_ids)]


def _quiet_driver_log() -> None:
    """Keep the driver's own log at INFO or above: at DEBUG it writes every query's
    parameters (names, addresses, notes) to the log."""
    driver_log = logging.getLogger("neo4j")
    if driver_log.getEffectiveLevel() < logging.INFO:
        driver_log.setLevel(logging.INFO)


def _role_row(role: NetworkRole) -> dict[str, Any]:
    return {
        "key": _role_key(role.case_id, role.person_id),
        "case_id": role.case_id,
        "person_id": role.person_id,
        "data": role.model_dump_json(),
    }


def _candidate_props(candidate: Candidate) -> dict[str, Any]:
    return {
        "id": candidate.id,
        "kind": candidate.kind.value,
        "case_id": candidate.case_id,
        "status": candidate.status.value,
        "score": candidate.score,
        "data": candidate.model_dump_json(),
    }


def _change_set_props(change_set: ChangeSet) -> dict[str, Any]:
    data = change_set.model_dump(mode="json")
    return {
        "id": change_set.id,
        "subject_id": change_set.subject_id,
        "case_id": change_set.case_id,
        "kind": change_set.kind,
        "created_at": utc(change_set.created_at).isoformat(timespec="microseconds"),
        "created_by": change_set.created_by,
        "created": json.dumps(data["created"]),
        "before": json.dumps(data["before"]),
        "after": json.dumps(data["after"]),
    }


def _change_set(props: dict[str, Any]) -> ChangeSet:
    return ChangeSet.model_validate(
        {
            **{k: props.get(k) for k in ("id", "subject_id", "case_id", "kind", "created_by")},
            "created_at": props["created_at"],
            **{k: json.loads(props[k]) for k in ("created", "before", "after")},
        }
    )


def records_query(filters: Sequence[str]) -> LiteralString:
    """The query of :meth:`Neo4jStore.list_records` with these filters (names of
    :data:`.cypher.RECORD_FILTERS`), its parameters ``$filter``, ``$limit`` and ``$offset``."""
    given = [cypher.RECORD_FILTERS[name] for name in filters]
    where: LiteralString = "\nWHERE " + " AND ".join(given) if given else ""
    return cypher.RECORDS_MATCH + where + cypher.LIST_RECORDS_RETURN


def _audit_query(filters: dict[str, Any], tail: LiteralString) -> LiteralString:
    """An audit query keeping the events every given filter holds for."""
    given = [cypher.AUDIT_FILTERS[name] for name, value in filters.items() if value is not None]
    where: LiteralString = "\nWHERE " + " AND ".join(given) if given else ""
    return cypher.AUDIT_MATCH + where + tail


def _audit_filters(
    case_id: str | None,
    actor: str | None,
    entity_id: str | None,
    action: AuditAction | None,
    since: datetime | None,
    until: datetime | None,
) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "actor": actor,
        "entity_id": entity_id,
        "action": None if action is None else AuditAction(action).value,
        "since": None if since is None else utc(since),
        "until": None if until is None else utc(until),
    }


# -- transaction functions ------------------------------------------------------
# Each one only runs Cypher and inspects results, so the driver may run it again.


def _count(tx: ManagedTransaction, query: LiteralString, **params: Any) -> int:
    record = tx.run(query, params).single(strict=True)
    return int(record["n"])


def _first_id(tx: ManagedTransaction, query: LiteralString, ids: Sequence[str]) -> str | None:
    """The first id a ``FIRST_*`` query reports for ``ids``, or None."""
    for chunk in chunks(ids, DEFAULT_BATCH):
        record = tx.run(query, {"ids": list(chunk)}).single(strict=False)
        if record is not None:
            return str(record["id"])
    return None


def _require_persons(tx: ManagedTransaction, ids: Sequence[str]) -> None:
    missing = _first_id(tx, cypher.FIRST_MISSING_PERSON, list(dict.fromkeys(ids)))
    if missing is not None:
        raise NotFound("person", missing)


def _require_cases(tx: ManagedTransaction, ids: Sequence[str]) -> None:
    missing = _first_id(tx, cypher.FIRST_MISSING_CASE, list(dict.fromkeys(ids)))
    if missing is not None:
        raise NotFound("case", missing)


def _delete_person_tx(tx: ManagedTransaction, person_id: str, cascade: bool) -> None:
    links = tx.run(cypher.PERSON_LINKS, {"id": person_id}).single(strict=False)
    if links is None:
        raise NotFound("person", person_id)
    if links["child_of"]:
        raise Conflict(
            f"person {person_id!r} is a child of case {links['child_of'][0]!r}: "
            "change or delete the case first"
        )
    if (links["ties"] or links["roles"]) and not cascade:
        raise Conflict(
            f"person {person_id!r} has {links['ties']} ties and {links['roles']} network roles: "
            "remove them first or delete with cascade"
        )
    tx.run(cypher.DELETE_PERSON, {"id": person_id}).consume()


def _put_persons(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    """Create or replace one chunk of persons: CREATE the new ones, SET the others."""
    known = set(tx.run(cypher.EXISTING_PERSONS, {"ids": [r["id"] for r in rows]}).value("id"))
    new = [r for r in rows if r["id"] not in known]
    old = [r for r in rows if r["id"] in known]
    if new:
        tx.run(cypher.CREATE_PERSONS, {"rows": new}).consume()
    if old:
        tx.run(cypher.SET_PERSONS, {"rows": old}).consume()


def _upsert_persons_tx(tx: ManagedTransaction, chunks: list[list[dict[str, Any]]]) -> None:
    for chunk in chunks:
        _put_persons(tx, chunk)


def _put_ties(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    """Create or replace one chunk of ties whose persons exist.

    A tie that now joins other persons is deleted and created anew between them.
    """
    ends = {
        str(r["id"]): (r["source_id"], r["target_id"])
        for r in tx.run(cypher.TIE_ENDS, {"ids": [row["id"] for row in rows]})
    }
    moved = [
        r["id"]
        for r in rows
        if r["id"] in ends and ends[r["id"]] != (r["source_id"], r["target_id"])
    ]
    if moved:
        tx.run(cypher.DELETE_TIES, {"ids": moved}).consume()
        for tie_id in moved:
            del ends[tie_id]
    new = [r for r in rows if r["id"] not in ends]
    old = [r for r in rows if r["id"] in ends]
    if new:
        tx.run(cypher.CREATE_TIES, {"rows": new}).consume()
    if old:
        tx.run(cypher.SET_TIES, {"rows": old}).consume()


def _create_tie_tx(tx: ManagedTransaction, row: dict[str, Any]) -> None:
    _require_persons(tx, [row["source_id"], row["target_id"]])
    if _count(tx, cypher.TIE_EXISTS, id=row["id"]):
        raise Conflict(f"a tie with id {row['id']!r} exists already")
    tx.run(cypher.CREATE_TIES, {"rows": [row]}).consume()


def _update_tie_tx(tx: ManagedTransaction, row: dict[str, Any]) -> None:
    if not _count(tx, cypher.TIE_EXISTS, id=row["id"]):
        raise NotFound("tie", row["id"])
    _require_persons(tx, [row["source_id"], row["target_id"]])
    _put_ties(tx, [row])


def _upsert_ties_tx(tx: ManagedTransaction, chunks: list[list[dict[str, Any]]]) -> None:
    ends = [row[end] for chunk in chunks for row in chunk for end in ("source_id", "target_id")]
    _require_persons(tx, ends)
    for chunk in chunks:
        _put_ties(tx, chunk)


def _create_case_tx(tx: ManagedTransaction, props: dict[str, Any], children: list[Any]) -> None:
    if _count(tx, cypher.CASE_EXISTS, id=props["id"]):
        raise Conflict(f"a case with id {props['id']!r} exists already")
    _require_persons(tx, [child["id"] for child in children])
    tx.run(cypher.CREATE_CASE, {"props": props}).consume()
    tx.run(cypher.LINK_CHILDREN, {"case_id": props["id"], "children": children}).consume()


def _update_case_tx(tx: ManagedTransaction, props: dict[str, Any], children: list[Any]) -> None:
    if not _count(tx, cypher.CASE_EXISTS, id=props["id"]):
        raise NotFound("case", props["id"])
    _require_persons(tx, [child["id"] for child in children])
    tx.run(cypher.SET_CASE, {"id": props["id"], "props": props}).consume()
    tx.run(cypher.UNLINK_CHILDREN, {"case_id": props["id"]}).consume()
    tx.run(cypher.LINK_CHILDREN, {"case_id": props["id"], "children": children}).consume()


def _delete_case_tx(tx: ManagedTransaction, case_id: str) -> None:
    if not _count(tx, cypher.CASE_EXISTS, id=case_id):
        raise NotFound("case", case_id)
    tx.run(cypher.DELETE_CASE_PLANS, {"id": case_id}).consume()
    tx.run(meetings.DELETE_CASE_MEETINGS, {"id": case_id}).consume()
    tx.run(links.DELETE_CASE_LINKS, {"id": case_id}).consume()
    tx.run(cypher.DELETE_CASE_CANDIDATES, {"id": case_id}).consume()
    tx.run(cypher.NEXT_REVISION, {"name": "decisions"}).consume()
    tx.run(cypher.DELETE_CASE_CHANGE_SETS, {"id": case_id}).consume()
    tx.run(cypher.DELETE_CASE, {"id": case_id}).consume()


def _upsert_roles_tx(tx: ManagedTransaction, roles: Sequence[NetworkRole]) -> list[NetworkRole]:
    """Store the roles, each continuing its stored engagement history; returns them as
    stored."""
    _require_cases(tx, [r.case_id for r in roles])
    _require_persons(tx, [r.person_id for r in roles])
    keys = [_role_key(r.case_id, r.person_id) for r in roles]
    stored = {
        row["key"]: NetworkRole.model_validate_json(row["data"])
        for row in tx.run(cypher.ROLES_BY_KEY, {"keys": keys})
    }
    kept = [with_stages(stored.get(key), r) for key, r in zip(keys, roles, strict=True)]
    for chunk in chunks([_role_row(r) for r in kept], DEFAULT_BATCH):
        tx.run(cypher.UPSERT_ROLES, {"rows": list(chunk)}).consume()
    return kept


def _add_plan_tx(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    if not _count(tx, cypher.CASE_EXISTS, id=props["case_id"]):
        raise NotFound("case", props["case_id"])
    if _count(tx, cypher.PLAN_EXISTS, id=props["id"]):
        raise Conflict(f"a plan with id {props['id']!r} exists already")
    if _count(tx, cypher.PLAN_VERSION_EXISTS, case_id=props["case_id"], version=props["version"]):
        raise Conflict(f"the case already has plan version {props['version']}")
    tx.run(cypher.CREATE_PLAN, {"props": props}).consume()


def _update_plan_tx(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    row = tx.run(cypher.PLAN_PLACE, {"id": props["id"]}).single(strict=False)
    if row is None:
        raise NotFound("plan", props["id"])
    if (row["case_id"], row["version"]) != (props["case_id"], props["version"]):
        raise InvalidInput("a plan version keeps its case and version number")
    tx.run(cypher.SET_PLAN_DATA, {"id": props["id"], "data": props["data"]}).consume()


def _add_records_tx(tx: ManagedTransaction, chunks: list[list[dict[str, Any]]]) -> None:
    taken = _first_id(
        tx, cypher.FIRST_EXISTING_RECORD, [row["id"] for chunk in chunks for row in chunk]
    )
    if taken is not None:
        raise Conflict(f"a record with id {taken!r} exists already")
    for chunk in chunks:
        tx.run(cypher.CREATE_RECORDS, {"rows": chunk}).consume()
    tx.run(cypher.NEXT_REVISION, {"name": "records"}).consume()


def _save_candidate_tx(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    if props["case_id"] is not None:
        _require_cases(tx, [props["case_id"]])
    tx.run(cypher.DECIDING, {"id": props["id"], "status": props["status"]}).consume()
    tx.run(cypher.SAVE_CANDIDATE, {"id": props["id"], "props": props}).consume()


def _save_change_set_tx(tx: ManagedTransaction, props: dict[str, Any]) -> None:
    if props["case_id"] is not None:
        _require_cases(tx, [props["case_id"]])
    tx.run(
        cypher.DELETE_OTHER_CHANGE_SETS, {"subject_id": props["subject_id"], "id": props["id"]}
    ).consume()
    tx.run(cypher.SAVE_CHANGE_SET, {"id": props["id"], "props": props}).consume()


def _record_decision_tx(
    tx: ManagedTransaction,
    candidate: dict[str, Any],
    change_set: dict[str, Any] | None,
    event: dict[str, Any],
) -> None:
    _save_candidate_tx(tx, candidate)
    if change_set is not None:
        _save_change_set_tx(tx, change_set)
    elif candidate["status"] == ReviewStatus.pending.value:
        tx.run(cypher.DELETE_CHANGE_SET_OF, {"subject_id": candidate["id"]}).consume()
    if _count(tx, cypher.AUDIT_EXISTS, id=event["id"]):
        raise Conflict(f"an audit event with id {event['id']!r} exists already")
    tx.run(cypher.APPEND_AUDIT, {"props": event}).consume()


def _append_audit_many_tx(tx: ManagedTransaction, chunks: list[list[dict[str, Any]]]) -> None:
    taken = _first_id(
        tx, cypher.FIRST_EXISTING_AUDIT, [row["id"] for chunk in chunks for row in chunk]
    )
    if taken is not None:
        raise Conflict(f"an audit event with id {taken!r} exists already")
    for chunk in chunks:
        tx.run(cypher.APPEND_AUDIT_MANY, {"rows": chunk}).consume()


def _moved_undo_log_tx(
    tx: ManagedTransaction, candidate: dict[str, Any], change_set: dict[str, Any] | None
) -> None:
    tx.run(cypher.SAVE_CANDIDATE, {"id": candidate["id"], "props": candidate}).consume()
    if change_set is not None:
        _save_change_set_tx(tx, change_set)


def _neighbourhood_tx(
    tx: ManagedTransaction, person_id: str, hops: int
) -> tuple[list[str], list[str]] | None:
    """Person and tie JSON within ``hops`` of a person, or None if there is no such person."""
    start = tx.run(cypher.GET_PERSON, {"id": person_id}).single(strict=False)
    if start is None:
        return None
    seen = {person_id}
    frontier = [person_id]
    for _ in range(hops):
        if not frontier:
            break
        found = tx.run(cypher.NEIGHBOURS, {"ids": frontier}).value("id")
        frontier = [pid for pid in found if pid not in seen]
        seen.update(frontier)
    ids = sorted(seen)
    persons = tx.run(cypher.GET_PERSONS, {"ids": ids}).value("data")
    ties = tx.run(cypher.TIES_AMONG, {"ids": ids}).value("data") if len(ids) > 1 else []
    return persons, ties


class Neo4jStore(Neo4jUsers, Neo4jSubject, Neo4jMeetings, Neo4jLinks, Neo4jPositions):
    """:class:`~tenhands.graph.store.GraphStore` on a Neo4j 5 server.

    Parameters
    ----------
    uri
        ``neo4j://host:7687``, ``bolt://host:7687`` or a secured variant.
    auth
        ``(user, password)``, or None for a server without authentication.
    database
        The database to use; None for the server's default.
    max_retry_time
        Seconds the driver keeps retrying a transaction on transient errors.

    Notes
    -----
    The constructor only creates the driver: no network traffic, no schema work.
    Call :meth:`init_schema` once at start-up.
    """

    kind = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        auth: tuple[str, str] | None = None,
        database: str | None = None,
        max_retry_time: float = 30.0,
    ) -> None:
        _quiet_driver_log()
        self._unit = threading.local()
        self._uri = uri
        self._database = database
        if urlsplit(uri).scheme.lower() not in NEO4J_SCHEMES:
            raise InvalidInput(f"a Neo4j URI starts with one of {', '.join(NEO4J_SCHEMES)}")
        try:
            self._driver: Driver = GraphDatabase.driver(
                uri,
                auth=auth,
                max_transaction_retry_time=max_retry_time,
                user_agent="tenhands-neo4j-store",
                # "unknown label/property" warnings are normal on a young database.
                notifications_disabled_classifications=[
                    NotificationDisabledClassification.UNRECOGNIZED
                ],
            )
        except (ConfigurationError, ValueError) as exc:
            raise InvalidInput(f"not a usable Neo4j URI: {self.describe()}") from exc

    # -- plumbing -------------------------------------------------------------

    def _session(self) -> Session:
        return self._driver.session(
            database=self._database,
            bookmark_manager=self._driver.execute_query_bookmark_manager,
        )

    def _unit_tx(self) -> ManagedTransaction | None:
        """The transaction of the unit of work this thread runs, if any."""
        tx: ManagedTransaction | None = getattr(self._unit, "tx", None)
        return tx

    def _read(self, query: LiteralString, **params: Any) -> list[Neo4jRecord]:
        tx = self._unit_tx()
        if tx is not None:
            with _in_unit():
                return list(tx.run(query, params))
        with _translated():
            return self._driver.execute_query(
                query, params, routing_=RoutingControl.READ, database_=self._database
            ).records

    def _write(self, query: LiteralString, **params: Any) -> list[Neo4jRecord]:
        tx = self._unit_tx()
        if tx is not None:
            with _in_unit():
                return list(tx.run(query, params))
        with _translated():
            return self._driver.execute_query(
                query, params, routing_=RoutingControl.WRITE, database_=self._database
            ).records

    def _write_tx(
        self,
        work: Callable[Concatenate[ManagedTransaction, _P], _R],
        *args: _P.args,
        **kwargs: _P.kwargs,
    ) -> _R:
        tx = self._unit_tx()
        if tx is not None:
            with _in_unit():
                return work(tx, *args, **kwargs)
        with _translated(), self._session() as session:
            return session.execute_write(work, *args, **kwargs)

    def _read_tx(
        self,
        work: Callable[Concatenate[ManagedTransaction, _P], _R],
        *args: _P.args,
        **kwargs: _P.kwargs,
    ) -> _R:
        tx = self._unit_tx()
        if tx is not None:
            with _in_unit():
                return work(tx, *args, **kwargs)
        with _translated(), self._session() as session:
            return session.execute_read(work, *args, **kwargs)

    def atomic(self, work: Callable[[GraphStore], _T]) -> _T:
        """Run ``work(self)`` in one ``execute_write``, again after a transient error; a
        unit inside a unit joins it."""
        if self._unit_tx() is not None:
            return work(self)

        def unit(tx: ManagedTransaction) -> _T:
            self._unit.tx = tx
            try:
                return work(self)
            finally:
                self._unit.tx = None

        with _translated(values=False), self._session() as session:
            return session.execute_write(unit)

    def hold(self, kind: HoldKind, key: str) -> None:
        """Take the write lock of the thing by a write that changes nothing (its
        ``held`` property set and removed); later reads see the latest state committed."""
        query = held(kind, cypher.HOLD, in_unit=self._unit_tx() is not None)
        if not self._write(query, key=key)[0]["n"]:
            entity = "network role" if kind == "role" else kind
            raise NotFound(entity, key)

    def _create(self, query: LiteralString, entity: str, ident: str, **params: Any) -> None:
        """Run a single CREATE whose only possible clash is a taken id."""
        try:
            self._write(query, **params)
        except Conflict as exc:
            raise Conflict(f"a {entity} with id {ident!r} exists already") from exc.__cause__

    def _upsert(
        self,
        work: Callable[[ManagedTransaction, list[list[dict[str, Any]]]], None],
        chunks: list[list[dict[str, Any]]],
    ) -> None:
        """Run a bulk upsert, once more if a concurrent writer created one of its ids
        between the existence check and the CREATE (the second run replaces it)."""
        if not chunks:
            return
        try:
            self._write_tx(work, chunks)
        except Conflict:
            self._write_tx(work, chunks)

    def _listed(self, query: LiteralString, entity: str, ident: str, **params: Any) -> list[Any]:
        """The list a ``COLLECT`` query returns for an existing owner; NotFound if none."""
        records = self._read(query, **params)
        if not records:
            raise NotFound(entity, ident)
        return list(records[0]["data"])

    def _one_data(self, query: LiteralString, entity: str, ident: str) -> str:
        records = self._read(query, id=ident)
        if not records:
            raise NotFound(entity, ident)
        return str(records[0]["data"])

    # -- life cycle -----------------------------------------------------------

    def init_schema(self) -> None:
        """Create the constraints and indexes if missing and record the schema version.

        Raises
        ------
        Conflict
            The database holds a newer schema than this code knows.
        """
        stored = self._read(cypher.GET_SCHEMA_VERSION, name=SCHEMA_NAME)[0]["version"]
        if stored is not None and int(stored) > SCHEMA_VERSION:
            raise Conflict(
                f"the database has schema version {stored}, newer than this "
                f"TenHands knows ({SCHEMA_VERSION}); upgrade TenHands"
            )
        for statement in (*cypher.SCHEMA, *meetings.SCHEMA, *links.SCHEMA, *positions.SCHEMA):
            self._write(statement)
        self._write(cypher.AWAIT_INDEXES, seconds=300)
        self._write(cypher.INIT_REVISIONS)
        if stored is not None and int(stored) < 2:
            self._add_source_keys()
        if stored is not None and int(stored) < 3:
            self._move_undo_logs()
        if stored is not None and int(stored) < 4:
            self._add_audit_keys()
        if stored is not None and int(stored) < 9:
            self._add_record_sources()
        self._write(cypher.SET_SCHEMA_VERSION, name=SCHEMA_NAME, version=SCHEMA_VERSION)

    def _add_source_keys(self) -> None:
        """Migration 1 → 2: copy each person's source reference into its lookup keys."""
        after = ""
        while rows := self._read(cypher.PERSONS_AFTER, after=after, limit=DEFAULT_BATCH):
            keys = [
                {"id": r["id"], **_source_keys(Person.model_validate_json(r["data"]))} for r in rows
            ]
            self._write(cypher.SET_SOURCE_KEYS, rows=keys)
            after = rows[-1]["id"]

    def _move_undo_logs(self) -> None:
        """Migration 2 → 3: undo logs leave the candidates' explanations for change sets,
        each candidate with its change set in one transaction."""
        after = ""
        while rows := self._read(
            cypher.CANDIDATES_WITH_TEXT_AFTER,
            after=after,
            text=f'"{LEGACY_FIELD}"',
            limit=DEFAULT_BATCH,
        ):
            for row in rows:
                split = split_undo_log(Candidate.model_validate_json(row["data"]), self._maybe)
                if split is not None:
                    candidate, change_set = split
                    self._write_tx(
                        _moved_undo_log_tx,
                        _candidate_props(candidate),
                        None if change_set is None else _change_set_props(change_set),
                    )
            after = rows[-1]["id"]

    def _maybe(self, person_id: str) -> Person | None:
        try:
            return self.get_person(person_id)
        except NotFound:
            return None

    def generation(self) -> int | None:
        """Not kept: a counter every write moves would make all writes wait for one
        node's lock."""
        return None

    def _revision(self, name: str) -> str:
        row = self._read(cypher.GET_REVISION, name=name)[0]
        return f"{row['epoch'] or ''}:{row['revision'] or 0}"

    def records_revision(self) -> str:
        """The epoch and revision of the ``records`` revision node, in one read."""
        return self._revision("records")

    def decisions_revision(self) -> str:
        """The epoch and revision of the ``decisions`` revision node, in one read."""
        return self._revision("decisions")

    def ping(self) -> bool:
        """Whether the server answers now; never raises."""
        try:
            self._driver.verify_connectivity()
        except Exception:
            return False
        return True

    def describe(self) -> str:
        """The server URI without credentials, with the database if one was chosen."""
        parts = urlsplit(self._uri)
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        try:
            port = parts.port
        except ValueError:
            port = None
        where = f"{parts.scheme}://{host}" + (f":{port}" if port else "")
        return where + (f" (database {self._database})" if self._database else "")

    def close(self) -> None:
        """Close the driver and its connections."""
        with _translated():
            self._driver.close()

    # -- persons --------------------------------------------------------------

    def create_person(self, person: Person) -> Person:
        """Store a new person; :class:`Conflict` if the id is taken."""
        self._create(cypher.CREATE_PERSON, "person", person.id, props=_person_row(person))
        return person

    def get_person(self, person_id: str) -> Person:
        """The person; :class:`NotFound` if there is none."""
        return Person.model_validate_json(self._one_data(cypher.GET_PERSON, "person", person_id))

    def get_persons(self, person_ids: Iterable[str]) -> list[Person]:
        """The persons among ``person_ids`` that exist, in the order asked."""
        ids = list(person_ids)
        if not ids:
            return []
        found = {
            str(r["id"]): r["data"]
            for r in self._read(cypher.GET_PERSONS, ids=list(dict.fromkeys(ids)))
        }
        return [Person.model_validate_json(found[i]) for i in ids if i in found]

    def update_person(self, person: Person) -> Person:
        """Replace a stored person; :class:`NotFound` if there is none."""
        records = self._write(cypher.UPDATE_PERSON, id=person.id, props=_person_row(person))
        if not records[0]["n"]:
            raise NotFound("person", person.id)
        return person

    def delete_person(self, person_id: str, *, cascade: bool = False) -> None:
        """Remove a person, with their ties and roles when ``cascade``."""
        self._write_tx(_delete_person_tx, person_id, cascade)

    def list_persons(self, *, limit: int = 100, offset: int = 0) -> list[Person]:
        """Persons ordered by id."""
        limit, offset = page(limit, offset)
        records = self._read(cypher.LIST_PERSONS, limit=limit, offset=offset)
        return [Person.model_validate_json(r["data"]) for r in records]

    def count_persons(self) -> int:
        """How many persons are stored."""
        return int(self._read(cypher.COUNT_PERSONS)[0]["n"])

    def find_persons_by_source(self, ref: str, *, name: str | None = None) -> list[Person]:
        """Persons imported with source reference ``ref`` (and source ``name``), by id."""
        found = self._read(cypher.FIND_PERSONS_BY_SOURCE, ref=ref, name=name)
        return [Person.model_validate_json(r["data"]) for r in found]

    def upsert_persons(self, persons: Sequence[Person], *, batch_size: int = DEFAULT_BATCH) -> int:
        """Create or replace many persons in one transaction; all or nothing."""
        refuse_duplicates((p.id for p in persons), "person")
        rows = [_person_row(p) for p in persons]
        self._upsert(_upsert_persons_tx, [list(c) for c in chunks(rows, batch_size)])
        return len(rows)

    # -- ties -----------------------------------------------------------------

    def create_tie(self, tie: Tie) -> Tie:
        """Store a new tie; :class:`NotFound` if a person is missing, :class:`Conflict`
        if the id is taken."""
        self._write_tx(_create_tie_tx, _tie_row(tie))
        return tie

    def get_tie(self, tie_id: str) -> Tie:
        """The tie; :class:`NotFound` if there is none."""
        return Tie.model_validate_json(self._one_data(cypher.GET_TIE, "tie", tie_id))

    def update_tie(self, tie: Tie) -> Tie:
        """Replace a stored tie, moving it if its persons changed."""
        self._write_tx(_update_tie_tx, _tie_row(tie))
        return tie

    def delete_tie(self, tie_id: str) -> None:
        """Remove a tie; :class:`NotFound` if there is none."""
        if not self._write(cypher.DELETE_TIE, id=tie_id)[0]["n"]:
            raise NotFound("tie", tie_id)

    def get_ties(self, tie_ids: Iterable[str]) -> list[Tie]:
        """The ties asked for, in the order asked; :class:`NotFound` naming the missing."""
        ids = list(tie_ids)
        if not ids:
            return []
        found = {
            str(r["id"]): r["data"]
            for r in self._read(cypher.GET_TIES, ids=list(dict.fromkeys(ids)))
        }
        missing = [i for i in dict.fromkeys(ids) if i not in found]
        if missing:
            raise NotFound("tie", ", ".join(missing))
        return [Tie.model_validate_json(found[i]) for i in ids]

    def ties_of(self, person_id: str) -> list[Tie]:
        """Every tie the person is on, either end, ordered by id."""
        found = self._listed(cypher.TIES_OF, "person", person_id, id=person_id)
        return [Tie.model_validate_json(d) for d in found]

    def upsert_ties(self, ties: Sequence[Tie], *, batch_size: int = DEFAULT_BATCH) -> int:
        """Create or replace many ties in one transaction; all or nothing."""
        refuse_duplicates((t.id for t in ties), "tie")
        rows = [_tie_row(t) for t in ties]
        self._upsert(_upsert_ties_tx, [list(c) for c in chunks(rows, batch_size)])
        return len(rows)

    # -- cases and network roles ----------------------------------------------

    def create_case(self, case: Case) -> Case:
        """Store a new case; its children must exist (:class:`NotFound`)."""
        self._write_tx(_create_case_tx, _case_props(case), _children(case))
        return case

    def get_case(self, case_id: str) -> Case:
        """The case; :class:`NotFound` if there is none."""
        return Case.model_validate_json(self._one_data(cypher.GET_CASE, "case", case_id))

    def update_case(self, case: Case) -> Case:
        """Replace a stored case and its list of children."""
        self._write_tx(_update_case_tx, _case_props(case), _children(case))
        return case

    def delete_case(self, case_id: str) -> None:
        """Remove a case with its roles, plans and candidates; persons and ties stay."""
        self._write_tx(_delete_case_tx, case_id)

    def list_cases(self, *, limit: int = 100, offset: int = 0) -> list[Case]:
        """Cases ordered by id."""
        limit, offset = page(limit, offset)
        records = self._read(cypher.LIST_CASES, limit=limit, offset=offset)
        return [Case.model_validate_json(r["data"]) for r in records]

    def set_role(self, role: NetworkRole) -> NetworkRole:
        """Add a person to a case's network, or change their role there."""
        return self._write_tx(_upsert_roles_tx, [role])[0]

    def get_role(self, case_id: str, person_id: str) -> NetworkRole:
        """A person's role in a case; :class:`NotFound` if they have none."""
        key = _role_key(case_id, person_id)
        records = self._read(cypher.GET_ROLE, key=key)
        if not records:
            raise NotFound("network role", key)
        return NetworkRole.model_validate_json(records[0]["data"])

    def remove_role(self, case_id: str, person_id: str) -> None:
        """Take a person out of a case's network; :class:`NotFound` if they are not in it."""
        key = _role_key(case_id, person_id)
        if not self._write(cypher.REMOVE_ROLE, key=key)[0]["n"]:
            raise NotFound("network role", key)

    def list_roles(self, case_id: str) -> list[NetworkRole]:
        """The network roles of a case, ordered by person id."""
        found = self._listed(cypher.LIST_ROLES, "case", case_id, case_id=case_id)
        return [NetworkRole.model_validate_json(d) for d in found]

    def roles_of(self, person_id: str) -> list[NetworkRole]:
        """Every network role of a person, across all cases, ordered by case id."""
        found = self._listed(cypher.ROLES_OF, "person", person_id, id=person_id)
        return [NetworkRole.model_validate_json(d) for d in found]

    def cases_of(self, person_id: str) -> list[str]:
        """Ids of the cases a person is a child or network member of, ordered."""
        return [str(i) for i in self._listed(cypher.CASES_OF, "person", person_id, id=person_id)]

    def upsert_roles(self, roles: Sequence[NetworkRole]) -> int:
        """Set many roles in one transaction; all or nothing."""
        refuse_duplicates((_role_key(r.case_id, r.person_id) for r in roles), "network role")
        if roles:
            self._write_tx(_upsert_roles_tx, list(roles))
        return len(roles)

    # -- graph queries --------------------------------------------------------

    def case_subgraph(self, case_id: str) -> nx.MultiDiGraph:
        """The case's children and network members with the ties among them."""
        records = self._read(cypher.CASE_SUBGRAPH, case_id=case_id)
        if not records:
            raise NotFound("case", case_id)
        row = records[0]
        persons = sorted(
            (Person.model_validate_json(d) for d in row["persons"]), key=lambda p: p.id
        )
        ties = sorted((Tie.model_validate_json(d) for d in row["ties"]), key=lambda t: t.id)
        roles = [NetworkRole.model_validate_json(d) for d in row["roles"]]
        return build_graph(persons, ties, case=Case.model_validate_json(row["case"]), roles=roles)

    def neighbourhood(self, person_id: str, hops: int) -> nx.MultiDiGraph:
        """Everyone within ``hops`` ties of a person, across all cases, with the ties
        among them."""
        if hops < 0:
            raise InvalidInput("hops must not be negative")
        found = self._read_tx(_neighbourhood_tx, person_id, hops)
        if found is None:
            raise NotFound("person", person_id)
        persons = sorted((Person.model_validate_json(d) for d in found[0]), key=lambda p: p.id)
        ties = sorted((Tie.model_validate_json(d) for d in found[1]), key=lambda t: t.id)
        return build_graph(persons, ties)

    # -- plans ----------------------------------------------------------------

    def add_plan(self, plan: Plan) -> Plan:
        """Store a new plan version; :class:`Conflict` if the case has that version."""
        props = {
            "id": plan.id,
            "case_id": plan.case_id,
            "version": plan.version,
            "data": plan.model_dump_json(),
        }
        self._write_tx(_add_plan_tx, props)
        return plan

    def update_plan(self, plan: Plan) -> Plan:
        """Replace a stored plan version's content; same case and version number."""
        props = {
            "id": plan.id,
            "case_id": plan.case_id,
            "version": plan.version,
            "data": plan.model_dump_json(),
        }
        self._write_tx(_update_plan_tx, props)
        return plan

    def get_plan(self, plan_id: str) -> Plan:
        """The plan version; :class:`NotFound` if there is none."""
        return Plan.model_validate_json(self._one_data(cypher.GET_PLAN, "plan", plan_id))

    def list_plans(self, case_id: str) -> list[Plan]:
        """A case's plan versions, oldest first."""
        found = self._listed(cypher.LIST_PLANS, "case", case_id, case_id=case_id)
        return [Plan.model_validate_json(d) for d in found]

    # -- records --------------------------------------------------------------

    def add_records(self, records: Sequence[Record]) -> int:
        """Store outside records in one transaction; all or nothing."""
        refuse_duplicates((r.id for r in records), "record")
        rows = [
            {
                "id": r.id,
                "case_id": r.case_id,
                "source_name": r.provenance.source.name,
                "data": r.model_dump_json(),
            }
            for r in records
        ]
        batches = [list(c) for c in chunks(rows, DEFAULT_BATCH)]
        if batches:
            self._write_tx(_add_records_tx, batches)
        return len(rows)

    def get_record(self, record_id: str) -> Record:
        """The record; :class:`NotFound` if there is none."""
        return Record.model_validate_json(self._one_data(cypher.GET_RECORD, "record", record_id))

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
        """Records ordered by id: all, or those of a case, a source name, or the cases
        ``within_cases`` and no case (see :meth:`GraphStore.list_records`)."""
        limit, offset = page(limit, offset)
        given: dict[str, Any] = {
            "case_id": case_id,
            "source": source,
            "within_cases": None if within_cases is None else list(within_cases),
            "after": after,
        }
        query = records_query([name for name, value in given.items() if value is not None])
        found = self._read(query, **given, limit=limit, offset=offset)
        return [Record.model_validate_json(r["data"]) for r in found]

    # -- candidates -----------------------------------------------------------

    def save_candidate(self, candidate: Candidate) -> Candidate:
        """Create or replace a candidate; :class:`NotFound` if its case is missing."""
        self._write_tx(_save_candidate_tx, _candidate_props(candidate))
        return candidate

    def get_candidate(self, candidate_id: str) -> Candidate:
        """The candidate; :class:`NotFound` if there is none."""
        return Candidate.model_validate_json(
            self._one_data(cypher.GET_CANDIDATE, "candidate", candidate_id)
        )

    def list_candidates(
        self, case_id: str, *, status: ReviewStatus | None = None
    ) -> list[Candidate]:
        """A case's candidates, best score first, then by id."""
        if status is None:
            found = self._listed(cypher.LIST_CANDIDATES, "case", case_id, case_id=case_id)
        else:
            found = self._listed(
                cypher.LIST_CANDIDATES_BY_STATUS,
                "case",
                case_id,
                case_id=case_id,
                status=ReviewStatus(status).value,
            )
        return [Candidate.model_validate_json(d) for d in found]

    def record_decision(
        self,
        candidate: Candidate,
        event: AuditEvent,
        *,
        change_set: ChangeSet | None = None,
    ) -> Candidate:
        """Store a decision, its audit event and its change set in one transaction."""
        check_decision(candidate, change_set)
        self._write_tx(
            _record_decision_tx,
            _candidate_props(candidate),
            None if change_set is None else _change_set_props(change_set),
            audit_props(event),
        )
        return candidate

    # -- change sets ----------------------------------------------------------

    def save_change_set(self, change_set: ChangeSet) -> ChangeSet:
        """Create or replace a change set, replacing any other of the same subject."""
        self._write_tx(_save_change_set_tx, _change_set_props(change_set))
        return change_set

    def get_change_set(self, change_set_id: str) -> ChangeSet:
        """The change set; :class:`NotFound` if there is none."""
        records = self._read(cypher.GET_CHANGE_SET, id=change_set_id)
        if not records:
            raise NotFound("change set", change_set_id)
        return _change_set(dict(records[0]["props"]))

    def change_set_for(self, subject_id: str) -> ChangeSet | None:
        """The change set of a subject, or None."""
        records = self._read(cypher.CHANGE_SET_FOR, subject_id=subject_id)
        return _change_set(dict(records[0]["props"])) if records else None

    def delete_change_set(self, change_set_id: str) -> None:
        """Remove a change set; :class:`NotFound` if there is none."""
        if not self._write(cypher.DELETE_CHANGE_SET, id=change_set_id)[0]["n"]:
            raise NotFound("change set", change_set_id)

    # -- audit ----------------------------------------------------------------

    def append_audit(self, event: AuditEvent) -> None:
        """Append an event; :class:`Conflict` if its id is taken."""
        self._create(cypher.APPEND_AUDIT, "audit event", event.id, props=audit_props(event))

    def append_audit_many(self, events: Sequence[AuditEvent]) -> int:
        """Append many events in one transaction; all or nothing."""
        refuse_duplicates((e.id for e in events), "audit event")
        rows = [audit_props(e) for e in events]
        batches = [list(c) for c in chunks(rows, DEFAULT_BATCH)]
        if batches:
            self._write_tx(_append_audit_many_tx, batches)
        return len(rows)

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
        """Events newest first (then by id, descending) that every filter given holds for."""
        limit, offset = page(limit, offset)
        filters = _audit_filters(case_id, actor, entity_id, action, since, until)
        found = self._read(
            _audit_query(filters, cypher.LIST_AUDIT_RETURN), **filters, limit=limit, offset=offset
        )
        return [AuditEvent.model_validate_json(r["data"]) for r in found]

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
        """How many events :meth:`list_audit` would list with these filters and no limit."""
        filters = _audit_filters(case_id, actor, entity_id, action, since, until)
        found = self._read(_audit_query(filters, cypher.COUNT_AUDIT_RETURN), **filters)
        return int(found[0]["n"])

    def _add_record_sources(self) -> None:
        """Migration 8 → 9: copy each earlier record's source name into its key."""
        after = ""
        while rows := self._read(
            cypher.RECORDS_WITHOUT_SOURCE_AFTER, after=after, limit=DEFAULT_BATCH
        ):
            sources = [
                {
                    "id": r["id"],
                    "source_name": Record.model_validate_json(r["data"]).provenance.source.name,
                }
                for r in rows
            ]
            self._write(cypher.SET_RECORD_SOURCES, rows=sources)
            after = rows[-1]["id"]

    def _add_audit_keys(self) -> None:
        """Migration 3 → 4: copy each earlier event's entity id and action into the keys
        the audit log is filtered on."""
        after = ""
        while rows := self._read(cypher.AUDIT_WITHOUT_KEYS_AFTER, after=after, limit=DEFAULT_BATCH):
            keys = [
                {"id": r["id"], **audit_keys(AuditEvent.model_validate_json(r["data"]))}
                for r in rows
            ]
            self._write(cypher.SET_AUDIT_KEYS, rows=keys)
            after = rows[-1]["id"]
