"""The kinship API's edges: unknown ids, oneself, languages, JSON, speed."""

from __future__ import annotations

import pytest
from kin_builders import Family

from tenhands.graph.errors import NotFound
from tenhands.graph.kinship import (
    LANGUAGES,
    Kind,
    Relationship,
    Role,
    Side,
    family_sides,
    relate,
    relationships_from,
)
from tenhands.graph.model import Sex
from tenhands.graph.network import build_graph


@pytest.fixture
def small() -> Family:
    return Family(kid="f", mum="f", friend="m").parent("mum", "kid").tie("friend", "friend", "kid")


def test_unknown_ids_are_not_found(small: Family) -> None:
    g = small.graph()
    with pytest.raises(NotFound) as caught:
        relate(g, "kid", "nobody")
    assert caught.value.entity == "person" and caught.value.ident == "nobody"
    with pytest.raises(NotFound):
        relate(g, "nobody", "kid")
    with pytest.raises(NotFound):
        relationships_from(g, "nobody")
    with pytest.raises(NotFound):
        family_sides(g, "nobody")


def test_a_person_to_themselves(small: Family) -> None:
    r = relate(small.graph(), "kid", "kid")
    assert (r.related, r.role, r.up, r.down, r.path) == (True, Role.self_, 0, 0, ("kid",))
    assert (r.words("nl"), r.words("en"), r.words("fr")) == ("zelf", "self", "soi-même")


def test_relationships_from_covers_everyone_else(small: Family) -> None:
    rels = relationships_from(small.graph(), "kid")
    assert sorted(rels) == ["friend", "mum"]
    assert rels["mum"].related and not rels["friend"].related
    assert all(r.from_id == "kid" and r.to_id == pid for pid, r in rels.items())


def test_languages(small: Family) -> None:
    r = relate(small.graph(), "kid", "mum")
    assert LANGUAGES == ("nl", "en", "fr")
    assert r.words() == "moeder"  # Dutch first
    with pytest.raises(ValueError, match="unknown language 'de'"):
        r.words("de")


def test_unrelated_json_and_words() -> None:
    r = Relationship("a", "b")
    assert r.to_json() == {"related": False}
    assert (r.words("nl"), r.words("en"), r.words("fr")) == (
        "niet verwant",
        "not related",
        "sans lien de parenté",
    )
    assert (r.paths, r.path, r.degree, r.side) == ((), (), None, Side.none)


def test_an_empty_graph_and_a_lonely_person() -> None:
    g = build_graph([Family(solo="u").persons["solo"]], [])
    assert relationships_from(g, "solo") == {}
    assert family_sides(g, "solo") == {}


def test_results_are_deterministic() -> None:
    fam = Family(kid="f", a="f", b="m", top1="f", top2="m")
    fam.parents("a", "b", "kid").parents("top1", "top2", "a", "b")
    g = fam.graph()
    first = relate(g, "kid", "top1").paths
    for _ in range(3):
        assert relate(g, "kid", "top1").paths == first
    assert first[0] in {("kid", "a", "top1"), ("kid", "b", "top1")}


def test_sex_of_the_person_is_kept() -> None:
    fam = Family(kid="f", p="o").parent("p", "kid")
    r = relate(fam.graph(), "kid", "p")
    assert (r.sex, r.term, r.kind) == (Sex.other, "parent", Kind.blood)


def _tree(width: int, depth: int) -> Family:
    """A bushy tree: ``width`` children per couple, partners from outside."""
    fam = Family(root1="f", root2="m")
    couples = [("root1", "root2")]
    n = 0
    for _ in range(depth):
        nxt = []
        for a, b in couples:
            fam.couple(a, b, partner_status="married")
            for _ in range(width):
                n += 1
                child, spouse = f"c{n}", f"s{n}"
                fam.add(**{child: "f" if n % 2 else "m", spouse: "m" if n % 2 else "f"})
                fam.parents(a, b, child)
                nxt.append((child, spouse))
        couples = nxt
    for a, b in couples:
        fam.couple(a, b)
    return fam


def test_a_few_thousand_persons_are_each_placed() -> None:
    """Every person of a large tree gets a relationship (speed: bench/kinship_bench.py)."""
    fam = _tree(width=3, depth=6)  # 2 + 2 * (3 + 9 + … + 729) persons
    g = fam.graph()
    child = next(pid for pid in reversed(list(fam.persons)) if pid.startswith("c"))
    assert g.number_of_nodes() > 2000
    rels = relationships_from(g, child)
    assert len(rels) == g.number_of_nodes() - 1
    related = sum(r.related for r in rels.values())
    # Every descendant of the roots is blood kin; their spouses are by marriage.
    assert related == g.number_of_nodes() - 1
