"""A candidate and its case's boundary: what it names that the case does not hold, how
it may be shown to those on the case, and whether it may be accepted.

A candidate lives in one case's review queue and is read by everyone on that case, so
what it shows follows the case's boundary
(:class:`~tenhands.graph.visibility.CaseBoundary`), not the rights of whoever looks:

* a person another case holds is a *link*: the candidate shows that they may be
  known elsewhere and what they would be to the child, never their id or values
  (:func:`shown`);
* accepting it (a merge, or that person joining the case) waits until a worker of a
  case holding them granted the case's request (:func:`check_acceptable`, and
  :mod:`.links`);
* a record gathered for another case is never shown or used here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tenhands.graph.errors import Forbidden, NotFound
from tenhands.graph.model import Candidate, Evidence, LinkRequest, LinkStatus
from tenhands.graph.store import GraphStore
from tenhands.graph.visibility import CaseBoundary, require_persons

ELSEWHERE_PERSON = (
    "this person is known in another case: ask its worker to share them first (a link request)"
)
ELSEWHERE_RECORD = "this record was gathered for another case; it cannot be used here"


@dataclass(frozen=True)
class Shown:
    """A candidate as those on its case may see it."""

    candidate: Candidate
    """Its explanation keeps no compared values when it names anything outside."""
    outside: frozenset[str]
    """Ids of the persons it names that another case holds (never shown)."""
    record_outside: bool = False
    """Its record was gathered for another case (never shown)."""
    link: LinkRequest | None = None
    """The newest request to share the outside person, if the case asked."""

    @property
    def elsewhere(self) -> bool:
        """About someone another case holds: a link to ask for, not data."""
        return bool(self.outside)

    def shown_id(self, person_id: str | None) -> str | None:
        """``person_id`` if the case may see it, else None."""
        return None if person_id is None or person_id in self.outside else person_id


def boundary_of(store: GraphStore, candidate: Candidate) -> CaseBoundary | None:
    """The boundary of the candidate's case (None for a candidate of no case: the
    operator's, seen whole)."""
    return None if candidate.case_id is None else CaseBoundary.of(store, candidate.case_id)


def _outside(candidate: Candidate, boundary: CaseBoundary) -> frozenset[str]:
    named = (candidate.person_id, candidate.other_person_id)
    return frozenset(p for p in named if p is not None and not boundary.sees_person(p))


def _record_outside(store: GraphStore, candidate: Candidate, boundary: CaseBoundary) -> bool:
    if candidate.record_id is None:
        return False
    try:
        return not boundary.sees_record(store.get_record(candidate.record_id))
    except NotFound:  # erased since: nothing of it to show
        return False


def _without_values(candidate: Candidate) -> Candidate:
    explanation = [
        Evidence(field=e.field, level=e.level, weight=e.weight) for e in candidate.explanation
    ]
    return candidate.model_copy(update={"explanation": explanation})


def shown(store: GraphStore, case_id: str, candidates: Iterable[Candidate]) -> list[Shown]:
    """The case's candidates as those on the case may see them, in the order given
    (:class:`NotFound` for an unknown case)."""
    boundary = CaseBoundary.of(store, case_id)
    links: dict[str, LinkRequest] = {}
    for link in store.list_links(case_id=case_id):  # newest first: keep the first seen
        links.setdefault(link.candidate_id, link)
    out = []
    for candidate in candidates:
        outside = _outside(candidate, boundary)
        record_outside = _record_outside(store, candidate, boundary)
        if outside or record_outside:
            candidate = _without_values(candidate)
        out.append(Shown(candidate, outside, record_outside, links.get(candidate.id)))
    return out


def shown_one(store: GraphStore, candidate: Candidate) -> Shown:
    """One candidate as those on its case may see it (a candidate of no case: whole)."""
    if candidate.case_id is None:
        return Shown(candidate, frozenset())
    return shown(store, candidate.case_id, [candidate])[0]


def granted(store: GraphStore, candidate: Candidate, person_ids: Sequence[str]) -> bool:
    """Whether a worker holding each of ``person_ids`` granted this candidate's request."""
    links = store.list_links(
        case_id=candidate.case_id, person_ids=person_ids, status=LinkStatus.granted
    )
    ok = {link.person_id for link in links if link.candidate_id == candidate.id}
    return set(person_ids) <= ok


def check_acceptable(store: GraphStore, candidate: Candidate) -> None:
    """Before anything is written for an accept: the candidate's record is one its case
    may use, the person a relation is to is in the case (:class:`NotFound` otherwise),
    and a person another case holds was shared by that case (:class:`Forbidden`)."""
    boundary = boundary_of(store, candidate)
    if boundary is None:
        return
    if _record_outside(store, candidate, boundary):
        raise Forbidden(ELSEWHERE_RECORD)
    if candidate.relation_to is not None:  # unknown, or not the case's: the same answer
        require_persons(boundary, [candidate.relation_to])
    outside = sorted(_outside(candidate, boundary))
    if outside and not granted(store, candidate, outside):
        raise Forbidden(ELSEWHERE_PERSON)
