"""A person named in the room during a family meeting: what they are to the child, and
the ties that say it. The one rule the meeting page (and any other caller) adds such a
person by.

The facilitator gives a name, one word for what the person is to the child
(:class:`Named`), and for family the side (the mother's or the father's). The word says
the person's sex where it can (a grandmother is a woman); otherwise the caller says it,
"not known" included: it is never guessed. The person is tied as sensibly as the graph
allows (:data:`WORDS`):

- a grandparent is a parent of the child's mother or father on that side when that
  parent is in the graph, else a grandparent of the child;
- an aunt or uncle is a sibling of the mother or father on that side when that parent is
  in the graph, else another relative of the child;
- a brother or sister is a sibling of the child;
- a neighbour, teacher, friend, godparent or coach is tied to the child by that kind of
  tie, someone otherwise tied by ``other``;
- a cousin or other family is another relative of the child.

Where a word is one of the relations of :mod:`.placing` (a grandparent, aunt or uncle
through a parent in the graph, a brother or sister, an informal supporter), the ties are
that module's, the one rule the person form and the API use too.

"The child" is every child of the case, or the one the caller names. The person, their
ties and their role in the case's network are stored in one unit of work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from .errors import InvalidInput, NotFound
from .kinship import Side
from .model import (
    Basis,
    Engagement,
    NetworkRole,
    Person,
    Provenance,
    Sex,
    SourceKind,
    SourceRef,
    Tie,
    TieKind,
)
from .placing import Placement, Relation, placed
from .store import GraphStore


class Named(StrEnum):
    """What a person named in the room is to the child."""

    grandmother = "grandmother"
    grandfather = "grandfather"
    aunt = "aunt"
    uncle = "uncle"
    sister = "sister"
    brother = "brother"
    cousin = "cousin"
    other_family = "other_family"
    neighbour = "neighbour"
    teacher = "teacher"
    friend = "friend"
    godparent = "godparent"
    coach = "coach"
    other = "other"


class Link(StrEnum):
    """How a word ties the person into the graph."""

    grandparent = "grandparent"
    parents_sibling = "parents_sibling"
    sibling = "sibling"
    relative = "relative"
    informal = "informal"


@dataclass(frozen=True)
class Word:
    link: Link
    sex: Sex | None = None
    """The sex the word says, if it says one."""
    kind: TieKind | None = None
    """For an informal tie: its kind."""

    @property
    def family(self) -> bool:
        return self.link is not Link.informal

    @property
    def needs_side(self) -> bool:
        """Whether the word is tied through a parent, so the side must be said."""
        return self.link in (Link.grandparent, Link.parents_sibling)


WORDS: Final[dict[Named, Word]] = {
    Named.grandmother: Word(Link.grandparent, Sex.female),
    Named.grandfather: Word(Link.grandparent, Sex.male),
    Named.aunt: Word(Link.parents_sibling, Sex.female),
    Named.uncle: Word(Link.parents_sibling, Sex.male),
    Named.sister: Word(Link.sibling, Sex.female),
    Named.brother: Word(Link.sibling, Sex.male),
    Named.cousin: Word(Link.relative),
    Named.other_family: Word(Link.relative),
    Named.neighbour: Word(Link.informal, kind=TieKind.neighbour),
    Named.teacher: Word(Link.informal, kind=TieKind.teacher),
    Named.friend: Word(Link.informal, kind=TieKind.friend),
    Named.godparent: Word(Link.informal, kind=TieKind.godparent),
    Named.coach: Word(Link.informal, kind=TieKind.coach),
    Named.other: Word(Link.informal, kind=TieKind.other),
}
"""Every word, with what it says; a test checks that none is missing."""

_PARENT_SEX: Final[dict[Side, Sex]] = {Side.maternal: Sex.female, Side.paternal: Sex.male}


@dataclass(frozen=True)
class NamedPerson:
    """What the facilitator said about a person named in the room."""

    given_names: list[str]
    surname: str | None
    named: Named
    side: Side
    """``maternal``, ``paternal``, or ``none`` (not family, or not said)."""
    sex: Sex | None
    """What the caller said; None when the word says it."""
    child_id: str | None = None
    """The child they are tied to; None: every child of the case."""


class Problem(StrEnum):
    """Why what was said about a person named in the room cannot be stored."""

    no_name = "a person named in the room needs a first name"
    side_missing = "say on which side of the family (the mother's or the father's) they are"
    not_family = "someone who is not family has no side"
    sex_missing = "say the person's sex ('not known' is an answer)"
    sex_contradicts = "the word already says the person's sex, and it is another"


def problems(named: NamedPerson) -> list[Problem]:
    """What keeps ``named`` from being stored (empty when nothing does).

    >>> [p.name for p in problems(NamedPerson(["An"], None, Named.aunt, Side.none, Sex.male))]
    ['side_missing', 'sex_contradicts']
    """
    word = WORDS[named.named]
    found = []
    if not named.given_names:
        found.append(Problem.no_name)
    if word.needs_side and named.side not in _PARENT_SEX:
        found.append(Problem.side_missing)
    if not word.family and named.side is not Side.none:
        found.append(Problem.not_family)
    if word.sex is None and named.sex is None:
        found.append(Problem.sex_missing)
    if word.sex is not None and named.sex not in (None, word.sex):
        found.append(Problem.sex_contradicts)
    return found


def sex_of(named: Named, said: Sex | None) -> Sex:
    """The person's sex: what the word says, else what was said (checked by
    :func:`problems` first).

    >>> sex_of(Named.aunt, None), sex_of(Named.coach, Sex.unknown)
    (<Sex.female: 'female'>, <Sex.unknown: 'unknown'>)
    """
    word = WORDS[named]
    if word.sex is not None:
        return word.sex
    if said is None:
        raise InvalidInput(Problem.sex_missing.value)
    return said


def check(named: NamedPerson) -> None:
    """:class:`InvalidInput` saying the first of the :func:`problems`, if any."""
    found = problems(named)
    if found:
        raise InvalidInput(found[0].value)


def add_named(store: GraphStore, case_id: str, named: NamedPerson, actor: str) -> Person:
    """Store the person, their ties and their role in the case (engagement
    ``identified``) in one unit of work; returns the person. :class:`NotFound` for an
    unknown case or a child not of the case; :class:`InvalidInput` as :func:`check`."""
    check(named)
    made = Provenance(
        created_by=actor, source=SourceRef(kind=SourceKind.interview, note="family meeting")
    )
    person = Person(
        given_names=named.given_names,
        surname=named.surname,
        sex=sex_of(named.named, named.sex),
        provenance=made,
    )

    def work(unit: GraphStore) -> Person:
        unit.hold("case", case_id)
        case = unit.get_case(case_id)
        if named.child_id is not None and named.child_id not in case.child_ids:
            raise NotFound("child", named.child_id)
        children = [named.child_id] if named.child_id else list(case.child_ids)
        unit.create_person(person)
        ties = _ties(unit, case_id, named, person.id, children)
        unit.upsert_ties([t.model_copy(update={"provenance": made}) for t in ties])
        unit.set_role(
            NetworkRole(
                case_id=case_id,
                person_id=person.id,
                engagement=Engagement.identified,
                provenance=made,
            )
        )
        return person

    return store.atomic(work)


def _ties(
    unit: GraphStore, case_id: str, named: NamedPerson, new: str, children: list[str]
) -> list[Tie]:
    """The ties that say what the person is: those of :mod:`.placing` where the word is
    one of its relations (a parent gone through when the graph holds one), else the
    fallbacks (:data:`_FALLBACKS`)."""
    word = WORDS[named.named]
    parent = _parent(unit, children[0], named.side) if word.needs_side else None
    relation = _PLACED.get(word.link) if word.link is not Link.informal else None
    if word.link is Link.informal and word.kind is not None:
        relation = Relation.__members__.get(word.kind.value)
    if relation is not None and (parent is not None or not relation.needs_via):
        made = Provenance(created_by="system")
        if relation.needs_via:
            ask = [Placement(relation, children[0], via_id=parent)]
        else:
            ask = [Placement(relation, child) for child in children]
        return [t for p in ask for t in placed(unit, case_id, new, p, made).ties]
    return _FALLBACKS[word.link](word, new, children)


_PLACED: Final[dict[Link, Relation]] = {
    Link.grandparent: Relation.grandparent,
    Link.parents_sibling: Relation.aunt_uncle,
    Link.sibling: Relation.sibling,
}
"""The words' links that are relations of :mod:`.placing` (informal ones by their kind)."""


