"""Every tie kind goes into a GEDCOM file where its mapping says and reads back as itself."""

from __future__ import annotations

from datetime import date

import pytest
from gedcom_helpers import stored_graph, structure

from tenhands.finding.gedcom import export_gedcom, import_gedcom, vocab
from tenhands.graph.model import GedcomCarrier, Person, Sex, Tie, TieKind
from tenhands.graph.network import build_graph
from tenhands.graph.stores.sqlite import SqliteStore


@pytest.mark.parametrize("kind", list(TieKind))
def test_a_tie_of_every_kind_reads_back_as_that_kind(
    sqlite_store: SqliteStore, kind: TieKind
) -> None:
    ann = Person(id="p-ann", given_names=["Ann"], surname="Claes", sex=Sex.female)
    bo = Person(id="p-bo", given_names=["Bo"], surname="Peeters", sex=Sex.male)
    graph = build_graph([ann, bo], [Tie(id="t-1", source_id=ann.id, target_id=bo.id, kind=kind)])
    text = export_gedcom(graph, today=date(2026, 11, 23))
    carrier = kind.gedcom.carrier
    if carrier is GedcomCarrier.association:
        assert f"2 RELA {vocab.word(kind)}\n" in text
    else:
        assert ("1 CHIL " if carrier is GedcomCarrier.child else "1 WIFE ") in text
    report = import_gedcom(sqlite_store, text.encode(), source_name=f"{kind.value}.ged")
    assert report.warnings == []
    assert structure(stored_graph(sqlite_store, report.person_ids)) == structure(graph)


def test_the_word_written_for_each_association_reads_back() -> None:
    for kind in TieKind:
        if kind.gedcom.carrier is GedcomCarrier.association:
            assert vocab.association(vocab.word(kind)) == (kind, False), kind
        else:
            with pytest.raises(ValueError, match="carried in a family"):
                vocab.word(kind)
