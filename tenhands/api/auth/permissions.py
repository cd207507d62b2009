"""What each role may do. One table, read by the API's dependencies and the web pages.

Every role reads only the cases assigned to it; an admin reads and changes every case.
"""

from __future__ import annotations

from enum import StrEnum

from ...graph.model import UserRole


class Permission(StrEnum):
    read_case = "read_case"
    """a case's persons, ties, roles, plans and maps"""
    write_case = "write_case"
    """add and change persons, ties and network roles; create cases"""
    write_plan = "write_plan"
    """record a plan, its tasks and scale scores (in a meeting too)"""
    meeting_edit = "meeting_edit"
    """in a family meeting: move persons on the case's maps (and put them back), add a
    person named in the room, mark a network member's engagement"""
    read_private = "read_private"
    """a person's whereabouts, contact details, exact birth date and place, notes, risk
    flags, contact-log notes and confidential ties (:mod:`tenhands.graph.private`)"""
    work_map = "work_map"
    """a map in ``work`` mode (addresses, notes, risk flags on it)"""
    find_kin = "find_kin"
    """search outside records for kin, read them, import them"""
    review = "review"
    """accept, reject and undo candidates"""
    export = "export"
    """a case as a file (JSON, GEDCOM)"""
    manage_users = "manage_users"
    """add, change and disable users; assign cases"""
    read_audit = "read_audit"
    """read and export the audit log"""
    read_reports = "read_reports"
    """summaries over every case (the families' feedback)"""
    data_subject = "data_subject"
    """export everything about one person, and erase a person"""
    all_cases = "all_cases"
    """every case, assigned or not"""


P = Permission

ROLE_PERMISSIONS: dict[UserRole, frozenset[Permission]] = {
    UserRole.admin: frozenset(Permission),
    UserRole.worker: frozenset(
        {
            P.read_case,
            P.read_private,
            P.write_case,
            P.write_plan,
            P.meeting_edit,
            P.work_map,
            P.find_kin,
            P.review,
            P.export,
        }
    ),
    UserRole.facilitator: frozenset({P.read_case, P.write_plan, P.meeting_edit}),
    UserRole.viewer: frozenset({P.read_case, P.read_private, P.work_map}),
}


def allowed(role: UserRole, permission: Permission) -> bool:
    """Whether ``role`` has ``permission``.

    >>> allowed(UserRole.worker, Permission.review), allowed(UserRole.viewer, Permission.review)
    (True, False)
    """
    return permission in ROLE_PERMISSIONS[role]