def _parent(unit: GraphStore, child_id: str, side: Side) -> str | None:
    """The child's parent on ``side`` (a parent tie from a person of that side's sex),
    by blood first, then by id; None when the graph holds none."""
    sex = _PARENT_SEX[side]
    ties = [
        t for t in unit.ties_of(child_id) if t.kind is TieKind.parent and t.target_id == child_id
    ]
    persons = {p.id: p for p in unit.get_persons(t.source_id for t in ties)}
    found = sorted(
        (t.basis is not Basis.biological, t.source_id)
        for t in ties
        if t.source_id in persons and persons[t.source_id].sex is sex
    )
    return found[0][1] if found else None


def _grandparent(word: Word, new: str, children: list[str]) -> list[Tie]:
    return [Tie(source_id=new, target_id=c, kind=TieKind.grandparent) for c in children]


def _relative(word: Word, new: str, children: list[str]) -> list[Tie]:
    return [Tie(source_id=new, target_id=c, kind=TieKind.other_relative) for c in children]


def _informal(word: Word, new: str, children: list[str]) -> list[Tie]:
    assert word.kind is not None
    return [Tie(source_id=new, target_id=c, kind=word.kind) for c in children]


_FALLBACKS: Final[dict[Link, Callable[[Word, str, list[str]], list[Tie]]]] = {
    Link.grandparent: _grandparent,
    Link.parents_sibling: _relative,
    Link.relative: _relative,
    Link.informal: _informal,
}
"""The ties of a word :mod:`.placing` cannot place: a grandparent or an aunt or uncle
when the graph holds no parent on their side, another relative, an informal kind that
is none of its relations. A brother or sister is always placed."""
