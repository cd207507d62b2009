"""Sides of the family: maternal, paternal, both or none, seen from a child."""

from __future__ import annotations

from kin_builders import Family

from tenhands.graph.kinship import Side, family_sides, relate


def test_sides_of_a_whole_family() -> None:
    fam = Family(kid="f", mum="f", dad="m", sis="f", oma="f", opa="m", tante="f", nicht="f")
    fam.add(child="m", partner="m", buur="f", halfbroer="m", nieuw="f", neefje="m")
    fam.parents("mum", "dad", "kid", "sis")
    fam.parent("oma", "mum", "tante").parent("opa", "dad").parent("tante", "nicht")
    fam.parent("kid", "child").couple("kid", "partner")
    fam.parents("nieuw", "dad", "halfbroer").parent("sis", "neefje")
    fam.tie("neighbour", "buur", "kid")
    # The half-brother's mother, with no partner tie to the father, is no kin.
    assert family_sides(fam.graph(), "kid")["nieuw"] is Side.none
    fam.couple("dad", "nieuw")
    sides = family_sides(fam.graph(), "kid")
    assert sides == {
        "mum": Side.maternal,
        "oma": Side.maternal,
        "tante": Side.maternal,
        "nicht": Side.maternal,
        "dad": Side.paternal,
        "opa": Side.paternal,
        "halfbroer": Side.paternal,
        "nieuw": Side.paternal,  # the father's partner: a step-mother
        "sis": Side.both,
        "neefje": Side.both,  # a full sibling's child
        "child": Side.none,
        "partner": Side.none,
        "buur": Side.none,
    }


def test_step_adoptive_and_foster_parents_take_their_sides() -> None:
    fam = Family(kid="m", am="f", av="m", pm="f", sv="m", mum="f", svmoeder="f", sm="f")
    fam.parents("am", "av", "kid", basis="adoptive")
    fam.parent("pm", "kid", basis="foster")
    fam.parent("mum", "kid").couple("mum", "sv").parent("svmoeder", "sv")
    fam.tie("step_parent", "sm", "kid")  # no partner tie: the side is not known
    sides = family_sides(fam.graph(), "kid")
    assert sides["am"] is Side.maternal and sides["pm"] is Side.maternal
    assert sides["av"] is Side.paternal
    assert sides["sv"] is Side.maternal and sides["svmoeder"] is Side.maternal
    assert sides["sm"] is Side.none


def test_a_step_parent_tie_takes_the_side_of_the_partnered_parent() -> None:
    fam = Family(kid="f", dad="m", sm="f").parent("dad", "kid")
    fam.couple("dad", "sm", kind="ex_partner").tie("step_parent", "sm", "kid")
    r = relate(fam.graph(), "kid", "sm")
    assert (r.words("nl"), r.side, r.path) == ("stiefmoeder", Side.paternal, ("kid", "sm"))


def test_a_parent_of_unknown_sex_takes_the_free_side() -> None:
    fam = Family(kid="f", p1="u", p2="f", gp="m").parents("p2", "p1", "kid").parent("gp", "p1")
    sides = family_sides(fam.graph(), "kid")
    assert sides["p1"] is Side.paternal and sides["gp"] is Side.paternal
    assert sides["p2"] is Side.maternal


def test_two_mothers_are_both_maternal() -> None:
    fam = Family(kid="f", m1="f", m2="f", o1="f", o2="f")
    fam.parents("m1", "m2", "kid").parent("o1", "m1").parent("o2", "m2")
    sides = family_sides(fam.graph(), "kid")
    assert set(sides.values()) == {Side.maternal}


def test_only_an_explicit_grandparent_tie_says_no_side() -> None:
    fam = Family(kid="f", oma="f", mum="f").tie("grandparent", "oma", "kid").parent("mum", "kid")
    assert family_sides(fam.graph(), "kid")["oma"] is Side.none
    fam.parent("oma", "mum")  # now the path through the mother is known too
    assert family_sides(fam.graph(), "kid")["oma"] is Side.maternal


def test_pedigree_collapse_puts_shared_ancestors_on_both_sides() -> None:
    fam = Family(kind="f", c="m", d="f", a="f", b="m", top="f")
    fam.parent("top", "a", "b").parent("a", "c").parent("b", "d").parents("d", "c", "kind")
    sides = family_sides(fam.graph(), "kind")
    assert sides["top"] is Side.both
    assert sides["a"] is Side.paternal and sides["b"] is Side.maternal
