"""Who may see what: the one question every reader of person data answers first.

A :class:`Visibility` says, for one viewer, which cases, persons and outside records
they may see. Everything that hands person data back to someone (a finder, a matcher,
a merge, a map, an export, an import that would overwrite) takes one, so the rule
travels with the data instead of living in each route:

* :data:`EVERYTHING` — the operator at the command line, or an admin;
* :class:`CaseBoundary` — what one case may hold: its own children and network
  members, the records gathered for it and the agency-wide records (gathered for no
  case). A kin search or a duplicate search stores its findings in a case's review
  queue, read by everyone on that case, so it sees through the case's boundary,
  whoever started it;
* the service's signed-in user (``tenhands.api.auth.principal.Principal``), who sees
  the cases assigned to them.

>>> EVERYTHING.sees_person("p-1"), EVERYTHING.sees_record(Record(id="r-1", case_id="c-9"))
(True, True)
>>> boundary = CaseBoundary("c-1", frozenset({"p-1"}))
>>> boundary.sees_person("p-1"), boundary.sees_person("p-2")
(True, False)
>>> [boundary.sees_record(Record(id="r", case_id=c)) for c in ("c-1", None, "c-2")]
[True, True, False]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from .errors import NotFound
from .model import Record

if TYPE_CHECKING:
    from .store import GraphStore


class Visibility(Protocol):
    """What one viewer may see."""

    def sees_case(self, case_id: str) -> bool: ...

    def sees_person(self, person_id: str) -> bool:
        """Whether the viewer may read this person's data (an unknown id: False, or
        :class:`~tenhands.graph.errors.NotFound` where the viewer tells the two apart)."""
        ...

    def sees_record(self, record: Record) -> bool: ...


class _Everything:
    """Sees every case, person and record."""

    def sees_case(self, case_id: str) -> bool:
        return True

    def sees_person(self, person_id: str) -> bool:
        return True

    def sees_record(self, record: Record) -> bool:
        return True

    def __repr__(self) -> str:
        return "EVERYTHING"


EVERYTHING: Visibility = _Everything()
"""The operator at the command line, or an admin."""


@dataclass(frozen=True)
class CaseBoundary:
    """What one case may hold: its children and network members, the records gathered
    for it and the agency-wide records (those gathered for no case)."""

    case_id: str
    members: frozenset[str]

    @classmethod
    def of(cls, store: GraphStore, case_id: str) -> CaseBoundary:
        """The case's boundary as the store holds it now (:class:`NotFound` for an
        unknown case)."""
        case = store.get_case(case_id)
        members = {*case.child_ids, *(r.person_id for r in store.list_roles(case_id))}
        return cls(case_id, frozenset(members))

    def sees_case(self, case_id: str) -> bool:
        return case_id == self.case_id

    def sees_person(self, person_id: str) -> bool:
        return person_id in self.members

    def sees_record(self, record: Record) -> bool:
        return record.case_id is None or record.case_id == self.case_id


def require_persons(viewer: Visibility, person_ids: Iterable[str]) -> None:
    """:class:`NotFound` for the first of ``person_ids`` the viewer may not see: an
    unknown id and another case's person get the same answer, so ids cannot be probed.

    >>> require_persons(CaseBoundary("c-1", frozenset({"p-1"})), ["p-1", "p-2"])
    Traceback (most recent call last):
    ...
    tenhands.graph.errors.NotFound: no person with id 'p-2'
    """
    for person_id in person_ids:
        try:
            seen = viewer.sees_person(person_id)
        except NotFound:
            seen = False
        if not seen:
            raise NotFound("person", person_id)
