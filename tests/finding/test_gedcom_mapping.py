"""What maps to what: synthetic family files (5.5.1 and 7.0) and small pieces."""

from __future__ import annotations

import pytest
from gedcom_helpers import DATA, ged

from tenhands.finding.gedcom.ids import file_key
from tenhands.finding.gedcom.mapping import Mapped, map_file
from tenhands.finding.gedcom.parse import read_file
from tenhands.finding.gedcom.problems import Problems
from tenhands.graph.model import Basis, PartialDate, PartnerStatus, Person, Sex, Tie, TieKind

Family = tuple[dict[str, Person], dict[str, Tie], Problems]


def mapped(data: bytes, name: str = "t.ged") -> Family:
    problems = Problems()
    parsed = read_file(data, problems)
    assert parsed is not None
    result: Mapped = map_file(parsed, source_name=name, problems=problems)
    problems.finish()
    persons = {p.provenance.source.ref or "": p for p in result.persons}
    prefix = len(file_key(name)) + 1
    ties = {t.id[prefix:]: t for t in result.ties}
    return persons, ties, problems


@pytest.fixture(scope="module")
def family() -> Family:
    return mapped((DATA / "familie.ged").read_bytes(), "familie.ged")


def test_names(family: Family) -> None:
    persons, _, _ = family
    jef = persons["@I1@"]
    assert (jef.given_names, jef.surname, jef.aliases) == (
        ["Jozef", "Maria"],
        "Van den Broeck",  # SPFX "Van den" + SURN "Broeck", as the NAME writes it
        ["Jef"],
    )
    assert jef.birth_surname is None  # a man: the surname is enough
    maria = persons["@I2@"]  # _MARNM: married name as surname, GEDCOM surname as birth surname
    assert (maria.surname, maria.birth_surname) == ("Van den Broeck", "Claes")
    francoise = persons["@I3@"]  # a wife: her surname is her birth surname
    assert (francoise.surname, francoise.birth_surname) == ("Van den Broeck", "Van den Broeck")
    assert francoise.aliases == ["Fran Van den Broeck"]  # a second NAME of TYPE aka
    assert persons["@I9@"].surname == "Ağaoğlu"


def test_sex_dates_places_deaths_and_notes(
    family: Family,
) -> None:
    persons, _, problems = family
    assert [persons[x].sex for x in ("@I1@", "@I2@", "@I8@", "@I11@")] == [
        Sex.male,
        Sex.female,
        Sex.other,  # X
        Sex.unknown,  # U
    ]
    jef = persons["@I1@"]
    assert (str(jef.birth_date), jef.birth_place) == ("abt 1931", "Aalst")
    assert (jef.deceased, str(jef.death_date), jef.death_place) == (True, "2004-02-03", "Gent")
    assert persons["@I2@"].birth_date == PartialDate.parse("bet 1932 and 1934")
    assert persons["@I2@"].deceased  # BURI only
    assert persons["@I3@"].birth_date == PartialDate.parse("1958-05-12")  # "12 mei 1958"
    assert str(persons["@I4@"].birth_date) == "est 1955"
    assert str(persons["@I6@"].birth_date) == "aft 1960"
    assert str(persons["@I8@"].birth_date) == "cal 1987"
    assert str(persons["@I9@"].birth_date) == "bet 1940 and 1945"  # FROM 1940 TO 1945
    assert persons["@I9@"].deceased and persons["@I9@"].death_date is None  # DEAT Y
    hilde = persons["@I10@"]
    assert (hilde.birth_date, hilde.birth_date_text) == (None, "in de winter van de oorlog")
    assert persons["@I11@"].death_date_text == "deceased"
    assert not persons["@I5@"].deceased
    assert persons["@I3@"].notes == (
        "Werkte als verpleegster in het AZ Sint-Jan; verhuisde in 1990 naar Brussel.\n"
        "Spreekt Nederlands en Frans."
    )
    assert problems.errors == []
    # the two dates kept as text, and the association's word not known (see below)
    assert len(problems.warnings) == 3


