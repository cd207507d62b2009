"""One router per resource; :data:`ROUTERS` lists them in the order the app mounts them."""

from __future__ import annotations

from fastapi import APIRouter

from . import cases, gedcom, health, people, persons, roles, ties

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    persons.router,
    ties.router,
    cases.router,
    roles.router,
    people.router,
    gedcom.router,
)
