"""Writing a network as a GEDCOM 5.5.1 file (UTF-8), so it reads back the same.

- Each person → ``INDI``: ``NAME Given /Surname/`` with ``GIVN``, ``SURN``, ``NICK``
  for each alias and ``_MARNM`` plus a ``NAME`` of ``TYPE married`` when the
  surname differs from the birth surname; ``SEX`` (M, F, X, U); ``BIRT`` and
  ``DEAT`` with ``DATE`` and ``PLAC`` (a date kept as text as a phrase);
  ``DEAT Y`` for the deceased without details; ``NOTE``.
- Each partner or ex-partner tie → a ``FAM`` (the man, or else the tie's source,
  as ``HUSB``): married, divorced and widowed couples get ``MARR`` (its date:
  ``since``); divorced ones ``DIV`` (its date: ``until``); other statuses the
  vendor tags ``_MSTAT`` (Cohabiting, Partners) and ``_MEND`` (Divorce,
  Separation, Death of one spouse, Ended), dated with ``since``/``until``.
- Parent, step-parent and guardian ties → ``CHIL`` lines: a child goes into the
  family of two of its parents who are partners; a parent without a partner
  among the child's parents gets a family of their own. A non-birth tie adds
  ``_FREL``/``_MREL`` (Adopted, Foster, Legal, Related, Step, Guardian) and, for
  two adoptive or foster parents, ``FAMC … PEDI``. A parent tie's note goes under
  its ``_FREL``/``_MREL``, a couple's note is the family's ``NOTE``.
- Other ties (siblings, grandparents, friends, neighbours, godparents,
  professionals…) → ``ASSO`` on the tie's target pointing to its source, with
  ``RELA`` (the kind, or the tie's note when that is short and names the kind, e.g.
  "Godmother"), else the note as ``NOTE``, and ``_BASIS`` when not the kind's usual
  one.

Left out, always: persons whose existence is confidential, persons whose role in
the case is confidential, confidential ties, confidential birth details and
notes, and every address and contact detail (GEDCOM files leave the service).
With ``hide_living``, the living (not deceased, and born less than 100 years ago
or with no birth date) keep only ``Living /Surname/`` and their sex, and the
families and associations they are in lose their dates and notes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from ... import __version__
from ...graph.model import (
    Basis,
    Confidential,
    GedcomCarrier,
    NetworkRole,
    PartialDate,
    PartnerStatus,
    Person,
    Sex,
    Tie,
    TieKind,
)
from ...graph.model.tie import default_basis
from ...graph.store import GraphStore
from . import vocab
from .dates import MONTHS, text_to_gedcom, to_gedcom
from .names import name_lines

_FAMILY_KINDS = frozenset(k for k in TieKind if k.gedcom.carrier is GedcomCarrier.child)
_PARTNER_KINDS = frozenset(k for k in TieKind if k.gedcom.carrier is GedcomCarrier.couple)
"""Where each tie kind goes is its :attr:`~tenhands.graph.model.TieKind.gedcom`."""
_SEX = {Sex.male: "M", Sex.female: "F", Sex.other: "X", Sex.unknown: "U"}
_MARRIED = frozenset({PartnerStatus.married, PartnerStatus.divorced, PartnerStatus.widowed})
_LINE_LIMIT = 200
_RELA_LIMIT = 25
"""GEDCOM 5.5.1's longest RELA; a longer note goes into the association's NOTE."""
LIVING_YEARS = 100


@dataclass
class _Family:
    husb: str | None
    wife: str | None
    partner_tie: Tie | None = None
    children: dict[str, dict[str, Tie]] = field(default_factory=dict)
    """child id → {"HUSB"/"WIFE": the parent's tie}"""


def export_case_gedcom(store: GraphStore, case_id: str, *, hide_living: bool = False) -> str:
    """A case's children and network as GEDCOM (:class:`NotFound` for an unknown case)."""
    return export_gedcom(store.case_subgraph(case_id), hide_living=hide_living)


def export_gedcom(
    graph: nx.MultiDiGraph,
    *,
    hide_living: bool = False,
    source_name: str = "TenHands",
    today: date | None = None,
) -> str:
    """The persons (node attribute ``person``) and ties (edge attribute ``tie``) of
    ``graph`` as a GEDCOM 5.5.1 text; see the module's documentation."""
    today = today or date.today()
    persons = _shareable_persons(graph)
    ties = sorted(
        (
            t
            for _, _, t in graph.edges(data="tie")
            if isinstance(t, Tie)
            and not t.confidential
            and t.source_id in persons
            and t.target_id in persons
        ),
        key=lambda t: t.id,
    )
    xref = {pid: f"@I{n}@" for n, pid in enumerate(sorted(persons), start=1)}
    hidden = {pid for pid, p in persons.items() if hide_living and _living(p, today)}
    families = _families(persons, ties)
    fam_xref = {id(f): f"@F{n}@" for n, f in enumerate(families, start=1)}

    out = _Lines()
    _header(out, source_name, today)
    spouse_in: dict[str, list[_Family]] = defaultdict(list)
    child_in: dict[str, list[_Family]] = defaultdict(list)
    for family in families:
        for spouse in (family.husb, family.wife):
            if spouse is not None:
                spouse_in[spouse].append(family)
        for child in family.children:
            child_in[child].append(family)
    associations: dict[str, list[Tie]] = defaultdict(list)
    for tie in ties:
        if tie.kind not in _FAMILY_KINDS | _PARTNER_KINDS:
            associations[tie.target_id].append(tie)

    for pid in sorted(persons):
        person = persons[pid]
        out.add(0, "INDI", xref=xref[pid])
        _person(out, person, hidden=pid in hidden)
        for family in child_in[pid]:
            out.add(1, "FAMC", fam_xref[id(family)])
            pedi = _pedi(family.children[pid].values())
            if pedi is not None:
                out.add(2, "PEDI", pedi)
        for family in spouse_in[pid]:
            out.add(1, "FAMS", fam_xref[id(family)])
        for tie in associations[pid]:
            _association(out, tie, xref[tie.source_id], hide=bool({pid, tie.source_id} & hidden))
    for family in families:
        out.add(0, "FAM", xref=fam_xref[id(family)])
        _family(out, family, xref, hide=bool({family.husb, family.wife} & hidden))
    out.add(0, "TRLR")
    return out.text()


def _shareable_persons(graph: nx.MultiDiGraph) -> dict[str, Person]:
    persons: dict[str, Person] = {}
    for pid, data in graph.nodes(data=True):
        person = data.get("person")
        role = data.get("role")
        if not isinstance(person, Person) or Confidential.identity in person.confidential:
            continue
        if isinstance(role, NetworkRole) and role.confidential:
            continue
        persons[pid] = person
    return persons


def _living(person: Person, today: date) -> bool:
    """Not deceased, and born less than 100 years ago or with no birth date known."""
    if person.deceased:
        return False
    if person.birth_date is None:
        return True
    cutoff = date(today.year - LIVING_YEARS, today.month, min(today.day, 28))
    return person.birth_date.latest() >= cutoff


# -- families ------------------------------------------------------------------------------


def _families(persons: dict[str, Person], ties: list[Tie]) -> list[_Family]:
    couples: list[_Family] = []
    for tie in ties:
        if tie.kind in _PARTNER_KINDS:
            first, second = _husband_first(persons, tie.source_id, tie.target_id)
            couples.append(_Family(first, second, tie))
    parents_of: dict[str, list[Tie]] = defaultdict(list)
    for tie in ties:
        if tie.kind in _FAMILY_KINDS:
            parents_of[tie.target_id].append(tie)
    singles: dict[str, _Family] = {}
    for child in sorted(parents_of):
        parent_ties = {t.source_id: t for t in reversed(parents_of[child])}  # first tie wins
        placed: set[str] = set()
        for family in couples:
            husb, wife = family.husb, family.wife
            free = parent_ties.keys() - placed
            if husb is None or wife is None or husb not in free or wife not in free:
                continue
            family.children[child] = {"HUSB": parent_ties[husb], "WIFE": parent_ties[wife]}
            placed |= {husb, wife}
        for parent in sorted(parent_ties.keys() - placed):
            single = singles.get(parent)
            if single is None:
                is_wife = persons[parent].sex is Sex.female
                single = _Family(None if is_wife else parent, parent if is_wife else None)
                singles[parent] = single
            single.children[child] = {"WIFE" if single.wife else "HUSB": parent_ties[parent]}
    return couples + [singles[p] for p in sorted(singles)]


def _husband_first(persons: dict[str, Person], a: str, b: str) -> tuple[str, str]:
    """GEDCOM 5.5.1 puts the man as HUSB and the woman as WIFE; else keep the tie's order."""
    sa, sb = persons[a].sex, persons[b].sex
    if sa is Sex.female and sb is not Sex.female or sb is Sex.male and sa is not Sex.male:
        return b, a
    return a, b


def _pedi(parent_ties: Iterable[Tie]) -> str | None:
    ties = list(parent_ties)
    bases = {t.basis or Basis.biological for t in ties if t.kind is TieKind.parent}
    if len(ties) == 2 and len(bases) == 1:
        return vocab.pedi_value(bases.pop())
    return None


def _family(out: _Lines, family: _Family, xref: dict[str, str], *, hide: bool) -> None:
    if family.husb is not None:
        out.add(1, "HUSB", xref[family.husb])
    if family.wife is not None:
        out.add(1, "WIFE", xref[family.wife])
    for child, parent_ties in family.children.items():
        out.add(1, "CHIL", xref[child])
        for role, tie in parent_ties.items():
            word = vocab.pedigree_word(tie.kind, tie.basis or Basis.biological)
            note = None if hide else tie.note
            if word is not None or note:
                out.add(2, "_FREL" if role == "HUSB" else "_MREL", word or "Natural")
            if note:
                out.add(3, "NOTE", note)
    partner = family.partner_tie
    if partner is None:
        return
    if partner.note and not hide:
        out.add(1, "NOTE", partner.note)
    status = partner.partner_status
    since = None if hide else partner.since
    until = None if hide else partner.until
    if status in _MARRIED:
        _event(out, "MARR", since)
    elif status is not None and status in vocab.START_WORDS:
        out.add(1, "_MSTAT", vocab.START_WORDS[status])
        _date(out, since)
    elif since is not None:
        out.add(1, "_MSTAT", "Unknown")
        _date(out, since)
    if status is PartnerStatus.divorced:
        _event(out, "DIV", until)
    elif status is not None and status in vocab.END_WORDS:
        out.add(1, "_MEND", vocab.END_WORDS[status])
        _date(out, until)
    elif partner.kind is TieKind.ex_partner or until is not None:
        out.add(1, "_MEND", vocab.ENDED)
        _date(out, until)


def _event(out: _Lines, tag: str, when: PartialDate | None) -> None:
    if when is None:
        out.add(1, tag, "Y")
    else:
        out.add(1, tag)
        _date(out, when)


def _date(out: _Lines, when: PartialDate | None) -> None:
    if when is not None:
        out.add(2, "DATE", to_gedcom(when))


# -- persons and associations ----------------------------------------------------------------


def _person(out: _Lines, person: Person, *, hidden: bool) -> None:
    birth_name = person.birth_surname or person.surname
    if hidden:
        out.add(1, "NAME", f"Living /{birth_name or ''}/")
        out.add(1, "SEX", _SEX[person.sex])
        return
    married = person.surname if person.birth_surname and person.surname else None
    if married == birth_name:
        married = None
    for level, tag, value in name_lines(person.given_names, birth_name, married, person.aliases):
        out.add(level, tag, value)
    out.add(1, "SEX", _SEX[person.sex])
    if Confidential.birth not in person.confidential:
        _vital(out, "BIRT", person.birth_date, person.birth_date_text, person.birth_place)
    if person.deceased:
        if person.death_date or person.death_date_text or person.death_place:
            _vital(out, "DEAT", person.death_date, person.death_date_text, person.death_place)
        else:
            out.add(1, "DEAT", "Y")
    if person.notes and Confidential.notes not in person.confidential:
        out.add(1, "NOTE", person.notes)


def _vital(
    out: _Lines, tag: str, when: PartialDate | None, text: str | None, place: str | None
) -> None:
    if not (when or text or place):
        return
    out.add(1, tag)
    if when is not None:
        out.add(2, "DATE", to_gedcom(when))
    elif text:
        out.add(2, "DATE", text_to_gedcom(text))
    if place:
        out.add(2, "PLAC", place)


def _association(out: _Lines, tie: Tie, other: str, *, hide: bool) -> None:
    note = None if hide else tie.note
    kind = tie.kind
    out.add(1, "ASSO", other)
    if (
        note
        and len(note) <= _RELA_LIMIT
        and not vocab.is_plain_word(note, kind)
        and vocab.association(note) == (kind, False)
    ):
        out.add(2, "RELA", note)  # e.g. "Godmother": it names the kind and says more
    else:
        out.add(2, "RELA", vocab.word(kind))
        if note:
            out.add(2, "NOTE", note)
    basis = tie.basis
    if basis is not None and basis is not default_basis(kind):
        out.add(2, "_BASIS", basis.value)


# -- lines ---------------------------------------------------------------------------------


def _header(out: _Lines, source_name: str, today: date) -> None:
    out.add(0, "HEAD")
    out.add(1, "SOUR", "TENHANDS")
    out.add(2, "NAME", source_name)
    out.add(2, "VERS", __version__)
    out.add(1, "DATE", f"{today.day} {MONTHS[today.month - 1]} {today.year}")
    out.add(1, "SUBM", "@U1@")
    out.add(1, "GEDC")
    out.add(2, "VERS", "5.5.1")
    out.add(2, "FORM", "LINEAGE-LINKED")
    out.add(1, "CHAR", "UTF-8")
    out.add(0, "SUBM", xref="@U1@")
    out.add(1, "NAME", source_name)


class _Lines:
    """GEDCOM lines: new lines in values become ``CONT``, long ones are cut with ``CONC``."""

    def __init__(self) -> None:
        self._lines: list[str] = []

    def add(self, level: int, tag: str, value: str = "", *, xref: str | None = None) -> None:
        head = f"{level} {xref} {tag}" if xref else f"{level} {tag}"
        pieces = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self._long(head, pieces[0], level)
        for piece in pieces[1:]:
            self._long(f"{level + 1} CONT", piece, level)

    def _long(self, head: str, value: str, level: int) -> None:
        chunks = _chunks(value)
        self._lines.append(f"{head} {chunks[0]}" if chunks[0] else head)
        self._lines.extend(f"{level + 1} CONC {chunk}" for chunk in chunks[1:])

    def text(self) -> str:
        return "\n".join(self._lines) + "\n"


def _chunks(value: str) -> list[str]:
    """``value`` cut into pieces of at most 200 characters, never next to a space (some
    programs drop spaces at the ends of lines)."""
    chunks: list[str] = []
    while len(value) > _LINE_LIMIT:
        cut = _LINE_LIMIT
        while cut > 1 and (value[cut - 1] == " " or value[cut] == " "):
            cut -= 1
        chunks.append(value[:cut])
        value = value[cut:]
    chunks.append(value)
    return chunks
