"""The signed-in user of one request, and what they may see."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...graph.model import AccessToken, Record, User
from ...graph.store import GraphStore
from ...graph.visibility import CaseBoundary
from .permissions import Permission, allowed


@dataclass
class Principal:
    """Who is asking (a user, by a token), with the cases assigned to them read once
    per request."""

    user: User
    token: AccessToken
    store: GraphStore = field(repr=False)
    _cases: frozenset[str] | None = field(default=None, repr=False)
    _members: frozenset[str] | None = field(default=None, repr=False)

    @property
    def login(self) -> str:
        return self.user.login

    def can(self, permission: Permission) -> bool:
        return allowed(self.user.role, permission)

    @property
    def private(self) -> bool:
        """Whether the user reads the private parts of persons, roles and ties
        (:mod:`tenhands.graph.private`)."""
        return self.can(Permission.read_private)

    @property
    def all_cases(self) -> bool:
        return self.can(Permission.all_cases)

    def case_ids(self) -> frozenset[str]:
        """The cases assigned to the user (an admin's too: all cases are not listed)."""
        if self._cases is None:
            self._cases = frozenset(self.store.cases_of_user(self.user.id))
        return self._cases

    def sees_case(self, case_id: str) -> bool:
        return self.all_cases or case_id in self.case_ids()

    def visible_cases(self, case_ids: list[str]) -> list[str]:
        """Of ``case_ids``, those the user may read, in the same order."""
        return case_ids if self.all_cases else [c for c in case_ids if c in self.case_ids()]

    def members(self) -> frozenset[str]:
        """Every person in a case assigned to the user (children and network members)."""
        if self._members is None:
            ids: set[str] = set()
            for case_id in sorted(self.case_ids()):
                ids.update(CaseBoundary.of(self.store, case_id).members)
            self._members = frozenset(ids)
        return self._members

    def held_persons(self) -> list[str] | None:
        """The persons of the user's cases, sorted, to ask the store about; None for an
        admin, who holds everyone."""
        return None if self.all_cases else sorted(self.members())

    def sees_record(self, record: Record) -> bool:
        """Records gathered for a case are seen by those on the case; agency-wide ones
        (gathered for no case) by everyone."""
        return record.case_id is None or self.sees_case(record.case_id)

    def sees_person(self, person_id: str) -> bool:
        """Whether the user may read a person: an admin always; anyone else when the
        person is in a case assigned to them, or in no case yet and added by them (a
        person just added, before they get a place in a case). Raises
        :class:`~tenhands.graph.errors.NotFound` for an unknown person."""
        if self.all_cases or person_id in self.members():
            return True
        person = self.store.get_person(person_id)
        return person.provenance.created_by == self.login and not self.store.cases_of(person_id)
