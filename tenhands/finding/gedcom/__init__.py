"""GEDCOM family trees in and out.

Relatives often bring their family tree from a genealogy site as a GEDCOM file.
:func:`import_gedcom` reads one (5.5, 5.5.1 or 7.0; UTF-8, UTF-16, ANSEL, ASCII or
ANSI/Windows-1252) into a store, all or nothing, with every problem reported by
line; :func:`export_gedcom` and :func:`export_case_gedcom` write a network back as
GEDCOM 5.5.1. Parsing is done by ged4py (MIT), see :mod:`.parse`.

Modules: :mod:`.charset` and :mod:`.lines` (checking the bytes and lines),
:mod:`.parse` (ged4py → a tree of nodes), :mod:`.dates`, :mod:`.names`,
:mod:`.vocab` (pedigree, partner and association words), :mod:`.mapping` (nodes →
persons and ties), :mod:`.importer`, :mod:`.writer`, :mod:`.problems`.
"""

from .importer import ImportReport, import_gedcom
from .problems import GedcomError, GedcomProblem, Severity
from .writer import export_case_gedcom, export_gedcom

__all__ = [
    "GedcomError",
    "GedcomProblem",
    "ImportReport",
    "Severity",
    "export_case_gedcom",
    "export_gedcom",
    "import_gedcom",
]
