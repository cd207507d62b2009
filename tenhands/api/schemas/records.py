"""Outside person records: what an import reports, and a stored record."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from ...finding.records import RecordImport, RecordProblem
from ...graph.model import Record
from ..errors import ErrorBody
from .common import PUBLIC_CONFIG


class RecordFileProblem(BaseModel):
    """One thing wrong in a record file: where, and what. Never the cell's value."""

    model_config = PUBLIC_CONFIG

    row: int | None = Field(
        description="the row as numbered in the file (a CSV or sheet's header is row 1; "
        "a JSON Lines row is its line); null for the whole file"
    )
    column: str | None = Field(description="the column as headed in the file, if one")
    problem: str = Field(description="what is wrong, without the value")

    @classmethod
    def of(cls, problem: RecordProblem) -> RecordFileProblem:
        return cls(row=problem.row, column=problem.column, problem=problem.problem)


def problems_of(problems: Sequence[RecordProblem]) -> list[RecordFileProblem]:
    return [RecordFileProblem.of(p) for p in problems]


class RecordsImported(BaseModel):
    """What an import stored, and the rows it skipped with their problems."""

    model_config = PUBLIC_CONFIG

    source: str = Field(description="the source name the records are kept under")
    read: int = Field(description="data rows in the file, good and bad")
    imported: int = Field(description="records stored")
    skipped: int = Field(description="rows not stored")
    problems: list[RecordFileProblem]

    @classmethod
    def of(cls, source: str, report: RecordImport) -> RecordsImported:
        return cls(
            source=source,
            read=report.rows,
            imported=report.imported,
            skipped=report.skipped,
            problems=problems_of(report.problems),
        )


class RecordFileErrorBody(ErrorBody):
    """A record file refused whole (nothing stored), with each problem's row and column."""

    problems: list[RecordFileProblem] = Field(default_factory=list)


class RecordPublic(Record):
    """A stored outside record, as returned."""

    model_config = PUBLIC_CONFIG

    @classmethod
    def of(cls, record: Record) -> RecordPublic:
        return cls.model_validate(record, from_attributes=True)
