"""What the closure handout may show: a pure function over a case's stored data.

The handout goes to everyone in the network, so it holds only what each person agreed
to share, and never what the family-mode map would not show. The rules:

Who is listed
    A network member who is ``engaged`` or ``committed``, or who does a task (``who``) of
    the current plan. Never a member the family-mode map leaves out
    (:func:`tenhands.viz.redaction.redact`: a confidential role, a person whose identity
    is confidential, not safe, no contact, or known only through confidential ties);
    never a member the children must be kept safe from
    (:func:`tenhands.viz.redaction.kept_away`: not safe, no contact, or a
    ``contact_restriction`` or ``violence`` risk flag), nor one whose engagement is
    ``declined`` or ``deceased``; never a deceased person.
    Professionals (a professional tie on the family map, or doing a task of professional
    help) only when they do a task of the current plan. The children are named by their
    first name only, and are not listed as members.
What is said about a listed person
    Their map name, what they are to the children in the family map's words, their
    agreed role, the tasks they do, and their contact details: only the kinds their role
    ``shares`` names (phone, e-mail, address), and not phones and e-mail if the person
    marked their contact confidential, not addresses if they marked their address
    confidential; only current addresses (no ``until``). Never notes, risk flags, birth
    dates, worries, engagement history or ids. The case title is left out (it often
    carries the family name).
Tasks
    The current plan's tasks, with only listed names (or the children) as doers and
    checkers. A task whose doers are all unlisted is left out; professional help asked
    of a service with nobody named yet stays (it names nobody).
Whom to call
    Listed network members (not professionals) whose role offers safety monitoring, or
    whose agreed role says they are the one to call (a safety net, a contact person…:
    :data:`CALL_WORDS`).
When
    The last meeting held (today or earlier), and the next review (today or later): the
    earliest of a meeting planned after today and the review date the last meeting set;
    when it set none (and was no closing meeting), or before any meeting, the plan's
    review date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import networkx as nx

from tenhands.graph.model import (
    Address,
    Case,
    Circle,
    Confidential,
    Engagement,
    Meeting,
    MeetingKind,
    NetworkRole,
    Person,
    Plan,
    Shared,
    SupportType,
    Task,
    TaskOwner,
)
from tenhands.graph.network import surroundings
from tenhands.graph.plans import current_plan
from tenhands.graph.store import GraphStore

from .. import labels
from ..palette import Group
from ..redaction import kept_away, redact
from ..scene import Mode
from .model import Handout, HandoutPerson, HandoutTask

LISTED = frozenset({Engagement.engaged, Engagement.committed})
"""Engagements that put a network member on the handout without a task."""

NEVER_LISTED = frozenset({Engagement.declined, Engagement.deceased})
"""Engagements that keep a network member off the handout, besides those of
:func:`~tenhands.viz.redaction.kept_away`."""

CALL_WORDS = re.compile(
    r"\b(vangnet|aanspreekpunt|contactpersoon|nood\w*|veilig\w*|oogje in het zeil|"
    r"bel (mij|me|ons)|safety|safe|emergenc\w*|contact person|call (me|us)|keeps? an eye)\b",
    re.IGNORECASE,
)
"""An agreed role that says its person is one to call when worried (Dutch or English):
a safety net, a contact person, emergencies, keeping an eye out. Calling the children
("belt Lina elke zondag") is no such word."""

_CIRCLES = (Circle.inner, Circle.middle, Circle.outer)


def build_handout(
    store: GraphStore, case_id: str, lang: str = "nl", *, today: date | None = None
) -> Handout:
    """The closure handout of a case in ``lang`` (``nl`` or ``en``).

    Raises :class:`~tenhands.graph.errors.NotFound` for an unknown case and ValueError
    for an unknown language.
    """
    labels.check_lang(lang)
    today = today or date.today()
    graph = store.case_subgraph(case_id)
    case: Case = graph.graph["case"]
    kin = surroundings(store, case.child_ids)
    plan = current_plan(store, case_id)
    meetings = store.list_meetings(case_id)
    return handout_of(graph, kin, plan, meetings, lang, today)


def handout_of(
    case_graph: nx.MultiDiGraph,
    kin_graph: nx.MultiDiGraph,
    plan: Plan | None,
    meetings: Sequence[Meeting],
    lang: str,
    today: date,
) -> Handout:
    """The handout of a case from its data: ``case_graph`` the case subgraph (persons
    with their roles, see :func:`tenhands.graph.network.build_graph`), ``kin_graph`` the
    wider family relationships are computed on, ``plan`` the current plan, ``meetings``
    the case's meetings. See the module docstring for what may be in it."""
    labels.check_lang(lang)
    case: Case = case_graph.graph["case"]
    seen = _family_view(case_graph, kin_graph, lang, today)
    tasks: list[Task] = list(plan.tasks) if plan is not None else []
    doers = {pid for t in tasks for pid in t.who}
    helpers = {pid for t in tasks if t.owner is TaskOwner.professional for pid in t.who}

    names = {
        c: first_name(case_graph.nodes[c]["person"]) for c in case.child_ids if c in case_graph
    }
    children = tuple(names.values())
    chosen: list[tuple[str, Person, NetworkRole, bool]] = []
    for pid, data in case_graph.nodes(data=True):
        person, role = data["person"], data["role"]
        if data["is_child"] or role is None or pid not in seen or not may_be_listed(person, role):
            continue
        professional = seen[pid].professional or pid in helpers
        if pid in doers or (not professional and role.engagement in LISTED):
            chosen.append((pid, person, role, professional))
            names[pid] = labels.display_name(person)

    shown_tasks = [t for t in tasks if not t.who or any(p in names for p in t.who)]
    listed: list[tuple[tuple[int, str, str], HandoutPerson]] = []
    for pid, person, role, professional in chosen:
        phones, emails, addresses = shared_contact(person, role)
        entry = HandoutPerson(
            name=names[pid],
            relation=seen[pid].relation,
            agreed_role=role.agreed_role,
            phones=phones,
            emails=emails,
            addresses=addresses,
            tasks=tuple(t.what for t in shown_tasks if pid in t.who),
            professional=professional,
            call=not professional and says_call(role),
        )
        circle = _CIRCLES.index(role.circle) if role.circle is not None else len(_CIRCLES)
        listed.append(((circle, names[pid].casefold(), pid), entry))
    listed.sort(key=lambda item: item[0])

    def line(task: Task) -> HandoutTask:
        return HandoutTask(
            what=task.what,
            who=tuple(names[p] for p in task.who if p in names),
            checked_by=tuple(names[p] for p in task.checked_by if p in names),
            due=task.due,
            service=task.service,
        )

    last, upcoming = _meetings(meetings, plan, today)
    return Handout(
        lang=lang,
        made_on=today,
        children=children,
        people=tuple(p for _, p in listed if not p.professional),
        professionals=tuple(p for _, p in listed if p.professional),
        tasks=tuple(line(t) for t in shown_tasks if t.owner is TaskOwner.network),
        help=tuple(line(t) for t in shown_tasks if t.owner is TaskOwner.professional),
        last_meeting=None if last is None else last.held_on,
        last_meeting_kind=None if last is None else last.kind,
        next_review=upcoming,
    )


