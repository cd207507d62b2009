"""The words-free names of a relationship, which the calculator, the relationship and
the words of each language share: on what it rests (:class:`Kind`), what TO is to FROM
without sex (:class:`Role`) and how two lines of descent meet (:class:`Lineage`)."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """On what a relationship rests, from closest to loosest.

    ``legal`` is a legal parent who is not the biological one, and a guardian;
    ``social`` a parent tie of basis ``social`` (someone who raises the child without
    a legal or blood tie); ``in_law`` anything through a partner or ex-partner.
    """

    blood = "blood"
    adoptive = "adoptive"
    legal = "legal"
    foster = "foster"
    step = "step"
    social = "social"
    partner = "partner"
    in_law = "in_law"


class Role(StrEnum):
    """What TO is to FROM, without sex (the sex-specific name is ``term``)."""

    self_ = "self"
    parent = "parent"
    child = "child"
    sibling = "sibling"
    grandparent = "grandparent"
    """Two or more generations up (great-grandparents too: see ``up``)."""
    grandchild = "grandchild"
    aunt_uncle = "aunt_uncle"
    """A sibling of an ancestor: ``up`` ≥ 2, ``down`` = 1."""
    niece_nephew = "niece_nephew"
    """A descendant of a sibling: ``up`` = 1, ``down`` ≥ 2."""
    cousin = "cousin"
    """``up`` ≥ 2 and ``down`` ≥ 2: degree ``min(up, down) - 1``, removed ``|up - down|``."""
    partner = "partner"
    parent_in_law = "parent_in_law"
    child_in_law = "child_in_law"
    sibling_in_law = "sibling_in_law"
    relative_of_partner = "relative_of_partner"
    """A relative of FROM's (ex-)partner; ``up``/``down`` are counted from the partner."""
    partner_of_relative = "partner_of_relative"
    """The (ex-)partner of FROM's relative; ``up``/``down`` lead to that relative."""
    guardian = "guardian"
    ward = "ward"
    relative = "relative"
    """Tied to FROM by an ``other_relative`` tie only: family, degree unknown."""


class Lineage(StrEnum):
    """Whether two lines of descent meet in a couple (full) or one person (half).

    Direct lines (parents, grandchildren…) and non-blood ties are ``full``. ``unknown``:
    the two share one recorded parent and the other parent of one of them is not in the
    graph, so full and half cannot be told apart (the words then say plain "broer").
    """

    full = "full"
    half = "half"
    unknown = "unknown"
