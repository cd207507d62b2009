#!/usr/bin/env python3
"""Run a real Neo4j server for the tests, without Docker.

The server is assembled once with Maven (the ``org.neo4j:neo4j`` jar and its
runtime dependencies, newest 5.26.x) into a cache directory, then started with
``java`` on a free loopback port, in a fresh temporary home directory, with
authentication off. It is for tests only: never point it at real data.

Commands:

  run [--require] -- CMD [ARGS...]
      Start a server, run CMD with NEO4J_URI=bolt://127.0.0.1:PORT in its
      environment, stop the server, delete its data and exit with CMD's code.
      If NEO4J_URI is already set, just run CMD. If no server can be started,
      fail (exit 69) when CI=true or --require is given; otherwise warn loudly
      and run CMD without NEO4J_URI.
  start
      Start a server that keeps running; print ``export NEO4J_URI=...``
      (use: eval "$(python scripts/neo4j_test_server.py start)").
  stop
      Stop the server that ``start`` started and delete its data.
  assemble
      Only assemble (download) the server into the cache; print its lib dir.

Environment:

  TENHANDS_CACHE          cache root (default ~/.cache/tenhands)
  TENHANDS_NEO4J_VERSION  an exact Neo4j version instead of the newest 5.26.x
  NEO4J_HEAP              JVM heap, e.g. 512m or 2g (default 1g)
  CI                      when "true", a server that cannot start is an error

To pick up a newer 5.26.x patch release, delete the cached neo4j-5.26.* dirs.
Needs Java 17+ (``java`` on PATH) and Maven (``mvn`` on PATH) the first time.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

VERSION_RANGE = "[5.26.0,5.27.0)"
SERIES_PREFIX = "5.26."
MIN_JAVA = 17
READY_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 30.0
LOG_TAIL_LINES = 40
EXIT_UNAVAILABLE = 69  # sysexits.h EX_UNAVAILABLE: the server could not be had
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
HOME_PREFIX = "tenhands-neo4j-"  # the server's temporary home directories
PORT_ATTEMPTS = 3

# The JVM flags Neo4j 5's own launcher passes (its default neo4j.conf
# ``server.jvm.additional`` lines), less the profiling and TLS ones a
# loopback test server has no use for.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
]

POM_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by scripts/neo4j_test_server.py: the Neo4j server jars for tests. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>tenhands.test</groupId>
  <artifactId>neo4j-test-server</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>{version}</version>{exclusions}
    </dependency>
  </dependencies>
</project>
"""

EXCLUDE_ALL = """
      <exclusions>
        <exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion>
      </exclusions>"""


class SetupError(Exception):
    """The server could not be assembled or started; the message says why."""


