"""The request and response models follow the domain models field for field, so a field
added to the domain cannot be silently missing from the API."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from tenhands.api.schemas.cases import CaseCreate, CasePublic, CaseUpdate
from tenhands.api.schemas.network import NodeRole
from tenhands.api.schemas.persons import PersonCreate, PersonPublic, PersonUpdate
from tenhands.api.schemas.roles import NetworkRoleCreate, NetworkRolePublic, NetworkRoleUpdate
from tenhands.api.schemas.ties import TieCreate, TiePublic, TieUpdate
from tenhands.graph.model import Case, NetworkRole, Person, Tie

SERVER_SET = {"provenance"}


def fields(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


@pytest.mark.parametrize(
    ("domain", "create", "update", "public", "fixed"),
    [
        (Person, PersonCreate, PersonUpdate, PersonPublic, {"id"}),
        (Tie, TieCreate, TieUpdate, TiePublic, {"id", "source_id", "target_id"}),
        (Case, CaseCreate, CaseUpdate, CasePublic, {"id"}),
        (
            NetworkRole,
            NetworkRoleCreate,
            NetworkRoleUpdate,
            NetworkRolePublic,
            {"case_id", "person_id"},
        ),
    ],
)
def test_model_family_matches_the_domain(
    domain: type[BaseModel],
    create: type[BaseModel],
    update: type[BaseModel],
    public: type[BaseModel],
    fixed: set[str],
) -> None:
    # Create: everything but server-set fields (role ids come from the path), plus the source.
    # A role's contact log grows through its own route, never by replacing the role.
    in_path = fixed if domain is NetworkRole else set()
    # Its engagement history is kept by the store from the engagements set.
    own_route = {"contacts", "stages"} if domain is NetworkRole else set()
    assert fields(create) == fields(domain) - SERVER_SET - in_path - own_route | {"source"}
    # Update: everything that may change, all optional.
    assert fields(update) == fields(domain) - SERVER_SET - fixed - own_route
    assert all(not f.is_required() for f in update.model_fields.values())
    # Public: the domain model itself (plus computed fields).
    assert issubclass(public, domain)
    assert fields(public) == fields(domain)


def test_node_role_is_the_role_without_ids_provenance_contact_log_and_history() -> None:
    left_out = {"case_id", "person_id", "provenance", "contacts", "stages"}
    assert fields(NodeRole) == fields(NetworkRole) - left_out
