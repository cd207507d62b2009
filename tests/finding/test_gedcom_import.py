"""Importing into a store: the case's network, updates, and nothing half-written."""

from __future__ import annotations

import pytest
from builders import case, person
from gedcom_helpers import DATA, SAMPLE, big_tree
from store_refusals import one_role_per_case

from tenhands.finding.gedcom import import_gedcom
from tenhands.finding.gedcom.ids import file_key
from tenhands.graph.errors import Conflict, NotFound
from tenhands.graph.model import (
    Circle,
    Confidential,
    Contact,
    Engagement,
    NetworkRole,
    Quality,
    SourceKind,
)
from tenhands.graph.store import GraphStore

FAMILY = (DATA / "familie.ged").read_bytes()


def pid(xref: str, name: str = "familie.ged", case_id: str | None = None) -> str:
    return f"{file_key(name, case_id)}-{xref}"


def test_import_into_a_case(store: GraphStore) -> None:
    store.create_person(person("kind-1", "Lotte", "Yılmaz"))
    store.create_case(case("c-1", "kind-1"))
    report = import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-1")
    roles = {r.person_id: r for r in store.list_roles("c-1")}
    assert report.roles_added == 12 == len(roles)
    role = roles[pid("I7", case_id="c-1")]
    assert role.engagement is Engagement.identified
    # DEAT Y: not to be contacted
    assert roles[pid("I9", case_id="c-1")].engagement is Engagement.deceased
    assert (role.provenance.source.kind, role.provenance.source.name) == (
        SourceKind.gedcom,
        "familie.ged",
    )
    again = import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-1")
    assert again.roles_added == 0


def test_persons_already_in_the_case_keep_their_role(store: GraphStore) -> None:
    store.create_person(person("kind-1", "Lotte", "Yılmaz"))
    store.create_case(case("c-2", "kind-1"))
    import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-2")
    child, mother = pid("I7", case_id="c-2"), pid("I3", case_id="c-2")
    store.update_case(case("c-2", "kind-1", child))
    store.remove_role("c-2", child)
    store.set_role(NetworkRole(case_id="c-2", person_id=mother, engagement=Engagement.engaged))
    store.remove_role("c-2", pid("I1", case_id="c-2"))
    report = import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-2")
    assert report.roles_added == 1  # I1 again; not the child, not the mother already engaged
    assert store.get_role("c-2", mother).engagement is Engagement.engaged
    assert child not in {r.person_id for r in store.list_roles("c-2")}


def test_the_same_file_in_another_case_or_in_none_gets_its_own_persons(
    store: GraphStore,
) -> None:
    store.create_person(person("kind-1", "Lotte", "Yılmaz"))
    store.create_case(case("c-1", "kind-1"))
    store.create_case(case("c-2", "kind-1"))
    one = import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-1")
    two = import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-2")
    none = import_gedcom(store, FAMILY, source_name="familie.ged")
    assert set(one.person_ids).isdisjoint(two.person_ids)
    assert set(none.person_ids).isdisjoint([*one.person_ids, *two.person_ids])
    assert (one.new_persons, two.new_persons, none.new_persons) == (12, 12, 12)
    assert store.count_persons() == 1 + 3 * 12
    assert len(store.find_persons_by_source("@I3@", name="familie.ged")) == 3


def test_an_unknown_case_stops_the_import_before_anything_is_read(store: GraphStore) -> None:
    with pytest.raises(NotFound):
        import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-none")
    with pytest.raises(NotFound):
        import_gedcom(store, b"not even gedcom", source_name="x.ged", case_id="c-none")
    assert store.count_persons() == 0


def test_an_update_keeps_what_workers_added(store: GraphStore) -> None:
    import_gedcom(store, FAMILY, source_name="familie.ged")
    mother = store.get_person(pid("I3"))
    store.update_person(
        mother.model_copy(
            update={
                "contact": Contact(phones=["+32 470 00 00 00"]),
                "language": "fr",
                "confidential": {Confidential.contact},
                "given_names": ["Francine"],
            }
        )
    )
    tie_id = f"{pid('F2')}-p"
    store.update_tie(
        store.get_tie(tie_id).model_copy(
            update={"quality": Quality.stressful, "closeness": Circle.outer, "note": "Conflict."}
        )
    )
    import_gedcom(store, FAMILY, source_name="familie.ged")
    updated = store.get_person(pid("I3"))
    assert updated.contact.phones == ["+32 470 00 00 00"] and updated.language == "fr"
    assert updated.confidential == {Confidential.contact}
    assert updated.given_names == ["Françoise"]  # the file is the source of names
    assert updated.provenance.created_at == mother.provenance.created_at
    tie = store.get_tie(tie_id)
    assert (tie.quality, tie.closeness, tie.note) == (Quality.stressful, Circle.outer, "Conflict.")


def test_a_write_refused_half_way_leaves_the_store_as_it_was(store: GraphStore) -> None:
    """The database refuses the network roles, written last: the persons and ties the
    import wrote before, new or updated, go too."""
    store.create_person(person("kind-1", "Lotte", "Yılmaz"))
    store.create_case(case("c-1", "kind-1"))
    import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-1")
    mother = pid("I3", case_id="c-1")
    for role in store.list_roles("c-1")[1:]:
        store.remove_role("c-1", role.person_id)
    store.update_person(store.get_person(mother).model_copy(update={"given_names": ["Francine"]}))
    before_ties = {t.id: t for t in store.ties_of(mother)}
    persons = store.count_persons()
    with one_role_per_case(store):
        with pytest.raises(Conflict):
            import_gedcom(store, SAMPLE.read_bytes(), source_name="sample.ged", case_id="c-1")
        with pytest.raises(Conflict):
            import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-1")
    assert store.count_persons() == persons == 13
    assert store.find_persons_by_source("@I07@", name="sample.ged") == []
    assert store.get_person(mother).given_names == ["Francine"]  # not the file's Françoise
    assert {t.id: t for t in store.ties_of(mother)} == before_ties
    assert len(store.list_roles("c-1")) == 1


@pytest.mark.neo4j
def test_a_large_tree_goes_in_as_one_transaction(neo4j_store: GraphStore) -> None:
    """20,000 persons, 28,000 ties and 20,000 roles in one Neo4j transaction, within the
    test server's memory (a 1 GB heap); again, as an update of them all."""
    store = neo4j_store
    store.create_person(person("kind-1", "Lotte", "Yılmaz"))
    store.create_case(case("c-1", "kind-1"))
    tree = big_tree(4_000)
    report = import_gedcom(store, tree, source_name="groot.ged", case_id="c-1")
    assert (report.persons, report.ties, report.roles_added) == (20_000, 28_000, 20_000)
    again = import_gedcom(store, tree, source_name="groot.ged", case_id="c-1")
    assert (again.new_persons, again.roles_added) == (0, 0)
    assert store.count_persons() == 20_001
    assert len(store.list_roles("c-1")) == 20_000


def test_an_empty_tree_imports_nothing(store: GraphStore) -> None:
    report = import_gedcom(store, b"0 HEAD\n1 CHAR UTF-8\n0 TRLR\n", source_name="leeg.ged")
    assert (report.persons, report.ties, report.warnings) == (0, 0, [])
