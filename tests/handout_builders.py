"""A synthetic case for the closure handout's tests: every rule of what it may show has
someone to hold it (invented names and numbers, never real people)."""

from __future__ import annotations

from datetime import date

from builders import person, role, tie

from tenhands.graph.model import (
    Address,
    Case,
    Circle,
    Confidential,
    Contact,
    Engagement,
    Meeting,
    MeetingKind,
    PartialDate,
    Plan,
    RiskFlag,
    Sex,
    Shared,
    SupportType,
    Task,
    TaskOwner,
)
from tenhands.graph.store import GraphStore

CASE_ID = "ho-case"
TODAY = date(2026, 11, 23)
CASE_TITLE = "Gezin Vandermaelen TITEL-7312"
SURNAME = "Vandermaelen"

CHILDREN = ("Noor", "Milan")

# Listed, with what they share
MOTHER, MOTHER_PHONE = "Sanne", "+32 470 10 10 01"
GRANDMA, GRANDMA_PHONE = "Oma Griet", "+32 470 10 10 02"
GRANDMA_EMAIL = "griet.niet.gedeeld@example.org"
"""Oma Griet's e-mail: she shares her phone and address, not her e-mail."""
GRANDMA_STREET, GRANDMA_OLD_STREET = "Lindelaan", "Oudestraat"
GRANDMA_ROLE = "Vangnet als mama ziek is"
AUNT, AUNT_EMAIL, AUNT_PHONE = "Tine", "tine.gedeeld@example.org", "+32 470 10 10 03"
"""Tine shares her e-mail only."""
UNCLE, UNCLE_PHONE, UNCLE_EMAIL = "Wouter", "+32 470 10 10 04", "wouter.geheim@example.org"
UNCLE_STREET = "Geheimstraat"
"""Wouter shares phone, e-mail and address, but marked contact and address confidential."""
NEIGHBOUR = "Hilde"
"""Only contacted, but does a task: listed; shares nothing."""
PROFESSIONAL, PROFESSIONAL_PHONE = "Eva", "+32 470 10 10 05"
"""A professional who gives professional help in the plan: listed."""

# Never listed
HIDDEN = {
    "Bram": "contacted, no task",
    "Ilse": "identified, only checks a task",
    "Yara": "confidential role",
    "Zeno": "identity confidential",
    "Kobe": "contact restriction",
    "Wim": "not safe",
    "Dirk": "declined",
    "Nele": "no contact",
    "Frans": "engagement deceased",
    "Georges": "deceased person",
    "Pim": "professional without a task",
    "Xandra": "known only through a confidential tie",
}
HIDDEN_PHONE = "+32 470 99 99 99"
"""Every hidden person's phone, shared by their role: never on the handout."""

# Never on a handout, whoever it is about
PERSON_NOTE, ROLE_NOTE, WORRY = "NOTE-SECRET-5521", "ROLENOTE-8813", "WORRY-TEXT-4410"
BIRTH_YEAR = "1951"
RISK_NL, RISK_EN = "middelengebruik", "substance use"

# Tasks
SHARED_TASK = "Noor en Milan op woensdag van school halen"
"""Done by Oma Griet and Kobe, checked by Ilse and Sanne."""
HIDDEN_TASK = "TASK-KOBE-ALONE-3391"
NEIGHBOUR_TASK = "Noor mag aanbellen als mama niet opendoet"
HELP_TASK, HELP_SERVICE = "Thuisbegeleiding twee keer per week", "thuisbegeleiding"
SERVICE_TASK, SERVICE_ONLY = "Budgetbegeleiding aanvragen", "OCMW-budgetdienst"
DUE = date(2027, 1, 15)

LAST_MEETING, NEXT_REVIEW = date(2026, 11, 20), date(2027, 2, 1)


