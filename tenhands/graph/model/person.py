"""Persons: the child, relatives and informal supporters."""

from __future__ import annotations

from enum import StrEnum

from pydantic import EmailStr, Field, field_validator, model_validator

from .common import Id, LongText, Model, Provenance, ShortText, new_id
from .dates import PartialDate


class Sex(StrEnum):
    female = "female"
    male = "male"
    other = "other"
    unknown = "unknown"


class Confidential(StrEnum):
    """Parts of a person that must not be shown outside the worker's own view."""

    address = "address"
    contact = "contact"
    birth = "birth"
    notes = "notes"
    identity = "identity"
    """The person's existence itself (e.g. a safe house): left out of shared views."""


class Address(Model):
    street: ShortText | None = None
    house_number: ShortText | None = None
    postcode: ShortText | None = None
    city: ShortText | None = None
    country: ShortText | None = Field(default=None, description="ISO 3166 code, e.g. BE")
    since: PartialDate | None = None
    until: PartialDate | None = None


class Contact(Model):
    phones: list[ShortText] = Field(default_factory=list)
    emails: list[EmailStr] = Field(default_factory=list)


class Person(Model):
    """One human being, with everything partly known about them."""

    id: Id = Field(default_factory=lambda: new_id("p"))
    given_names: list[ShortText] = Field(default_factory=list, description="in order")
    surname: ShortText | None = None
    birth_surname: ShortText | None = Field(default=None, description="maiden or birth name")
    aliases: list[ShortText] = Field(default_factory=list, description="nicknames, other names")
    sex: Sex = Sex.unknown
    birth_date: PartialDate | None = None
    birth_date_text: ShortText | None = Field(
        default=None,
        description="the birth date as a source wrote it, when it is no date "
        "TenHands can read (e.g. '34 B.C.', 'in de winter van de oorlog')",
    )
    birth_place: ShortText | None = None
    deceased: bool = False
    death_date: PartialDate | None = None
    death_date_text: ShortText | None = Field(
        default=None,
        description="the death date as a source wrote it, when it is no date TenHands can read",
    )
    death_place: ShortText | None = None
    addresses: list[Address] = Field(default_factory=list)
    contact: Contact = Field(default_factory=Contact)
    language: ShortText | None = Field(default=None, description="BCP 47, e.g. nl, fr, ar, tr")
    notes: LongText | None = None
    confidential: set[Confidential] = Field(default_factory=set)
    provenance: Provenance = Field(default_factory=Provenance)

    @field_validator("given_names", "aliases")
    @classmethod
    def _no_blank_names(cls, names: list[str]) -> list[str]:
        if any(not n for n in names):
            raise ValueError("names must not be empty")
        return names

    @model_validator(mode="after")
    def _consistent(self) -> Person:
        if (self.death_date or self.death_date_text or self.death_place) and not self.deceased:
            raise ValueError("a death date or place is given but deceased is false")
        if (
            self.birth_date is not None
            and self.death_date is not None
            and self.death_date.latest() < self.birth_date.earliest()
        ):
            raise ValueError("death date lies before birth date")
        return self

    @property
    def first_name(self) -> str:
        """The name a person goes by: the first alias if any, else the first given name."""
        if self.aliases:
            return self.aliases[0]
        return self.given_names[0] if self.given_names else (self.surname or "?")

    @property
    def display_name(self) -> str:
        given = " ".join(self.given_names)
        return " ".join(part for part in (given, self.surname or "") if part) or "?"
