"""What can be wrong in a GEDCOM file, said so a person can find and fix it.

A problem names the line and the record (its ``@xref@``) and says what is wrong,
quoting at most a tag, a pointer or a date as written: never a name, a place or
a note, so problems can be shown, logged and returned by the API.

>>> str(GedcomProblem("FAMC points to @F99@, which is not in the file", line=42, xref="@I7@"))
'line 42 (@I7@): FAMC points to @F99@, which is not in the file'
>>> str(GedcomProblem("the file is empty"))
'the file is empty'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

MAX_LISTED = 1_000
"""Errors, and warnings, listed for one file; past them only their number is told."""


class Severity(StrEnum):
    error = "error"
    """The file is broken here: nothing is imported unless ``keep_valid`` is asked for."""
    warning = "warning"
    """Read with doubt or left out, never blocking (or an error skipped under ``keep_valid``)."""


@dataclass(frozen=True, slots=True)
class GedcomProblem:
    """One thing wrong or doubtful in a file: where, in which record, and what."""

    message: str
    line: int | None = None
    xref: str | None = None
    severity: Severity = Severity.error

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else ""
        if self.xref:
            where = f"{where} ({self.xref})" if where else self.xref
        return f"{where}: {self.message}" if where else self.message


class GedcomError(ValueError):
    """A file that cannot be imported, with every problem found in it.

    ``problems`` holds the blocking ones, ``warnings`` the rest; nothing was stored.
    """

    def __init__(
        self, problems: list[GedcomProblem], warnings: Iterable[GedcomProblem] = ()
    ) -> None:
        self.problems = problems
        self.warnings = list(warnings)
        first = f": {problems[0]}" if problems else ""
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        super().__init__(f"the GEDCOM file has {count}, nothing was imported{first}{more}")


@dataclass
class Problems:
    """Collects the problems of one import.

    With ``keep_valid``, what would block becomes a warning that says what was
    skipped. Unknown tags are reported once per tag, at their first line. At most
    :data:`MAX_LISTED` errors and as many warnings are listed; the rest are counted.
    """

    keep_valid: bool = False
    errors: list[GedcomProblem] = field(default_factory=list)
    warnings: list[GedcomProblem] = field(default_factory=list)
    _unknown: dict[str, tuple[int, str | None, int]] = field(default_factory=dict)
    _unlisted: dict[Severity, int] = field(default_factory=dict)

    def _add(self, problem: GedcomProblem) -> None:
        listed = self.errors if problem.severity is Severity.error else self.warnings
        if len(listed) < MAX_LISTED:
            listed.append(problem)
        else:
            self._unlisted[problem.severity] = self._unlisted.get(problem.severity, 0) + 1

    def error(
        self, message: str, line: int | None = None, xref: str | None = None, *, skipped: str
    ) -> None:
        """A blocking problem; under ``keep_valid`` a warning ending in ``skipped``."""
        if self.keep_valid:
            self._add(GedcomProblem(f"{message}; {skipped}", line, xref, Severity.warning))
        else:
            self._add(GedcomProblem(message, line, xref, Severity.error))

    def fatal(self, message: str, line: int | None = None, xref: str | None = None) -> None:
        """A problem that stops the import even under ``keep_valid``."""
        self.errors.append(GedcomProblem(message, line, xref, Severity.error))

    def warn(self, message: str, line: int | None = None, xref: str | None = None) -> None:
        self._add(GedcomProblem(message, line, xref, Severity.warning))

    def unknown_tag(self, tag: str, line: int, xref: str | None) -> None:
        first = self._unknown.get(tag)
        if first is None:
            if len(self._unknown) >= MAX_LISTED:  # a file of made-up tags: count them
                self._unlisted[Severity.warning] = self._unlisted.get(Severity.warning, 0) + 1
                return
            self._unknown[tag] = (line, xref, 1)
        else:
            self._unknown[tag] = (first[0], first[1], first[2] + 1)

    def finish(self) -> None:
        """Turn the unknown tags counted into warnings and order everything by line."""
        for tag, (line, xref, count) in self._unknown.items():
            more = f" (and {count - 1} more times)" if count > 1 else ""
            self.warn(f"unknown tag {tag} is not imported{more}", line, xref)
        self._unknown.clear()
        self.errors.sort(key=_by_line)
        self.warnings.sort(key=_by_line)
        for severity, listed in ((Severity.error, self.errors), (Severity.warning, self.warnings)):
            count = self._unlisted.pop(severity, 0)
            if count:
                noun = "error" if severity is Severity.error else "warning"
                noun += "" if count == 1 else "s"
                listed.append(GedcomProblem(f"and {count:,} more {noun}", severity=severity))

    def raise_if_blocked(self) -> None:
        if self.errors:
            raise GedcomError(list(self.errors), self.warnings)


def _by_line(problem: GedcomProblem) -> int:
    return problem.line if problem.line is not None else 0
