"""How a child calls a relative: an alias that starts with a family word ("Oma Ria",
"Tante Trien", "Mima Fatima"), the name a worker and a family know them by.

>>> from tenhands.graph.model import Person
>>> family_alias(Person(given_names=["Maria"], aliases=["Ria", "Oma Ria"]))
'Oma Ria'
>>> family_alias(Person(given_names=["Leen"], aliases=["mama van Fien"])) is None
True
>>> known_as(Person(given_names=["Maria", "Godelieve"], surname="De Smet"))
'Maria Godelieve De Smet'
"""

from __future__ import annotations

from .model import Person

FAMILY_WORDS = frozenset(
    {
        "oma",
        "opa",
        "bomma",
        "bompa",
        "moemoe",
        "vava",
        "meme",
        "mémé",
        "pepe",
        "pépé",
        "tante",
        "nonkel",
        "oom",
        "mima",
        "jeddi",
        "jedda",
        "nine",
        "dede",
        "teyze",
        "amca",
        "grootmoeder",
        "grootvader",
        "granny",
        "grandma",
        "grandpa",
        "nan",
        "auntie",
        "aunt",
        "uncle",
    }
)
"""Words a child puts before a relative's name (godparents are named by their tie)."""


def family_alias(person: Person) -> str | None:
    """The person's first alias of at least two words that starts with a family word."""
    for alias in person.aliases:
        words = alias.split()
        if len(words) >= 2 and words[0].lower() in FAMILY_WORDS:
            return alias
    return None


def known_as(person: Person) -> str:
    """The name a worker knows a relative by: their family alias, else their full name."""
    return family_alias(person) or person.display_name
