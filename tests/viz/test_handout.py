"""The closure handout: who may be on it, what may be said of them, in both languages
(on both stores). Every redaction rule is checked on the page itself: what is hidden is
nowhere in the HTML, what is shared is there."""

from __future__ import annotations

import re
from datetime import date

import pytest
from builders import case, person, role
from handout_builders import (
    AUNT,
    AUNT_EMAIL,
    AUNT_PHONE,
    BIRTH_YEAR,
    CASE_TITLE,
    CHILDREN,
    DUE,
    GRANDMA,
    GRANDMA_EMAIL,
    GRANDMA_OLD_STREET,
    GRANDMA_PHONE,
    GRANDMA_ROLE,
    GRANDMA_STREET,
    HELP_SERVICE,
    HELP_TASK,
    HIDDEN,
    HIDDEN_PHONE,
    HIDDEN_TASK,
    MOTHER,
    MOTHER_PHONE,
    NEIGHBOUR,
    NEIGHBOUR_TASK,
    PERSON_NOTE,
    PROFESSIONAL,
    PROFESSIONAL_PHONE,
    RISK_EN,
    RISK_NL,
    ROLE_NOTE,
    SERVICE_ONLY,
    SERVICE_TASK,
    SHARED_TASK,
    SURNAME,
    TODAY,
    UNCLE,
    UNCLE_EMAIL,
    UNCLE_PHONE,
    UNCLE_STREET,
    WORRY,
    seed_handout_case,
)

from tenhands.graph.errors import NotFound
from tenhands.graph.model import (
    Confidential,
    Engagement,
    Meeting,
    MeetingKind,
    Plan,
    RiskFlag,
    Shared,
    Task,
)
from tenhands.graph.store import GraphStore
from tenhands.viz.handout import Handout, HandoutPerson, build_handout, render_handout_html
from tenhands.viz.handout.gather import NEVER_LISTED, may_be_listed

LANGS = ["nl", "en"]
LISTED = [MOTHER, GRANDMA, AUNT, UNCLE, NEIGHBOUR, PROFESSIONAL]


@pytest.fixture
def case_id(store: GraphStore) -> str:
    return seed_handout_case(store)


def _handout(store: GraphStore, case_id: str, lang: str = "nl") -> Handout:
    return build_handout(store, case_id, lang, today=TODAY)


def _page(store: GraphStore, case_id: str, lang: str = "nl") -> str:
    return render_handout_html(_handout(store, case_id, lang))


def _names(people: tuple[HandoutPerson, ...]) -> list[str]:
    return [p.name for p in people]


def test_who_is_listed(store: GraphStore, case_id: str) -> None:
    handout = _handout(store, case_id)
    assert handout.children == CHILDREN
    # inner circle first, then middle, outer, none; by name within a circle
    assert _names(handout.people) == [GRANDMA, MOTHER, AUNT, UNCLE, NEIGHBOUR]
    assert _names(handout.professionals) == [PROFESSIONAL]
    # no other name anywhere: not as a member, doer or checker
    assert handout.names() == {*CHILDREN, *LISTED}


@pytest.mark.parametrize("lang", LANGS)
def test_hidden_people_appear_nowhere(store: GraphStore, case_id: str, lang: str) -> None:
    page = _page(store, case_id, lang)
    for name, why in HIDDEN.items():
        assert name not in page, f"{name} ({why}) is on the handout"
    assert HIDDEN_PHONE not in page
    assert "Vangnet " + "Kobe" not in page  # a hidden person's agreed role either


@pytest.mark.parametrize("lang", LANGS)
def test_listed_people_with_their_roles_and_tasks(
    store: GraphStore, case_id: str, lang: str
) -> None:
    page = _page(store, case_id, lang)
    for name in (*CHILDREN, *LISTED):
        assert name in page, name
    for shown in (GRANDMA_ROLE, "Tante; komt op zondag langs", SHARED_TASK, NEIGHBOUR_TASK):
        assert shown in page, shown


def test_a_member_who_only_does_a_task_is_listed(store: GraphStore, case_id: str) -> None:
    hilde = next(p for p in _handout(store, case_id).people if p.name == NEIGHBOUR)
    assert hilde.tasks == (NEIGHBOUR_TASK,)
    # an earlier plan version's task lists nobody: only the current plan counts
    assert "Oude taak" not in _page(store, case_id)


