"""Shared data of the matching tests: small Flemish record sets with known true pairs."""

from __future__ import annotations

import random

Row = dict[str, str | None]

GIVEN_F = ["Maria", "Lotte", "Mieke", "Ayşe", "Fatima", "Elke", "Sofie", "Marie", "Griet", "Zoë"]
GIVEN_M = ["Jozef", "Pieter", "Karim", "Youssef", "Emre", "Willem", "Bram", "Jan", "Koen", "Wout"]
SURNAMES = [
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet", "Vermeulen", "Van den Broeck", "El Amrani", "Yılmaz", "Çelik",
    "Vandenberghe", "D'Hondt", "Verstraete", "Dierckx", "Van Damme", "Lemmens", "Hermans",
]  # fmt: skip
STREETS = ["Kerkstraat", "Stationsstraat", "Dorpstraat", "Molenstraat", "Nieuwstraat"]
PLACES = [("9000", "Gent"), ("2000", "Antwerpen"), ("3000", "Leuven"), ("8000", "Brugge")]


def person(rng: random.Random, i: int) -> Row:
    female = rng.random() < 0.5
    postcode, city = rng.choice(PLACES)
    birth = f"{rng.randint(1940, 2010)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {
        "id": f"L{i}",
        "given_names": rng.choice(GIVEN_F if female else GIVEN_M),
        "surname": rng.choice(SURNAMES),
        "birth_surname": None,
        "sex": "F" if female else "M",
        "birth_date": birth,
        "birth_place": city,
        "street": rng.choice(STREETS),
        "house_number": str(rng.randint(1, 120)),
        "postcode": postcode,
        "city": city,
    }


def typo(rng: random.Random, text: str) -> str:
    if len(text) < 4:
        return text
    k = rng.randrange(1, len(text) - 2)
    return text[:k] + text[k + 1] + text[k] + text[k + 2 :]


def variant(rng: random.Random, row: Row, i: int) -> Row:
    """The same person in another source: a typo, a swapped day and month, a maiden name,
    a Belgian date form, a missing field."""
    out = dict(row, id=f"R{i}")
    kind = i % 4
    if kind == 0:
        out["surname"] = typo(rng, row["surname"] or "")
    elif kind == 1:
        y, m, d = (row["birth_date"] or "").split("-")
        if int(d) <= 12:
            out["birth_date"] = f"{y}-{d}-{m}"
        out["street"] = None
    elif kind == 2:
        out["birth_surname"] = row["surname"]
        out["surname"] = rng.choice(SURNAMES)
        y, m, d = (row["birth_date"] or "").split("-")
        out["birth_date"] = f"{d}/{m}/{y}"
    else:
        out["given_names"] = typo(rng, row["given_names"] or "")
        out["house_number"] = None
    return out


def linked_sets(n: int = 40, seed: int = 4) -> tuple[list[Row], list[Row], set[tuple[str, str]]]:
    """``n`` left records, a right set holding a variant of each even one plus strangers,
    and the true pairs."""
    rng = random.Random(seed)
    left = [person(rng, i) for i in range(n)]
    right = [variant(rng, row, i) for i, row in enumerate(left) if i % 2 == 0]
    right += [dict(person(rng, 1000 + i), id=f"R{1000 + i}") for i in range(n // 2)]
    truth = {(f"L{i}", f"R{i}") for i in range(0, n, 2)}
    return left, right, truth


NICKNAMES = {
    "Jozef": "Jef", "Maria": "Mieke", "Johannes": "Hans", "Pieter": "Piet",
    "Elisabeth": "Lies", "Willem": "Wim", "Margaretha": "Griet", "Hendrik": "Rik",
    "Franciscus": "Frans",
}  # fmt: skip
FULL_NAMES = list(NICKNAMES)
OTHER_NAMES = ["Lotte", "Koen", "Sofie", "Wout", "Elke", "Bram", "Ines", "Stijn", "Nele", "Ruben"]


def family_sets(
    n_families: int = 80, seed: int = 7
) -> tuple[list[Row], list[Row], set[tuple[str, str]]]:
    """Families of two to four children sharing surname, parents' names and address.

    The left set holds every child (registry); the right set holds, for every family,
    its first child written with a nickname and a surname typo, the same birth date
    (a case file), plus strangers. Returns left, right and the true pairs; the first
    child is ``F{n}-0`` on the left and ``C{n}`` on the right, its siblings ``F{n}-1``…
    """
    rng = random.Random(seed)
    left: list[Row] = []
    right: list[Row] = []
    truth: set[tuple[str, str]] = set()
    for n in range(n_families):
        surname = rng.choice(SURNAMES)
        mother = f"{rng.choice(GIVEN_F)} {rng.choice(SURNAMES)}"
        father = f"{rng.choice(GIVEN_M)} {surname}"
        postcode, city = rng.choice(PLACES)
        home = {
            "surname": surname, "mother_name": mother, "father_name": father,
            "street": rng.choice(STREETS), "house_number": str(rng.randint(1, 200)),
            "postcode": postcode, "city": city, "birth_place": city,
        }  # fmt: skip
        first_year = rng.randint(1990, 2012)
        names = rng.sample(FULL_NAMES, 1) + rng.sample(OTHER_NAMES, rng.randint(1, 3))
        for k, given in enumerate(names):
            birth = f"{first_year + 2 * k}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            sex = rng.choice("MF")
            left.append(dict(home, id=f"F{n}-{k}", given_names=given, birth_date=birth, sex=sex))
        child = left[-len(names)]
        right.append(
            dict(
                child,
                id=f"C{n}",
                given_names=NICKNAMES[child["given_names"] or ""],
                surname=typo(rng, surname) if len(surname) > 4 else surname,
            )
        )
        truth.add((f"F{n}-0", f"C{n}"))
    right += [dict(person(rng, 2000 + i), id=f"S{i}") for i in range(n_families)]
    return left, right, truth
