"""A seeded synthetic Flemish population with ground truth, for the finding benchmarks and
their tests (``bench/population_csv.py`` writes one as CSV files).

Used as::

    pop = generate_population(2_000, seed=1)
    sets = derive_records(pop, seed=2)
    cases = seed_cases(pop, n_cases=20, seed=3)

- :func:`generate_population` — families over 3–4 generations (couples, children,
  divorces and new partners, half-siblings, adoptions, deaths) with Flemish, French,
  Moroccan-Belgian and Turkish-Belgian names, maiden and married names, Belgian birth
  places and addresses that move (a household shares its address);
- :func:`derive_records` — outside records (registry, old case files, school lists)
  of a subset of persons, each with noise; ``RecordSet.truth`` maps record id → person id;
- :func:`seed_cases` — a child (and siblings), the relatives the worker knows, and the
  true kin not yet known with their relationship to the child (``maternal_aunt``);
- :func:`write_records_csv` — the canonical CSV columns ``tenhands match`` reads.

Everything is deterministic for a seed (``random.Random`` only, no set iteration).
"""

from __future__ import annotations

import csv
import random
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from itertools import accumulate
from pathlib import Path

from tenhands.finding.normalize.text import fold
from tenhands.graph.model import (
    Address,
    Basis,
    Case,
    Contact,
    PartialDate,
    PartnerStatus,
    Person,
    Provenance,
    Record,
    Sex,
    SourceKind,
    SourceRef,
    Tie,
    TieKind,
)

__all__ = [
    "CANONICAL_COLUMNS",
    "DEFAULT_SOURCES",
    "Household",
    "KinTruth",
    "NoiseRates",
    "Population",
    "RecordSet",
    "SeededCase",
    "Source",
    "derive_records",
    "generate_population",
    "name_variants",
    "namesakes",
    "particle_forms",
    "seed_cases",
    "write_records_csv",
    "write_truth_csv",
]

NOW_YEAR = 2026
TWINS = 0.015
"""The share of births that are twins (same day and parents, other given names)."""
NAMESAKE_SON = 0.1
"""The share of sons (Flemish, French) given their father's first given name."""
SAME_AGE_PARTNERS = 0.15
"""The share of partners born in the same year."""
_NORMALIZE = resources.files("tenhands.finding.normalize")
"""The name and place tables the normalisers read."""
_STAMP = datetime(2026, 1, 1, tzinfo=UTC)

CANONICAL_COLUMNS = [
    "id", "given_names", "surname", "birth_surname", "sex", "birth_date", "birth_place",
    "street", "house_number", "postcode", "city", "national_id", "mother_name",
    "father_name", "partner_name", "phone", "email", "note",
]  # fmt: skip

ORIGINS = ("flemish", "french", "moroccan", "turkish")
_ORIGIN_WEIGHTS = (0.58, 0.2, 0.13, 0.09)
_LANGUAGE = {"flemish": "nl", "french": "fr", "moroccan": "ar", "turkish": "tr"}

# -- names -----------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_GIVEN: dict[tuple[str, Sex], list[str]] = {
    ("flemish", Sex.male): _words(
        "Jozef Jan Willem Hendrik Gustaaf Alfons Emiel Pieter Frans Antoon Karel Marcel Dirk "
        "Luc Geert Bart Stefaan Wouter Tom Koen Abraham Alexander Matthias Lucas Seppe Wannes "
        "Jens Arne Lars Robbe Ward Michiel Nicolaas Lieven Guido Johan Patrick Marc Edward "
        "Ferdinand Julius Cornelis Theodorus Robert Daniel"
    ),
    ("flemish", Sex.female): _words(
        "Maria Johanna Anna Margareta Catharina Godelieve Elisabeth Hilde Rosalia Emma Sophia "
        "Magdalena Christina Els Katrien Griet Annick Ilse Marieke Hanne Lien Josefien Nele "
        "Lotte Femke Eline Paulien Louise Julie Cornelia Theresia Wilhelmina Petronella"
    ),
    ("french", Sex.male): _words(
        "Jean Pierre Jacques Michel François Philippe Louis Étienne Guillaume Christophe "
        "Thierry Benoît Mathieu Nicolas Alexandre Julien Antoine Maxime Hugo Théo Charles "
        "Henri Joseph Dominique"
    ),
    ("french", Sex.female): _words(
        "Marie Jeanne Françoise Catherine Isabelle Sophie Nathalie Véronique Dominique "
        "Madeleine Christine Jacqueline Louise Élise Camille Manon Chloé Léa Pauline Anne "
        "Thérèse Joséphine Suzanne"
    ),
    ("moroccan", Sex.male): _words(
        "Mohamed Ahmed Mustapha Youssef Rachid Said Hassan Karim Khalid Abdelkader Omar "
        "Ismail Ibrahim Driss Hamza Younes Tarik Noureddine Ali Abdellah Mohammed Othman"
    ),
    ("moroccan", Sex.female): _words(
        "Fatima Aicha Khadija Nadia Zineb Meryem Amina Malika Naima Hafsa Souad Yasmina "
        "Samira Latifa Salma"
    ),
    ("turkish", Sex.male): _words(
        "Mehmet Ahmet Mustafa Hüseyin Hasan İbrahim Osman Yusuf Ömer Kerim Emre Burak Murat "
        "Çağlar Süleyman Yakup Halit Nurettin"
    ),
    ("turkish", Sex.female): _words(
        "Ayşe Fatma Hatice Zeynep Emine Meryem Elif Özlem Gülşen Şule Melike Büşra Derya Esra "
        "Nadiye"
    ),
}

_SURNAMES: dict[str, list[str]] = {
    "flemish": [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
        "Wouters", "De Smet", "Van den Bossche", "Vanderstraeten", "Van Damme", "De Vos",
        "Van de Velde", "Vermeulen", "Vandenberghe", "De Backer", "Van Acker", "Desmet",
        "Hermans", "Michiels", "Lambrechts", "Verstraete", "Van der Linden", "De Clercq",
        "Verhaegen", "Van Hoeck", "Segers", "Coppens", "Aerts", "Van Dyck", "Verbeke",
        "De Wilde", "Vercammen", "'t Kint", "Ter Beek", "Van Ransbeeck", "Dierickx",
        "Bogaerts", "Vanhoutte", "D'Hondt", "Ten Berghe", "Van Hecke", "Vandewalle",
        "De Meyer", "Verschueren", "Claeys", "Van Loock", "Huysmans",
    ],
    "french": [
        "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leroy", "Lejeune",
        "Renard", "Dumont", "Leclercq", "Lemaire", "François", "Denis", "Dufour", "Henry",
        "De la Haye", "Du Bois", "Delvaux", "Gilson", "Collard", "Lefèvre", "Mathieu",
        "Jacquet", "Noël", "Le Clercq", "Dethier", "Wathelet",
    ],
    "moroccan": [
        "El Amrani", "El Idrissi", "Ben Ali", "Benali", "El Khattabi", "Bouzid", "Azzouzi",
        "El Hamdaoui", "Boukhari", "Ouali", "Amrani", "El Ouardi", "Chaouki", "Haddouchi",
        "Ben Haddou", "Al Hassani", "El Mokhtari", "Bakkali", "Tahiri", "Ait Taleb",
    ],
    "turkish": [
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
        "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt",
        "Özkan", "Şimşek", "Erdoğan", "Güneş", "Uçar", "Ünal",
    ],
}  # fmt: skip

