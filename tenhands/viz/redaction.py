"""Who sees what: the one place that decides what a map of each mode may hold.

The scene of a map is built from a :class:`Network` only, and a :class:`Network` holds
only what its :class:`Policy` allows: what is not allowed never reaches a label, a
tooltip, a legend or a note, so no renderer can leak it.

=====================================  ======  ==========  ======
                                       work    projection  family
=====================================  ======  ==========  ======
names, relationship, side, circle      yes     yes         yes
support types, plan tasks              yes     yes         yes
engagement badges and words            yes     no          no
birth and death year (tooltip)         yes     no          no
phone numbers, e-mail (tooltip)        yes     no          no
risk flags, role note (tooltip)        yes     no          no
addresses, person notes                never   never       never
confidential ties                      yes     no          no
persons known only through those       yes     no          no
role confidential / identity hidden    yes     no          no
persons the children must be kept      yes     no          no
safe from [#]_
how many persons were left out         --      no          no
=====================================  ======  ==========  ======

.. [#] not safe, no contact, or a contact restriction or violence among the role's risk
   flags (:func:`kept_away`). Projection and family mode both reach the wall of a
   meeting room, where the family sits with its network: such a person is never on it,
   and nothing on it says that someone was left out.

Relationship words and sides are computed without the confidential ties in shared
modes, so "ex-partner of the mother" cannot tell what a hidden tie would.

Ages (``42``, ``† 2019``) follow the birth years: the work map only. Who lives with the
children (the genogram's household boundary) is worked out from addresses, so only the
work map knows it (``Policy.household``); no shared map gets the flag.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

import networkx as nx

from tenhands.graph.figures import PersonStanding, is_adult, standing_in
from tenhands.graph.kinship import Kind, Relationship, Side
from tenhands.graph.model import (
    Basis,
    Circle,
    Confidential,
    Engagement,
    NetworkRole,
    PartnerStatus,
    Person,
    Plan,
    Quality,
    RiskFlag,
    Sex,
    Tie,
    TieKind,
    WorryKnowledge,
)

from . import labels
from .palette import Group
from .scene import Mode
from .tie_words import tie_word


@dataclass(frozen=True)
class Policy:
    """What a mode may show."""

    birth: bool
    """Birth and death years (never the full date on a map)."""
    contact: bool
    """Phone numbers and e-mail addresses."""
    risk: bool
    """Risk flags and the worker's note on the role."""
    confidential: bool
    """Confidential ties, confidential roles, persons whose identity is confidential."""
    unsafe: bool
    """Persons the children must be kept safe from (:func:`kept_away`)."""
    statuses: bool
    """Engagement badges and words (committed, not taking part, not safe, …)."""
    large: bool
    """Readable at 5 m: bigger fonts, thicker lines."""
    household: bool = False
    """Who lives with the children (derived from addresses: the genogram's household
    boundary); set for the work map only, below the table."""


POLICIES: dict[Mode, Policy] = {
    Mode.work: Policy(
        birth=True,
        contact=True,
        risk=True,
        confidential=True,
        unsafe=True,
        statuses=True,
        large=False,
    ),
    Mode.projection: Policy(
        birth=False,
        contact=False,
        risk=False,
        confidential=False,
        unsafe=False,
        statuses=False,
        large=True,
    ),
    Mode.family: Policy(
        birth=False,
        contact=False,
        risk=False,
        confidential=False,
        unsafe=False,
        statuses=False,
        large=True,  # family time is often on the same wall; handouts read easily too
    ),
}

# Who lives with the children comes from addresses, which no shared map may use.
POLICIES[Mode.work] = dataclasses.replace(POLICIES[Mode.work], household=True)

_UNSAFE = frozenset({Engagement.not_safe, Engagement.no_contact})
_UNSAFE_FLAGS = frozenset({RiskFlag.contact_restriction, RiskFlag.violence})
_BLOOD_LIKE = frozenset({Kind.blood, Kind.adoptive, Kind.legal, Kind.foster, Kind.social})
_CIRCLE_ORDER = (Circle.inner, Circle.middle, Circle.outer)


