"""Shared helpers of the GEDCOM tests: paths, small files, and comparing graphs by structure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from builders import GEDCOM_SAMPLE

from tenhands.graph.model import Person, Tie, TieCategory
from tenhands.graph.network import build_graph
from tenhands.graph.store import GraphStore

DATA = Path(__file__).parent / "data"
SAMPLE = GEDCOM_SAMPLE
"""The public Gramps sample (GPL-2.0-or-later), beside the repository, never copied into it."""


def ged(*lines: str, head: str = "1 CHAR UTF-8\n1 GEDC\n2 VERS 5.5.1") -> bytes:
    """A small UTF-8 file: a header, the given lines (a string of lines each), a trailer."""
    body = "\n".join(lines)
    return f"0 HEAD\n{head}\n{body}\n0 TRLR\n".encode()


def big_tree(families: int) -> bytes:
    """A synthetic tree of ``families`` families of five: two partners and three
    children (5 persons, 7 ties each)."""
    lines = ["0 HEAD", "1 CHAR UTF-8", "1 GEDC", "2 VERS 5.5.1"]
    for f in range(families):
        base = f * 5
        for k in range(5):
            n = base + k
            lines += [
                f"0 @I{n}@ INDI",
                f"1 NAME Naam{n} /Familie{f}/",
                f"1 SEX {'M' if k in (0, 2) else 'F'}",
                "1 BIRT",
                f"2 DATE {1950 + k if k < 2 else 1980 + k}",
                f"1 {'FAMS' if k < 2 else 'FAMC'} @F{f}@",
            ]
        lines += [f"0 @F{f}@ FAM", f"1 HUSB @I{base}@", f"1 WIFE @I{base + 1}@"]
        lines += [f"1 CHIL @I{base + k}@" for k in (2, 3, 4)]
    lines.append("0 TRLR")
    return ("\n".join(lines) + "\n").encode()


def stored_graph(store: GraphStore, person_ids: Iterable[str]) -> nx.MultiDiGraph:
    """The persons and every tie among them, as a graph (what an export is given)."""
    persons = store.get_persons(person_ids)
    ids = {p.id for p in persons}
    ties = {t.id: t for p in persons for t in store.ties_of(p.id)}
    return build_graph(persons, [t for t in ties.values() if {t.source_id, t.target_id} <= ids])


def person_key(p: Person) -> tuple[object, ...]:
    """What a round trip keeps of a person. Without a known birth surname, the surname
    stands for it: GEDCOM has one surname field, read as the birth surname."""
    return (
        tuple(p.given_names),
        p.surname,
        p.birth_surname or p.surname,
        tuple(p.aliases),
        p.sex,
        str(p.birth_date) if p.birth_date else None,
        p.birth_date_text,
        p.birth_place,
        p.deceased,
        str(p.death_date) if p.death_date else None,
        p.death_date_text,
        p.death_place,
        p.notes,
    )


def structure(graph: nx.MultiDiGraph) -> tuple[Counter[object], Counter[object]]:
    """Persons and ties compared by content, not id. Undirected ties compare their ends as a
    set; since/until are compared for partner ties (GEDCOM has dates for couples only)."""
    key = {n: person_key(d["person"]) for n, d in graph.nodes(data=True)}
    ties: Counter[object] = Counter()
    for _, _, tie in graph.edges(data="tie"):
        assert isinstance(tie, Tie)
        ends: object = (
            (key[tie.source_id], key[tie.target_id])
            if tie.kind.directed
            else frozenset((key[tie.source_id], key[tie.target_id]))
        )
        dated = tie.kind.category is TieCategory.partner
        ties[
            (
                ends,
                tie.kind,
                tie.basis,
                tie.partner_status,
                str(tie.since) if dated and tie.since else None,
                str(tie.until) if dated and tie.until else None,
                tie.note,
            )
        ] += 1
    return Counter(key.values()), ties
