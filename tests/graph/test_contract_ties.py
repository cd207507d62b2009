"""Store contract: ties between persons."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from builders import person, tie

from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import (
    Basis,
    Circle,
    PartialDate,
    PartnerStatus,
    Provenance,
    Quality,
    SourceKind,
    SourceRef,
    Tie,
    TieKind,
)
from tenhands.graph.store import GraphStore


@pytest.fixture
def three(store: GraphStore) -> GraphStore:
    for pid in ["p-a", "p-b", "p-c"]:
        store.create_person(person(pid))
    return store


def test_tie_round_trip_keeps_every_field(three: GraphStore) -> None:
    original = Tie(
        id="t-full",
        source_id="p-a",
        target_id="p-b",
        kind=TieKind.ex_partner,
        partner_status=PartnerStatus.divorced,
        closeness=Circle.outer,
        quality=Quality.stressful,
        since=PartialDate.parse("2012-06"),
        until=PartialDate.parse("2019"),
        confidence=0.8,
        confidential=True,
        note="Scheiding via de rechtbank",
        provenance=Provenance(
            created_by="worker-2",
            created_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
            source=SourceRef(kind=SourceKind.interview, named_by="p-c"),
        ),
    )
    three.create_tie(original)
    assert three.get_tie("t-full") == original
    assert three.get_tie("t-full").basis is Basis.social


def test_tie_to_a_missing_person_is_not_found_and_not_stored(three: GraphStore) -> None:
    with pytest.raises(NotFound, match="p-ghost"):
        three.create_tie(tie("t-1", "p-a", "p-ghost"))
    with pytest.raises(NotFound):
        three.get_tie("t-1")
    assert three.ties_of("p-a") == []


def test_duplicate_tie_id_is_a_conflict(three: GraphStore) -> None:
    three.create_tie(tie("t-1", "p-a", "p-b", "friend"))
    with pytest.raises(Conflict):
        three.create_tie(tie("t-1", "p-b", "p-c", "neighbour"))
    assert three.get_tie("t-1").kind is TieKind.friend


def test_ties_of_sees_both_ends_in_id_order(three: GraphStore) -> None:
    three.create_tie(tie("t-2", "p-b", "p-a", "parent"))
    three.create_tie(tie("t-1", "p-a", "p-c", "friend"))
    three.create_tie(tie("t-3", "p-b", "p-c", "neighbour"))
    assert [t.id for t in three.ties_of("p-a")] == ["t-1", "t-2"]
    got = three.get_tie("t-2")
    assert (got.source_id, got.target_id) == ("p-b", "p-a")


def test_parallel_ties_between_the_same_two_persons_are_kept(three: GraphStore) -> None:
    three.create_tie(tie("t-1", "p-a", "p-b", "ex_partner"))
    three.create_tie(tie("t-2", "p-a", "p-b", "colleague"))
    assert {t.kind for t in three.ties_of("p-a")} == {TieKind.ex_partner, TieKind.colleague}


def test_update_tie_may_move_its_ends(three: GraphStore) -> None:
    three.create_tie(tie("t-1", "p-a", "p-b", "friend"))
    three.update_tie(tie("t-1", "p-a", "p-c", "neighbour", quality=Quality.strong))
    got = three.get_tie("t-1")
    assert (got.target_id, got.kind, got.quality) == ("p-c", TieKind.neighbour, Quality.strong)
    assert three.ties_of("p-b") == []
    with pytest.raises(NotFound):
        three.update_tie(tie("t-1", "p-a", "p-ghost"))
    assert three.get_tie("t-1").target_id == "p-c"


def test_unknown_tie_is_not_found(three: GraphStore) -> None:
    with pytest.raises(NotFound):
        three.get_tie("t-none")
    with pytest.raises(NotFound):
        three.update_tie(tie("t-none", "p-a", "p-b"))
    with pytest.raises(NotFound):
        three.delete_tie("t-none")


def test_delete_tie_keeps_the_persons(three: GraphStore) -> None:
    three.create_tie(tie("t-1", "p-a", "p-b"))
    three.delete_tie("t-1")
    assert three.ties_of("p-a") == []
    assert three.get_person("p-b").id == "p-b"


def test_get_ties_in_the_order_asked(three: GraphStore) -> None:
    three.create_tie(tie("t-1", "p-a", "p-b", "sibling"))
    three.create_tie(tie("t-2", "p-b", "p-c", "parent"))
    three.create_tie(tie("t-3", "p-c", "p-a"))
    found = three.get_ties(["t-3", "t-1", "t-3"])
    assert [t.id for t in found] == ["t-3", "t-1", "t-3"]
    assert found[1] == three.get_tie("t-1")
    assert three.get_ties([]) == []


def test_get_ties_names_every_missing_id(three: GraphStore) -> None:
    three.create_tie(tie("t-1", "p-a", "p-b"))
    with pytest.raises(NotFound) as missing:
        three.get_ties(["t-1", "t-none", "t-gone", "t-none"])
    assert missing.value.entity == "tie"
    assert missing.value.ident == "t-none, t-gone"
