"""Who named whom: chains, cycles broken, namers who are not (or no longer) there."""

from __future__ import annotations

from datetime import UTC, datetime

from builders import case, person, role

from tenhands.graph.figures import case_figures, naming
from tenhands.graph.model import NetworkRole, Provenance
from tenhands.graph.store import GraphStore

CASE = "c-named"


def _role(pid: str, named_by: str | None, *, day: int = 1) -> NetworkRole:
    at = datetime(2026, 3, day, tzinfo=UTC)
    return NetworkRole(
        case_id=CASE, person_id=pid, named_by=named_by, provenance=Provenance(created_at=at)
    )


def test_a_chain_of_three_and_a_child_who_named_someone() -> None:
    roles = [_role("a", None), _role("b", "a"), _role("c", "b"), _role("d", "kid")]
    n = naming(roles, {"kid", "a", "b", "c", "d"})
    assert [c.path for c in n.chains] == [["a", "b", "c"], ["kid", "d"]]
    assert n.named == {"a": 1, "b": 1, "kid": 1}
    assert n.unknown == 1  # a


def test_a_tree_gives_one_chain_per_branch_longest_first_then_by_ids() -> None:
    roles = [_role("m", None), _role("x", "m"), _role("w", "m"), _role("v", "w")]
    n = naming(roles, {"m", "v", "w", "x"})
    assert [c.path for c in n.chains] == [["m", "w", "v"], ["m", "x"]]
    assert n.named == {"m": 2, "w": 1}


def test_a_cycle_is_broken_where_the_worker_learned_of_someone_first() -> None:
    # x named by z, y by x, z by y: contradictory records, and w named by y.
    roles = [_role("x", "z", day=2), _role("y", "x", day=5), _role("z", "y", day=9)]
    roles.append(_role("w", "y", day=12))
    n = naming(roles, {"w", "x", "y", "z"})
    assert [c.path for c in n.chains] == [["x", "y", "w"], ["x", "y", "z"]]
    assert n.named == {"x": 1, "y": 2, "z": 1}  # every recorded naming still counts
    assert n.unknown == 0
    # Learned of z first: the chain starts with z.
    roles = [_role("x", "z", day=2), _role("y", "x", day=5), _role("z", "y", day=1)]
    roles.append(_role("w", "y", day=12))
    assert [c.path for c in naming(roles, {"w", "x", "y", "z"}).chains] == [["z", "x", "y", "w"]]


def test_dangling_and_self_namers_are_unknown() -> None:
    roles = [_role("a", "gone"), _role("b", "b"), _role("c", "a")]
    n = naming(roles, {"a", "b", "c"})
    assert [c.path for c in n.chains] == [["a", "c"]]
    assert n.named == {"a": 1}
    assert n.unknown == 2  # a (named by someone not in the network), b (by themselves)


def test_naming_from_the_store_after_an_erasure(store: GraphStore) -> None:
    store.upsert_persons([person(pid) for pid in ("kid", "a", "b", "c", "d", "out")])
    store.create_case(case(CASE, "kid"))
    store.upsert_roles(
        [
            role(CASE, "a", named_by="kid"),
            role(CASE, "b", named_by="a"),
            role(CASE, "c", named_by="b"),
            role(CASE, "d", named_by="out"),  # a person outside the case's network
        ]
    )
    n = case_figures(store, CASE).naming
    assert [c.path for c in n.chains] == [["kid", "a", "b", "c"]]
    assert n.named == {"a": 1, "b": 1, "kid": 1} and n.unknown == 1
    store.erase_person("a", actor="wout.werker")  # b's namer is gone with them
    n = case_figures(store, CASE).naming
    assert [c.path for c in n.chains] == [["b", "c"]]
    assert n.named == {"b": 1} and n.unknown == 2
