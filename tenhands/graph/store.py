"""The ``GraphStore`` contract: one small protocol per kind of thing, combined.

Both stores (:mod:`tenhands.graph.stores.sqlite`, :mod:`tenhands.graph.stores.neo4j`)
implement it and pass one shared contract test suite. Methods raise only the
errors of :mod:`tenhands.graph.errors`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar, runtime_checkable

from .model import (
    AccessToken,
    AuditAction,
    AuditEvent,
    Candidate,
    Case,
    ChangeSet,
    Erasure,
    Feedback,
    LinkRequest,
    LinkStatus,
    MapPosition,
    Meeting,
    NetworkRole,
    Person,
    Plan,
    Record,
    ReviewStatus,
    Tie,
    TokenKind,
    User,
)

if TYPE_CHECKING:
    import networkx as nx

DEFAULT_BATCH = 5_000

T = TypeVar("T")

HoldKind = Literal["candidate", "role", "plan", "case", "person"]
"""What :meth:`GraphStore.hold` can lock: a candidate, a network role (key
``"CASE_ID/PERSON_ID"``), a plan version, a case or a person, each by its id."""

HOLD_KINDS: tuple[HoldKind, ...] = ("candidate", "role", "plan", "case", "person")


class PersonStore(Protocol):
    def create_person(self, person: Person) -> Person:
        """Store a new person; :class:`Conflict` if the id is taken."""
        ...

    def get_person(self, person_id: str) -> Person:
        """The person; :class:`NotFound` if there is none."""
        ...

    def get_persons(self, person_ids: Iterable[str]) -> list[Person]:
        """The persons among ``person_ids`` that exist, in the order asked (an id asked
        twice comes twice)."""
        ...

    def update_person(self, person: Person) -> Person:
        """Replace a stored person; :class:`NotFound` if there is none."""
        ...

    def delete_person(self, person_id: str, *, cascade: bool = False) -> None:
        """Remove a person. With ties or network roles, :class:`Conflict` unless ``cascade``,
        which removes those too. A child of a case is never removed (:class:`Conflict`)."""
        ...

    def list_persons(self, *, limit: int = 100, offset: int = 0) -> list[Person]:
        """Persons ordered by id."""
        ...

    def count_persons(self) -> int: ...

    def find_persons_by_source(self, ref: str, *, name: str | None = None) -> list[Person]:
        """Persons whose provenance source has reference ``ref`` (e.g. the GEDCOM xref
        ``@I35@``), and source name ``name`` if given (e.g. the file), ordered by id."""
        ...

    def upsert_persons(self, persons: Sequence[Person], *, batch_size: int = DEFAULT_BATCH) -> int:
        """Create or replace many persons in one transaction; all or nothing."""
        ...


class TieStore(Protocol):
    def create_tie(self, tie: Tie) -> Tie:
        """Store a new tie; :class:`NotFound` if a person is missing, :class:`Conflict`
        if the id is taken."""
        ...

    def get_tie(self, tie_id: str) -> Tie: ...

    def get_ties(self, tie_ids: Iterable[str]) -> list[Tie]:
        """The ties ``tie_ids`` name, in the order asked (an id asked twice comes twice);
        :class:`NotFound` naming every missing id if any is missing."""
        ...

    def update_tie(self, tie: Tie) -> Tie: ...

    def delete_tie(self, tie_id: str) -> None: ...

    def ties_of(self, person_id: str) -> list[Tie]:
        """Every tie the person is on, either end, ordered by id; :class:`NotFound` for
        an unknown person."""
        ...

    def upsert_ties(self, ties: Sequence[Tie], *, batch_size: int = DEFAULT_BATCH) -> int:
        """Create or replace many ties in one transaction; all or nothing
        (:class:`NotFound` names a missing person and nothing is written)."""
        ...


class CaseStore(Protocol):
    def create_case(self, case: Case) -> Case:
        """Store a new case; its children must exist (:class:`NotFound`)."""
        ...

    def get_case(self, case_id: str) -> Case: ...

    def update_case(self, case: Case) -> Case: ...

    def delete_case(self, case_id: str) -> None:
        """Remove a case with its roles, plans, meetings, feedback, candidates, change
        sets and map positions; persons and ties stay."""
        ...

    def list_cases(self, *, limit: int = 100, offset: int = 0) -> list[Case]:
        """Cases ordered by id."""
        ...

    def set_role(self, role: NetworkRole) -> NetworkRole:
        """Add a person to a case's network, or change their role there; returns the
        role as stored. The store keeps the engagement history (``stages``): see
        :func:`~tenhands.graph.model.case.with_stages`."""
        ...

    def get_role(self, case_id: str, person_id: str) -> NetworkRole:
        """The role; :class:`NotFound` names it ``"CASE_ID/PERSON_ID"``."""
        ...

    def remove_role(self, case_id: str, person_id: str) -> None:
        """Take a person out of a case's network, with their positions on its maps;
        :class:`NotFound` names the role ``"CASE_ID/PERSON_ID"``."""
        ...

    def list_roles(self, case_id: str) -> list[NetworkRole]:
        """The network roles of a case, ordered by person id; :class:`NotFound` for an
        unknown case (as for every list of a case's or a person's things, except
        :meth:`RecordStore.list_records`, which returns nothing)."""
        ...

    def cases_of(self, person_id: str) -> list[str]:
        """Ids of the cases a person is a child or network member of, ordered."""
        ...

    def roles_of(self, person_id: str) -> list[NetworkRole]:
        """Every network role of a person, across all cases, ordered by case id;
        :class:`NotFound` for an unknown person."""
        ...

    def upsert_roles(self, roles: Sequence[NetworkRole]) -> int:
        """Set many roles in one transaction; all or nothing. Each continues its stored
        engagement history as :meth:`set_role` does."""
        ...


class GraphQueries(Protocol):
    def case_subgraph(self, case_id: str) -> nx.MultiDiGraph:
        """The case's children and network members with the ties among them
        (see :func:`tenhands.graph.network.build_graph`)."""
        ...

    def neighbourhood(self, person_id: str, hops: int) -> nx.MultiDiGraph:
        """Everyone within ``hops`` ties of a person, across all cases, with the ties
        among them."""
        ...


class PlanStore(Protocol):
    def add_plan(self, plan: Plan) -> Plan:
        """Store a new plan version; :class:`Conflict` if the case has that version."""
        ...

    def get_plan(self, plan_id: str) -> Plan: ...

    def update_plan(self, plan: Plan) -> Plan:
        """Replace a stored plan version's content (e.g. a task's status between
        meetings); :class:`NotFound` if there is none with its id, :class:`InvalidInput`
        if its case or version number differ from the stored one."""
        ...

    def list_plans(self, case_id: str) -> list[Plan]:
        """A case's plan versions, oldest first."""
        ...


