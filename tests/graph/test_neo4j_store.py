"""What only the Neo4j store does: its schema, its graph shape, and how it meets
driver errors and transient failures. Runs against the real server at NEO4J_URI.

The shared behaviour of every store is in the test_contract_*.py files.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Iterator

import neo4j
import pytest
from builders import case, person, role, tie
from legacy_helpers import check_schema_3, seed_schema_2

from tenhands.graph.errors import Conflict, InvalidInput, StoreUnavailable
from tenhands.graph.model import Provenance, Record, SourceKind, SourceRef
from tenhands.graph.stores.neo4j import Neo4jStore
from tenhands.graph.stores.neo4j.store import SCHEMA_VERSION, records_query

pytestmark = pytest.mark.neo4j

USER_AGENT = "tenhands-neo4j-store"


def _auth() -> tuple[str, str] | None:
    user, password = os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD")
    return (user, password) if user and password else None


@pytest.fixture(scope="module")
def uri() -> str:
    value = os.environ.get("NEO4J_URI", "")
    if not value:
        pytest.skip("NEO4J_URI not set")
    return value


@pytest.fixture(autouse=True)
def _needs_a_server(uri: str) -> None:
    """Every test here is skipped without NEO4J_URI, even those that need no server."""


@pytest.fixture
def admin(uri: str) -> Iterator[neo4j.Driver]:
    """A plain driver for looking at the server behind the store's back."""
    with neo4j.GraphDatabase.driver(uri, auth=_auth()) as driver:
        yield driver


@pytest.fixture
def store(uri: str, admin: neo4j.Driver) -> Iterator[Neo4jStore]:
    """An initialised store on an emptied database."""
    with admin.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
    opened = Neo4jStore(uri, auth=_auth())
    opened.init_schema()
    yield opened
    opened.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_blocked_transaction(admin: neo4j.Driver) -> None:
    for _ in range(100):
        blocked = admin.execute_query(
            "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN status"
        ).records
        if blocked:
            return
        time.sleep(0.05)
    raise AssertionError("the store's transaction never waited for the lock")


# -- schema ---------------------------------------------------------------------


def test_init_schema_creates_constraints_and_indexes(
    store: Neo4jStore, admin: neo4j.Driver
) -> None:
    store.init_schema()  # a second run changes nothing
    constraints = {
        r["name"]: (r["type"], r["labelsOrTypes"], r["properties"])
        for r in admin.execute_query(
            "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties"
        ).records
    }
    for label in ["Person", "Case", "Plan", "Record", "Candidate", "AuditEvent", "ChangeSet"]:
        assert ("UNIQUENESS", [label], ["id"]) in constraints.values()
    assert constraints["tie_id"] == ("RELATIONSHIP_UNIQUENESS", ["TIE"], ["id"])
    assert constraints["role_key"] == ("RELATIONSHIP_UNIQUENESS", ["ROLE"], ["key"])
    assert constraints["plan_case_version"] == ("UNIQUENESS", ["Plan"], ["case_id", "version"])
    indexes = {
        r["name"]: (r["labelsOrTypes"], r["properties"], r["state"])
        for r in admin.execute_query(
            "SHOW INDEXES YIELD name, labelsOrTypes, properties, state"
        ).records
    }
    assert indexes["person_surname"] == (["Person"], ["surname"], "ONLINE")
    assert indexes["record_case_id"] == (["Record"], ["case_id"], "ONLINE")
    assert indexes["record_source_name"] == (["Record"], ["source_name"], "ONLINE")
    assert indexes["candidate_case_id"] == (["Candidate"], ["case_id"], "ONLINE")
    assert indexes["audit_at"] == (["AuditEvent"], ["at"], "ONLINE")
    assert indexes["audit_case_id"] == (["AuditEvent"], ["case_id"], "ONLINE")
    version = admin.execute_query(
        "MATCH (v:SchemaVersion {name: 'tenhands'}) RETURN v.version AS v"
    ).records
    assert [r["v"] for r in version] == [SCHEMA_VERSION]