@pytest.mark.parametrize("lang", LANGS)
def test_only_shared_contact_details(store: GraphStore, case_id: str, lang: str) -> None:
    page = _page(store, case_id, lang)
    # shared, not confidential
    for shown in (MOTHER_PHONE, GRANDMA_PHONE, AUNT_EMAIL, PROFESSIONAL_PHONE):
        assert shown in page, shown
    assert f"{GRANDMA_STREET} 5, 8500 Kortrijk" in page
    # not named in the role's shares
    assert GRANDMA_EMAIL not in page and AUNT_PHONE not in page
    # shared, but the person marked contact and address confidential
    for hidden in (UNCLE_PHONE, UNCLE_EMAIL, UNCLE_STREET):
        assert hidden not in page, hidden
    # an address of the past (with an end)
    assert GRANDMA_OLD_STREET not in page


def test_contact_details_follow_the_shares(store: GraphStore, case_id: str) -> None:
    oma = store.get_role(case_id, "ho-oma")
    store.set_role(oma.model_copy(update={"shares": set()}))
    page = _page(store, case_id)
    assert GRANDMA_PHONE not in page and GRANDMA_STREET not in page
    assert GRANDMA in page and "deelt geen contactgegevens" in page
    store.set_role(oma.model_copy(update={"shares": {Shared.email}}))
    assert GRANDMA_EMAIL in _page(store, case_id)


def test_tasks_name_only_listed_people(store: GraphStore, case_id: str) -> None:
    handout = _handout(store, case_id)
    shared = next(t for t in handout.tasks if t.what == SHARED_TASK)
    assert shared.who == (GRANDMA,)  # Kobe (contact restriction) left out
    assert shared.checked_by == (MOTHER,)  # Ilse (only identified) left out
    assert shared.due == DUE
    neighbour = next(t for t in handout.tasks if t.what == NEIGHBOUR_TASK)
    assert neighbour.who == (NEIGHBOUR, "Noor")  # a child by first name
    page = render_handout_html(handout)
    # a task whose doers are all unlisted is left out
    assert HIDDEN_TASK not in page and "Ook verborgen" not in page


def test_professional_help(store: GraphStore, case_id: str) -> None:
    handout = _handout(store, case_id)
    assert [(t.what, t.service, t.who) for t in handout.help] == [
        (HELP_TASK, HELP_SERVICE, (PROFESSIONAL,)),
        (SERVICE_TASK, SERVICE_ONLY, ()),  # asked of a service, nobody named yet
    ]
    page = render_handout_html(handout)
    assert "Hulp van diensten" in page and SERVICE_ONLY in page and HELP_SERVICE in page


def test_a_professional_without_a_task_is_not_listed(store: GraphStore, case_id: str) -> None:
    plan = store.list_plans(case_id)[-1]
    tasks = [t for t in plan.tasks if t.what != HELP_TASK]
    store.add_plan(plan.model_copy(update={"id": "ho-plan3", "version": 3, "tasks": tasks}))
    handout = _handout(store, case_id)
    assert handout.professionals == () and PROFESSIONAL_PHONE not in render_handout_html(handout)


def test_who_to_call(store: GraphStore, case_id: str) -> None:
    handout = _handout(store, case_id)
    # Oma Griet's agreed role says she is the safety net; Tine offers safety monitoring
    assert _names(handout.who_to_call) == [GRANDMA, AUNT]
    page = render_handout_html(handout)
    call = page.split('class="call"', 1)[1].split("</section>", 1)[0]
    assert GRANDMA in call and GRANDMA_PHONE in call and AUNT in call and AUNT_EMAIL in call
    assert MOTHER not in call and "Wie bel je als je je zorgen maakt?" in page


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_private(store: GraphStore, case_id: str, lang: str) -> None:
    page = _page(store, case_id, lang)
    for secret in (
        PERSON_NOTE,
        ROLE_NOTE,
        WORRY,
        BIRTH_YEAR,
        RISK_NL,
        RISK_EN,
        "contactverbod",
        "contact restriction",
        CASE_TITLE,
        "TITEL",
        SURNAME,  # children by first name only, nobody by surname
        "Desmet",
        "ho-",  # no stored id
        "niet veilig",
        "not safe",
    ):
        assert secret not in page, secret
    # Oma Griet is called by the map's name only, never by her given name alone
    assert page.count("Griet") == page.count(GRANDMA) > 0


def test_relationship_words_are_the_maps(store: GraphStore, case_id: str) -> None:
    nl = {p.name: p.relation for p in (*_handout(store, case_id, "nl").people,)}
    en = {p.name: p.relation for p in (*_handout(store, case_id, "en").people,)}
    assert nl[GRANDMA] == "grootmoeder, mama's kant" and en[GRANDMA] == "grandmother, mother's side"
    assert nl[MOTHER] == "moeder" and en[MOTHER] == "mother"
    assert nl[NEIGHBOUR] == "buurvrouw" and en[NEIGHBOUR] == "neighbour"


