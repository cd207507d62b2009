"""A person named in the room (:mod:`tenhands.graph.named`), over both stores: the word
ties them where the graph allows, their sex is never guessed, and the person, their
ties and their role are stored together or not at all."""

from __future__ import annotations

import pytest
from builders import case, person, role, tie
from store_refusals import one_role_per_case

from tenhands.graph.errors import Conflict, InvalidInput, NotFound
from tenhands.graph.kinship import Side
from tenhands.graph.model import Engagement, Sex, SourceKind, TieKind
from tenhands.graph.named import WORDS, Named, NamedPerson, add_named
from tenhands.graph.store import GraphStore


@pytest.fixture
def family(store: GraphStore) -> GraphStore:
    """Two children of one case; their mother is in the graph, their father is not."""
    store.create_person(person("p-kid", "Kobe", sex=Sex.male))
    store.create_person(person("p-kid2", "Lore", sex=Sex.female))
    store.create_person(person("p-mum", "Mira", sex=Sex.female))
    store.create_tie(tie("t-1", "p-mum", "p-kid", "parent"))
    store.create_tie(tie("t-2", "p-mum", "p-kid2", "parent"))
    store.create_case(case("c-1", "p-kid", "p-kid2"))
    store.create_person(person("p-other", "Otto"))
    store.create_case(case("c-2", "p-other"))
    store.set_role(role("c-1", "p-mum", engagement=Engagement.engaged))
    return store


def named(
    word: Named, side: Side = Side.none, sex: Sex | None = None, **extra: object
) -> NamedPerson:
    return NamedPerson(
        given_names=["Rosa"], surname="Vanneste", named=word, side=side, sex=sex, **extra
    )  # type: ignore[arg-type]


def ties(store: GraphStore, person_id: str) -> set[tuple[str, str, TieKind]]:
    return {(t.source_id, t.target_id, t.kind) for t in store.ties_of(person_id)}


def test_every_word_says_how_it_ties() -> None:
    assert set(WORDS) == set(Named)


def test_a_grandmother_on_the_mothers_side_is_the_mothers_mother(family: GraphStore) -> None:
    added = add_named(family, "c-1", named(Named.grandmother, Side.maternal), "fac")
    stored = family.get_person(added.id)
    assert (stored.given_names, stored.surname, stored.sex) == (["Rosa"], "Vanneste", Sex.female)
    assert stored.provenance.source is not None
    assert stored.provenance.source.kind is SourceKind.interview
    assert ties(family, added.id) == {(added.id, "p-mum", TieKind.parent)}
    given = family.get_role("c-1", added.id)
    assert given.engagement is Engagement.identified
    assert given.provenance.created_by == "fac"
    assert added.id in family.case_subgraph("c-1")


def test_without_the_parent_in_the_graph_the_tie_goes_to_the_children(
    family: GraphStore,
) -> None:
    opa = add_named(family, "c-1", named(Named.grandfather, Side.paternal), "fac")
    assert ties(family, opa.id) == {
        (opa.id, "p-kid", TieKind.grandparent),
        (opa.id, "p-kid2", TieKind.grandparent),
    }
    nonkel = add_named(family, "c-1", named(Named.uncle, Side.paternal), "fac")
    assert ties(family, nonkel.id) == {
        (nonkel.id, "p-kid", TieKind.other_relative),
        (nonkel.id, "p-kid2", TieKind.other_relative),
    }
    tante = add_named(family, "c-1", named(Named.aunt, Side.maternal), "fac")
    assert ties(family, tante.id) == {(tante.id, "p-mum", TieKind.sibling)}
    assert family.get_person(tante.id).sex is Sex.female


def test_one_child_or_all_and_informal_words(family: GraphStore) -> None:
    coach = add_named(family, "c-1", named(Named.coach, sex=Sex.unknown, child_id="p-kid2"), "f")
    assert ties(family, coach.id) == {(coach.id, "p-kid2", TieKind.coach)}
    assert family.get_person(coach.id).sex is Sex.unknown
    sister = add_named(family, "c-1", named(Named.sister, child_id="p-kid"), "f")
    assert ties(family, sister.id) == {(sister.id, "p-kid", TieKind.sibling)}
    buur = add_named(family, "c-1", named(Named.neighbour, sex=Sex.male), "f")
    assert {t[1] for t in ties(family, buur.id)} == {"p-kid", "p-kid2"}


@pytest.mark.parametrize(
    ("said", "why"),
    [
        (named(Named.grandmother), "side"),  # a grandparent needs a side
        (named(Named.teacher, Side.maternal, Sex.female), "not family"),
        (named(Named.friend), "sex"),  # never guessed
        (named(Named.uncle, Side.paternal, Sex.female), "already says"),
        (
            NamedPerson(
                given_names=[], surname="X", named=Named.aunt, side=Side.paternal, sex=None
            ),
            "first name",
        ),
    ],
)
def test_what_cannot_be_stored_is_refused_and_nothing_is(
    family: GraphStore, said: NamedPerson, why: str
) -> None:
    before = family.count_persons()
    with pytest.raises(InvalidInput, match=why):
        add_named(family, "c-1", said, "fac")
    assert family.count_persons() == before


def test_a_child_of_another_case_or_an_unknown_case_stores_nothing(family: GraphStore) -> None:
    before = family.count_persons()
    with pytest.raises(NotFound):
        add_named(family, "c-1", named(Named.brother, child_id="p-other"), "fac")
    with pytest.raises(NotFound):
        add_named(family, "c-none", named(Named.brother), "fac")
    assert family.count_persons() == before
    assert [r.person_id for r in family.list_roles("c-1")] == ["p-mum"]


def test_a_refused_role_undoes_the_person_and_the_ties(family: GraphStore) -> None:
    """The database refuses the role after the person and ties were written: nothing of
    the three is kept."""
    before = family.count_persons()
    kid_ties = ties(family, "p-kid")
    with one_role_per_case(family), pytest.raises(Conflict):
        add_named(family, "c-1", named(Named.brother), "fac")
    assert family.count_persons() == before
    assert ties(family, "p-kid") == kid_ties
    assert [r.person_id for r in family.list_roles("c-1")] == ["p-mum"]
