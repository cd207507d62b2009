"""GEDCOM import speed: a seeded 50,000-person family tree into a fresh SQLite store.

The tree is generated: families over six generations with Flemish, French,
Moroccan-Belgian and Turkish-Belgian names, dates with qualifiers (ABT, BEF,
AFT, BET … AND, EST), places, deaths, divorces, adoptions and godparents. It is
written as GEDCOM 5.5.1 in UTF-8, then imported with ``import_gedcom`` (read,
checked, mapped and stored: persons then ties, each in one transaction).
Target: < 30 s.

    python bench/gedcom_bench.py                  # 50,000 persons
    python bench/gedcom_bench.py --persons 5000 --profile
    python bench/gedcom_bench.py --record         # append the figures to bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from results import report

from tenhands.finding.gedcom import import_gedcom
from tenhands.graph.stores.sqlite import SqliteStore

MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

ORIGINS = {
    "flemish": (
        ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
         "Wouters", "De Smet", "Van den Broeck", "Vermeulen", "Van Damme", "De Backer"],
        ["Jan", "Jozef", "Pieter", "Wout", "Lucas", "Jef", "Arne", "Bram", "Seppe", "Warre"],
        ["Maria", "Mieke", "Lotte", "Fien", "Hilde", "Els", "Katrien", "Marie", "Zoë", "Lien"],
        ["Gent", "Antwerpen", "Aalst", "Brugge", "Leuven", "Mechelen", "Sint-Niklaas"],
    ),
    "french": (
        ["Dubois", "Lambert", "Martin", "Dupont", "Lefebvre", "Leclercq", "Renard", "Simon",
         "Laurent", "Mathieu"],
        ["Jean", "Louis", "François", "Michel", "Olivier", "Théo", "Hugo", "Noé"],
        ["Françoise", "Marie", "Camille", "Chloé", "Léa", "Anaïs", "Hélène", "Noémie"],
        ["Liège", "Charleroi", "Namur", "Bruxelles", "Mons", "Tournai"],
    ),
    "moroccan": (
        ["El Amrani", "Benali", "El Idrissi", "Azzouzi", "Bouzid", "Ouali", "Chaouki",
         "El Khattabi", "Boukhari", "Tahiri"],
        ["Mohamed", "Youssef", "Karim", "Ilyas", "Rayan", "Adam", "Hamza", "Bilal"],
        ["Fatima", "Hafsa", "Nadia", "Yasmine", "Aya", "Salma", "Khadija", "Nour"],
        ["Tanger", "Nador", "Al Hoceima", "Brussel", "Antwerpen", "Gent"],
    ),
    "turkish": (
        ["Yılmaz", "Çelik", "Demir", "Şahin", "Kaya", "Öztürk", "Aydın", "Doğan", "Ağaoğlu",
         "Kılıç"],
        ["Mehmet", "Mustafa", "Emre", "Murat", "Can", "Yusuf", "Kerem", "Ömer"],
        ["Ayşe", "Elif", "Zeynep", "Hatice", "Tuğba", "Büşra", "Emine", "Şeyma"],
        ["Emirdağ", "Afyon", "Genk", "Gent", "Beringen", "Istanbul"],
    ),
}  # fmt: skip
GENERATIONS = 8
FIRST_YEAR = 1860


@dataclass
class Person:
    xref: str
    sex: str
    given: str
    surname: str
    origin: str
    born: int
    families: list[str] = field(default_factory=list)
    parent_family: str | None = None
    pedigree: str | None = None
    godparent: str | None = None


@dataclass
class Family:
    xref: str
    husb: Person
    wife: Person
    married: int
    divorced: int | None
    children: list[Person] = field(default_factory=list)


def date_text(rng: random.Random, year: int) -> str:
    roll = rng.random()
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    if roll < 0.60:
        return f"{day} {month} {year}"
    if roll < 0.72:
        return f"{month} {year}"
    if roll < 0.82:
        return f"ABT {year}"
    if roll < 0.86:
        return f"EST {year}"
    if roll < 0.90:
        return f"BEF {year + 1}"
    if roll < 0.94:
        return f"AFT {year - 1}"
    if roll < 0.98:
        return f"BET {year - 1} AND {year + 1}"
    return f"{year}"


def generate(n: int, seed: int = 11) -> tuple[str, int]:
    """A GEDCOM text with ``n`` persons, and its number of families."""
    rng = random.Random(seed)
    persons: list[Person] = []
    families: list[Family] = []

    def new_person(sex: str, born: int, origin: str | None = None, surname: str = "") -> Person:
        origin = origin or rng.choice(list(ORIGINS))
        surnames, men, women, _ = ORIGINS[origin]
        person = Person(
            xref=f"@I{len(persons) + 1}@",
            sex=sex,
            given=rng.choice(men if sex == "M" else women),
            surname=surname or rng.choice(surnames),
            origin=origin,
            born=born,
        )
        persons.append(person)
        return person

    founders = max(n // 8, 2)
    generation = [
        new_person(rng.choice("MF"), FIRST_YEAR + rng.randint(0, 10)) for _ in range(founders)
    ]
    for _ in range(GENERATIONS):
        if len(persons) >= n:
            break
        men = [p for p in generation if p.sex == "M"]
        women = [p for p in generation if p.sex == "F"]
        next_generation: list[Person] = []
        for husband in men:
            if len(persons) >= n:
                break
            if rng.random() < 0.1:
                continue  # stays single
            wife = women.pop() if women and rng.random() < 0.7 else None
            if wife is None:  # a partner from outside the tree
                wife = new_person("F", husband.born + rng.randint(-4, 4))
            married = max(husband.born, wife.born) + rng.randint(20, 32)
            divorced = married + rng.randint(3, 20) if rng.random() < 0.12 else None
            family = Family(f"@F{len(families) + 1}@", husband, wife, married, divorced)
            families.append(family)
            husband.families.append(family.xref)
            wife.families.append(family.xref)
            for _ in range(rng.choice([0, 1, 2, 2, 3, 3, 4, 5])):
                if len(persons) >= n:
                    break
                child = new_person(
                    rng.choice("MF"),
                    married + rng.randint(1, 15),
                    husband.origin,
                    husband.surname,
                )
                child.parent_family = family.xref
                if rng.random() < 0.02:
                    child.pedigree = rng.choice(["adopted", "foster"])
                if rng.random() < 0.05 and generation:
                    child.godparent = rng.choice(generation).xref
                family.children.append(child)
                next_generation.append(child)
        generation = next_generation or generation
    while len(persons) < n:  # relatives named but not placed in a family
        new_person(rng.choice("MF"), FIRST_YEAR + rng.randint(0, 150))

    this_year = 2026
    lines = ["0 HEAD", "1 SOUR BENCH", "1 GEDC", "2 VERS 5.5.1", "2 FORM LINEAGE-LINKED",
             "1 CHAR UTF-8"]  # fmt: skip
    for p in persons:
        place = rng.choice(ORIGINS[p.origin][3])
        lines += [f"0 {p.xref} INDI", f"1 NAME {p.given} /{p.surname}/", f"2 GIVN {p.given}",
                  f"2 SURN {p.surname}", f"1 SEX {p.sex}", "1 BIRT",
                  f"2 DATE {date_text(rng, p.born)}", f"2 PLAC {place}"]  # fmt: skip
        died = p.born + rng.randint(40, 95)
        if died < this_year:
            lines += ["1 DEAT", f"2 DATE {date_text(rng, died)}"]
        if p.parent_family:
            lines.append(f"1 FAMC {p.parent_family}")
            if p.pedigree:
                lines.append(f"2 PEDI {p.pedigree}")
        lines += [f"1 FAMS {f}" for f in p.families]
        if p.godparent:
            lines += [f"1 ASSO {p.godparent}", "2 RELA " + rng.choice(["Godmother", "Peter"])]
    for f in families:
        lines += [f"0 {f.xref} FAM", f"1 HUSB {f.husb.xref}", f"1 WIFE {f.wife.xref}"]
        lines += [f"1 CHIL {c.xref}" for c in f.children]
        lines += ["1 MARR", f"2 DATE {date_text(rng, f.married)}"]
        if f.divorced and f.divorced < this_year:
            lines += ["1 DIV", f"2 DATE {date_text(rng, f.divorced)}"]
    lines.append("0 TRLR")
    return "\n".join(lines) + "\n", len(families)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    parser.add_argument("--record", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()

    text, family_count = generate(args.persons)
    data = text.encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.ged"
        path.write_bytes(data)
        store = SqliteStore(Path(tmp) / "bench.db")
        store.init_schema()
        try:
            profiler = cProfile.Profile() if args.profile else None
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            imported = import_gedcom(store, path.read_bytes(), source_name=path.name)
            if profiler:
                profiler.disable()
            seconds = time.perf_counter() - start
            assert store.count_persons() == imported.persons == args.persons
            start = time.perf_counter()
            import_gedcom(store, path.read_bytes(), source_name=path.name)
            again = time.perf_counter() - start
            assert store.count_persons() == args.persons
        finally:
            store.close()
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)

    size = f"{len(data) / 1024 / 1024:.1f} MiB"
    report(
        "GEDCOM bench",
        [
            "| file | import into SQLite | again (same file: updates) | persons | ties |",
            "|---|---|---|---|---|",
            f"| {args.persons:,} individuals, {family_count:,} families ({size}, UTF-8, "
            f"GEDCOM 5.5.1) | {seconds:.1f} s | {again:.1f} s | {imported.persons:,} | "
            f"{imported.ties:,} |",
        ],
        [
            "Target: import < 30 s. The import reads and checks the whole file, then writes "
            "persons and ties, each in one transaction."
        ],
        record=args.record,
    )


if __name__ == "__main__":
    main()