def test_couples(family: Family) -> None:
    _, ties, _ = family
    widowed = ties["F1-p"]
    assert (widowed.kind, widowed.partner_status) == (TieKind.partner, PartnerStatus.widowed)
    assert (str(widowed.since), str(widowed.until)) == ("1956-06-06", "2004-02-03")
    divorced = ties["F2-p"]
    assert (divorced.kind, divorced.partner_status) == (TieKind.ex_partner, PartnerStatus.divorced)
    assert (str(divorced.since), str(divorced.until)) == ("1984", "bef 1999")
    # F3 names only a husband; Françoise's FAMS @F3@ makes her the wife.
    cohabiting = ties["F3-p"]
    assert (cohabiting.kind, cohabiting.partner_status) == (
        TieKind.partner,
        PartnerStatus.cohabiting,
    )
    assert str(cohabiting.since) == "2008"
    assert cohabiting.provenance.source.ref == "@F3@"


def test_parents_by_pedigree(family: Family) -> None:
    _, ties, _ = family
    kinds = {k: (t.kind, t.basis) for k, t in ties.items() if t.kind is not TieKind.partner}
    assert kinds["F1-I3-f"] == kinds["F1-I3-m"] == (TieKind.parent, Basis.biological)
    assert kinds["F2-I8-f"] == (TieKind.parent, Basis.biological)  # _FREL Natural
    assert kinds["F2-I8-m"] == (TieKind.parent, Basis.foster)  # _MREL Foster
    assert kinds["F3-I7-f"] == kinds["F3-I7-m"] == (TieKind.parent, Basis.adoptive)  # PEDI
    assert kinds["F4-I12-m"] == (TieKind.guardian, Basis.legal)  # _MREL Guardian
    assert "F4-I12-f" not in kinds  # a family with one parent


def test_associations(family: Family) -> None:
    persons, ties, problems = family
    pid = {x: p.id for x, p in persons.items()}
    meter = ties["I5-a1"]  # Zoë: "ASSO @I10@ RELA Meter" — Hilde is her godmother
    assert (meter.source_id, meter.target_id, meter.kind) == (
        pid["@I10@"],
        pid["@I5@"],
        TieKind.godparent,
    )
    assert meter.note == "Meter"
    godchild = ties["I9-a1"]  # Mehmet: "ASSO @I3@ RELA godchild" — Mehmet is the godparent
    assert (godchild.source_id, godchild.target_id) == (pid["@I9@"], pid["@I3@"])
    assert ties["I11-a1"].kind is TieKind.neighbour  # buurman
    assert ties["I12-a1"].kind is TieKind.friend  # vriend
    other = ties["I11-a2"]
    assert other.kind is TieKind.other
    assert other.note == "SomeRelationship — Kennen elkaar van de jeugdbeweging."
    # a word not known is read as "other", kept readable in the note, and reported by its
    # line (never quoted: it may hold a name)
    unknown = [w for w in problems.warnings if "relation word is not known" in w.message]
    assert [(w.line, w.xref) for w in unknown] == [(99, "@I11@")]
    assert "SomeRelationship" not in str(unknown[0])


def test_gedcom_7() -> None:
    persons, ties, problems = mapped((DATA / "familie7.ged").read_bytes())
    ayse = persons["@I1@"]
    assert (ayse.surname, ayse.birth_surname) == ("Demir", "Çelik")  # NAME TYPE BIRTH / MARRIED
    assert ayse.notes == "Spreekt Turks en Nederlands.\nWoont in Genk."  # SNOTE
    assert persons["@I4@"].notes == "@thuis bereikbaar na vier uur"  # "@@" unescaped
    assert persons["@I4@"].sex is Sex.other
    assert persons["@I5@"].birth_date == PartialDate.parse("1700-01-11")  # JULIAN 1 JAN 1700
    assert ties["F1-p"].since == PartialDate.parse("bet 1990 and 1992")
    assert {ties["F1-I3-f"].basis, ties["F1-I3-m"].basis} == {Basis.foster}  # PEDI FOSTER
    godparent = ties["I3-a1"]  # ROLE GODP with PHRASE Peettante
    assert (godparent.kind, godparent.note) == (TieKind.godparent, "Peettante")
    assert ties["I4-a1"].kind is TieKind.friend  # ROLE FRIEND
    assert "I4-a2" not in ties  # ASSO @VOID@
    assert problems.errors == [] and problems.warnings == []


