"""The service as it runs for real, in its own process, for tests that measure it: uvicorn
with the app factory over a SQLite store in a temporary folder, on a free loopback port.

The tests read the process's peak memory (``VmHWM``) and the bytes it read (``rchar``)
from ``/proc``, and send requests over a plain socket, so that a request the service
refuses early can be seen to be refused before its body was sent.

(No ``conftest.py`` here: see ``tests/api/api_helpers.py``.)
"""

from __future__ import annotations

import http.client
import json
import os
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tenhands.api.auth.tokens import issue
from tenhands.graph.model import TokenKind, User, UserRole
from tenhands.graph.stores import open_store

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Service:
    """A running service: its address, its process, and a token of a signed-in worker."""

    host: str
    port: int
    process: subprocess.Popen[bytes]
    token: str

    def status(self, field: str) -> int:
        """A ``/proc/<pid>/status`` size in bytes (e.g. ``VmHWM``, the peak memory)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                value, unit = line.split()[1:3]
                assert unit == "kB"
                return int(value) * 1024
        raise KeyError(field)

    def read_bytes(self) -> int:
        """Bytes the process has read so far, from sockets and files (``rchar``)."""
        for line in Path(f"/proc/{self.process.pid}/io").read_text().splitlines():
            if line.startswith("rchar:"):
                return int(line.split()[1])
        raise KeyError("rchar")

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        """A whole request; the status and the body of the answer."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def post_file(
        self, path: str, filename: str, data: bytes, **fields: str
    ) -> tuple[int, dict[str, object]]:
        """POST a form with one file (as ``file``) and text fields, signed in; the status
        and the JSON answer."""
        field = '--{}\r\nContent-Disposition: form-data; name="{}"\r\n\r\n{}\r\n'
        parts = [field.format(BOUNDARY, name, value).encode() for name, value in fields.items()]
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"'
            "\r\nContent-Type: application/octet-stream\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
        body = b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()
        headers = {
            "Authorization": f"Bearer {self.token}",
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        }
        status, answer = self.request("POST", path, body, headers)
        return status, json.loads(answer)

    def upload(
        self,
        path: str,
        size: int,
        *,
        headers: dict[str, str] | None = None,
        chunked: bool = False,
        content_type: str = "multipart/form-data; boundary=xyzzy",
    ) -> Sent:
        """POST a body of ``size`` bytes as a client that streams it would, reading the
        answer as soon as one comes (the service may answer before the body is sent)."""
        head = [f"POST {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        head.append(f"Content-Type: {content_type}")
        head.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}")
        head.extend(f"{k}: {v}" for k, v in (headers or {}).items())
        started = time.monotonic()
        sent = 0
        with socket.create_connection((self.host, self.port), timeout=60) as sock:
            sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode("ascii"))
            try:
                for part in _form_upload(size):
                    if _readable(sock, 0.0 if sent else 0.2):
                        break
                    sock.sendall(b"%x\r\n%s\r\n" % (len(part), part) if chunked else part)
                    sent += len(part)
                if chunked and sent >= size:
                    sock.sendall(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the service answered and closed; read what it said
            answer = _answer(sock)
        return Sent(answer[0], answer[1], sent, time.monotonic() - started)


@dataclass
class Sent:
    """What came of an upload: the answer, how much of the body went out, how long it took."""

    status: int
    body: bytes
    sent: int
    seconds: float


BOUNDARY = "tenhands-test-boundary"

PART_HEAD = (
    b'--xyzzy\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n'
    b"Content-Type: text/csv\r\n\r\nid;naam\r\n"
)
PART_END = b"\r\n--xyzzy--\r\n"
CHUNK = 64 * 1024


def _form_upload(size: int) -> Iterator[bytes]:
    """A form of one file field, ``size`` bytes in all, in pieces of 64 KiB."""
    yield PART_HEAD
    filler = size - len(PART_HEAD) - len(PART_END)
    row = b"1;" + b"x" * 60 + b"\r\n"
    piece = row * (CHUNK // len(row))
    while filler > 0:
        yield piece[:filler]
        filler -= len(piece)
    yield PART_END


def _readable(sock: socket.socket, wait: float) -> bool:
    ready, _, _ = select.select([sock], [], [], wait)
    return bool(ready)


def _answer(sock: socket.socket) -> tuple[int, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            part = sock.recv(65536)
        except ConnectionResetError:
            break
        if not part:
            break
        data += part
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0]
    assert status_line.startswith(b"HTTP/1.1 "), f"no HTTP answer: {data[:200]!r}"
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(rest) < length:
        try:
            part = sock.recv(65536)
        except ConnectionResetError:
            break
        if not part:
            break
        rest += part
    return int(status_line.split()[1]), rest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def running_service(folder: Path) -> Iterator[Service]:
    """The service over a new SQLite store in ``folder``, with a worker who may import
    records and family trees; stopped (and waited for) on the way out."""
    url = f"sqlite:///{folder / 'tenhands.db'}"
    store = open_store(url)
    try:
        store.init_schema()
        user = store.create_user(
            User(login="wendy.werker", display_name="Wendy", role=UserRole.admin)
        )
        token = issue(store, user, TokenKind.api).secret
    finally:
        store.close()
    port = _free_port()
    env = {
        **os.environ,
        "TENHANDS_STORE": url,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "uvicorn", "--factory", "tenhands.app:create_app"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    process = subprocess.Popen(command, env=env, cwd=folder)
    service = Service("127.0.0.1", port, process, token)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, "the service stopped while starting"
            try:
                if service.request("GET", "/health")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the service did not start within 30 s"
            time.sleep(0.1)
        yield service
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(20)
