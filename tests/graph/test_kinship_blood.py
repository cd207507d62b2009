"""Kinship by blood: parents to cousins, in Dutch, English and French."""

from __future__ import annotations

import pytest
from kin_builders import Family, line

from tenhands.graph.kinship import MAX_PATHS, Kind, Lineage, Relationship, Role, Side, relate


def said(r: Relationship, *, with_side: bool = False) -> tuple[str, str, str]:
    return (
        r.words("nl", with_side=with_side),
        r.words("en", with_side=with_side),
        r.words("fr", with_side=with_side),
    )


@pytest.fixture
def clan() -> Family:
    """Three generations on the mother's side, two on the father's.

    oma (f) + opa (m) -> mum (f), tante (f), oom (m)
    mum + dad (m) -> kid (f), bro (m)
    tante -> nicht (f), neef (m)
    opa-v (m) -> dad, oom-v (m)  (father's side)
    """
    fam = Family(
        kid="f",
        bro="m",
        mum="f",
        dad="m",
        oma="f",
        opa="m",
        tante="f",
        oom="m",
        nicht="f",
        neef="m",
        **{"opa-v": "m", "oom-v": "m"},
    )
    fam.parents("oma", "opa", "mum", "tante", "oom")
    fam.parents("mum", "dad", "kid", "bro")
    fam.parent("tante", "nicht", "neef")
    fam.parent("opa-v", "dad", "oom-v")
    return fam


# -- parents and children -------------------------------------------------------------


def test_parents(clan: Family) -> None:
    g = clan.graph()
    mum = relate(g, "kid", "mum")
    assert said(mum) == ("moeder", "mother", "mère")
    assert (mum.kind, mum.role, mum.term, mum.up, mum.down) == (
        Kind.blood,
        Role.parent,
        "mother",
        1,
        0,
    )
    assert mum.side is Side.maternal and mum.path == ("kid", "mum")
    assert said(relate(g, "kid", "dad")) == ("vader", "father", "père")
    assert relate(g, "kid", "dad").side is Side.paternal


def test_children(clan: Family) -> None:
    g = clan.graph()
    assert said(relate(g, "mum", "kid")) == ("dochter", "daughter", "fille")
    son = relate(g, "dad", "bro")
    assert said(son) == ("zoon", "son", "fils")
    assert (son.up, son.down, son.side) == (0, 1, Side.none)


@pytest.mark.parametrize(
    ("generations", "sex", "expected"),
    [
        (2, "f", ("grootmoeder", "grandmother", "grand-mère")),
        (2, "m", ("grootvader", "grandfather", "grand-père")),
        (2, "u", ("grootouder", "grandparent", "grand-parent")),
        (3, "f", ("overgrootmoeder", "great-grandmother", "arrière-grand-mère")),
        (4, "m", ("betovergrootvader", "great-great-grandfather", "arrière-arrière-grand-père")),
        (
            5,
            "f",
            (
                "oudmoeder (5 generaties)",
                "3× great-grandmother",
                "arrière-arrière-arrière-grand-mère",
            ),
        ),
        (
            5,
            "u",
            (
                "oudouder (5 generaties)",
                "3× great-grandparent",
                "arrière-arrière-arrière-grand-parent",
            ),
        ),
        (
            6,
            "m",
            ("oudgrootvader (6 generaties)", "4× great-grandfather", "ancêtre (6 générations)"),
        ),
        (
            7,
            "f",
            (
                "oudovergrootmoeder (7 generaties)",
                "5× great-grandmother",
                "ancêtre (7 générations)",
            ),
        ),
        (
            8,
            "f",
            (
                "oudbetovergrootmoeder (8 generaties)",
                "6× great-grandmother",
                "ancêtre (8 générations)",
            ),
        ),
        (9, "u", ("stamouder (9 generaties)", "7× great-grandparent", "ancêtre (9 générations)")),
        (
            10,
            "m",
            ("stamgrootvader (10 generaties)", "8× great-grandfather", "ancêtre (10 générations)"),
        ),
        (
            13,
            "f",
            ("stamoudmoeder (13 generaties)", "11× great-grandmother", "ancêtre (13 générations)"),
        ),
        (
            17,
            "f",
            ("edelmoeder (17 generaties)", "15× great-grandmother", "ancêtre (17 générations)"),
        ),
        (
            33,
            "m",
            ("voorvader (33 generaties)", "31× great-grandfather", "ancêtre (33 générations)"),
        ),
    ],
)
def test_ancestors_at_any_depth(generations: int, sex: str, expected: tuple[str, str, str]) -> None:
    fam = Family(anc=sex, kid="f")
    line(fam, "anc", "kid", generations)
    r = relate(fam.graph(), "kid", "anc")
    assert said(r) == expected
    assert (r.role, r.up, r.down, r.degree) == (
        Role.parent if generations == 1 else Role.grandparent,
        generations,
        0,
        generations,
    )


