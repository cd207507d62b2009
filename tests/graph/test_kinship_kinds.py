"""Kinship that is not (only) blood: adoption, foster care, step-family, law, in-laws."""

from __future__ import annotations

import pytest
from kin_builders import Family

from tenhands.graph.kinship import Kind, Relationship, Role, Side, relate, relationships_from


def said(r: Relationship, *, with_side: bool = False) -> tuple[str, str, str]:
    return (
        r.words("nl", with_side=with_side),
        r.words("en", with_side=with_side),
        r.words("fr", with_side=with_side),
    )


# -- adoption and foster care ---------------------------------------------------------


@pytest.fixture
def adopted() -> Family:
    """kid (m) adopted by am (f) and av (m); birth mother bm; am's mother and son."""
    fam = Family(kid="m", am="f", av="m", bm="f", amoma="f", broer="m")
    fam.parents("am", "av", "kid", basis="adoptive")
    fam.parent("bm", "kid")
    fam.parent("amoma", "am")
    fam.parents("am", "av", "broer")
    return fam


def test_adoptive_parents_and_children(adopted: Family) -> None:
    g = adopted.graph()
    am = relate(g, "kid", "am")
    assert said(am) == ("adoptiefmoeder", "adoptive mother", "mère adoptive")
    assert (am.kind, am.role, am.up, am.down, am.side) == (
        Kind.adoptive,
        Role.parent,
        1,
        0,
        Side.maternal,
    )
    assert said(relate(g, "kid", "av")) == ("adoptiefvader", "adoptive father", "père adoptif")
    assert said(relate(g, "am", "kid")) == ("adoptiefzoon", "adopted son", "fils adoptif")
    # The birth mother is the mother, by blood.
    bm = relate(g, "kid", "bm")
    assert said(bm) == ("moeder", "mother", "mère")
    assert bm.kind is Kind.blood


def test_relatives_through_adoption(adopted: Family) -> None:
    g = adopted.graph()
    oma = relate(g, "kid", "amoma")
    assert said(oma) == (
        "grootmoeder (via adoptie)",
        "grandmother (by adoption)",
        "grand-mère (par adoption)",
    )
    assert (oma.kind, oma.up, oma.side) == (Kind.adoptive, 2, Side.maternal)
    assert said(oma, with_side=True)[0] == "grootmoeder langs moederskant (via adoptie)"
    broer = relate(g, "kid", "broer")
    assert said(broer) == ("adoptiefbroer", "adoptive brother", "frère adoptif")
    assert broer.kind is Kind.adoptive


@pytest.fixture
def fostered() -> Family:
    """kid (f) in foster care with pm (f), who lives with pv (m); pm's daughter zus."""
    fam = Family(kid="f", pm="f", pv="m", zus="f", mum="f")
    fam.parent("pm", "kid", basis="foster")
    fam.couple("pm", "pv", partner_status="married")
    fam.parent("pm", "zus")
    fam.parent("mum", "kid")
    return fam


def test_foster_family(fostered: Family) -> None:
    g = fostered.graph()
    pm = relate(g, "kid", "pm")
    assert said(pm) == ("pleegmoeder", "foster mother", "mère d'accueil")
    assert (pm.kind, pm.side) == (Kind.foster, Side.maternal)
    # The foster mother's husband is a foster father, through her.
    pv = relate(g, "kid", "pv")
    assert said(pv) == ("pleegvader", "foster father", "père d'accueil")
    assert (pv.kind, pv.path) == (Kind.foster, ("kid", "pm", "pv"))
    assert said(relate(g, "kid", "zus")) == ("pleegzus", "foster sister", "sœur d'accueil")
    assert said(relate(g, "pm", "kid")) == ("pleegdochter", "foster daughter", "fille accueillie")
    assert relate(g, "kid", "mum").kind is Kind.blood


def test_foster_child_of_unknown_sex() -> None:
    fam = Family(kid="u", pm="f").parent("pm", "kid", basis="foster")
    assert said(relate(fam.graph(), "pm", "kid")) == (
        "pleegkind",
        "foster child",
        "enfant accueilli",
    )


# -- step-family ----------------------------------------------------------------------


