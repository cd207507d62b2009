"""An in-memory index of outside records for kin search: built once, queried per case.

Every record is normalised once into flat numpy columns (name codes, folded names,
birth year/month/day, place and address codes), and five posting lists point from
a key to the records holding it:

* ``surnames``  — the record's own surname and birth surname (sound keys);
* ``mothers`` / ``fathers`` / ``partners`` — the surname in the record's
  ``mother_name`` / ``father_name`` / ``partner_name``;
* ``addresses`` — street, house number and municipality;
* ``named_by`` — the person who named the record (``provenance.source.named_by``).

A lookup returns row numbers; scoring works on whole arrays of rows at once. No
names are kept beyond what scoring needs, and nothing here logs.

Each row keeps its scope: the case the record was gathered for, or none (an
agency-wide source). One index serves every case; a search leaves out the rows of
other cases (:meth:`RecordIndex.out_of_scope`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from ...graph.model import PartialDate, Record, Sex
from ...graph.store import GraphStore
from ..normalize.given_names import given_name_keys
from ..normalize.places import place_key
from ..normalize.surnames import surname_forms
from ..normalize.text import fold
from .names import first_given, split_full_name, surname_index_keys

Rows = npt.NDArray[np.int64]
Ints = npt.NDArray[np.int32]
Texts = npt.NDArray[np.object_]
Floats = npt.NDArray[np.float64]
Skip = npt.NDArray[np.bool_]
"""Per index row, whether a search leaves it out (a mask as long as the index)."""

NONE = -1
"""The code of a missing value."""
INITIAL = "|"
"""Joins a name key and a given name's first letter in a posting key."""
NO_GIVEN = "_"
"""The initial of a record without a given name."""
ALL_INITIALS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789" + NO_GIVEN)


def filed(keys: Iterable[str], initials: Iterable[str]) -> list[str]:
    """Posting keys of name keys under each initial (records without a given name too).

    >>> filed(["dpeters"], ["m"])
    ['dpeters|_', 'dpeters|m']
    """
    letters = sorted({*initials, NO_GIVEN})
    return [f"{k}{INITIAL}{i}" for k in sorted(keys) for i in letters]


SEX_CODES = {Sex.male: 1, Sex.female: 2}


@dataclass
class Vocabulary:
    """Strings to small integer codes, assigned in order of first sight."""

    codes: dict[str, int] = field(default_factory=dict)

    def add(self, key: str) -> int:
        if not key:
            return NONE
        code = self.codes.get(key)
        if code is None:
            code = len(self.codes)
            self.codes[key] = code
        return code

    def find(self, keys: Iterable[str]) -> set[int]:
        """Codes of the keys that occur (unknown keys are left out)."""
        return {self.codes[k] for k in keys if k in self.codes}


def distinct(rows: Rows) -> Rows:
    """``rows`` sorted, each once: ``np.unique`` by a sort and a neighbour test, many
    times faster on row numbers (``np.unique`` hashes first)."""
    if len(rows) < 2:
        return rows
    ordered = np.sort(rows, kind="stable")
    first = np.empty(len(ordered), dtype=np.bool_)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    out: Rows = ordered[first]
    return out


@dataclass(frozen=True)
class Postings:
    """Key → rows, as one sorted row array with an offset per key.

    Name keys are filed with the first letter of the given name (``dpeters|m``), so a
    lookup reads only the records that could match; ``totals`` counts each name key
    over all initials (how common the name is)."""

    slots: dict[str, int]
    starts: npt.NDArray[np.int64]
    rows: Rows
    totals: dict[str, int]

    @classmethod
    def build(cls, keys: list[str], rows: list[int]) -> Postings:
        slots: dict[str, int] = {}
        codes = np.fromiter((slots.setdefault(k, len(slots)) for k in keys), np.int64, len(keys))
        order = np.argsort(codes, kind="stable")
        counts = np.bincount(codes, minlength=len(slots))
        starts = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        totals: dict[str, int] = {}
        for key, slot in slots.items():
            name = key.partition(INITIAL)[0]
            totals[name] = totals.get(name, 0) + int(counts[slot])
        return cls(slots, starts, np.asarray(rows, dtype=np.int64)[order], totals)

    def total(self, name: str) -> int:
        """Rows filed under a name key, whatever the initial."""
        return self.totals.get(name, 0)

    def get(self, key: str) -> Rows:
        slot = self.slots.get(key)
        if slot is None:
            return np.empty(0, dtype=np.int64)
        return self.rows[self.starts[slot] : self.starts[slot + 1]]

    def union(self, keys: Iterable[str], keep: Callable[[Rows], Rows] | None = None) -> Rows:
        """The rows of any of the keys, sorted, each once; ``keep`` filters them first
        (cheaper than sorting rows that would be dropped)."""
        parts = [self.get(k) for k in keys]
        parts = [p for p in parts if len(p)]
        if not parts:
            return np.empty(0, dtype=np.int64)
        rows = parts[0] if len(parts) == 1 else np.concatenate(parts)
        if keep is not None:
            rows = keep(rows)
        return rows if len(parts) == 1 else distinct(rows)


