"""The person form (add and edit): a person's names, sex, dates, contact details and
current address, and their role in the case (circle, engagement, what they offer, what
they agreed to be for the children and which contact details they agreed to share with
the network).

The sex is never assumed: the form starts without one and refuses to save until one
is chosen ('not known' is a choice). Dates are read as people type them
(:mod:`tenhands.graph.typed_dates`). The address fields are the person's current
address (the first without an end date); other addresses, aliases and confidentiality
flags are kept as they are stored when a person is edited.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..graph.model import Address, NetworkRole, Person
from ..graph.typed_dates import typed_form
from .forms import field_errors, message, optional, split_list, typed_date
from .i18n import Gettext

PERSON_FIELDS = (
    "given_names",
    "surname",
    "birth_surname",
    "sex",
    "birth_date",
    "birth_place",
    "deceased",
    "death_date",
    "phones",
    "emails",
    "street",
    "house_number",
    "postcode",
    "city",
    "country",
    "notes",
)
ADDRESS_FIELDS = ("street", "house_number", "postcode", "city", "country")
ROLE_FIELDS = (
    "circle",
    "engagement",
    "knows_worries",
    "support",
    "risk_flags",
    "role_confidential",
    "role_note",
    "agreed_role",
    "shares",
)
MULTI = ("support", "risk_flags", "shares")
DATES = ("birth_date", "death_date")

PERSON_WHERE = {
    **{name: name for name in PERSON_FIELDS},
    "contact.phones": "phones",
    "contact.emails": "emails",
    "contact": "emails",
    "death_place": "deceased",
    "addresses": "street",
    "addresses.postcode": "postcode",
    "tie": "birth_date",
}
"""The form field of each person field (and of each field a check names)."""
ROLE_WHERE = {
    "circle": "circle",
    "engagement": "engagement",
    "knows_worries": "knows_worries",
    "support": "support",
    "risk_flags": "risk_flags",
    "confidential": "role_confidential",
    "note": "role_note",
    "agreed_role": "agreed_role",
    "shares": "shares",
}


def person_values(person: Person) -> dict[str, Any]:
    """The form's values for a stored person."""
    return {
        "given_names": " ".join(person.given_names),
        "surname": person.surname or "",
        "birth_surname": person.birth_surname or "",
        "sex": person.sex.value,
        "birth_date": typed_form(person.birth_date) if person.birth_date else "",
        "birth_place": person.birth_place or "",
        "deceased": "yes" if person.deceased else "",
        "death_date": typed_form(person.death_date) if person.death_date else "",
        "phones": "; ".join(person.contact.phones),
        "emails": "; ".join(person.contact.emails),
        **address_values(current_address(person.addresses)),
        "notes": person.notes or "",
    }


def current_address(addresses: list[Address]) -> Address | None:
    """The address the form shows: the first without an end date."""
    return next((a for a in addresses if a.until is None), None)


def address_values(address: Address | None) -> dict[str, str]:
    return {name: (getattr(address, name) or "") if address else "" for name in ADDRESS_FIELDS}


def _addresses(stored: list[Address], values: dict[str, Any]) -> list[dict[str, Any]]:
    """The stored addresses with the current one as typed (added when there was none,
    left out when its fields were emptied)."""
    current = current_address(stored)
    typed = {name: optional(values[name]) for name in ADDRESS_FIELDS}
    out = [a.model_dump() for a in stored]
    if current is None:
        return [*out, typed] if any(typed.values()) else out
    at = stored.index(current)
    if not any(typed.values()):
        return out[:at] + out[at + 1 :]
    out[at] = {**out[at], **typed}
    return out


def role_values(role: NetworkRole | None) -> dict[str, Any]:
    """The form's values for a role (a new person's defaults when None)."""
    if role is None:
        return {"engagement": "identified", "support": [], "risk_flags": [], "shares": []}
    return {
        "circle": role.circle.value if role.circle else "",
        "engagement": role.engagement.value,
        "knows_worries": role.knows_worries.value if role.knows_worries else "",
        "support": sorted(s.value for s in role.support),
        "risk_flags": sorted(r.value for r in role.risk_flags),
        "role_confidential": "yes" if role.confidential else "",
        "role_note": role.note or "",
        "agreed_role": role.agreed_role or "",
        "shares": sorted(s.value for s in role.shares),
    }


def person_changes(values: dict[str, Any], stored: list[Address]) -> dict[str, Any]:
    """The person fields the form sets (dates as typed: see :func:`checked_person`),
    with ``stored`` the person's stored addresses."""
    return {
        "given_names": values["given_names"].split(),
        "surname": optional(values["surname"]),
        "birth_surname": optional(values["birth_surname"]),
        "sex": values["sex"],
        "birth_date": optional(values["birth_date"]),
        "birth_place": optional(values["birth_place"]),
        "deceased": bool(values["deceased"]),
        "death_date": optional(values["death_date"]),
        "contact": {
            "phones": split_list(values["phones"]),
            "emails": split_list(values["emails"]),
        },
        "addresses": _addresses(stored, values),
        "notes": optional(values["notes"]),
    }


def role_changes(values: dict[str, Any]) -> dict[str, Any]:
    """The role fields the form sets."""
    return {
        "circle": optional(values["circle"]),
        "engagement": values["engagement"] or "identified",
        "knows_worries": optional(values["knows_worries"]),
        "support": set(values["support"]),
        "risk_flags": set(values["risk_flags"]),
        "confidential": bool(values["role_confidential"]),
        "note": optional(values["role_note"]),
        "agreed_role": optional(values["agreed_role"]),
        "shares": set(values["shares"]),
    }


def checked_person(
    base: dict[str, Any], values: dict[str, Any], _: Gettext
) -> tuple[Person | None, dict[str, str]]:
    """``base`` (a stored person's fields, or a new person's) with the form's values, as a
    valid person, or the errors by form field."""
    stored = [Address.model_validate(a) for a in base.get("addresses", [])]
    changes = person_changes(values, stored)
    errors: dict[str, str] = {}
    if not changes["given_names"] and not changes["surname"]:
        errors["given_names"] = message(_, "name")
    if not changes["sex"]:
        errors["sex"] = message(_, "sex")
        changes["sex"] = "unknown"  # to check the rest of the form
    for name in DATES:
        changes[name], said = typed_date(values[name], _)
        if said:
            errors[name] = said
    try:
        person = Person.model_validate({**base, **changes})
    except ValidationError as exc:
        found = field_errors(exc, PERSON_WHERE, _, dates=DATES)
        return None, {**found, **errors}
    return (None, errors) if errors else (person, {})


def checked_role(
    base: dict[str, Any], values: dict[str, Any], _: Gettext
) -> tuple[NetworkRole | None, dict[str, str]]:
    """``base`` (a stored role's fields, or a new role's) with the form's values, as a
    valid role, or the errors by form field."""
    try:
        return NetworkRole.model_validate({**base, **role_changes(values)}), {}
    except ValidationError as exc:
        return None, field_errors(exc, ROLE_WHERE, _)
