"""The person form (add and edit): a person's names, sex, dates and contact details, and
their role in the case (circle, engagement, what they offer, what they agreed to be for
the children and which contact details they agreed to share with the network).

Fields the form does not show (addresses, aliases, confidentiality flags…) are kept as
they are stored when a person is edited.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..graph.model import NetworkRole, Person
from .forms import field_errors, message, optional, split_list
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
    "notes",
)
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
}
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
        "birth_date": str(person.birth_date) if person.birth_date else "",
        "birth_place": person.birth_place or "",
        "deceased": "yes" if person.deceased else "",
        "death_date": str(person.death_date) if person.death_date else "",
        "phones": "; ".join(person.contact.phones),
        "emails": "; ".join(person.contact.emails),
        "notes": person.notes or "",
    }


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


def person_changes(values: dict[str, Any]) -> dict[str, Any]:
    """The person fields the form sets."""
    return {
        "given_names": values["given_names"].split(),
        "surname": optional(values["surname"]),
        "birth_surname": optional(values["birth_surname"]),
        "sex": values["sex"] or "unknown",
        "birth_date": optional(values["birth_date"]),
        "birth_place": optional(values["birth_place"]),
        "deceased": bool(values["deceased"]),
        "death_date": optional(values["death_date"]),
        "contact": {
            "phones": split_list(values["phones"]),
            "emails": split_list(values["emails"]),
        },
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
    changes = person_changes(values)
    errors: dict[str, str] = {}
    if not changes["given_names"] and not changes["surname"]:
        errors["given_names"] = message(_, "name")
    try:
        person = Person.model_validate({**base, **changes})
    except ValidationError as exc:
        return None, {**field_errors(exc, PERSON_WHERE, _, dates=DATES), **errors}
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