@pytest.mark.parametrize(
    ("generations", "sex", "expected"),
    [
        (2, "f", ("kleindochter", "granddaughter", "petite-fille")),
        (2, "u", ("kleinkind", "grandchild", "petit-enfant")),
        (3, "m", ("achterkleinzoon", "great-grandson", "arrière-petit-fils")),
        (
            4,
            "f",
            (
                "achterachterkleindochter",
                "great-great-granddaughter",
                "arrière-arrière-petite-fille",
            ),
        ),
        (
            5,
            "m",
            (
                "afstammeling (5 generaties)",
                "3× great-grandson",
                "arrière-arrière-arrière-petit-fils",
            ),
        ),
        (
            6,
            "f",
            (
                "afstammeling (6 generaties)",
                "4× great-granddaughter",
                "descendante (6 générations)",
            ),
        ),
    ],
)
def test_descendants_at_any_depth(
    generations: int, sex: str, expected: tuple[str, str, str]
) -> None:
    fam = Family(anc="f", kid=sex)
    line(fam, "anc", "kid", generations, sex="m")
    fam.add(kid=sex)
    r = relate(fam.graph(), "anc", "kid")
    assert said(r) == expected
    assert (r.role, r.up, r.down, r.side) == (Role.grandchild, 0, generations, Side.none)


def test_grandparents_have_a_side(clan: Family) -> None:
    g = clan.graph()
    oma = relate(g, "kid", "oma")
    assert said(oma, with_side=True) == (
        "grootmoeder langs moederskant",
        "maternal grandmother",
        "grand-mère maternelle",
    )
    assert oma.side is Side.maternal and oma.path == ("kid", "mum", "oma")
    opa_v = relate(g, "kid", "opa-v")
    assert said(opa_v, with_side=True) == (
        "grootvader langs vaderskant",
        "paternal grandfather",
        "grand-père paternel",
    )
    # A parent is not said with a side: a mother is on her own side.
    assert relate(g, "kid", "mum").words("nl", with_side=True) == "moeder"


# -- siblings -------------------------------------------------------------------------


def test_full_siblings(clan: Family) -> None:
    bro = relate(clan.graph(), "kid", "bro")
    assert said(bro) == ("broer", "brother", "frère")
    assert (bro.role, bro.up, bro.down, bro.lineage, bro.side) == (
        Role.sibling,
        1,
        1,
        Lineage.full,
        Side.both,
    )
    assert bro.path_count == 2
    assert set(bro.paths) == {("kid", "mum", "bro"), ("kid", "dad", "bro")}
    # Both sides: nothing to add.
    assert bro.words("en", with_side=True) == "brother"


def test_half_siblings_on_the_fathers_side(clan: Family) -> None:
    clan.add(nieuw="f", halfzus="f", halfbroer="m")
    clan.parents("nieuw", "dad", "halfzus", "halfbroer")
    g = clan.graph()
    zus = relate(g, "kid", "halfzus")
    assert said(zus) == ("halfzus", "half-sister", "demi-sœur")
    assert (zus.lineage, zus.side, zus.path) == (
        Lineage.half,
        Side.paternal,
        ("kid", "dad", "halfzus"),
    )
    assert said(relate(g, "kid", "halfbroer"), with_side=True) == (
        "halfbroer langs vaderskant",
        "half-brother on the father's side",
        "demi-frère du côté paternel",
    )


def test_one_shared_parent_and_nothing_else_known_is_not_called_half() -> None:
    fam = Family(a="f", b="m", mum="f").parent("mum", "a", "b")
    r = relate(fam.graph(), "a", "b")
    assert said(r) == ("broer", "brother", "frère")
    assert (r.lineage, r.side) == (Lineage.unknown, Side.maternal)