def test_dutch_and_english_words(store: GraphStore, case_id: str) -> None:
    nl, en = _page(store, case_id, "nl"), _page(store, case_id, "en")
    assert '<html lang="nl">' in nl and '<html lang="en">' in en
    for word in (
        "Wie er is voor Noor en Milan",
        "Wie bel je als je je zorgen maakt?",
        "Het netwerk",
        "Wie doet wat?",
        "Hulp van buiten, dag en nacht",
        "hulplijn voor geweld, misbruik en kindermishandeling",
        "Laatste overleg: 20 november 2026 (afsluiting)",
        "Volgende bespreking: 1 februari 2027",
        "15 jan 2027",
        "Gemaakt op 23 november 2026",
    ):
        assert word in nl, word
        assert word not in en, word
    for word in (
        "Who is there for Noor and Milan",
        "Who to call when you are worried",
        "The network",
        "Who does what?",
        "Help from outside, day and night",
        "helpline for violence, abuse and child abuse",
        "Last meeting: 20 November 2026 (closing meeting)",
        "Next review: 1 February 2027",
        "15 Jan 2027",
        "Made on 23 November 2026",
    ):
        assert word in en, word
        assert word not in nl, word


def test_the_page_is_self_contained(store: GraphStore, case_id: str) -> None:
    page = _page(store, case_id)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"""(?i)(src|href)\s*=|url\(\s*["']?(https?:)?//""", page)
    assert "@page" in page and "A4" in page  # printed on A4


def test_values_are_escaped(store: GraphStore, case_id: str) -> None:
    oma = store.get_role(case_id, "ho-oma")
    store.set_role(oma.model_copy(update={"agreed_role": "<b>vangnet</b> & meer"}))
    page = _page(store, case_id)
    assert "&lt;b&gt;vangnet&lt;/b&gt; &amp; meer" in page and "<b>vangnet" not in page


def test_a_case_with_nobody_yet(store: GraphStore) -> None:
    store.upsert_persons([person("ho-solo", "Fien", "Achternaam")])
    store.create_case(case("ho-empty", "ho-solo", title="Fien Achternaam"))
    for lang, words in (
        ("nl", ("Wie er is voor Fien", "Er staat nog niemand", "nog geen nieuwe bespreking")),
        ("en", ("Who is there for Fien", "Nobody is on this sheet", "No new review")),
    ):
        page = render_handout_html(build_handout(store, "ho-empty", lang, today=TODAY))
        assert all(w in page for w in words), lang
        assert "Achternaam" not in page


def test_next_review_without_a_meeting_is_the_plans(store: GraphStore) -> None:
    store.upsert_persons([person("ho-solo", "Fien"), person("ho-buur", "Lotte")])
    store.create_case(case("ho-plan", "ho-solo"))
    store.set_role(role("ho-plan", "ho-buur", engagement=Engagement.committed))
    store.add_plan(
        Plan(
            case_id="ho-plan",
            review_on=date(2027, 3, 1),
            tasks=[Task(what="Koken", who=["ho-buur"])],
        )
    )
    handout = build_handout(store, "ho-plan", "en", today=TODAY)
    assert handout.next_review == date(2027, 3, 1) and handout.last_meeting is None
    # a closing meeting without a new date: no review is planned any more
    store.add_meeting(Meeting(case_id="ho-plan", held_on=TODAY, kind=MeetingKind.closure))
    handout = build_handout(store, "ho-plan", "en", today=TODAY)
    assert handout.next_review is None and handout.last_meeting == TODAY


def test_unknown_case_and_language(store: GraphStore, case_id: str) -> None:
    with pytest.raises(NotFound):
        build_handout(store, "ho-nobody", "nl")
    with pytest.raises(ValueError, match="use nl or en"):
        build_handout(store, case_id, "fr")


@pytest.mark.parametrize(
    ("person_extra", "role_extra"),
    [
        ({}, {"confidential": True}),
        ({"confidential": {Confidential.identity}}, {}),
        ({}, {"risk_flags": {RiskFlag.contact_restriction}}),
        ({}, {"risk_flags": {RiskFlag.violence}}),
        ({"deceased": True}, {}),
        ({}, {"engagement": Engagement.not_safe}),
        ({}, {"engagement": Engagement.no_contact}),
        *(({}, {"engagement": e}) for e in sorted(NEVER_LISTED)),
    ],
)
def test_each_rule_keeps_a_person_off_on_its_own(
    person_extra: dict[str, object], role_extra: dict[str, object]
) -> None:
    """Each rule holds without the family map's own (which covers some of them too)."""
    committed = {"engagement": Engagement.committed, **role_extra}
    assert may_be_listed(person("a", "An"), role("c", "a", engagement=Engagement.committed))
    assert not may_be_listed(person("a", "An", **person_extra), role("c", "a", **committed))
