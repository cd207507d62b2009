"""The family's plan in the web pages: the plan page (three columns, the safety scale
over the versions, who does what by when), recording the next version (on its own page
and in meeting mode) with refusals said at their field and nothing stored, a task's
status between meetings, a person's tasks on their page, and who may do what."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from test_web_accessibility import parsed
from web_helpers import OTHER, OWN, WebClient, csrf_in, error_of, make_user, seed_cases

from tenhands.graph.model import (
    Engagement,
    Plan,
    Provenance,
    ScaleScore,
    Shared,
    Task,
    TaskOwner,
    TaskStatus,
    UserRole,
)
from tenhands.graph.plans import agree_plan
from tenhands.graph.store import GraphStore

PLAN = f"/cases/{OWN}/plan"
NEW = f"/cases/{OWN}/plan/new"
MEETING = f"/cases/{OWN}/meeting"
AGREED = date(2026, 10, 1)


def first_plan() -> Plan:
    return Plan(
        case_id=OWN,
        agreed_on=AGREED,
        review_on=date(2026, 11, 5),
        harm=["Ownschade vorig jaar"],
        worries=["Owngevaarzin: als mama moe is, blijft Ownkind alleen"],
        complicating_factors=["Ownmoeilijk: mama werkt 's nachts"],
        working_well=["Owngoed: oma kookt op woensdag"],
        existing_safety=["Ownveilig: de buurvrouw heeft een sleutel"],
        needs_to_happen=["Owndoel een: elke avond een volwassene", "Owndoel twee: een belkaart"],
        next_steps=["Ownstap: over vier weken samen kijken"],
        safety_scale=[
            ScaleScore(person_id="own-child", score=4, on=AGREED, note="Ownbang 's avonds"),
            ScaleScore(label="consulent", score=3, on=AGREED),
        ],
        tasks=[
            Task(
                id="k-halen",
                what="Ownkind halen op woensdag",
                who=["own-gran"],
                checked_by=["own-mum"],
                due=date(2026, 10, 28),
                needs=[1],
            ),
            Task(
                id="k-hulp",
                what="Ownthuisbegeleiding twee keer per week",
                owner=TaskOwner.professional,
                service="thuisbegeleiding",
                needs=[2],
            ),
        ],
        provenance=Provenance(created_by="worker.plan"),
    )


def good_post(**changes: Any) -> dict[str, Any]:
    """A whole plan form as a browser posts it: version 1's lines, its first task kept
    and marked done, its professional help kept, a new task for the neighbour, scores."""
    data: dict[str, Any] = {
        "harm": "Ownschade vorig jaar",
        "worries": "Owngevaarzin: als mama moe is, blijft Ownkind alleen\n\n",
        "complicating_factors": "",
        "working_well": "Owngoed: oma kookt op woensdag\nOwngoed: de buurvrouw helpt",
        "existing_safety": "",
        "needs_to_happen": "Owndoel een: elke avond een volwassene\nOwndoel twee: een belkaart",
        "next_steps": "",
        "agreed_on": "2026-11-05",
        "review_on": "03/12/2026",
        "task-0-id": "k-halen",
        "task-0-what": "Ownkind halen op woensdag",
        "task-0-who": ["own-gran"],
        "task-0-checked_by": ["own-mum"],
        "task-0-due": "2026-10-28",
        "task-0-owner": "network",
        "task-0-needs": "1",
        "task-0-status": "done",
        "task-1-id": "k-hulp",
        "task-1-what": "Ownthuisbegeleiding twee keer per week",
        "task-1-owner": "professional",
        "task-1-service": "thuisbegeleiding",
        "task-1-needs": "2",
        "task-1-status": "agreed",
        "task-2-id": "",
        "task-2-what": "Ownbuurvrouw belt elke avond om acht uur",
        "task-2-who": ["own-buur"],
        "task-2-checked_by": ["own-gran"],
        "task-2-owner": "network",
        "task-2-needs": "1, 2",
        "task-2-status": "agreed",
        "task-3-id": "",
        "task-3-what": "",
        "task-3-owner": "network",
        "task-3-status": "agreed",
        "scale-0-person": "own-child",
        "scale-0-score": "6",
        "scale-0-note": "Ownminder bang",
        "scale-1-person": "own-mum",
        "scale-1-score": "",
        "scale-2-label": "consulent",
        "scale-2-score": "5",
        "scale-3-label": "",
        "scale-3-score": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    seed_cases(store)
    with WebClient.over(store) as c:
        yield c


@pytest.fixture
def planned(store: GraphStore) -> Plan:
    return agree_plan(store, first_plan())


def as_role(client: WebClient, store: GraphStore, role: UserRole, *cases: str) -> str:
    user = make_user(store, f"{role.value}.plan", role, cases or (OWN,))
    return client.sign_in(store, user)


def text_of(page: str) -> str:
    """A page's text, tags dropped and spaces joined (for phrases that cross tags)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def plans(store: GraphStore) -> list[Plan]:
    return store.list_plans(OWN)