def test_explicit_sibling_ties_without_parents() -> None:
    fam = Family(a="f", b="m", c="f", d="m")
    fam.tie("sibling", "a", "b").tie("half_sibling", "a", "c").tie("step_sibling", "d", "a")
    g = fam.graph()
    full = relate(g, "a", "b")
    assert said(full) == ("broer", "brother", "frère")
    assert (full.lineage, full.side, full.path) == (Lineage.full, Side.both, ("a", "b"))
    half = relate(g, "a", "c")
    assert said(half) == ("halfzus", "half-sister", "demi-sœur")
    assert (half.lineage, half.side) == (Lineage.half, Side.none)
    step = relate(g, "a", "d")
    assert said(step) == ("stiefbroer", "stepbrother", "quasi-frère")
    assert step.kind is Kind.step


def test_unknown_sex_gets_neutral_words() -> None:
    fam = Family(kid="u", sib="o", mum="u", dad="m", oma="u", tante="u")
    fam.parents("mum", "dad", "kid", "sib").parent("oma", "mum", "tante")
    g = fam.graph()
    assert said(relate(g, "kid", "sib")) == ("broer/zus", "sibling", "frère/sœur")
    mum = relate(g, "kid", "mum")
    assert said(mum) == ("ouder", "parent", "parent")
    assert mum.side is Side.maternal  # the other parent is the father
    assert said(relate(g, "sib", "kid")) == ("broer/zus", "sibling", "frère/sœur")
    assert said(relate(g, "mum", "kid")) == ("kind", "child", "enfant")
    assert said(relate(g, "kid", "tante")) == ("oom/tante", "aunt/uncle", "oncle/tante")
    assert relate(g, "kid", "oma").term == "grandparent"


# -- aunts, uncles, nieces, nephews --------------------------------------------------


def test_aunts_and_uncles(clan: Family) -> None:
    g = clan.graph()
    tante = relate(g, "kid", "tante")
    assert said(tante) == ("tante", "aunt", "tante")
    assert said(tante, with_side=True) == (
        "tante langs moederskant",
        "maternal aunt",
        "tante maternelle",
    )
    assert (tante.role, tante.up, tante.down, tante.degree, tante.lineage) == (
        Role.aunt_uncle,
        2,
        1,
        3,
        Lineage.full,
    )
    assert tante.path_count == 2  # through oma and through opa
    assert said(relate(g, "kid", "oom-v"), with_side=True) == (
        "oom langs vaderskant",
        "paternal uncle",
        "oncle paternel",
    )


def test_a_half_aunt() -> None:
    fam = Family(kid="m", mum="f", oma="f", opa="m", ander="m", half="f")
    fam.parents("oma", "opa", "mum").parents("oma", "ander", "half").parent("mum", "kid")
    r = relate(fam.graph(), "kid", "half")
    assert said(r) == ("halftante", "half-aunt", "demi-tante")
    assert r.lineage is Lineage.half


@pytest.mark.parametrize(
    ("up", "sex", "expected"),
    [
        (3, "f", ("oudtante", "great-aunt", "grand-tante")),
        (3, "m", ("oudoom", "great-uncle", "grand-oncle")),
        (4, "m", ("overoudoom", "great-great-uncle", "arrière-grand-oncle")),
        (5, "f", ("zus van betovergrootvader", "3× great-aunt", "arrière-arrière-grand-tante")),
    ],
)
def test_great_aunts_and_uncles(up: int, sex: str, expected: tuple[str, str, str]) -> None:
    """TO is a sibling of FROM's ancestor ``up - 1`` generations up (a man here)."""
    fam = Family(kid="f", top="u", anc="m", to=sex)
    line(fam, "anc", "kid", up - 1, sex="m")
    fam.parent("top", "anc", "to")
    r = relate(fam.graph(), "kid", "to")
    assert said(r) == expected
    assert (r.role, r.up, r.down) == (Role.aunt_uncle, up, 1)


def test_nieces_and_nephews(clan: Family) -> None:
    g = clan.graph()
    assert said(relate(g, "tante", "kid")) == ("nicht", "niece", "nièce")
    r = relate(g, "oom", "bro")
    assert said(r) == ("neef", "nephew", "neveu")
    assert (r.role, r.up, r.down) == (Role.niece_nephew, 1, 2)


@pytest.mark.parametrize(
    ("down", "expected"),
    [
        (3, ("achternicht", "great-niece", "petite-nièce")),
        (4, ("achterachternicht", "great-great-niece", "arrière-petite-nièce")),
        (
            5,
            (
                "achterachterkleindochter van broer",
                "3× great-niece",
                "arrière-arrière-petite-nièce",
            ),
        ),
    ],
)
def test_grand_nieces(down: int, expected: tuple[str, str, str]) -> None:
    fam = Family(me="f", sib="m", top="f", to="f")
    fam.parent("top", "me", "sib")
    line(fam, "sib", "to", down - 1, sex="f")
    r = relate(fam.graph(), "me", "to")
    assert said(r) == expected
    assert (r.role, r.up, r.down) == (Role.niece_nephew, 1, down)


