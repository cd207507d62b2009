"""Synthetic data for the record and review API tests (never real people)."""

from __future__ import annotations

import io
from typing import Any

from api_helpers import ADMIN_LOGIN, ApiClient
from httpx import Response
from openpyxl import Workbook

from tenhands.graph.model import (
    Candidate,
    CandidateKind,
    Evidence,
    Provenance,
    Record,
    Sex,
    SourceKind,
    SourceRef,
)
from tenhands.graph.store import GraphStore

REVIEWER = ADMIN_LOGIN
"""Decisions are made by the signed-in user: the tests' client."""

GOOD_CSV = (
    b"ID;Voornaam;Familienaam;Geboortedatum;Geslacht;Gemeente\n"
    b"a1;Annelies;Verhulst;1975-03-02;V;Gent\n"
    b"a2;Bart;Verhulst;12/05/1978;M;Aalst\n"
    b"a3;Celine;Goossens;1950;vrouw;Lokeren\n"
)

BAD_CSV = (
    b"ID;Voornaam;Familienaam;Geboortedatum\n"
    b"b1;Dirk;Smolders;1961-07-09\n"
    b"b2;Eva;Smolders;zomer-zeventig\n"
    b";Frieda;Smolders;1944\n"
)
"""Row 3 has an unreadable birth date, row 4 no id."""


def upload(
    client: ApiClient,
    data: bytes,
    name: str = "registry.csv",
    **form: str,
) -> Response:
    return client.post("/records/import", files={"file": (name, data, "text/plain")}, data=form)


def xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def record_count(store: GraphStore) -> int:
    return len(store.list_records(limit=100_000))


def record(rid: str, given: str, surname: str, case_id: str = "c1", **extra: Any) -> Record:
    return Record(
        id=rid,
        case_id=case_id,
        given_names=given,
        surname=surname,
        provenance=Provenance(
            created_by="import",
            source=SourceRef(kind=SourceKind.registry, name="register", ref=rid),
        ),
        **extra,
    )


def evidence(given: str) -> list[Evidence]:
    return [
        Evidence(field="prior", level="base rate", weight=-6.5),
        Evidence(field="surname", left="Verhulst", right="Verhulst", level="exact", weight=7.1),
        Evidence(field="given_names", left=given, right=None, level="missing", weight=0.0),
    ]


def kin(cid: str, rid: str, relation: str, score: float, given: str = "X") -> Candidate:
    return Candidate(
        id=cid,
        kind=CandidateKind.kin,
        case_id="c1",
        record_id=rid,
        relation=relation,
        relation_to="kid",
        score=score,
        explanation=evidence(given),
    )


def seed_family(store: GraphStore) -> None:
    """A child with a mother in case c1; four outside records; three kin candidates and
    one match candidate (scores 0.6, 0.9, 0.75 and 0.8)."""
    from builders import case, person, role

    store.create_person(person("kid", "Lotte", "Verhulst", sex=Sex.female))
    store.create_person(person("mum", "Els", "Verhulst", sex=Sex.female))
    store.create_case(case("c1", "kid"))
    store.set_role(role("c1", "mum"))
    store.add_records(
        [
            record("r-an", "An", "Verhulst", sex=Sex.female),
            record("r-gm", "Godelieve", "Verhulst", sex=Sex.female),
            record("r-oom", "Omer", "Verhulst", sex=Sex.male),
            record("r-mum", "Els Maria", "Verhulst", birth_place="Gent"),
        ]
    )
    store.save_candidate(kin("k-aunt", "r-an", "maternal_aunt", 0.6, "An"))
    store.save_candidate(kin("k-gran", "r-gm", "grandmother", 0.9, "Godelieve"))
    store.save_candidate(kin("k-uncle", "r-oom", "maternal_uncle", 0.75, "Omer"))
    store.save_candidate(
        Candidate(
            id="m-mum",
            kind=CandidateKind.match,
            case_id="c1",
            record_id="r-mum",
            person_id="mum",
            score=0.8,
            explanation=evidence("Els Maria"),
        )
    )