def test_a_newer_schema_is_refused(store: Neo4jStore, admin: neo4j.Driver) -> None:
    admin.execute_query(
        "MATCH (v:SchemaVersion {name: 'tenhands'}) SET v.version = $v", {"v": SCHEMA_VERSION + 1}
    )
    with pytest.raises(Conflict, match="newer"):
        store.init_schema()


def test_the_database_itself_refuses_duplicate_tie_and_role_ids(
    store: Neo4jStore, admin: neo4j.Driver
) -> None:
    store.upsert_persons([person("p-a"), person("p-b")])
    store.create_case(case("c-1", "p-a"))
    store.create_tie(tie("t-1", "p-a", "p-b"))
    store.set_role(role("c-1", "p-b"))
    with pytest.raises(neo4j.exceptions.ConstraintError):
        admin.execute_query(
            "MATCH (a:Person {id: 'p-a'}), (b:Person {id: 'p-b'}) "
            "CREATE (b)-[:TIE {id: 't-1', kind: 'friend', data: '{}'}]->(a)"
        )
    with pytest.raises(neo4j.exceptions.ConstraintError):
        admin.execute_query(
            "MATCH (p:Person {id: 'p-b'}), (c:Case {id: 'c-1'}) "
            "CREATE (p)-[:ROLE {key: 'c-1/p-b', data: '{}'}]->(c)"
        )


def test_graph_shape(store: Neo4jStore, admin: neo4j.Driver) -> None:
    store.upsert_persons([person("p-mum", surname="Peeters"), person("p-kid"), person("p-oma")])
    store.create_case(case("c-1", "p-kid"))
    store.create_tie(tie("t-1", "p-mum", "p-kid", "parent"))
    store.set_role(role("c-1", "p-oma"))
    rows = admin.execute_query(
        "MATCH (s:Person)-[t:TIE]->(o:Person) RETURN s.id AS s, o.id AS o, t.id AS id, t.kind AS k"
    ).records
    assert [(r["s"], r["o"], r["id"], r["k"]) for r in rows] == [
        ("p-mum", "p-kid", "t-1", "parent")
    ]
    shape = admin.execute_query(
        "MATCH (c:Case {id: 'c-1'}) "
        "RETURN [(p)-[:CHILD_OF]->(c) | p.id] AS children, [(p)-[:ROLE]->(c) | p.id] AS members"
    ).records[0]
    assert (shape["children"], shape["members"]) == (["p-kid"], ["p-oma"])
    surname = admin.execute_query("MATCH (p:Person {id: 'p-mum'}) RETURN p.surname AS s")
    assert surname.records[0]["s"] == "Peeters"


# -- driver errors ------------------------------------------------------------------


def test_no_server_is_unavailable_and_ping_says_so() -> None:
    dead = Neo4jStore(f"bolt://127.0.0.1:{_free_port()}", max_retry_time=0.5)
    try:
        assert dead.ping() is False
        with pytest.raises(StoreUnavailable):
            dead.get_person("p-1")
        with pytest.raises(StoreUnavailable):
            dead.upsert_persons([person("p-1")])
        with pytest.raises(StoreUnavailable):
            dead.case_subgraph("c-1")
    finally:
        dead.close()


def test_missing_database_is_unavailable(uri: str) -> None:
    lost = Neo4jStore(uri, auth=_auth(), database="nosuchdatabase", max_retry_time=0.5)
    try:
        with pytest.raises(StoreUnavailable):
            lost.count_persons()
        assert "nosuchdatabase" in lost.describe()
    finally:
        lost.close()


def test_closed_store_is_unavailable(uri: str) -> None:
    closed = Neo4jStore(uri, auth=_auth())
    closed.close()
    with pytest.raises(StoreUnavailable):
        closed.count_persons()