class Interrupted(BaseException):
    """SIGTERM or SIGHUP arrived: stop what we started, then exit."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def log(message: str) -> None:
    print(f"[neo4j-test-server] {message}", file=sys.stderr, flush=True)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def cache_root() -> Path:
    root = os.environ.get("TENHANDS_CACHE") or str(Path.home() / ".cache" / "tenhands")
    return Path(root).expanduser().resolve()


def state_file() -> Path:
    return cache_root() / "neo4j-server.json"


def tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return f"({path} could not be read)"
    kept = text.rstrip("\n").splitlines()[-lines:]
    return "\n".join(f"    {line}" for line in kept) if kept else "    (empty)"


# --- Java and Maven -----------------------------------------------------------


def java_executable() -> str:
    """``java`` on PATH, checked to be Java 17 or newer."""
    java = shutil.which("java")
    if java is None:
        raise SetupError("no `java` on PATH: install Java 17 or newer (e.g. openjdk-17-jre)")
    try:
        result = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SetupError(f"`{java} -version` could not be run: {error}") from error
    output = result.stderr + result.stdout
    match = re.search(r'version "(\d+)(?:\.(\d+))?', output)
    if match is None:
        raise SetupError(f"could not read the Java version from `{java} -version`: {output!r}")
    major = int(match.group(1))
    if major == 1 and match.group(2):  # "1.8.0_381" is Java 8
        major = int(match.group(2))
    if major < MIN_JAVA:
        raise SetupError(f"`{java}` is Java {major}, but Neo4j 5.26 needs Java {MIN_JAVA} or newer")
    return java


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def pinned_version() -> str | None:
    pinned = os.environ.get("TENHANDS_NEO4J_VERSION", "").strip()
    if not pinned:
        return None
    if not re.fullmatch(r"\d+\.\d+\.\d+(?:[-.][0-9A-Za-z.-]+)?", pinned):
        raise SetupError(f"TENHANDS_NEO4J_VERSION={pinned!r} is not a Neo4j version like 5.26.3")
    return pinned


def complete_lib(home: Path, version: str) -> Path | None:
    lib = home / "lib"
    return lib if (lib / f"neo4j-{version}.jar").is_file() else None


def find_cached(root: Path, pinned: str | None) -> tuple[str, Path] | None:
    """The cached server to reuse: the pinned version, or the newest 5.26.x."""
    if pinned is not None:
        lib = complete_lib(root / f"neo4j-{pinned}", pinned)
        return (pinned, lib) if lib else None
    found: list[tuple[str, Path]] = []
    for home in root.glob(f"neo4j-{SERIES_PREFIX}*"):
        version = home.name.removeprefix("neo4j-")
        lib = complete_lib(home, version)
        if lib is not None and re.fullmatch(r"\d+\.\d+\.\d+", version):
            found.append((version, lib))
    return max(found, key=lambda item: version_key(item[0])) if found else None


def series_version(lib: Path) -> str:
    """The 5.26.x version Maven resolved, read off the ``neo4j-<version>.jar`` name."""
    versions = [
        match.group(1)
        for jar in lib.glob("neo4j-*.jar")
        if (match := re.fullmatch(r"neo4j-(5\.26\.\d+)\.jar", jar.name))
    ]
    if len(versions) != 1:
        raise SetupError(
            f"Maven finished but the Neo4j version could not be told from the jars "
            f"in {lib} (found {versions or 'no neo4j-5.26.x.jar'})"
        )
    return versions[0]


def maven_copy_dependencies(mvn: str, work: Path, name: str, pom: str) -> Path:
    """Run Maven on one generated pom; return the dir it copied the jars into."""
    step = work / name
    step.mkdir()
    (step / "pom.xml").write_text(pom, encoding="utf-8")
    mvn_log = step / "mvn.log"
    with mvn_log.open("w", encoding="utf-8") as out:
        result = subprocess.run(
            [
                mvn,
                "-q",
                "-B",
                "-Dstyle.color=never",
                "-f",
                str(step / "pom.xml"),
                "dependency:copy-dependencies",
                "-DincludeScope=runtime",
                f"-DoutputDirectory={step / 'lib'}",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    if result.returncode != 0:
        raise SetupError(
            f"Maven failed (exit {result.returncode}) to fetch the Neo4j server jars; "
            f"its last lines:\n{tail(mvn_log)}"
        )
    return step / "lib"


def assemble(root: Path, pinned: str | None) -> tuple[str, Path]:
    """Fetch the server jars with Maven into a temp dir, then move it into place.

    Two steps: Maven first picks the newest version in VERSION_RANGE with every
    transitive dependency excluded (given a range with its whole dependency tree,
    Maven would fetch the poms of that tree for every version in the range: many
    minutes), then fetches that exact version with its runtime dependencies.
    The move is one rename within the cache root, so an interrupted download
    never leaves a half-filled cache behind.
    """
    mvn = shutil.which("mvn")
    if mvn is None:
        raise SetupError(
            "no `mvn` on PATH: Maven is needed once to fetch the Neo4j server jars "
            "(install it, e.g. the maven package)"
        )
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".assemble-", dir=root))
    started = time.monotonic()
    try:
        version = pinned
        if version is None:
            log(f"asking Maven for the newest Neo4j in {VERSION_RANGE}")
            pom = POM_TEMPLATE.format(version=VERSION_RANGE, exclusions=EXCLUDE_ALL)
            version = series_version(maven_copy_dependencies(mvn, work, "resolve", pom))
            cached = complete_lib(root / f"neo4j-{version}", version)
            if cached is not None:
                return version, cached
        log(f"assembling Neo4j {version} with Maven into {root} (downloads up to ~120 MB)")
        pom = POM_TEMPLATE.format(version=version, exclusions="")
        lib = maven_copy_dependencies(mvn, work, "server", pom)
        if not (lib / f"neo4j-{version}.jar").is_file():
            raise SetupError(f"Maven finished but did not fetch neo4j-{version}.jar")
        target = root / f"neo4j-{version}"
        try:
            (work / "server").rename(target)
        except OSError:
            # Another run finished the same version first: use that one.
            if complete_lib(target, version) is None:
                raise SetupError(f"could not move the assembled server into {target}") from None
        log(f"assembled Neo4j {version} in {time.monotonic() - started:.0f} s")
        return version, target / "lib"
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ensure_server_jars() -> tuple[str, Path]:
    root = cache_root()
    pinned = pinned_version()
    cached = find_cached(root, pinned)
    if cached is not None:
        return cached
    return assemble(root, pinned)


# --- Configuration -----------------------------------------------------------


def heap_setting() -> tuple[str, int]:
    """NEO4J_HEAP as a JVM size and in MiB."""
    heap = os.environ.get("NEO4J_HEAP", "").strip() or "1g"
    match = re.fullmatch(r"(\d+)([kmgKMG]?)", heap)
    if match is None:
        raise SetupError(f"NEO4J_HEAP={heap!r} is not a size like 512m or 2g")
    number, unit = int(match.group(1)), match.group(2).lower()
    mib = number * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit] // 1024**2
    if mib < 256:
        raise SetupError(f"NEO4J_HEAP={heap!r} is too small: Neo4j needs at least 256m")
    return heap, mib


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def write_conf(home: Path, port: int, heap_mib: int) -> None:
    dirs = {
        "data": home / "data",
        "transaction.logs.root": home / "data" / "transactions",
        "dumps.root": home / "data" / "dumps",
        "logs": home / "logs",
        "run": home / "run",
        "plugins": home / "plugins",
        "import": home / "import",
        "licenses": home / "licenses",
    }
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Written by scripts/neo4j_test_server.py: a throwaway server for tests.",
        "server.default_listen_address=127.0.0.1",
        "server.bolt.enabled=true",
        f"server.bolt.listen_address=127.0.0.1:{port}",
        f"server.bolt.advertised_address=127.0.0.1:{port}",
        "server.http.enabled=false",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=false",
        "dbms.usage_report.enabled=false",
        *(f"server.directories.{name}={path}" for name, path in dirs.items()),
        "server.memory.pagecache.size=128m",
        f"dbms.memory.transaction.total.max={heap_mib * 6 // 10}m",
        # One transaction may use all of it, as on a server with the default settings:
        # a family tree is imported in one transaction.
        f"db.memory.transaction.max={heap_mib * 6 // 10}m",
        "db.tx_log.preallocate=false",
        # Stop in a second rather than ten: no quiet period for Bolt's event loops
        # (what Neo4j's own test harness sets).
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
    ]
    conf = home / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- Server process ----------------------------------------------------------


def parent_death_signal() -> Callable[[], None] | None:
    """On Linux: make the server get SIGTERM if this script dies abruptly."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1

    def set_signal() -> None:
        prctl(pr_set_pdeathsig, int(signal.SIGTERM))

    return set_signal


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    home: Path
    port: int
    version: str

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def console_log(self) -> Path:
        return self.home / "logs" / "console.log"