class MeetingStore(Protocol):
    def add_meeting(self, meeting: Meeting) -> Meeting:
        """Store a new meeting; :class:`NotFound` for an unknown case, :class:`Conflict`
        for a taken id."""
        ...

    def get_meeting(self, meeting_id: str) -> Meeting: ...

    def update_meeting(self, meeting: Meeting) -> Meeting:
        """:class:`NotFound` if missing; :class:`InvalidInput` for another case."""
        ...

    def delete_meeting(self, meeting_id: str) -> None: ...

    def list_meetings(self, case_id: str) -> list[Meeting]:
        """A case's meetings by date (then id); :class:`NotFound` for an unknown case."""
        ...

    def add_feedback(self, feedback: Feedback) -> Feedback:
        """Store one participant's feedback; :class:`NotFound` for an unknown case or a
        meeting that is not the case's, :class:`Conflict` for a taken id."""
        ...

    def list_feedback(
        self,
        *,
        case_id: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Feedback]:
        """Feedback of one case (or of all), given between ``since`` and ``until``
        (both included), by date then id. :class:`NotFound` for an unknown case."""
        ...


class RecordStore(Protocol):
    def add_records(self, records: Sequence[Record]) -> int:
        """Store outside records in one transaction; all or nothing."""
        ...

    def get_record(self, record_id: str) -> Record: ...

    def list_records(
        self,
        *,
        case_id: str | None = None,
        source: str | None = None,
        within_cases: Sequence[str] | None = None,
        limit: int = 1000,
        offset: int = 0,
        after: str | None = None,
    ) -> list[Record]:
        """Records ordered by id: all of them, or those gathered for ``case_id``, of the
        source name ``source`` (its provenance's ``source.name``; an index, no scan), and
        with ``within_cases`` only those a viewer of these cases may read (the
        agency-wide ones, gathered for no case, and those gathered for one of them).
        ``after`` starts after that id (paging through a million records without
        ``offset``)."""
        ...


