"""Export: GEDCOM 5.5.1 that reads back to the same graph, living persons hidden on request,
confidential things left out."""

from __future__ import annotations

from datetime import date

import pytest
from gedcom_helpers import DATA, SAMPLE, person_key, stored_graph, structure

from tenhands.demo.seed import seed_demo
from tenhands.finding.gedcom import export_case_gedcom, export_gedcom, import_gedcom
from tenhands.graph.errors import NotFound
from tenhands.graph.model import (
    Basis,
    Confidential,
    NetworkRole,
    PartialDate,
    PartnerStatus,
    Person,
    Sex,
    Tie,
    TieKind,
)
from tenhands.graph.network import build_graph
from tenhands.graph.store import GraphStore

TODAY = date(2026, 11, 23)


def round_trip(store: GraphStore, text: str, name: str) -> tuple[object, object]:
    report = import_gedcom(store, text.encode("utf-8"), source_name=name)
    assert [w for w in report.warnings if "kept as text" not in w.message] == []
    return structure(stored_graph(store, report.person_ids))


@pytest.mark.parametrize("file", [SAMPLE, DATA / "familie.ged", DATA / "familie7.ged"])
def test_file_to_graph_to_file_to_graph(store: GraphStore, file: object) -> None:
    from pathlib import Path

    assert isinstance(file, Path)
    first = import_gedcom(store, file.read_bytes(), source_name=file.name)
    graph = stored_graph(store, first.person_ids)
    text = export_gedcom(graph, today=TODAY)
    assert structure(graph) == round_trip(store, text, f"export of {file.name}")
    again = export_gedcom(stored_graph(store, first.person_ids), today=TODAY)
    assert again == text  # the same graph gives the same file


def test_graph_to_file_to_graph_with_the_demo_case(store: GraphStore) -> None:
    seed_demo(store)
    graph = store.case_subgraph("demo-case")
    text = export_case_gedcom(store, "demo-case")
    shared = build_graph(
        [
            d["person"]
            for _, d in graph.nodes(data=True)
            if Confidential.identity not in d["person"].confidential
            and not (d["role"] is not None and d["role"].confidential)
        ],
        [t for _, _, t in graph.edges(data="tie") if not t.confidential],
    )
    assert shared.number_of_edges() < graph.number_of_edges()  # a confidential tie is left out
    assert structure(shared) == round_trip(store, text, "demo.ged")


