"""The demo case: realistic enough for a family group conference, fictional, stable."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tenhands.demo import DEMO_CASE_ID, DemoCase, build_demo_case, seed_demo
from tenhands.graph.model import (
    Circle,
    Confidential,
    Engagement,
    NetworkRole,
    PartnerStatus,
    Person,
    Quality,
    RiskFlag,
    Sex,
    SourceKind,
    Tie,
    TieCategory,
    TieKind,
)
from tenhands.graph.store import GraphStore

TODAY = date(2026, 11, 23)
MOBILE = re.compile(r"^\+32 4\d\d \d\d \d\d \d\d$")
RESERVED_MAIL_DOMAIN = re.compile(r"@([a-z0-9-]+\.)*example\.(org|com|net)$")


@pytest.fixture(scope="module")
def demo() -> DemoCase:
    return build_demo_case()


def _ties(demo: DemoCase, kind: TieKind) -> list[Tie]:
    return [t for t in demo.ties if t.kind is kind]


def _parents(demo: DemoCase, person_id: str) -> set[str]:
    return {t.source_id for t in _ties(demo, TieKind.parent) if t.target_id == person_id}


def _children_of(demo: DemoCase, person_id: str) -> set[str]:
    return {t.target_id for t in _ties(demo, TieKind.parent) if t.source_id == person_id}


def _between(demo: DemoCase, kind: TieKind, a: str, b: str) -> list[Tie]:
    return [t for t in _ties(demo, kind) if {t.source_id, t.target_id} == {a, b}]


def _mother_and_father(demo: DemoCase) -> tuple[Person, Person]:
    elder = demo.case.child_ids[0]
    parents = [demo.person(pid) for pid in sorted(_parents(demo, elder))]
    mothers = [p for p in parents if p.sex is Sex.female]
    fathers = [p for p in parents if p.sex is Sex.male]
    assert len(mothers) == 1 and len(fathers) == 1, "each child has one mother and one father"
    return mothers[0], fathers[0]


def _age(person: Person) -> tuple[int, int]:
    assert person.birth_date is not None, person.id
    return person.birth_date.age_range(TODAY)


# --- the built models ------------------------------------------------------------------


def test_build_is_deterministic(demo: DemoCase) -> None:
    again = build_demo_case()
    assert again == demo
    assert [p.model_dump_json() for p in again.persons] == [
        p.model_dump_json() for p in demo.persons
    ]
    assert [t.model_dump_json() for t in again.ties] == [t.model_dump_json() for t in demo.ties]
    assert [r.model_dump_json() for r in again.roles] == [r.model_dump_json() for r in demo.roles]
    assert again.case.model_dump_json() == demo.case.model_dump_json()


def test_ids_are_stable_readable_and_unique(demo: DemoCase) -> None:
    assert demo.case.id == DEMO_CASE_ID == "demo-case"
    person_ids = [p.id for p in demo.persons]
    tie_ids = [t.id for t in demo.ties]
    assert len(set(person_ids)) == len(person_ids)
    assert len(set(tie_ids)) == len(tie_ids)
    assert all(re.fullmatch(r"demo-[a-z]+", pid) for pid in person_ids)
    assert all(tid.startswith("demo-t-") for tid in tie_ids)
    assert 30 <= len(person_ids) <= 40
    assert {"demo-lina", "demo-adam"} <= set(person_ids)


def test_case_is_marked_fictional(demo: DemoCase) -> None:
    assert "fictief" in demo.case.title
    assert demo.case.notes is not None and "fictie" in demo.case.notes.lower()
    assert demo.case.child_ids == ["demo-lina", "demo-adam"]


def test_children_are_nine_and_younger(demo: DemoCase) -> None:
    elder, younger = (demo.person(pid) for pid in demo.case.child_ids)
    assert _age(elder) == (9, 9)
    assert _age(younger)[1] <= 9
    assert _age(younger)[1] < _age(elder)[0]
    assert younger.birth_date is not None and elder.birth_date is not None
    assert younger.birth_date > elder.birth_date


def test_every_reference_is_a_demo_person(demo: DemoCase) -> None:
    ids = {p.id for p in demo.persons}
    for t in demo.ties:
        assert t.source_id in ids and t.target_id in ids, t.id
    for r in demo.roles:
        assert r.case_id == DEMO_CASE_ID
        assert r.person_id in ids
        assert r.named_by is None or r.named_by in ids
    # Everyone but the children has exactly one role, so every person is in the case.
    role_ids = [r.person_id for r in demo.roles]
    assert len(role_ids) == len(set(role_ids))
    assert set(role_ids) == ids - set(demo.case.child_ids)


def test_three_generations_on_each_side(demo: DemoCase) -> None:
    mother, father = _mother_and_father(demo)
    for child in demo.case.child_ids:
        assert _parents(demo, child) == {mother.id, father.id}
    for parent in (mother, father):
        grandparents = _parents(demo, parent.id)
        assert len(grandparents) == 2, parent.id
        aunts_uncles = set().union(*(_children_of(demo, g) for g in grandparents)) - {parent.id}
        assert aunts_uncles, f"no aunt or uncle on {parent.id}'s side"
        cousins = set().union(*(_children_of(demo, a) for a in aunts_uncles))
        assert cousins, f"no cousin on {parent.id}'s side"
        assert not cousins & set(demo.case.child_ids)


def test_someone_has_died_on_each_side(demo: DemoCase) -> None:
    mother, father = _mother_and_father(demo)
    for parent in (mother, father):
        dead = [demo.person(g) for g in _parents(demo, parent.id) if demo.person(g).deceased]
        assert dead, f"no deceased grandparent on {parent.id}'s side"
        assert all(p.death_date is not None for p in dead)
    deceased = {p.id for p in demo.persons if p.deceased}
    assert {r.person_id for r in demo.roles if r.engagement is Engagement.deceased} == deceased


def test_widowhood_ends_on_the_day_of_death(demo: DemoCase) -> None:
    widowed = [t for t in _ties(demo, TieKind.partner) if t.partner_status is PartnerStatus.widowed]
    assert widowed
    for t in widowed:
        dead = [demo.person(pid) for pid in (t.source_id, t.target_id) if demo.person(pid).deceased]
        assert len(dead) == 1, t.id
        assert t.until == dead[0].death_date


def test_the_parents_are_divorced(demo: DemoCase) -> None:
    mother, father = _mother_and_father(demo)
    (tie,) = _between(demo, TieKind.ex_partner, mother.id, father.id)
    assert tie.partner_status is PartnerStatus.divorced
    assert tie.since is not None and tie.until is not None and tie.since < tie.until
    assert not _between(demo, TieKind.partner, mother.id, father.id)


def test_the_mothers_partner_is_a_step_parent(demo: DemoCase) -> None:
    mother, _ = _mother_and_father(demo)
    current = [
        t.other(mother.id)
        for t in _ties(demo, TieKind.partner)
        if mother.id in (t.source_id, t.target_id) and t.until is None
    ]
    assert len(current) == 1
    step = current[0]
    for child in demo.case.child_ids:
        assert step not in _parents(demo, child)
        ties = [
            t
            for t in _ties(demo, TieKind.step_parent)
            if (t.source_id, t.target_id) == (step, child)
        ]
        assert len(ties) == 1, child
        assert ties[0].basis is not None and ties[0].basis.value == "social"


def test_the_fathers_new_children_are_half_siblings(demo: DemoCase) -> None:
    mother, father = _mother_and_father(demo)
    half = _children_of(demo, father.id) - _children_of(demo, mother.id)
    assert len(half) >= 1
    for h in half:
        assert mother.id not in _parents(demo, h)
        assert len(_parents(demo, h)) == 2, "the half-sibling's mother is known"
        for child in demo.case.child_ids:
            assert len(_between(demo, TieKind.half_sibling, child, h)) == 1, (child, h)
    assert len(_between(demo, TieKind.sibling, *demo.case.child_ids)) == 1


def test_informal_supporters_of_every_kind(demo: DemoCase) -> None:
    children = set(demo.case.child_ids)
    for kind in (TieKind.neighbour, TieKind.teacher, TieKind.coach, TieKind.godparent):
        assert any(children & {t.source_id, t.target_id} for t in _ties(demo, kind)), kind
    # A friend's parents: two family friends of the same child, partners of each other.
    friends_of_child = [t for t in _ties(demo, TieKind.family_friend) if t.target_id in children]
    sources = sorted({t.source_id for t in friends_of_child})
    assert len(sources) == 2
    assert _between(demo, TieKind.partner, *sources)
    # The children's informal supporters are not relatives of anyone in the case.
    for t in demo.ties:
        if t.kind.category is TieCategory.informal and t.kind is not TieKind.other:
            if t.target_id not in children:
                continue
            supporter = t.source_id
            family = [
                f
                for f in demo.ties
                if supporter in (f.source_id, f.target_id) and f.kind.category is TieCategory.family
            ]
            assert not family, supporter


def test_exactly_two_professionals(demo: DemoCase) -> None:
    pros = {t.source_id for t in _ties(demo, TieKind.professional)}
    assert len(pros) == 2
    for pro in pros:
        family = [
            t
            for t in demo.ties
            if pro in (t.source_id, t.target_id) and t.kind.category is not TieCategory.professional
        ]
        assert not family, pro
        assert demo.role(pro).circle is Circle.outer


def test_engagement_statuses_and_circles_are_spread(demo: DemoCase) -> None:
    engagements = [r.engagement for r in demo.roles]
    funnel = {
        Engagement.identified,
        Engagement.located,
        Engagement.contacted,
        Engagement.engaged,
        Engagement.committed,
    }
    assert funnel | {Engagement.declined} <= set(engagements)
    no_contact = [r for r in demo.roles if r.engagement is Engagement.no_contact]
    assert len(no_contact) == 1
    assert RiskFlag.contact_restriction in no_contact[0].risk_flags
    assert all(not r.risk_flags for r in demo.roles if r.engagement is not Engagement.no_contact)
    assert {Circle.inner, Circle.middle, Circle.outer} <= {r.circle for r in demo.roles}
    assert len(set().union(*(r.support for r in demo.roles))) >= 6
    assert all(not r.support for r in demo.roles if not (r.engagement.active))
    # Ten hands and eyes: at least five committed adults.
    committed = [
        demo.person(r.person_id) for r in demo.roles if r.engagement is Engagement.committed
    ]
    assert sum(1 for p in committed if _age(p)[0] >= 18) >= 5


def test_tie_qualities_and_closeness_are_spread(demo: DemoCase) -> None:
    assert {t.quality for t in demo.ties} >= {Quality.strong, Quality.tenuous, Quality.stressful}
    assert {t.closeness for t in demo.ties} >= {Circle.inner, Circle.middle, Circle.outer}


def test_everyone_has_a_sex(demo: DemoCase) -> None:
    assert all(p.sex is not Sex.unknown for p in demo.persons)
    assert {p.sex for p in demo.persons} == {Sex.female, Sex.male}


def test_names_look_flemish_moroccan_and_turkish(demo: DemoCase) -> None:
    names = " ".join(
        " ".join([*p.given_names, p.surname or "", p.birth_surname or "", *p.aliases])
        for p in demo.persons
    ).casefold()
    for letter in "çëşğ":
        assert letter in names, letter
    assert {"nl", "fr", "ar", "tr"} <= {p.language for p in demo.persons}
    assert "Oma Ria" in demo.person("demo-ria").aliases
    assert sum(1 for p in demo.persons if p.aliases) >= 5


def test_birth_dates_have_every_precision_and_make_sense(demo: DemoCase) -> None:
    precisions = {p.birth_date.precision for p in demo.persons if p.birth_date is not None}
    assert precisions == {"year", "month", "day"}
    assert sum(1 for p in demo.persons if p.birth_place) >= 25
    for t in _ties(demo, TieKind.parent):
        parent, child = demo.person(t.source_id), demo.person(t.target_id)
        assert parent.birth_date is not None and child.birth_date is not None, t.id
        gap = child.birth_date.earliest().year - parent.birth_date.latest().year
        assert 17 <= gap <= 45, t.id
        if parent.death_date is not None:
            assert child.birth_date.earliest() <= parent.death_date.latest(), t.id


def test_contact_details_are_belgian_and_fictional(demo: DemoCase) -> None:
    phones = [ph for p in demo.persons for ph in p.contact.phones]
    emails = [e for p in demo.persons for e in p.contact.emails]
    assert len(phones) >= 15 and len(emails) >= 8
    assert all(MOBILE.match(ph) for ph in phones), phones
    assert len(set(phones)) == len(phones)
    assert all(RESERVED_MAIL_DOMAIN.search(e) for e in emails), emails
    addresses = [a for p in demo.persons for a in p.addresses]
    assert len(addresses) >= 20
    for a in addresses:
        assert a.country == "BE" and a.city
        assert a.postcode is not None and re.fullmatch(r"[1-9]\d{3}", a.postcode)


def test_provenance_is_fixed_and_traceable(demo: DemoCase) -> None:
    things = [*demo.persons, *demo.ties, *demo.roles, demo.case]
    for thing in things:
        prov = thing.provenance
        assert prov.created_by == "demo"
        assert prov.created_at.tzinfo is not None and prov.created_at.date() < TODAY
        assert prov.source.kind in (SourceKind.manual, SourceKind.interview)
        assert (prov.source.kind is SourceKind.interview) == (prov.source.named_by is not None)


def test_named_by_forms_chains_in_time(demo: DemoCase) -> None:
    role_of = {r.person_id: r for r in demo.roles}
    for r in demo.roles:
        person = demo.person(r.person_id)
        assert person.provenance.source.named_by == r.named_by, r.person_id
        if r.named_by is not None:
            assert r.named_by != r.person_id
            assert demo.person(r.named_by).provenance.created_at < r.provenance.created_at

    def depth(pid: str) -> int:
        role = role_of.get(pid)
        return 0 if role is None or role.named_by is None else 1 + depth(role.named_by)

    # e.g. the mother named the grandmother, who named the aunt, who named her husband.
    assert max(depth(pid) for pid in role_of) >= 3
    assert any(r.named_by in demo.case.child_ids for r in demo.roles), "children name people too"


def test_confidential_addresses_do_not_leak_through_housemates(demo: DemoCase) -> None:
    mother, _ = _mother_and_father(demo)
    assert Confidential.address in mother.confidential
    assert any(t.confidential for t in demo.ties)

    def current(p: Person) -> set[tuple[str | None, str | None, str | None]]:
        return {(a.street, a.house_number, a.postcode) for a in p.addresses if a.until is None}

    hidden = {
        addr for p in demo.persons if Confidential.address in p.confidential for addr in current(p)
    }
    assert hidden
    for p in demo.persons:
        if current(p) & hidden:
            assert Confidential.address in p.confidential, p.id


def test_the_person_not_to_contact_is_hidden_well(demo: DemoCase) -> None:
    (role,) = [r for r in demo.roles if r.engagement is Engagement.no_contact]
    person = demo.person(role.person_id)
    assert {Confidential.address, Confidential.contact} <= person.confidential
    assert all(
        t.quality is Quality.stressful for t in demo.ties if person.id in (t.source_id, t.target_id)
    )


# --- the store ---------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[GraphStore]:
    from tenhands.graph.stores.sqlite import SqliteStore

    s = SqliteStore(tmp_path / "t.db")
    s.init_schema()
    try:
        yield s
    finally:
        s.close()


def _snapshot(
    store: GraphStore,
) -> tuple[list[Person], list[Tie], list[NetworkRole], str]:
    persons = store.list_persons(limit=1000)
    ties = sorted(
        {t.id: t for p in persons for t in store.ties_of(p.id)}.values(), key=lambda t: t.id
    )
    return (
        persons,
        ties,
        store.list_roles(DEMO_CASE_ID),
        store.get_case(DEMO_CASE_ID).model_dump_json(),
    )


def test_seed_round_trip(store: GraphStore, demo: DemoCase) -> None:
    assert seed_demo(store) == DEMO_CASE_ID
    graph = store.case_subgraph(DEMO_CASE_ID)
    assert set(graph.nodes) == {p.id for p in demo.persons}
    assert {key for _, _, key in graph.edges(keys=True)} == {t.id for t in demo.ties}
    assert {n for n, child in graph.nodes(data="is_child") if child} == set(demo.case.child_ids)
    for p in demo.persons:
        assert graph.nodes[p.id]["person"] == p, p.id
    for _, _, key, tie in graph.edges(keys=True, data="tie"):
        assert tie == next(t for t in demo.ties if t.id == key)
    assert store.list_roles(DEMO_CASE_ID) == sorted(demo.roles, key=lambda r: r.person_id)
    assert store.get_case(DEMO_CASE_ID) == demo.case
    assert store.count_persons() == len(demo.persons)


def test_seeding_twice_changes_nothing(store: GraphStore) -> None:
    seed_demo(store)
    before = _snapshot(store)
    # A worker moves someone along the funnel; seeding again must not undo it.
    moved = store.get_role(DEMO_CASE_ID, "demo-ayse").model_copy(
        update={"engagement": Engagement.located}
    )
    store.set_role(moved)
    assert seed_demo(store) == DEMO_CASE_ID
    after = _snapshot(store)
    assert after[0] == before[0] and after[1] == before[1] and after[3] == before[3]
    assert store.get_role(DEMO_CASE_ID, "demo-ayse").engagement is Engagement.located


def test_seeding_with_replace_restores_the_demo(store: GraphStore, demo: DemoCase) -> None:
    seed_demo(store)
    ria = store.get_person("demo-ria").model_copy(update={"notes": "gewijzigd"})
    store.update_person(ria)
    outsider = Person(id="someone-else", given_names=["Noor"], sex=Sex.female)
    store.create_person(outsider)
    store.set_role(NetworkRole(case_id=DEMO_CASE_ID, person_id=outsider.id))
    store.create_tie(
        Tie(id="t-extra", source_id="demo-ria", target_id="demo-hatice", kind="friend")
    )
    store.create_tie(
        Tie(id="t-outside", source_id="demo-ria", target_id=outsider.id, kind="friend")
    )

    assert seed_demo(store, replace=True) == DEMO_CASE_ID
    graph = store.case_subgraph(DEMO_CASE_ID)
    assert set(graph.nodes) == {p.id for p in demo.persons}
    assert {key for _, _, key in graph.edges(keys=True)} == {t.id for t in demo.ties}
    assert store.get_person("demo-ria") == demo.person("demo-ria")
    assert store.list_roles(DEMO_CASE_ID) == sorted(demo.roles, key=lambda r: r.person_id)
    # Things outside the demo network stay.
    assert store.get_person(outsider.id) == outsider
    assert store.get_tie("t-outside").source_id == "demo-ria"