@pytest.fixture
def blended() -> Family:
    """kid (m): mum + dad divorced; dad now married to sm, who has a daughter sd (from
    ex); dad and sm have a son hb; sm's mother smoma and sister smzus; mum's partner
    sv has an explicit step_parent tie to kid."""
    fam = Family(kid="m", mum="f", dad="m", sm="f", sd="f", ex="m", hb="m", smoma="f")
    fam.add(smzus="f", sv="m")
    fam.parents("mum", "dad", "kid")
    fam.couple("mum", "dad", kind="ex_partner", partner_status="divorced")
    fam.couple("dad", "sm", partner_status="married")
    fam.parents("sm", "ex", "sd").parents("sm", "dad", "hb").parent("smoma", "sm", "smzus")
    fam.couple("mum", "sv", partner_status="cohabiting")
    fam.tie("step_parent", "sv", "kid")
    return fam


def test_step_parents(blended: Family) -> None:
    g = blended.graph()
    sm = relate(g, "kid", "sm")
    assert said(sm) == ("stiefmoeder", "stepmother", "belle-mère")
    assert (sm.kind, sm.role, sm.side, sm.path) == (
        Kind.step,
        Role.parent,
        Side.paternal,
        ("kid", "dad", "sm"),
    )
    sv = relate(g, "kid", "sv")
    assert said(sv) == ("stiefvader", "stepfather", "beau-père")
    assert sv.side is Side.maternal
    assert set(sv.paths) == {("kid", "mum", "sv"), ("kid", "sv")}  # derived and explicit
    assert said(relate(g, "sm", "kid")) == ("stiefzoon", "stepson", "beau-fils")


def test_step_and_half_siblings(blended: Family) -> None:
    g = blended.graph()
    sd = relate(g, "kid", "sd")
    assert said(sd) == ("stiefzus", "stepsister", "quasi-sœur")
    assert said(sd, with_side=True)[0] == "stiefzus langs vaderskant"
    assert (sd.kind, sd.up, sd.down) == (Kind.step, 1, 1)
    hb = relate(g, "kid", "hb")  # blood wins over step (hb is sm's son too)
    assert said(hb) == ("halfbroer", "half-brother", "demi-frère")
    assert hb.kind is Kind.blood


def test_step_grandparents_and_beyond(blended: Family) -> None:
    g = blended.graph()
    oma = relate(g, "kid", "smoma")
    assert said(oma) == (
        "stiefgrootmoeder",
        "step-grandmother",
        "grand-mère (famille recomposée)",
    )
    assert (oma.up, oma.side) == (2, Side.paternal)
    assert said(relate(g, "smoma", "kid")) == (
        "stiefkleinzoon",
        "step-grandson",
        "petit-fils (famille recomposée)",
    )
    assert said(relate(g, "kid", "smzus")) == (
        "tante (stieffamilie)",
        "aunt (step-family)",
        "tante (famille recomposée)",
    )


def test_a_parents_ex_partner_is_said_as_such(blended: Family) -> None:
    g = blended.graph()
    assert said(relate(g, "sd", "ex")) == ("vader", "father", "père")
    # hb's father's ex-wife, who is not hb's mother.
    r = relate(g, "hb", "mum")
    assert said(r) == ("ex-partner van vader", "father's ex-partner", "ex-partenaire du père")
    assert (r.kind, r.role, r.former, r.side) == (
        Kind.in_law,
        Role.partner_of_relative,
        True,
        Side.paternal,
    )


def test_blood_beats_step_for_the_same_person() -> None:
    fam = Family(kid="f", mum="f", opa="m").parent("opa", "mum").parent("mum", "kid")
    fam.tie("step_parent", "opa", "kid")
    r = relate(fam.graph(), "kid", "opa")
    assert (r.kind, r.role, r.up) == (Kind.blood, Role.grandparent, 2)
    assert r.ties == ("step_parent",)


# -- legal, social, guardians, unspecified relatives ---------------------------------


def test_legal_and_social_parents() -> None:
    fam = Family(kid="f", lv="m", sm="f", so="f")
    fam.parent("lv", "kid", basis="legal").parent("sm", "kid", basis="social")
    fam.parent("so", "lv")
    g = fam.graph()
    lv = relate(g, "kid", "lv")
    assert said(lv) == ("juridische vader", "legal father", "père légal")
    assert lv.kind is Kind.legal
    sm = relate(g, "kid", "sm")
    assert said(sm) == ("sociale moeder", "social mother", "mère sociale")
    assert sm.kind is Kind.social
    assert said(relate(g, "lv", "kid")) == ("juridische dochter", "legal daughter", "fille légale")
    assert relate(g, "kid", "so").words("nl") == "grootmoeder (juridisch)"


