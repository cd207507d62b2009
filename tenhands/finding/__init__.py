"""Finding a child's relatives and supporters, and deciding on what was found.

- :mod:`.normalize` — names, dates and places made comparable;
- :mod:`.records` — person records from outside files (CSV, JSON Lines, Excel), kept
  with their source;
- :mod:`.gedcom` — family-tree files in and out;
- :mod:`.matching` — record linkage: is this record a person we already know?
- :mod:`.kin` — kin search for one case: relatives not yet in the network, and persons
  stored twice, each with the reasons a worker can check;
- :mod:`.review` — the review queue and a worker's decisions on its candidates
  (accept, reject, undo, ask another case to share a person);
- :mod:`.name_search` — finding persons by a typed name.

Depends only on :mod:`tenhands.graph`.
"""
