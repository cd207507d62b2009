"""Importing into a store: the case's network, updates, and nothing half-written."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from builders import case, person
from gedcom_helpers import DATA, SAMPLE

from tenhands.finding.gedcom import import_gedcom
from tenhands.finding.gedcom.ids import file_key
from tenhands.graph.errors import NotFound, StoreUnavailable
from tenhands.graph.model import (
    Circle,
    Confidential,
    Contact,
    Engagement,
    NetworkRole,
    Quality,
    SourceKind,
    Tie,
)
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore

FAMILY = (DATA / "familie.ged").read_bytes()


def pid(xref: str, name: str = "familie.ged") -> str:
    return f"{file_key(name)}-{xref}"


def test_import_into_a_case(store: GraphStore) -> None:
    store.create_person(person("kind-1", "Lotte", "Yılmaz"))
    store.create_case(case("c-1", "kind-1"))
    report = import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-1")
    roles = {r.person_id: r for r in store.list_roles("c-1")}
    assert report.roles_added == 12 == len(roles)
    role = roles[pid("I7")]
    assert role.engagement is Engagement.identified
    assert roles[pid("I9")].engagement is Engagement.deceased  # DEAT Y: not to be contacted
    assert (role.provenance.source.kind, role.provenance.source.name) == (
        SourceKind.gedcom,
        "familie.ged",
    )
    again = import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-1")
    assert again.roles_added == 0


def test_persons_already_in_the_case_keep_their_role(store: GraphStore) -> None:
    import_gedcom(store, FAMILY, source_name="familie.ged")
    store.create_case(case("c-2", pid("I7")))
    store.set_role(NetworkRole(case_id="c-2", person_id=pid("I3"), engagement=Engagement.engaged))
    report = import_gedcom(store, FAMILY, source_name="familie.ged", case_id="c-2")
    assert report.roles_added == 10  # not the child, not the mother already engaged
    assert store.get_role("c-2", pid("I3")).engagement is Engagement.engaged


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


class FailingTies:
    """A real SQLite store whose tie or role writes fail, as a lost connection would."""

    def __init__(self, store: SqliteStore, fail: str) -> None:
        self._store = store
        self._fail = fail

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    def upsert_ties(self, ties: Sequence[Tie], *, batch_size: int = 5000) -> int:
        if self._fail == "ties":
            raise StoreUnavailable("the store went away")
        return self._store.upsert_ties(ties, batch_size=batch_size)

    def upsert_roles(self, roles: Sequence[NetworkRole]) -> int:
        if self._fail == "roles":
            raise StoreUnavailable("the store went away")
        return self._store.upsert_roles(roles)


@pytest.mark.parametrize("fail", ["ties", "roles"])
def test_a_failed_write_leaves_the_store_as_it_was(sqlite_store: SqliteStore, fail: str) -> None:
    sqlite_store.create_person(person("kind-1", "Lotte", "Yılmaz"))
    sqlite_store.create_case(case("c-1", "kind-1"))
    import_gedcom(sqlite_store, FAMILY, source_name="familie.ged")  # 12 persons, 17 ties
    mother = sqlite_store.get_person(pid("I3"))
    sqlite_store.update_person(mother.model_copy(update={"given_names": ["Francine"]}))
    before_ties = {t.id: t for t in sqlite_store.ties_of(pid("I3"))}
    broken = FailingTies(sqlite_store, fail)
    with pytest.raises(StoreUnavailable):
        import_gedcom(broken, SAMPLE.read_bytes(), source_name="sample.ged", case_id="c-1")  # type: ignore[arg-type]
    with pytest.raises(StoreUnavailable):
        import_gedcom(broken, FAMILY, source_name="familie.ged", case_id="c-1")  # type: ignore[arg-type]
    assert sqlite_store.count_persons() == 13
    assert sqlite_store.find_persons_by_source("@I07@", name="sample.ged") == []
    assert sqlite_store.get_person(pid("I3")).given_names == ["Francine"]  # put back
    assert {t.id: t for t in sqlite_store.ties_of(pid("I3"))} == before_ties
    assert sqlite_store.list_roles("c-1") == []


def test_an_empty_tree_imports_nothing(store: GraphStore) -> None:
    report = import_gedcom(store, b"0 HEAD\n1 CHAR UTF-8\n0 TRLR\n", source_name="leeg.ged")
    assert (report.persons, report.ties, report.warnings) == (0, 0, [])
