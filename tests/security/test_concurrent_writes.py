"""Writes users count on, made at the same moment by many requests (both stores): every
contact logged is kept, a candidate is accepted (and its acceptance undone) once, however
many reviewers press the button together."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from api_helpers import ApiClient
from httpx import Response
from review_api_helpers import seed_family

from tenhands.graph.model import AuditAction, ReviewStatus
from tenhands.graph.store import GraphStore

CONTACTS = 24
REVIEWERS = 6


@pytest.fixture
def client(store: GraphStore) -> Iterator[ApiClient]:
    seed_family(store)
    with ApiClient.over(store) as c:
        yield c


def together(n: int, request: Callable[[int], Response]) -> list[Response]:
    """``n`` requests sent from ``n`` threads at the same moment."""
    start = threading.Barrier(n)

    def one(k: int) -> Response:
        start.wait(10)
        return request(k)

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def test_every_contact_logged_at_once_is_kept(client: ApiClient, store: GraphStore) -> None:
    client.put_role("c1", "mum", engagement="contacted")
    answers = together(
        CONTACTS,
        lambda k: client.post(
            "/cases/c1/roles/mum/contacts",
            json={"at": f"2026-03-{1 + k:02d}T10:00:00+01:00", "note": f"gesprek {k}"},
        ),
    )
    assert [r.status_code for r in answers] == [201] * CONTACTS, answers[0].text
    role = store.get_role("c1", "mum")
    assert sorted(c.note or "" for c in role.contacts) == sorted(
        f"gesprek {k}" for k in range(CONTACTS)
    )
    assert [c.at for c in role.contacts] == sorted(c.at for c in role.contacts)
    assert role.last_contact == role.contacts[-1].at
    assert role.engagement.value == "contacted"  # the rest of the role as it was


def _decisions(store: GraphStore, detail: str) -> int:
    events = store.list_audit(entity_id="k-gran", action=AuditAction.update, limit=1000)
    return sum(1 for e in events if e.detail == detail)


def test_a_candidate_accepted_at_once_by_many_is_accepted_once(
    client: ApiClient, store: GraphStore
) -> None:
    persons, roles = store.count_persons(), len(store.list_roles("c1"))
    answers = together(REVIEWERS, lambda _: client.post("/candidates/k-gran/accept"))
    assert Counter(r.status_code for r in answers) == {200: 1, 409: REVIEWERS - 1}
    [done] = [r.json() for r in answers if r.status_code == 200]
    assert store.count_persons() == persons + 1
    assert len(store.list_roles("c1")) == roles + 1
    assert done["person_id"] in {r.person_id for r in store.list_roles("c1")}
    assert len(store.ties_of(done["person_id"])) == 1
    assert store.get_candidate("k-gran").status is ReviewStatus.accepted
    assert _decisions(store, "accepted kin candidate") == 1
    for refused in (r for r in answers if r.status_code == 409):
        assert refused.json()["code"] == "conflict"


def test_an_acceptance_undone_at_once_by_many_is_undone_once(
    client: ApiClient, store: GraphStore
) -> None:
    persons, roles = store.count_persons(), len(store.list_roles("c1"))
    assert client.post("/candidates/k-gran/accept").status_code == 200
    answers = together(REVIEWERS, lambda _: client.post("/candidates/k-gran/undo"))
    assert Counter(r.status_code for r in answers) == {200: 1, 409: REVIEWERS - 1}
    assert (store.count_persons(), len(store.list_roles("c1"))) == (persons, roles)
    assert store.get_candidate("k-gran").status is ReviewStatus.pending
    assert store.change_set_for("k-gran") is None
    assert _decisions(store, "undid accepted kin candidate") == 1
    # accepted again, by many at once: still one person
    answers = together(REVIEWERS, lambda _: client.post("/candidates/k-gran/accept"))
    assert Counter(r.status_code for r in answers) == {200: 1, 409: REVIEWERS - 1}
    assert store.count_persons() == persons + 1


def test_accept_and_reject_at_once_decide_once(client: ApiClient, store: GraphStore) -> None:
    persons = store.count_persons()
    answers = together(
        REVIEWERS,
        lambda k: (
            client.post("/candidates/k-gran/accept")
            if k % 2
            else client.post("/candidates/k-gran/reject", json={"reason": "andere familie"})
        ),
    )
    assert Counter(r.status_code for r in answers)[200] == 1
    status = store.get_candidate("k-gran").status
    assert store.count_persons() == persons + (status is ReviewStatus.accepted)


def test_a_person_is_asked_for_and_shared_once_however_many_press_at_once(
    client: ApiClient, store: GraphStore
) -> None:
    from tenhands.graph.model import Candidate, CandidateKind, LinkStatus

    client.add_person("mum-2", "Els", "Verhulst", sex="female")  # in no case of c1's
    store.save_candidate(
        Candidate(
            id="d-mum",
            kind=CandidateKind.duplicate,
            case_id="c1",
            person_id="mum",
            other_person_id="mum-2",
            score=0.97,
        )
    )
    asked = together(REVIEWERS, lambda k: client.post("/candidates/d-mum/link", json={}))
    assert Counter(r.status_code for r in asked) == {201: 1, 409: REVIEWERS - 1}
    [link] = store.list_links()
    answers = together(
        REVIEWERS,
        lambda k: client.post(
            f"/links/{link.id}/{'grant' if k % 2 else 'refuse'}", json={"reason": f"r{k}"}
        ),
    )
    assert Counter(r.status_code for r in answers) == {200: 1, 409: REVIEWERS - 1}
    [decided] = [r.json() for r in answers if r.status_code == 200]
    stored = store.get_link(link.id)
    assert stored.status.value == decided["status"] != LinkStatus.requested.value
    events = store.list_audit(entity_id=link.id, action=AuditAction.update)
    assert len(events) == 1  # mum-2 is in no case: one event, in the asking case