@dataclass(frozen=True)
class Member:
    """One person as a map of one mode may know them."""

    key: str
    """The map-local id."""
    person_id: str
    """The stored person's id; for the service's own use, never written on a map."""
    name: str
    label: str
    relation: str | None
    """What they are to the children, in words (the label's second line), if anything."""
    sex: Sex
    deceased: bool
    is_child: bool
    adult: bool
    birth_key: tuple[int, int, int]
    """For birth order only; never written on a map."""
    group: Group
    """Where the person stands around the children, as the figures say it."""
    side: Side
    kin: bool
    """Related to a child of the case (blood, law, step or in-law)."""
    in_law: bool
    """Family through a partner (an aunt's husband, a step-parent)."""
    generation: int | None
    """Generations below the case's children (parents -1); None if unknown."""
    degree: int
    """Closeness of kin for ordering (99 for non-kin)."""
    circle: Circle
    engagement: Engagement | None
    """As shown in this mode: None where the mode shows no statuses."""
    committed: bool
    """Committed to the plan (in every mode, whatever the mode shows of statuses)."""
    counts: bool
    """Counted among the ten hands and eyes (:attr:`PersonStanding.counts`)."""
    knows: WorryKnowledge | None
    tasks: tuple[str, ...]
    tooltip: str
    age: str | None = None
    """What a genogram writes by the person: their age (``42``, ``37–38`` when only the
    year is known) or the year of death (``† 2019``); only where ``Policy.birth``."""
    with_children: bool = False
    """Lives at a child's current address (not a child); only where ``Policy.household``."""


@dataclass(frozen=True)
class Link:
    """One tie between two members, as a map of one mode may know it."""

    key: str
    source: str
    target: str
    kind: TieKind
    basis: Basis
    quality: Quality | None
    closeness: Circle | None
    partner_status: PartnerStatus | None


@dataclass(frozen=True)
class Network:
    """Everything a map of one mode may draw: members, links, and what was left out."""

    mode: Mode
    lang: str
    policy: Policy
    members: list[Member]
    links: list[Link]
    hidden: int
    """Persons left out for this mode (a count only, for the service: no map says it)."""

    @property
    def children(self) -> list[Member]:
        """The children of the case, oldest first."""
        return sorted((m for m in self.members if m.is_child), key=lambda m: (m.birth_key, m.key))


def policy(mode: Mode) -> Policy:
    return POLICIES[Mode(mode)]


def shown_person(person: Person, role: NetworkRole | None, pol: Policy) -> bool:
    """Whether a person may appear at all (ties aside)."""
    if not pol.confidential and (
        Confidential.identity in person.confidential or (role is not None and role.confidential)
    ):
        return False
    return pol.unsafe or not kept_away(role)


def kept_away(role: NetworkRole | None) -> bool:
    """Whether the children must be kept safe from this person: not safe, no contact, or
    a contact restriction or violence among the role's risk flags. Such a person is on
    no map that can reach a wall, in no list a family sees."""
    return role is not None and (
        role.engagement in _UNSAFE or bool(_UNSAFE_FLAGS & set(role.risk_flags))
    )


def shown_tie(tie: Tie, pol: Policy) -> bool:
    return pol.confidential or not tie.confidential