def test_guardians_and_wards() -> None:
    fam = Family(kid="m", voogd="f", oma="f", mum="f")
    fam.tie("guardian", "voogd", "kid")
    fam.parent("oma", "mum").parent("mum", "kid").tie("guardian", "oma", "kid")
    g = fam.graph()
    voogd = relate(g, "kid", "voogd")
    assert said(voogd) == ("voogd", "guardian", "tutrice")
    assert (voogd.kind, voogd.role, voogd.up, voogd.side) == (
        Kind.legal,
        Role.guardian,
        None,
        Side.none,
    )
    assert voogd.path == ("kid", "voogd")
    ward = relate(g, "voogd", "kid")
    assert said(ward) == ("pupil", "ward", "pupille")
    # A guardian who is also a grandmother is the grandmother.
    oma = relate(g, "kid", "oma")
    assert (oma.role, oma.ties) == (Role.grandparent, ("guardian",))


def test_other_relative_of_unknown_degree() -> None:
    fam = Family(kid="f", fam="m", sociaal="f")
    fam.tie("other_relative", "fam", "kid").tie("other_relative", "sociaal", "kid", basis="social")
    g = fam.graph()
    r = relate(g, "kid", "fam")
    assert said(r) == ("familielid", "relative", "membre de la famille")
    assert (r.kind, r.role, r.up, r.down, r.degree) == (Kind.blood, Role.relative, None, None, None)
    s = relate(g, "kid", "sociaal")
    assert s.kind is Kind.social
    assert said(s) == (
        "familielid (sociaal)",
        "relative (social)",
        "membre de la famille (lien social)",
    )


# -- partners and in-laws -------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "status", "sex", "expected", "former"),
    [
        ("partner", "married", "f", ("echtgenote", "wife", "épouse"), False),
        ("partner", "married", "m", ("echtgenoot", "husband", "époux"), False),
        ("partner", "married", "u", ("echtgenoot/echtgenote", "spouse", "époux/épouse"), False),
        ("partner", "widowed", "m", ("echtgenoot", "husband", "époux"), False),
        ("partner", "cohabiting", "f", ("partner", "partner", "partenaire"), False),
        ("partner", None, "m", ("partner", "partner", "partenaire"), False),
        ("partner", "separated", "f", ("ex-partner", "ex-partner", "ex-partenaire"), True),
        ("ex_partner", None, "f", ("ex-partner", "ex-partner", "ex-partenaire"), True),
        ("ex_partner", "divorced", "m", ("ex-echtgenoot", "ex-husband", "ex-époux"), True),
    ],
)
def test_partners(
    kind: str, status: str | None, sex: str, expected: tuple[str, str, str], former: bool
) -> None:
    fam = Family(me="f", other=sex).couple("me", "other", kind=kind, partner_status=status)
    r = relate(fam.graph(), "me", "other")
    assert said(r) == expected
    assert (r.kind, r.role, r.former, r.side, r.up, r.down) == (
        Kind.partner,
        Role.partner,
        former,
        Side.none,
        0,
        0,
    )


@pytest.fixture
def inlaws() -> Family:
    """me (f) married to man; his mother smoeder, brother sbroer; my sister zus and her
    husband zwager; my daughter dochter and her husband szoon; my son zoon and his
    wife sdochter; my ex exman and his mother exmoeder; my aunt tante, her husband
    aangetrouwd, her ex-husband extante; my cousin neef and his wife nwife."""
    fam = Family(me="f", man="m", smoeder="f", sbroer="m", zus="f", zwager="m", mum="f")
    fam.add(dochter="f", szoon="m", zoon="m", sdochter="f", exman="m", exmoeder="f")
    fam.add(oma="f", tante="f", aangetrouwd="m", extante="m", neef="m", nwife="f")
    fam.add(soma="f")
    fam.couple("me", "man", partner_status="married")
    fam.parent("smoeder", "man", "sbroer").parent("soma", "smoeder")
    fam.parent("mum", "me", "zus").couple("zus", "zwager", partner_status="married")
    fam.parents("me", "man", "dochter", "zoon")
    fam.couple("dochter", "szoon", partner_status="cohabiting")
    fam.couple("zoon", "sdochter", partner_status="married")
    fam.couple("me", "exman", kind="ex_partner", partner_status="divorced")
    fam.parent("exmoeder", "exman")
    fam.parent("oma", "mum", "tante").couple("tante", "aangetrouwd", partner_status="married")
    fam.couple("tante", "extante", kind="ex_partner")
    fam.parent("tante", "neef").couple("neef", "nwife", partner_status="married")
    return fam


