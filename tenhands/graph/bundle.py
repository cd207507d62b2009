"""Everything held about one case as one JSON document, and reading it back.

A bundle holds the case, its children and network members, the ties among them, their
network roles, the plan versions, the meetings and the family's feedback, the outside
records gathered for the case or named by its candidates, and the candidates. Only what
the case itself holds goes out (:class:`~tenhands.graph.visibility.CaseBoundary`): a
candidate about a person another case holds, or about another case's record, stays
behind. Importing checks the whole bundle before writing anything (every reference
inside it must land on something it holds), and writes it in one unit of work, so a
bundle that does not fit the store is refused without a trace.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .errors import Conflict, InvalidInput, NotFound
from .model import (
    Candidate,
    Case,
    Feedback,
    Meeting,
    Model,
    NetworkRole,
    Person,
    Plan,
    Record,
    Tie,
    utcnow,
)
from .paging import read_all
from .plans import outsiders
from .store import GraphStore
from .visibility import CaseBoundary

FORMAT: Literal["tenhands-case"] = "tenhands-case"


class CaseBundle(Model):
    format: Literal["tenhands-case"] = FORMAT
    format_version: Literal[1] = 1
    exported_at: datetime = Field(default_factory=utcnow)
    case: Case
    persons: list[Person]
    ties: list[Tie]
    roles: list[NetworkRole]
    plans: list[Plan]
    records: list[Record]
    candidates: list[Candidate]
    meetings: list[Meeting] = Field(default_factory=list)
    feedback: list[Feedback] = Field(default_factory=list)

    def same_content(self, other: CaseBundle) -> bool:
        """Whether two bundles hold the same data, whenever they were exported."""
        return self.model_dump(exclude={"exported_at"}) == other.model_dump(exclude={"exported_at"})


def export_case(store: GraphStore, case_id: str) -> CaseBundle:
    """Gather everything held about a case (:class:`NotFound` if there is none)."""
    graph = store.case_subgraph(case_id)
    case: Case = graph.graph["case"]
    boundary = CaseBoundary(case_id, frozenset(graph.nodes))
    records = {r.id: r for r in _all_records(store, case_id)}
    candidates = []
    for candidate in store.list_candidates(case_id):
        named = (candidate.person_id, candidate.other_person_id, candidate.relation_to)
        if any(p is not None and not boundary.sees_person(p) for p in named):
            continue  # a link to a person another case holds: nothing of theirs goes out
        if candidate.record_id and candidate.record_id not in records:
            try:
                record = store.get_record(candidate.record_id)
            except NotFound:
                continue
            if not boundary.sees_record(record):
                continue
            records[record.id] = record
        candidates.append(candidate)
    return CaseBundle(
        case=case,
        persons=[graph.nodes[n]["person"] for n in sorted(graph.nodes)],
        ties=sorted((d["tie"] for _, _, d in graph.edges(data=True)), key=lambda t: t.id),
        roles=store.list_roles(case_id),
        plans=store.list_plans(case_id),
        records=sorted(records.values(), key=lambda r: r.id),
        candidates=candidates,
        meetings=store.list_meetings(case_id),
        feedback=list(
            read_all(
                lambda limit, offset: store.list_feedback(
                    case_id=case_id, limit=limit, offset=offset
                )
            )
        ),
    )


def _all_records(store: GraphStore, case_id: str) -> list[Record]:
    return list(
        read_all(
            lambda limit, offset: store.list_records(case_id=case_id, limit=limit, offset=offset)
        )
    )


SHOWN_PROBLEMS = 5
"""How many problems of an inconsistent bundle its refusal names."""


def check_bundle(bundle: CaseBundle) -> None:
    """Refuse a bundle whose parts do not refer to each other consistently: every
    person, plan version, meeting and record a part names must be in the bundle
    (:class:`InvalidInput` naming the first few problems)."""
    person_ids = {p.id for p in bundle.persons}
    case_id = bundle.case.id
    problems: list[str] = []
    for child in bundle.case.child_ids:
        if child not in person_ids:
            problems.append(f"child {child!r} is not among the persons")
    for t in bundle.ties:
        for end in (t.source_id, t.target_id):
            if end not in person_ids:
                problems.append(f"tie {t.id!r} refers to person {end!r}, not among the persons")
    for r in bundle.roles:
        if r.case_id != case_id:
            problems.append(f"the role of {r.person_id!r} belongs to another case")
        elif r.person_id not in person_ids:
            problems.append(f"a role refers to person {r.person_id!r}, not among the persons")
    for p in bundle.plans:
        if p.case_id != case_id:
            problems.append(f"plan {p.id!r} belongs to another case")
        for _, pid in outsiders(p, person_ids):
            problems.append(
                f"plan version {p.version} refers to person {pid!r}, not among the persons"
            )
    versions = {p.version for p in bundle.plans}
    for m in bundle.meetings:
        if m.case_id != case_id:
            problems.append(f"meeting {m.id!r} belongs to another case")
        for _, pid in outsiders(m, person_ids):
            problems.append(f"meeting {m.id!r} refers to person {pid!r}, not among the persons")
        if m.plan_version is not None and m.plan_version not in versions:
            problems.append(
                f"meeting {m.id!r} refers to plan version {m.plan_version}, not included"
            )
    meeting_ids = {m.id for m in bundle.meetings}
    for f in bundle.feedback:
        if f.case_id != case_id:
            problems.append(f"feedback {f.id!r} belongs to another case")
        if f.meeting_id is not None and f.meeting_id not in meeting_ids:
            problems.append(f"feedback {f.id!r} refers to meeting {f.meeting_id!r}, not included")
    record_ids = {r.id for r in bundle.records}
    for c in bundle.candidates:
        if c.case_id != case_id:
            problems.append(f"candidate {c.id!r} belongs to another case")
        if c.record_id is not None and c.record_id not in record_ids:
            problems.append(f"candidate {c.id!r} refers to record {c.record_id!r}, not included")
    for kind, ids in (
        ("person", [p.id for p in bundle.persons]),
        ("tie", [t.id for t in bundle.ties]),
        ("record", [r.id for r in bundle.records]),
        ("plan", [p.id for p in bundle.plans]),
        ("plan version", [str(p.version) for p in bundle.plans]),
        ("candidate", [c.id for c in bundle.candidates]),
        ("meeting", [m.id for m in bundle.meetings]),
        ("feedback", [f.id for f in bundle.feedback]),
    ):
        if len(set(ids)) != len(ids):
            problems.append(f"a {kind} appears twice")
    if problems:
        more = len(problems) - SHOWN_PROBLEMS
        raise InvalidInput(
            "the case file is inconsistent and nothing was imported: "
            + "; ".join(problems[:SHOWN_PROBLEMS])
            + (f"; and {more} more" if more > 0 else "")
        )


def import_case(store: GraphStore, bundle: CaseBundle) -> None:
    """Write a bundle into a store that holds none of its case, persons, ties or records.

    Everything is checked first (:class:`InvalidInput`, :class:`Conflict`), and written
    in one unit of work: should the store fail half-way, nothing stays.
    """
    check_bundle(bundle)
    store.atomic(lambda unit: _write(unit, bundle))


def _write(store: GraphStore, bundle: CaseBundle) -> None:
    _refuse_existing(store, bundle)
    store.upsert_persons(bundle.persons)
    store.upsert_ties(bundle.ties)
    store.create_case(bundle.case)
    store.upsert_roles(bundle.roles)
    for plan in bundle.plans:
        store.add_plan(plan)
    for meeting in bundle.meetings:
        store.add_meeting(meeting)
    for feedback in bundle.feedback:
        store.add_feedback(feedback)
    store.add_records(bundle.records)
    for candidate in bundle.candidates:
        store.save_candidate(candidate)


def _refuse_existing(store: GraphStore, bundle: CaseBundle) -> None:
    try:
        store.get_case(bundle.case.id)
    except NotFound:
        pass
    else:
        raise Conflict(f"case {bundle.case.id!r} exists already in this store")
    clash = store.get_persons(p.id for p in bundle.persons)
    if clash:
        raise Conflict(f"{len(clash)} persons of the case exist already, e.g. {clash[0].id!r}")
    for tie in bundle.ties:
        try:
            store.get_tie(tie.id)
        except NotFound:
            continue
        raise Conflict(f"tie {tie.id!r} exists already in this store")
    for record in bundle.records:
        try:
            store.get_record(record.id)
        except NotFound:
            continue
        raise Conflict(f"record {record.id!r} exists already in this store")
