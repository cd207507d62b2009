"""The API's answer to the plausibility checks (:mod:`tenhands.graph.plausibility`) and
the lookalike warning (:mod:`tenhands.finding.lookalikes`): what is impossible is
refused (422 ``implausible``); what is unlikely is refused until the request is sent
again with ``confirm=true`` (422 ``unconfirmed``), as the web forms ask "save anyway?".
Both list the problems, each with the field it is about."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated

from fastapi import Query

from ..finding.lookalikes import lookalikes
from ..graph.model import Person
from ..graph.plausibility import Finding, check_stored_change
from ..graph.store import GraphStore
from .auth.principal import Principal
from .auth.visible import visible_persons
from .errors import Problem, Unconfirmed

ConfirmQuery = Annotated[
    bool,
    Query(
        description="save although the checks warn (a parent less than 12 years older "
        "than the child, a phone number of an odd shape, a person who resembles one "
        "you may see); impossible values are refused all the same"
    ),
]

LOOKALIKE = "A person you may see has a name like this one: {names}. Is it the same person?"


def problems(findings: Iterable[Finding], lookalikes: Iterable[Person] = ()) -> list[Problem]:
    """The findings and the lookalikes as the API lists them."""
    out = [
        Problem(field=f.field, code=f.code, severity=f.severity.value, message=f.sentence)
        for f in findings
    ]
    alike = list(lookalikes)
    if alike:
        names = ", ".join(
            p.display_name + (f" (°{p.birth_date})" if p.birth_date else "") for p in alike
        )
        out.append(
            Problem(
                field="given_names",
                code="lookalike",
                severity="warning",
                message=LOOKALIKE.format(names=names),
                persons=[p.id for p in alike],
            )
        )
    return out


def require_plausible(
    findings: Iterable[Finding], lookalikes: Iterable[Person] = (), *, confirm: bool
) -> None:
    """Nothing when all is well (or only warnings, confirmed); else :class:`Unconfirmed`."""
    found = problems(findings, lookalikes)
    if any(p.severity == "error" for p in found) or (found and not confirm):
        raise Unconfirmed(found)


def person_checks(
    store: GraphStore,
    principal: Principal,
    person: Person,
    *,
    today: date,
    before: Person | None = None,
) -> tuple[list[Finding], list[Person]]:
    """What the checks say of a person about to be stored (a new one when ``before`` is
    None), as ``principal`` may know it, and for a new person the lookalikes among the
    persons ``principal`` may see: the one rule the API and the web forms call."""
    findings = check_stored_change(store, person, today=today, before=before, viewer=principal)
    alike = lookalikes(person, visible_persons(store, principal)) if before is None else []
    return findings, alike


def require_plausible_new(
    store: GraphStore, principal: Principal, person: Person, *, confirm: bool
) -> None:
    """:func:`require_plausible` for a person about to be created."""
    findings, alike = person_checks(store, principal, person, today=date.today())
    require_plausible(findings, alike, confirm=confirm)
