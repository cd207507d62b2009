"""Person records from outside sources: registry extracts, old case files, school lists."""

from __future__ import annotations

from pydantic import Field

from .common import Id, Model, Provenance, ShortText, new_id
from .dates import PartialDate
from .person import Sex


class Record(Model):
    """One outside person record, kept as found, with its source."""

    id: Id = Field(default_factory=lambda: new_id("r"))
    case_id: Id | None = Field(default=None, description="the case it was gathered for")
    given_names: ShortText | None = None
    surname: ShortText | None = None
    birth_surname: ShortText | None = None
    sex: Sex | None = None
    birth_date: PartialDate | None = None
    birth_place: ShortText | None = None
    street: ShortText | None = None
    house_number: ShortText | None = None
    postcode: ShortText | None = None
    city: ShortText | None = None
    national_id: ShortText | None = None
    mother_name: ShortText | None = None
    father_name: ShortText | None = None
    partner_name: ShortText | None = None
    phone: ShortText | None = None
    email: ShortText | None = None
    note: ShortText | None = None
    extra: dict[str, ShortText] = Field(default_factory=dict)
    provenance: Provenance = Field(default_factory=Provenance)
