"""The synthetic population generator (:mod:`tenhands.demo.population`): structure, noise,
truth."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from tenhands.demo.population import (
    DEFAULT_SOURCES,
    NoiseRates,
    Population,
    RecordSet,
    SeededCase,
    Source,
    derive_records,
    generate_population,
    namesakes,
    particle_forms,
    seed_cases,
    write_records_csv,
)
from tenhands.finding.records import read_records
from tenhands.graph.kinship import Kind, Role, Side, relationships_from
from tenhands.graph.model import Basis, Person, SourceKind, Tie, TieKind
from tenhands.graph.network import build_graph

N = 1500


@pytest.fixture(scope="module")
def pop() -> Population:
    return generate_population(N, seed=7)


@pytest.fixture(scope="module")
def record_sets(pop: Population) -> list[RecordSet]:
    return derive_records(pop, seed=8)


@pytest.fixture(scope="module")
def cases(pop: Population) -> list[SeededCase]:
    return seed_cases(pop, n_cases=15, seed=9)


def _dump(pop: Population) -> tuple[object, ...]:
    return (
        [p.model_dump() for p in pop.persons],
        [t.model_dump() for t in pop.ties],
        [(h.id, h.member_ids, h.address.model_dump()) for h in pop.households],
    )


# -- determinism ---------------------------------------------------------------------


def test_same_seed_same_output(pop: Population, record_sets: list[RecordSet]) -> None:
    again = generate_population(N, seed=7)
    assert _dump(again) == _dump(pop)
    sets = derive_records(again, seed=8)
    assert [[r.model_dump() for r in s.records] for s in sets] == [
        [r.model_dump() for r in s.records] for s in record_sets
    ]
    assert [s.truth for s in sets] == [s.truth for s in record_sets]
    first = seed_cases(again, n_cases=5, seed=9)
    second = seed_cases(pop, n_cases=5, seed=9)
    assert [(c.case.child_ids, c.true_kin) for c in first] == [
        (c.case.child_ids, c.true_kin) for c in second
    ]


def test_different_seed_different_output(pop: Population) -> None:
    other = generate_population(N, seed=70)
    names = [(p.given_names, p.surname) for p in pop.persons]
    assert names != [(p.given_names, p.surname) for p in other.persons]
    a = derive_records(pop, seed=8)[1]
    b = derive_records(pop, seed=80)[1]
    assert a.truth != b.truth


# -- structure -------------------------------------------------------------------------


def test_size_and_valid_models(pop: Population) -> None:
    assert len(pop.persons) == N
    assert len({p.id for p in pop.persons}) == N
    for p in pop.persons:
        Person.model_validate(p.model_dump())
    for t in pop.ties:
        Tie.model_validate(t.model_dump())


def test_parents_at_most_two_and_16_to_50_years_older(pop: Population) -> None:
    by_id = pop.by_id()
    bio: Counter[str] = Counter()
    for t in pop.ties:
        if t.kind is not TieKind.parent:
            continue
        parent, child = by_id[t.source_id], by_id[t.target_id]
        assert parent.birth_date and child.birth_date
        assert 16 <= child.birth_date.year - parent.birth_date.year <= 50
        if t.basis is Basis.biological:
            bio[child.id] += 1
        assert not (parent.deceased and parent.death_date and parent.death_date < child.birth_date)
    assert bio and max(bio.values()) <= 2


def test_half_siblings_adoptions_divorces_deaths(pop: Population) -> None:
    parents = {c: frozenset(p for p, _ in ps) for c, ps in pop.parents.items() if ps}
    children = pop.children()
    half = 0
    for kid, ps in parents.items():
        for par in ps:
            half += any(parents[s] != ps for s in children[par] if s != kid)
    assert half > 0
    assert any(t.basis is Basis.adoptive for t in pop.ties)
    assert any(t.kind is TieKind.ex_partner for t in pop.ties)
    assert any(p.deceased for p in pop.persons)
    years = [p.birth_date.year for p in pop.persons if p.birth_date]
    assert min(years) < 1950 and max(years) > 2015


def test_generations(pop: Population) -> None:
    depth: dict[str, int] = {}

    def gen(pid: str) -> int:
        if pid not in depth:
            ps = pop.parents.get(pid, [])
            depth[pid] = 1 + max((gen(p) for p, _ in ps), default=0)
        return depth[pid]

    assert max(gen(p.id) for p in pop.persons) >= 3


def test_households_share_an_address(pop: Population) -> None:
    by_id = pop.by_id()
    for h in pop.households[:300]:
        for pid in h.member_ids[:2]:  # the adults live there from the start
            if by_id[pid].deceased:
                continue
            keys = [(a.street, a.house_number, a.postcode) for a in by_id[pid].addresses]
            assert (h.address.street, h.address.house_number, h.address.postcode) in keys
    moved = sum(len(p.addresses) > 1 for p in pop.persons)
    assert moved > N // 10


# -- names -----------------------------------------------------------------------------


def test_name_mix(pop: Population) -> None:
    origins = Counter(pop.origin.values())
    assert set(origins) == {"flemish", "french", "moroccan", "turkish"}
    assert all(count >= N // 50 for count in origins.values())
    surnames = {p.surname or "" for p in pop.persons}
    assert any(any(c in s for c in "şğıçöü") for s in surnames)
    assert any(s.startswith(("Van ", "De ", "El ", "Ben ")) for s in surnames)
    assert any(p.birth_surname and p.birth_surname != p.surname for p in pop.persons)
    assert any(p.aliases for p in pop.persons)
    places = {p.birth_place for p in pop.persons}
    assert "Antwerpen" in places or "Gent" in places


def test_twins_namesakes_and_partners_of_one_age(
    pop: Population, record_sets: list[RecordSet]
) -> None:
    persons = pop.by_id()
    births: dict[tuple[tuple[str, ...], str], list[str]] = {}
    for child, parents in pop.parents.items():
        if parents:
            key = (tuple(sorted(p for p, _ in parents)), str(persons[child].birth_date))
            births.setdefault(key, []).append(child)
    twins = [group for group in births.values() if len(group) > 1]
    assert len(twins) >= 5
    for group in twins:
        firsts = [persons[c].given_names[0] for c in group]
        assert len(set(firsts)) == len(firsts)
    assert any(len({persons[c].sex for c in group}) == 1 for group in twins)
    generations = namesakes(pop)
    juniors = [c for c, g in generations.items() if g == "junior"]
    assert len(juniors) >= 10
    for son in juniors:
        fathers = [persons[p] for p, _ in pop.parents[son] if generations.get(p)]
        assert any(f.given_names[0] == persons[son].given_names[0] for f in fathers)
    marked = [r for s in record_sets for r in s.records if "generation:junior" in s.noise[r.id]]
    assert marked and all(len((r.given_names or "").split()) >= 2 for r in marked)
    same_year = [
        t for t in pop.ties if t.kind is TieKind.partner
        and persons[t.source_id].birth_date.year == persons[t.target_id].birth_date.year  # type: ignore[union-attr]
    ]  # fmt: skip
    assert len(same_year) >= 20


def test_particle_forms() -> None:
    assert "Vandenbossche" in particle_forms("Van den Bossche")
    assert "Van Den Bossche" in particle_forms("Van den Bossche")
    assert "Van der Straeten" in particle_forms("Vanderstraeten")
    assert particle_forms("Peeters") == []


# -- records ---------------------------------------------------------------------------


def test_truth_complete_and_hidden(pop: Population, record_sets: list[RecordSet]) -> None:
    ids = {p.id for p in pop.persons}
    assert [s.source.name for s in record_sets] == [s.name for s in DEFAULT_SOURCES]
    for s in record_sets:
        assert s.records
        assert {r.id for r in s.records} == set(s.truth) == set(s.noise)
        assert set(s.truth.values()) <= ids
        assert all(r.provenance.source.kind is s.source.kind for r in s.records)
        for r in s.records[:200]:
            assert s.truth[r.id] not in r.model_dump_json()
    dup = Counter(record_sets[1].truth.values())
    assert max(dup.values()) == 2


def _rate(s: RecordSet, tag: str) -> float:
    return sum(tag in applied for applied in s.noise.values()) / len(s.records)


def test_noise_levels_as_configured(pop: Population, record_sets: list[RecordSet]) -> None:
    case_files = record_sets[1]
    rates = case_files.source.noise
    assert abs(_rate(case_files, "typo:given_names") - rates.typo) < 0.04
    assert abs(_rate(case_files, "typo:surname") - rates.typo) < 0.04
    assert abs(_rate(case_files, "missing:birth_place") - rates.missing) < 0.05
    noisy = Source(
        "noisy", SourceKind.other, 1.0, noise=NoiseRates(typo=0.5, year_only=0.5, duplicate=0.0)
    )
    (s,) = derive_records(pop, seed=3, sources=(noisy,))
    assert len(s.records) == N
    assert abs(_rate(s, "typo:surname") - 0.5) < 0.06
    assert abs(_rate(s, "year_only") - 0.5 * 0.9) < 0.06
    by_id = pop.by_id()
    for r in s.records:
        p = by_id[s.truth[r.id]]
        if "typo:surname" in s.noise[r.id]:
            assert r.surname != p.surname
        if "year_only" in s.noise[r.id]:
            assert r.birth_date is not None and r.birth_date.precision == "year"
    clean = replace(noisy, noise=NoiseRates(**{k: 0.0 for k in NoiseRates.__dataclass_fields__}))
    (c,) = derive_records(pop, seed=3, sources=(clean,))
    for r in c.records:
        p = by_id[c.truth[r.id]]
        assert (r.given_names, r.surname, r.birth_date) == (
            " ".join(p.given_names),
            p.surname,
            p.birth_date,
        )


def test_noise_kinds_present(record_sets: list[RecordSet]) -> None:
    applied = Counter(
        tag.split(":")[-1] if tag.startswith(("mother", "father", "partner")) else tag
        for s in record_sets
        for tags in s.noise.values()
        for tag in tags
    )
    kinds = "nickname transliteration particle maiden_name old_address year_off day_month_swap"
    for kind in [*kinds.split(" "), "first_name_only", "other_language_place"]:
        assert applied[kind] > 0, kind
    assert any(r.mother_name for s in record_sets for r in s.records)


def test_csv_round_trip(record_sets: list[RecordSet], tmp_path: Path) -> None:
    for s in record_sets:
        path = write_records_csv(s.records, tmp_path / f"{s.source.name}.csv")
        read = read_records(path.read_bytes(), filename=path.name)
        assert read.problems == []
        assert len(read.records) == len(s.records)
        for got, want in zip(read.records, s.records, strict=True):
            assert got.provenance.source.ref == want.id
            assert (got.given_names, got.surname, got.birth_date, got.postcode) == (
                want.given_names,
                want.surname,
                want.birth_date,
                want.postcode,
            )


# -- seeded cases ----------------------------------------------------------------------

_ROLE = {
    "mother": Role.parent, "father": Role.parent, "grandmother": Role.grandparent,
    "grandfather": Role.grandparent, "great_grandmother": Role.grandparent,
    "great_grandfather": Role.grandparent, "aunt": Role.aunt_uncle, "uncle": Role.aunt_uncle,
    "half_aunt": Role.aunt_uncle, "half_uncle": Role.aunt_uncle, "cousin": Role.cousin,
    "brother": Role.sibling, "sister": Role.sibling, "half_brother": Role.sibling,
    "half_sister": Role.sibling, "niece": Role.niece_nephew, "nephew": Role.niece_nephew,
}  # fmt: skip


def test_seeded_cases_true_kin_are_related(pop: Population, cases: list[SeededCase]) -> None:
    assert len(cases) == 15
    graph = build_graph(pop.persons, pop.ties)
    relations: Counter[str] = Counter()
    for case in cases:
        rels = relationships_from(graph, case.child_id)
        known = {p.id for p in case.known}
        assert known == set(case.known_relation)
        assert case.true_kin
        for kin in case.true_kin:
            assert kin.person_id not in known and kin.person_id not in case.case.child_ids
            rel = rels[kin.person_id]
            assert rel.related
            assert rel.kind in (Kind.blood, Kind.adoptive)
            word = kin.relation.removeprefix("maternal_").removeprefix("paternal_")
            assert rel.role is _ROLE[word], (kin, rel)
            if kin.relation.startswith("maternal_"):
                assert rel.side in (Side.maternal, Side.both)
            if kin.relation.startswith("paternal_"):
                assert rel.side in (Side.paternal, Side.both)
            relations[word] += 1
        for pid, relation in case.known_relation.items():
            assert rels[pid].related, relation
    assert relations["aunt"] + relations["uncle"] > 0
    assert relations["cousin"] > 0


def test_known_relatives_are_partial(pop: Population, cases: list[SeededCase]) -> None:
    by_id = pop.by_id()
    for case in cases:
        for k in case.known:
            full = by_id[k.id]
            assert len(k.given_names) == 1
            assert k.contact.phones == [] and k.addresses == [] or k.addresses[0].street is None
            if k.birth_date is not None:
                assert k.birth_date.precision == "year"
                assert full.birth_date is not None
                assert abs(k.birth_date.year - full.birth_date.year) <= 1
        ids = {t.source_id for t in case.known_ties} | {t.target_id for t in case.known_ties}
        assert ids <= {k.id for k in case.known} | set(case.case.child_ids)