@pytest.mark.parametrize(
    ("chil_extra", "famc_extra", "expected"),
    [
        ("2 _FREL Adopted\n2 _MREL Adopted", "", (Basis.adoptive, Basis.adoptive)),
        ("2 _FREL Natural\n2 _MREL Natural", "2 PEDI foster", (Basis.foster, Basis.foster)),
        ("", "2 PEDI birth", (Basis.biological, Basis.biological)),
        ("", "2 PEDI sealed", (Basis.legal, Basis.legal)),
        ("", "2 _FREL Pleegkind\n2 _MREL Biologisch", (Basis.foster, Basis.biological)),
        ("2 _MREL Related", "", (Basis.biological, Basis.social)),
        ("2 _FREL Step", "", (Basis.social, Basis.biological)),
        ("2 _FREL Privé", "", (Basis.biological, Basis.biological)),
    ],
)
def test_pedigree_words(chil_extra: str, famc_extra: str, expected: tuple[Basis, Basis]) -> None:
    data = ged(
        "0 @I1@ INDI\n1 NAME Vader\n1 SEX M",
        "0 @I2@ INDI\n1 NAME Moeder\n1 SEX F",
        f"0 @I3@ INDI\n1 NAME Kind\n1 FAMC @F1@\n{famc_extra}".rstrip(),
        f"0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 CHIL @I3@\n{chil_extra}".rstrip(),
    )
    _, ties, problems = mapped(data)
    assert (ties["F1-I3-f"].basis, ties["F1-I3-m"].basis) == expected
    if "Step" in chil_extra:
        assert ties["F1-I3-f"].kind is TieKind.step_parent
    if "Privé" in chil_extra:
        assert [w.message for w in problems.warnings] == [
            "pedigree 'Privé' is not known; read as birth"
        ]


def test_links_from_either_side_only() -> None:
    data = ged(
        "0 @I1@ INDI\n1 NAME Vader\n1 SEX M\n1 FAMS @F1@",
        "0 @I2@ INDI\n1 NAME Moeder\n1 SEX F\n1 FAMS @F1@",
        "0 @I3@ INDI\n1 NAME Kind een\n1 FAMC @F1@",
        "0 @I4@ INDI\n1 NAME Kind twee",
        "0 @F1@ FAM\n1 CHIL @I4@\n1 MARR Y",
    )
    persons, ties, _ = mapped(data)
    pid = {x: p.id for x, p in persons.items()}
    assert (ties["F1-p"].source_id, ties["F1-p"].target_id) == (pid["@I1@"], pid["@I2@"])
    assert ties["F1-p"].partner_status is PartnerStatus.married
    assert {k for k in ties if k != "F1-p"} == {"F1-I3-f", "F1-I3-m", "F1-I4-f", "F1-I4-m"}


@pytest.mark.parametrize(
    ("lines", "kind", "status"),
    [
        ("1 MARR\n2 DATE 1990\n1 DIV Y", TieKind.ex_partner, PartnerStatus.divorced),
        ("1 _MEND Separation", TieKind.ex_partner, PartnerStatus.separated),
        ("1 MARR Y\n1 _MEND Ended", TieKind.ex_partner, PartnerStatus.married),
        ("1 _MSTAT Partners", TieKind.partner, PartnerStatus.relationship),
        ("1 _MSTAT Samenwonend", TieKind.partner, PartnerStatus.cohabiting),
        ("1 ENGA", TieKind.partner, None),
    ],
)
def test_partner_statuses(lines: str, kind: TieKind, status: PartnerStatus | None) -> None:
    data = ged(
        "0 @I1@ INDI\n1 NAME A",
        "0 @I2@ INDI\n1 NAME B",
        f"0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n{lines}",
    )
    _, ties, _ = mapped(data)
    assert (ties["F1-p"].kind, ties["F1-p"].partner_status) == (kind, status)


def test_impossible_families_are_problems() -> None:
    data = ged(
        "0 @I1@ INDI\n1 NAME A",
        "0 @I2@ INDI\n1 NAME B",
        "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I1@\n1 CHIL @I2@",
        "0 @F2@ FAM\n1 HUSB @I2@\n1 CHIL @I2@\n1 HUSB @I1@",
        "0 @F3@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 MARR\n2 DATE 2000\n1 DIV\n2 DATE 1990",
        "0 @I3@ INDI\n1 NAME C\n1 ASSO @I3@\n2 RELA friend",
    )
    _, ties, problems = mapped(data)
    assert [str(p) for p in problems.errors] == [
        "line 9 (@F1@): HUSB and WIFE are the same person (@I1@)",
        "line 15 (@F2@): @I2@ is both a partner and a child in this family",
        "line 17 (@F3@): the partners' relationship ends before it starts",
        "line 26 (@I3@): ASSO points to the person who holds it",
    ]
    assert [str(w) for w in problems.warnings] == ["line 16 (@F2@): a second HUSB is ignored"]
    assert "F1-p" not in ties and ties["F3-p"].until is None