def bolt_ready(uri: str, port: int) -> tuple[bool, str]:
    """Whether the server answers a query; with a reason when it does not."""
    try:
        from neo4j import GraphDatabase
    except ImportError:
        return bolt_handshake(port)
    try:
        with GraphDatabase.driver(
            uri, connection_timeout=5.0, connection_acquisition_timeout=5.0
        ) as driver:
            driver.verify_connectivity()
            with driver.session() as session:
                session.run("RETURN 1").consume()
    except Exception as error:  # any failure only means: not ready yet
        first_line = str(error).strip().splitlines()[:1] or [""]
        return False, f"{type(error).__name__}: {first_line[0]}"
    return True, ""


def bolt_handshake(port: int) -> tuple[bool, str]:
    """Without the neo4j driver (another Python): whether Bolt's handshake succeeds."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5.0) as sock:
            # Magic preamble, then four proposals: Bolt 5.0-5.4, 4.4, none, none.
            sock.sendall(bytes.fromhex("6060b017 00040405 00000404 00000000 00000000"))
            answer = sock.recv(4)
    except OSError as error:
        return False, f"no Bolt connection: {error}"
    if len(answer) != 4 or answer == b"\0\0\0\0":
        return False, "the Bolt handshake was refused"
    return True, ""


def start_server(*, detach: bool) -> Server:
    """Assemble, configure and start a server; return once it answers queries."""
    version, lib = ensure_server_jars()
    java = java_executable()
    heap, heap_mib = heap_setting()
    attempt = 1
    while True:
        try:
            return start_once(java, version, lib, heap, heap_mib, detach=detach)
        except PortTaken as taken:
            # Another process took the free port between our look and Neo4j's bind.
            if attempt == PORT_ATTEMPTS:
                raise SetupError(f"port {taken.port} was taken by another process") from None
            attempt += 1
            log(f"port {taken.port} was taken meanwhile: trying another one")


class PortTaken(Exception):
    def __init__(self, port: int) -> None:
        super().__init__(port)
        self.port = port


def start_once(
    java: str, version: str, lib: Path, heap: str, heap_mib: int, *, detach: bool
) -> Server:
    home = Path(tempfile.mkdtemp(prefix=HOME_PREFIX))
    server: Server | None = None
    try:
        port = free_port()
        write_conf(home, port, heap_mib)
        log(f"starting Neo4j {version} on 127.0.0.1:{port} (heap {heap}, home {home})")
        started = time.monotonic()
        server = launch(java, version, lib, heap, home, port, detach=detach)
        wait_until_ready(server, started)
        log(f"Neo4j {version} ready at {server.uri} after {time.monotonic() - started:.1f} s")
        return server
    except BaseException:
        if server is None:
            shutil.rmtree(home, ignore_errors=True)
        else:
            stop_and_delete(server.process.pid, server.process.poll, home)
        raise


def launch(
    java: str, version: str, lib: Path, heap: str, home: Path, port: int, *, detach: bool
) -> Server:
    """Start the server process on a configured ``home`` (not waiting for it)."""
    command = [
        java,
        f"-Xms{heap}",
        f"-Xmx{heap}",
        *JVM_FLAGS,
        "-cp",
        f"{lib}{os.sep}*",
        MAIN_CLASS,
        f"--home-dir={home}",
        f"--config-dir={home / 'conf'}",
        "--console-mode",
    ]
    with (home / "logs" / "console.log").open("ab") as console:
        process = subprocess.Popen(
            command,
            cwd=home,
            stdin=subprocess.DEVNULL,
            stdout=console,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C goes to us; we stop the server
            preexec_fn=None if detach else parent_death_signal(),
        )
    return Server(process=process, home=home, port=port, version=version)


def crash(server: Server) -> None:
    """Kill the server at once (SIGKILL), as a power cut would; its data stays."""
    server.process.kill()
    server.process.wait(30)


def restart(server: Server) -> Server:
    """Start a stopped or crashed server again on the same home, port and data; return
    once it answers queries (tests of a store that goes away and comes back)."""
    if server.process.poll() is None:
        crash(server)
    version, lib = ensure_server_jars()
    heap, _ = heap_setting()
    (server.home / "logs" / "console.log").write_bytes(b"")  # "Started." anew
    started = time.monotonic()
    again = launch(java_executable(), version, lib, heap, server.home, server.port, detach=False)
    wait_until_ready(again, started)
    log(f"Neo4j {version} ready again at {again.uri} after {time.monotonic() - started:.1f} s")
    return again


def console_says(server: Server, text: str) -> bool:
    try:
        return text in server.console_log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def wait_until_ready(server: Server, started: float) -> None:
    """Until the server answers a query and its own log says it started.

    Both, so that another process that took our port is never mistaken for it.
    """
    deadline = started + READY_TIMEOUT_S
    next_note = started + 10.0
    while True:
        code = server.process.poll()
        if code is not None:
            if console_says(server, "Address already in use"):
                raise PortTaken(server.port)
            raise SetupError(
                f"Neo4j exited with code {code} while starting; "
                f"the last lines of its console log:\n{tail(server.console_log)}"
            )
        ready, reason = bolt_ready(server.uri, server.port)
        if ready and console_says(server, "Started."):
            return
        now = time.monotonic()
        if now > deadline:
            raise SetupError(
                f"Neo4j did not answer at {server.uri} within {READY_TIMEOUT_S:.0f} s "
                f"({reason or 'no Started. line'}); the last lines of its console log:\n"
                f"{tail(server.console_log)}"
            )
        if now > next_note:
            log(f"still waiting for Neo4j ({now - started:.0f} s): {reason or 'starting'}")
            next_note = now + 10.0
        time.sleep(0.5)


class Hurry:
    """Set when a signal arrives while we stop the server: then skip the wait."""

    requested = False

    @classmethod
    def handler(cls, _signum: int, _frame: FrameType | None) -> None:
        cls.requested = True


def stop_process(pid: int, exited: Callable[[], int | None]) -> None:
    """SIGTERM, wait up to STOP_TIMEOUT_S, then SIGKILL.

    Ctrl-C, SIGTERM and SIGHUP do not interrupt this (nor the cleanup that
    follows): they only cut the wait short and kill the server at once.
    """
    caught = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {signum: signal.signal(signum, Hurry.handler) for signum in caught}
    try:
        if exited() is not None:
            return
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while time.monotonic() < deadline and not Hurry.requested:
            if exited() is not None:
                return
            time.sleep(0.1)
        if not Hurry.requested:
            log(f"Neo4j (pid {pid}) did not stop within {STOP_TIMEOUT_S:.0f} s: killing it")
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 10.0
        while exited() is None and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def stop_and_delete(pid: int, exited: Callable[[], int | None], home: Path) -> None:
    stop_process(pid, exited)
    shutil.rmtree(home, ignore_errors=True)


def stop_server(server: Server) -> None:
    stop_and_delete(server.process.pid, server.process.poll, server.home)
    log(f"stopped Neo4j at {server.uri} and deleted {server.home}")


# --- Commands ------------------------------------------------------------------


def raise_interrupted(signum: int, _frame: FrameType | None) -> NoReturn:
    raise Interrupted(signum)


def run_child(command: Sequence[str], env: dict[str, str]) -> int:
    """Run CMD to the end and return an exit code for it (128+N for signal N)."""
    try:
        child = subprocess.Popen(list(command), env=env)
    except OSError as error:
        log(f"could not run {command[0]!r}: {error}")
        return 127
    try:
        code = child.wait()
    except (KeyboardInterrupt, Interrupted) as stop:
        # A Ctrl-C in the terminal reached CMD too; a signal sent to this script
        # alone is passed on. Either way CMD gets time to finish cleanly.
        signum = stop.signum if isinstance(stop, Interrupted) else int(signal.SIGINT)
        try:
            child.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            child.send_signal(signum)
            try:
                child.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        raise
    return 128 - code if code < 0 else code


def command_run(command: list[str], require: bool) -> int:
    if not command:
        log("nothing to run: give a command after `--`")
        return 2
    if os.environ.get("NEO4J_URI"):
        log(f"NEO4J_URI is set ({os.environ['NEO4J_URI']}): using that server")
        return run_child(command, dict(os.environ))
    server: Server | None = None
    try:
        try:
            server = start_server(detach=False)
        except SetupError as error:
            if require or in_ci():
                why = "CI=true" if in_ci() else "--require"
                log(f"error: no Neo4j server for the tests ({why}): {error}")
                return EXIT_UNAVAILABLE
            bar = "!" * 78
            log(
                f"\n{bar}\nWARNING: no Neo4j server for this run: {error}\n"
                "The command runs WITHOUT NEO4J_URI, so tests against a real Neo4j "
                "will not run.\n(In CI, or with --require, this is an error.)\n"
                f"{bar}"
            )
            return run_child(command, dict(os.environ))
        print(f"NEO4J_URI={server.uri}", file=sys.stderr, flush=True)
        return run_child(command, {**os.environ, "NEO4J_URI": server.uri})
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    except Interrupted as stop:
        log(f"stopped by signal {stop.signum}")
        return 128 + stop.signum
    finally:
        if server is not None:
            stop_server(server)


def read_state() -> dict[str, Any] | None:
    try:
        state: dict[str, Any] = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state


def pid_is_our_server(pid: int, home: str) -> bool:
    """Whether pid is alive and (where /proc tells) the server started in home."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    if not Path("/proc").is_dir():
        return True  # no /proc to ask (macOS): trust the state file
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return MAIN_CLASS.encode() in args and f"--home-dir={home}".encode() in args


