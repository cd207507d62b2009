"""Relationships on the imported public sample, checked by hand against the file.

Edwin Michael Smith (@IC3a2b1@) reaches his parents only through his own FAMC link
(the family's CHIL list names only his adopted sister, @I29@).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tenhands.finding.gedcom import import_gedcom
from tenhands.graph.kinship import Relationship, relationships_from
from tenhands.graph.network import surroundings
from tenhands.graph.store import GraphStore

EXPECTED = {
    # xref: (nl, en, side, kind, up, down)
    "@I18@": ("vader", "father", "paternal", "blood", 1, 0),
    "@I02@": ("moeder", "mother", "maternal", "blood", 1, 0),
    "@I29@": ("adoptiefzus", "adoptive sister", "both", "adoptive", 1, 1),
    "@I12@": ("grootvader", "grandfather", "paternal", "blood", 2, 0),
    "@I08@": ("overgrootmoeder", "great-grandmother", "paternal", "blood", 3, 0),
    "@I05@": ("betovergrootvader", "great-great-grandfather", "paternal", "blood", 4, 0),
    "@I19@": ("tante", "aunt", "paternal", "blood", 2, 1),
    "@I15@": ("oudoom", "great-uncle", "paternal", "blood", 3, 1),
    "@I10@": ("oudtante", "great-aunt", "paternal", "blood", 3, 1),
    "@I22@": ("aangetrouwde oudtante", "great-aunt by marriage", "paternal", "in_law", 3, 1),
    "@I32@": (
        "achterneef (via adoptie)",
        "second cousin (by adoption)",
        "paternal",
        "adoptive",
        3,
        3,
    ),
}


@pytest.fixture
def from_edwin(store: GraphStore, gedcom_sample: Path) -> dict[str, Relationship]:
    import_gedcom(store, gedcom_sample.read_bytes(), source_name="sample.ged")
    [edwin] = store.find_persons_by_source("@IC3a2b1@")
    by_id = relationships_from(surroundings(store, [edwin.id]), edwin.id)
    return {
        xref: by_id[person.id] for xref in EXPECTED for person in store.find_persons_by_source(xref)
    }


@pytest.mark.parametrize("xref", sorted(EXPECTED))
def test_relationships_from_edwin(from_edwin: dict[str, Relationship], xref: str) -> None:
    nl, en, side, kind, up, down = EXPECTED[xref]
    rel = from_edwin[xref]
    facts = rel.to_json()
    assert (rel.words("nl"), rel.words("en")) == (nl, en)
    assert (facts["side"], facts["kind"], facts["up"], facts["down"]) == (side, kind, up, down)
