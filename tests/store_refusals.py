"""A real store that refuses a write half-way through a unit of work, as a database does
when a constraint fails: for the tests that check such a failure leaves nothing behind.

No store is mocked: the database itself gets one more constraint (a case holds one
network role at most), behind the store's back, and loses it again afterwards.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager

from tenhands.graph.store import GraphStore


@contextmanager
def one_role_per_case(store: GraphStore) -> Iterator[None]:
    """While the block runs, the store's database refuses a second network role in a
    case (the store says :class:`~tenhands.graph.errors.Conflict`). Every case must hold
    at most one role when the block starts."""
    if store.kind == "sqlite":
        path = store.describe().removeprefix("sqlite:///")
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("CREATE UNIQUE INDEX one_role_per_case ON roles (case_id)")
        try:
            yield
        finally:
            with closing(sqlite3.connect(path)) as conn:
                conn.execute("DROP INDEX one_role_per_case")
        return

    import neo4j

    user, password = os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD")
    auth = (user, password) if user and password else None
    with neo4j.GraphDatabase.driver(os.environ["NEO4J_URI"], auth=auth) as driver:
        driver.execute_query(
            "CREATE CONSTRAINT one_role_per_case FOR ()-[r:ROLE]-() REQUIRE r.case_id IS UNIQUE"
        )
        try:
            yield
        finally:
            driver.execute_query("DROP CONSTRAINT one_role_per_case")
