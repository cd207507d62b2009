"""Shared data of the review tests: a small synthetic case (never real people)."""

from __future__ import annotations

from builders import case, person, role, tie

from tenhands.finding.review import decide_link, request_link
from tenhands.graph.model import (
    Candidate,
    CandidateKind,
    Evidence,
    PartialDate,
    Provenance,
    Record,
    Sex,
    SourceKind,
    SourceRef,
)
from tenhands.graph.store import GraphStore
from tenhands.graph.visibility import EVERYTHING, CaseBoundary, Visibility

CASE = "c-review"
CHILD = "p-child"
MOTHER = "p-mother"


def seed(store: GraphStore) -> None:
    """A child, their mother (in the network) and one outside record."""
    store.create_person(person(CHILD, "Lotte", "Vermeulen"))
    store.create_person(person(MOTHER, "Elke", "Vermeulen"))
    store.create_tie(tie("t-mother", MOTHER, CHILD, "parent"))
    store.create_case(case(CASE, CHILD))
    store.set_role(role(CASE, MOTHER))
    store.add_records([aunt_record()])


def aunt_record() -> Record:
    return Record(
        id="r-aunt",
        case_id=CASE,
        given_names="Griet Maria",
        surname="Peeters",
        birth_surname="Vermeulen",
        sex=Sex.female,
        birth_date=PartialDate.parse("1971-04-12"),
        birth_place="Gent",
        street="Kerkstraat",
        house_number="12",
        postcode="9000",
        city="Gent",
        phone="+32 470 00 00 01",
        email="griet@example.org",
        provenance=Provenance(
            source=SourceRef(kind=SourceKind.registry, name="rijksregister-extract", ref="row-7")
        ),
    )


def kin(
    cid: str = "m-kin", relation: str = "sibling", to: str = MOTHER, score: float = 0.87
) -> Candidate:
    return Candidate(
        id=cid,
        kind=CandidateKind.kin,
        case_id=CASE,
        record_id="r-aunt",
        relation=relation,
        relation_to=to,
        score=score,
        explanation=[Evidence(field="surname", left="x", right="y", level="exact", weight=3.2)],
    )


def share(store: GraphStore, candidate_id: str, holder: str | None = None) -> None:
    """The case holding the candidate's outside person shares them: its worker grants
    the request (``holder``: that case's id; None: an admin, for a person of no case)."""
    link = request_link(store, candidate_id, requester="worker-an", note="graag delen")
    viewer: Visibility = EVERYTHING if holder is None else CaseBoundary.of(store, holder)
    decide_link(store, link.id, decider="worker-bo", viewer=viewer, grant=True)
