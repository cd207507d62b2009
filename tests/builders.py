"""Small builders of synthetic test data (never real people)."""

from __future__ import annotations

from pathlib import Path

from tenhands.graph.model import Case, NetworkRole, Person, Tie, TieKind

TEST_DATA = Path(__file__).resolve().parent / "data"
"""Public sample data kept with the tests (sources and licences in its README)."""

GEDCOM_SAMPLE = TEST_DATA / "gedcom" / "sample.ged"
"""The Gramps project's public GEDCOM 5.5 sample (43 individuals, 15 families)."""


def person(pid: str, given: str = "Test", surname: str = "Persoon", **extra: object) -> Person:
    return Person(id=pid, given_names=[given], surname=surname, **extra)  # type: ignore[arg-type]


def tie(tid: str, source: str, target: str, kind: str = "friend", **extra: object) -> Tie:
    return Tie(id=tid, source_id=source, target_id=target, kind=TieKind(kind), **extra)  # type: ignore[arg-type]


def case(cid: str, *children: str, title: str = "Testcasus") -> Case:
    return Case(id=cid, title=title, child_ids=list(children))


def role(cid: str, pid: str, **extra: object) -> NetworkRole:
    return NetworkRole(case_id=cid, person_id=pid, **extra)  # type: ignore[arg-type]
