"""Persons: the child, relatives and informal supporters."""

from __future__ import annotations

from pydantic import Field, computed_field, field_serializer

from ...graph.model import Address, Confidential, Contact, PartialDate, Person, Sex, SourceRef
from ...graph.model.common import Id, LongText, ShortText
from ...graph.private import person_shared
from .common import PUBLIC_CONFIG, ApiInput


class PersonCreate(ApiInput):
    """A new person. Only ``id`` may be chosen by the client; provenance is set by the server."""

    id: Id | None = Field(default=None, description="leave out to let the server choose one")
    given_names: list[ShortText] = Field(default_factory=list, description="in order")
    surname: ShortText | None = None
    birth_surname: ShortText | None = Field(default=None, description="maiden or birth name")
    aliases: list[ShortText] = Field(default_factory=list, description="nicknames, other names")
    sex: Sex = Field(
        description="required: send unknown when it is not known (it is never assumed)"
    )
    birth_date: PartialDate | None = None
    birth_date_text: ShortText | None = Field(
        default=None, description="the birth date as written, when it is no readable date"
    )
    birth_place: ShortText | None = None
    deceased: bool = False
    death_date: PartialDate | None = None
    death_date_text: ShortText | None = None
    death_place: ShortText | None = None
    addresses: list[Address] = Field(default_factory=list)
    contact: Contact = Field(default_factory=Contact)
    language: ShortText | None = Field(default=None, description="BCP 47, e.g. nl, fr, ar, tr")
    notes: LongText | None = None
    confidential: set[Confidential] = Field(default_factory=set)
    source: SourceRef | None = Field(default=None, description="where this person was learned of")


class PersonUpdate(ApiInput):
    """Changes to a person: only the fields sent change; ``null`` clears an optional field.
    A list or object sent (``addresses``, ``contact``) replaces the stored one as a whole."""

    given_names: list[ShortText] | None = None
    surname: ShortText | None = None
    birth_surname: ShortText | None = None
    aliases: list[ShortText] | None = None
    sex: Sex | None = None
    birth_date: PartialDate | None = None
    birth_date_text: ShortText | None = None
    birth_place: ShortText | None = None
    deceased: bool | None = None
    death_date: PartialDate | None = None
    death_date_text: ShortText | None = None
    death_place: ShortText | None = None
    addresses: list[Address] | None = None
    contact: Contact | None = None
    language: ShortText | None = None
    notes: LongText | None = None
    confidential: set[Confidential] | None = None


class PersonPublic(Person):
    """A stored person, as returned."""

    model_config = PUBLIC_CONFIG

    @computed_field(description="given names and surname, for showing")  # type: ignore[prop-decorator]
    @property
    def name(self) -> str:
        return self.display_name

    @field_serializer("confidential")
    def _sorted(self, value: set[Confidential]) -> list[str]:
        return sorted(value)

    @classmethod
    def of(cls, person: Person, *, private: bool) -> PersonPublic:
        """The person; without ``private``, only the parts everyone on the case reads."""
        shown = person if private else person_shared(person)
        return cls.model_validate(shown, from_attributes=True)
