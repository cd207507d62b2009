"""A reviewer at work on candidates: which candidates they may open, and their decisions,
each opened, checked and audited by one rule, whichever front end asks (the API, the
web pages).

A reviewer opens a candidate of a case assigned to them; a candidate of no case only
when they see every case (an admin). Another case's candidate is not found, like an
unknown one, so ids cannot be probed. When the request is about one case (a web page
under ``/cases/{case_id}``), the candidate must also be that case's. Every opening is
added to the audit log (ids only), before anything is read or decided; the decision
itself is audited where it is stored (:func:`~.decisions.save_decision`).

What the front ends still do is their own protocol: the API answers JSON, the pages
say what happened in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from tenhands.graph.errors import NotFound
from tenhands.graph.model import AuditAction, AuditEvent, Candidate, LinkRequest
from tenhands.graph.store import GraphStore

from .accept import Acceptance, accept
from .decisions import reject
from .links import request_link
from .undo import undo

AuditSink = Callable[[AuditEvent], None]
"""Where the openings go: the service's audit trail, or the store's ``append_audit``."""


class Reviewer(Protocol):
    """Who opens and decides: the service's signed-in user
    (``tenhands.api.auth.principal.Principal``) is one."""

    @property
    def login(self) -> str: ...

    @property
    def all_cases(self) -> bool:
        """Whether they see every case (and the candidates of no case)."""
        ...

    def sees_case(self, case_id: str) -> bool: ...


def may_open(reviewer: Reviewer, candidate: Candidate, case_id: str | None = None) -> bool:
    """Whether ``reviewer`` may open ``candidate`` (asked about ``case_id``, when given)."""
    if case_id is not None and candidate.case_id != case_id:
        return False
    if candidate.case_id is None:
        return reviewer.all_cases
    return reviewer.all_cases or reviewer.sees_case(candidate.case_id)


@dataclass
class ReviewDesk:
    """One reviewer's work on a store's candidates, for one request.

    ``detail`` goes into each audit event (the API's and the pages' route name);
    ``case_id`` is the case the request is about, if any. A candidate is opened (and
    audited) once per desk: a page that opens it to check a form, then decides, writes
    one audit event.
    """

    store: GraphStore
    reviewer: Reviewer
    audit: AuditSink
    detail: str
    case_id: str | None = None
    _opened: set[str] = field(default_factory=set, init=False, repr=False)

    def open(self, candidate_id: str, action: AuditAction = AuditAction.read) -> Candidate:
        """The candidate, when the reviewer may open it (:class:`NotFound` otherwise,
        as for an unknown one); audited as ``action``."""
        candidate = self.store.get_candidate(candidate_id)
        if not may_open(self.reviewer, candidate, self.case_id):
            raise NotFound("candidate", candidate_id)
        self.audit(
            AuditEvent(
                actor=self.reviewer.login,
                action=action,
                entity="candidate",
                entity_id=candidate.id,
                case_id=candidate.case_id,
                detail=self.detail,
            )
        )
        self._opened.add(candidate.id)
        return candidate

    def _to_decide(self, candidate_id: str) -> None:
        if candidate_id not in self._opened:
            self.open(candidate_id, AuditAction.update)

    def accept(
        self,
        candidate_id: str,
        *,
        relation: str | None = None,
        relation_to: str | None = None,
        note: str | None = None,
    ) -> Acceptance:
        """Accept the candidate (:func:`~.accept.accept`), after opening it."""
        self._to_decide(candidate_id)
        return accept(
            self.store,
            candidate_id,
            reviewer=self.reviewer.login,
            relation=relation,
            relation_to=relation_to,
            note=note,
        )

    def reject(self, candidate_id: str, reason: str) -> Candidate:
        """Reject the candidate with a reason (:func:`~.decisions.reject`), after opening it."""
        self._to_decide(candidate_id)
        return reject(self.store, candidate_id, reviewer=self.reviewer.login, reason=reason)

    def undo(self, candidate_id: str) -> Candidate:
        """Put the decided candidate back to pending (:func:`~.undo.undo`), after opening it."""
        self._to_decide(candidate_id)
        return undo(self.store, candidate_id, reviewer=self.reviewer.login)

    def ask_to_share(self, candidate_id: str, note: str | None = None) -> LinkRequest:
        """Ask the cases holding the candidate's outside person to share them
        (:func:`~.links.request_link`), after opening it."""
        self._to_decide(candidate_id)
        return request_link(self.store, candidate_id, requester=self.reviewer.login, note=note)
