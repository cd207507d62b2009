"""Shared helpers for the scene builder's tests: the demo case with sensitive data added."""

from __future__ import annotations

import dataclasses
import math
from datetime import date
from enum import Enum
from itertools import combinations

from builders import person, role, tie

from tenhands.demo.case import DEMO_CASE_ID
from tenhands.demo.seed import seed_demo
from tenhands.graph.model import (
    Address,
    Circle,
    Confidential,
    Contact,
    Engagement,
    PartialDate,
    Plan,
    RiskFlag,
    Sex,
    Task,
)
from tenhands.graph.store import GraphStore
from tenhands.viz.scene import Scene, SceneNode

TODAY = date(2026, 11, 23)

# Sensitive values seeded on Greet, an engaged neighbour of Lina.
ADDRESS_STREET = "Zwanenstraat"
ADDRESS_NUMBER = "771"
PHONE = "+32 499 99 88 77"
EMAIL = "greet.geheim@example.org"
BIRTH = "1969-04-21"
BIRTH_YEAR = "1969"
PERSON_NOTE = "NOTE-SECRET-7731"
ROLE_NOTE = "ROLENOTE-4412"
RISK_NL, RISK_EN = "middelengebruik", "substance use"
HIDDEN_TASK = "TASK-FOR-KEVIN-5521"
RIA_TASK = "Haalt Lina en Adam op woensdag op"
SECRET_TIE_PERSON = "Xandra"
"""Known to the case only through a confidential tie."""
SECRET_ROLE_PERSON = "Yolanda"
"""Her role in the case is confidential."""
SECRET_IDENTITY_PERSON = "Zeno"
"""His identity is confidential."""
NOT_SAFE_PERSON = "Wim"
VIOLENT_PERSON = "Vera"
"""Committed to the plan, but with a violence flag: kept from the wall all the same."""
RESTRICTED_PERSON = "Ugo"
"""Engaged, with a contact restriction: kept from the wall."""
KEPT_AWAY = ("Kevin", NOT_SAFE_PERSON, VIOLENT_PERSON, RESTRICTED_PERSON)
"""Everyone the children must be kept safe from (Kevin is the demo's own)."""


def seed(store: GraphStore) -> str:
    """The demo case, a current plan, and persons carrying every kind of secret."""
    seed_demo(store)
    store.upsert_persons(
        [
            person(
                "v-greet",
                "Greet",
                "Geheim",
                sex=Sex.female,
                birth_date=PartialDate.parse(BIRTH),
                addresses=[
                    Address(street=ADDRESS_STREET, house_number=ADDRESS_NUMBER, city="Gent")
                ],
                contact=Contact(phones=[PHONE], emails=[EMAIL]),
                notes=PERSON_NOTE,
            ),
            person("v-xandra", SECRET_TIE_PERSON, "Vertrouwelijk", sex=Sex.female),
            person("v-yolanda", SECRET_ROLE_PERSON, "Verborgen", sex=Sex.female),
            person(
                "v-zeno",
                SECRET_IDENTITY_PERSON,
                "Onzichtbaar",
                sex=Sex.male,
                confidential={Confidential.identity},
            ),
            person("v-wim", NOT_SAFE_PERSON, "Gevaar", sex=Sex.male),
            person("v-vera", VIOLENT_PERSON, "Slag", sex=Sex.female),
            person("v-ugo", RESTRICTED_PERSON, "Afstand", sex=Sex.male),
        ]
    )
    store.upsert_ties(
        [
            tie("v-t1", "v-greet", "demo-lina", "neighbour", closeness=Circle.middle),
            tie("v-t2", "v-xandra", "demo-lina", "friend", confidential=True),
            tie("v-t3", "v-yolanda", "demo-adam", "family_friend"),
            tie("v-t4", "v-zeno", "demo-adam", "coach"),
            tie("v-t5", "v-wim", "demo-adam", "other"),
            tie("v-t6", "v-vera", "demo-lina", "family_friend", closeness=Circle.inner),
            tie("v-t7", "v-ugo", "demo-adam", "neighbour"),
        ]
    )
    store.upsert_roles(
        [
            role(
                DEMO_CASE_ID,
                "v-greet",
                engagement=Engagement.engaged,
                risk_flags={RiskFlag.substance_use},
                note=ROLE_NOTE,
            ),
            role(DEMO_CASE_ID, "v-xandra", engagement=Engagement.engaged),
            role(DEMO_CASE_ID, "v-yolanda", engagement=Engagement.committed, confidential=True),
            role(DEMO_CASE_ID, "v-zeno", engagement=Engagement.engaged),
            role(DEMO_CASE_ID, "v-wim", engagement=Engagement.not_safe),
            role(
                DEMO_CASE_ID,
                "v-vera",
                engagement=Engagement.committed,
                risk_flags={RiskFlag.violence},
            ),
            role(
                DEMO_CASE_ID,
                "v-ugo",
                engagement=Engagement.engaged,
                risk_flags={RiskFlag.contact_restriction},
            ),
        ]
    )
    store.add_plan(
        Plan(
            case_id=DEMO_CASE_ID,
            version=3,  # the demo's own plan has versions 1 and 2
            tasks=[Task(what="Oude taak", who=["demo-ria"])],
        )
    )
    store.add_plan(
        Plan(
            case_id=DEMO_CASE_ID,
            version=4,
            tasks=[
                Task(what=RIA_TASK, who=["demo-ria"]),
                Task(what="Belt Lina elke zondag", who=["demo-hafsa", "demo-ria"]),
                Task(what=HIDDEN_TASK, who=["demo-kevin"]),
            ],
        )
    )
    return DEMO_CASE_ID


def strings(value: object) -> list[str]:
    """Every string a scene holds (labels, tooltips, tasks, legend, notes, title…)."""
    if isinstance(value, Enum):
        return [str(value.value)]
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = []
        for f in dataclasses.fields(value):
            out += strings(getattr(value, f.name))
        return out
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            out += strings(v)
        return out
    return []


def text(scene: Scene) -> str:
    """All the scene's strings in one, plus its repr (ids, colours, numbers)."""
    return "\n".join(strings(scene)) + "\n" + repr(scene)


def by_name(scene: Scene) -> dict[str, SceneNode]:
    """The persons drawn, by the first line of their label (names are unique in the demo)."""
    out: dict[str, SceneNode] = {}
    for n in scene.people:
        name = n.label.split("\n")[0]
        assert name not in out, f"two persons called {name}"
        out[name] = n
    return out


def closest_pair(nodes: list[SceneNode]) -> float:
    return min(
        (math.dist((a.x, a.y), (b.x, b.y)) for a, b in combinations(nodes, 2)),
        default=math.inf,
    )