# -- cousins --------------------------------------------------------------------------


def test_first_cousins(clan: Family) -> None:
    g = clan.graph()
    nicht = relate(g, "kid", "nicht")
    assert said(nicht) == ("volle nicht", "first cousin", "cousine germaine")
    assert said(nicht, with_side=True) == (
        "volle nicht langs moederskant",
        "first cousin on the mother's side",
        "cousine germaine du côté maternel",
    )
    assert (nicht.role, nicht.up, nicht.down, nicht.cousin_degree, nicht.removed) == (
        Role.cousin,
        2,
        2,
        1,
        0,
    )
    assert nicht.term == "female_cousin"
    assert said(relate(g, "kid", "neef")) == ("volle neef", "first cousin", "cousin germain")


@pytest.fixture
def cousins() -> Family:
    """Two sisters' descendants over four generations, all women unless said.

    stam -> zus1, zus2; zus1 -> a1 -> a2 -> a3; zus2 -> b1 -> b2 (m) -> b3 (m)
    """
    fam = Family(stam="f", zus1="f", zus2="f")
    fam.parent("stam", "zus1", "zus2")
    line(fam, "zus1", "a3", 3)
    fam.add(**{"zus1-1": "f", "zus1-2": "f"})
    line(fam, "zus2", "b3", 3)
    fam.add(**{"zus2-1": "f", "zus2-2": "m", "b3": "m"})
    return fam


def test_second_cousins_and_removed_degrees(cousins: Family) -> None:
    g = cousins.graph()
    # zus1-1 and zus2-1 are first cousins; zus1-2 and zus2-2 second cousins.
    second = relate(g, "zus1-2", "zus2-2")
    assert said(second) == ("achterneef", "second cousin", "cousin issu de germain")
    assert (second.cousin_degree, second.removed, second.degree) == (2, 0, 6)
    third = relate(g, "a3", "b3")
    assert said(third) == ("achterachterneef", "third cousin", "cousin au 3e degré")
    # Older generation: the mother's first cousin (a man).
    older = relate(g, "zus1-2", "zus2-1")
    assert said(older) == (
        "volle nicht van moeder",
        "first cousin once removed",
        "cousine germaine de la mère",
    )
    assert (older.up, older.down, older.removed) == (3, 2, 1)
    # Younger generation: a first cousin's son.
    younger = relate(g, "zus1-1", "zus2-2")
    assert said(younger) == (
        "zoon van volle nicht",
        "first cousin once removed",
        "fils de la cousine germaine",
    )
    assert (younger.up, younger.down) == (2, 3)
    twice = relate(g, "zus1-2", "zus2")
    assert (twice.role, twice.up, twice.down) == (Role.aunt_uncle, 3, 1)  # a great-aunt
    twice = relate(g, "a3", "zus2-1")
    assert said(twice) == (
        "volle nicht van grootmoeder",
        "first cousin twice removed",
        "cousine germaine de la grand-mère",
    )


def test_half_cousins() -> None:
    fam = Family(a="f", b="m", ma="f", mb="f", oma="f", x="m", y="m")
    fam.parents("oma", "x", "ma").parents("oma", "y", "mb").parent("ma", "a").parent("mb", "b")
    r = relate(fam.graph(), "a", "b")
    assert said(r) == ("halfneef", "half first cousin", "demi-cousin germain")
    assert r.lineage is Lineage.half


def test_cousin_of_unknown_sex() -> None:
    fam = Family(a="f", b="u", ma="f", mb="m", oma="f", opa="m")
    fam.parents("oma", "opa", "ma", "mb").parent("ma", "a").parent("mb", "b")
    r = relate(fam.graph(), "a", "b")
    assert said(r) == ("volle neef/nicht", "first cousin", "cousin germain/cousine germaine")
    assert r.term == "cousin"


# -- explicit grandparent ties, several paths -----------------------------------------


def test_explicit_grandparent_tie_without_the_parent() -> None:
    fam = Family(kid="m", oma="f", tante="f").tie("grandparent", "oma", "kid")
    fam.parent("oma", "tante")
    g = fam.graph()
    oma = relate(g, "kid", "oma")
    assert said(oma) == ("grootmoeder", "grandmother", "grand-mère")
    assert (oma.up, oma.down, oma.path, oma.side) == (2, 0, ("kid", "oma"), Side.none)
    tante = relate(g, "kid", "tante")
    assert (tante.role, tante.up, tante.down, tante.lineage) == (
        Role.aunt_uncle,
        2,
        1,
        Lineage.unknown,
    )
    assert tante.words("nl") == "tante"
    assert said(relate(g, "oma", "kid")) == ("kleinzoon", "grandson", "petit-fils")


