"""The kin search never takes a twin's or a namesake parent's record as the child's own."""

from __future__ import annotations

from kin_helpers import CASE, CHILD, MOTHER, _r, outside_records, seed

from tenhands.finding.kin import build_index, find_kin, store_records
from tenhands.finding.kin.probes import person_probe
from tenhands.finding.kin.rules import same_person
from tenhands.finding.matching.guards import APART
from tenhands.graph.model import Record, Sex
from tenhands.graph.store import GraphStore

TWIN = "r-noor"
BROTHER = "r-lot"
OWN = "r-lote"
NAMESAKE_MOTHER = "r-elke-sr"


def twins() -> list[Record]:
    """Lotte's twin sister Noor and twin brother Lot (same day, same place), Lotte
    herself with a typo, and a woman of Elke's name born a generation before her."""
    return [
        _r(TWIN, given_names="Noor", surname="Vermeulen", sex=Sex.female, born="2015-03-02",
           birth_place="Gent"),
        _r(BROTHER, given_names="Lot", surname="Vermeulen", sex=Sex.male,
           born="2015-03-02", birth_place="Gent"),
        _r(OWN, given_names="Lote", surname="Vermeulen", sex=Sex.female, born="2015-03-02",
           birth_place="Gent", mother_name="Elke Vermeulen"),
        _r(NAMESAKE_MOTHER, given_names="Elke", surname="Vermeulen", sex=Sex.female,
           born="1961-06-30", birth_place="Eeklo"),
    ]  # fmt: skip


def test_a_twin_is_not_the_childs_own_record_and_a_typo_is(store: GraphStore) -> None:
    seed(store, [*outside_records(), *twins()])
    search = find_kin(store, CASE, build_index(store_records(store)), limit=50)
    matches = {f.record_id: f for f in search.matches}
    assert matches[OWN].person_id == CHILD
    for twin in (TWIN, BROTHER):
        assert twin not in matches or matches[twin].person_id != CHILD
    assert NAMESAKE_MOTHER not in matches or matches[NAMESAKE_MOTHER].person_id != MOTHER


def test_the_twin_brother_is_kept_apart_for_his_sex(store: GraphStore) -> None:
    seed(store, [*outside_records(), *twins()])
    index = build_index(store_records(store))
    hypothesis = same_person(index, person_probe(index, store.get_person(CHILD)))
    row = index.ids.index(BROTHER)
    at = [k for k, r in enumerate(hypothesis.rows.tolist()) if r == row]
    assert at
    apart = next(p for p in hypothesis.parts if p.field == APART)
    assert apart.level[at[0]] == "twins: another sex"
    assert hypothesis.bits[at[0]] < -20
