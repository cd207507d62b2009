"""Kinship: what a person is to a child, derived from the graph and said in words.

>>> from tenhands.graph.kinship import relate, relationships_from, family_sides
>>> from tenhands.graph.kinship import Relationship, Side

- :func:`relate` — what TO is to FROM, as a :class:`Relationship`;
- :func:`relationships_from` — the same for every other person in the graph, in one
  search per kind (a child and 5,000 persons in about 0.2 s);
- :func:`family_sides` — maternal, paternal, both or none for every other person.

A :class:`Relationship` is unambiguous — generations ``up`` to the common
ancestor(s) and ``down`` to TO, ``lineage`` full or half, ``kind`` (blood, adoptive,
legal, foster, step, social, partner, in_law), ``side``, the sex-neutral ``role`` and
sex-specific ``term``, and the ``paths`` of person ids (at most :data:`MAX_PATHS`,
``path_count`` counts them all) — and says itself in Dutch, English or French with
:meth:`Relationship.words`, with or without the side of the family.

Decisions, in short (details in :mod:`.calculator`, :mod:`.words_nl`, :mod:`.sides`):

- The closest relationship wins: blood before adoption, law, foster care, step and
  in-law ties; then the fewest generations; then the closest common ancestor.
  Spouses who are also cousins are cousins (``ties`` still lists ``partner``).
- A parent's current partner is a step-parent; a parent's *ex*-partner, and the
  relatives of FROM's own ex-partner, are said with "ex-" ("ex-partner van moeder",
  "ex-schoonmoeder"), marked ``former``, and not followed further.
- Only one partner tie per relationship, first or last: a partner's sister is a
  schoonzus, a sister's husband a schoonbroer, but a sister's husband's mother is
  not kin.
- Informal ties (friend, neighbour, teacher, godparent…) are never kinship.
- Dutch: *volle neef/nicht* for first cousins (never ambiguous with a nephew),
  *neef/nicht* for a sibling's child, the traditional ancestor series grootouder …
  betovergrootouder, oudouder … stamouder (with the number of generations from the
  fifth on), Flemish *schoonbroer/schoonzus*.
"""

from .calculator import family_sides, relate, relationships_from
from .kinds import Kind, Lineage, Role
from .relationship import LANGUAGES, MAX_PATHS, Relationship
from .sides import Side

__all__ = [
    "LANGUAGES",
    "MAX_PATHS",
    "Kind",
    "Lineage",
    "Relationship",
    "Role",
    "Side",
    "family_sides",
    "relate",
    "relationships_from",
]
