"""From a parsed GEDCOM file to TenHands persons and ties.

- ``INDI`` → :class:`Person`: names (see :mod:`.names`), ``SEX`` (M, F, U, X),
  ``BIRT``/``DEAT`` dates and places (see :mod:`.dates`), ``DEAT``, ``BURI`` or
  ``CREM`` → deceased, ``NOTE`` (inline or a ``NOTE``/``SNOTE`` record). In a
  file, a woman's surname is her birth surname: a woman who is a spouse in a
  family gets it as ``birth_surname`` too, and a married name (``_MARNM``, a
  ``NAME`` of ``TYPE married``) becomes her ``surname``.
- ``FAM`` with ``HUSB`` and ``WIFE`` → a partner tie (husband → wife; the
  family's ``NOTE`` as its note): ``MARR`` → married since its date; ``DIV`` →
  ex-partner, divorced, until its date; the vendor tags ``_MSTAT`` (how a couple
  began) and ``_MEND`` (how it ended: divorce, separation, death of one spouse)
  for the other statuses.
- Each child of a family → a tie from each parent: the pedigree comes from the
  child's ``_FREL``/``_MREL`` (on ``CHIL`` or on ``FAMC``), an ``ADOP`` event
  naming the family, or ``FAMC.PEDI``; the first that is not "birth" wins
  (Family Tree Maker writes "Natural" by default). Adopted, foster, sealed
  (legal) and related (social) make parent ties of that basis; step makes a
  step-parent tie, guardian a guardian tie.
- Links count from either side: ``FAMC`` without the family's ``CHIL``, and
  ``FAMS`` without its ``HUSB``/``WIFE`` (placed by sex), and the reverse.
- ``ASSO`` → an informal tie from the associate to the person holding it
  ("RELA godmother": the associate is the godmother): godparent, friend,
  neighbour and the other kinds by their English, Dutch or French word, else
  ``other`` with a warning that names the line (never the word: it may hold a name);
  the ``RELA`` text is kept as the tie's note unless it is just the
  kind's own word. GEDCOM 7's ``ROLE`` (``GODP``, ``FRIEND``, ``NGHBR``…) too.

Every person and tie carries the file as its source, with the record's xref.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import ValidationError

from ...graph.model import (
    Basis,
    PartialDate,
    PartnerStatus,
    Person,
    Provenance,
    Sex,
    SourceKind,
    SourceRef,
    Tie,
    TieKind,
    utcnow,
)
from . import ids, vocab
from .dates import read_date
from .names import read_names
from .parse import GedcomFile, Node
from .problems import Problems
from .tags import KNOWN_TAGS, RECORD_TAGS

SHORT = 500
LONG = 20_000
CREATED_BY = "gedcom-import"

_SEX = {"M": Sex.male, "F": Sex.female, "U": Sex.unknown, "X": Sex.other}
_KIND_OF_RECORD = {"INDI": "a person", "FAM": "a family", "NOTE": "a note", "SNOTE": "a note"}


@dataclass
class Mapped:
    persons: list[Person] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)


@dataclass
class _ChildLink:
    line: int
    chil: Node | None = None
    famc: Node | None = None
    adopted_by: str | None = None
    """``HUSB``, ``WIFE`` or ``BOTH``, from an ``ADOP`` event naming the family (some
    programs point to the adopting parent instead)."""


@dataclass
class _Family:
    node: Node
    husb: str | None = None
    wife: str | None = None
    children: dict[str, _ChildLink] = field(default_factory=dict)


def map_file(
    gedcom: GedcomFile, *, source_name: str, problems: Problems, case_id: str | None = None
) -> Mapped:
    """Persons and ties of a parsed file, with the ids of an import into ``case_id`` (see
    :mod:`.ids`); what is wrong goes into ``problems``."""
    return _Mapper(gedcom, source_name, problems, case_id).run()


class _Mapper:
    def __init__(
        self, gedcom: GedcomFile, source_name: str, problems: Problems, case_id: str | None
    ) -> None:
        self.file = gedcom
        self.source_name = source_name
        self.case_id = case_id
        self.problems = problems
        self.now = utcnow()
        self.indis: dict[str, Node] = {}
        self.fams: dict[str, Node] = {}
        self.skipped: set[str] = set()

    # -- the whole file ------------------------------------------------------------------

    def run(self) -> Mapped:
        self._index()
        self._unknown_tags()
        families = self._families()
        spouses = {x for f in families.values() for x in (f.husb, f.wife) if x is not None}
        mapped = Mapped()
        person_of: dict[str, Person] = {}
        for xref, node in self.indis.items():
            if xref in self.skipped:
                continue
            person = self._person(xref, node, xref in spouses)
            if person is not None:
                person_of[xref] = person
                mapped.persons.append(person)
        seen: set[tuple[str, str, TieKind]] = set()
        for tie in self._family_ties(families, person_of):
            key = (tie.source_id, tie.target_id, tie.kind)
            if key not in seen:
                seen.add(key)
                mapped.ties.append(tie)
        mapped.ties.extend(self._associations(person_of))
        return mapped

    def _index(self) -> None:
        for node in self.file.records:
            if node.tag in ("INDI", "FAM") and node.xref is None:
                self.problems.error(
                    f"{node.tag} record has no @xref@", node.line, skipped="record skipped"
                )
            elif node.tag == "INDI":
                assert node.xref is not None
                self.indis[node.xref] = node
                if not node.every("NAME"):
                    self.problems.error(
                        "INDI record has no NAME", node.line, node.xref, skipped="person skipped"
                    )
                    self.skipped.add(node.xref)
            elif node.tag == "FAM":
                assert node.xref is not None
                self.fams[node.xref] = node
            elif node.tag not in RECORD_TAGS:
                self.problems.unknown_tag(node.tag, node.line, node.xref)

    def _unknown_tags(self) -> None:
        for record in self.file.records:
            if record.tag not in RECORD_TAGS:
                continue
            for node in _walk(record.children):
                if node.tag not in KNOWN_TAGS:
                    self.problems.unknown_tag(node.tag, node.line, record.xref)

    # -- links ---------------------------------------------------------------------------

    def _target(self, node: Node, xref: str | None, want: str) -> str | None:
        """The record a link points to, if it is there and of the kind wanted."""
        pointer = node.pointer
        if pointer is None:
            if node.value and node.value != "@VOID@":
                self.problems.error(
                    f"{node.tag} should point to {_KIND_OF_RECORD[want]} (@XREF@)",
                    node.line,
                    xref,
                    skipped="link skipped",
                )
            return None
        if pointer == "@VOID@":
            return None
        target = self.file.by_xref.get(pointer)
        if target is None:
            self.problems.error(
                f"{node.tag} points to {pointer}, which is not in the file",
                node.line,
                xref,
                skipped="link skipped",
            )
            return None
        if target.tag != want and not (want == "NOTE" and target.tag == "SNOTE"):
            self.problems.error(
                f"{node.tag} points to {pointer}, which is {_a(target.tag)} {target.tag} record, "
                f"not {_KIND_OF_RECORD[want]}",
                node.line,
                xref,
                skipped="link skipped",
            )
            return None
        if pointer in self.skipped:
            return None
        return pointer

    def _families(self) -> dict[str, _Family]:
        families = {x: _Family(node) for x, node in self.fams.items()}
        for xref, family in families.items():
            for role in ("HUSB", "WIFE"):
                lines = family.node.every(role)
                for extra in lines[1:]:
                    self.problems.warn(f"a second {role} is ignored", extra.line, xref)
                if lines and (person := self._target(lines[0], xref, "INDI")) is not None:
                    setattr(family, role.lower(), person)
            for chil in family.node.every("CHIL"):
                child = self._target(chil, xref, "INDI")
                if child is not None and child not in family.children:
                    family.children[child] = _ChildLink(chil.line, chil=chil)
        for xref, indi in self.indis.items():
            if xref in self.skipped:
                continue
            self._child_links(xref, indi, families)
            for fams in indi.every("FAMS"):
                if (f := self._target(fams, xref, "FAM")) is not None:
                    self._place_spouse(families[f], xref, indi, fams.line)
        for xref, family in families.items():
            self._check_family(xref, family)
        return families

    def _child_links(self, xref: str, indi: Node, families: dict[str, _Family]) -> None:
        famcs = list(indi.every("FAMC"))
        for tag in ("BIRT", "CHR", "BAPM"):
            for event in indi.every(tag):
                famcs.extend(event.every("FAMC"))
        for famc in famcs:
            f = self._target(famc, xref, "FAM")
            if f is None:
                continue
            link = families[f].children.setdefault(xref, _ChildLink(famc.line))
            if link.famc is None:
                link.famc = famc
        for adop in indi.every("ADOP"):
            adopted_into = adop.first("FAMC")
            if adopted_into is None:
                continue
            f = self._target(adopted_into, xref, "FAM")
            if f is None:
                continue
            link = families[f].children.setdefault(xref, _ChildLink(adopted_into.line))
            link.adopted_by = adopted_into.text("ADOP").strip() or "BOTH"

    def _place_spouse(self, family: _Family, xref: str, indi: Node, line: int) -> None:
        if xref in (family.husb, family.wife):
            return
        sex = indi.text("SEX").strip().upper()
        if sex == "M" and family.husb is None:
            family.husb = xref
        elif sex == "F" and family.wife is None:
            family.wife = xref
        elif family.husb is None:
            family.husb = xref
        elif family.wife is None:
            family.wife = xref
        else:
            self.problems.warn(
                f"FAMS points to {family.node.xref}, which has two partners already",
                line,
                xref,
            )

    def _check_family(self, xref: str, family: _Family) -> None:
        if family.husb is not None and family.husb == family.wife:
            self.problems.error(
                f"HUSB and WIFE are the same person ({family.husb})",
                family.node.line,
                xref,
                skipped="partner tie skipped",
            )
            family.wife = None
        for child in list(family.children):
            if child in (family.husb, family.wife):
                self.problems.error(
                    f"{child} is both a partner and a child in this family",
                    family.children[child].line,
                    xref,
                    skipped="child link skipped",
                )
                del family.children[child]

    # -- persons ---------------------------------------------------------------------------

    def _person(self, xref: str, indi: Node, spouse: bool) -> Person | None:
        parts = read_names(indi)
        assert parts is not None
        sex_node = indi.first("SEX")
        sex_text = sex_node.value.strip().upper() if sex_node is not None else ""
        sex = _SEX.get(sex_text[:1], Sex.unknown)
        if sex_node is not None and sex_text and sex_text[:1] not in _SEX:
            self.problems.warn(
                f"SEX {sex_text[:10]!r} is not M, F, U or X; read as unknown", sex_node.line, xref
            )

        surname = parts.married or parts.surname
        birth_surname = parts.birth
        married_woman = parts.married is not None or (sex is Sex.female and spouse)
        if birth_surname is None and married_woman:
            birth_surname = parts.surname
        birth = indi.first("BIRT")
        death = indi.first("DEAT")
        birth_date, birth_text = self._date(birth, "BIRT", xref)
        death_date, death_text = self._date(death, "DEAT", xref)
        if (
            birth_date is not None
            and death_date is not None
            and death is not None
            and death_date.latest() < birth_date.earliest()
        ):
            date_line = death.first("DATE")
            self.problems.error(
                "the death date lies before the birth date",
                date_line.line if date_line else death.line,
                xref,
                skipped="death date kept as text",
            )
            death_text = date_line.date_text if date_line else None
            death_date = None
        deceased = (
            any(d.value.strip().upper() not in ("N", "NO") for d in indi.every("DEAT"))
            or bool(indi.every("BURI") or indi.every("CREM"))
            or bool(death_date or death_text)
        )
        notes = []
        if parts.title:
            notes.append(f"Title: {parts.title}")
        if parts.suffix:
            notes.append(f"Name suffix: {parts.suffix}")
        notes.extend(self._notes(indi, xref))
        note_text = "\n\n".join(n for n in notes if n) or None
        if note_text is not None and len(note_text) > LONG:
            self.problems.warn(f"the notes are cut to {LONG} characters", indi.line, xref)
            note_text = note_text[:LONG]
        line = indi.line
        try:
            return Person(
                id=ids.person_id(self.source_name, xref, case_id=self.case_id),
                given_names=[self._short(g, "a given name", line, xref) for g in parts.given_names],
                surname=self._short(surname, "the surname", line, xref),
                birth_surname=self._short(birth_surname, "the birth surname", line, xref),
                aliases=[self._short(a, "an alias", line, xref) for a in parts.aliases],
                sex=sex,
                birth_date=birth_date,
                birth_date_text=self._short(birth_text, "the birth date", line, xref),
                birth_place=self._short(_place(birth), "the birth place", line, xref),
                deceased=deceased,
                death_date=death_date,
                death_date_text=self._short(death_text, "the death date", line, xref),
                death_place=self._short(_place(death), "the death place", line, xref),
                notes=note_text,
                provenance=self._provenance(xref),
            )
        except ValidationError as exc:
            self.problems.error(
                f"the person cannot be stored: {_reason(exc)}", line, xref, skipped="person skipped"
            )
            return None

    def _date(
        self, event: Node | None, what: str, xref: str
    ) -> tuple[PartialDate | None, str | None]:
        node = event.first("DATE") if event is not None else None
        if node is None:
            return None, None
        read = read_date(node.value, node.date)
        if read.error is not None:
            self.problems.error(
                f"{what} DATE '{_quoted(read.text)}' cannot be read: {read.error}",
                node.line,
                xref,
                skipped="kept as text",
            )
        elif read.doubt is not None:
            self.problems.warn(
                f"{what} DATE '{_quoted(read.text)}' is kept as text: {read.doubt}",
                node.line,
                xref,
            )
        return read.date, read.text

    def _notes(self, holder: Node, xref: str) -> Iterator[str]:
        for note in [*holder.every("NOTE"), *holder.every("SNOTE")]:
            if note.pointer is None:
                yield note.value.strip()
                continue
            target = self._target(note, xref, "NOTE")
            if target is not None:
                yield self.file.by_xref[target].value.strip()

    def _short(self, text: str | None, what: str, line: int, xref: str) -> str | None:
        if text is None:
            return None
        text = text.strip()
        if len(text) > SHORT:
            self.problems.warn(f"{what} is cut to {SHORT} characters", line, xref)
            return text[:SHORT]
        return text or None

    def _provenance(self, ref: str) -> Provenance:
        return Provenance(
            created_by=CREATED_BY,
            created_at=self.now,
            source=SourceRef(kind=SourceKind.gedcom, name=self.source_name, ref=ref),
        )

    # -- ties ------------------------------------------------------------------------------

    def _family_ties(
        self, families: dict[str, _Family], person_of: dict[str, Person]
    ) -> Iterator[Tie]:
        for xref, family in families.items():
            husb = person_of.get(family.husb) if family.husb else None
            wife = person_of.get(family.wife) if family.wife else None
            if husb is not None and wife is not None:
                tie = self._partner_tie(xref, family.node, husb.id, wife.id)
                if tie is not None:
                    yield tie
            for child_xref, link in family.children.items():
                child = person_of.get(child_xref)
                if child is None:
                    continue
                for role, parent in (("HUSB", husb), ("WIFE", wife)):
                    if parent is None:
                        continue
                    kind, basis = self._pedigree(link, role, child_xref, family)
                    yield Tie(
                        id=ids.parent_tie_id(
                            self.source_name, xref, child_xref, role, case_id=self.case_id
                        ),
                        source_id=parent.id,
                        target_id=child.id,
                        kind=kind,
                        basis=basis,
                        note=self._link_note(link, role, xref),
                        provenance=self._provenance(xref),
                    )

    def _link_note(self, link: _ChildLink, role: str, xref: str) -> str | None:
        """A note on one parent's link (``_FREL``/``_MREL`` … ``NOTE``, as TenHands writes)."""
        vendor = "_FREL" if role == "HUSB" else "_MREL"
        for holder in (link.chil, link.famc):
            if holder is not None and (n := holder.first(vendor)) is not None:
                note = " ".join(self._notes(n, xref)).strip()
                if note:
                    return self._short(note, "a parent's note", n.line, xref)
        return None

    def _pedigree(
        self, link: _ChildLink, role: str, xref: str, family: _Family
    ) -> tuple[TieKind, Basis]:
        vendor = "_FREL" if role == "HUSB" else "_MREL"
        words: list[tuple[str, int]] = []
        for holder in (link.chil, link.famc):
            if holder is not None and (n := holder.first(vendor)) is not None:
                words.append((n.value, n.line))
        adopter = link.adopted_by
        if adopter is not None and adopter in (family.husb, family.wife):
            adopter = "HUSB" if adopter == family.husb else "WIFE"
        if adopter is not None and adopter.upper() in (role, "BOTH"):
            words.append(("adopted", link.line))
        if link.famc is not None and (pedi := link.famc.first("PEDI")) is not None:
            phrase = pedi.text("PHRASE")
            other = pedi.value.upper() == "OTHER" and phrase
            words.append((phrase if other else pedi.value, pedi.line))
        for word, line in words:
            try:
                found = vocab.pedigree(word)
            except KeyError:
                self.problems.warn(
                    f"pedigree {word.strip()[:40]!r} is not known; read as birth", line, xref
                )
                continue
            if found is not None:
                return found
        return TieKind.parent, Basis.biological

    def _partner_tie(self, xref: str, fam: Node, husb: str, wife: str) -> Tie | None:
        marr = fam.first("MARR")
        div = fam.first("DIV")
        start = fam.first("_MSTAT")
        end = fam.first("_MEND") or fam.first("_SEPR")
        status: PartnerStatus | None = None
        kind = TieKind.partner
        if div is not None and div.value.strip().upper() not in ("N", "NO"):
            kind, status = TieKind.ex_partner, PartnerStatus.divorced
        elif end is not None:
            status = vocab.end_status(end.value or ("separation" if end.tag == "_SEPR" else ""))
            kind = TieKind.partner if status is PartnerStatus.widowed else TieKind.ex_partner
        if status is None and marr is not None:
            status = PartnerStatus.married
        if status is None and start is not None:
            status = vocab.start_status(start.value)
        since, _ = self._date(marr or start, "MARR" if marr else "_MSTAT", xref)
        until_event = div if kind is TieKind.ex_partner and div is not None else end
        until, _ = self._date(until_event, until_event.tag if until_event else "", xref)
        if since is not None and until is not None and until < since:
            self.problems.error(
                "the partners' relationship ends before it starts",
                fam.line,
                xref,
                skipped="end date left out",
            )
            until = None
        try:
            return Tie(
                id=ids.partner_tie_id(self.source_name, xref, case_id=self.case_id),
                source_id=husb,
                target_id=wife,
                kind=kind,
                partner_status=status,
                since=since,
                until=until,
                note=self._short(
                    " ".join(self._notes(fam, xref)).strip(), "the family's note", fam.line, xref
                ),
                provenance=self._provenance(xref),
            )
        except ValidationError as exc:  # pragma: no cover - guarded above
            self.problems.error(
                f"the tie cannot be stored: {_reason(exc)}", fam.line, xref, skipped="tie skipped"
            )
            return None

    def _associations(self, person_of: dict[str, Person]) -> Iterator[Tie]:
        for xref, indi in self.indis.items():
            holder = person_of.get(xref)
            if holder is None:
                continue
            for number, asso in enumerate(indi.every("ASSO"), start=1):
                target = self._target(asso, xref, "INDI")
                if target is None or target not in person_of:
                    continue
                if target == xref:
                    self.problems.error(
                        "ASSO points to the person who holds it",
                        asso.line,
                        xref,
                        skipped="association skipped",
                    )
                    continue
                tie = self._association(xref, number, asso, holder, person_of[target])
                if tie is not None:
                    yield tie

    def _association(
        self, xref: str, number: int, asso: Node, holder: Person, other: Person
    ) -> Tie | None:
        role = asso.first("ROLE")
        rela = " ".join(asso.text("RELA").split())
        if not rela and role is not None:
            rela = " ".join((role.text("PHRASE") or role.value).split())
        known = vocab.association(rela) if rela else (TieKind.other, False)
        if known is None:
            self.problems.warn(
                "the association's relation word is not known: read as 'other', "
                "the word kept as the tie's note",
                asso.line,
                xref,
            )
        kind, reverse = known or (TieKind.other, False)
        note_text = " ".join(self._notes(asso, xref)).strip()
        plain = vocab.is_plain_word(rela, kind)
        if note_text:
            note: str | None = note_text if plain or not rela else f"{rela} — {note_text}"
        else:
            note = None if plain or not rela else rela
        basis: Basis | None = None
        if basis_text := asso.text("_BASIS").strip().lower():
            try:
                basis = Basis(basis_text)
            except ValueError:
                self.problems.warn(f"_BASIS {basis_text[:20]!r} is not known", asso.line, xref)
        source, target = (holder, other) if reverse else (other, holder)
        try:
            return Tie(
                id=ids.association_tie_id(self.source_name, xref, number, case_id=self.case_id),
                source_id=source.id,
                target_id=target.id,
                kind=kind,
                basis=basis,
                note=self._short(note, "the association's note", asso.line, xref),
                provenance=self._provenance(xref),
            )
        except ValidationError as exc:  # pragma: no cover - guarded above
            self.problems.error(
                f"the association cannot be stored: {_reason(exc)}",
                asso.line,
                xref,
                skipped="association skipped",
            )
            return None


def _walk(nodes: list[Node]) -> Iterator[Node]:
    """Every node under ``nodes``, not looking inside unknown tags (reported once)."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        if node.tag in KNOWN_TAGS:
            stack.extend(reversed(node.children))


QUOTED = 60
"""Characters of a date quoted in a problem (a broken date may be a whole line long)."""


def _quoted(text: str | None) -> str:
    """``text`` as a problem quotes it: at most :data:`QUOTED` characters.

    >>> _quoted("ABT 1950"), _quoted("9" * 100)[-3:], _quoted(None)
    ('ABT 1950', '99…', 'None')
    """
    if text is None or len(text) <= QUOTED:
        return str(text)
    return text[: QUOTED - 1] + "…"


def _a(word: str) -> str:
    return "an" if word[:1] in "AEIOU" else "a"


def _place(event: Node | None) -> str | None:
    if event is None:
        return None
    place = " ".join(event.text("PLAC").split())
    return place or None


def _reason(exc: ValidationError) -> str:
    """What pydantic refused, without the refused values (they may be personal data)."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])
