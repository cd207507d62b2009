"""The network strength panel of a case's page: ten hands and eyes with names and the
plan's goals covered or not, the balance, the family-finding funnel, stale contacts
(after as many weeks as the settings say), who named whom and the safety scale, in
words and tables; and the case page's links to the plan, meetings, feedback and the
closing handout."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from builders import role
from fastapi.testclient import TestClient
from test_web_accessibility import parsed
from web_helpers import HTML, OWN, WebClient, make_user, seed_cases

from tenhands.app import create_app
from tenhands.graph.model import Engagement, Plan, ScaleScore, Task, UserRole
from tenhands.graph.store import GraphStore
from tenhands.settings import Settings

CASE = f"/cases/{OWN}"
NOW = datetime.now(UTC)


def build_case(store: GraphStore) -> None:
    """The two seeded cases; in ours the mother was last reached ten weeks ago, the
    grandmother last week, the neighbour (named by the grandmother) never; a plan in
    two versions with two goals, only the first served by a task, and the mother's
    safety scale going from 4 to 6."""
    seed_cases(store)
    weeks = timedelta(weeks=1)
    store.set_role(
        role(OWN, "own-mum", engagement=Engagement.engaged, last_contact=NOW - 10 * weeks)
    )
    store.set_role(role(OWN, "own-gran", engagement=Engagement.committed, last_contact=NOW - weeks))
    store.set_role(role(OWN, "own-buur", engagement=Engagement.committed, named_by="own-gran"))
    goals = ["Elke avond eet er iemand mee", "De kinderen weten wie ze kunnen bellen"]
    first, second = date(2026, 9, 1), date(2026, 10, 6)
    task = Task(id="k-eten", what="Koken op woensdag", who=["own-gran"], needs=[1])
    store.add_plan(
        Plan(
            case_id=OWN,
            version=1,
            agreed_on=first,
            needs_to_happen=goals,
            tasks=[task],
            safety_scale=[ScaleScore(person_id="own-mum", score=4, on=first)],
        )
    )
    store.add_plan(
        Plan(
            case_id=OWN,
            version=2,
            agreed_on=second,
            needs_to_happen=goals,
            tasks=[task],
            safety_scale=[
                ScaleScore(person_id="own-mum", score=4, on=first),
                ScaleScore(person_id="own-mum", score=6, on=second),
            ],
        )
    )


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    build_case(store)
    with WebClient.over(store) as c:
        c.sign_in(store, make_user(store, "werker", UserRole.worker, (OWN,)))
        yield c


def section(page: str, name: str) -> str:
    """The text of one figure of the panel, tags taken out."""
    found = re.search(rf'<section class="figure" id="figure-{name}"(.*?)</section>', page, re.S)
    assert found is not None, name
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


def test_ten_hands_names_the_committed_adults_and_the_goals_nobody_covers(
    client: WebClient,
) -> None:
    page = client.get(CASE).text
    hands = section(page, "hands")
    assert "Tien handen en ogen: wie, en waarvoor" in hands
    assert "2 van 5 volwassenen engageren zich: nog 3 nodig" in hands
    assert "Owngrootmoeder Qwerv" in hands and "Ownbuurvrouw Plomp" in hands
    assert "Ownmoeder" not in hands.split("De doelen")[0]  # engaged, not committed
    assert "1. Elke avond eet er iemand mee Owngrootmoeder Qwerv" in hands
    assert (
        "2. De kinderen weten wie ze kunnen bellen Niet gedekt: nog niemand doet iets "
        "voor dit doel." in hands
    )
    assert "1 doel is door niemand gedekt." in hands


def test_a_stale_contact_is_listed_with_its_weeks(client: WebClient) -> None:
    stale = section(client.get(CASE).text, "stale")
    assert "Contact te lang geleden" in stale
    assert "laatste 6 weken" in stale
    assert "Ownmoeder Zzyxa betrokken" in stale and "10 weken geleden" in stale
    assert "Ownbuurvrouw Plomp geëngageerd nooit" in stale
    assert "Owngrootmoeder" not in stale  # reached last week


def test_the_weeks_come_from_the_settings(store: GraphStore) -> None:
    build_case(store)
    app = create_app(Settings(store=store.describe(), stale_weeks=12), store=store)
    with TestClient(app, headers=HTML) as c:
        WebClient.sign_in(c, store, make_user(store, "werker", UserRole.worker, (OWN,)))  # type: ignore[arg-type]
        stale = section(c.get(CASE).text, "stale")
    assert "laatste 12 weken" in stale
    assert "Ownmoeder" not in stale and "Ownbuurvrouw Plomp" in stale


def test_balance_funnel_naming_and_scale_are_said_in_words(client: WebClient) -> None:
    page = client.get(CASE).text
    balance = section(page, "balance")
    assert "Wie draagt het netwerk?" in balance
    assert "Kant van mama 2" in balance and "Kant van papa 0" in balance
    assert "Informeel netwerk 1" in balance and "Professionals 0" in balance
    assert "Er is nog geen onbetaalde volwassene" not in balance
    assert "0 professionals, 3 volwassenen die helpen" in balance
    funnel = section(page, "funnel")
    assert "genoemd 3 0 0" in funnel and "geëngageerd 2 2 0" in funnel
    assert "hier haken de meesten af" not in funnel  # nobody dropped out
    naming = section(page, "naming")
    assert "Wie bracht wie aan?" in naming
    assert "Owngrootmoeder Qwerv → bracht aan Ownbuurvrouw Plomp" in naming
    assert "Van 2 personen is niet genoteerd wie hen aanbracht." in naming
    scale = section(page, "scale")
    assert "Ownmoeder Zzyxa 4 (1 sep 2026) 6 (6 okt 2026) ↑ 2 hoger" in scale


def test_where_most_drop_out_is_marked_in_words(client: WebClient, store: GraphStore) -> None:
    store.set_role(role(OWN, "own-mum", engagement=Engagement.declined))
    funnel = section(client.get(CASE).text, "funnel")
    assert "hier haken de meesten af" in funnel
    assert "Niet meer onderweg: afgehaakt: 1." in funnel


def test_the_panel_speaks_english_too(client: WebClient, store: GraphStore) -> None:
    client.sign_in(store, make_user(store, "worker.en", UserRole.worker, (OWN,), lang="en"))
    page = client.get(CASE).text
    for said in (
        "How strong is the network?",
        "Ten hands and eyes: who, and for what",
        "Mum's side",
        "Dad's side",
        "Who brought in whom?",
        "Contact too long ago",
        "10 weeks ago",
        "Not covered: nobody does anything for this goal yet.",
        "up by 2",
    ):
        assert said in page, said


def test_the_case_page_links_to_plan_meetings_feedback_and_the_handout(
    client: WebClient,
) -> None:
    page = client.get(CASE).text
    nav = re.search(r'<nav class="case-links"(.*?)</nav>', page, re.S)
    assert nav is not None
    hrefs = re.findall(r'href="([^"]+)"', nav.group(1))
    assert hrefs == [
        f"{CASE}/plan",
        f"{CASE}/meetings",
        f"{CASE}/feedback",
        f"{CASE}/handout?lang=nl",
        f"{CASE}/handout?lang=nl&amp;format=pdf",
        f"{CASE}/handout?lang=en",
        f"{CASE}/handout?lang=en&amp;format=pdf",
    ]
    assert 'hreflang="en"' in nav.group(1)


def test_the_demo_case_shows_its_figures(store: GraphStore) -> None:
    from tenhands.demo.seed import seed_demo

    case_id = seed_demo(store)
    with WebClient.over(store) as c:
        c.sign_in(store, make_user(store, "werker", UserRole.worker, (case_id,)))
        page = c.get(f"/cases/{case_id}").text
    hands = section(page, "hands")
    assert "5 van 5 volwassenen engageren zich: het doel van dit dossier is bereikt" in hands
    assert "→" in section(page, "naming")


def test_the_panel_is_tables_and_lists_with_headings(client: WebClient) -> None:
    page = client.get(CASE).text
    panel = re.search(r'<section id="figures".*?</section>\s*</div>\s*</section>', page, re.S)
    assert panel is not None
    elements = parsed(panel.group(0))
    tags = [t for t, _ in elements.tags]
    assert "canvas" not in tags and "svg" not in tags
    assert tags.count("h3") == 6 and tags.count("table") >= 4
    assert tags.count("caption") == tags.count("table")
    headers = [a for t, a in elements.tags if t == "th"]
    assert all(a.get("scope") in ("col", "row") for a in headers)
    labelled = {a.get("id") for t, a in elements.tags if t == "h3"}
    for _, attrs in elements.tags:
        if "figure" in attrs.get("class", "").split():
            assert attrs.get("aria-labelledby") in labelled