def test_bad_uris_and_values_are_invalid_input(store: Neo4jStore) -> None:
    with pytest.raises(InvalidInput):
        Neo4jStore("http://127.0.0.1:7474")
    with pytest.raises(InvalidInput):
        store.list_persons(limit=-1)
    with pytest.raises(InvalidInput):
        store.upsert_persons([person("p-1")], batch_size=0)
    assert store.list_persons(limit=2**70, offset=0) == []  # cut to what Cypher can take


def test_the_drivers_debug_log_of_query_parameters_stays_off(uri: str) -> None:
    driver_log = logging.getLogger("neo4j")
    before = driver_log.level
    driver_log.setLevel(logging.DEBUG)
    try:
        Neo4jStore(uri, auth=_auth()).close()
        assert driver_log.getEffectiveLevel() == logging.INFO
    finally:
        driver_log.setLevel(before)


def test_describe_leaves_out_credentials(uri: str) -> None:
    secret = Neo4jStore(uri, auth=("neo4j", "s3cret-pw"), database="graph")
    try:
        assert "s3cret" not in secret.describe()
        assert secret.describe().endswith("(database graph)")
    finally:
        secret.close()


# -- transient failures ----------------------------------------------------------------


def test_deadlock_victim_is_retried(
    store: Neo4jStore, admin: neo4j.Driver, caplog: pytest.LogCaptureFixture
) -> None:
    """The store's transaction locks B then waits for A, held by another transaction
    that then asks for B. The server aborts the younger one (the store's) with a
    transient DeadlockDetected; the driver runs the transaction function again."""
    store.upsert_persons([person("A"), person("B")])
    outcome: dict[str, object] = {}

    def upsert() -> None:
        try:
            outcome["n"] = store.upsert_persons(
                [person("B", surname="Nieuw"), person("A", surname="Nieuw")]
            )
        except Exception as exc:  # reported below
            outcome["error"] = exc

    caplog.set_level(logging.WARNING, logger="neo4j")
    with admin.session() as session:
        other = session.begin_transaction()
        other.run("MATCH (a:Person {id: 'A'}) SET a.lock = 1").consume()
        worker = threading.Thread(target=upsert)
        worker.start()
        _wait_for_blocked_transaction(admin)
        other.run("MATCH (b:Person {id: 'B'}) SET b.lock = 1").consume()
        other.rollback()
        worker.join(30)

    assert outcome == {"n": 2}
    assert [p.surname for p in store.get_persons(["A", "B"])] == ["Nieuw", "Nieuw"]
    assert any("DeadlockDetected" in r.getMessage() for r in caplog.records)


def test_dropped_connections_are_survived(store: Neo4jStore, admin: neo4j.Driver) -> None:
    store.create_person(person("p-1"))
    for step in ("read", "write"):
        ids = [
            r["connectionId"]
            for r in admin.execute_query(
                "CALL dbms.listConnections() YIELD connectionId, userAgent "
                "WHERE userAgent = $agent RETURN connectionId",
                {"agent": USER_AGENT},
            ).records
        ]
        assert ids, "the store keeps a pooled connection"
        admin.execute_query("CALL dbms.killConnections($ids)", {"ids": ids})
        if step == "read":
            assert store.get_person("p-1").id == "p-1"
        else:
            store.update_person(person("p-1", surname="Na"))
    assert store.get_person("p-1").surname == "Na"


def test_transaction_killed_mid_way_is_unavailable_and_rolled_back(
    store: Neo4jStore, admin: neo4j.Driver
) -> None:
    store.create_person(person("p-1", surname="Voor"))
    outcome: dict[str, object] = {}

    def update() -> None:
        try:
            store.update_person(person("p-1", surname="Na"))
        except Exception as exc:  # reported below
            outcome["error"] = exc

    with admin.session() as session:
        other = session.begin_transaction()
        other.run("MATCH (p:Person {id: 'p-1'}) SET p.lock = 1").consume()
        worker = threading.Thread(target=update)
        worker.start()
        _wait_for_blocked_transaction(admin)
        admin.execute_query(
            "CALL dbms.listConnections() YIELD connectionId, userAgent "
            "WHERE userAgent = $agent "
            "WITH collect(connectionId) AS ids CALL dbms.killConnections(ids) YIELD message "
            "RETURN count(*)",
            {"agent": USER_AGENT},
        )
        worker.join(30)
        other.rollback()

    assert isinstance(outcome.get("error"), StoreUnavailable)
    assert store.get_person("p-1").surname == "Voor"


