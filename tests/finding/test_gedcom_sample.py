"""The public Gramps sample file (``tests/data/gedcom/sample.ged``), imported for real."""

from __future__ import annotations

from gedcom_helpers import SAMPLE

from tenhands.finding.gedcom import ImportReport, import_gedcom
from tenhands.finding.gedcom.ids import file_key
from tenhands.graph.model import Basis, PartialDate, PartnerStatus, Sex, SourceKind, Tie, TieKind
from tenhands.graph.store import GraphStore


def import_sample(store: GraphStore) -> ImportReport:
    return import_gedcom(store, SAMPLE.read_bytes(), source_name="sample.ged")


def pid(xref: str) -> str:
    return f"{file_key('sample.ged')}-{xref}"


def tie(store: GraphStore, tie_id: str) -> Tie:
    return store.get_tie(f"{file_key('sample.ged')}-{tie_id}")


def test_sample_is_kept_with_the_tests() -> None:
    assert SAMPLE.resolve().as_posix().endswith("tests/data/gedcom/sample.ged")
    assert SAMPLE.read_bytes().startswith(b"0 HEAD")


def test_counts_and_warnings(store: GraphStore) -> None:
    report = import_sample(store)
    assert (report.persons, report.new_persons) == (43, 43)
    # 15 couples (13 married), 52 parent ties, 1 association.
    assert report.ties == 15 + 52 + 1
    assert store.count_persons() == 43
    messages = {(w.line, w.xref, w.message) for w in report.warnings}
    assert (131, "@I03@", "DEAT DATE 'deceased' is kept as text: it is a phrase, not a date") in (
        messages
    )
    assert (
        541,
        "@I43@",
        "BIRT DATE '26 JUN 34 B.C.' is kept as text: it lies before the year 1",
    ) in messages
    assert any(w.message.startswith("unknown tag _UID") for w in report.warnings)


def test_a_named_person_with_dates_places_and_source(store: GraphStore) -> None:
    import_sample(store)
    edwin = store.get_person(pid("IC3a2b1"))
    assert (edwin.given_names, edwin.surname, edwin.sex) == (
        ["Edwin", "Michael"],
        "Smith",
        Sex.male,
    )
    assert edwin.birth_date == PartialDate.parse("est 1961-05-24")
    assert edwin.birth_place == "San Jose, Santa Clara Co., CA"
    assert not edwin.deceased
    source = edwin.provenance.source
    assert (source.kind, source.name, source.ref) == (SourceKind.gedcom, "sample.ged", "@IC3a2b1@")
    [found] = store.find_persons_by_source("@IC3a2b1@", name="sample.ged")
    assert found.id == edwin.id

    martin = store.get_person(pid("I03"))
    assert martin.birth_date == PartialDate.parse("bet 1794 and 1796")  # "BET. 1794 - 1796"
    assert martin.deceased and martin.death_date_text == "deceased"
    assert martin.death_place == "Sweden"
    assert store.get_person(pid("I04")).deceased  # DEAT with a place only
    assert store.get_person(pid("I16")).birth_date == PartialDate.parse("abt 1886")  # ABT.
    assert store.get_person(pid("I27")).birth_date == PartialDate.parse("aft 1823")
    assert store.get_person(pid("I07")).death_date == PartialDate.parse("bef 1930-07-23")
    old = store.get_person(pid("I43"))
    assert old.birth_date is None and old.birth_date_text == "26 JUN 34 B.C."
    gustaf = store.get_person(pid("I07"))
    assert gustaf.notes == "Name suffix: Sr."  # "Gustaf /Smith/, Sr."
    hjalmar = store.get_person(pid("I12"))
    assert hjalmar.notes is not None and hjalmar.notes.startswith("BIOGRAPHY\nHjalmar sailed")


def test_a_married_woman_keeps_her_birth_surname(store: GraphStore) -> None:
    import_sample(store)
    alice = store.get_person(pid("I02"))
    assert (alice.surname, alice.birth_surname) == ("Perkins", "Perkins")
    assert store.get_person(pid("I19")).birth_surname is None  # a daughter, not a spouse


def test_adoptions(store: GraphStore) -> None:
    import_sample(store)
    for family, child in (("F01", "I42"), ("F02", "I29"), ("F11", "I30")):
        for side in ("f", "m"):
            t = tie(store, f"{family}-{child}-{side}")
            assert (t.kind, t.basis) == (TieKind.parent, Basis.adoptive)
    natural = tie(store, "F01-I41-f")
    assert (natural.kind, natural.basis) == (TieKind.parent, Basis.biological)
    # Martin (I03): "1 ADOP / 2 FAMC @F04@ / 3 ADOP @I38@" — adopted by the wife only.
    assert tie(store, "F04-I03-m").basis is Basis.adoptive
    assert tie(store, "F04-I03-f").basis is Basis.biological
    assert tie(store, "F04-I03-m").source_id == pid("I38")


def test_a_famc_link_not_mirrored_by_chil_makes_parent_ties(store: GraphStore) -> None:
    import_sample(store)
    # Edwin (IC3a2b1) names @F02@ as FAMC; F02's CHIL list holds only I29.
    father = tie(store, "F02-IC3a2b1-f")
    mother = tie(store, "F02-IC3a2b1-m")
    assert (father.source_id, mother.source_id) == (pid("I18"), pid("I02"))
    assert father.target_id == mother.target_id == pid("IC3a2b1")
    assert father.kind is TieKind.parent and father.basis is Basis.biological
    assert father.provenance.source.ref == "@F02@"


def test_a_person_in_two_marriages(store: GraphStore) -> None:
    import_sample(store)
    partners = [t for t in store.ties_of(pid("I15")) if t.kind is TieKind.partner]
    assert sorted(t.target_id for t in partners) == [pid("I21"), pid("I22")]
    # F11 and F15 have no MARR: partners of unknown status; F06 has one.
    assert {t.partner_status for t in partners} == {None}
    married = tie(store, "F06-p")
    assert married.partner_status is PartnerStatus.married
    assert married.since == PartialDate.parse("1885-11-27")


def test_the_association(store: GraphStore) -> None:
    import_sample(store)
    asso = tie(store, "IC3a2b1-a1")
    # "1 ASSO @I07@ / 2 RELA SomeRelationship": Gustaf (I07) is SomeRelationship of Edwin.
    assert (asso.source_id, asso.target_id) == (pid("I07"), pid("IC3a2b1"))
    assert asso.kind is TieKind.other
    assert asso.note == "SomeRelationship — This is a note for the ASSOC import"
    assert asso.provenance.source.ref == "@IC3a2b1@"


def test_importing_again_updates_the_same_persons(store: GraphStore) -> None:
    first = import_sample(store)
    edwin = store.get_person(pid("IC3a2b1"))
    again = import_sample(store)
    assert store.count_persons() == 43
    assert again.new_persons == 0
    assert again.person_ids == first.person_ids and again.tie_ids == first.tie_ids
    updated = store.get_person(pid("IC3a2b1"))
    assert updated.provenance.created_at == edwin.provenance.created_at
    assert updated.provenance.updated_by == "gedcom-import"
    other = import_gedcom(store, SAMPLE.read_bytes(), source_name="copy of sample.ged")
    assert other.new_persons == 43 and store.count_persons() == 86
