"""Kin search: relatives of a child not yet in the network, with reasons a worker can check.

>>> from tenhands.finding.kin import build_index, find_kin

- :func:`build_index` normalises a corpus of outside records once (a million records
  fit in memory), :func:`store_records` reads them from a store page by page;
- :func:`find_kin` searches it for one case: records of persons already known
  (``matches``), records that are probably kin not yet known (``kin``: a relative's
  child, parent, sibling or partner, a household member, a carrier of a parent's birth
  surname, someone a relative named) with what they would be to the child, and
  relatives already in the family graph through other cases;
- :func:`find_duplicates` proposes persons stored twice (in this case and another, or
  twice in one case), for a reversible merge;
- :func:`learn` turns the workers' accept and reject decisions into a
  :class:`Calibration` of each rule;
- each :class:`Found` carries its evidence as a waterfall of weights in bits, and
  becomes a :class:`~tenhands.graph.model.Candidate` for the review queue.
"""

from .duplicates import find_duplicates
from .finder import FLOOR, MATCH, find_kin
from .found import Found, KinSearch, relation_code
from .index import RecordIndex, build_index, store_records
from .learning import Calibration, learn
from .proposals import KinFinder, Proposed, propose, search_case
from .rules import Hop

__all__ = [
    "Calibration",
    "FLOOR",
    "MATCH",
    "Found",
    "Hop",
    "KinFinder",
    "KinSearch",
    "Proposed",
    "RecordIndex",
    "build_index",
    "find_duplicates",
    "find_kin",
    "learn",
    "propose",
    "relation_code",
    "search_case",
    "store_records",
]