def redact(
    case_graph: nx.MultiDiGraph,
    kin_graph: nx.MultiDiGraph,
    plan: Plan | None,
    mode: Mode,
    lang: str,
    today: date,
) -> Network:
    """The network of a case as a map of ``mode`` may show it.

    ``case_graph`` is the case subgraph (persons with their roles), ``kin_graph`` the
    wider family the relationships are computed on, ``plan`` the current plan.
    """
    pol = policy(mode)
    case = case_graph.graph["case"]
    child_ids: list[str] = list(case.child_ids)

    # 1. who may appear, and which ties
    kept: set[str] = set()
    for pid, data in case_graph.nodes(data=True):
        if data["is_child"] or shown_person(data["person"], data["role"], pol):
            kept.add(pid)
    ties = sorted(
        (
            t
            for _, _, t in case_graph.edges(data="tie")
            if t.source_id in kept and t.target_id in kept and shown_tie(t, pol)
        ),
        key=lambda t: t.id,
    )
    had_ties = {pid for pid in kept if case_graph.degree(pid) > 0}
    linked = {t.source_id for t in ties} | {t.target_id for t in ties}
    if not pol.confidential:
        # Known only through confidential ties: their place in the network is the secret.
        kept -= {pid for pid in had_ties - linked if not case_graph.nodes[pid]["is_child"]}
    hidden = case_graph.number_of_nodes() - len(kept)

    # 2. where each stands (the one rule), on what this mode may know: the shown persons
    # and ties, the wider family without what this mode may not know
    drawn = {t.id for t in ties}
    shown = nx.MultiDiGraph(case_graph.subgraph(kept))
    shown.remove_edges_from(
        [(u, v, k) for u, v, k, t in shown.edges(keys=True, data="tie") if t.id not in drawn]
    )
    standing = standing_in(shown, _kin_view(kin_graph, pol, case_graph, kept), today)

    # 3. members
    order = sorted(kept)
    key_of = {pid: f"n{i + 1}" for i, pid in enumerate(order)}
    tasks_of = _tasks(plan)
    names = {pid: labels.display_name(case_graph.nodes[pid]["person"]) for pid in kept}
    homes: set[tuple[str, ...]] = set()
    if pol.household:
        for cid in child_ids:
            if cid in case_graph:
                homes.add(home_of(case_graph.nodes[cid]["person"], today) or ())
        homes.discard(())
    members = [
        _member(
            pid,
            key_of[pid],
            standing[pid],
            child_ids,
            names,
            tasks_of.get(pid, ()),
            pol,
            lang,
            today,
            homes,
        )
        for pid in order
    ]
    links = [
        Link(
            key=f"e{i + 1}",
            source=key_of[t.source_id],
            target=key_of[t.target_id],
            kind=t.kind,
            basis=t.basis or Basis.social,
            quality=t.quality,
            closeness=t.closeness,
            partner_status=t.partner_status,
        )
        for i, t in enumerate(ties)
    ]
    return Network(mode=mode, lang=lang, policy=pol, members=members, links=links, hidden=hidden)


def _kin_view(
    kin_graph: nx.MultiDiGraph, pol: Policy, case_graph: nx.MultiDiGraph, kept: set[str]
) -> nx.MultiDiGraph:
    if pol.confidential:
        return kin_graph
    view = nx.MultiDiGraph(kin_graph)
    view.remove_edges_from(
        [(u, v, k) for u, v, k, t in kin_graph.edges(keys=True, data="tie") if t.confidential]
    )
    # Persons hidden from this case for confidentiality are no path to kin either.
    secret = [
        pid
        for pid in case_graph.nodes
        if pid not in kept
        and pid in view
        and not shown_person(case_graph.nodes[pid]["person"], None, pol)
    ]
    view.remove_nodes_from(secret)
    return view


def _tasks(plan: Plan | None) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    if plan is None:
        return {}
    for task in plan.tasks:
        for pid in task.who:
            out.setdefault(pid, []).append(task.what)
    return {pid: tuple(ws) for pid, ws in out.items()}


def _member(
    pid: str,
    key: str,
    where: PersonStanding,
    child_ids: list[str],
    names: dict[str, str],
    tasks: tuple[str, ...],
    pol: Policy,
    lang: str,
    today: date,
    homes: set[tuple[str, ...]],
) -> Member:
    person, role, is_child, ties = where.person, where.role, where.is_child, list(where.ties)
    name = labels.display_name(person)

    closest = where.closest
    rel = where.relationship
    kin = where.kin
    side = where.side

    words: str | None = None
    if closest is not None and rel is not None:
        words = rel.words(lang)
        child_id = closest[0]
        if len(child_ids) > 1 and child_id != child_ids[0]:
            child = names.get(child_id, "")
            words = f"{child}'s {words}" if lang == "en" else f"{words} van {child}"
        if side in (Side.maternal, Side.paternal) and not (rel.up == 1 and rel.down == 0):
            words = f"{words}, {labels.say(f'side.{side.value}', lang)}"
    elif where.named_by is not None:
        words = tie_word(where.named_by, person.sex, lang)
    label = name if words is None else f"{name}\n({words})"
    if pol.large:  # on the wall: the name and the role, few enough words to be drawn large
        label = labels.wall_label(name, words, side.value, lang)

    engagement = None if role is None else role.engagement
    if person.deceased and engagement is None:
        engagement = Engagement.deceased
    # "deceased" is a fact the family knows, not how someone takes part
    shown_engagement = engagement if pol.statuses or engagement is Engagement.deceased else None

    circle = _circle(pid, role, ties, child_ids)
    gen = None
    if is_child:
        gen = 0
    elif kin and rel is not None and rel.up is not None and rel.down is not None:
        gen = rel.down - rel.up
    in_law = kin and rel is not None and rel.kind not in _BLOOD_LIKE

    return Member(
        key=key,
        person_id=pid,
        name=name,
        label=label,
        relation=words,
        sex=person.sex,
        deceased=person.deceased or engagement is Engagement.deceased,
        is_child=is_child,
        adult=is_adult(person, today),
        birth_key=_birth_key(person),
        group=where.standing,
        side=side,
        kin=kin,
        in_law=in_law,
        generation=gen,
        degree=rel.degree if kin and rel is not None and rel.degree is not None else 99,
        circle=circle,
        engagement=shown_engagement,
        committed=engagement is Engagement.committed,
        counts=where.counts,
        knows=None if role is None else role.knows_worries,
        tasks=tasks,
        tooltip=_tooltip(
            person, role, None if is_child else rel, shown_engagement, tasks, pol, lang
        ),
        age=_age(person, today) if pol.birth else None,
        with_children=bool(homes) and not is_child and home_of(person, today) in homes,
    )


