"""What a family-tree import reports."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ...finding.gedcom import ImportReport
from ...graph.model.common import Id
from ..errors import FileProblem
from .common import PUBLIC_CONFIG


class GedcomImported(BaseModel):
    model_config = PUBLIC_CONFIG

    persons: int = Field(description="persons created or updated")
    ties: int = Field(description="ties created or updated")
    person_ids: list[Id]
    warnings: list[FileProblem] = Field(description="what was skipped or read with doubt")

    @classmethod
    def of(cls, report: ImportReport) -> GedcomImported:
        return cls(
            persons=report.persons,
            ties=report.ties,
            person_ids=list(report.person_ids),
            warnings=[
                FileProblem(line=w.line, ref=w.xref, message=w.message) for w in report.warnings
            ],
        )
