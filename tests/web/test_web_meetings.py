"""A case's meetings on the web: the list (who took part, the plan agreed, the next
review), recording and changing a meeting with messages at the fields and nothing
stored while anything is wrong, and who may."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from test_web_accessibility import parsed
from web_helpers import OTHER, OWN, WebClient, error_of, make_user, seed_cases

from tenhands.graph.model import AuditAction, Meeting, MeetingKind, Plan, UserRole
from tenhands.graph.store import GraphStore

LIST = f"/cases/{OWN}/meetings"
NEW = f"/cases/{OWN}/meetings/new"
MEETING: dict[str, object] = {
    "held_on": "2026-11-14",
    "kind": "family_group_conference",
    "attended": ["own-mum", "own-gran", "own-child"],
    "others": "coördinator\r\n\r\ntolk",
    "plan_version": "1",
    "next_review_on": "2026-12-12",
    "note": "In het buurthuis",
}


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    seed_cases(store)
    store.add_plan(Plan(case_id=OWN, version=1, agreed_on=date(2026, 11, 14)))
    with WebClient.over(store) as c:
        yield c


@pytest.fixture
def csrf(client: WebClient, store: GraphStore) -> str:
    return client.sign_in(store, make_user(store, "werker", UserRole.worker, (OWN,)))


def test_a_worker_records_a_meeting_and_sees_it_listed(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    form = client.get(NEW)
    assert form.status_code == 200
    for pid in ("own-child", "own-mum", "own-gran", "own-buur"):
        assert f'id="f-attended-{pid}"' in form.text
    assert "other-mum" not in form.text and "Othmoeder" not in form.text
    assert '<option value="1">versie 1, afgesproken op 14 nov 2026</option>' in form.text
    r = client.post_form(NEW, MEETING, csrf)
    assert r.status_code == 303
    (meeting,) = store.list_meetings(OWN)
    assert r.headers["location"] == f"{LIST}?done=meeting_added#meeting-{meeting.id}"
    assert meeting.held_on == date(2026, 11, 14)
    assert meeting.kind is MeetingKind.family_group_conference
    assert meeting.attended == ["own-mum", "own-gran", "own-child"]
    assert meeting.others == ["coördinator", "tolk"]
    assert (meeting.plan_version, meeting.next_review_on) == (1, date(2026, 12, 12))
    assert meeting.provenance.created_by == "werker"
    page = client.get(r.headers["location"])
    assert page.status_code == 200
    assert "Het overleg is genoteerd." in page.text
    row = re.search(rf'<tr id="meeting-{meeting.id}">(.*?)</tr>', page.text, re.S)
    assert row is not None
    for said in ("14 nov 2026", "familienetwerkberaad", "Ownmoeder Zzyxa", "Owngrootmoeder Qwerv"):
        assert said in row.group(1)
    assert "Ownkind Zzyxa" in row.group(1) and "coördinator" in row.group(1)
    assert f'href="/cases/{OWN}/plan?version=1"' in row.group(1)
    assert "12 dec 2026" in row.group(1) and "Ownbuurvrouw" not in row.group(1)
    assert f'href="/cases/{OWN}/feedback/new?meeting={meeting.id}"' in row.group(1)
    made = store.list_audit(actor="werker", action=AuditAction.create)
    assert ("meeting", meeting.id) in [(e.entity, e.entity_id) for e in made]


def test_a_wrong_meeting_is_said_at_its_fields_and_nothing_is_stored(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    bad = {
        **MEETING,
        "attended": ["own-mum", "other-mum"],
        "plan_version": "4",
        "next_review_on": "2026-11-01",
    }
    r = client.post_form(NEW, bad, csrf)
    assert r.status_code == 422
    assert store.list_meetings(OWN) == []
    assert error_of(r.text, "attended") == (
        "Iemand die aangevinkt is, zit niet in het netwerk van dit dossier."
    )
    assert error_of(r.text, "plan_version") == "Dit dossier heeft geen versie 4 van het plan."
    assert error_of(r.text, "next_review_on") == (
        "De volgende opvolging komt na het overleg, niet ervoor."
    )
    assert error_of(r.text, "held_on") == ""
    assert 'value="2026-11-14"' in r.text  # what was typed stays
    assert 'href="#f-attended"' in r.text  # the summary links to the field
    r = client.post_form(NEW, {**MEETING, "held_on": ""}, csrf)
    assert error_of(r.text, "held_on") == "Vul dit in."
    r = client.post_form(
        NEW, {**MEETING, "held_on": "gisteren", "next_review_on": "31/02/2027"}, csrf
    )
    assert error_of(r.text, "held_on").startswith("Schrijf de datum als dag/maand/jaar")
    assert error_of(r.text, "next_review_on").startswith("Deze datum bestaat niet")
    assert store.list_meetings(OWN) == []
    r = client.post_form(NEW, {**MEETING, "held_on": "14/11/2026", "plan_version": ""}, csrf)
    assert r.status_code == 303  # a date as people write it in Flanders
    (meeting,) = store.list_meetings(OWN)
    assert meeting.held_on == date(2026, 11, 14) and meeting.plan_version is None


def test_a_worker_changes_a_meeting(client: WebClient, store: GraphStore, csrf: str) -> None:
    stored = store.add_meeting(
        Meeting(case_id=OWN, held_on=date(2026, 10, 1), attended=["own-mum"], others=["tolk"])
    )
    url = f"/cases/{OWN}/meetings/{stored.id}/edit"
    page = client.get(url)
    assert page.status_code == 200
    assert re.search(r'id="f-attended-own-mum"[^>]*checked', page.text)
    assert not re.search(r'id="f-attended-own-gran"[^>]*checked', page.text)
    late = client.post_form(url, {**MEETING, "next_review_on": "2026-11-01"}, csrf)
    assert late.status_code == 422
    assert store.get_meeting(stored.id) == stored
    r = client.post_form(url, {**MEETING, "kind": "review", "attended": ["own-buur"]}, csrf)
    assert r.status_code == 303
    assert r.headers["location"] == f"{LIST}?done=meeting_saved#meeting-{stored.id}"
    changed = store.get_meeting(stored.id)
    assert (changed.kind, changed.attended) == (MeetingKind.review, ["own-buur"])
    assert changed.provenance.updated_by == "werker"
    assert "Het overleg is bewaard." in client.get(r.headers["location"]).text


def test_a_meeting_of_another_case_is_not_reached_through_this_one(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    theirs = store.add_meeting(Meeting(case_id=OTHER, held_on=date(2026, 10, 1)))
    assert client.get(f"/cases/{OWN}/meetings/{theirs.id}/edit").status_code == 404
    r = client.post_form(f"/cases/{OWN}/meetings/{theirs.id}/edit", MEETING, csrf)
    assert r.status_code == 404
    assert store.get_meeting(theirs.id) == theirs
    assert client.get(f"/cases/{OWN}/meetings/m-nobody/edit").status_code == 404


def test_someone_no_longer_in_the_network_is_not_named(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    stored = store.add_meeting(
        Meeting(case_id=OWN, held_on=date(2026, 10, 1), attended=["own-mum", "own-buur"])
    )
    store.remove_role(OWN, "own-buur")
    page = client.get(LIST).text
    assert "Ownmoeder Zzyxa" in page and "Ownbuurvrouw" not in page
    assert "en 1 persoon die niet meer in het netwerk zit" in page
    edit = f"/cases/{OWN}/meetings/{stored.id}/edit"
    form = client.get(edit).text
    assert "Ownbuurvrouw" not in form and "1 persoon die erbij was" in form
    r = client.post_form(edit, {**MEETING, "attended": ["own-gran"], "plan_version": ""}, csrf)
    assert r.status_code == 303  # who has left stays recorded, unnamed
    assert store.get_meeting(stored.id).attended == ["own-gran", "own-buur"]


def test_a_viewer_reads_the_meetings_but_cannot_record_one(
    client: WebClient, store: GraphStore
) -> None:
    csrf = client.sign_in(store, make_user(store, "kijker", UserRole.viewer, (OWN,)))
    store.add_meeting(Meeting(case_id=OWN, held_on=date(2026, 10, 1)))
    page = client.get(LIST)
    assert page.status_code == 200 and "1 okt 2026" in page.text
    assert "/meetings/new" not in page.text and "/edit" not in page.text
    for url in (NEW, f"/cases/{OWN}/meetings/{store.list_meetings(OWN)[0].id}/edit"):
        assert client.get(url).status_code == 403
    r = client.post_form(NEW, MEETING, csrf)
    assert r.status_code == 403 and "Uw rol laat dit niet toe." in r.text
    assert len(store.list_meetings(OWN)) == 1


def test_a_facilitator_records_a_meeting(client: WebClient, store: GraphStore) -> None:
    csrf = client.sign_in(store, make_user(store, "fac", UserRole.facilitator, (OWN,)))
    assert client.post_form(NEW, MEETING, csrf).status_code == 303
    assert len(store.list_meetings(OWN)) == 1


def test_another_cases_worker_and_a_form_without_token_are_refused(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    for url in (f"/cases/{OTHER}/meetings", f"/cases/{OTHER}/meetings/new"):
        r = client.get(url)
        assert r.status_code == 403 and "Dit dossier is u niet toegewezen." in r.text
    r = client.post_form(f"/cases/{OTHER}/meetings/new", {**MEETING, "attended": []}, csrf)
    assert r.status_code == 403
    assert client.post_form(NEW, MEETING, None).status_code == 403
    assert client.post_form(NEW, MEETING, "not-the-token").status_code == 403
    assert store.list_meetings(OWN) == [] and store.list_meetings(OTHER) == []


def test_only_a_browser_gets_the_list_page(client: WebClient, csrf: str) -> None:
    r = client.get(LIST, headers={"Accept": "application/json"})
    assert "text/html" not in r.headers.get("content-type", "")


@pytest.mark.parametrize("url", [LIST, NEW])
def test_the_meeting_pages_are_structured_and_labelled(
    client: WebClient, store: GraphStore, csrf: str, url: str
) -> None:
    store.add_meeting(Meeting(case_id=OWN, held_on=date(2026, 10, 1), attended=["own-mum"]))
    for address in (url, f"/cases/{OWN}/meetings/{store.list_meetings(OWN)[0].id}/edit"):
        page = parsed(client.get(address).text)
        assert page.title.strip().endswith("· TenHands") and len(page.h1) == 1, address
        ids = {attrs.get("id") for _, attrs in page.tags}
        labelled = {attrs.get("for") for tag, attrs in page.tags if tag == "label"}
        for tag, attrs in page.tags:
            if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
                assert attrs.get("id") in labelled, (address, attrs)
            for ref in attrs.get("aria-describedby", "").split():
                assert ref in ids, (address, ref)
        assert any(t == "caption" for t, _ in page.tags) or "new" in address or "edit" in address
