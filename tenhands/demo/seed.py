"""Writing the demo case into any :class:`~tenhands.graph.store.GraphStore`."""

from __future__ import annotations

from tenhands.graph.errors import NotFound
from tenhands.graph.store import GraphStore

from .case import DEMO_CASE_ID, build_demo_case
from .plan import demo_feedback, demo_meetings, demo_plans
from .records import demo_records


def seed_demo(store: GraphStore, *, replace: bool = False) -> str:
    """Store the demo case and return its id (:data:`DEMO_CASE_ID`).

    If the case is already stored it is left as it is, unless ``replace``: then the
    demo persons, ties, case and roles are written again, roles that were added to the
    demo case since are removed, and so are ties added between two of its members, so
    the case's network is the demo network again. Plans, meetings, feedback, candidates
    and persons outside the demo are left alone.

    Uses only :class:`GraphStore` methods. Each batch (persons, ties, roles) is all or
    nothing; persons are written before the ties and the case that refer to them.
    """
    exists = _case_exists(store)
    if exists and not replace:
        return DEMO_CASE_ID
    _add_records(store)

    demo = build_demo_case()
    store.upsert_persons(demo.persons)
    store.upsert_ties(demo.ties)
    if not exists:
        store.create_case(demo.case)
        store.upsert_roles(demo.roles)
        for plan in demo_plans():
            store.add_plan(plan)
        for meeting in demo_meetings():
            store.add_meeting(meeting)
        for feedback in demo_feedback():
            store.add_feedback(feedback)
        return DEMO_CASE_ID

    store.update_case(demo.case)
    members = {p.id for p in demo.persons}
    for role in store.list_roles(DEMO_CASE_ID):
        if role.person_id not in members:
            store.remove_role(DEMO_CASE_ID, role.person_id)
    store.upsert_roles(demo.roles)
    _remove_added_ties(store, members=members, keep={t.id for t in demo.ties})
    return DEMO_CASE_ID


def _add_records(store: GraphStore) -> None:
    """The demo's outside records that are not stored yet (records are kept as found)."""
    missing = []
    for record in demo_records():
        try:
            store.get_record(record.id)
        except NotFound:
            missing.append(record)
    if missing:
        store.add_records(missing)


def _case_exists(store: GraphStore) -> bool:
    try:
        store.get_case(DEMO_CASE_ID)
    except NotFound:
        return False
    return True


def _remove_added_ties(store: GraphStore, *, members: set[str], keep: set[str]) -> None:
    """Delete ties between two demo persons that are not demo ties."""
    extra: set[str] = set()
    for person_id in sorted(members):
        for tie in store.ties_of(person_id):
            if tie.id not in keep and tie.source_id in members and tie.target_id in members:
                extra.add(tie.id)
    for tie_id in sorted(extra):
        store.delete_tie(tie_id)
