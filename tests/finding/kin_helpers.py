"""A small synthetic family and outside records for the kin search tests (never real people).

The case: child Lotte (2015), her mother Elke Vermeulen (1988) and Elke's mother Griet
De Wulf (1960), in the network. Outside: Elke's sister Hanne (names Griet as mother),
Hanne's son Wout (names Hanne as mother), Griet's own registry record, a man at
Griet's address, decoys with the same common names but the wrong generation, and a
stranger.
"""

from __future__ import annotations

from builders import case, role, tie

from tenhands.graph.model import (
    Address,
    PartialDate,
    Person,
    Provenance,
    Record,
    Sex,
    SourceKind,
    SourceRef,
)
from tenhands.graph.store import GraphStore

CASE = "c-kin"
CHILD = "p-lotte"
MOTHER = "p-elke"
GRANDMOTHER = "p-griet"


def _p(pid: str, given: str, surname: str, sex: Sex, born: str, **extra: object) -> Person:
    """A person of a hand-made family (given names split on spaces)."""
    return Person(
        id=pid,
        given_names=given.split(),
        surname=surname,
        sex=sex,
        birth_date=PartialDate.parse(born),
        **extra,  # type: ignore[arg-type]
    )


def family() -> list[Person]:
    return [
        _p(CHILD, "Lotte", "Vermeulen", Sex.female, "2015-03-02", birth_place="Gent"),
        _p(MOTHER, "Elke", "Vermeulen", Sex.female, "1988-06-30", birth_place="Eeklo"),
        _p(
            GRANDMOTHER, "Griet", "Vermeulen", Sex.female, "abt 1960",
            birth_surname="Vanhoutteghem",
            addresses=[Address(street="Kapellestraat", house_number="14", postcode="9900",
                               city="Eeklo")],
        ),
    ]  # fmt: skip


def seed(store: GraphStore, records: list[Record] | None = None) -> None:
    store.upsert_persons(family())
    store.upsert_ties(
        [tie("t-m", MOTHER, CHILD, "parent"), tie("t-gm", GRANDMOTHER, MOTHER, "parent")]
    )
    store.create_case(case(CASE, CHILD))
    store.upsert_roles([role(CASE, MOTHER), role(CASE, GRANDMOTHER)])
    store.add_records(outside_records() if records is None else records)


def _r(rid: str, **fields: object) -> Record:
    """An outside record from a registry extract; ``born`` is parsed as a date."""
    born = fields.pop("born", None)
    return Record(
        id=rid,
        birth_date=PartialDate.parse(str(born)) if born else None,
        provenance=Provenance(source=SourceRef(kind=SourceKind.registry, name="extract")),
        **fields,  # type: ignore[arg-type]
    )


AUNT = "r-hanne"
COUSIN = "r-wout"
GRANDMOTHER_RECORD = "r-griet"
HOUSEMATE = "r-roger"
DECOY_CHILD = "r-decoy-old"
STRANGER = "r-stranger"


def outside_records() -> list[Record]:
    return [
        # Elke's sister: names Griet (by her birth surname, a nickname-free spelling) as mother
        _r(AUNT, given_names="Hanne", surname="Vermeulen", sex=Sex.female, born="1991-09-12",
           mother_name="Griet Vanhoutteghem", father_name="Marc Vermeulen", city="Eeklo",
           postcode="9900"),
        # Hanne's son, who names Hanne as his mother: a cousin, found through Hanne's record
        _r(COUSIN, given_names="Wout", surname="Peeters", sex=Sex.male, born="2016-01-20",
           mother_name="Hanne Vermeulen", father_name="Jan Peeters"),
        # Griet herself, in the registry: Margareta is Griet's full name
        _r(GRANDMOTHER_RECORD, given_names="Margareta", surname="Vanhoutteghem",
           sex=Sex.female, born="1960-02-11", street="Kapellestraat", house_number="14",
           postcode="9900", city="Eeklo", mother_name="Maria Claeys",
           father_name="Roger Vanhoutteghem"),
        # Griet's father, at her address: named in her record, born a generation before
        _r(HOUSEMATE, given_names="Roger", surname="Vanhoutteghem", sex=Sex.male,
           born="1932-05-05", street="Kapellestraat", house_number="14", postcode="9900",
           city="Eeklo"),
        # same mother's name, but born before Griet: cannot be her child
        _r(DECOY_CHILD, given_names="Paul", surname="Vermeulen", sex=Sex.male, born="1950",
           mother_name="Griet Vanhoutteghem"),
        _r(STRANGER, given_names="Kevin", surname="Janssens", sex=Sex.male, born="1990-01-01",
           mother_name="Ann Peeters", city="Hasselt"),
        *fillers(),
    ]  # fmt: skip


_GIVEN = ["Jan", "An", "Koen", "Sofie", "Bart", "Els", "Tom", "Nele", "Pieter", "Inge", "Karim",
          "Fatima", "Emre", "Ayşe", "Luc", "Marie"]  # fmt: skip
_SURNAMES = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
             "Goossens", "Wouters", "De Smet", "El Amrani", "Yılmaz", "Dubois", "Lambert",
             "Lemmens"]  # fmt: skip


def fillers(n: int = 120) -> list[Record]:
    """Unrelated records with common names, so that name frequencies mean something."""
    out = []
    for i in range(n):
        given = _GIVEN[(i * 7) % len(_GIVEN)]
        surname = _SURNAMES[(i * 5) % len(_SURNAMES)]
        mother = f"{_GIVEN[(i * 3 + 1) % len(_GIVEN)]} {_SURNAMES[(i * 11 + 2) % len(_SURNAMES)]}"
        out.append(
            _r(f"r-fill-{i:03d}", given_names=given, surname=surname,
               born=f"{1940 + (i * 13) % 80}-{1 + i % 12:02d}-{1 + i % 28:02d}",
               mother_name=mother if i % 2 else None, city="Antwerpen" if i % 3 else "Gent")
        )  # fmt: skip
    return out