def may_be_listed(person: Person, role: NetworkRole) -> bool:
    """Whether nothing about the person or their role keeps them off every handout (the
    family-mode map's rules come on top: see :func:`handout_of`).

    >>> from tenhands.graph.model import NetworkRole, Person
    >>> may_be_listed(Person(given_names=["An"]), NetworkRole(case_id="c", person_id="a"))
    True
    >>> may_be_listed(Person(given_names=["An"], deceased=True),
    ...               NetworkRole(case_id="c", person_id="a"))
    False
    """
    return not (
        role.confidential
        or Confidential.identity in person.confidential
        or kept_away(role)
        or role.engagement in NEVER_LISTED
        or person.deceased
    )


def shared_contact(
    person: Person, role: NetworkRole
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The phones, e-mail addresses and current addresses (one line each) the person
    agreed to share, less what they marked confidential."""
    contact_ok = Confidential.contact not in person.confidential
    phones = person.contact.phones if Shared.phone in role.shares and contact_ok else []
    emails = person.contact.emails if Shared.email in role.shares and contact_ok else []
    addresses: list[str] = []
    if Shared.address in role.shares and Confidential.address not in person.confidential:
        addresses = [address_line(a) for a in person.addresses if a.until is None]
    return tuple(phones), tuple(str(e) for e in emails), tuple(a for a in addresses if a)


def address_line(address: Address) -> str:
    """An address on one line, the Belgian way; the country only when it is not Belgium.

    >>> address_line(Address(street="Kerkstraat", house_number="12", postcode="9000",
    ...                      city="Gent", country="BE"))
    'Kerkstraat 12, 9000 Gent'
    """
    street = " ".join(p for p in (address.street, address.house_number) if p)
    place = " ".join(p for p in (address.postcode, address.city) if p)
    country = address.country if address.country and address.country.upper() != "BE" else None
    return ", ".join(p for p in (street, place, country) if p)


def says_call(role: NetworkRole) -> bool:
    """Whether the person is one to call when worried: they offer safety monitoring, or
    their agreed role says so.

    >>> from tenhands.graph.model import NetworkRole
    >>> says_call(NetworkRole(case_id="c", person_id="a", agreed_role="vangnet als mama ziek is"))
    True
    >>> says_call(NetworkRole(case_id="c", person_id="a", agreed_role="belt Lina op woensdag"))
    False
    """
    if SupportType.safety_monitoring in role.support:
        return True
    return role.agreed_role is not None and CALL_WORDS.search(role.agreed_role) is not None


def first_name(person: Person) -> str:
    """A child's first name: the first given name, else the first alias; never a surname."""
    if person.given_names:
        return person.given_names[0]
    return person.aliases[0] if person.aliases else "?"


@dataclass(frozen=True)
class _Seen:
    relation: str | None
    professional: bool


def _family_view(
    case_graph: nx.MultiDiGraph, kin_graph: nx.MultiDiGraph, lang: str, today: date
) -> dict[str, _Seen]:
    """Who the family-mode map shows, by person id, with the map's words for what they
    are to the children and whether the map counts them as professionals."""
    net = redact(case_graph, kin_graph, None, Mode.family, lang, today)
    return {m.person_id: _Seen(m.relation, m.group is Group.professional) for m in net.members}


def _meetings(
    meetings: Sequence[Meeting], plan: Plan | None, today: date
) -> tuple[Meeting | None, date | None]:
    """The last meeting held, and the next review date (today or later), if any."""
    held = sorted((m for m in meetings if m.held_on <= today), key=lambda m: (m.held_on, m.id))
    last = held[-1] if held else None
    dates = [m.held_on for m in meetings if m.held_on > today]
    if last is not None and last.next_review_on is not None:
        dates.append(last.next_review_on)
    elif (
        plan is not None
        and plan.review_on is not None
        and (last is None or last.kind is not MeetingKind.closure)
    ):
        dates.append(plan.review_on)
    upcoming = [d for d in dates if d >= today]
    return last, min(upcoming) if upcoming else None
