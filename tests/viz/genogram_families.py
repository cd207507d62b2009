"""Random families for the genogram's tests, the same for the same seed (synthetic names).

A case's children with their mother and (mostly) father, often separated and each with a
new partner, half-siblings and step-parents; the new partner's own mother or child; on
both sides grandparents (sometimes remarried, with half-aunts), aunts and uncles with
partners and children, single parents, a great-grandparent, and relatives known only as
someone's sibling (a great-aunt, an uncle entered without his parents). The mother, her
partner and the children share an address (the household).
"""

from __future__ import annotations

import random

from builders import case, person, role, tie

from tenhands.graph.model import Address, PartialDate, PartnerStatus, Sex
from tenhands.graph.store import GraphStore


class _Family:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.prefix = f"g{seed}"
        self.persons: list = []
        self.ties: list = []

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def person(self, sex: Sex, born: int, address: Address | None = None) -> str:
        pid = f"{self.prefix}-p{len(self.persons) + 1}"
        extra: dict[str, object] = {"sex": sex, "birth_date": PartialDate.parse(str(born))}
        if address is not None:
            extra["addresses"] = [address]
        self.persons.append(person(pid, f"P{len(self.persons) + 1}", **extra))
        return pid

    def tie(self, a: str, b: str, kind: str, **extra: object) -> None:
        self.ties.append(tie(f"{self.prefix}-t{len(self.ties) + 1}", a, b, kind, **extra))

    def couple(self, a: str, b: str) -> None:
        if self.chance(0.5):
            self.tie(a, b, "partner")
        else:
            status = self.rng.choice([PartnerStatus.divorced, PartnerStatus.separated])
            self.tie(a, b, "ex_partner", partner_status=status)

    def children(self, parents: list[str], n: int, born: int, **extra: object) -> list[str]:
        kids = []
        for i in range(n):
            kid = self.person(self.rng.choice([Sex.male, Sex.female]), born + 2 * i, **extra)  # type: ignore[arg-type]
            for p in parents:
                self.tie(p, kid, "parent")
            kids.append(kid)
        for i, a in enumerate(kids):
            for b in kids[i + 1 :]:
                self.tie(a, b, "sibling")
        return kids

    def side(self, parent: str, parent_born: int) -> None:
        """The grandparents above ``parent``, their other children and further kin."""
        rng = self.rng
        gm = (
            self.person(Sex.female, parent_born - rng.randint(22, 32))
            if self.chance(0.85)
            else None
        )
        gf = self.person(Sex.male, parent_born - rng.randint(24, 36)) if self.chance(0.7) else None
        grand = [g for g in (gm, gf) if g is not None]
        if gm and gf:
            self.couple(gm, gf)
        for g in grand:
            self.tie(g, parent, "parent")
        # aunts and uncles: full siblings, one sometimes entered only as a sibling
        for i in range(rng.randint(0, 3)):
            sib = self.person(rng.choice([Sex.male, Sex.female]), parent_born + rng.randint(-6, 6))
            self.tie(parent, sib, "sibling")
            if grand and not self.chance(0.25):
                for g in grand:
                    self.tie(g, sib, "parent")
            if self.chance(0.6):
                inlaw = self.person(rng.choice([Sex.male, Sex.female]), parent_born)
                self.couple(sib, inlaw)
                self.children([sib, inlaw], rng.randint(0, 2), parent_born + 28)
            elif self.chance(0.5):  # a single parent
                self.children([sib], rng.randint(1, 2), parent_born + 27)
            del i
        # a grandparent's later partner and their children (half-aunts and -uncles)
        if gf and self.chance(0.35):
            later = self.person(Sex.female, parent_born - 20)
            self.tie(gf, later, "partner")
            for half in self.children([gf, later], rng.randint(1, 2), parent_born + 5):
                self.tie(parent, half, "half_sibling")
        if gm and self.chance(0.5):  # a great-grandparent, one parent known
            self.tie(self.person(Sex.female, parent_born - 55), gm, "parent")
        if gm and self.chance(0.5):  # great-aunts, known only as the grandmother's sisters
            aunts = [self.person(Sex.female, parent_born - 25) for _ in range(rng.randint(1, 2))]
            for a in aunts:
                self.tie(gm, a, "sibling")
            if len(aunts) == 2:
                self.tie(aunts[0], aunts[1], "sibling")


def seed_family(store: GraphStore, seed: int) -> str:
    """A random family around a case's children, stored in ``store``; returns the case id."""
    fam = _Family(seed)
    rng = fam.rng
    home = Address(street=f"Teststraat {seed}", house_number="1", postcode="9000", city="Gent")
    elsewhere = Address(street=f"Andere straat {seed}", house_number="2", city="Gent")
    mum = fam.person(Sex.female, 1985, home)
    dad = fam.person(Sex.male, 1983, elsewhere) if fam.chance(0.85) else None
    parents = [mum] + ([dad] if dad else [])
    kids = fam.children(parents, rng.randint(1, 3), 2012, address=home)
    apart = dad is not None and fam.chance(0.65)
    if dad:
        if apart:
            status = rng.choice([PartnerStatus.divorced, PartnerStatus.separated])
            fam.tie(mum, dad, "ex_partner", partner_status=status)
        else:
            fam.tie(mum, dad, "partner")
    for parent, address in ((mum, home), (dad, elsewhere)):
        if parent is None or not (apart or dad is None) or not fam.chance(0.6):
            continue
        new = fam.person(Sex.male if parent == mum else Sex.female, 1986, address)
        fam.tie(parent, new, "partner")
        for k in kids:
            fam.tie(new, k, "step_parent")
        for half in fam.children([parent, new], rng.randint(0, 2), 2020):
            for k in kids:
                fam.tie(k, half, "half_sibling")
        if fam.chance(0.5):  # the new partner's mother, the only parent of theirs known
            fam.tie(fam.person(Sex.female, 1960), new, "parent")
        if fam.chance(0.3):  # the new partner's child from before
            fam.children([new], 1, 2010)
    fam.side(mum, 1985)
    if dad:
        fam.side(dad, 1983)
    store.upsert_persons(fam.persons)
    store.upsert_ties(fam.ties)
    cid = f"{fam.prefix}-case"
    store.create_case(case(cid, *kids))
    store.upsert_roles([role(cid, p.id) for p in fam.persons if p.id not in kids])
    return cid
