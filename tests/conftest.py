"""Fixtures shared by the whole suite: one ``store`` fixture over both stores.

The Neo4j half needs a real server named by ``NEO4J_URI`` (``make test`` starts
one). Without it the Neo4j tests are skipped and the summary says so plainly;
in CI (``CI=true``) a missing server fails the run instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import GEDCOM_SAMPLE

from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore

STORE_KINDS = ["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    uri = os.environ.get("NEO4J_URI", "")
    if not uri:
        if _in_ci():
            pytest.fail("CI needs a real Neo4j server, but NEO4J_URI is not set", pytrace=False)
        pytest.skip("NEO4J_URI is not set: Neo4j tests not run (make test starts a server)")
    return uri


@pytest.fixture(scope="session")
def neo4j_server_store(neo4j_uri: str) -> Iterator[GraphStore]:
    from tenhands.graph.stores.neo4j import Neo4jStore

    user, password = os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD")
    store = Neo4jStore(neo4j_uri, auth=(user, password) if user and password else None)
    if not store.ping():
        store.close()
        pytest.fail(f"no Neo4j server answers at {neo4j_uri}", pytrace=False)
    store.init_schema()
    yield store
    store.close()


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Debian's Chromium and Python Playwright, for the ``browser`` tests (``make browser``)."""
    import importlib.util

    from tenhands.viz.export import ChromiumNotFound, find_chromium

    try:
        path = str(find_chromium())
    except ChromiumNotFound as exc:
        if _in_ci():
            pytest.fail(f"CI needs Chromium for the browser tests: {exc}", pytrace=False)
        pytest.skip(f"browser tests not run: {exc}")
    if importlib.util.find_spec("playwright") is None:
        message = "the browser tests need Playwright (pip install -e '.[dev]')"
        if _in_ci():
            pytest.fail(f"CI: {message}", pytrace=False)
        pytest.skip(f"browser tests not run: {message}")
    return path


def wipe_neo4j(uri: str) -> None:
    """Empty the test server's database (test data only; schema stays)."""
    import neo4j

    user, password = os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD")
    auth = (user, password) if user and password else None
    # CALL … IN TRANSACTIONS needs an auto-commit query, hence a plain session.
    with neo4j.GraphDatabase.driver(uri, auth=auth) as driver, driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")


@pytest.fixture
def neo4j_store(neo4j_server_store: GraphStore, neo4j_uri: str) -> GraphStore:
    wipe_neo4j(neo4j_uri)
    return neo4j_server_store


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SqliteStore]:
    store = SqliteStore(tmp_path / "tenhands.db")
    store.init_schema()
    yield store
    store.close()


@pytest.fixture(params=STORE_KINDS)
def store(request: pytest.FixtureRequest) -> GraphStore:
    """An empty, initialised store of each kind."""
    store: GraphStore = request.getfixturevalue(f"{request.param}_store")
    return store


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    ran = skipped = 0
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            if getattr(report, "when", "call") not in ("call", "setup"):
                continue
            if "neo4j" not in getattr(report, "keywords", {}):
                continue
            if outcome == "skipped":
                skipped += 1
            elif report.when == "call":
                ran += 1
    if ran or skipped:
        parts = []
        if ran:
            parts.append(f"{ran} tests ran against a real server ({os.environ.get('NEO4J_URI')})")
        if skipped:
            parts.append(f"{skipped} tests NOT RUN (no server; `make test` starts one)")
        terminalreporter.write_line("Neo4j: " + "; ".join(parts), yellow=bool(skipped))


@pytest.fixture(scope="session")
def gedcom_sample() -> Path:
    """The Gramps project's public GEDCOM 5.5 sample (43 individuals, 15 families)."""
    if not GEDCOM_SAMPLE.is_file():
        pytest.fail(f"the public sample data is missing: {GEDCOM_SAMPLE}", pytrace=False)
    return GEDCOM_SAMPLE


@pytest.fixture
def cli_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh SQLite store named by ``TENHANDS_STORE``, as the command line reads it."""
    from tenhands.settings import get_settings

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("TENHANDS_STORE", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()