def test_migration_from_schema_1_fills_the_source_keys(
    store: Neo4jStore, admin: neo4j.Driver
) -> None:
    source = SourceRef(kind=SourceKind.gedcom, name="oud.ged", ref="@I1@")
    store.upsert_persons([person("p-old", provenance=Provenance(source=source)), person("p-2")])
    admin.execute_query(
        "MATCH (p:Person) REMOVE p.source_ref, p.source_name "
        "WITH count(*) AS n MATCH (v:SchemaVersion) SET v.version = 1"
    )
    assert store.find_persons_by_source("@I1@") == []
    store.init_schema()
    assert [p.id for p in store.find_persons_by_source("@I1@", name="oud.ged")] == ["p-old"]
    version = admin.execute_query("MATCH (v:SchemaVersion) RETURN v.version AS v").records
    assert version[0]["v"] == SCHEMA_VERSION


def test_migration_from_schema_2_adds_change_sets_and_moves_undo_logs(
    store: Neo4jStore, admin: neo4j.Driver
) -> None:
    seed_schema_2(store)
    for name in ("change_set_id", "change_set_subject_id"):
        admin.execute_query(f"DROP CONSTRAINT {name} IF EXISTS")
    admin.execute_query("DROP INDEX change_set_case_id IF EXISTS")
    admin.execute_query("MATCH (v:SchemaVersion) SET v.version = 2")
    try:
        store.init_schema()
        check_schema_3(store)
        store.init_schema()  # a second run changes nothing
        check_schema_3(store)
    finally:
        store.init_schema()  # the constraints stay for the other tests, whatever happened
    constraints = {
        r["name"]: (r["labelsOrTypes"], r["properties"])
        for r in admin.execute_query(
            "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties"
        ).records
    }
    assert constraints["change_set_id"] == (["ChangeSet"], ["id"])
    assert constraints["change_set_subject_id"] == (["ChangeSet"], ["subject_id"])
    version = admin.execute_query("MATCH (v:SchemaVersion) RETURN v.version AS v").records
    assert version[0]["v"] == SCHEMA_VERSION


def _record(rid: str, source: str) -> Record:
    ref = SourceRef(kind=SourceKind.school_list, name=source)
    return Record(id=rid, provenance=Provenance(source=ref))


def test_migration_from_schema_8_fills_the_records_source_names(
    store: Neo4jStore, admin: neo4j.Driver
) -> None:
    store.add_records([_record("r-1", "a.csv"), _record("r-2", "b.csv")])
    admin.execute_query(
        "MATCH (n:Record) REMOVE n.source_name "
        "WITH count(*) AS n MATCH (v:SchemaVersion) SET v.version = 8"
    )
    assert store.list_records(source="b.csv") == []
    store.init_schema()
    assert [r.id for r in store.list_records(source="b.csv")] == ["r-2"]
    version = admin.execute_query("MATCH (v:SchemaVersion) RETURN v.version AS v").records
    assert version[0]["v"] == SCHEMA_VERSION == 9


@pytest.mark.parametrize(
    ("filters", "index"),
    [(["source"], "n:Record(source_name)"), (["case_id", "after"], "n:Record(case_id)")],
)
def test_records_are_listed_by_an_index(
    store: Neo4jStore, admin: neo4j.Driver, filters: list[str], index: str
) -> None:
    params = {"source": "s.csv", "case_id": "c-1", "after": "r-1", "limit": 5, "offset": 0}
    plan = admin.execute_query("EXPLAIN " + records_query(filters), params).summary.plan
    assert plan is not None
    said = str(plan["args"]["string-representation"])
    assert "NodeIndexSeek" in said
    assert f"RANGE INDEX {index} WHERE" in said
