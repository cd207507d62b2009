"""Store contract: where persons were left on a case's maps, and how those positions go
with their case and their person."""

from __future__ import annotations

import pytest
from builders import case, person, role, tie
from pydantic import ValidationError

from tenhands.graph.errors import InvalidInput, NotFound
from tenhands.graph.model import MapPosition
from tenhands.graph.store import GraphStore


@pytest.fixture
def family(store: GraphStore) -> GraphStore:
    for pid in ["p-kid", "p-mum", "p-oma", "p-buur", "p-kid2"]:
        store.create_person(person(pid))
    store.create_case(case("c-1", "p-kid"))
    store.create_case(case("c-2", "p-kid2"))
    store.upsert_roles([role("c-1", "p-mum"), role("c-1", "p-oma"), role("c-2", "p-oma")])
    store.create_tie(tie("t-1", "p-oma", "p-mum", "parent"))
    return store


def at(
    person_id: str, x: float, y: float, view: str = "ecomap", case_id: str = "c-1"
) -> MapPosition:
    return MapPosition(case_id=case_id, view=view, person_id=person_id, x=x, y=y)


def test_positions_are_kept_per_case_and_view_and_replaced(family: GraphStore) -> None:
    assert family.save_positions([at("p-kid", 0.5, -1.0), at("p-oma", -12.25, 3.0)]) == 2
    family.save_positions([at("p-oma", 7.0, 8.0, view="genogram")])
    family.save_positions([at("p-oma", 1.0, 2.0, case_id="c-2")])
    assert family.list_positions("c-1", "ecomap") == [
        at("p-kid", 0.5, -1.0),
        at("p-oma", -12.25, 3.0),
    ]
    family.save_positions([at("p-oma", 4.0, 5.0)])  # moved again: replaced
    assert family.list_positions("c-1", "ecomap") == [at("p-kid", 0.5, -1.0), at("p-oma", 4.0, 5.0)]
    assert family.list_positions("c-1", "genogram") == [at("p-oma", 7.0, 8.0, view="genogram")]
    assert family.list_positions("c-2", "ecomap") == [at("p-oma", 1.0, 2.0, case_id="c-2")]
    assert family.list_positions("c-1", "circles") == []


def test_a_bad_batch_writes_nothing(family: GraphStore) -> None:
    family.save_positions([at("p-mum", 1.0, 1.0)])
    with pytest.raises(InvalidInput, match="p-buur"):  # a person, but not of this case
        family.save_positions([at("p-oma", 9.0, 9.0), at("p-buur", 2.0, 2.0)])
    with pytest.raises(NotFound):
        family.save_positions([at("p-oma", 9.0, 9.0), at("p-nobody", 2.0, 2.0)])
    with pytest.raises(NotFound):
        family.save_positions([at("p-oma", 9.0, 9.0, case_id="c-none")])
    with pytest.raises(InvalidInput, match="twice"):
        family.save_positions([at("p-oma", 9.0, 9.0), at("p-oma", 8.0, 8.0)])
    assert family.list_positions("c-1", "ecomap") == [at("p-mum", 1.0, 1.0)]


def test_positions_refuse_what_no_map_holds() -> None:
    with pytest.raises(ValidationError):
        at("p-oma", float("nan"), 0.0)
    with pytest.raises(ValidationError):
        at("p-oma", 0.0, 1e12)
    with pytest.raises(ValidationError):
        at("p-oma", 0.0, 0.0, view="Eco map")


def test_putting_them_back_clears_one_view_or_all(family: GraphStore) -> None:
    family.save_positions([at("p-kid", 1.0, 1.0), at("p-oma", 2.0, 2.0)])
    family.save_positions([at("p-oma", 3.0, 3.0, view="circles")])
    family.save_positions([at("p-oma", 4.0, 4.0, case_id="c-2")])
    assert family.clear_positions("c-1", "ecomap") == 2
    assert family.list_positions("c-1", "ecomap") == []
    assert family.list_positions("c-1", "circles") == [at("p-oma", 3.0, 3.0, view="circles")]
    assert family.clear_positions("c-1", "ecomap") == 0
    assert family.clear_positions("c-1") == 1
    assert family.list_positions("c-2", "ecomap") == [at("p-oma", 4.0, 4.0, case_id="c-2")]
    with pytest.raises(NotFound):
        family.clear_positions("c-none")
    with pytest.raises(NotFound):
        family.list_positions("c-none", "ecomap")


def test_positions_go_with_the_role_the_person_and_the_case(family: GraphStore) -> None:
    family.save_positions([at("p-mum", 1.0, 1.0), at("p-oma", 2.0, 2.0), at("p-kid", 0.0, 0.0)])
    family.save_positions([at("p-oma", 5.0, 5.0, case_id="c-2")])
    family.remove_role("c-1", "p-mum")
    assert [p.person_id for p in family.list_positions("c-1", "ecomap")] == ["p-kid", "p-oma"]
    family.delete_person("p-oma", cascade=True)  # as a merge removes the person merged away
    assert [p.person_id for p in family.list_positions("c-1", "ecomap")] == ["p-kid"]
    assert family.list_positions("c-2", "ecomap") == []
    family.delete_case("c-1")
    family.create_case(case("c-1", "p-kid"))
    assert family.list_positions("c-1", "ecomap") == []


def test_an_erasure_takes_the_persons_positions(family: GraphStore) -> None:
    family.save_positions([at("p-oma", 2.0, 2.0), at("p-mum", 1.0, 1.0)])
    family.save_positions([at("p-oma", 5.0, 5.0, case_id="c-2", view="genogram")])
    family.erase_person("p-oma", actor="an.werker")
    assert family.list_positions("c-1", "ecomap") == [at("p-mum", 1.0, 1.0)]
    assert family.list_positions("c-2", "genogram") == []


def test_positions_join_a_unit_of_work(family: GraphStore) -> None:
    def work(unit: GraphStore) -> None:
        unit.save_positions([at("p-oma", 2.0, 2.0)])
        raise RuntimeError("the unit ends here")

    with pytest.raises(RuntimeError):
        family.atomic(work)
    assert family.list_positions("c-1", "ecomap") == []