def command_start() -> int:
    state = read_state()
    if state and pid_is_our_server(int(state["pid"]), str(state["home"])):
        log(f"Neo4j is already running (pid {state['pid']}); `stop` stops it")
        print(f"export NEO4J_URI={state['uri']}")
        return 0
    try:
        server = start_server(detach=True)
    except SetupError as error:
        log(f"error: could not start Neo4j: {error}")
        return EXIT_UNAVAILABLE
    path = state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "pid": server.process.pid,
                "home": str(server.home),
                "uri": server.uri,
                "version": server.version,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    log(f"Neo4j keeps running (pid {server.process.pid}, log {server.console_log})")
    log("stop it with: python scripts/neo4j_test_server.py stop")
    print(f"export NEO4J_URI={server.uri}")
    return 0


def command_stop() -> int:
    state = read_state()
    if state is None:
        log("no Neo4j started by `start` is known (nothing to stop)")
        return 0
    pid, home = int(state["pid"]), str(state["home"])
    if pid_is_our_server(pid, home):

        def exited() -> int | None:
            return None if pid_is_our_server(pid, home) else 0

        stop_process(pid, exited)
        log(f"stopped Neo4j at {state['uri']} (pid {pid})")
    else:
        log(f"Neo4j (pid {pid}) was no longer running")
    if Path(home).name.startswith(HOME_PREFIX):  # only ever delete what we made
        shutil.rmtree(home, ignore_errors=True)
    state_file().unlink(missing_ok=True)
    return 0