class CandidateStore(Protocol):
    def save_candidate(self, candidate: Candidate) -> Candidate:
        """Create or replace a candidate."""
        ...

    def get_candidate(self, candidate_id: str) -> Candidate: ...

    def record_decision(
        self,
        candidate: Candidate,
        event: AuditEvent,
        *,
        change_set: ChangeSet | None = None,
    ) -> Candidate:
        """Store a candidate's new review status, the audit event that says so and the
        change set of what the decision did, in one transaction: all or nothing.

        ``change_set`` must have the candidate as subject (:class:`InvalidInput`); it
        replaces any earlier change set of the candidate. A candidate back to pending
        loses its change set in the same transaction. :class:`NotFound` for a missing
        case, :class:`Conflict` for an audit event id already used.
        """
        ...

    def list_candidates(
        self, case_id: str, *, status: ReviewStatus | None = None
    ) -> list[Candidate]:
        """A case's candidates, best score first."""
        ...


class ChangeSetStore(Protocol):
    """What a decision changed, kept apart from the candidate so it can be reversed."""

    def save_change_set(self, change_set: ChangeSet) -> ChangeSet:
        """Create or replace a change set; it replaces any other of the same subject.
        :class:`NotFound` if its case is missing."""
        ...

    def get_change_set(self, change_set_id: str) -> ChangeSet:
        """The change set; :class:`NotFound` if there is none."""
        ...

    def change_set_for(self, subject_id: str) -> ChangeSet | None:
        """The change set of a subject (e.g. a candidate), or None."""
        ...

    def delete_change_set(self, change_set_id: str) -> None:
        """Remove a change set; :class:`NotFound` if there is none."""
        ...


