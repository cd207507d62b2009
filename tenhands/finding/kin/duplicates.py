"""Possible duplicate persons: a person of a case entered again elsewhere in the store.

The same human is often entered more than once: in another case (as a grandmother
there, a neighbour here), twice in one case, or imported twice from a GEDCOM file.
:func:`find_duplicates` proposes such pairs with the unsupervised matcher of
:mod:`tenhands.finding.matching`; a worker accepts a proposal (a
:class:`~tenhands.graph.model.CandidateKind.duplicate` candidate) and
:func:`tenhands.finding.review.accept` merges the two, reversibly.

Training. Linking only the case's persons against the rest gives the matcher a
handful of candidate pairs, whatever the size of the store, and its EM then learns
from almost nothing. So the whole store is deduplicated instead: every person is a
row, EM learns from every candidate pair in the store (``u`` from random pairs of all
persons, the prior calibrated to the store), and only the pairs with a person of the
case are kept. A store larger than :data:`TRAIN_LIMIT` persons is learned from an
evenly spread sample of that size (with the case's persons), the prior scaled to the
whole store, and then only the case's persons are compared with everyone.

On tiny stores (a few persons, as in a new installation) EM's weights are sharp but
the outcomes are right: a person entered twice with a nickname and a typo scores
above 0.95, a father and son of one name with other birth dates near 0. In a store of
only two persons, the one random pair is the candidate pair itself, so agreement
counts for nothing and nothing is proposed.

Visibility. The proposal goes to the case's review queue, so only persons of the
case are shown with their values. A person another case holds is proposed as a link
(:meth:`Found.across`): the score and that they may be known elsewhere, nothing of
theirs; a merge waits until that case's worker shares them.

Nothing is logged: rows hold personal data.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ...graph.model import CandidateKind, Confidential, Evidence, Person, Sex
from ...graph.store import GraphStore
from ..matching import Links, apply_model, prepare, score
from .found import Found

PAGE = 1000
"""Persons read from the store per page."""
TRAIN_LIMIT = 5000
"""Stores up to this many persons are deduplicated whole; larger ones are learned from
a sample of this size (see the module's notes)."""
PRIOR_TEXT = "the same person entered twice"
RULE = "duplicate"
_SEX = {Sex.male: "M", Sex.female: "F"}

Row = dict[str, str | None]


def person_row(person: Person) -> Row:
    """A person as a row of the matcher's canonical columns. Parts marked confidential
    (birth, address) are left out, so they are neither compared nor shown."""
    address = person.addresses[-1] if person.addresses else None
    if Confidential.address in person.confidential:
        address = None
    birth = Confidential.birth not in person.confidential
    return {
        "id": person.id,
        "given_names": " ".join(person.given_names) or None,
        "surname": person.surname,
        "birth_surname": person.birth_surname,
        "sex": _SEX.get(person.sex),
        "birth_date": str(person.birth_date) if birth and person.birth_date else None,
        "birth_place": person.birth_place if birth else None,
        "street": address.street if address else None,
        "house_number": address.house_number if address else None,
        "postcode": address.postcode if address else None,
        "city": address.city if address else None,
    }


def _all_persons(store: GraphStore) -> Iterator[Person]:
    offset = 0
    while True:
        page = store.list_persons(limit=PAGE, offset=offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += len(page)


def _links(rows: Sequence[Row], case_rows: Sequence[Row]) -> Links:
    """Scored candidate pairs: within the whole store, or for a large store between the
    case's persons and everyone (see the module's notes)."""
    everyone = prepare(rows)
    if len(rows) <= TRAIN_LIMIT:
        return score(everyone, None)
    step = math.ceil(len(rows) / TRAIN_LIMIT)
    case_ids = {row["id"] for row in case_rows}
    sample = [*case_rows, *(r for r in rows[::step] if r["id"] not in case_ids)]
    model = score(prepare(sample), None).model
    model = replace(model, prior=model.prior * (len(sample) - 1) / (len(rows) - 1))
    return apply_model(model, prepare(case_rows), everyone)


def _evidence(links: Links, k: int, swap: bool) -> list[Evidence]:
    """The matcher's waterfall for pair ``k``, the case's person on the left; fields
    missing on either side (weight 0) are left out."""
    out = []
    for e in links.explain(k):
        if e.field == "prior":
            out.append(Evidence(field="prior", level=PRIOR_TEXT, right=RULE, weight=e.weight))
        elif e.level != "missing":
            out.append(e.model_copy(update={"left": e.right, "right": e.left}) if swap else e)
    return out


def find_duplicates(
    store: GraphStore, case_id: str, *, threshold: float = 0.5, limit: int = 50
) -> list[Found]:
    """Persons in the store who are probably a person of the case (a child or a person
    with a role), entered again: in another case, twice in this case, or imported twice.

    Each proposal names the case's person as ``person_id`` (the one kept on a merge;
    of two persons of the case, a child, else the first by id) and the other as
    ``other_person_id``, with the matcher's evidence after a prior entry (for another
    case's person, only a link: see the module's notes). Two persons
    joined by a tie are never proposed (a father and son of one name). Best first, at
    least ``threshold``, at most ``limit``. How the matcher is trained is in the
    module's notes.

    Raises :class:`~tenhands.graph.errors.NotFound` for an unknown case.
    """
    graph = store.case_subgraph(case_id)
    children = set(graph.graph["case"].child_ids)
    case_persons: set[str] = set(graph.nodes)
    rows: list[Row] = []
    case_rows: list[Row] = []
    for person in _all_persons(store):
        if Confidential.identity in person.confidential and person.id not in case_persons:
            continue
        row = person_row(person)
        rows.append(row)
        if person.id in case_persons:
            case_rows.append(row)
    if len(rows) < 2 or not case_rows:
        return []
    tied: dict[str, set[str]] = {pid: set() for pid in case_persons}
    for pid in case_persons:
        for t in store.ties_of(pid):
            tied[pid].update((t.source_id, t.target_id))
    links = _links(rows, case_rows)
    best: dict[tuple[str, str], Found] = {}
    for k in links.above(threshold).tolist():
        a, b = links.ids(k)
        if a == b or (a not in case_persons and b not in case_persons):
            continue
        if b in tied.get(a, ()) or a in tied.get(b, ()):
            continue
        keep_b = a not in case_persons or (
            b in case_persons and (b in children, a) > (a in children, b)
        )
        kept, other = (b, a) if keep_b else (a, b)
        p = float(links.probabilities[k])
        key = (min(a, b), max(a, b))
        if key in best and best[key].probability >= p:
            continue
        found = Found(
            kind=CandidateKind.duplicate,
            probability=p,
            evidence=_evidence(links, k, swap=keep_b),
            rule=RULE,
            person_id=kept,
            other_person_id=other,
        )
        best[key] = found if other in case_persons else found.across()
    ranked = sorted(
        best.values(), key=lambda f: (-f.probability, f.person_id or "", f.other_person_id or "")
    )
    return ranked[:limit]
