"""Putting a search's findings in a case's review queue, without repeating decisions,
and the one way every front end runs a case's kin search (:func:`search_case`)."""

from __future__ import annotations

import logging
import threading
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from ...graph.model import AuditAction, AuditEvent, Candidate, ReviewStatus
from ...graph.store import GraphStore
from ..review.decisions import PairKey, pair_key
from .duplicates import find_duplicates
from .finder import find_kin
from .found import KinSearch
from .index import RecordIndex, build_index, store_records
from .learning import Calibration, learn
from .saved import Unsaveable, building, load_index, save_index

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Proposed:
    """What :func:`propose` did, by count, and the findings now waiting in the queue."""

    added: int
    updated: int
    skipped: int
    """Findings a worker already decided (accepted or rejected) in this case."""
    pending: dict[PairKey, Candidate] = field(default_factory=dict)
    """The stored pending candidate of each finding not skipped, by what it is about."""


def propose(store: GraphStore, search: KinSearch) -> Proposed:
    """Save the findings as pending candidates of the case.

    A finding a worker already accepted or rejected (same kind, subjects and relation)
    is skipped; one already pending is updated in place (score and evidence), keeping
    its id.
    """
    existing = {pair_key(c): c for c in store.list_candidates(search.case_id)}
    added = updated = skipped = 0
    pending: dict[PairKey, Candidate] = {}
    for candidate in search.candidates():
        key = pair_key(candidate)
        before = existing.get(key)
        if before is None:
            pending[key] = existing[key] = store.save_candidate(candidate)
            added += 1
        elif before.status is ReviewStatus.pending:
            pending[key] = store.save_candidate(
                candidate.model_copy(update={"id": before.id, "provenance": before.provenance})
            )
            updated += 1
        else:
            skipped += 1
    return Proposed(added=added, updated=updated, skipped=skipped, pending=pending)


class KinFinder:
    """A store's record index and what decisions taught, kept between searches.

    Each search first asks the store's
    :meth:`~tenhands.graph.store.GraphStore.records_revision` (one cheap read). While it
    stays, the index in memory serves; when it moved (records imported or erased, by
    this process or any other), the index is loaded from the file ``saved`` if that
    file was built at the new revision, and otherwise built from the store's records
    and written there for the next process (see :mod:`.saved`). Without ``saved`` it is
    only kept in memory. What decisions taught is learnt again in the same way, when the
    store's decisions revision moved. Safe to share between threads; processes sharing
    ``saved`` build one at a time.
    """

    def __init__(self, saved: Path | None = None) -> None:
        self._saved = saved
        self._index: RecordIndex | None = None
        self._revision: str | None = None
        self._calibration: Calibration | None = None
        self._decisions: str | None = None
        self._lock = threading.Lock()
        self.builds = 0
        """How many times this finder built the index from the store's records."""
        self.loads = 0
        """How many times it loaded the index from ``saved``."""

    @property
    def saved(self) -> Path | None:
        """The file the index is kept in between runs, if any."""
        return self._saved

    def index(self, store: GraphStore) -> RecordIndex:
        """The index of the store's records as they are now."""
        revision = store.records_revision()
        with self._lock:
            if self._index is None or revision != self._revision:
                self._index = self._current(store, revision)
                self._revision = revision
            return self._index

    def _current(self, store: GraphStore, revision: str) -> RecordIndex:
        if self._saved is None:
            self.builds += 1
            return build_index(store_records(store))
        with building(self._saved):
            index = load_index(self._saved, revision)
            if index is not None:
                self.loads += 1
                return index
            index = build_index(store_records(store))
            self.builds += 1
            try:
                save_index(index, self._saved, revision)
            except OSError as exc:  # kept in memory only
                log.warning("the kin index is not kept on disk: %s", exc.strerror)
            except Unsaveable as exc:  # its message names a field, never a value
                log.warning("the kin index is not kept on disk: %s", exc)
            return index

    def forget_saved(self) -> None:
        """Remove the saved index (after an erasure: the erased person's records must not
        stay on disk until the next search rewrites it)."""
        if self._saved is not None:
            with suppress(FileNotFoundError):
                self._saved.unlink()

    def calibration(self, store: GraphStore) -> Calibration:
        """What workers' decisions taught (see :mod:`.learning`), learnt again when the
        store's :meth:`~tenhands.graph.store.GraphStore.decisions_revision` moved (a
        decision in this process or another)."""
        revision = store.decisions_revision()
        with self._lock:
            if self._calibration is None or revision != self._decisions:
                self._calibration = learn(store)
                self._decisions = revision
            return self._calibration

    def search(
        self,
        store: GraphStore,
        case_id: str,
        *,
        limit: int = 20,
        learned: bool = True,
        duplicates: bool = True,
    ) -> KinSearch:
        """Search a case; with ``learned``, what workers decided on earlier proposals
        adjusts each rule (see :mod:`.learning`); with ``duplicates``, persons stored
        twice (here and in other cases) are proposed too (see :mod:`.duplicates`)."""
        calibration = self.calibration(store) if learned else None
        search = find_kin(store, case_id, self.index(store), limit=limit, calibration=calibration)
        if duplicates:
            search.duplicates = find_duplicates(store, case_id)
        return search


def search_case(
    store: GraphStore,
    finder: KinFinder,
    case_id: str,
    *,
    actor: str,
    limit: int = 20,
    duplicates: bool = True,
) -> KinSearch:
    """Search a case's kin for ``actor`` (see :meth:`KinFinder.search`); :func:`propose`
    puts the findings in its review queue.

    Every outside record the search proposes is audited as read for the case (who,
    which record, which case; an agency-wide source's use too), in one write.
    :class:`~tenhands.graph.errors.NotFound` for an unknown case.
    """
    search = finder.search(store, case_id, limit=limit, duplicates=duplicates)
    used = sorted({f.record_id for f in [*search.kin, *search.matches] if f.record_id})
    store.append_audit_many(
        [
            AuditEvent(
                actor=actor,
                action=AuditAction.read,
                entity="record",
                entity_id=record_id,
                case_id=case_id,
                detail="kin search",
            )
            for record_id in used
        ]
    )
    return search
