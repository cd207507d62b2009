"""Sides of the family: through a child's mother, father, both, or neither (:class:`Side`;
the side of every relative is computed by :func:`~.calculator.family_sides`)."""

from __future__ import annotations

from enum import StrEnum


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