def test_graph_to_file_to_graph_every_kind_basis_and_status() -> None:
    persons = [
        Person(id="p-oma", given_names=["Maria"], surname="Peeters", birth_surname="Claes",
               sex=Sex.female, birth_date=PartialDate.parse("abt 1940"), deceased=True,
               death_date_text="in de winter", aliases=["Oma Mie", "Mie"]),
        Person(id="p-opa", given_names=["Jan", "Baptist"], surname="Peeters", sex=Sex.male,
               birth_date=PartialDate.parse("1938-03"), deceased=True),
        Person(id="p-mama", given_names=["Anne Marie", "Josée"], surname="Peeters", sex=Sex.female,
               birth_date=PartialDate.parse("bet 1960 and 1962"), birth_place="Gent",
               notes="Eerste regel.\nTweede regel," + " lang" * 80),
        Person(id="p-papa", given_names=["Karim"], surname="El Amrani", sex=Sex.male),
        Person(id="p-stief", given_names=["Emre"], surname="Yılmaz", sex=Sex.other),
        Person(id="p-kind", given_names=["Lotte"], surname="El Amrani", sex=Sex.female,
               birth_date=PartialDate.parse("2014-07-01")),
        Person(id="p-pleeg", given_names=["Sam"], sex=Sex.unknown, birth_date_text="34 B.C."),
        Person(id="p-voogd", given_names=["Els"], surname="Maes", sex=Sex.female),
        Person(id="p-buur", surname="Janssens", sex=Sex.male),
    ]  # fmt: skip

    def t(tid: str, s: str, g: str, kind: TieKind, **extra: object) -> Tie:
        return Tie.model_validate(
            {"id": tid, "source_id": s, "target_id": g, "kind": kind, **extra}
        )

    ties = [
        t("t1", "p-opa", "p-oma", TieKind.partner, partner_status=PartnerStatus.widowed,
          since=PartialDate.parse("1959-05-02"), until=PartialDate.parse("2001")),
        t("t2", "p-opa", "p-mama", TieKind.parent),
        t("t3", "p-oma", "p-mama", TieKind.parent, basis=Basis.adoptive),
        t("t4", "p-papa", "p-mama", TieKind.ex_partner, partner_status=PartnerStatus.divorced,
          since=PartialDate.parse("2010"), until=PartialDate.parse("bef 2020")),
        t("t5", "p-mama", "p-stief", TieKind.partner, partner_status=PartnerStatus.cohabiting,
          since=PartialDate.parse("2021-09")),
        t("t6", "p-mama", "p-kind", TieKind.parent),
        t("t7", "p-papa", "p-kind", TieKind.parent),
        t("t8", "p-stief", "p-kind", TieKind.step_parent),
        t("t9", "p-mama", "p-pleeg", TieKind.parent, basis=Basis.foster),
        t("t10", "p-voogd", "p-pleeg", TieKind.guardian),
        t("t11", "p-buur", "p-kind", TieKind.neighbour, note="Buurman van hiernaast."),
        t("t12", "p-oma", "p-kind", TieKind.grandparent),
        t("t13", "p-voogd", "p-kind", TieKind.godparent, note="Meter"),
        t("t14", "p-pleeg", "p-kind", TieKind.sibling, basis=Basis.social),
        t("t15", "p-papa", "p-stief", TieKind.other, note="Kennen elkaar van het werk"),
        t("t16", "p-papa", "p-voogd", TieKind.ex_partner, partner_status=PartnerStatus.separated,
          until=PartialDate.parse("2012")),
        t("t17", "p-oma", "p-buur", TieKind.partner, partner_status=PartnerStatus.relationship),
        t("t18", "p-voogd", "p-buur", TieKind.ex_partner),
        t("t19", "p-buur", "p-mama", TieKind.friend),
    ]  # fmt: skip
    graph = build_graph(persons, ties)
    text = export_gedcom(graph, today=TODAY)
    from tenhands.graph.stores.sqlite import SqliteStore

    store = SqliteStore(":memory:")
    store.init_schema()
    try:
        assert structure(graph) == round_trip(store, text, "alles.ged")
    finally:
        store.close()
    assert "1 NAME Maria /Claes/\n2 GIVN Maria\n2 SURN Claes\n2 NICK Oma Mie\n2 NICK Mie\n" in text
    assert "2 _MARNM Peeters\n1 NAME Maria /Peeters/\n2 TYPE married\n" in text
    assert "2 GIVN Anne Marie, Josée\n" in text and "1 SEX X\n" in text
    assert "2 DATE (in de winter)\n" in text and "2 DATE 34 B.C.\n" in text
    assert "1 NOTE Eerste regel.\n2 CONT Tweede regel, lang" in text and "\n2 CONC " in text
    assert "2 _FREL Step\n" in text and "2 _MREL Foster\n" in text and "2 _MREL Guardian\n" in text
    assert "1 MARR\n2 DATE 2 MAY 1959\n1 _MEND Death of one spouse\n2 DATE 2001\n" in text
    assert "1 MARR\n2 DATE 2010\n1 DIV\n2 DATE BEF 2020\n" in text
    assert "2 RELA godparent\n" not in text and "2 RELA Meter\n" in text
    assert "2 RELA neighbour\n2 NOTE Buurman van hiernaast.\n" in text
    assert "2 RELA sibling\n2 _BASIS social\n" in text
    assert all(len(line) <= 255 for line in text.splitlines())


def test_the_file_is_gedcom_5_5_1_in_utf_8(store: GraphStore) -> None:
    report = import_gedcom(store, (DATA / "familie.ged").read_bytes(), source_name="f.ged")
    text = export_gedcom(stored_graph(store, report.person_ids), today=TODAY)
    lines = text.splitlines()
    assert lines[:12] == [
        "0 HEAD",
        "1 SOUR TENHANDS",
        "2 NAME TenHands",
        "2 VERS 0.1.0",
        "1 DATE 23 NOV 2026",
        "1 SUBM @U1@",
        "1 GEDC",
        "2 VERS 5.5.1",
        "2 FORM LINEAGE-LINKED",
        "1 CHAR UTF-8",
        "0 @U1@ SUBM",
        "1 NAME TenHands",
    ]
    assert lines[-1] == "0 TRLR"
    assert sum(line.endswith(" INDI") for line in lines) == 12
    assert sum(line.endswith(" FAM") for line in lines) == 4
    assert "Françoise" in text and "Ağaoğlu" in text
    # Lotte, adopted by both: PEDI on her FAMC.
    assert "1 FAMC @F3@\n2 PEDI adopted\n" in text