_FOREIGN_PLACES = {
    "moroccan": ["Tanger", "Nador", "Al Hoceima", "Casablanca", "Tétouan", "Oujda"],
    "turkish": ["Emirdağ", "Afyonkarahisar", "Kayseri", "Ankara", "Konya", "Eskişehir"],
}
_STREETS_NL = [
    "Kerkstraat",
    "Stationsstraat",
    "Dorpstraat",
    "Molenstraat",
    "Nieuwstraat",
    "Schoolstraat",
    "Kapelstraat",
    "Beekstraat",
    "Veldstraat",
    "Lindenlaan",
    "Kasteelstraat",
    "Meersstraat",
    "Hoogstraat",
    "Bosstraat",
    "Brugstraat",
    "Grote Markt",
    "Leopoldlaan",
    "Koningin Astridlaan",
]
_STREETS_FR = [
    "Rue de la Station",
    "Rue de l'Église",
    "Rue du Moulin",
    "Chaussée de Louvain",
    "Avenue des Tilleuls",
    "Rue Haute",
    "Place communale",
    "Rue des Écoles",
    "Avenue Albert Ier",
    "Rue du Château",
]
_DEATH_RISK = ((102, 1.0), (90, 0.9), (75, 0.5), (55, 0.15), (-1, 0.01))
"""(age above, chance of having died by 2026)."""
_MAIL_DOMAINS = ["telenet.be", "skynet.be", "gmail.com", "hotmail.com", "proximus.be"]


def _weighted(names: list[str]) -> tuple[list[str], list[float]]:
    """Zipf-like cumulative weights: the first names in a list are the common ones."""
    return names, list(accumulate(1.0 / (i + 1) ** 0.8 for i in range(len(names))))


@cache
def _pd(d: date) -> PartialDate:
    return PartialDate.from_date(d)


_SURNAME_W = {origin: _weighted(names) for origin, names in _SURNAMES.items()}
_GIVEN_W = {key: _weighted(names) for key, names in _GIVEN.items()}


@cache
def _variant_table(sex: Sex) -> dict[str, list[str]]:
    """Folded given name → its other forms from ``given_names.tsv`` (sorted, title-cased),
    from the groups for ``sex`` (the men's or women's section, and the Arabic/Turkish one)."""
    groups: list[list[str]] = []
    section = ""
    for line in _NORMALIZE.joinpath("given_names.tsv").read_text("utf-8").splitlines():
        if line.startswith("# --"):
            section = line.split()[2].strip(",").lower()
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if (section == "men" and sex is Sex.female) or (section == "women" and sex is Sex.male):
            continue
        key, _, rest = line.partition("\t")
        groups.append([key.strip(), *(v.strip() for v in rest.split(",") if v.strip())])
    table: dict[str, list[str]] = {}
    for group in groups:
        for name in group:
            table.setdefault(fold(name), []).extend(group)
    return {
        k: sorted({" ".join(w.capitalize() for w in v.split()) for v in vs if fold(v) != k})
        for k, vs in table.items()
    }


def name_variants(name: str, sex: Sex = Sex.unknown) -> list[str]:
    """Other forms of a given name (nicknames, spellings), from the variant table."""
    return _variant_table(sex).get(fold(name), [])


@dataclass(frozen=True)
class Municipality:
    name_nl: str
    name_fr: str
    postcodes: tuple[str, ...]
    region: str  # flanders, wallonia, brussels


