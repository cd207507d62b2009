"""The Neo4j store's migration 3 → 4: audit events stored before the audit log had
filter keys get them, so every filter finds them. Runs against the real server at
NEO4J_URI."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import neo4j
import pytest

from tenhands.graph.model import AuditAction, AuditEvent
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.neo4j.store import SCHEMA_VERSION

pytestmark = pytest.mark.neo4j

START = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def admin(neo4j_uri: str) -> Iterator[neo4j.Driver]:
    """A plain driver for looking at the server behind the store's back."""
    user, password = os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD")
    auth = (user, password) if user and password else None
    with neo4j.GraphDatabase.driver(neo4j_uri, auth=auth) as driver:
        yield driver


def test_migration_from_schema_3_fills_the_audit_keys(
    neo4j_store: GraphStore, admin: neo4j.Driver
) -> None:
    old = [
        AuditEvent(
            id=f"a-{i}",
            at=START + timedelta(minutes=i),
            actor="worker-an",
            action=AuditAction.update if i % 2 else AuditAction.read,
            entity="person",
            entity_id=f"p-{i % 3}",
            case_id="c-1",
        )
        for i in range(7)
    ]
    old.append(
        AuditEvent(id="a-9", at=START, actor="admin", action=AuditAction.login, entity="user")
    )
    admin.execute_query(
        "UNWIND $rows AS row CREATE (e:AuditEvent) SET e = row "
        "WITH count(*) AS n MERGE (v:SchemaVersion {name: 'tenhands'}) SET v.version = 3",
        {
            "rows": [
                {
                    "id": e.id,
                    "at": e.at,
                    "actor": e.actor,
                    "case_id": e.case_id,
                    "data": e.model_dump_json(),
                }
                for e in old
            ]
        },
    )
    assert neo4j_store.list_audit(action=AuditAction.update) == []  # not yet filterable
    neo4j_store.init_schema()

    updates = neo4j_store.list_audit(action=AuditAction.update)
    assert [e.id for e in updates] == ["a-5", "a-3", "a-1"]
    assert [e.id for e in neo4j_store.list_audit(entity_id="p-1")] == ["a-4", "a-1"]
    assert [e.id for e in neo4j_store.list_audit(action=AuditAction.login)] == ["a-9"]
    assert neo4j_store.count_audit(actor="worker-an", action=AuditAction.read) == 4
    assert sorted(neo4j_store.list_audit(), key=lambda e: e.id) == old
    keys = admin.execute_query(
        "MATCH (e:AuditEvent {id: 'a-9'}) RETURN e.entity_id AS entity_id, e.action AS action"
    ).records
    assert [(r["entity_id"], r["action"]) for r in keys] == [(None, "login")]
    version = admin.execute_query("MATCH (v:SchemaVersion) RETURN v.version AS v").records
    assert version[0]["v"] == SCHEMA_VERSION == 9
