"""May this user see or change this case, this person: the one rule the API's
dependencies (:mod:`.deps`) and the web pages (:mod:`tenhands.web.access`) call.

- The user's role must allow the permission asked for (:mod:`.permissions`).
- A case must be assigned to the user (or the role sees every case); a case that does
  not exist is refused the same way, so ids of others' cases cannot be probed.
- On a case, a request about one person that changes something needs that person to be
  visible to the user too (:func:`~tenhands.graph.visibility.require_persons`), so
  nobody is pulled into a case from a case not theirs; reading needs the case only.
- A person outside a case's address must be visible to the user; an unknown person and
  another case's person are refused alike.
- A list of cases holds the user's cases only (:func:`visible_cases`).

An admitted request is added to the audit log before anything is read or changed (who,
what, which case; never a value): on a case, one event naming the person when the
request is about one, else the case; on a person, one event per case of theirs the user
may read. A refusal raises :class:`Refused`, saying why; each front end tells it its own
way (a JSON error, an error page).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import islice

from fastapi import Request

from ...graph.errors import NotFound
from ...graph.model import AuditAction, AuditEvent, Case, CaseStatus
from ...graph.paging import read_all
from ...graph.store import GraphStore
from ...graph.visibility import require_persons
from ..audit_trail import AuditTrail
from .permissions import Permission
from .principal import Principal

METHOD_ACTION = {
    "GET": AuditAction.read,
    "HEAD": AuditAction.read,
    "POST": AuditAction.create,
    "PUT": AuditAction.update,
    "PATCH": AuditAction.update,
    "DELETE": AuditAction.delete,
}


class Why(StrEnum):
    """Why a request was refused."""

    role = "role"
    """The user's role may not do this."""
    case = "case"
    """The case is not assigned to the user (or does not exist)."""
    person = "person"
    """The user may not see the person (or the person does not exist)."""


class Refused(Exception):
    """A request the access rule refuses."""

    def __init__(
        self, why: Why, principal: Principal, permission: Permission, ident: str | None = None
    ) -> None:
        super().__init__(f"refused ({why.value}): {permission.value}")
        self.why = why
        self.principal = principal
        self.permission = permission
        self.ident = ident
        """The case's or person's id refused, if any."""


@dataclass(frozen=True)
class CaseScope:
    principal: Principal
    case_id: str


@dataclass(frozen=True)
class PersonScope:
    principal: Principal
    person_id: str
    case_ids: list[str]
    """The person's cases the user may read."""


def require(principal: Principal, permission: Permission) -> None:
    """:class:`Refused` unless the user's role may ``permission``."""
    if not principal.can(permission):
        raise Refused(Why.role, principal, permission)


def check_case(
    principal: Principal, case_id: str, permission: Permission, person_id: str | None = None
) -> None:
    """:class:`Refused` unless the user may ``permission`` on the case (and, for a change
    about one person of it, sees that person). Records nothing."""
    require(principal, permission)
    if not principal.sees_case(case_id):
        raise Refused(Why.case, principal, permission, case_id)
    if person_id is not None and permission is not Permission.read_case:
        try:
            require_persons(principal, [person_id])
        except NotFound:
            raise Refused(Why.person, principal, permission, person_id) from None


def check_person(principal: Principal, person_id: str, permission: Permission) -> list[str]:
    """The person's cases the user may read; :class:`Refused` unless the user may
    ``permission`` and sees the person. Records nothing."""
    require(principal, permission)
    try:
        require_persons(principal, [person_id])
    except NotFound:
        raise Refused(Why.person, principal, permission, person_id) from None
    return principal.visible_cases(principal.store.cases_of(person_id))


def visible_cases(
    store: GraphStore,
    principal: Principal,
    *,
    limit: int,
    offset: int = 0,
    status: CaseStatus | None = None,
) -> list[Case]:
    """A page of the cases the user may see (an admin: every case), by id, of
    ``status`` if given. Records nothing: the caller audits the cases it shows."""
    if status is None and principal.all_cases:
        return store.list_cases(limit=limit, offset=offset)
    if principal.all_cases:
        every = read_all(lambda n, skip: store.list_cases(limit=n, offset=skip))
    else:
        every = (store.get_case(c) for c in sorted(principal.case_ids()))
    kept = (k for k in every if status in (None, k.status))
    return list(islice(kept, offset, offset + limit))


def enter_case(
    principal: Principal,
    trail: AuditTrail,
    request: Request,
    case_id: str,
    permission: Permission = Permission.read_case,
    *,
    entity: str = "case",
    action: AuditAction | None = None,
) -> CaseScope:
    """Admit a request under ``/cases/{case_id}`` (:func:`check_case`, with the
    ``{person_id}`` of its path if any) and audit it; :class:`Refused` otherwise."""
    person_id = request.path_params.get("person_id")
    about = person_id if isinstance(person_id, str) else None
    check_case(principal, case_id, permission, about)
    if about is not None:
        event = audit_event(principal, request, "person", about, case_id, action)
    else:
        event = audit_event(principal, request, entity, case_id, case_id, action)
    trail.record(event)
    return CaseScope(principal, case_id)


def enter_person(
    principal: Principal,
    trail: AuditTrail,
    request: Request,
    person_id: str,
    permission: Permission = Permission.read_case,
    *,
    action: AuditAction | None = None,
) -> PersonScope:
    """Admit a request about one person (:func:`check_person`) and audit it once per
    case of theirs the user may read; :class:`Refused` otherwise."""
    cases = check_person(principal, person_id, permission)
    events = [audit_event(principal, request, "person", person_id, c, action) for c in cases] or [
        audit_event(principal, request, "person", person_id, None, action)
    ]
    trail.record(*events)
    return PersonScope(principal, person_id, cases)


def route_name(request: Request) -> str:
    route = request.scope.get("route")
    name = getattr(route, "name", None)
    return name if isinstance(name, str) else "request"


def audit_event(
    principal: Principal,
    request: Request,
    entity: str,
    entity_id: str | None,
    case_id: str | None,
    action: AuditAction | None = None,
) -> AuditEvent:
    """An audit event for this request: the route's name as detail, never a value."""
    return AuditEvent(
        actor=principal.login,
        action=action or METHOD_ACTION.get(request.method, AuditAction.read),
        entity=entity,
        entity_id=entity_id,
        case_id=case_id,
        detail=route_name(request),
    )