@cache
def _municipalities() -> list[Municipality]:
    out: list[Municipality] = []
    for line in _NORMALIZE.joinpath("places.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _refnis, province, nl, fr, codes = line.split("\t")[:5]
        region = (
            "brussels"
            if province == "04000"
            else "wallonia"
            if province in {"20002", "50000", "60000", "80000", "90000"}
            else "flanders"
        )
        out.append(Municipality(nl, fr, tuple(c for c in codes.split(",") if c), region))
    return out


@cache
def _places_by_origin() -> dict[str, tuple[list[Municipality], list[float]]]:
    munis = _municipalities()
    cities = {"Antwerpen", "Gent", "Brussel", "Mechelen", "Genk", "Sint-Niklaas", "Beringen"}
    cities |= {"Schaarbeek", "Sint-Jans-Molenbeek", "Anderlecht", "Luik", "Charleroi"}
    table: dict[str, tuple[list[Municipality], list[float]]] = {}
    for origin in ORIGINS:
        weights: list[float] = []
        for m in munis:
            big = 8.0 if m.name_nl in cities else 1.0
            if origin == "flemish":
                w = {"flanders": 1.0, "brussels": 0.4, "wallonia": 0.02}[m.region]
            elif origin == "french":
                w = {"flanders": 0.03, "brussels": 1.5, "wallonia": 1.0}[m.region]
            else:
                w = {"flanders": 0.3, "brussels": 2.0, "wallonia": 0.2}[m.region] * big * big
            weights.append(w * (big if origin in ("flemish", "french") else 1.0))
        table[origin] = (munis, list(accumulate(weights)))
    return table


# -- the population ----------------------------------------------------------------------


@dataclass
class _P:
    idx: int
    sex: Sex
    origin: str
    given: list[str]
    surname: str
    birth: date
    birth_place: str
    parents: list[tuple[int, Basis]] = field(default_factory=list)
    children: list[int] = field(default_factory=list)
    birth_surname: str | None = None
    alias: str | None = None
    death: date | None = None
    addresses: list[Address] = field(default_factory=list)
    phone: str | None = None
    email: str | None = None


@dataclass
class _Union:
    a: int
    b: int
    since: date
    until: date | None = None
    married: bool = True
    ended: str | None = None  # divorced, widowed


@dataclass
class Household:
    """People who lived together at one address for a while."""

    id: str
    member_ids: list[str]
    address: Address


@dataclass
class Population:
    """The persons, the ties between them, their households, and the truth behind them."""

    seed: int
    persons: list[Person]
    ties: list[Tie]
    households: list[Household]
    origin: dict[str, str]
    """person id → flemish, french, moroccan or turkish."""
    national_ids: dict[str, str]
    parents: dict[str, list[tuple[str, Basis]]]
    """person id → its parents' ids with the basis of the tie (biological or adoptive)."""

    def by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.persons}

    def children(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for child, parents in self.parents.items():
            for parent, _basis in parents:
                out.setdefault(parent, []).append(child)
        return out


class _Builder:
    def __init__(self, n: int, rng: random.Random) -> None:
        self.n = n
        self.rng = rng
        self.people: list[_P] = []
        self.unions: list[_Union] = []
        self.units: list[tuple[list[int], list[int], list[tuple[Address, date, date | None]]]] = []
        self.queue: deque[int] = deque()
        self.traps = random.Random(0)
        """Twins, namesakes and same-age partners draw from their own stream (seeded by
        :func:`generate_population`), so the rest of the population keeps its draws."""

    @property
    def full(self) -> bool:
        return len(self.people) >= self.n

    # names, places, dates
    def given_names(self, origin: str, sex: Sex, birth_year: int) -> list[str]:
        names, weights = _GIVEN_W[(origin, sex)]
        if origin in ("flemish", "french"):
            count = self.rng.choices(
                (1, 2, 3), (0.3, 0.45, 0.25) if birth_year < 1975 else (0.55, 0.35, 0.1)
            )[0]
        elif origin == "turkish":
            count = self.rng.choices((1, 2), (0.75, 0.25))[0]
        else:
            count = self.rng.choices((1, 2), (0.9, 0.1))[0]
        out: list[str] = []
        while len(out) < count:
            name = self.rng.choices(names, cum_weights=weights)[0]
            if name not in out:
                out.append(name)
        return out

    def surname(self, origin: str) -> str:
        names, weights = _SURNAME_W[origin]
        return self.rng.choices(names, cum_weights=weights)[0]

    def municipality(self, origin: str) -> Municipality:
        munis, weights = _places_by_origin()[origin]
        return self.rng.choices(munis, cum_weights=weights)[0]

    def place_name(self, m: Municipality, origin: str) -> str:
        if m.region == "brussels":
            return m.name_fr if origin in ("french", "moroccan") else m.name_nl
        return m.name_fr if m.region == "wallonia" else m.name_nl

    def day_in(self, year: int) -> date:
        return date.fromordinal(date(year, 1, 1).toordinal() + self.rng.randrange(365))

    def person(self, origin: str, sex: Sex, birth: date, *, surname: str | None = None) -> _P:
        rng = self.rng
        if origin in ("moroccan", "turkish") and birth.year < 1975 and rng.random() < 0.85:
            place = rng.choice(_FOREIGN_PLACES[origin])
        else:
            place = self.place_name(self.municipality(origin), origin)
        p = _P(
            idx=len(self.people),
            sex=sex,
            origin=origin,
            given=self.given_names(origin, sex, birth.year),
            surname=surname or self.surname(origin),
            birth=birth,
            birth_place=place,
        )
        variants = name_variants(p.given[0], sex)
        if origin in ("flemish", "french") and variants and rng.random() < 0.3:
            short = [v for v in variants if len(v) <= len(p.given[0])] or variants
            p.alias = rng.choice(short)
        self.people.append(p)
        return p

    # families
    def founders(self) -> None:
        origin = self.rng.choices(ORIGINS, _ORIGIN_WEIGHTS)[0]
        wb = self.day_in(self.rng.randint(1925, 1950))
        man = self.person(origin, Sex.male, self.day_in(wb.year + self.rng.randint(-2, 6)))
        woman = self.person(origin, Sex.female, wb)
        self.couple(man, woman, child_of_pop=None)

    def partner_for(self, p: _P) -> _P:
        rng = self.rng
        origin = p.origin if rng.random() < 0.85 else rng.choices(ORIGINS, _ORIGIN_WEIGHTS)[0]
        sex = Sex.female if p.sex is Sex.male else Sex.male
        offset = rng.randint(-1, 6) if sex is Sex.male else -rng.randint(-1, 6)
        if self.traps.random() < SAME_AGE_PARTNERS:
            offset = 0
        q = self.person(origin, sex, self.day_in(p.birth.year + offset))
        if rng.random() < 0.5 and not self.full:
            # the partner comes with parents and maybe siblings of their own
            fb = self.day_in(q.birth.year - rng.randint(24, 34))
            mb = self.day_in(fb.year + rng.randint(-2, 5))
            if mb.year < q.birth.year - 18:
                father = self.person(q.origin, Sex.male, fb, surname=q.surname)
                mother = self.person(q.origin, Sex.female, mb)
                self.couple(father, mother, child_of_pop=q)
        return q

    def couple(self, man: _P, woman: _P, *, child_of_pop: _P | None) -> None:
        """Union of ``man`` and ``woman``, their children, maybe a divorce and new partners."""
        rng = self.rng
        older = min(man.birth.year, woman.birth.year)
        start_year = max(man.birth.year, woman.birth.year) + rng.randint(20, 30)
        start_year = min(start_year, NOW_YEAR - 1)
        union = _Union(man.idx, woman.idx, self.day_in(start_year), married=rng.random() < 0.7)
        if woman.birth.year < 1970 or rng.random() < 0.5:
            union.married = union.married or woman.birth.year < 1965
        self.unions.append(union)
        if (
            union.married
            and woman.birth_surname is None
            and rng.random() < (0.5 if woman.birth.year < 1965 else 0.15)
            and woman.origin in ("flemish", "french")
        ):
            woman.birth_surname = woman.surname
            woman.surname = man.surname
        n_kids = rng.choices((0, 1, 2, 3, 4, 5), (0.1, 0.2, 0.35, 0.2, 0.1, 0.05))[0]
        if child_of_pop is not None:
            n_kids = max(n_kids, 1)
        divorce_after = n_kids if rng.random() > 0.25 else rng.randint(1, max(n_kids, 1))
        year = max(start_year, older + 18, woman.birth.year + 19)
        kids: list[int] = []
        for i in range(n_kids):
            year += rng.randint(1, 3) if i else rng.randint(0, 3)
            lo = max(man.birth.year, woman.birth.year) + 17
            hi = min(man.birth.year + 49, woman.birth.year + 44, NOW_YEAR - 1)
            year = max(year, lo)
            if year > hi:
                break
            if i == 0 and child_of_pop is not None:
                if not lo <= child_of_pop.birth.year <= hi:
                    break
                kid = child_of_pop
                year = kid.birth.year
            else:
                if self.full:
                    break
                adopted = rng.random() < 0.03
                origin = rng.choices(ORIGINS, _ORIGIN_WEIGHTS)[0] if adopted else man.origin
                sex = Sex.male if rng.random() < 0.51 else Sex.female
                kid = self.person(origin, sex, self.day_in(year), surname=man.surname)
                basis = Basis.adoptive if adopted else Basis.biological
                kid.parents = [(man.idx, basis), (woman.idx, basis)]
                self.queue.append(kid.idx)
                if not adopted:
                    self.namesake(kid, man)
                    twin = self.twin(kid, man, woman)
                    if twin is not None:
                        kids.append(twin.idx)
            if not kid.parents:
                kid.parents = [(man.idx, Basis.biological), (woman.idx, Basis.biological)]
            man.children.append(kid.idx)
            woman.children.append(kid.idx)
            kids.append(kid.idx)
            if len(kids) >= divorce_after and i < n_kids - 1:
                break
        end: date | None = None
        if divorce_after < n_kids or (not kids and rng.random() < 0.2):
            end_year = min(year + rng.randint(1, 6), NOW_YEAR - 1)
            end = self.day_in(max(end_year, start_year + 1))
            if end.year < NOW_YEAR:
                union.until = end
                union.ended = "divorced"
        self.unit([man.idx, woman.idx], kids, union.since, end)
        self.born_at_home([k for k in kids if child_of_pop is None or k != child_of_pop.idx])
        if union.ended == "divorced":
            for person in (man, woman):
                if rng.random() < 0.6 and not self.full and end is not None:
                    self.remarry(person, end)

    def remarry(self, p: _P, after: date) -> None:
        rng = self.rng
        q = self.partner_for(p)
        man, woman = (p, q) if p.sex is Sex.male else (q, p)
        since = self.day_in(min(after.year + rng.randint(1, 4), NOW_YEAR - 1))
        union = _Union(man.idx, woman.idx, since, married=rng.random() < 0.4)
        self.unions.append(union)
        kids: list[int] = []
        year = since.year
        for i in range(rng.choices((0, 1, 2), (0.35, 0.4, 0.25))[0]):
            year += rng.randint(1, 3) if i else 1
            lo = max(man.birth.year, woman.birth.year) + 17
            hi = min(man.birth.year + 49, woman.birth.year + 44, NOW_YEAR - 1)
            if not lo <= year <= hi or self.full:
                break
            sex = Sex.male if rng.random() < 0.51 else Sex.female
            kid = self.person(man.origin, sex, self.day_in(year), surname=man.surname)
            kid.parents = [(man.idx, Basis.biological), (woman.idx, Basis.biological)]
            man.children.append(kid.idx)
            woman.children.append(kid.idx)
            kids.append(kid.idx)
            self.queue.append(kid.idx)
            self.namesake(kid, man)
            twin = self.twin(kid, man, woman)
            if twin is not None:
                kids.append(twin.idx)
        # children of p from the first union live with the mother
        own = [c for c in p.children if c not in kids] if p.sex is Sex.female else []
        self.unit([man.idx, woman.idx], kids + own, since, None)
        self.born_at_home(kids)

    def namesake(self, kid: _P, father: _P) -> None:
        """Some sons get their father's first given name (Jan Peeters, son of Jan Peeters)."""
        if (
            kid.sex is Sex.male
            and father.origin in ("flemish", "french")
            and self.traps.random() < NAMESAKE_SON
        ):
            kid.given = [father.given[0], *(g for g in kid.given[1:] if g != father.given[0])]
            kid.alias = father.alias

    def twin(self, kid: _P, man: _P, woman: _P) -> _P | None:
        """About 1.5 % of births are twins: the same birth date and parents, another
        given name; half of them of the same sex."""
        if self.full or self.traps.random() >= TWINS:
            return None
        same = self.traps.random() < 0.5
        sex = kid.sex if same else (Sex.female if kid.sex is Sex.male else Sex.male)
        main, self.rng = self.rng, self.traps
        twin = self.person(kid.origin, sex, kid.birth, surname=kid.surname)
        while twin.given[0] == kid.given[0]:
            twin.given = self.given_names(kid.origin, sex, kid.birth.year)
        self.rng = main
        if twin.alias and kid.alias and fold(twin.alias) == fold(kid.alias):
            twin.alias = None
        twin.birth_place = kid.birth_place
        twin.parents = list(kid.parents)
        man.children.append(twin.idx)
        woman.children.append(twin.idx)
        self.queue.append(twin.idx)
        return twin

    def born_at_home(self, kids: list[int]) -> None:
        """Most children are born where their household lived (the city of its address)."""
        addresses = self.units[-1][2]
        for idx in kids:
            kid = self.people[idx]
            if self.rng.random() < 0.7:
                for addr, start, _stop in reversed(addresses):
                    if start <= kid.birth and addr.city:
                        kid.birth_place = addr.city
                        break

    def unit(self, adults: list[int], kids: list[int], since: date, until: date | None) -> None:
        """A household: one or more addresses over time, shared by its members."""
        rng = self.rng
        origin = self.people[adults[0]].origin
        addresses: list[tuple[Address, date, date | None]] = []
        start = since
        end_year = (until or date(NOW_YEAR, 1, 1)).year
        for _ in range(3):
            m = self.municipality(origin)
            lang_fr = m.region == "wallonia" or (m.region == "brussels" and origin != "flemish")
            street = rng.choice(_STREETS_FR if lang_fr else _STREETS_NL)
            number = str(rng.randint(1, 180)) + (rng.choice(("", "", "", "A", "B", "/2")))
            move: date | None = None
            if start.year + 2 < end_year and rng.random() < 0.45:
                move = self.day_in(rng.randint(start.year + 1, end_year - 1))
            stop = move if move is not None else until
            addr = Address(
                street=street,
                house_number=number,
                postcode=rng.choice(m.postcodes),
                city=m.name_fr if lang_fr else m.name_nl,
                country="BE",
                since=_pd(start),
                until=_pd(stop) if stop else None,
            )
            addresses.append((addr, start, stop))
            if move is None:
                break
            start = move
        self.units.append((adults, kids, addresses))

    def grow(self) -> None:
        rng = self.rng
        while not self.full:
            if not self.queue:
                self.founders()
                continue
            p = self.people[self.queue.popleft()]
            if p.birth.year > NOW_YEAR - 20 or rng.random() > 0.8:
                continue
            q = self.partner_for(p)
            man, woman = (p, q) if p.sex is Sex.male else (q, p)
            if not self.full:
                self.couple(man, woman, child_of_pop=None)

    def trim(self) -> None:
        """Drop whoever the last family put over ``n``, and every reference to them."""
        n = self.n
        del self.people[n:]
        for p in self.people:
            p.parents = [(i, b) for i, b in p.parents if i < n]
            p.children = [i for i in p.children if i < n]
        self.unions = [u for u in self.unions if u.a < n and u.b < n]
        units = []
        for adults, kids, addresses in self.units:
            adults = [i for i in adults if i < n]
            if adults:
                units.append((adults, [i for i in kids if i < n], addresses))
        self.units = units

    def finish(self) -> None:
        rng = self.rng
        for p in self.people:
            age = NOW_YEAR - p.birth.year
            risk = next(r for limit, r in _DEATH_RISK if age > limit)
            if rng.random() < risk:
                last_child = max((self.people[c].birth.year for c in p.children), default=0)
                lo = max(p.birth.year + (40 if age > 55 else 1), last_child + 1)
                if lo < NOW_YEAR:
                    p.death = self.day_in(rng.randint(lo, NOW_YEAR - 1))
            if p.birth.year <= NOW_YEAR - 16 and rng.random() < 0.5 and p.death is None:
                digits = [rng.randint(70, 99), *(rng.randint(10, 99) for _ in range(3))]
                p.phone = "04{} {} {} {}".format(*digits)
            if p.birth.year <= NOW_YEAR - 16 and rng.random() < 0.4 and p.death is None:
                local = ".".join(fold(x).replace(" ", "") for x in (p.given[0], p.surname))
                number = str(rng.randint(1, 99)) if rng.random() < 0.4 else ""
                p.email = f"{local}{number}@{rng.choice(_MAIL_DOMAINS)}"
        for adults, kids, addresses in self.units:
            for idx in adults + kids:
                p = self.people[idx]
                leave = date(p.birth.year + rng.randint(19, 27), 6, 30) if idx in kids else None
                for addr, start, stop in addresses:
                    first = max(start, p.birth)
                    ends = [x for x in (stop, p.death, leave) if x is not None]
                    last = min(ends) if ends else None
                    if last is not None and last <= first:
                        continue
                    since = _pd(first)
                    until = _pd(last) if last else None
                    p.addresses.append(addr.model_copy(update={"since": since, "until": until}))
        for u in self.unions:
            deaths = [d for d in (self.people[u.a].death, self.people[u.b].death) if d]
            if u.ended is None and deaths and min(deaths) > u.since:
                u.ended, u.until = "widowed", min(deaths)
            elif u.ended is None and deaths:
                u.ended, u.until = "widowed", None


def _national_id(p: _P, serial: int) -> str:
    b = p.birth
    serial = serial % 997 + 1
    serial = serial if serial % 2 == (1 if p.sex is Sex.male else 0) else serial + 1
    if serial > 998:
        serial -= 2
    body = f"{b.year % 100:02d}{b.month:02d}{b.day:02d}{serial:03d}"
    num = int(("2" if b.year >= 2000 else "") + body)
    check = 97 - num % 97
    return f"{body[:2]}.{body[2:4]}.{body[4:6]}-{body[6:]}.{check:02d}"


def generate_population(n_persons: int, *, seed: int) -> Population:
    """``n_persons`` persons in families over 3–4 generations, deterministic for ``seed``."""
    if n_persons < 2:
        raise ValueError("a population needs at least two persons")
    b = _Builder(n_persons, random.Random(seed))
    b.traps = random.Random(f"traps {seed}")
    b.grow()
    b.trim()
    b.finish()
    prov = Provenance(
        created_at=_STAMP,
        created_by="population",
        source=SourceRef(kind=SourceKind.other, name=f"synthetic population seed {seed}"),
    )
    width = len(str(n_persons))
    pid = [f"p{seed}-{i:0{width}d}" for i in range(len(b.people))]
    persons: list[Person] = []
    for p in b.people:
        persons.append(
            Person.model_construct(
                id=pid[p.idx],
                given_names=list(p.given),
                surname=p.surname,
                birth_surname=p.birth_surname,
                aliases=[p.alias] if p.alias else [],
                sex=p.sex,
                birth_date=_pd(p.birth),
                birth_date_text=None,
                birth_place=p.birth_place,
                deceased=p.death is not None,
                death_date=_pd(p.death) if p.death else None,
                death_date_text=None,
                death_place=None,
                addresses=p.addresses,
                contact=Contact.model_construct(
                    phones=[p.phone] if p.phone else [], emails=[p.email] if p.email else []
                ),
                language=_LANGUAGE[p.origin],
                notes=None,
                confidential=set(),
                provenance=prov,
            )
        )
    ties: list[Tie] = []

    def tie(
        src: int,
        dst: int,
        kind: TieKind,
        *,
        basis: Basis = Basis.social,
        partner_status: PartnerStatus | None = None,
        since: PartialDate | None = None,
        until: PartialDate | None = None,
    ) -> None:
        ties.append(
            Tie.model_construct(
                id=f"t{seed}-{len(ties):0{width + 1}d}",
                source_id=pid[src],
                target_id=pid[dst],
                kind=kind,
                partner_status=partner_status,
                basis=basis,
                closeness=None,
                quality=None,
                since=since,
                until=until,
                confidence=1.0,
                confidential=False,
                note=None,
                provenance=prov,
            )
        )

    parents: dict[str, list[tuple[str, Basis]]] = {}
    for p in b.people:
        for parent, basis in p.parents:
            tie(parent, p.idx, TieKind.parent, basis=basis)
        parents[pid[p.idx]] = [(pid[i], basis) for i, basis in p.parents]
    for u in b.unions:
        since = _pd(u.since)
        until = _pd(u.until) if u.until else None
        if u.ended == "divorced":
            status = PartnerStatus.divorced if u.married else PartnerStatus.separated
            tie(u.a, u.b, TieKind.ex_partner, partner_status=status, since=since, until=until)
        elif u.ended == "widowed":
            tie(
                u.a,
                u.b,
                TieKind.partner,
                partner_status=PartnerStatus.widowed,
                since=since,
                until=until,
            )
        else:
            status = PartnerStatus.married if u.married else PartnerStatus.cohabiting
            tie(u.a, u.b, TieKind.partner, partner_status=status, since=since)
    households: list[Household] = []
    for adults, kids, addresses in b.units:
        for addr, _start, _stop in addresses:
            members = [pid[i] for i in adults + kids]
            households.append(Household(f"h{seed}-{len(households)}", members, addr))
    return Population(
        seed=seed,
        persons=persons,
        ties=ties,
        households=households,
        origin={pid[p.idx]: p.origin for p in b.people},
        national_ids={pid[p.idx]: _national_id(p, p.idx * 7 + seed) for p in b.people},
        parents=parents,
    )


# -- outside records with noise ----------------------------------------------------------


@dataclass(frozen=True)
class NoiseRates:
    """How often each kind of noise touches a record (per record or per field, as named)."""

    typo: float = 0.08
    """per name field (given names, surname): one insert, delete, substitute or transpose."""
    nickname: float = 0.1
    """the given name replaced by the person's alias or a variant from given_names.tsv."""
    first_name_only: float = 0.3
    """only the first of several given names."""
    transliteration: float = 0.3
    """per name with another spelling (Mohamed/Mohammed, Ayşe/Ayse)."""
    particle: float = 0.3
    """a surname with particles respelled (Van den Bossche/Vandenbossche/Van Den Bossche)."""
    married_name: float = 0.5
    """a woman with a married name: the record holds her maiden name as surname."""
    day_month_swap: float = 0.03
    year_off: float = 0.03
    year_only: float = 0.05
    missing: float = 0.1
    """per optional field (birth date, place, sex, address, phone, e-mail)."""
    old_address: float = 0.3
    """a previous address instead of the current one (when there is one)."""
    other_language_place: float = 0.1
    """a municipality in its other language (Gent/Gand)."""
    parent_names: float = 0.6
    """mother_name and father_name filled from the truth (with the same name noise)."""
    partner_name: float = 0.3
    duplicate: float = 0.03
    """a second, separately noised record of the same person in the same source."""
    generation_word: float = 0.3
    """a namesake father or son with ``sr``/``jr`` (``senior``, ``père``, ``fils``, ``zoon``)
    after the given names."""


@dataclass(frozen=True)
class Source:
    """One outside source: which persons it holds and how noisy it is."""

    name: str
    kind: SourceKind
    coverage: float
    """the share of eligible persons the source holds."""
    min_birth_year: int = 0
    max_birth_year: int = 9999
    living_only: bool = False
    national_id: float = 0.0
    noise: NoiseRates = field(default_factory=NoiseRates)


DEFAULT_SOURCES: tuple[Source, ...] = (
    Source(
        "registry",
        SourceKind.registry,
        0.5,
        living_only=True,
        national_id=0.0,
        noise=NoiseRates(typo=0.02, nickname=0.0, first_name_only=0.0, married_name=0.1,
                         transliteration=0.05, particle=0.05,
                         day_month_swap=0.0, year_off=0.0, year_only=0.0, missing=0.02,
                         old_address=0.05, parent_names=0.3, duplicate=0.01),
    ),
    Source("case_files", SourceKind.case_file, 0.3, noise=NoiseRates()),
    Source(
        "school_lists",
        SourceKind.school_list,
        0.6,
        min_birth_year=NOW_YEAR - 18,
        max_birth_year=NOW_YEAR - 3,
        living_only=True,
        noise=NoiseRates(typo=0.05, nickname=0.2, parent_names=0.9, year_only=0.0,
                         old_address=0.1, partner_name=0.0),
    ),
)  # fmt: skip
"""A registry extract, old case files and school contact lists. The registry's
``national_id`` share is 0 by default (set it to give matching an exact key)."""


@dataclass
class RecordSet:
    """One source's records, with the truth kept beside them (never in the fields)."""

    source: Source
    records: list[Record]
    truth: dict[str, str]
    """record id → person id."""
    noise: dict[str, list[str]]
    """record id → the noise applied, e.g. ``["typo:surname", "year_off"]``."""


_PARTICLES = (
    "van",
    "de",
    "den",
    "der",
    "ter",
    "ten",
    "'t",
    "d'",
    "la",
    "le",
    "du",
    "el",
    "al",
    "ben",
)
_JOINED = ("vanden", "vander", "vande", "van", "de", "ten", "ter")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 3:
        return text + rng.choice(_LETTERS)
    i = rng.randrange(1, len(text) - 1)
    op = rng.randrange(4)
    if op == 0:
        out = text[:i] + rng.choice(_LETTERS) + text[i:]
    elif op == 1:
        out = text[:i] + text[i + 1 :]
    elif op == 2:
        out = text[:i] + rng.choice([c for c in _LETTERS if c != text[i].lower()]) + text[i + 1 :]
    else:
        out = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return out if out != text else text[:i] + text[i + 1 :]


def particle_forms(surname: str) -> list[str]:
    """Other ways one writes a surname with particles (an empty list when it has none)."""
    words = surname.split()
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in _PARTICLES:
        lead += 1
    if lead:
        core = " ".join(words[lead:])
        parts = words[:lead]
        forms = [
            "".join(parts).capitalize() + core.lower(),
            " ".join(w.capitalize() for w in parts) + " " + core,
            " ".join(w.lower() for w in parts) + " " + core,
            "".join(parts) + core,
        ]
        if parts[0].lower() in ("el", "al", "ben"):
            forms += ["-".join(parts) + "-" + core, core]
        return sorted({f for f in forms if f != surname})
    low = surname.lower()
    for prefix in _JOINED:
        if low.startswith(prefix) and len(low) > len(prefix) + 3:
            rest = surname[len(prefix) :]
            if prefix.startswith("van") and len(prefix) > 3:
                head = "Van " + prefix[3:]
            else:
                head = prefix.capitalize()
            return [f"{head} {rest.capitalize()}", f"{head.title()} {rest.capitalize()}"]
    return []


def _transliterate(name: str, sex: Sex) -> str | None:
    if not name.isascii():
        return fold(name).title() if " " not in name else None
    key = fold(name)
    options = [v for v in name_variants(name, sex) if v[:1].lower() == key[:1] and len(v) > 2]
    if options and key in _ARABIC_KEYS():
        return options[len(key) % len(options)]
    return None


@cache
def _ARABIC_KEYS() -> frozenset[str]:  # noqa: N802
    names = [
        n for (origin, _sex), ns in _GIVEN.items() if origin in ("moroccan", "turkish") for n in ns
    ]
    return frozenset(fold(n) for n in names)


class _Noiser:
    def __init__(self, pop: Population, rng: random.Random) -> None:
        self.pop = pop
        self.rng = rng
        self.persons = pop.by_id()

    def given(self, p: Person, rates: NoiseRates, applied: list[str]) -> str:
        rng = self.rng
        names = list(p.given_names)
        if len(names) > 1 and rng.random() < rates.first_name_only:
            names = names[:1]
            applied.append("first_name_only")
        if rng.random() < rates.nickname:
            options = p.aliases or name_variants(names[0], p.sex)
            if options:
                names = [rng.choice(options)]
                applied.append("nickname")
        for i, n in enumerate(names):
            if rng.random() < rates.transliteration:
                t = _transliterate(n, p.sex)
                if t and t != n:
                    names[i] = t
                    applied.append("transliteration")
        text = " ".join(names)
        if rng.random() < rates.typo:
            text = _typo(rng, text)
            applied.append("typo:given_names")
        return text

    def surname(self, p: Person, rates: NoiseRates, applied: list[str]) -> tuple[str, str | None]:
        rng = self.rng
        surname = p.surname or ""
        birth = p.birth_surname
        if birth and rng.random() < rates.married_name:
            surname = birth
            birth = None if rng.random() < 0.5 else birth
            applied.append("maiden_name")
        if rng.random() < rates.particle:
            forms = particle_forms(surname)
            if forms:
                surname = rng.choice(forms)
                applied.append("particle")
        if not surname.isascii() and rng.random() < rates.transliteration:
            surname = fold(surname).title()
            applied.append("transliteration")
        if rng.random() < rates.typo:
            surname = _typo(rng, surname)
            applied.append("typo:surname")
        return surname, birth

    def name_of(
        self, pid: str | None, rates: NoiseRates, applied: list[str], tag: str
    ) -> str | None:
        if pid is None:
            return None
        p = self.persons[pid]
        sub: list[str] = []
        given = self.given(p, rates, sub)
        surname, _ = self.surname(
            p.model_copy(update={"birth_surname": None, "surname": p.birth_surname or p.surname}),
            rates,
            sub,
        )
        applied.extend(f"{tag}:{s}" for s in sub)
        return f"{given} {surname}"

    def birth_date(self, p: Person, rates: NoiseRates, applied: list[str]) -> PartialDate | None:
        rng = self.rng
        d = p.birth_date
        if d is None or d.month is None or d.day is None:
            return d
        year, month, day = d.year, d.month, d.day
        if rng.random() < rates.day_month_swap and day <= 12 and day != month:
            month, day = day, month
            applied.append("day_month_swap")
        if rng.random() < rates.year_off:
            year += rng.choice((-1, 1))
            applied.append("year_off")
            if month == 2 and day == 29:
                day = 28
        if rng.random() < rates.year_only:
            applied.append("year_only")
            return PartialDate(year)
        return PartialDate(year, month, day)


def _other_language(city: str) -> str | None:
    for m in _municipalities():
        if city in (m.name_nl, m.name_fr) and m.name_nl != m.name_fr:
            return m.name_fr if city == m.name_nl else m.name_nl
    return None


_GENERATION_WORDS = {
    ("senior", False): ("sr", "sr.", "senior"),
    ("junior", False): ("jr", "jr.", "junior", "zoon"),
    ("senior", True): ("père", "sr"),
    ("junior", True): ("fils", "jr"),
}


def namesakes(population: Population) -> dict[str, str]:
    """Person id → ``senior`` or ``junior`` for fathers and sons of one first given name
    and surname (the son named after his father)."""
    persons = population.by_id()
    out: dict[str, str] = {}
    for child_id, parents in population.parents.items():
        child = persons[child_id]
        for parent_id, basis in parents:
            father = persons[parent_id]
            if (
                basis is Basis.biological
                and father.sex is Sex.male
                and child.sex is Sex.male
                and child.given_names[:1] == father.given_names[:1]
                and child.surname == father.surname
            ):
                out[child_id] = "junior"
                out.setdefault(parent_id, "senior")
    return out


def derive_records(
    population: Population, *, seed: int, sources: tuple[Source, ...] = DEFAULT_SOURCES
) -> list[RecordSet]:
    """Noisy outside records of a subset of the population, one :class:`RecordSet` per source."""
    rng = random.Random(seed)
    noiser = _Noiser(population, rng)
    children_partner: dict[str, str] = {}
    for t in population.ties:
        if t.kind in (TieKind.partner, TieKind.ex_partner):
            children_partner[t.source_id] = t.target_id
            children_partner[t.target_id] = t.source_id
    generations = namesakes(population)
    out: list[RecordSet] = []
    for source in sources:
        rates = source.noise
        prov = Provenance(
            created_at=_STAMP,
            created_by="population",
            source=SourceRef(kind=source.kind, name=source.name),
        )
        records: list[Record] = []
        truth: dict[str, str] = {}
        noise: dict[str, list[str]] = {}
        for p in population.persons:
            assert p.birth_date is not None
            if not source.min_birth_year <= p.birth_date.year <= source.max_birth_year:
                continue
            if source.living_only and p.deceased:
                continue
            if rng.random() >= source.coverage:
                continue
            copies = 2 if rng.random() < rates.duplicate else 1
            for _ in range(copies):
                rid = f"tmp-{len(records)}"
                applied: list[str] = []
                records.append(
                    _record(
                        noiser,
                        population,
                        p,
                        rid,
                        source,
                        prov,
                        children_partner,
                        applied,
                        generations.get(p.id),
                    )
                )
                truth[rid] = p.id
                noise[rid] = applied
        # shuffle, then number: a record's id and place say nothing about its person
        rng.shuffle(records)
        renamed: list[Record] = []
        new_truth: dict[str, str] = {}
        new_noise: dict[str, list[str]] = {}
        for i, r in enumerate(records):
            rid = f"{source.name}-{i:06d}"
            new_truth[rid], new_noise[rid] = truth[r.id], noise[r.id]
            renamed.append(r.model_copy(update={"id": rid}))
        out.append(RecordSet(source, renamed, new_truth, new_noise))
    return out


def _record(
    noiser: _Noiser,
    pop: Population,
    p: Person,
    rid: str,
    source: Source,
    prov: Provenance,
    partners: dict[str, str],
    applied: list[str],
    generation: str | None = None,
) -> Record:
    rng = noiser.rng
    rates = source.noise

    def keep(name: str) -> bool:
        if rng.random() < rates.missing:
            applied.append(f"missing:{name}")
            return False
        return True

    surname, birth_surname = noiser.surname(p, rates, applied)
    given = noiser.given(p, rates, applied)
    if generation is not None and rng.random() < rates.generation_word:
        words = _GENERATION_WORDS[(generation, noiser.pop.origin.get(p.id) == "french")]
        given = f"{given} {rng.choice(words)}"
        applied.append(f"generation:{generation}")
    fields: dict[str, object] = {
        "id": rid,
        "given_names": given,
        "surname": surname,
        "birth_surname": birth_surname,
        "provenance": prov,
    }
    if keep("sex"):
        fields["sex"] = p.sex
    if keep("birth_date"):
        fields["birth_date"] = noiser.birth_date(p, rates, applied)
    if keep("birth_place"):
        place = p.birth_place
        if place and rng.random() < rates.other_language_place:
            other = _other_language(place)
            if other:
                place = other
                applied.append("other_language_place")
        fields["birth_place"] = place
    if p.addresses and keep("address"):
        addr = p.addresses[-1]
        if len(p.addresses) > 1 and rng.random() < rates.old_address:
            addr = p.addresses[rng.randrange(len(p.addresses) - 1)]
            applied.append("old_address")
        city = addr.city
        if city and rng.random() < rates.other_language_place:
            other = _other_language(city)
            if other:
                city = other
                applied.append("other_language_place")
        fields.update(
            street=addr.street, house_number=addr.house_number, postcode=addr.postcode, city=city
        )
    if rng.random() < source.national_id:
        fields["national_id"] = pop.national_ids[p.id]
    if rng.random() < rates.parent_names:
        for parent, _basis in pop.parents.get(p.id, []):
            sex = noiser.persons[parent].sex
            tag = "mother_name" if sex is Sex.female else "father_name"
            fields[tag] = noiser.name_of(parent, rates, applied, tag)
    if p.id in partners and rng.random() < rates.partner_name:
        fields["partner_name"] = noiser.name_of(partners[p.id], rates, applied, "partner_name")
    if p.contact.phones and keep("phone"):
        fields["phone"] = p.contact.phones[0]
    if p.contact.emails and keep("email"):
        fields["email"] = p.contact.emails[0]
    return Record(**fields)


def write_records_csv(records: list[Record], path: Path | str) -> Path:
    """Write records in the canonical columns (UTF-8, comma-separated), readable by
    ``tenhands match``/``dedupe`` and :func:`tenhands.finding.records.read_records`."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CANONICAL_COLUMNS)
        for r in records:
            row: list[str] = []
            for col in CANONICAL_COLUMNS:
                value = getattr(r, col)
                row.append("" if value is None else str(value))
            writer.writerow(row)
    return path


def write_truth_csv(truth: dict[str, str], path: Path | str) -> Path:
    """Write a ground-truth mapping as ``record_id,person_id``."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "person_id"])
        writer.writerows(sorted(truth.items()))
    return path


# -- seeded cases --------------------------------------------------------------------------


@dataclass(frozen=True)
class KinTruth:
    """A true relative of the case's child the worker does not know yet."""

    person_id: str
    relation: str
    """e.g. ``maternal_aunt``, ``paternal_grandfather``, ``half_brother``, ``father``."""
    side: str
    """maternal, paternal or both."""
    deceased: bool


@dataclass
class SeededCase:
    """A child (and siblings), the relatives the worker knows, and the kin still to find."""

    case: Case
    known: list[Person]
    """partial copies (same ids as in the population) of the relatives the worker knows."""
    known_ties: list[Tie]
    known_relation: dict[str, str]
    """person id → relation to the (first) child, for the known relatives."""
    true_kin: list[KinTruth]

    @property
    def child_id(self) -> str:
        return self.case.child_ids[0]


def _gendered(base: str, sex: Sex) -> str:
    pairs = {
        "parent": ("father", "mother"),
        "grandparent": ("grandfather", "grandmother"),
        "great_grandparent": ("great_grandfather", "great_grandmother"),
        "sibling": ("brother", "sister"),
        "half_sibling": ("half_brother", "half_sister"),
        "aunt_uncle": ("uncle", "aunt"),
        "half_aunt_uncle": ("half_uncle", "half_aunt"),
        "niece_nephew": ("nephew", "niece"),
    }
    if base in pairs:
        return pairs[base][0 if sex is Sex.male else 1]
    return base


def _kin_of(
    child: str,
    persons: dict[str, Person],
    parents_of: dict[str, list[str]],
    children_of: dict[str, list[str]],
) -> dict[str, KinTruth]:
    """Blood and adoptive kin up to great-grandparents and first cousins, closest first."""
    out: dict[str, KinTruth] = {}

    def add(pid: str, base: str, side: str, *, sided: bool = True) -> None:
        if pid == child or pid in out:
            return
        p = persons[pid]
        word = _gendered(base, p.sex)
        relation = f"{side}_{word}" if sided and side != "both" else word
        out[pid] = KinTruth(pid, relation, side, p.deceased)

    def side_of(parent: str) -> str:
        return "maternal" if persons[parent].sex is Sex.female else "paternal"

    my_parents = parents_of.get(child, [])
    for par in my_parents:
        add(par, "parent", side_of(par), sided=False)
    siblings: list[str] = []
    for par in my_parents:
        for sib in children_of.get(par, []):
            if sib == child or sib in siblings:
                continue
            siblings.append(sib)
            full = set(parents_of.get(sib, [])) == set(my_parents) and len(my_parents) == 2
            if full:
                add(sib, "sibling", "both", sided=False)
            else:
                add(sib, "half_sibling", side_of(par), sided=False)
    for par in my_parents:
        side = side_of(par)
        for gp in parents_of.get(par, []):
            add(gp, "grandparent", side)
    for par in my_parents:
        side = side_of(par)
        for gp in parents_of.get(par, []):
            for ggp in parents_of.get(gp, []):
                add(ggp, "great_grandparent", side)
    for sib in siblings:
        for nn in children_of.get(sib, []):
            add(nn, "niece_nephew", "both", sided=False)
    aunts: list[tuple[str, str]] = []
    for par in my_parents:
        side = side_of(par)
        gps = parents_of.get(par, [])
        for gp in gps:
            for au in children_of.get(gp, []):
                if au == par or au in my_parents:
                    continue
                full = set(parents_of.get(au, [])) == set(gps) and len(gps) == 2
                add(au, "aunt_uncle" if full else "half_aunt_uncle", side)
                aunts.append((au, side))
    for au, side in aunts:
        for cousin in children_of.get(au, []):
            add(cousin, "cousin", side)
    return out


def _partial(p: Person, rng: random.Random) -> Person:
    """What a worker knows of a relative: a first name, a surname, about a year, a town."""
    given = [p.aliases[0]] if p.aliases and rng.random() < 0.5 else p.given_names[:1]
    surname = p.surname
    birth_surname = p.birth_surname
    if birth_surname and rng.random() < 0.5:
        surname = None
    year = p.birth_date.year + rng.choice((-1, 0, 0, 0, 1)) if p.birth_date else None
    city = p.addresses[-1].city if p.addresses and rng.random() < 0.7 else None
    return Person(
        id=p.id,
        given_names=given,
        surname=surname,
        birth_surname=birth_surname,
        sex=p.sex,
        birth_date=PartialDate(year, qualifier=None) if year and rng.random() < 0.6 else None,
        addresses=[Address(city=city)] if city else [],
        deceased=p.deceased,
        provenance=Provenance(created_at=_STAMP, created_by="worker"),
    )


def seed_cases(population: Population, *, n_cases: int, seed: int) -> list[SeededCase]:
    """Up to ``n_cases`` cases: a minor child (sometimes with its minor full siblings), the
    relatives the worker knows (a parent and one of that parent's parents, sometimes the
    other parent), and the true kin not yet known."""
    rng = random.Random(seed)
    persons = population.by_id()
    parents_of = {k: [p for p, _b in v] for k, v in population.parents.items()}
    children_of = population.children()
    candidates: list[str] = []
    for p in population.persons:
        assert p.birth_date is not None
        if p.deceased or not NOW_YEAR - 17 <= p.birth_date.year <= NOW_YEAR - 1:
            continue
        pars = parents_of.get(p.id, [])
        if len(pars) == 2 and any(parents_of.get(x) for x in pars):
            candidates.append(p.id)
    rng.shuffle(candidates)
    cases: list[SeededCase] = []
    used: set[str] = set()
    for child in candidates:
        if len(cases) >= n_cases:
            break
        if child in used:
            continue
        kin = _kin_of(child, persons, parents_of, children_of)
        children = [child]
        for k in kin.values():
            sib = persons[k.person_id]
            assert sib.birth_date is not None
            if (
                k.relation in ("brother", "sister")
                and sib.birth_date.year >= NOW_YEAR - 17
                and not sib.deceased
                and rng.random() < 0.6
            ):
                children.append(k.person_id)
        pars = parents_of[child]
        with_gp = [x for x in pars if parents_of.get(x)]
        first = next((x for x in with_gp if persons[x].sex is Sex.female), with_gp[0])
        if rng.random() < 0.3:
            first = rng.choice(with_gp)
        gp = rng.choice(parents_of[first])
        known_ids = [first, gp]
        other = [x for x in pars if x != first]
        if other and rng.random() < 0.5:
            known_ids.append(other[0])
        relation = {pid: kin[pid].relation for pid in known_ids}
        known = [_partial(persons[pid], rng) for pid in known_ids]
        prov = Provenance(created_at=_STAMP, created_by="worker")
        ties = [
            Tie(id=f"k{len(cases)}-{i}-{j}", source_id=par, target_id=c, kind=TieKind.parent,
                provenance=prov)
            for i, par in enumerate(x for x in known_ids if x in pars)
            for j, c in enumerate(children)
        ]  # fmt: skip
        ties.append(
            Tie(id=f"k{len(cases)}-gp", source_id=gp, target_id=first, kind=TieKind.parent,
                provenance=prov)
        )  # fmt: skip
        true_kin = [k for pid, k in kin.items() if pid not in known_ids and pid not in children]
        if not true_kin:
            continue
        used.update(children)
        title = f"Synthetic case {len(cases) + 1}"
        case = Case(id=f"c{seed}-{len(cases):04d}", title=title, child_ids=children)
        cases.append(SeededCase(case, known, ties, relation, true_kin))
    return cases
