"""What is known of one person, normalised for looking them up in a record index."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ...graph.model import Person, Record, Sex
from ..normalize.given_names import given_name_initials
from ..normalize.surnames import surname_forms
from .index import NONE, SEX_CODES, RecordIndex, address_key, given_codes, place_code
from .names import first_given, split_full_name, surname_index_keys


@dataclass(frozen=True)
class Probe:
    """A known person (or a name a record gives) as the index can compare it."""

    person_id: str | None
    given_codes: frozenset[int]
    givens: tuple[str, ...]
    """Folded first given name of each name and alias."""
    surnames: tuple[str, ...]
    """Full folded forms: surname first, then birth surname."""
    surname_keys: frozenset[str]
    birth_surname_keys: frozenset[str]
    year: int = 0
    month: int = 0
    day: int = 0
    approximate: bool = False
    sex: int = 0
    places: frozenset[int] = frozenset()
    addresses: frozenset[str] = frozenset()
    label: str = ""
    """The compared name as written, for explanations."""
    initials: frozenset[str] = frozenset()
    """First letters of the given names and their equivalents (where the index files
    them)."""

    @property
    def all_surname_keys(self) -> frozenset[str]:
        return self.surname_keys | self.birth_surname_keys

    @property
    def birth_name_keys(self) -> frozenset[str]:
        """Keys of the name a parent field would carry: the birth surname if known."""
        return self.birth_surname_keys or self.surname_keys

    @property
    def has_name(self) -> bool:
        return bool(self.givens) and bool(self.surnames)


def person_probe(index: RecordIndex, person: Person, own: Iterable[Record] = ()) -> Probe:
    """A probe of a stored person; ``own`` are records already taken to be them (their
    addresses and places count as the person's)."""
    own = list(own)
    names = [" ".join(person.given_names), *person.aliases]
    givens = tuple(dict.fromkeys(g for g in (first_given(n) for n in names) if g))
    surnames = tuple(
        dict.fromkeys(
            f for f in (surname_forms(s).full for s in (person.surname, person.birth_surname) if s)
        )
    )
    places = {place_code(index.place_vocab, person.birth_place, add=False)}
    addresses: set[str] = set()
    for a in person.addresses:
        where = place_code(
            index.place_vocab, " ".join(x for x in (a.postcode, a.city) if x), add=False
        )
        places.add(where)
        addresses.add(address_key(a.street, a.house_number, where, a.postcode))
    for r in own:
        places.add(place_code(index.place_vocab, r.birth_place, add=False))
        where = place_code(
            index.place_vocab, " ".join(x for x in (r.postcode, r.city) if x), add=False
        )
        places.add(where)
        addresses.add(address_key(r.street, r.house_number, where, r.postcode))
    places.discard(NONE)
    addresses.discard("")
    d = person.birth_date
    return Probe(
        person_id=person.id,
        given_codes=frozenset(given_codes(index.given_vocab, names)),
        givens=givens,
        surnames=surnames,
        surname_keys=surname_index_keys(person.surname or ""),
        birth_surname_keys=surname_index_keys(person.birth_surname or ""),
        year=d.year if d else 0,
        month=(d.month or 0) if d and d.qualifier is None else 0,
        day=(d.day or 0) if d and d.qualifier is None else 0,
        approximate=bool(d and d.qualifier is not None),
        sex=SEX_CODES.get(person.sex, 0),
        places=frozenset(places),
        addresses=frozenset(addresses),
        label=_written_name(person),
        initials=frozenset().union(*(given_name_initials(n) for n in names)),
    )


def _written_name(person: Person) -> str:
    """First given name and surname as written, with the birth surname if it differs."""
    name = " ".join(x for x in (*person.given_names[:1], person.surname) if x)
    if person.birth_surname and person.birth_surname != person.surname:
        name = f"{name} ({person.birth_surname})" if name else person.birth_surname
    return name


def name_probe(index: RecordIndex, text: str, sex: Sex = Sex.unknown) -> Probe:
    """A probe of a name written in one field (a record's ``mother_name``)."""
    given, surname = split_full_name(text)
    first = first_given(given)
    return Probe(
        person_id=None,
        given_codes=frozenset(given_codes(index.given_vocab, [given])),
        givens=(first,) if first else (),
        surnames=(surname_forms(surname).full,) if surname else (),
        surname_keys=surname_index_keys(surname),
        birth_surname_keys=frozenset(),
        sex=SEX_CODES.get(sex, 0),
        label=text,
        initials=given_name_initials(given),
    )


def with_names(index: RecordIndex, probe: Probe, texts: Iterable[str]) -> Probe:
    """The probe with names others' records write for the person (``"Meriam ElAmrani"`` in
    a child's record for a mother known as Meryem El Amrani) as further forms."""
    givens, surnames = list(probe.givens), list(probe.surnames)
    keys, codes, initials = set(probe.surname_keys), set(probe.given_codes), set(probe.initials)
    for text in texts:
        given, surname = split_full_name(text)
        first = first_given(given)
        if not first or not surname:
            continue
        givens.append(first)
        surnames.append(surname_forms(surname).full)
        keys |= surname_index_keys(surname)
        codes |= given_codes(index.given_vocab, [given])
        initials |= given_name_initials(given)
    return replace(
        probe,
        givens=tuple(dict.fromkeys(givens)),
        surnames=tuple(dict.fromkeys(surnames)),
        surname_keys=frozenset(keys),
        given_codes=frozenset(codes),
        initials=frozenset(initials),
    )
