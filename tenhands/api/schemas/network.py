"""Graphs as JSON: nodes and edges of a case's network or a person's neighbourhood.

This is the data a network map (ecomap, genogram) is drawn from; redaction for
projection mode belongs to the map, which can read the ``confidential`` flags here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field, field_serializer

from ...graph.model import (
    Basis,
    Circle,
    Engagement,
    NetworkRole,
    Person,
    Quality,
    RiskFlag,
    Sex,
    Shared,
    SupportType,
    Tie,
    TieKind,
    WorryKnowledge,
)
from ...graph.model.common import Id
from ...graph.private import role_shared, tie_shared
from .cases import CaseSummary
from .common import PUBLIC_CONFIG


class NodeRole(BaseModel):
    """A network member's role in the case (the role without ids and provenance)."""

    model_config = PUBLIC_CONFIG

    circle: Circle | None
    engagement: Engagement
    support: set[SupportType]
    risk_flags: set[RiskFlag]
    confidential: bool
    knows_worries: WorryKnowledge | None
    named_by: Id | None
    last_contact: datetime | None
    note: str | None
    agreed_role: str | None
    shares: set[Shared]

    @field_serializer("support", "risk_flags", "shares")
    def _sorted(self, value: set[str]) -> list[str]:
        return sorted(value)

    @classmethod
    def of(cls, role: NetworkRole) -> NodeRole:
        return cls.model_validate(role.model_dump(include=set(cls.model_fields)))


class NetworkNode(BaseModel):
    model_config = PUBLIC_CONFIG

    id: Id
    name: str
    sex: Sex
    is_child: bool = Field(description="a child of the case (always false outside a case)")
    deceased: bool
    role: NodeRole | None = Field(description="null for a child or someone without a role")


class NetworkEdge(BaseModel):
    """One tie. Directed kinds read *source is KIND of target*."""

    model_config = PUBLIC_CONFIG

    id: Id
    source: Id
    target: Id
    kind: TieKind
    basis: Basis | None
    quality: Quality | None
    closeness: Circle | None


class CaseNetwork(BaseModel):
    """A case's children and network members with the ties among them."""

    model_config = PUBLIC_CONFIG

    case: CaseSummary
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Neighbourhood(BaseModel):
    """Everyone within ``hops`` ties of a person, across all cases, with the ties among them."""

    model_config = PUBLIC_CONFIG

    person_id: Id
    hops: int
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


def graph_nodes(graph: nx.MultiDiGraph, *, private: bool) -> list[NetworkNode]:
    """The nodes of a graph from :func:`tenhands.graph.network.build_graph`, ordered by id;
    without ``private``, roles without their private parts (:mod:`tenhands.graph.private`)."""
    nodes = []
    for node_id, attrs in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        person: Person = attrs["person"]
        role: NetworkRole | None = attrs.get("role")
        nodes.append(
            NetworkNode(
                id=str(node_id),
                name=person.display_name,
                sex=person.sex,
                is_child=bool(attrs.get("is_child", False)),
                deceased=person.deceased,
                role=None if role is None else NodeRole.of(role if private else role_shared(role)),
            )
        )
    return nodes


def graph_edges(graph: nx.MultiDiGraph, *, private: bool) -> list[NetworkEdge]:
    """The edges of a graph from :func:`tenhands.graph.network.build_graph`, ordered by id;
    without ``private``, confidential ties are left out."""
    edges = []
    data: dict[str, Any]
    for source, target, data in graph.edges(data=True):
        tie: Tie = data["tie"]
        if not private and tie_shared(tie) is None:
            continue
        edges.append(
            NetworkEdge(
                id=tie.id,
                source=str(source),
                target=str(target),
                kind=tie.kind,
                basis=tie.basis,
                quality=tie.quality,
                closeness=tie.closeness,
            )
        )
    return sorted(edges, key=lambda e: e.id)
