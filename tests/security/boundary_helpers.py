"""Two workers on two cases, with secrets planted in case B, for the boundary tests.

Case B holds a mother with a shelter address, a phone, an e-mail, notes, a role note,
risk flags and a contact-log note, her mother, and a record gathered for case B. Case
A holds a namesake of that mother (same name, birth year only), whose father is known
only in case B, an agency-wide record and one of its own. Every value planted in case
B is a distinctive string in :data:`SECRETS`, so a leak shows up in any answer.

(No ``conftest.py`` here: see ``tests/api/api_helpers.py``.)
"""

from __future__ import annotations

from datetime import UTC, datetime

from builders import case, person, role, tie

from tenhands.api.auth.tokens import issue
from tenhands.graph.errors import NotFound
from tenhands.graph.model import (
    Address,
    Contact,
    ContactEntry,
    Engagement,
    PartialDate,
    Provenance,
    Record,
    RiskFlag,
    Sex,
    SourceKind,
    SourceRef,
    TokenKind,
    User,
    UserRole,
)
from tenhands.graph.store import GraphStore

A, B = "c-a", "c-b"
NOV_3 = datetime(2026, 11, 3, tzinfo=UTC)

SECRETS = (
    "Bkindgeheim",
    "Fatimageheim",
    "Omargeheim",
    "Schuilhuisstraat",
    "499 77 77 77",
    "samira.schuil",
    "SECRET-B-NOTE",
    "SECRET-B-ROLE",
    "SECRET-B-CONTACT",
    "Recordgeheim",
    "Verborgenlaan",
    "499 55 55 55",
    "1990-03-14",
)
"""What only case B holds; no answer to worker A may contain any of it."""

B_IDS = ("b-kind", "b-mum", "b-oma", "b-opa", "r-b1")
"""Ids of what only case B holds (ids carry no data, but worker A has no use for them)."""


def _record(rid: str, case_id: str | None, given: str, **extra: object) -> Record:
    return Record.model_validate(
        {
            "id": rid,
            "case_id": case_id,
            "given_names": given,
            "surname": "Haddouchi",
            "provenance": Provenance(
                created_by="import", source=SourceRef(kind=SourceKind.registry, name="extract")
            ),
            **extra,
        }
    )


def seed_two_cases(store: GraphStore) -> None:
    # case B, with everything worth protecting
    store.create_person(person("b-kind", "Bkindgeheim", "Haddouchi", sex=Sex.female))
    store.create_person(
        person(
            "b-mum",
            "Samira",
            "Haddouchi",
            sex=Sex.female,
            birth_date=PartialDate.parse("1990-03-14"),
            addresses=[
                Address(street="Schuilhuisstraat", house_number="77", postcode="9000", city="Gent")
            ],
            contact=Contact(phones=["+32 499 77 77 77"], emails=["samira.schuil@example.org"]),
            notes="SECRET-B-NOTE: woont in het vluchthuis",
        )
    )
    store.create_person(
        person("b-oma", "Fatimageheim", "Haddouchi", sex=Sex.female,
               birth_date=PartialDate.parse("1962"))
    )  # fmt: skip
    store.create_person(
        person("b-opa", "Omargeheim", "Haddouchi", sex=Sex.male,
               birth_date=PartialDate.parse("1960"))
    )  # fmt: skip
    store.create_tie(tie("b-t1", "b-mum", "b-kind", "parent"))
    store.create_tie(tie("b-t2", "b-oma", "b-mum", "parent"))
    store.create_case(case(B, "b-kind", title="Casus B"))
    store.set_role(
        role(
            B,
            "b-mum",
            engagement=Engagement.engaged,
            note="SECRET-B-ROLE",
            risk_flags={RiskFlag.violence},
            contacts=[
                ContactEntry(
                    at=datetime(2026, 11, 3, tzinfo=UTC), by="bert", note="SECRET-B-CONTACT"
                )
            ],
        )
    )
    store.set_role(role(B, "b-oma"))
    store.set_role(role(B, "b-opa"))
    store.add_records(
        [
            _record(
                "r-b1", B, "Recordgeheim", street="Verborgenlaan", house_number="5",
                city="Gent", phone="+32 499 55 55 55", mother_name="Samira Haddouchi",
            )
        ]
    )  # fmt: skip
    # case A: a namesake of B's mother, whose father is known only in case B
    store.create_person(
        person("a-kind", "Akind", "Haddouchi", sex=Sex.male, birth_date=PartialDate.parse("2015"))
    )
    store.create_person(
        person("a-mum", "Samira", "Haddouchi", sex=Sex.female, birth_date=PartialDate.parse("1990"))
    )
    store.create_tie(tie("a-t1", "a-mum", "a-kind", "parent"))
    store.create_tie(tie("ab-t", "b-opa", "a-mum", "parent"))
    store.create_case(case(A, "a-kind", title="Casus A"))
    store.set_role(role(A, "a-mum", engagement=Engagement.engaged))
    store.add_records(
        [
            _record("r-agency", None, "Agencyrecord", mother_name="Samira Haddouchi"),
            _record("r-a1", A, "Arecord", father_name="Akind Haddouchi"),
        ]
    )


def worker(store: GraphStore, login: str, case_id: str) -> dict[str, str]:
    """Headers signing in as a worker assigned to ``case_id`` only."""
    try:
        user = store.get_user_by_login(login)
    except NotFound:
        user = store.create_user(User(login=login, display_name=login, role=UserRole.worker))
    store.assign_case(user.id, case_id)
    return {"Authorization": f"Bearer {issue(store, user, TokenKind.api).secret}"}


def leaks(text: str) -> list[str]:
    """The secrets of case B (and its ids) that ``text`` holds."""
    return [s for s in (*SECRETS, *B_IDS) if s in text]


def case_b_as_stored(store: GraphStore) -> str:
    """Everything case B holds, as JSON text, to compare before and after."""
    persons = store.get_persons(["b-kind", "b-mum", "b-oma", "b-opa"])
    ties = [t for pid in ("b-mum", "b-oma", "b-opa") for t in store.ties_of(pid)]
    parts = [
        store.get_case(B).model_dump_json(),
        *(p.model_dump_json() for p in persons),
        *(t.model_dump_json() for t in sorted(ties, key=lambda t: t.id)),
        *(r.model_dump_json() for r in store.list_roles(B)),
        store.get_record("r-b1").model_dump_json(),
    ]
    return "\n".join(parts)