@dataclass(frozen=True)
class NameColumns:
    """A name written in one field (a parent's or a partner's), per record."""

    given_code: Ints
    given: Texts
    surname: Texts


@dataclass(frozen=True)
class RecordIndex:
    """Normalised columns and posting lists of a corpus of records (see module doc)."""

    ids: list[str]
    given_code: Ints
    given: Texts
    """Folded first given name."""
    surname: Texts
    birth_surname: Texts
    year: Ints
    month: Ints
    day: Ints
    approximate: npt.NDArray[np.bool_]
    sex: npt.NDArray[np.int8]
    birth_place: Ints
    residence: Ints
    address: Ints
    mother: NameColumns
    father: NameColumns
    partner: NameColumns
    surnames: Postings
    mothers: Postings
    fathers: Postings
    partners: Postings
    addresses: Postings
    named_by: Postings
    given_vocab: Vocabulary
    place_vocab: Vocabulary
    address_vocab: Vocabulary
    scope: Ints
    """Per row, the code of the case the record was gathered for (:data:`NONE`: for no
    case, an agency-wide source)."""
    case_vocab: Vocabulary
    given_share: dict[str, Floats]
    """Per given-name column (``given``, ``mother``, ``father``, ``partner``): the
    share of each code among the records that have a value there."""
    filled: dict[str, int]
    """Per name column: how many records have a value there."""
    place_share: Floats
    """Per place code: the share of records born or living there."""

    def __len__(self) -> int:
        return len(self.ids)

    def out_of_scope(self, case_id: str) -> Skip:
        """Per row, whether it was gathered for another case than ``case_id``: a search
        for ``case_id`` never reads it (agency-wide records stay in scope)."""
        own = self.case_vocab.codes.get(case_id, NONE)
        skip: Skip = (self.scope != NONE) & (self.scope != own)
        return skip


def given_codes(vocab: Vocabulary, names: Iterable[str]) -> set[int]:
    """Codes of every equivalence key of the given names (``Jef`` → jozef's code)."""
    keys: set[str] = set()
    for name in names:
        for word in fold(name).split()[:1]:
            keys |= given_name_keys(word)
    return vocab.find(keys)


def _given_code(vocab: Vocabulary, word: str) -> int:
    keys = given_name_keys(word) if word else frozenset()
    return vocab.add(min(keys)) if keys else NONE


def place_code(vocab: Vocabulary, text: str | None, *, add: bool = True) -> int:
    """The code of a place (its first municipality key), or :data:`NONE`."""
    keys = place_key(text) if text else frozenset()
    if not keys:
        return NONE
    key = min(keys)
    if add:
        return vocab.add(key)
    return vocab.codes.get(key, NONE)


def address_key(
    street: str | None, house_number: str | None, residence: int, postcode: str | None
) -> str:
    """Street, house number and municipality as one key; ``""`` without street and number."""
    s, n = fold(street or ""), fold(house_number or "").replace(" ", "")
    if not s or not n:
        return ""
    where = str(residence) if residence != NONE else fold(postcode or "")
    return f"{s}|{n}|{where}"


