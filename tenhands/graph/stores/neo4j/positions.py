"""Where persons were left on a case's maps, in the neo4j store (a mixin of
:class:`~tenhands.graph.stores.neo4j.store.Neo4jStore`).

The graph shape: ``(:Person)-[:PLACED {key, case_id, view, x, y}]->(:Case)``, ``key``
being ``"<case_id>/<view>/<person_id>"``. Deleting the case or the person (``DETACH
DELETE``) takes the position with it; removing the person's role takes their positions
in that case (:data:`~tenhands.graph.stores.neo4j.cypher.REMOVE_ROLE`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Concatenate, Final, LiteralString, ParamSpec, TypeVar

from neo4j import ManagedTransaction
from neo4j import Record as Neo4jRecord

from ...errors import InvalidInput, NotFound
from ...model import MapPosition
from ..checks import refuse_duplicates

_P = ParamSpec("_P")
_R = TypeVar("_R")

SCHEMA: Final[tuple[str, ...]] = (
    "CREATE CONSTRAINT placed_key IF NOT EXISTS FOR ()-[r:PLACED]-() REQUIRE r.key IS UNIQUE",
)

CASE_MEMBERS: Final = """
MATCH (c:Case {id: $case_id})
RETURN [(p:Person)-[:CHILD_OF|ROLE]->(c) | p.id] AS members,
       [id IN $ids WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS missing
"""
"""One row (the ids of the case's children and members, and those of ``$ids`` that are
no person) if the case exists, none if not."""

SAVE_POSITIONS: Final = """
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id}) USING INDEX SEEK p:Person(id)
MATCH (c:Case {id: row.case_id}) USING INDEX SEEK c:Case(id)
MERGE (p)-[r:PLACED {key: row.key}]->(c)
SET r.case_id = row.case_id, r.view = row.view, r.x = row.x, r.y = row.y
"""

LIST_POSITIONS: Final = """
MATCH (c:Case {id: $case_id})
RETURN COLLECT {
    MATCH (p:Person)-[r:PLACED {view: $view}]->(c)
    WITH p, r ORDER BY p.id
    RETURN {person_id: p.id, x: r.x, y: r.y}
} AS data
"""
"""One row (the case's positions on the view) if the case exists, none if not."""

CLEAR_POSITIONS: Final = """
MATCH (c:Case {id: $case_id})
OPTIONAL MATCH (:Person)-[r:PLACED]->(c)
WHERE $view IS NULL OR r.view = $view
WITH c, collect(r) AS gone
FOREACH (x IN gone | DELETE x)
RETURN size(gone) AS n
"""
"""One row (how many went) if the case exists, none if not."""


def _key(position: MapPosition) -> str:
    # Ids and views never contain "/", so the key is unambiguous.
    return f"{position.case_id}/{position.view}/{position.person_id}"


def _save_tx(tx: ManagedTransaction, positions: Sequence[MapPosition]) -> None:
    for case_id in sorted({p.case_id for p in positions}):
        persons = sorted({p.person_id for p in positions if p.case_id == case_id})
        found = tx.run(CASE_MEMBERS, {"case_id": case_id, "ids": persons}).single(strict=False)
        if found is None:
            raise NotFound("case", case_id)
        if found["missing"]:
            raise NotFound("person", sorted(found["missing"])[0])
        outside = sorted(set(persons) - set(found["members"]))
        if outside:
            raise InvalidInput(f"person {outside[0]!r} is not on the maps of case {case_id!r}")
    rows = [
        {
            "key": _key(p),
            "case_id": p.case_id,
            "view": p.view,
            "person_id": p.person_id,
            "x": p.x,
            "y": p.y,
        }
        for p in positions
    ]
    tx.run(SAVE_POSITIONS, {"rows": rows}).consume()


class Neo4jPositions:
    """The :class:`~tenhands.graph.store.PositionStore` part of the store."""

    if TYPE_CHECKING:

        def _read(self, query: LiteralString, **params: Any) -> list[Neo4jRecord]: ...

        def _write(self, query: LiteralString, **params: Any) -> list[Neo4jRecord]: ...

        def _write_tx(
            self,
            work: Callable[Concatenate[ManagedTransaction, _P], _R],
            *args: _P.args,
            **kwargs: _P.kwargs,
        ) -> _R: ...

        def _listed(
            self, query: LiteralString, entity: str, ident: str, **params: Any
        ) -> list[Any]: ...

    def save_positions(self, positions: Sequence[MapPosition]) -> int:
        refuse_duplicates((_key(p) for p in positions), "map position")
        if positions:
            self._write_tx(_save_tx, list(positions))
        return len(positions)

    def list_positions(self, case_id: str, view: str) -> list[MapPosition]:
        found = self._listed(LIST_POSITIONS, "case", case_id, case_id=case_id, view=view)
        return [MapPosition(case_id=case_id, view=view, **row) for row in found]

    def clear_positions(self, case_id: str, view: str | None = None) -> int:
        records = self._write(CLEAR_POSITIONS, case_id=case_id, view=view)
        if not records:
            raise NotFound("case", case_id)
        return int(records[0]["n"])
