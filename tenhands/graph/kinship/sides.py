"""Sides of the family: through a child's mother, father, both, or neither."""

from __future__ import annotations

from enum import StrEnum

import networkx as nx


class Side(StrEnum):
    """Side of the family relative to FROM: through FROM's mother, father, both, or neither.

    A parent's side follows the parent's sex (an adoptive or foster mother is
    ``maternal`` too; with two parents of one sex both sides are that one, and a parent
    of unknown sex takes the side the other parent leaves free). A step-parent is on
    the side of the parent they are (or were) the partner of. ``both``: full siblings
    and their descendants, and anyone related through both parents (pedigree
    collapse). ``none``: FROM's own descendants, partners and in-laws, the unrelated,
    and blood kin whose side the graph does not show (e.g. a grandparent tied to FROM
    by an explicit ``grandparent`` tie only).
    """

    maternal = "maternal"
    paternal = "paternal"
    both = "both"
    none = "none"


def family_sides(g: nx.MultiDiGraph, child_id: str) -> dict[str, Side]:
    """The side of the family of every other person in ``g``, seen from ``child_id``.

    The mother is ``maternal`` and the father ``paternal``; a step-father who is the
    mother's partner is ``maternal``, like his own mother; unrelated persons are
    ``none``. Raises :class:`~tenhands.graph.errors.NotFound` for an unknown child.

    Examples
    --------
    >>> from tenhands.graph.model import Person, Tie
    >>> from tenhands.graph.network import build_graph
    >>> persons = [Person(id=i, sex=s) for i, s in [
    ...     ("kid", "male"), ("mum", "female"), ("dad", "male"), ("sis", "female"),
    ...     ("oma", "female"), ("coach", "male")]]
    >>> ties = [
    ...     Tie(id="t1", source_id="mum", target_id="kid", kind="parent"),
    ...     Tie(id="t2", source_id="dad", target_id="kid", kind="parent"),
    ...     Tie(id="t3", source_id="mum", target_id="sis", kind="parent"),
    ...     Tie(id="t4", source_id="dad", target_id="sis", kind="parent"),
    ...     Tie(id="t5", source_id="oma", target_id="dad", kind="parent"),
    ...     Tie(id="t6", source_id="coach", target_id="kid", kind="coach"),
    ... ]
    >>> sides = family_sides(build_graph(persons, ties), "kid")
    >>> {pid: side.value for pid, side in sorted(sides.items())}
    {'coach': 'none', 'dad': 'paternal', 'mum': 'maternal', 'oma': 'paternal', 'sis': 'both'}
    """
    from .calculator import relationships_from

    return {pid: rel.side for pid, rel in relationships_from(g, child_id).items()}