@pytest.fixture
def collapse() -> Family:
    """Pedigree collapse: two first cousins married; ``kind`` is their child.

    overgm (f) + overgv (m) -> a (f), b (m); a + x (m) -> c (m); b + y (f) -> d (f);
    c + d (married) -> kind (f)
    """
    fam = Family(overgm="f", overgv="m", a="f", b="m", x="m", y="f", c="m", d="f", kind="f")
    fam.parents("overgm", "overgv", "a", "b")
    fam.parents("a", "x", "c").parents("y", "b", "d").parents("d", "c", "kind")
    fam.couple("c", "d", partner_status="married")
    return fam


def test_pedigree_collapse_gives_two_paths_and_both_sides(collapse: Family) -> None:
    g = collapse.graph()
    r = relate(g, "kind", "overgm")
    assert said(r) == ("overgrootmoeder", "great-grandmother", "arrière-grand-mère")
    assert (r.up, r.path_count, r.side) == (3, 2, Side.both)
    assert set(r.paths) == {("kind", "c", "a", "overgm"), ("kind", "d", "b", "overgm")}
    assert not r.paths_truncated
    # Closer wins: a is the father's mother (2 up), not the mother's aunt (3 up, 1 down).
    a = relate(g, "kind", "a")
    assert (a.role, a.up, a.down, a.side) == (Role.grandparent, 2, 0, Side.paternal)


def test_blood_comes_before_a_partner_tie(collapse: Family) -> None:
    r = relate(collapse.graph(), "c", "d")
    assert said(r) == ("volle nicht", "first cousin", "cousine germaine")
    assert r.kind is Kind.blood and r.ties == ("partner",)


def test_paths_are_capped_and_counted() -> None:
    """Each generation's two persons are both parents of both below: 2**k paths."""
    fam = Family(kid="f")
    below = ["kid"]
    for level in range(1, 7):
        pair = [f"m{level}", f"v{level}"]
        fam.add(**{pair[0]: "f", pair[1]: "m"})
        for child in below:
            fam.parents(pair[0], pair[1], child)
        below = pair
    r = relate(fam.graph(), "kid", "m6")
    assert r.up == 6 and r.path_count == 2**5
    assert len(r.paths) == MAX_PATHS and r.paths_truncated
    assert r.to_json()["paths_truncated"] is True
    assert all(p[0] == "kid" and p[-1] == "m6" and len(p) == 7 for p in r.paths)


def test_parents_showing_a_half_relation_outweigh_a_plain_sibling_tie() -> None:
    fam = Family(a="f", b="m", mum="f", dad1="m", dad2="m")
    fam.parents("mum", "dad1", "a").parents("mum", "dad2", "b").tie("sibling", "a", "b")
    r = relate(fam.graph(), "a", "b")
    assert said(r) == ("halfbroer", "half-brother", "demi-frère")
    assert (r.lineage, r.side, r.path_count) == (Lineage.half, Side.maternal, 2)


def test_a_sibling_tie_makes_a_sibling_with_one_recorded_parent_full() -> None:
    fam = Family(a="f", b="m", mum="f").parent("mum", "a", "b").tie("sibling", "a", "b")
    r = relate(fam.graph(), "a", "b")
    assert (r.words("nl"), r.lineage, r.side) == ("broer", Lineage.full, Side.both)


def test_distant_cousins() -> None:
    fam = Family(top="f", a="f", b="m", c="u")
    fam.parent("top", "a-top", "b-top")
    line(fam, "a-top", "a", 4)
    line(fam, "b-top", "b", 4)
    line(fam, "b-top", "c", 3)
    g = fam.graph()
    fourth = relate(g, "a", "b")
    assert said(fourth) == ("verre neef", "fourth cousin", "cousin au 4e degré")
    assert (fourth.up, fourth.down, fourth.cousin_degree) == (5, 5, 4)
    third_removed = relate(g, "a", "c")
    assert (third_removed.up, third_removed.down, third_removed.removed) == (5, 4, 1)
    assert third_removed.words("en") == "third cousin once removed"
    assert third_removed.words("nl") == "achterachterneef/nicht van moeder"