def _age(person: Person, today: date) -> str | None:
    """``42``, ``37–38`` (only the year known), ``† 2019``, or None."""
    if person.deceased:
        return None if person.death_date is None else f"† {person.death_date.earliest().year}"
    if person.birth_date is None:
        return None
    try:
        young, old = person.birth_date.age_range(today)
    except ValueError:  # a birth date after today, still to be corrected
        return None
    return str(old) if young == old else f"{young}–{old}"


def home_of(person: Person, today: date) -> tuple[str, ...] | None:
    """The person's current address as a comparable key (street, number, postcode, city,
    written plainly), or None: the address not ended by ``today`` that began last."""
    current = [
        a
        for a in person.addresses
        if (a.until is None or a.until.latest() >= today)
        and (a.since is None or a.since.earliest() <= today)
        and a.street
    ]
    if not current:
        return None
    latest = max(current, key=lambda a: a.since.earliest() if a.since else date.min)
    return tuple(
        (v or "").strip().casefold()
        for v in (latest.street, latest.house_number, latest.postcode, latest.city)
    )


def _circle(pid: str, role: NetworkRole | None, ties: list[Tie], child_ids: list[str]) -> Circle:
    """The role's circle, else the closest tie to a child, else outer."""
    if role is not None and role.circle is not None:
        return role.circle
    near = [t.closeness for t in ties if t.closeness is not None and (t.other(pid) in child_ids)]
    return min(near, key=_CIRCLE_ORDER.index) if near else Circle.outer


def _birth_key(person: Person) -> tuple[int, int, int]:
    d = person.birth_date
    if d is None:
        return (9999, 99, 99)
    e = d.earliest()
    return (e.year, e.month, e.day)


def _tooltip(
    person: Person,
    role: NetworkRole | None,
    rel: Relationship | None,
    engagement: Engagement | None,
    tasks: tuple[str, ...],
    pol: Policy,
    lang: str,
) -> str:
    lines: list[str] = []
    if rel is not None and rel.related and rel.role is not None:
        lines.append(rel.words(lang, with_side=True))
    if engagement is not None:
        lines.append(labels.engagement_word(engagement, lang))
    if pol.birth and person.birth_date is not None:
        lines.append(labels.say("tooltip.born", lang, year=person.birth_date.earliest().year))
    if pol.birth and person.death_date is not None:
        lines.append(labels.say("tooltip.died", lang, year=person.death_date.earliest().year))
    if role is not None and role.support:
        lines.append(
            labels.say("tooltip.support", lang, what=labels.support_words(role.support, lang))
        )
    if pol.risk and role is not None and role.risk_flags:
        lines.append(
            labels.say("tooltip.risk", lang, what=labels.risk_words(role.risk_flags, lang))
        )
    if pol.contact:
        lines += [labels.say("tooltip.phone", lang, what=p) for p in person.contact.phones]
        lines += [labels.say("tooltip.email", lang, what=e) for e in person.contact.emails]
    if pol.risk and role is not None and role.note:
        lines.append(labels.say("tooltip.note", lang, what=role.note))
    if tasks:
        lines.append(labels.say("tooltip.tasks", lang, n=len(tasks)))
        lines += [f"• {t}" for t in tasks]
    return "\n".join(lines)