# -- the plan page --------------------------------------------------------------------


def test_the_plan_page_shows_the_three_columns_the_scale_and_the_tasks(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    as_role(client, store, UserRole.worker)
    r = client.get(PLAN)
    assert r.status_code == 200
    page = text_of(r.text)
    for heading in (
        "Het plan: versie 1",
        "Waar maken we ons zorgen over?",
        "Wat loopt er goed?",
        "Wat moet er gebeuren?",
        "Gevaarzinnen",
        "Veiligheidsschaal",
        "Wie doet wat tegen wanneer?",
        "Wat de familie en het netwerk zelf doen",
        "Professionele hulp die we vragen",
    ):
        assert heading in page, heading
    for line in ("Ownschade vorig jaar", "Owngevaarzin", "Ownmoeilijk", "Owngoed", "Ownveilig"):
        assert line in page
    assert '<li id="goal-2">Owndoel twee: een belkaart</li>' in r.text
    own, professional = r.text.split("Professionele hulp die we vragen")
    assert "Ownkind halen op woensdag" in own and "Ownthuisbegeleiding" not in own
    assert "Ownthuisbegeleiding" in professional and "thuisbegeleiding" in professional
    task = re.search(r'<li class="task" id="task-k-halen">.*?</li>', r.text, re.S)
    assert task is not None
    said = text_of(task.group(0))
    assert "Wie Owngrootmoeder Qwerv" in said  # display names, as on the case page
    assert "Wie kijkt na Ownmoeder Zzyxa" in said
    assert "Tegen wanneer 28 okt 2026" in said
    assert "doel 1" in said and 'href="#goal-1"' in task.group(0)
    assert "afgesproken" in said
    scale = re.search(r'<table class="table scale">.*?</table>', r.text, re.S)
    assert scale is not None
    rows = text_of(scale.group(0))
    assert "Versie 1 1 okt 2026" in rows
    assert "Ownkind Zzyxa 4" in rows and "consulent 3" in rows and "Ownbang 's avonds" in rows
    assert 'width="40"' in scale.group(0)  # the bar of a 4 out of 10
    assert "Afgesproken op 1 okt 2026." in page and "Volgende bespreking: 5 nov 2026." in page
    versions = text_of(r.text.split('id="versions"')[1])
    assert "Versie 1 · afgesproken op 1 okt 2026 · genoteerd door Worker.Plan" in versions
    assert 'action="/cases/c-own/plan/1/tasks/k-halen/status"' in r.text
    assert 'href="/cases/c-own/plan/new"' in r.text


def test_the_plan_page_before_any_plan(client: WebClient, store: GraphStore) -> None:
    as_role(client, store, UserRole.worker)
    r = client.get(PLAN)
    assert r.status_code == 200
    assert "Er is nog geen plan." in r.text and "Het eerste plan noteren" in r.text
    form = client.get(NEW)
    assert form.status_code == 200 and "Het plan noteren: versie 1" in form.text


def test_an_earlier_version_is_shown_read_only_with_the_list_of_versions(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    as_role(client, store, UserRole.worker)
    second = first_plan().model_copy(
        update={
            "id": "n-second",
            "agreed_on": date(2026, 11, 5),
            "worries": ["Owntweede gevaarzin"],
            "safety_scale": [ScaleScore(person_id="own-child", score=7, on=date(2026, 11, 5))],
        }
    )
    agree_plan(store, second)
    current = client.get(PLAN)
    assert "Het plan: versie 2" in text_of(current.text) and "Owntweede gevaarzin" in current.text
    scale = text_of(current.text.split('class="table scale"')[1].split("</table>")[0])
    assert "Ownkind Zzyxa 4" in scale and "7" in scale and "Versie 2" in scale  # over time
    assert "geen score" in scale  # the consulent did not score in version 2

    earlier = client.get(f"{PLAN}?version=1")
    assert earlier.status_code == 200
    said = text_of(earlier.text)
    assert "Het plan: versie 1" in said and "eerdere versie" in said
    assert "Dit is een eerdere versie van het plan" in said
    assert "Owngevaarzin" in said and "Owntweede gevaarzin" not in said
    assert "/status" not in earlier.text  # no status forms on an earlier version
    assert f'<a href="{PLAN}?version=1" aria-current="page">' in earlier.text
    old_scale = earlier.text.split('class="table scale"')[1].split("</table>")[0]
    assert "Versie 2" not in text_of(old_scale)
    assert client.get(f"{PLAN}?version=9").status_code == 404
    assert client.get(f"{PLAN}?version=nul").status_code == 404


# -- the form -------------------------------------------------------------------------


def test_the_form_starts_from_the_current_version(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    as_role(client, store, UserRole.worker)
    r = client.get(NEW)
    assert r.status_code == 200
    assert "Het plan noteren: versie 2" in r.text
    worries = re.search(r'<textarea id="f-worries"[^>]*>(.*?)</textarea>', r.text, re.S)
    assert worries is not None and "Owngevaarzin" in worries.group(1)
    goals = re.search(r'<textarea id="f-needs_to_happen"[^>]*>(.*?)</textarea>', r.text, re.S)
    assert goals is not None and goals.group(1).count("\n") == 1
    assert 'name="task-0-id" value="k-halen"' in r.text
    assert re.search(r'id="f-task-0-what" name="task-0-what" [^>]*value="Ownkind halen', r.text)
    assert chosen(r.text, "task-0-who") == ["own-gran"]
    assert chosen(r.text, "task-0-checked_by") == ["own-mum"]
    assert re.search(r'id="f-task-0-needs" name="task-0-needs" type="text" value="1"', r.text)
    assert re.search(r'id="f-task-0-due" name="task-0-due" type="date" value="2026-10-28"', r.text)
    assert re.search(r'<option value="professional" selected>', r.text)  # the second task
    assert 'name="task-4-id" value=""' in r.text  # blank rows follow the two tasks
    assert 'name="task-5-id"' not in r.text
    assert re.search(r'<details class="task-row" id="task-row-0">', r.text)  # folded
    assert re.search(r'<details class="task-row" id="task-row-2" open>', r.text)
    # a scale row per participant, empty, with last time's score; the label kept
    assert 'value="own-child"' in r.text and "vorige keer: 4 (1 okt 2026)" in r.text
    assert re.search(r'name="scale-\d+-label" [^>]*value="consulent"', r.text)
    assert 'value="own-mum"' in r.text and 'value="own-buur"' in r.text
    assert re.search(r'name="agreed_on" type="date" value="\d{4}-\d\d-\d\d"', r.text)


def test_a_good_post_stores_the_next_version_and_leaves_the_earlier_one(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    csrf = as_role(client, store, UserRole.worker)
    before = plans(store)[0].model_dump()
    r = client.post_form(NEW, good_post(), csrf)
    assert r.status_code == 303, error_summary(r.text)
    assert r.headers["location"] == f"{PLAN}?done=plan_agreed"
    first, second = plans(store)
    assert first.model_dump() == before  # version 1 as it was agreed
    assert second.version == 2 and second.id != first.id
    assert second.provenance.created_by == "worker.plan"
    assert second.agreed_on == date(2026, 11, 5) and second.review_on == date(2026, 12, 3)
    assert second.worries == ["Owngevaarzin: als mama moe is, blijft Ownkind alleen"]
    assert second.working_well[1] == "Owngoed: de buurvrouw helpt"
    assert second.complicating_factors == []
    kept, help_, new = second.tasks
    assert (kept.id, kept.status, kept.due) == ("k-halen", TaskStatus.done, date(2026, 10, 28))
    assert (help_.owner, help_.service) == (TaskOwner.professional, "thuisbegeleiding")
    assert help_.who == []
    assert new.who == ["own-buur"] and new.checked_by == ["own-gran"] and new.needs == [1, 2]
    assert new.id not in ("k-halen", "k-hulp")
    assert [(s.person_id, s.label, s.score, s.on) for s in second.safety_scale] == [
        ("own-child", None, 6, date(2026, 11, 5)),
        (None, "consulent", 5, date(2026, 11, 5)),
    ]
    page = client.get(r.headers["location"])
    assert "Het plan is bewaard als nieuwe versie." in page.text
    assert "Ownbuurvrouw belt elke avond" in page.text
    # the maps draw the current version's tasks
    wall = client.get(f"/cases/{OWN}/map?view=ecomap&mode=projection&lang=nl")
    assert "Ownbuurvrouw belt elke avond om acht uur" in wall.text


def chosen(page: str, name: str) -> list[str]:
    """The persons chosen in a person picker of the form (its list's selected options)."""
    found = re.search(
        rf'<select id="f-{name}" name="{name}" multiple[^>]*>(.*?)</select>', page, re.S
    )
    assert found is not None, name
    return re.findall(r'<option value="([^"]+)" selected>', found.group(1))


def offered(page: str, name: str) -> list[str]:
    """The persons a person picker of the form offers (chosen or not)."""
    found = re.search(
        rf'<select id="f-{name}" name="{name}" multiple[^>]*>(.*?)</select>', page, re.S
    )
    assert found is not None, name
    return re.findall(r'<option value="([^"]+)"', found.group(1))


def error_summary(page: str) -> str:
    found = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    return text_of(found.group(0)) if found else ""


def test_refusals_are_said_at_their_fields_and_nothing_is_stored(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    csrf = as_role(client, store, UserRole.worker)
    bad = good_post(
        **{
            "task-0-who": ["own-gran", "other-mum"],  # someone of another case
            "task-2-who": [],  # a task of the network with nobody
            "task-3-what": "Ownzonder iemand",
            "task-3-needs": "3",  # the plan has two goals
            "task-3-who": ["own-mum"],
            "task-1-service": "",  # professional help naming no service
            "scale-0-score": "11",
            "scale-2-label": "",  # a score without whose it is
            "task-0-due": "morgen",
        }
    )
    r = client.post_form(NEW, bad, csrf)
    assert r.status_code == 422
    assert len(plans(store)) == 1
    assert error_of(r.text, "task-0-who") == (
        "Iemand die hier gekozen is, hoort niet bij het netwerk van dit dossier: kies opnieuw."
    )
    assert error_of(r.text, "task-2-who").startswith("Vink aan wie het doet")
    assert error_of(r.text, "task-3-needs").startswith("Het plan heeft 2 doelen")
    assert error_of(r.text, "task-1-service").startswith("Schrijf welke dienst")
    assert error_of(r.text, "scale-0-score") == "Kies een score van 0 tot 10."
    assert error_of(r.text, "scale-2-label").startswith("Schrijf van wie deze score is")
    assert error_of(r.text, "task-0-due").startswith("Schrijf de datum als dag/maand/jaar")
    assert error_of(r.text, "task-0-what") == ""
    assert "Er werd niets bewaard: verbeter wat aangeduid is." in r.text
    assert 'href="#f-task-2-who"' in r.text  # the summary leads to the field
    who = re.search(r'<select id="f-task-2-who"[^>]*>', r.text)
    assert who is not None and 'aria-invalid="true"' in who.group(0)
    assert "f-task-2-who-error" in who.group(0)
    assert 'value="Ownbuurvrouw belt elke avond om acht uur"' in r.text  # what was typed stays
    assert re.search(r'id="f-task-0-due" name="task-0-due" type="date" value="morgen"', r.text)
    assert 'value="other-mum"' not in r.text and "Othmoeder" not in r.text
    assert re.search(r'<details class="task-row" id="task-row-0" open>', r.text)


def test_a_goal_number_needs_goals_and_a_blank_form_stores_an_empty_plan(
    client: WebClient, store: GraphStore
) -> None:
    csrf = as_role(client, store, UserRole.facilitator)
    r = client.post_form(
        NEW, {"task-0-what": "Owntaak", "task-0-who": "own-gran", "task-0-needs": "1, x"}, csrf
    )
    assert error_of(r.text, "task-0-needs").startswith("Schrijf de nummers van de doelen")
    r = client.post_form(
        NEW, {"task-0-what": "Owntaak", "task-0-who": "own-gran", "task-0-needs": "1"}, csrf
    )
    assert error_of(r.text, "task-0-needs").startswith("Het plan heeft nog geen doelen")
    r = client.post_form(NEW, {"agreed_on": "2026-11-05", "review_on": "2026-11-01"}, csrf)
    assert error_of(r.text, "review_on").startswith("De bespreking komt na de dag")
    assert plans(store) == []
    r = client.post_form(NEW, {"worries": "Ownzorg", "agreed_on": ""}, csrf)
    assert r.status_code == 303
    (plan,) = plans(store)
    assert plan.worries == ["Ownzorg"] and plan.agreed_on is None and plan.tasks == []


# -- who may ----------------------------------------------------------------------------


def test_a_viewer_reads_the_plan_but_records_nothing(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    csrf = as_role(client, store, UserRole.viewer)
    page = client.get(PLAN)
    assert page.status_code == 200 and "Ownkind halen op woensdag" in page.text
    assert "/plan/new" not in page.text and "/status" not in page.text
    assert 'id="plan-panel"' not in client.get(MEETING).text
    for refused in (
        client.get(NEW),
        client.post_form(NEW, good_post(), csrf),
        client.post_form(f"{PLAN}/1/tasks/k-halen/status", {"status": "done"}, csrf),
    ):
        assert refused.status_code == 403
        assert "Uw rol laat dit niet toe." in refused.text
    assert len(plans(store)) == 1 and plans(store)[0].task("k-halen").status is TaskStatus.agreed


def test_a_worker_of_another_case_is_refused(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    csrf = as_role(client, store, UserRole.worker, OTHER)
    for url in (PLAN, NEW, f"{PLAN}?version=1"):
        r = client.get(url)
        assert r.status_code == 403 and "Dit dossier is u niet toegewezen." in r.text, url
        assert "Ownkind" not in r.text
    assert client.post_form(NEW, good_post(), csrf).status_code == 403
    status = client.post_form(f"{PLAN}/1/tasks/k-halen/status", {"status": "done"}, csrf)
    assert status.status_code == 403
    assert len(plans(store)) == 1 and plans(store)[0].task("k-halen").status is TaskStatus.agreed


def test_a_post_without_its_form_token_is_refused(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    as_role(client, store, UserRole.worker)
    for token in (None, "not-the-token"):
        r = client.post_form(NEW, good_post(), token)
        assert r.status_code == 403
        assert "Het formulier is verouderd of kwam van een andere site" in r.text
        status = client.post_form(f"{PLAN}/1/tasks/k-halen/status", {"status": "done"}, token)
        assert status.status_code == 403
    assert len(plans(store)) == 1 and plans(store)[0].task("k-halen").status is TaskStatus.agreed


# -- between meetings --------------------------------------------------------------------


def test_a_tasks_status_changes_on_the_current_version_only(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    csrf = as_role(client, store, UserRole.facilitator)
    url = f"{PLAN}/1/tasks/k-halen/status"
    r = client.post_form(url, {"status": "not_done", "note": "Ownoma was ziek"}, csrf)
    assert r.status_code == 303
    assert r.headers["location"] == f"{PLAN}?done=task_status#task-k-halen"
    task = plans(store)[0].task("k-halen")
    assert (task.status, task.note) == (TaskStatus.not_done, "Ownoma was ziek")
    assert plans(store)[0].provenance.updated_by == "facilitator.plan"
    page = client.get(r.headers["location"]).text
    assert "De stand van zaken van de taak is bewaard." in page
    assert re.search(r'<option value="not_done" selected>', page)
    assert 'value="Ownoma was ziek"' in page

    assert client.post_form(url, {"status": "finished"}, csrf).status_code == 422
    for unknown in ("1/tasks/k-nothing", "7/tasks/k-halen"):
        r = client.post_form(f"{PLAN}/{unknown}/status", {"status": "done"}, csrf)
        assert r.status_code == 404

    agree_plan(store, first_plan().model_copy(update={"id": "n-second"}))
    earlier = client.post_form(url, {"status": "done"}, csrf)
    assert earlier.status_code == 409
    assert "een eerdere versie blijft zoals ze werd afgesproken" in earlier.text
    assert plans(store)[0].task("k-halen").status is TaskStatus.not_done
    assert plans(store)[1].task("k-halen").status is TaskStatus.agreed


# -- meeting mode ------------------------------------------------------------------------


def test_the_facilitator_records_the_plan_in_meeting_mode(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    csrf = as_role(client, store, UserRole.facilitator)
    page = client.get(MEETING)
    assert page.status_code == 200
    panel = re.search(r'<section class="plan-panel" id="plan-panel"[^>]*>', page.text)
    assert panel is not None and "hidden" in panel.group(0)  # closed until asked for
    assert 'aria-controls="plan-panel" aria-expanded="false"' in page.text
    assert 'name="from" value="meeting"' in page.text
    assert 'id="f-task-0-what"' in page.text
    opened = client.get(f"{MEETING}?plan=open")
    panel = re.search(r'<section class="plan-panel" id="plan-panel"[^>]*>', opened.text)
    assert panel is not None and "hidden" not in panel.group(0)

    wrong = good_post(**{"task-2-who": [], "from": "meeting", "view": "genogram", "mode": "family"})
    r = client.post_form(NEW, wrong, csrf)
    assert r.status_code == 422
    assert "Overlegmodus" in r.text and 'class="meeting-bar"' in r.text  # still the wall
    panel = re.search(r'<section class="plan-panel" id="plan-panel"[^>]*>', r.text)
    assert panel is not None and "hidden" not in panel.group(0)
    assert error_of(r.text, "task-2-who").startswith("Vink aan wie het doet")
    shown = re.findall(r'<iframe[^>]*\ssrc="([^"]+)"', r.text)
    assert shown == [f"/cases/{OWN}/map?view=genogram&amp;mode=family&amp;lang=nl"]
    assert len(plans(store)) == 1

    good = good_post(
        **{"from": "meeting", "view": "genogram", "mode": "family", "present": ["own-child"]}
    )
    r = client.post_form(NEW, good, csrf)
    assert r.status_code == 303
    assert r.headers["location"] == f"{MEETING}?view=genogram&mode=family&done=plan_agreed"
    assert len(plans(store)) == 2
    back = client.get(r.headers["location"])
    assert "Het plan is bewaard als nieuwe versie. De kaart toont de taken" in back.text
    assert "Het plan noteren: versie 3" in back.text

    chosen = good_post(
        **{"from": "meeting", "view": "ecomap", "mode": "projection", "present": ["own-child"]}
    )
    r = client.post_form(NEW, chosen, csrf)  # back in projection, as the facilitator chose
    assert r.headers["location"] == f"{MEETING}?view=ecomap&mode=projection&done=plan_agreed"
    for said in ("work", ""):  # never the worker's map, and the safest when not said
        again = good_post(**{"from": "meeting", "mode": said, "present": ["own-child"]})
        r = client.post_form(NEW, again, csrf)
        assert r.headers["location"] == f"{MEETING}?view=ecomap&mode=family&done=plan_agreed"
    assert len(plans(store)) == 5


def test_the_wall_names_only_who_a_family_map_shows(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    buur = store.get_role(OWN, "own-buur")
    store.set_role(buur.model_copy(update={"confidential": True}))
    mum = store.get_role(OWN, "own-mum")
    store.set_role(mum.model_copy(update={"engagement": Engagement.no_contact}))
    plan = first_plan().model_copy(update={"id": "n-second"})
    plan.tasks[0] = plan.tasks[0].model_copy(update={"who": ["own-gran", "own-buur"]})
    agree_plan(store, plan)
    as_role(client, store, UserRole.facilitator)
    wall = client.get(MEETING).text
    assert "Ownbuurvrouw" not in wall and "Ownmoeder" not in wall
    assert '<input type="hidden" name="task-0-who" value="own-buur">' in wall
    assert '<input type="hidden" name="task-0-checked_by" value="own-mum">' in wall
    assert "Ook 1 persoon die niet getoond wordt op het overleg." in wall
    assert 'value="own-buur"' in wall and 'name="scale-' in wall
    assert not re.search(r'name="scale-\d+-person" value="own-(buur|mum)"', wall)
    worker_form = client.get(NEW).text  # off the wall, everyone is named
    assert "Ownbuurvrouw" in worker_form and "Ownmoeder" in worker_form


# -- one person --------------------------------------------------------------------------


def test_a_persons_page_lists_their_tasks_and_their_agreed_role(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    csrf = as_role(client, store, UserRole.worker)
    gran = client.get(f"/cases/{OWN}/persons/own-gran/edit")
    said = text_of(gran.text)
    assert "Owngrootmoeder Qwerv in het plan" in said
    assert "Doet Ownkind halen op woensdag · tegen 28 okt 2026 · afgesproken" in said
    mum = text_of(client.get(f"/cases/{OWN}/persons/own-mum/edit").text)
    assert "Kijkt na of het gebeurt Ownkind halen op woensdag" in mum
    buur = text_of(client.get(f"/cases/{OWN}/persons/own-buur/edit").text)
    assert "Geen taken in het huidige plan (versie 1)." in buur

    data = {
        "given_names": "Ownbuurvrouw",
        "surname": "Plomp",
        "sex": "female",
        "engagement": "committed",
        "agreed_role": "Vangnet als mama ziek is",
        "shares": ["phone", "email"],
    }
    r = client.post_form(f"/cases/{OWN}/persons/own-buur/edit", data, csrf)
    assert r.status_code == 303
    role = store.get_role(OWN, "own-buur")
    assert role.agreed_role == "Vangnet als mama ziek is"
    assert role.shares == {Shared.phone, Shared.email}
    form = client.get(f"/cases/{OWN}/persons/own-buur/edit").text
    assert 'value="Vangnet als mama ziek is"' in form
    assert re.search(r'id="f-shares-phone"[^>]* checked', form)
    assert not re.search(r'id="f-shares-address"[^>]* checked', form)
    r = client.post_form(f"/cases/{OWN}/persons/own-buur/edit", {**data, "shares": ["fax"]}, csrf)
    assert r.status_code == 422 and error_of(r.text, "shares") == "Kies een van de mogelijkheden."


# -- for everyone ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [PLAN, f"{PLAN}?version=1", NEW, f"{MEETING}?plan=open", f"/cases/{OWN}/persons/own-gran/edit"],
)
def test_the_plan_pages_are_structured_and_labelled(
    client: WebClient, store: GraphStore, planned: Plan, url: str
) -> None:
    as_role(client, store, UserRole.worker)
    r = client.get(url)
    assert r.status_code == 200
    assert_structured(r.text, url)


def test_a_refused_plan_form_is_structured_and_labelled(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    csrf = as_role(client, store, UserRole.worker)
    r = client.post_form(NEW, good_post(**{"task-2-who": [], "scale-0-score": "12"}), csrf)
    assert_structured(r.text, "refused")
    page = parsed(r.text)
    summary = next(a for _, a in page.tags if "error-summary" in a.get("class", ""))
    assert summary.get("role") == "alert"
    score = next(a for _, a in page.tags if a.get("id") == "f-scale-0-score")
    assert score.get("aria-invalid") == "true"
    assert "f-scale-0-score-error" in score["aria-describedby"].split()


def assert_structured(text: str, url: str) -> None:
    """As test_web_accessibility checks every page: a title, one h1, a label for every
    field, framed maps with a title, references that exist; and no id twice."""
    page = parsed(text)
    assert page.title.strip().endswith("· TenHands"), url
    assert len(page.h1) == 1 and page.h1[0].strip(), url
    ids = [attrs["id"] for _, attrs in page.tags if attrs.get("id")]
    assert len(ids) == len(set(ids)), (url, [i for i in ids if ids.count(i) > 1][:5])
    labelled = {attrs.get("for") for tag, attrs in page.tags if tag == "label"}
    for tag, attrs in page.tags:
        if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            assert attrs.get("id") in labelled, (url, tag, attrs)
        if tag == "iframe":
            assert attrs.get("title"), url
        for ref in attrs.get("aria-describedby", "").split():
            assert ref in ids, (url, ref)
        if attrs.get("aria-controls"):
            assert attrs["aria-controls"] in ids, url


def test_the_plan_pages_need_nothing_from_outside(
    client: WebClient, store: GraphStore, planned: Plan
) -> None:
    as_role(client, store, UserRole.facilitator)
    for url in (PLAN, NEW, f"{MEETING}?plan=open"):
        page = client.get(url).text
        for ref in re.findall(r'(?:src|href|action|data-src)="([^"]*)"', page):
            assert ref.startswith(("/", "?", "#", "data:image/svg+xml,")), (url, ref)
        assert "<script>" not in page and "style=" not in page, url
    assert csrf_in(client.get(NEW).text)
