"""Asking another case to share a person, and that case's answer.

A candidate that names a person another case holds (see :mod:`.boundary`) can only be
accepted once a worker of a case holding that person (or an admin) granted the
asking case's request. Asking and answering are audited in the asking case and in
every case the person is in; neither side sees the other's data while asking: the
asker sees only the answer, the one who answers sees their own person, who asks, the
note, and what the person would be to the asking case's child.
"""

from __future__ import annotations

from collections.abc import Iterable

from tenhands.graph.errors import Conflict, Forbidden, InvalidInput, NotFound
from tenhands.graph.model import (
    AuditAction,
    AuditEvent,
    Candidate,
    LinkRequest,
    LinkStatus,
    utcnow,
)
from tenhands.graph.store import GraphStore
from tenhands.graph.visibility import Visibility, require_persons

from .boundary import shown_one
from .decisions import check_reviewer, held_pending

OPEN = (LinkStatus.requested, LinkStatus.granted)


def _audit(store: GraphStore, link: LinkRequest, actor: str, detail: str) -> None:
    """One event in the asking case and one in each case holding the person."""
    cases = [link.case_id, *(c for c in store.cases_of(link.person_id) if c != link.case_id)]
    store.append_audit_many(
        [
            AuditEvent(
                actor=actor,
                action=AuditAction.update if link.decided_by else AuditAction.create,
                entity="link",
                entity_id=link.id,
                case_id=case_id,
                detail=f"{detail} (candidate {link.candidate_id})",
            )
            for case_id in cases
        ]
    )


def request_link(
    store: GraphStore, candidate_id: str, *, requester: str, note: str | None = None
) -> LinkRequest:
    """Ask the cases holding the candidate's outside person to share them, in one unit
    of work that holds the candidate (two workers asking at once ask once).

    :class:`Conflict` when the candidate is decided, names nobody outside its case, or
    has a request waiting or granted already; :class:`NotFound` for an unknown one.
    """
    requester = check_reviewer(requester)
    text = (note or "").strip() or None

    def work(s: GraphStore) -> LinkRequest:
        candidate = held_pending(s, candidate_id)
        if candidate.case_id is None:
            raise Conflict("a candidate of no case is about nobody another case holds")
        outside = sorted(shown_one(s, candidate).outside)
        if not outside:
            raise Conflict("this candidate is about persons of the case itself: nothing to ask")
        asked = s.list_links(case_id=candidate.case_id, person_ids=outside)
        if any(x.candidate_id == candidate.id and x.status in OPEN for x in asked):
            raise Conflict("this person was asked for already; wait for the answer")
        made = [
            s.save_link(
                LinkRequest(
                    case_id=candidate.case_id,
                    candidate_id=candidate.id,
                    person_id=person_id,
                    note=text,
                    requested_by=requester,
                )
            )
            for person_id in outside
        ]
        for link in made:
            _audit(s, link, requester, "asked to share a person of another case")
        return made[0]

    return store.atomic(work)


def decide_link(
    store: GraphStore,
    link_id: str,
    *,
    decider: str,
    viewer: Visibility,
    grant: bool,
    reason: str | None = None,
) -> LinkRequest:
    """Grant or refuse a request, in one unit of work that holds its candidate. The
    decider must see its person (a worker of a case holding them, or an admin:
    :class:`Forbidden` otherwise); a refusal needs a reason (:class:`InvalidInput`); an
    answered request is :class:`Conflict`."""
    decider = check_reviewer(decider)
    why = (reason or "").strip() or None
    if not grant and why is None:
        raise InvalidInput("a refusal needs a reason")
    candidate_id = store.get_link(link_id).candidate_id

    def work(s: GraphStore) -> LinkRequest:
        s.hold("candidate", candidate_id)  # one answer, however many press at once
        link = s.get_link(link_id)
        try:
            require_persons(viewer, [link.person_id])
        except NotFound:
            raise Forbidden(
                "only a worker of a case this person is in may answer this request"
            ) from None
        if link.status is not LinkStatus.requested:
            raise Conflict(f"this request was {link.status.value} already")
        decided = s.save_link(
            link.model_copy(
                update={
                    "status": LinkStatus.granted if grant else LinkStatus.refused,
                    "decided_by": decider,
                    "decided_at": utcnow(),
                    "reason": why,
                }
            )
        )
        _audit(s, decided, decider, f"{decided.status.value} sharing a person with another case")
        return decided

    return store.atomic(work)


def to_answer(
    store: GraphStore, person_ids: Iterable[str] | None, *, status: LinkStatus | None
) -> list[tuple[LinkRequest, Candidate]]:
    """Requests about the persons a viewer holds (``None``: about anyone, for an admin),
    newest first, each with the asking case's candidate (read for its kind and what
    the person would be to that case's child, nothing else)."""
    links = store.list_links(person_ids=person_ids, status=status)
    return [(link, store.get_candidate(link.candidate_id)) for link in links]