class AuditLog(Protocol):
    def append_audit(self, event: AuditEvent) -> None:
        """Append an event; events are never changed or removed (:class:`Conflict` for an
        id already used)."""
        ...

    def append_audit_many(self, events: Sequence[AuditEvent]) -> int:
        """Append many events in one transaction (all or nothing, :class:`Conflict` for
        an id already used); returns how many. The service writes the audit of many
        requests at once this way."""
        ...

    def list_audit(
        self,
        *,
        case_id: str | None = None,
        actor: str | None = None,
        entity_id: str | None = None,
        action: AuditAction | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[AuditEvent]:
        """Newest first (then by id, descending); every filter given must hold
        (``since`` inclusive, ``until`` exclusive)."""
        ...

    def count_audit(
        self,
        *,
        case_id: str | None = None,
        actor: str | None = None,
        entity_id: str | None = None,
        action: AuditAction | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int:
        """How many events :meth:`list_audit` would list with these filters and no limit."""
        ...


class LinkStore(Protocol):
    """Requests to share a person across a case boundary (see
    :mod:`tenhands.graph.model.link`)."""

    def save_link(self, link: LinkRequest) -> LinkRequest:
        """Create or replace a link request; :class:`NotFound` for a missing case,
        candidate or person."""
        ...

    def get_link(self, link_id: str) -> LinkRequest:
        """:class:`NotFound` for an unknown id."""
        ...

    def list_links(
        self,
        *,
        case_id: str | None = None,
        person_ids: Iterable[str] | None = None,
        status: LinkStatus | None = None,
    ) -> list[LinkRequest]:
        """The requests every filter given holds for (``case_id``: the asking case;
        ``person_ids``: about one of these persons), newest first (then by id). Deleting
        a case removes the requests it made; removing a candidate (an erasure) removes
        the requests for it."""
        ...


class PositionStore(Protocol):
    """Where persons were left on a case's maps (see :mod:`tenhands.graph.model.position`).

    A position goes with its case and its person: deleting the case, deleting or erasing
    the person, or taking the person out of the case's network removes it."""

    def save_positions(self, positions: Sequence[MapPosition]) -> int:
        """Create or replace positions (one per case, view and person) in one
        transaction, all or nothing; returns how many. :class:`NotFound` for a missing
        case or person, :class:`InvalidInput` for a person who is neither a child nor a
        network member of the case or for one position given twice."""
        ...

    def list_positions(self, case_id: str, view: str) -> list[MapPosition]:
        """A case's positions on one view, ordered by person id; :class:`NotFound` for an
        unknown case."""
        ...

    def clear_positions(self, case_id: str, view: str | None = None) -> int:
        """Remove a case's positions on ``view`` (on every view when None); returns how
        many went. :class:`NotFound` for an unknown case."""
        ...


class SubjectStore(Protocol):
    """One person as a data subject: everything held about them, and their erasure."""

    def candidates_of_person(self, person_id: str) -> list[Candidate]:
        """Every candidate naming the person (as ``person_id`` or ``other_person_id``),
        in every case, ordered by id. An unknown person has none."""
        ...

    def erase_person(self, person_id: str, *, actor: str) -> Erasure:
        """Remove a person and everything that holds their data, in one transaction:
        their ties and network roles; candidates naming them and the change sets of
        those candidates (a decision about an erased person cannot be undone); change
        sets whose images hold the person; outside records accepted as them (the
        record of an accepted ``match`` candidate) and every candidate built on such a
        record (its evidence quotes the record); and their id in plan tasks
        (``who``, ``checked_by``; a task left with nobody to do it goes, unless it is
        professional help with its service named) and scale scores (the score goes);
        their id in meetings attended; and ``named_by`` in the roles of those they
        named (set to None); their positions on every case's maps. Appends one audit
        event (action ``erase``, entity ``person``, the person's id, ``actor``) in the
        same transaction; earlier audit events stay (they hold no personal values).

        :class:`NotFound` for an unknown person; :class:`Conflict` for a child of a
        case (erase or close the case first)."""
        ...


class UserStore(Protocol):
    """Accounts, the cases assigned to them, and their sign-in tokens."""

    def create_user(self, user: User) -> User:
        """Store a new user; :class:`Conflict` for an id or a login already used."""
        ...

    def get_user(self, user_id: str) -> User:
        """:class:`NotFound` for an unknown id."""
        ...

    def get_user_by_login(self, login: str) -> User:
        """The user with this login (compared lower-case); :class:`NotFound` if none."""
        ...

    def update_user(self, user: User) -> User:
        """Replace a stored user; :class:`NotFound` if unknown, :class:`Conflict` if the
        new login belongs to another user."""
        ...

    def list_users(self, *, limit: int = 100, offset: int = 0) -> list[User]:
        """Ordered by login."""
        ...

    def count_users(self) -> int: ...

    def assign_case(self, user_id: str, case_id: str) -> None:
        """Give a user access to a case (doing it twice changes nothing); :class:`NotFound`
        for an unknown user or case."""
        ...

    def unassign_case(self, user_id: str, case_id: str) -> None:
        """Take a case away from a user; :class:`NotFound` if it was not assigned."""
        ...

    def cases_of_user(self, user_id: str) -> list[str]:
        """Ids of the cases assigned to a user, ordered; :class:`NotFound` for an
        unknown user."""
        ...

    def users_of_case(self, case_id: str) -> list[str]:
        """Ids of the users a case is assigned to, ordered; :class:`NotFound` for an
        unknown case."""
        ...

    def save_token(self, token: AccessToken) -> AccessToken:
        """Store a new token; :class:`NotFound` for an unknown user, :class:`Conflict`
        for an id or hash already used."""
        ...

    def token_by_hash(self, token_hash: str) -> AccessToken:
        """:class:`NotFound` if no token has this hash (expired ones are still found:
        the caller checks)."""
        ...

    def list_tokens(self, user_id: str) -> list[AccessToken]:
        """A user's tokens, newest first; :class:`NotFound` for an unknown user."""
        ...

    def delete_token(self, token_id: str) -> None:
        """:class:`NotFound` if unknown."""
        ...

    def delete_tokens(self, user_id: str, *, kind: TokenKind | None = None) -> int:
        """Remove a user's tokens (of ``kind``, or all); returns how many."""
        ...

    def delete_expired_tokens(self, now: datetime) -> int:
        """Remove every token expired at ``now``; returns how many."""
        ...


@runtime_checkable
class GraphStore(
    PersonStore,
    TieStore,
    CaseStore,
    GraphQueries,
    PlanStore,
    MeetingStore,
    RecordStore,
    CandidateStore,
    ChangeSetStore,
    LinkStore,
    PositionStore,
    AuditLog,
    UserStore,
    SubjectStore,
    Protocol,
):
    """Everything TenHands keeps, behind one contract."""

    kind: str
    """``"sqlite"`` or ``"neo4j"``."""

    def init_schema(self) -> None:
        """Create tables, constraints and indexes if missing; migrate older schemas."""
        ...

    def ping(self) -> bool:
        """Whether the store answers now."""
        ...

    def generation(self) -> int | None:
        """A number that moves on whenever persons, ties, cases, roles, plans, records or
        candidates change, by any process; it stays the same while only the audit log,
        users or tokens change. ``None`` when the store cannot tell cheaply: then
        nothing read from it may be cached."""
        ...

    def records_revision(self) -> str:
        """A short token that changes in the same transaction as any change to the stored
        outside records (:meth:`add_records`, and records removed by
        :meth:`erase_person`), by any process; equal tokens mean the same records. One
        cheap read, meant to be asked before each use of something built from the
        records (the kin index). It holds an epoch drawn once per store, so a store made
        anew does not repeat an older store's tokens. Every new way of changing records
        moves it in its own transaction."""
        ...

    def decisions_revision(self) -> str:
        """Like :meth:`records_revision`, for the review decisions: it changes in the
        same transaction as any write of a candidate that is decided or replaces one that
        was (:meth:`record_decision`, :meth:`save_candidate`), and when candidates are
        removed (:meth:`erase_person`, :meth:`delete_case`); saving or updating a pending
        finding over a pending one leaves it. What is learnt from the decisions (the kin
        rules' calibration) is kept while it stands."""
        ...

    def describe(self) -> str:
        """Where the data lives, without credentials."""
        ...

    def atomic(self, work: Callable[[GraphStore], T]) -> T:
        """Run ``work(self)`` as one unit of work and return what it returns.

        Every store call ``work`` makes joins one transaction: its writes are kept all
        together or not at all, reads inside see the unit's own writes, and an
        ``atomic`` inside joins the outer unit. An error leaving ``work`` undoes the
        whole unit and goes on to the caller (store errors unchanged, other errors
        too). The :meth:`generation` moves once, when the unit changed data.

        ``work`` may run more than once (the Neo4j store runs a unit again after a
        transient failure, such as a deadlock between two units): it only calls the
        store and computes, with no I/O of its own and no effect outside the unit. A
        store call that fails inside the unit may have done part of its writes: let its
        error end the unit rather than carry on.
        """
        ...

    def hold(self, kind: HoldKind, key: str) -> None:
        """Inside :meth:`atomic`: take the write lock of one stored thing until the unit
        ends, so that units holding the same thing run one after the other and every
        read after the hold sees the state the last of them committed. Hold the thing a
        decision is about before reading it ("is the candidate still pending?").

        :class:`NotFound` if there is no such thing; :class:`InvalidInput` outside a
        unit or for a kind that is not one of :data:`HOLD_KINDS`.
        """
        ...

    def close(self) -> None: ...