def test_single_parents_get_a_family_of_their_own() -> None:
    persons = [
        Person(id="a", given_names=["Mama"], sex=Sex.female),
        Person(id="b", given_names=["Papa"], sex=Sex.male),
        Person(id="c", given_names=["Kind"]),
        Person(id="d", given_names=["Kind twee"]),
    ]
    ties = [
        Tie(id="t1", source_id="a", target_id="c", kind=TieKind.parent),
        Tie(id="t2", source_id="b", target_id="c", kind=TieKind.parent),
        Tie(id="t3", source_id="a", target_id="d", kind=TieKind.parent),
    ]
    text = export_gedcom(build_graph(persons, ties), today=TODAY)
    # Not partners in TenHands, so no couple is made up: one family per parent.
    assert "0 @F1@ FAM\n1 WIFE @I1@\n1 CHIL @I3@\n1 CHIL @I4@\n" in text
    assert "0 @F2@ FAM\n1 HUSB @I2@\n1 CHIL @I3@\n" in text


def test_hide_living() -> None:
    persons = [
        Person(id="a", given_names=["Lotte"], surname="Peeters", sex=Sex.female,
               birth_date=PartialDate.parse("2014-07-01"), birth_place="Gent", notes="Geheim."),
        Person(id="b", given_names=["Jef"], surname="Peeters", sex=Sex.male),
        Person(id="c", given_names=["Louis"], surname="Peeters", sex=Sex.male,
               birth_date=PartialDate.parse("1920"), birth_place="Aalst"),
        Person(id="d", given_names=["Marie"], surname="Claes", sex=Sex.female, deceased=True,
               birth_date=PartialDate.parse("1990"), death_date=PartialDate.parse("2020")),
    ]  # fmt: skip
    ties = [
        Tie(id="t1", source_id="b", target_id="d", kind=TieKind.partner,
            partner_status=PartnerStatus.married, since=PartialDate.parse("2012-06-01")),
        Tie(id="t2", source_id="b", target_id="a", kind=TieKind.parent),
        Tie(id="t3", source_id="c", target_id="a", kind=TieKind.godparent, note="Peter, 2014"),
    ]  # fmt: skip
    graph = build_graph(persons, ties)
    hidden = export_gedcom(graph, hide_living=True, today=TODAY)
    assert "0 @I1@ INDI\n1 NAME Living /Peeters/\n1 SEX F\n1 FAMC @F2@\n1 ASSO @I3@\n" in hidden
    assert "0 @I2@ INDI\n1 NAME Living /Peeters/\n1 SEX M\n" in hidden
    for secret in ("Lotte", "Jef", "2014", "Gent", "Geheim", "2012", "Peter, 2014"):
        assert secret not in hidden
    assert "1 NAME Louis /Peeters/" in hidden and "2 DATE 1920" in hidden  # over 100 years
    assert "1 NAME Marie /Claes/" in hidden and "2 DATE 2020" in hidden  # deceased
    assert "1 MARR Y\n" in hidden and "2 RELA godparent\n" in hidden
    shown = export_gedcom(graph, today=TODAY)
    assert "Lotte" in shown and "2 DATE 1 JUN 2012" in shown and "2 RELA Peter, 2014" in shown


def test_confidential_things_are_left_out() -> None:
    persons = [
        Person(id="a", given_names=["Lotte"], surname="Peeters",
               birth_date=PartialDate.parse("2014"), notes="Notitie.",
               confidential={Confidential.birth, Confidential.notes}),
        Person(id="b", given_names=["Schuiladres"], confidential={Confidential.identity}),
        Person(id="c", given_names=["Kevin"]),
        Person(id="d", given_names=["Verborgen"]),
    ]  # fmt: skip
    ties = [
        Tie(id="t1", source_id="b", target_id="a", kind=TieKind.friend),
        Tie(id="t2", source_id="c", target_id="a", kind=TieKind.other, confidential=True),
        Tie(id="t3", source_id="d", target_id="a", kind=TieKind.friend),
    ]
    graph = build_graph(persons, ties)
    graph.nodes["d"]["role"] = NetworkRole(case_id="c1", person_id="d", confidential=True)
    text = export_gedcom(graph, today=TODAY)
    assert "Lotte" in text and "Kevin" in text
    for secret in ("2014", "Notitie", "Schuiladres", "Verborgen", "ASSO"):
        assert secret not in text


def test_export_case_needs_a_case(store: GraphStore) -> None:
    with pytest.raises(NotFound):
        export_case_gedcom(store, "c-none")


def test_person_key_ignores_ids() -> None:
    a = Person(id="a", given_names=["X"])
    assert person_key(a) == person_key(a.model_copy(update={"id": "b"}))
