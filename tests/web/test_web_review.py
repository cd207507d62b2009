"""The review of proposed kin through the pages: the queue with its reasons, accept,
reject with a reason, undo, and a kin search from the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from web_helpers import OWN, WebClient, make_user, seed_cases, visible_text

from tenhands.demo.seed import seed_demo
from tenhands.graph.model import (
    Candidate,
    CandidateKind,
    Evidence,
    Provenance,
    Record,
    ReviewStatus,
    Sex,
    SourceKind,
    SourceRef,
    UserRole,
)
from tenhands.graph.store import GraphStore
from tenhands.graph.stores.sqlite import SqliteStore

REVIEW = f"/cases/{OWN}/review"


def seed_candidate(store: GraphStore) -> None:
    """A registry record of the grandmother's daughter: probably the child's aunt."""
    store.add_records(
        [
            Record(
                id="own-rec",
                case_id=OWN,
                given_names="Owntante",
                surname="Qwerv",
                sex=Sex.female,
                birth_date="1979",
                mother_name="Owngrootmoeder Qwerv",
                provenance=Provenance(
                    source=SourceRef(kind=SourceKind.registry, name="Rijksregister-uittreksel")
                ),
            )
        ]
    )
    store.save_candidate(
        Candidate(
            id="own-cand",
            kind=CandidateKind.kin,
            case_id=OWN,
            record_id="own-rec",
            relation="child",
            relation_to="own-gran",
            score=0.91,
            explanation=[
                Evidence(field="relation_to_child", level="maternal_aunt", weight=0.0),
                Evidence(
                    field="mother_name surname",
                    left="Qwerv",
                    right="Qwerv",
                    level="same",
                    weight=4.25,
                ),
                Evidence(field="age_gap", level="born 15 to 50 years after", weight=1.5),
                Evidence(field="birth_place", level="different", weight=-0.75),
            ],
        )
    )


@pytest.fixture
def client(store: GraphStore) -> Iterator[WebClient]:
    seed_cases(store)
    seed_candidate(store)
    with WebClient.over(store) as c:
        yield c


@pytest.fixture
def csrf(client: WebClient, store: GraphStore) -> str:
    return client.sign_in(store, make_user(store, "werker", UserRole.worker, (OWN,)))


def test_the_queue_shows_the_card(client: WebClient, store: GraphStore, csrf: str) -> None:
    r = client.get(REVIEW)
    assert r.status_code == 200
    text = visible_text(r.text)
    assert "Tante langs moederskant: Owntante Qwerv" in text
    assert "zeker 91%" in text  # the band beside the number
    assert "Geboren 1979" in text and "Rijksregister-uittreksel (register)" in text
    assert "Gevonden via dochter van Owngrootmoeder Qwerv" in text  # the relative who led there
    assert "Voor het kind tante langs moederskant" in text
    assert "De familienaam van de moeder komt overeen: Qwerv." in text
    assert "Het leeftijdsverschil past." in text
    assert "De geboorteplaats verschilt." in text
    for unsaid in ("bits", "maternal_aunt", "born 15 to 50", "own-rec", "own-gran", "own-cand"):
        assert unsaid not in text
    assert f"{REVIEW}/own-cand/accept" in r.text and f"{REVIEW}/own-cand/reject" in r.text


def test_the_card_in_english(client: WebClient, store: GraphStore) -> None:
    client.sign_in(store, make_user(store, "worker", UserRole.worker, (OWN,), lang="en"))
    text = visible_text(client.get(REVIEW).text)
    assert "Aunt on the mother's side: Owntante Qwerv" in text
    assert "certain 91%" in text
    assert "Found through daughter of Owngrootmoeder Qwerv" in text
    assert "The mother's surname matches: Qwerv." in text
    assert "langs moederskant" not in text and "bits" not in text


def test_accept_undo_reject_through_the_pages(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    r = client.post_form(f"{REVIEW}/own-cand/accept", {"note": "belt terug"}, csrf)
    assert r.status_code == 303 and r.headers["location"] == f"{REVIEW}?done=accepted"
    accepted = store.get_candidate("own-cand")
    assert accepted.status is ReviewStatus.accepted and accepted.reviewed_by == "werker"
    case = client.get(f"/cases/{OWN}")
    assert "Owntante Qwerv" in case.text
    assert "tante" in case.text and "Rijksregister-uittreksel" in case.text  # with its source
    page = client.get(f"{REVIEW}?done=accepted")
    assert "Aanvaard: de persoon staat nu in het netwerk." in page.text
    assert f"{REVIEW}/own-cand/undo" in page.text

    again = client.post_form(f"{REVIEW}/own-cand/accept", {}, csrf)
    assert again.headers["location"] == f"{REVIEW}?done=already_decided"

    r = client.post_form(f"{REVIEW}/own-cand/undo", {}, csrf)
    assert r.headers["location"] == f"{REVIEW}?done=undone"
    assert store.get_candidate("own-cand").status is ReviewStatus.pending
    assert "Owntante" not in client.get(f"/cases/{OWN}").text

    empty = client.post_form(f"{REVIEW}/own-cand/reject", {"reason": "  "}, csrf)
    assert empty.status_code == 422
    assert 'id="reason-own-cand-error"' in empty.text and "Vul dit in." in empty.text
    assert store.get_candidate("own-cand").status is ReviewStatus.pending

    r = client.post_form(f"{REVIEW}/own-cand/reject", {"reason": "geen familie"}, csrf)
    assert r.headers["location"] == f"{REVIEW}?done=rejected"
    rejected = store.get_candidate("own-cand")
    assert (rejected.status, rejected.reason) == (ReviewStatus.rejected, "geen familie")
    assert "0 voorstellen wachten op een beslissing" in client.get(REVIEW).text


@pytest.mark.parametrize("role", [UserRole.facilitator, UserRole.viewer])
def test_roles_without_review_see_the_queue_but_cannot_decide(
    client: WebClient, store: GraphStore, role: UserRole
) -> None:
    csrf = client.sign_in(store, make_user(store, f"{role.value}.x", role, (OWN,)))
    page = client.get(REVIEW)
    assert page.status_code == 200 and "Owntante Qwerv" in page.text
    assert "/accept" not in page.text and "/review/search" not in page.text
    assert client.post_form(f"{REVIEW}/own-cand/accept", {}, csrf).status_code == 403
    assert client.post_form(f"{REVIEW}/search", {}, csrf).status_code == 403
    assert store.get_candidate("own-cand").status is ReviewStatus.pending


def test_a_candidate_of_another_case_cannot_be_decided_through_this_one(
    client: WebClient, store: GraphStore, csrf: str
) -> None:
    store.save_candidate(
        Candidate(
            id="other-cand", kind=CandidateKind.kin, case_id="c-other", person_id="other-gran",
            score=0.5,
        )
    )  # fmt: skip
    r = client.post_form(f"{REVIEW}/other-cand/accept", {}, csrf)
    assert r.status_code == 404
    assert store.get_candidate("other-cand").status is ReviewStatus.pending
    assert client.post_form("/cases/c-other/review/other-cand/accept", {}, csrf).status_code == 403


def test_a_kin_search_from_the_page_fills_the_queue(sqlite_store: SqliteStore) -> None:
    case_id = seed_demo(sqlite_store)
    user = make_user(sqlite_store, "werker", UserRole.worker, (case_id,))
    with WebClient.over(sqlite_store) as client:
        csrf = client.sign_in(sqlite_store, user)
        before = client.get(f"/cases/{case_id}/review")
        assert "0 voorstellen wachten" in before.text
        r = client.post_form(f"/cases/{case_id}/review/search", {}, csrf)
        assert r.status_code == 303
        assert r.headers["location"] == f"/cases/{case_id}/review?done=searched"
        after = client.get(r.headers["location"])
        assert "De zoekopdracht is klaar" in after.text
        assert "Oudtante langs moederskant: Annemie De Smet" in after.text
        assert "dochter van Bomma Jeanne" in after.text