class _Builder:
    def __init__(self) -> None:
        self.given_vocab = Vocabulary()
        self.place_vocab = Vocabulary()
        self.address_vocab = Vocabulary()
        self.case_vocab = Vocabulary()
        self.ids: list[str] = []
        self.cols: dict[str, list[object]] = {}
        self.keys: dict[str, tuple[list[str], list[int]]] = {
            n: ([], []) for n in ("surnames", "mothers", "fathers", "partners", "addresses")
        }
        self.keys["named_by"] = ([], [])

    def put(self, name: str, value: object) -> None:
        self.cols.setdefault(name, []).append(value)

    def post(self, name: str, keys: Iterable[str], row: int) -> None:
        ks, rs = self.keys[name]
        for key in keys:
            ks.append(key)
            rs.append(row)

    def add(self, record: Record) -> None:
        row = len(self.ids)
        self.ids.append(record.id)
        self.put("scope", self.case_vocab.add(record.case_id or ""))
        given = first_given(record.given_names or "")
        self.put("given", given)
        self.put("given_code", _given_code(self.given_vocab, given))
        surname = surname_forms(record.surname or "").full
        birth = surname_forms(record.birth_surname or "").full
        self.put("surname", surname)
        self.put("birth_surname", birth)
        initial = f"{INITIAL}{given[:1] or NO_GIVEN}"
        names = surname_index_keys(record.surname or "") | surname_index_keys(
            record.birth_surname or ""
        )
        self.post("surnames", [k + initial for k in names], row)
        self._date(record.birth_date)
        self.put("sex", SEX_CODES.get(record.sex, 0) if record.sex else 0)
        self.put("birth_place", place_code(self.place_vocab, record.birth_place))
        where = " ".join(x for x in (record.postcode, record.city) if x)
        residence = place_code(self.place_vocab, where)
        self.put("residence", residence)
        address = address_key(record.street, record.house_number, residence, record.postcode)
        self.put("address", self.address_vocab.add(address))
        if address:
            self.post("addresses", [address], row)
        for tag, text in (
            ("mother", record.mother_name),
            ("father", record.father_name),
            ("partner", record.partner_name),
        ):
            g, s = split_full_name(text or "")
            first = first_given(g)
            self.put(f"{tag}_given", first)
            self.put(f"{tag}_given_code", _given_code(self.given_vocab, first))
            self.put(f"{tag}_surname", surname_forms(s).full if s else "")
            if s:
                initial = f"{INITIAL}{first[:1] or NO_GIVEN}"
                self.post(f"{tag}s", [k + initial for k in surname_index_keys(s)], row)
        named_by = record.provenance.source.named_by
        if named_by:
            self.post("named_by", [named_by], row)

    def _date(self, d: PartialDate | None) -> None:
        if d is None:
            year = month = day = 0
            approx = False
        else:
            year, month, day = d.year, d.month or 0, d.day or 0
            approx = d.qualifier is not None
            if approx:
                month = day = 0
        self.put("year", year)
        self.put("month", month)
        self.put("day", day)
        self.put("approximate", approx)

    def ints(self, name: str, dtype: type = np.int32) -> npt.NDArray[np.int32]:
        return np.asarray(self.cols.get(name, []), dtype=dtype)

    def texts(self, name: str) -> Texts:
        out = np.empty(len(self.ids), dtype=object)
        out[:] = self.cols.get(name, [])
        return out

    def names(self, tag: str) -> NameColumns:
        return NameColumns(
            self.ints(f"{tag}_given_code"), self.texts(f"{tag}_given"), self.texts(f"{tag}_surname")
        )

    def finish(self) -> RecordIndex:
        posts = {name: Postings.build(*pair) for name, pair in self.keys.items()}
        share: dict[str, Floats] = {}
        filled: dict[str, int] = {}
        size = max(len(self.given_vocab.codes), 1)
        for column in ("given", "mother", "father", "partner"):
            codes = self.ints("given_code" if column == "given" else f"{column}_given_code")
            codes = codes[codes >= 0]
            counts = np.bincount(codes, minlength=size).astype(np.float64)
            filled[column] = len(codes)
            share[column] = counts / max(len(codes), 1)
        places = np.concatenate([self.ints("birth_place"), self.ints("residence")])
        places = places[places >= 0]
        place_counts = np.bincount(places, minlength=max(len(self.place_vocab.codes), 1))
        place_share = place_counts.astype(np.float64) / max(len(self.ids), 1)
        return RecordIndex(
            place_share=place_share,
            given_share=share,
            filled=filled,
            ids=self.ids,
            given_code=self.ints("given_code"),
            given=self.texts("given"),
            surname=self.texts("surname"),
            birth_surname=self.texts("birth_surname"),
            year=self.ints("year"),
            month=self.ints("month"),
            day=self.ints("day"),
            approximate=np.asarray(self.cols.get("approximate", []), dtype=np.bool_),
            sex=np.asarray(self.cols.get("sex", []), dtype=np.int8),
            birth_place=self.ints("birth_place"),
            residence=self.ints("residence"),
            address=self.ints("address"),
            mother=self.names("mother"),
            father=self.names("father"),
            partner=self.names("partner"),
            given_vocab=self.given_vocab,
            place_vocab=self.place_vocab,
            address_vocab=self.address_vocab,
            scope=self.ints("scope"),
            case_vocab=self.case_vocab,
            **posts,
        )


def build_index(records: Iterable[Record]) -> RecordIndex:
    """Index a corpus of records (any iterable; it is read once)."""
    builder = _Builder()
    for record in records:
        builder.add(record)
    return builder.finish()


def store_records(store: GraphStore, *, page: int = 5000) -> Iterator[Record]:
    """Every record in the store, page by page (each page starts after the last id, so
    a million records are read in linear time)."""
    after: str | None = None
    while True:
        batch = store.list_records(limit=page, after=after)
        yield from batch
        if len(batch) < page:
            return
        after = batch[-1].id