def command_assemble() -> int:
    try:
        java_executable()
        version, lib = ensure_server_jars()
    except SetupError as error:
        log(f"error: {error}")
        return EXIT_UNAVAILABLE
    log(f"Neo4j {version} is assembled")
    print(lib)
    return 0


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="neo4j_test_server.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser(
        "run",
        help="run CMD with a fresh server (NEO4J_URI set), then stop it",
        description="Start a throwaway server, run CMD with NEO4J_URI set, stop the server "
        "and exit with CMD's exit code. With NEO4J_URI already set, just run CMD.",
    )
    run.add_argument(
        "--require",
        action="store_true",
        help=f"fail (exit {EXIT_UNAVAILABLE}) if no server can be started (implied by CI=true)",
    )
    run.add_argument("cmd", nargs=argparse.REMAINDER, metavar="-- CMD [ARGS...]")
    commands.add_parser("start", help="start a server that keeps running; print its export line")
    commands.add_parser("stop", help="stop the server `start` started")
    commands.add_parser("assemble", help="only fetch the server into the cache; print its lib")
    args = parser.parse_args(argv)
    if args.command == "run" and args.cmd[:1] == ["--"]:
        args.cmd = args.cmd[1:]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGTERM, raise_interrupted)
    signal.signal(signal.SIGHUP, raise_interrupted)
    if args.command == "run":
        return command_run(list(args.cmd), args.require)
    try:
        if args.command == "start":
            return command_start()
        if args.command == "stop":
            return command_stop()
        return command_assemble()
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    except Interrupted as stop:
        log(f"stopped by signal {stop.signum}")
        return 128 + stop.signum


if __name__ == "__main__":
    sys.exit(main())
