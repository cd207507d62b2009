"""Two half-siblings by different fathers: the family where the front ends used to give
different sides for the second father (synthetic names).

    ex1 (Frank) ──parent──> kid1 (Lotte, 2014) <──parent── mum (Mira)
    dad2 (Gert) ──parent──> kid2 (Sem, 2019)   <──parent── mum
    ex1 ──partner (ex)── mum ──partner── dad2
    oma2 (Greet) ──parent──> dad2        juf (Jana) ──teacher──> kid2

Gert is Sem's father and Lotte's step-father: his own child decides his side.
"""

from __future__ import annotations

from builders import case, person, role, tie

from tenhands.graph.model import Engagement, PartialDate, PartnerStatus, Sex
from tenhands.graph.store import GraphStore

CASE = "c-half"
KID1, KID2 = "half-kid1", "half-kid2"

EXPECTED: dict[str, tuple[str, str]] = {
    KID1: ("child", "none"),
    KID2: ("child", "none"),
    "half-mum": ("maternal", "maternal"),
    "half-ex1": ("paternal", "paternal"),
    "half-dad2": ("paternal", "paternal"),
    "half-oma2": ("paternal", "paternal"),
    "half-juf": ("informal", "none"),
}
"""Each person's (standing, side), as every front end must say it."""

NAMES = {
    KID1: "Lotte Halfzus",
    KID2: "Sem Halfbroer",
    "half-mum": "Mira Halfmoeder",
    "half-ex1": "Frank Eerstevader",
    "half-dad2": "Gert Tweedevader",
    "half-oma2": "Greet Tweedeoma",
    "half-juf": "Jana Juf",
}


def half_siblings(store: GraphStore) -> str:
    """Store the family, the case (both children) and everyone's role; returns the case id."""
    sexes = {"half-mum": Sex.female, "half-oma2": Sex.female, "half-juf": Sex.female}
    born = {KID1: "2014-03-02", KID2: "2019-09-14"}
    for pid, name in NAMES.items():
        given, surname = name.split(" ")
        store.create_person(
            person(
                pid,
                given,
                surname,
                sex=sexes.get(pid, Sex.female if pid == KID1 else Sex.male),
                birth_date=PartialDate.parse(born[pid]) if pid in born else None,
            )
        )
    for t in (
        tie("half-t1", "half-mum", KID1, "parent"),
        tie("half-t2", "half-ex1", KID1, "parent"),
        tie("half-t3", "half-mum", KID2, "parent"),
        tie("half-t4", "half-dad2", KID2, "parent"),
        tie("half-t5", "half-ex1", "half-mum", "partner", partner_status=PartnerStatus.divorced),
        tie("half-t6", "half-dad2", "half-mum", "partner"),
        tie("half-t7", "half-oma2", "half-dad2", "parent"),
        tie("half-t8", "half-juf", KID2, "teacher"),
    ):
        store.create_tie(t)
    store.create_case(case(CASE, KID1, KID2, title="Casus Halfzus"))
    for pid in NAMES:
        if pid not in (KID1, KID2):
            store.set_role(role(CASE, pid, engagement=Engagement.committed))
    return CASE
