"""The whole API against its own OpenAPI document, with generated requests
(schemathesis): whatever a client sends, the service answers without a server error.

Signed in as an admin over the demo case, so requests reach the code behind the access
checks. Bounded for CI: :data:`EXAMPLES` requests per operation, a few thousand in all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from api_helpers import ADMIN_LOGIN, bearer
from hypothesis import HealthCheck, given, settings

from tenhands.app import create_app
from tenhands.demo.seed import seed_demo
from tenhands.graph.model import UserRole
from tenhands.graph.stores.sqlite import SqliteStore
from tenhands.settings import Settings

EXAMPLES = 40

SKIPPED_OPERATIONS = ("/persons/{person_id}/erase",)
"""Erasing takes random persons away for good: tested in test_exports_api.py."""


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteStore]:
    store = SqliteStore(Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.db")
    store.init_schema()
    seed_demo(store)
    yield store
    store.close()


def test_no_request_gets_a_server_error(fuzz_store: SqliteStore) -> None:
    app = create_app(Settings(store=fuzz_store.describe()), store=fuzz_store)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [r.ok() for r in schema.get_all_operations()]
    tried = [op for op in operations if op.path not in SKIPPED_OPERATIONS]
    assert len(tried) >= 40  # the document lists every route
    calls = 0
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    for operation in tried:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: Any) -> None:
            nonlocal calls
            calls += 1
            # a fresh token each time: a generated request may sign out or change the
            # password, which ends the tokens it was sent with
            headers = bearer(fuzz_store, ADMIN_LOGIN, UserRole.admin)
            response = case.call(headers=headers)
            statuses[response.status_code] += 1
            if response.status_code == 401 and not case.operation.path.startswith("/auth/"):
                failures.append(f"{case.operation.label} -> 401 while signed in")
            if response.status_code >= 500:
                failures.append(f"{case.operation.label} -> {response.status_code}")

        run()
    assert not failures, "\n".join(sorted(set(failures)))
    assert calls >= 1000
    # the requests got past signing in and into the routes: many answered, many refused
    answered = sum(n for status, n in statuses.items() if status < 300)
    assert answered > calls // 10, statuses
