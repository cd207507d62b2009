"""What only those who work a case read: a person's whereabouts and contact details,
exact birth date and place, notes, risk flags, the notes of the contact log and
confidential ties.

Everyone else who reads a case (a facilitator preparing a meeting) gets the same
persons, roles and ties without these parts: the functions here make that view, once,
for the API and the web pages alike.

>>> from .model import Address, Contact, PartialDate, Person
>>> p = Person(id="p", given_names=["An"], birth_date=PartialDate.parse("1990-04-03"),
...            addresses=[Address(city="Gent")], contact=Contact(phones=["0470"]), notes="x")
>>> shared = person_shared(p)
>>> shared.addresses, shared.contact.phones, shared.notes, str(shared.birth_date)
([], [], None, '1990')
"""

from __future__ import annotations

from .model import Contact, NetworkRole, PartialDate, Person, Tie


def person_shared(person: Person) -> Person:
    """The person without whereabouts, contact details, notes, and with only the year
    of birth."""
    birth = person.birth_date
    return person.model_copy(
        update={
            "addresses": [],
            "contact": Contact(),
            "notes": None,
            "birth_date": None if birth is None else PartialDate(birth.year),
            "birth_date_text": None,
            "birth_place": None,
            "death_place": None,
        }
    )


def role_shared(role: NetworkRole) -> NetworkRole:
    """The role without its note, risk flags and the notes of its contact log."""
    return role.model_copy(
        update={
            "note": None,
            "risk_flags": set(),
            "contacts": [c.model_copy(update={"note": None}) for c in role.contacts],
        }
    )


def tie_shared(tie: Tie) -> Tie | None:
    """The tie without its note; None for a confidential tie (not shown at all)."""
    return None if tie.confidential else tie.model_copy(update={"note": None})