def test_parents_and_siblings_in_law(inlaws: Family) -> None:
    g = inlaws.graph()
    sm = relate(g, "me", "smoeder")
    assert said(sm) == ("schoonmoeder", "mother-in-law", "belle-mère")
    assert (sm.kind, sm.role, sm.up, sm.down, sm.side, sm.via_id) == (
        Kind.in_law,
        Role.parent_in_law,
        1,
        0,
        Side.none,
        "man",
    )
    assert said(relate(g, "me", "sbroer")) == ("schoonbroer", "brother-in-law", "beau-frère")
    zwager = relate(g, "me", "zwager")
    assert said(zwager) == ("schoonbroer", "brother-in-law", "beau-frère")
    assert (zwager.role, zwager.via_id) == (Role.sibling_in_law, "zus")
    assert said(relate(g, "man", "zus")) == ("schoonzus", "sister-in-law", "belle-sœur")


def test_children_in_law(inlaws: Family) -> None:
    g = inlaws.graph()
    szoon = relate(g, "me", "szoon")
    assert said(szoon) == ("schoonzoon", "son-in-law", "gendre")
    assert (szoon.role, szoon.up, szoon.down) == (Role.child_in_law, 0, 1)
    assert said(relate(g, "me", "sdochter")) == ("schoondochter", "daughter-in-law", "belle-fille")


def test_former_in_laws(inlaws: Family) -> None:
    g = inlaws.graph()
    r = relate(g, "me", "exmoeder")
    assert said(r) == ("ex-schoonmoeder", "former mother-in-law", "ex-belle-mère")
    assert (r.former, r.kind, r.role) == (True, Kind.in_law, Role.parent_in_law)
    assert said(relate(g, "exman", "zus")) == (
        "ex-schoonzus",
        "former sister-in-law",
        "ex-belle-sœur",
    )


def test_relatives_by_marriage(inlaws: Family) -> None:
    g = inlaws.graph()
    oom = relate(g, "me", "aangetrouwd")
    assert said(oom) == ("aangetrouwde oom", "uncle by marriage", "oncle par alliance")
    assert said(oom, with_side=True) == (
        "aangetrouwde oom langs moederskant",
        "maternal uncle by marriage",
        "oncle par alliance du côté maternel",
    )
    assert (oom.kind, oom.role, oom.up, oom.down, oom.via_id) == (
        Kind.in_law,
        Role.partner_of_relative,
        2,
        1,
        "tante",
    )
    assert oom.term == "husband"
    assert said(relate(g, "me", "extante")) == (
        "ex-partner van tante",
        "aunt's ex-partner",
        "ex-partenaire de la tante",
    )
    assert said(relate(g, "me", "nwife")) == (
        "echtgenote van volle neef",
        "first cousin's wife",
        "épouse du cousin germain",
    )
    assert said(relate(g, "dochter", "aangetrouwd")) == (
        "aangetrouwde oudoom",
        "great-uncle by marriage",
        "grand-oncle par alliance",
    )


def test_a_partners_other_relatives(inlaws: Family) -> None:
    g = inlaws.graph()
    r = relate(g, "me", "soma")
    assert said(r) == (
        "grootmoeder van partner",
        "partner's grandmother",
        "grand-mère du partenaire",
    )
    assert (r.role, r.up, r.down, r.via_id) == (Role.relative_of_partner, 2, 0, "man")
    # Partner tie first and last are not chained: the sister's husband's mother is no kin.
    fam = Family(me="f", zus="f", zwager="m", zm="f", mum="f")
    fam.parent("mum", "me", "zus").couple("zus", "zwager").parent("zm", "zwager")
    assert not relate(fam.graph(), "me", "zm").related


# -- informal supporters --------------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    ["friend", "neighbour", "teacher", "coach", "godparent", "family_friend", "colleague", "other"],
)
def test_informal_ties_are_not_kinship(kind: str) -> None:
    fam = Family(kid="f", mum="f", supporter="m").parent("mum", "kid")
    fam.tie(kind, "supporter", "kid").tie(kind, "supporter", "mum")
    g = fam.graph()
    r = relate(g, "kid", "supporter")
    assert not r.related
    assert said(r) == ("niet verwant", "not related", "sans lien de parenté")
    assert r.to_json() == {"related": False}
    assert r.ties == (kind,)
    assert relationships_from(g, "kid")["supporter"].related is False
