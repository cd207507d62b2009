"""One router per resource; :data:`ROUTERS` lists them in the order the app mounts them."""

from __future__ import annotations

from fastapi import APIRouter

from . import candidates, cases, gedcom, health, kin, maps, people, persons, records, roles, ties

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    persons.router,
    ties.router,
    cases.router,
    roles.router,
    people.router,
    gedcom.router,
    records.router,
    candidates.router,
    kin.router,
    maps.router,
)
