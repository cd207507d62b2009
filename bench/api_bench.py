"""API bench: ``GET /cases/{id}/network`` of a 100-person case under load, on loopback.

    python bench/api_bench.py                       # SQLite; Neo4j too when NEO4J_URI is set
    python bench/api_bench.py --record              # also append to bench/RESULTS.md
    python scripts/neo4j_test_server.py run -- python bench/api_bench.py --record

The service runs as it is deployed (``uvicorn --factory tenhands.app:create_app``,
uvloop and httptools, no access log) in its own process, signed in with a worker's API
token: every request checks the token, the case assignment and writes its audit event
before it answers. Load comes from ``wrk`` (Debian's package; ``make bench`` installs
it), keeping ``--connections`` requests in flight for ``--seconds``; the latencies are
wrk's own percentiles.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from map_bench import big_case
from results import report

from tenhands.api.auth.tokens import issue
from tenhands.graph.model import TokenKind, User, UserRole
from tenhands.graph.store import GraphStore
from tenhands.graph.stores import open_store

CASE = "bench-map"
PERSONS = 100


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def seed(store: GraphStore) -> str:
    """The 100-person case and a worker assigned to it; returns the worker's API token."""
    persons, ties, case, roles = big_case(PERSONS)
    store.upsert_persons(persons)
    store.upsert_ties(ties)
    store.create_case(case)
    store.upsert_roles(roles)
    worker = store.create_user(
        User(login="bench.worker", display_name="Bench", role=UserRole.worker)
    )
    store.assign_case(worker.id, CASE)
    return issue(store, worker, TokenKind.api, label="bench").secret


def serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TENHANDS_STORE": url}
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "tenhands.app:create_app",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
         "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--log-level", "warning"],
        env=env,
    )  # fmt: skip


def wait_ready(port: int, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the service did not start")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    found = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if found is None:
        raise SystemExit(f"wrk printed a latency this bench cannot read: {text!r}")
    return float(found.group(1)) * _UNITS[found.group(2)]


def load(port: int, token: str, seconds: int, connections: int) -> dict[str, float]:
    """wrk against the network route: requests per second, p50, p99 (ms), and errors."""
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency",
         "-H", f"Authorization: Bearer {token}",
         f"http://127.0.0.1:{port}/cases/{CASE}/network"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    failed = re.search(r"Socket errors:.*", out)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "non_2xx": float(bad.group(1)) if bad else 0.0,
        "socket_errors": 1.0 if failed else 0.0,
    }


def run(url: str, token: str, args: argparse.Namespace) -> dict[str, float]:
    port = free_port()
    server = serve(url, port, args.workers)
    try:
        wait_ready(port)
        load(port, token, 3, args.connections)  # warm up
        return load(port, token, args.seconds, args.connections)
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="service processes")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: `sudo apt-get install wrk` (make bench does it)")

    rows = [
        "| store | requests/s | p50 | p99 | non-2xx | target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    stores: list[tuple[str, str]] = []
    folder = tempfile.mkdtemp(prefix="tenhands-api-bench-")
    stores.append(("SQLite", f"sqlite:///{Path(folder) / 'api.db'}"))
    if os.environ.get("NEO4J_URI"):
        stores.append(("Neo4j", os.environ["NEO4J_URI"]))
    try:
        for name, url in stores:
            store = open_store(
                url,
                user=os.environ.get("NEO4J_USER"),
                password=os.environ.get("NEO4J_PASSWORD"),
            )
            store.init_schema()
            try:
                token = seed(store)
            finally:
                store.close()
            got = run(url, token, args)
            rows.append(
                f"| {name} | {got['rps']:.0f} | {got['p50']:.1f} ms | {got['p99']:.1f} ms | "
                f"{got['non_2xx']:.0f} | ≥ 800 requests/s, p99 < 50 ms (SQLite) |"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(
        "API bench: GET /cases/{id}/network",
        rows,
        [
            f"A {PERSONS}-person case (family over four generations, supporters, "
            f"professionals); {args.workers} uvicorn processes; wrk, 1 thread, "
            f"{args.connections} connections, {args.seconds} s after a 3 s warm-up, on the "
            "same 2 cores. Every request is signed in with a worker's API token, checked "
            "against the case assignment and audited before it answers."
        ],
        record=args.record,
    )


if __name__ == "__main__":
    main()
