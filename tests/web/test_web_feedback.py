"""The family's feedback on the web: the short tablet form (anonymous, one statement a
row, five big choices), a thank-you page that shows nothing back, the case's list for its
workers, and the organisation's summary for admins with averages only on five answers
or more."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date

import pytest
from test_web_accessibility import parsed
from web_helpers import OTHER, OWN, WebClient, error_of, make_user, seed_cases

from tenhands.graph.model import Feedback, Meeting, Question, Respondent, UserRole
from tenhands.graph.store import GraphStore

NEW = f"/cases/{OWN}/feedback/new"
LIST = f"/cases/{OWN}/feedback"
COMMENT = "Fijn dat oma Qwerv erbij was"
ANSWERS: dict[str, object] = {
    "respondent": "parent",
    "answer_heard": "4",
    "answer_own_plan": "5",
    "answer_clear": "",
    "answer_respected": "2",
    "comment": COMMENT,
}


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    seed_cases(store)
    with WebClient.over(store) as c:
        yield c


@pytest.fixture
def meeting(store: GraphStore) -> Meeting:
    return store.add_meeting(Meeting(case_id=OWN, held_on=date(2026, 11, 14)))


@pytest.fixture
def csrf(client: WebClient, store: GraphStore) -> str:
    return client.sign_in(store, make_user(store, "werker", UserRole.worker, (OWN,)))


def feedback_of(store: GraphStore, case_id: str = OWN) -> list[Feedback]:
    return store.list_feedback(case_id=case_id)


def test_the_form_is_short_anonymous_and_made_for_a_tablet(
    client: WebClient, store: GraphStore, csrf: str, meeting: Meeting
) -> None:
    r = client.get(f"{NEW}?meeting={meeting.id}")
    assert r.status_code == 200
    assert 'class="page tablet"' in r.text
    assert "Over het overleg van 14 nov 2026 (netwerkoverleg)." in r.text
    for statement in (
        "Er werd naar ons geluisterd.",
        "Het plan is ons eigen plan.",
        "We weten wie wat doet, en wat er nu gebeurt.",
        "We werden met respect behandeld.",
        "Ons netwerk is sterker dan vroeger.",
    ):
        assert f"<legend>{statement}</legend>" in r.text
    page = parsed(r.text)
    radios = [a for t, a in page.tags if t == "input" and a.get("type") == "radio"]
    for question in Question:
        values = [a["value"] for a in radios if a["name"] == f"answer_{question.value}"]
        assert values == ["1", "2", "3", "4", "5", ""]
    assert {a["value"] for a in radios if a["name"] == "respondent"} == {
        r.value for r in Respondent
    }
    assert "helemaal niet" in r.text and "helemaal wel" in r.text  # words at the ends
    named = {a.get("name") for t, a in page.tags if t in ("input", "textarea", "select")}
    assert named == {"csrf_token", "next", "respondent", "comment"} | {
        f"answer_{q.value}" for q in Question
    }  # no name field
    assert 'href="/cases"' not in r.text and "/logout" not in r.text  # no way to other cases


def test_an_answer_is_stored_and_the_thank_you_page_shows_nothing_back(
    client: WebClient,
    store: GraphStore,
    csrf: str,
    meeting: Meeting,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="tenhands")  # the service's own logs
    r = client.post_form(f"{NEW}?meeting={meeting.id}", ANSWERS, csrf)
    assert r.status_code == 303
    assert r.headers["location"] == f"/cases/{OWN}/feedback/thanks?meeting={meeting.id}"
    (stored,) = feedback_of(store)
    assert stored.meeting_id == meeting.id and stored.given_on == date.today()
    assert stored.respondent is Respondent.parent
    assert stored.answers == {Question.heard: 4, Question.own_plan: 5, Question.respected: 2}
    assert stored.comment == COMMENT
    thanks = client.get(r.headers["location"])
    assert thanks.status_code == 200 and "Dank u wel!" in thanks.text
    assert COMMENT not in thanks.text and "een ouder" not in thanks.text
    assert "van 5" not in thanks.text and "checked" not in thanks.text
    assert f'href="{NEW}?meeting={meeting.id}"' in thanks.text  # the next person
    assert COMMENT not in caplog.text and "Qwerv" not in caplog.text


def test_a_form_without_who_or_answers_stores_nothing_and_says_why(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    r = client.post_form(NEW, {"respondent": "", "comment": "x" * 501}, csrf)
    assert r.status_code == 422
    assert error_of(r.text, "respondent") == "Kies wie u bent."
    assert error_of(r.text, "answers") == "Antwoord op minstens één zin."
    assert error_of(r.text, "comment") == "Hoogstens 500 tekens."
    r = client.post_form(NEW, {**ANSWERS, "answer_heard": "7", "respondent": "buurman"}, csrf)
    assert error_of(r.text, "answer_heard") == "Kies een van de mogelijkheden."
    assert error_of(r.text, "respondent") == "Kies een van de mogelijkheden."
    assert feedback_of(store) == []
    field = re.search(r'<fieldset id="f-answer_heard"[^>]*>', r.text)
    assert field is not None and 'aria-invalid="true"' in field.group(0)


def test_a_meeting_of_another_case_is_refused(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    theirs = store.add_meeting(Meeting(case_id=OTHER, held_on=date(2026, 11, 14)))
    assert client.get(f"{NEW}?meeting={theirs.id}").status_code == 404
    assert client.post_form(f"{NEW}?meeting={theirs.id}", ANSWERS, csrf).status_code == 404
    assert feedback_of(store) == [] and feedback_of(store, OTHER) == []


def test_who_may_hand_out_the_form(client: WebClient, store: GraphStore) -> None:
    csrf = client.sign_in(store, make_user(store, "kijker", UserRole.viewer, (OWN,)))
    assert client.get(NEW).status_code == 403
    assert client.post_form(NEW, ANSWERS, csrf).status_code == 403
    assert client.get(LIST).status_code == 200  # a viewer reads the case's feedback
    csrf = client.sign_in(store, make_user(store, "fac", UserRole.facilitator, (OWN,)))
    assert client.post_form(f"/cases/{OTHER}/feedback/new", ANSWERS, csrf).status_code == 403
    assert client.get(f"/cases/{OTHER}/feedback").status_code == 403
    assert client.post_form(NEW, ANSWERS, None).status_code == 403  # no form token
    assert feedback_of(store) == [] and feedback_of(store, OTHER) == []
    assert client.post_form(NEW, ANSWERS, csrf).status_code == 303
    assert len(feedback_of(store)) == 1


def test_the_cases_workers_read_each_response(
    client: WebClient, store: GraphStore, csrf: str, meeting: Meeting
) -> None:
    store.add_feedback(
        Feedback(
            case_id=OWN,
            meeting_id=meeting.id,
            given_on=date(2026, 11, 14),
            respondent=Respondent.child,
            answers={Question.heard: 3, Question.stronger: 5},
            comment=COMMENT,
        )
    )
    store.add_feedback(
        Feedback(case_id=OTHER, given_on=date(2026, 11, 14), answers={Question.heard: 1})
    )
    r = client.get(LIST)
    assert r.status_code == 200
    row = re.search(r"<tbody>(.*?)</tbody>", r.text, re.S)
    assert row is not None
    for said in ("14 nov 2026", "een kind", "netwerkoverleg", COMMENT, "3 van 5", "5 van 5"):
        assert said in row.group(1), said
    assert "Er werd naar ons geluisterd." in row.group(1)
    assert "Ons netwerk is sterker dan vroeger." in row.group(1)
    assert row.group(1).count("<tr>") == 1  # not the other case's
    assert f'href="{NEW}"' in r.text


def _add(store: GraphStore, n: int, on: date, answer: int = 4) -> None:
    for i in range(n):
        store.add_feedback(
            Feedback(
                case_id=(OWN, OTHER)[i % 2],
                given_on=on,
                answers={Question.heard: answer + i % 2},
            )
        )


@pytest.mark.parametrize("role", [UserRole.worker, UserRole.facilitator, UserRole.viewer])
def test_only_admins_see_the_organisation_summary(
    client: WebClient, store: GraphStore, role: UserRole
) -> None:
    client.sign_in(store, make_user(store, f"{role.value}.x", role, (OWN, OTHER)))
    r = client.get("/feedback")
    assert r.status_code == 403 and "Uw rol laat dit niet toe." in r.text
    assert 'href="/feedback"' not in client.get("/cases").text  # not in their menu


def test_the_summary_hides_averages_below_five_answers(
    client: WebClient, store: GraphStore
) -> None:
    client.sign_in(store, make_user(store, "beheer", UserRole.admin))
    _add(store, 4, date(2026, 10, 1))
    r = client.get("/feedback")
    assert r.status_code == 200
    assert '<a href="/feedback" aria-current="page">Wat families vinden</a>' in r.text
    heard = re.search(r"Er werd naar ons geluisterd\.</th>(.*?)</tr>", r.text, re.S)
    assert heard is not None
    assert "te weinig antwoorden om te tonen (minstens 5 nodig)" in heard.group(1)
    assert "4,5" not in heard.group(1) and "4,4" not in heard.group(1)
    assert "minstens 5 antwoorden" in r.text  # the rule is said on the page
    _add(store, 1, date(2026, 11, 20))
    r = client.get("/feedback")
    heard = re.search(r"Er werd naar ons geluisterd\.</th>(.*?)</tr>", r.text, re.S)
    assert heard is not None
    cells = re.findall(r'<td class="num">([^<]*)</td>', heard.group(1))
    assert cells == ["5", "4,4", "0", "5"]  # answers 4, 5, 4, 5, 4
    assert "5 antwoorden" in r.text and "uit 2 dossiers" in r.text
    r = client.get("/feedback?since=2026-11-01")  # only the last one
    heard = re.search(r"Er werd naar ons geluisterd\.</th>(.*?)</tr>", r.text, re.S)
    assert heard is not None and "te weinig antwoorden" in heard.group(1)
    assert "Vanaf 1 nov 2026" in r.text
    r = client.get("/feedback?since=2026-10-01&until=2026-10-31")
    assert "Van 1 okt 2026 tot 31 okt 2026" in r.text and "4 antwoorden" in r.text


def test_the_summary_says_what_is_wrong_with_a_period(client: WebClient, store: GraphStore) -> None:
    client.sign_in(store, make_user(store, "beheer", UserRole.admin))
    r = client.get("/feedback?since=2026-11-01&until=2026-10-01")
    assert r.status_code == 422 and error_of(r.text, "until") == "'Tot' ligt vóór 'sinds'."
    r = client.get("/feedback?since=morgen")
    assert error_of(r.text, "since").startswith("Schrijf de datum als dag/maand/jaar")
    assert "Per zin" not in r.text  # no summary over a period that is not one


@pytest.mark.parametrize("url", [NEW, LIST, f"/cases/{OWN}/feedback/thanks", "/feedback"])
def test_the_feedback_pages_are_structured_and_labelled(
    client: WebClient, store: GraphStore, url: str
) -> None:
    client.sign_in(store, make_user(store, "beheer", UserRole.admin))
    _add(store, 6, date(2026, 10, 1))
    page = parsed(client.get(url).text)
    assert page.title.strip().endswith("· TenHands") and len(page.h1) == 1, url
    ids = {attrs.get("id") for _, attrs in page.tags}
    labelled = {attrs.get("for") for tag, attrs in page.tags if tag == "label"}
    for tag, attrs in page.tags:
        if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            assert attrs.get("id") in labelled, (url, attrs)
        for ref in attrs.get("aria-describedby", "").split():
            assert ref in ids, (url, ref)
