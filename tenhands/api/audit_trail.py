"""Writing the audit log of many requests at once, durably.

Every request that reads or changes person data adds an audit event before it
answers. One transaction per event would make each read wait for its own disk flush;
here a writer thread commits whatever events are waiting in one transaction
(:meth:`~tenhands.graph.store.AuditLog.append_audit_many`) and each request waits for
the transaction that holds its events: no request is answered before its audit is
stored, and many requests share one flush.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..graph.errors import StoreError, StoreUnavailable
from ..graph.model import AuditEvent
from ..graph.store import GraphStore

log = logging.getLogger("tenhands.audit")

MAX_BATCH = 1000
WAIT_SECONDS = 30.0


@dataclass
class _Pending:
    events: Sequence[AuditEvent]
    done: threading.Event = field(default_factory=threading.Event)
    error: StoreError | None = None


class AuditTrail:
    """The service's audit writer over ``store`` (one per app)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._queue: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False

    def record(self, *events: AuditEvent) -> None:
        """Store ``events``; returns once they are committed. Raises
        :class:`~tenhands.graph.errors.StoreUnavailable` when they could not be (the
        request then fails: person data is never served without its audit)."""
        if not events:
            return
        pending = _Pending(events)
        self._start()
        self._queue.put(pending)
        if not pending.done.wait(WAIT_SECONDS):
            raise StoreUnavailable("the audit log could not be written in time")
        if pending.error is not None:
            raise pending.error

    def close(self) -> None:
        """Write what is waiting, then stop the writer."""
        with self._lock:
            self._closed = True
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join(WAIT_SECONDS)

    def _start(self) -> None:
        with self._lock:
            if self._closed:
                raise StoreUnavailable("the service is shutting down")
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="tenhands-audit", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            count = len(first.events)
            stop = False
            while count < MAX_BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                batch.append(item)
                count += len(item.events)
            self._write(batch)
            if stop:
                return

    def _write(self, batch: list[_Pending]) -> None:
        try:
            self._store.append_audit_many([e for p in batch for e in p.events])
        except StoreError:
            # one request's events must not fail the others': write them one by one
            for pending in batch:
                self._write_one(pending)
            return
        except Exception as exc:  # the writer thread must survive anything
            log.error("the audit log could not be written: %s", type(exc).__name__)
            for pending in batch:
                pending.error = StoreUnavailable("the audit log could not be written")
                pending.done.set()
            return
        for pending in batch:
            pending.done.set()

    def _write_one(self, pending: _Pending) -> None:
        try:
            self._store.append_audit_many(pending.events)
        except StoreError as exc:
            pending.error = exc
        except Exception as exc:
            log.error("the audit log could not be written: %s", type(exc).__name__)
            pending.error = StoreUnavailable("the audit log could not be written")
        pending.done.set()