def seed_handout_case(store: GraphStore) -> str:
    """Store the handout test case; returns its id."""
    everyone = [
        person("ho-noor", "Noor", SURNAME, sex=Sex.female),
        person("ho-milan", "Milan", SURNAME, sex=Sex.male),
        person(
            "ho-mama",
            MOTHER,
            SURNAME,
            sex=Sex.female,
            contact=Contact(phones=[MOTHER_PHONE]),
        ),
        person(
            "ho-oma",
            "Griet",
            "Desmet",
            aliases=[GRANDMA],
            sex=Sex.female,
            birth_date=PartialDate.parse(f"{BIRTH_YEAR}-03-04"),
            addresses=[
                Address(
                    street=GRANDMA_OLD_STREET,
                    house_number="9",
                    postcode="8500",
                    city="Kortrijk",
                    until=PartialDate.parse("2020"),
                ),
                Address(street=GRANDMA_STREET, house_number="5", postcode="8500", city="Kortrijk"),
            ],
            contact=Contact(phones=[GRANDMA_PHONE], emails=[GRANDMA_EMAIL]),
            notes=PERSON_NOTE,
        ),
        person(
            "ho-tine",
            AUNT,
            "Desmet",
            sex=Sex.female,
            contact=Contact(phones=[AUNT_PHONE], emails=[AUNT_EMAIL]),
        ),
        person(
            "ho-wouter",
            UNCLE,
            "Desmet",
            sex=Sex.male,
            addresses=[Address(street=UNCLE_STREET, house_number="1", city="Gent")],
            contact=Contact(phones=[UNCLE_PHONE], emails=[UNCLE_EMAIL]),
            confidential={Confidential.contact, Confidential.address},
        ),
        person("ho-hilde", NEIGHBOUR, "Buyse", sex=Sex.female),
        person("ho-eva", PROFESSIONAL, "Claes", sex=Sex.female, contact=_phone(PROFESSIONAL_PHONE)),
    ]
    hidden_ids = {name: f"ho-{name.lower()}" for name in HIDDEN}
    for name, pid in hidden_ids.items():
        extra: dict[str, object] = {"contact": _phone(HIDDEN_PHONE)}
        if name == "Zeno":
            extra["confidential"] = {Confidential.identity}
        if name == "Georges":
            extra["deceased"] = True
        everyone.append(person(pid, name, "Verborgen", sex=Sex.male, **extra))
    store.upsert_persons(everyone)

    ties = [
        tie("ho-t1", "ho-mama", "ho-noor", "parent"),
        tie("ho-t2", "ho-mama", "ho-milan", "parent"),
        tie("ho-t3", "ho-noor", "ho-milan", "sibling"),
        tie("ho-t4", "ho-oma", "ho-mama", "parent"),
        tie("ho-t5", "ho-tine", "ho-mama", "sibling"),
        tie("ho-t6", "ho-wouter", "ho-mama", "sibling"),
        tie("ho-t7", "ho-hilde", "ho-noor", "neighbour", closeness=Circle.middle),
        tie("ho-t8", "ho-eva", "ho-mama", "professional"),
        tie("ho-t9", "ho-pim", "ho-mama", "professional"),
        tie("ho-t10", "ho-xandra", "ho-noor", "friend", confidential=True),
    ]
    ties += [
        tie(f"ho-h{n}", pid, "ho-noor", "family_friend")
        for n, (name, pid) in enumerate(hidden_ids.items())
        if name not in ("Pim", "Xandra")
    ]
    store.upsert_ties(ties)

    store.create_case(Case(id=CASE_ID, title=CASE_TITLE, child_ids=["ho-noor", "ho-milan"]))
    all_shared = {Shared.phone, Shared.email, Shared.address}
    roles = [
        role(
            CASE_ID,
            "ho-mama",
            engagement=Engagement.engaged,
            circle=Circle.inner,
            shares={Shared.phone},
            agreed_role="Mama",
        ),
        role(
            CASE_ID,
            "ho-oma",
            engagement=Engagement.committed,
            circle=Circle.inner,
            support={SupportType.practical},
            shares={Shared.phone, Shared.address},
            agreed_role=GRANDMA_ROLE,
            note=ROLE_NOTE,
        ),
        role(
            CASE_ID,
            "ho-tine",
            engagement=Engagement.committed,
            circle=Circle.middle,
            support={SupportType.safety_monitoring},
            risk_flags={RiskFlag.substance_use},
            shares={Shared.email},
            agreed_role="Tante; komt op zondag langs",
        ),
        role(
            CASE_ID,
            "ho-wouter",
            engagement=Engagement.committed,
            circle=Circle.outer,
            shares=all_shared,
            agreed_role="Nonkel; helpt bij verhuizen",
        ),
        role(CASE_ID, "ho-hilde", engagement=Engagement.contacted, shares=set()),
        role(CASE_ID, "ho-eva", engagement=Engagement.engaged, shares={Shared.phone}),
    ]
    engagement = {
        "Bram": Engagement.contacted,
        "Ilse": Engagement.identified,
        "Wim": Engagement.not_safe,
        "Dirk": Engagement.declined,
        "Nele": Engagement.no_contact,
        "Frans": Engagement.deceased,
    }
    for name, pid in hidden_ids.items():
        roles.append(
            role(
                CASE_ID,
                pid,
                engagement=engagement.get(name, Engagement.committed),
                confidential=name == "Yara",
                risk_flags={RiskFlag.contact_restriction} if name == "Kobe" else set(),
                support={SupportType.safety_monitoring},
                shares=all_shared,
                agreed_role=f"Vangnet {name}",
            )
        )
    store.upsert_roles(roles)

    old = Plan(case_id=CASE_ID, version=1, tasks=[Task(what="Oude taak", who=["ho-bram"])])
    store.add_plan(old)  # an earlier version: Bram's task there does not list him
    # kept off by a rule of their own, not for doing no task
    barred = [hidden_ids[n] for n in HIDDEN if n not in ("Bram", "Ilse", "Pim")]
    store.add_plan(
        Plan(
            case_id=CASE_ID,
            version=2,
            worries=[WORRY],
            review_on=date(2027, 5, 1),
            tasks=[
                Task(
                    what=SHARED_TASK,
                    who=["ho-oma", hidden_ids["Kobe"]],
                    checked_by=[hidden_ids["Ilse"], "ho-mama"],
                    due=DUE,
                ),
                Task(what=HIDDEN_TASK, who=[hidden_ids["Kobe"]]),
                Task(what="Ook verborgen", who=barred, checked_by=["ho-oma"]),
                Task(what=NEIGHBOUR_TASK, who=["ho-hilde", "ho-noor"]),
                Task(
                    what=HELP_TASK,
                    who=["ho-eva"],
                    owner=TaskOwner.professional,
                    service=HELP_SERVICE,
                ),
                Task(what=SERVICE_TASK, owner=TaskOwner.professional, service=SERVICE_ONLY),
            ],
        )
    )
    store.add_meeting(
        Meeting(
            case_id=CASE_ID,
            held_on=date(2026, 6, 1),
            kind=MeetingKind.network_meeting,
            next_review_on=date(2026, 9, 1),
            note=WORRY,
        )
    )
    store.add_meeting(
        Meeting(
            case_id=CASE_ID,
            held_on=LAST_MEETING,
            kind=MeetingKind.closure,
            next_review_on=NEXT_REVIEW,
        )
    )
    return CASE_ID


def _phone(number: str) -> Contact:
    return Contact(phones=[number])
