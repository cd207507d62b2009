"""One router per resource; :data:`ROUTERS` lists them in the order the app mounts them."""

from __future__ import annotations

from fastapi import APIRouter

from . import (
    audit,
    auth,
    candidates,
    case_people,
    cases,
    exports,
    feedback,
    figures,
    gedcom,
    handout,
    health,
    kin,
    links,
    maps,
    meetings,
    people,
    persons,
    plans,
    records,
    roles,
    ties,
    users,
)

PUBLIC: tuple[APIRouter, ...] = (health.router, auth.router)
"""Routers whose routes decide themselves whether they need a signed-in user (signing
in does not)."""

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    auth.router,
    persons.router,
    ties.router,
    cases.router,
    roles.router,
    plans.router,
    figures.router,
    meetings.router,
    feedback.router,
    people.router,
    case_people.router,
    gedcom.router,
    records.router,
    candidates.router,
    kin.router,
    links.router,
    maps.router,
    handout.router,
    exports.router,
    users.router,
    audit.router,
)
"""Every route outside :data:`PUBLIC` answers 401 to a request that is not signed in,
whatever else it checks."""
