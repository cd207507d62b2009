"""A small synthetic family for the figures' tests, where every answer is known.

    oma ──parent──> mum ──parent──> kid (the child of case c-fig)
    oma ──parent──> tante ──parent──> neef (born 2012: a minor)
    opa ──parent──> dad ──parent──> kid
    buur ──neighbour──> kid           pro ──professional──> kid

Oma has no role in the case: she is only the way tante is kin (the maternal aunt).
"""

from __future__ import annotations

from datetime import date

from builders import case, person, tie

from tenhands.graph.model import PartialDate, Sex
from tenhands.graph.store import GraphStore

CASE = "c-fig"
TODAY = date(2026, 6, 30)


def family(store: GraphStore, *, goal: int = 5) -> str:
    """Store the family and the case (no roles yet); returns the case id."""
    store.upsert_persons(
        [
            person("kid", "Kobe", "Testkind", sex=Sex.male, birth_date=PartialDate.parse("2016")),
            person("mum", "Mira", "Testmoeder", sex=Sex.female),
            person("dad", "Dirk", "Testvader", sex=Sex.male),
            person("oma", "Olga", "Testoma", sex=Sex.female),
            person("opa", "Otto", "Testopa", sex=Sex.male),
            person("tante", "Tine", "Testtante", sex=Sex.female),
            person("neef", "Nand", "Testneef", sex=Sex.male, birth_date=PartialDate.parse("2012")),
            person("buur", "Bea", "Testbuur", sex=Sex.female),
            person("pro", "Pia", "Testconsulent", sex=Sex.female),
        ]
    )
    store.upsert_ties(
        [
            tie("t1", "mum", "kid", "parent"),
            tie("t2", "dad", "kid", "parent"),
            tie("t3", "oma", "mum", "parent"),
            tie("t4", "oma", "tante", "parent"),
            tie("t5", "tante", "neef", "parent"),
            tie("t6", "opa", "dad", "parent"),
            tie("t7", "buur", "kid", "neighbour"),
            tie("t8", "pro", "kid", "professional"),
        ]
    )
    c = case(CASE, "kid")
    store.create_case(c.model_copy(update={"hands_goal": goal}))
    return CASE
