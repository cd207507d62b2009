"""The demo's users: one per role, with fresh passwords each time the demo is seeded
(only their hashes are stored; the command prints them once)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from tenhands.api.auth.accounts import add_user, set_disabled, set_password
from tenhands.graph.errors import NotFound
from tenhands.graph.model import UserRole
from tenhands.graph.store import GraphStore


@dataclass(frozen=True)
class DemoUser:
    login: str
    name: str
    role: UserRole
    assigned: bool
    """whether the demo case is assigned to them (an admin sees every case anyway)"""


DEMO_USERS = (
    DemoUser("beheer", "Beheerder (demo)", UserRole.admin, False),
    DemoUser("werker", "Wendy Werker (demo)", UserRole.worker, True),
    DemoUser("facilitator", "Frank Facilitator (demo)", UserRole.facilitator, True),
    DemoUser("kijker", "Kim Kijker (demo)", UserRole.viewer, True),
)


def new_password() -> str:
    """Four groups of letters and digits, easy to type from a screen: ``k7qm-2xpa-…``."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def seed_demo_users(store: GraphStore, case_id: str) -> list[tuple[DemoUser, str]]:
    """Create (or reset) the demo users and assign them the demo case; returns each
    user with their new password."""
    out = []
    for demo in DEMO_USERS:
        password = new_password()
        try:
            user = store.get_user_by_login(demo.login)
        except NotFound:
            user = add_user(store, demo.login, demo.name, demo.role, password)
        else:
            user = set_password(store, user, password)
            if user.disabled:
                set_disabled(store, user, False)
        if demo.assigned:
            store.assign_case(user.id, case_id)
        out.append((demo, password))
    return out
