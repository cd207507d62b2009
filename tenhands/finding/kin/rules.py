"""The ways a record can point to kin of a known person, each scored over many records.

Each rule takes a known person (the *anchor*: a parent, a grandmother, the child)
and returns a :class:`Hypothesis` — rows of the index, the evidence per row, a
prior and the hop from the anchor to the record's person:

=====================  =====================================================  ========
rule                   the record …                                            hop
=====================  =====================================================  ========
:func:`same_person`    is the anchor (name, birth date, sex, place)            same
:func:`named_parent`   names the anchor as mother or father                   child
:func:`parent_named`   is the mother or father an anchor's own record names   parent
:func:`same_parents`   names the parents the anchor's own record names         sibling
:func:`partner_of`     names the anchor as partner, or is named by the anchor  partner
:func:`household`      shares an address with the anchor                       by age
:func:`family_name`    carries a parent's birth surname, near the family       relative
:func:`named_by`       was given by the anchor (who told us about them)        named
=====================  =====================================================  ========

Priors are expected counts over the corpus (a person has about 2.5 children, one
record per source), so the probabilities mean the same on 50 records and on a
million.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

import numpy as np

from ...graph.model import Record, Sex
from ..matching.guards import APART, APART_WEIGHT, REASONS, person_apart
from .index import ALL_INITIALS, NONE, Floats, NameColumns, RecordIndex, Rows, Skip, distinct, filed
from .names import surname_index_keys
from .probes import Probe, name_probe
from .scoring import (
    Part,
    birth_date_part,
    generation_part,
    given_part,
    place_part,
    sex_part,
    surname_part,
    total,
)

MALE, FEMALE = 1, 2
OLDEST_MOTHER = 46
"""A mother is at most this many years older than her child (a father: :data:`OLDEST_FATHER`)."""
OLDEST_FATHER = 60
PRUNE = 1500
"""Rows a rule scores in full before it keeps only records with the probe's given name."""
HOME = 4.0
"""Bits for a record at an address where the known person may live."""
FAMILY_NAMES = 2.0
"""Bits taken off an equal given name when the surname agrees too."""
FAMILY_SURNAME = 3.0
"""Bits for a record naming a mother and carrying the surname of her known children."""


class Hop(StrEnum):
    """What the record's person is to the anchor."""

    same = "same"
    child = "child"
    parent = "parent"
    sibling = "sibling"
    partner = "partner"
    household = "household"
    relative = "relative"
    cousin = "cousin"
    """a child of one of the anchor's siblings"""
    named = "named"


@dataclass(frozen=True)
class Hypothesis:
    """Rows of the index that may be ``hop`` of ``anchor``, with the evidence per row."""

    rule: str
    anchor: str
    hop: Hop
    rows: Rows
    parts: list[Part]
    prior: float
    chain: float = 1.0
    """The probability of the step before (the anchor's own record being theirs)."""
    via: str | None = None
    """The record the rule went through (an anchor's own record), if any."""
    bits: Floats = field(default_factory=lambda: np.empty(0))

    @classmethod
    def make(cls, rule: str, anchor: str, hop: Hop, rows: Rows, parts: list[Part], prior: float,
             chain: float = 1.0, via: str | None = None) -> Hypothesis:  # fmt: skip
        return cls(rule, anchor, hop, rows, parts, prior, chain, via, total(parts, prior))

    def __len__(self) -> int:
        return len(self.rows)


def _empty(rule: str, anchor: str, hop: Hop) -> Hypothesis:
    return Hypothesis.make(rule, anchor, hop, np.empty(0, dtype=np.int64), [], 0.0)


def _log2(x: float) -> float:
    return math.log2(max(x, 1e-12))


def _share(index: RecordIndex, postings_size: int, filled: int) -> float:
    return (postings_size + 0.5) / max(filled, 1)


def _surname_shares(index: RecordIndex, probe: Probe, column: str) -> list[float]:
    """Frequency of each of the probe's surnames among the column's surnames."""
    postings = {
        "surname": index.surnames,
        "mother": index.mothers,
        "father": index.fathers,
        "partner": index.partners,
    }[column]
    filled = len(index) if column == "surname" else index.filled[column]
    out = []

    for name in probe.surnames:
        # the most common of the name's sound keys: a rare misspelling of a common name
        # is weighed as the common name
        size = max((postings.total(k) for k in surname_index_keys(name)), default=0)
        out.append(_share(index, size, filled))
    return out


def _name_parts(
    index: RecordIndex, rows: Rows, probe: Probe, column: str, label: str
) -> list[Part]:
    """Given name and surname of a probe against one of the record's name fields."""
    if column == "given":
        codes, givens, surnames = (
            index.given_code,
            index.given,
            [index.surname, index.birth_surname],
        )
    else:
        names: NameColumns = getattr(index, column)
        codes, givens, surnames = names.given_code, names.given, [names.surname]
    shares = _surname_shares(index, probe, "surname" if column == "given" else column)
    given = given_part(index, rows, probe, codes, givens, column, f"{label}given_names")
    surname = surname_part(rows, probe.surnames, shares, surnames, f"{label}surname")
    # given names run in families (a son named after his father or grandfather): with
    # the surname shared, an equal given name says less than its frequency suggests
    both = (given.weight > 0) & (surname.weight > 0)
    weight = np.where(both, np.maximum(given.weight - FAMILY_NAMES, 0.5), given.weight)
    written = probe.label or None
    return [replace(given, weight=weight, left=written or given.left),
            replace(surname, left=written or surname.left, lefts=None)]  # fmt: skip


def _born_near(
    index: RecordIndex, rows: Rows, anchor: Probe, low: int, high: int, margin: int = 6
) -> Rows:
    """Rows born ``low`` to ``high`` years after the anchor, give or take ``margin`` (more
    for an approximate year), or of unknown birth year. Others would score so low on age
    that they are not scored at all: this keeps a search over a million records fast."""
    if not anchor.year or not len(rows):
        return rows
    slack = margin + (3 if anchor.approximate else 0)
    years = index.year[rows]
    gap = years - anchor.year
    keep = (years == 0) | ((gap >= low - slack) & (gap <= high + slack))
    kept: Rows = rows[keep]
    return kept


def _near(
    index: RecordIndex, anchor: Probe, low: int, high: int, margin: int = 6
) -> Callable[[Rows], Rows]:
    """:func:`_born_near` as a filter for :meth:`Postings.union`."""
    return lambda rows: _born_near(index, rows, anchor, low, high, margin)


def _pruned(index: RecordIndex, rows: Rows, probe: Probe, column: str) -> Rows:
    """``rows`` but, when there are more than :data:`PRUNE`, only those whose given name in
    ``column`` is one of the probe's (or missing): with a common surname, the thousands of
    records with another given name would score far below the floor anyway."""
    if len(rows) <= PRUNE or not probe.given_codes:
        return rows
    codes = index.given_code if column == "given" else getattr(index, column).given_code
    have = codes[rows]
    keep = (have < 0) | np.isin(have, np.fromiter(probe.given_codes, np.int32))
    kept: Rows = rows[keep]
    return kept


def _without(rows: Rows, exclude: Skip | None) -> Rows:
    """``rows`` but those ``exclude`` marks (a mask over the index: every record of other
    cases costs one lookup per row, no sort)."""
    if exclude is None or not len(rows):
        return rows
    return rows[~exclude[rows]]


# -- the rules ------------------------------------------------------------------------------


def same_person(
    index: RecordIndex,
    probe: Probe,
    *,
    sources: float = 1.5,
    child: Probe | None = None,
    homes: frozenset[str] = frozenset(),
) -> Hypothesis:
    """Records of the anchor themselves; ``sources`` is how many records a person has on
    average in the corpus. ``child``, a child of the anchor with a birth year, places an
    anchor whose own birth year is unknown a generation before them; ``homes`` are
    addresses where the anchor may live (their own, their young child's)."""
    if not probe.has_name or not probe.person_id:
        return _empty("same_person", probe.person_id or "", Hop.same)
    keys = filed(probe.all_surname_keys, probe.initials)
    rows = _pruned(index, index.surnames.union(keys, _near(index, probe, 0, 0, 3)), probe, "given")
    parts = [
        *_name_parts(index, rows, probe, "given", ""),
        birth_date_part(index, rows, probe),
        sex_part(index, rows, probe.sex),
        place_part(index, rows, probe.places, "place"),
    ]
    homes = homes | probe.addresses
    if homes:
        codes = np.fromiter(
            (index.address_vocab.codes.get(h, NONE) for h in homes), np.int32, len(homes)
        )
        hit = np.isin(index.address[rows], codes[codes != NONE])
        n = len(rows)
        parts.append(
            Part("address", None, np.full(n, "", dtype=object),
                 np.where(hit, "same address", "missing").astype(object),
                 np.where(hit, HOME, 0.0))
        )  # fmt: skip
    if not probe.year and child is not None and child.year:
        oldest = OLDEST_MOTHER if probe.sex == FEMALE else OLDEST_FATHER
        parts.append(generation_part(index, rows, child, -oldest, -15, "age", inside=1.0,
                                     just=-3.0))  # fmt: skip
    parts.append(_kept_apart(index, rows, probe, parts))
    prior = _log2(sources / max(len(index), 1))
    return Hypothesis.make("same_person", probe.person_id, Hop.same, rows, parts, prior)


def _kept_apart(index: RecordIndex, rows: Rows, probe: Probe, parts: list[Part]) -> Part:
    """The matcher's rule for two persons (:func:`~tenhands.finding.matching.guards.person_apart`):
    a twin (same day, another given name or sex) or a generation apart is not the
    anchor's own record, whatever else agrees."""
    given, _surname, born, sex = parts[:4]
    years = index.year[rows]
    gap = np.where((years > 0) & (probe.year > 0), np.abs(years - probe.year), 0)
    codes = person_apart(
        born.level == "exact", given.level == "different", sex.level == "different", gap
    )
    level = np.array([REASONS.get(int(c), "missing") for c in codes], dtype=object)
    weight = np.where(codes > 0, APART_WEIGHT, 0.0)
    return Part(APART, None, np.full(len(rows), "", dtype=object), level, weight)


def named_parent(
    index: RecordIndex,
    probe: Probe,
    partners: list[Probe],
    *,
    exclude: Skip | None = None,
    children: float = 2.5,
    family: frozenset[str] = frozenset(),
) -> list[Hypothesis]:
    """Records whose mother or father name is the anchor: the anchor's children. A
    matching other parent (the anchor's partner) counts for more; a different one
    little against (half-siblings are common). ``children`` is the expected number of
    a person's children in the corpus. ``family`` holds the surnames (full forms) of the
    anchor's children known already, other than the anchor's birth surname: a record
    naming a mother and carrying the surname of her known children (their father's) is
    more probably a brother or sister of theirs than a namesake's child."""
    if not probe.has_name or not probe.person_id:
        return []
    columns = {MALE: ["father"], FEMALE: ["mother"]}.get(probe.sex, ["mother", "father"])
    out = []
    for column in columns:
        postings = index.mothers if column == "mother" else index.fathers
        oldest = OLDEST_MOTHER if column == "mother" else OLDEST_FATHER
        rows = _without(
            postings.union(
                filed(probe.all_surname_keys, probe.initials), _near(index, probe, 15, oldest)
            ),
            exclude,
        )
        rows = _pruned(index, rows, probe, column)
        parts = [
            *_name_parts(index, rows, probe, column, f"{column}_name "),
            generation_part(
                index, rows, probe, 15, oldest, just=-1.5 if column == "father" else -8.0
            ),
        ]
        if partners:
            other = "father" if column == "mother" else "mother"
            parts.append(_other_parent(index, rows, partners, other))
        if column == "mother" and family:
            parts.append(_family_surname(index, rows, family))
        prior = _log2(children / max(index.filled[column], 1))
        out.append(Hypothesis.make("named_parent", probe.person_id, Hop.child, rows, parts, prior))
    return out


def _family_surname(index: RecordIndex, rows: Rows, surnames: frozenset[str]) -> Part:
    """The record's surname against the surnames of the anchor's known children."""
    right = index.surname[rows]
    hit = np.isin(right, np.array(sorted(surnames), dtype=object))
    return Part(
        "surname",
        ", ".join(sorted(surnames)),
        right,
        np.where(hit, "same", "missing").astype(object),
        np.where(hit, FAMILY_SURNAME, 0.0),
    )


def _other_parent(index: RecordIndex, rows: Rows, partners: list[Probe], column: str) -> Part:
    """The record's other parent against the anchor's partners: the best agreement. A
    different other parent counts little against (half-siblings are common)."""
    n = len(rows)
    names: NameColumns = getattr(index, column)
    right = names.surname[rows]
    weight = np.full(n, -np.inf)
    level = np.full(n, "missing", dtype=object)
    label = np.full(n, "", dtype=object)
    for partner in partners:
        g, s = _name_parts(index, rows, partner, column, "")
        absent = (g.level == "missing") & (s.level == "missing")
        w = np.minimum(g.weight + s.weight, 12.0)
        w = np.where(absent, 0.0, np.where(w < 0, -1.0, w))
        better = w > weight
        weight[better] = w[better]
        level[better] = np.where(absent, "missing", np.where(w > 0, "same", "different"))[better]
        label[better] = partner.label
    weight[~np.isfinite(weight)] = 0.0
    return Part(f"other_parent ({column})", None, right, level, weight, label)


def parent_named(
    index: RecordIndex,
    anchor: Probe,
    own: Record,
    chain: float,
    *,
    exclude: Skip | None = None,
) -> list[Hypothesis]:
    """Records of the mother and father that the anchor's own record names."""
    out = []
    for text, sex in ((own.mother_name, Sex.female), (own.father_name, Sex.male)):
        if not text or not anchor.person_id:
            continue
        probe = name_probe(index, text, sex)
        if not probe.has_name:
            continue
        near = _near(index, anchor, -50, -15)
        keys = filed(probe.surname_keys, probe.initials)
        rows = _pruned(index, _without(index.surnames.union(keys, near), exclude), probe, "given")
        parts = [
            *_name_parts(index, rows, probe, "given", ""),
            generation_part(index, rows, anchor, -50, -15),
            sex_part(index, rows, probe.sex),
        ]
        prior = _log2(1.5 / max(len(index), 1))
        out.append(
            Hypothesis.make(
                "parent_named", anchor.person_id, Hop.parent, rows, parts, prior, chain, own.id
            )  # fmt: skip
        )
    return out


def same_parents(
    index: RecordIndex,
    anchor: Probe,
    own: Record,
    chain: float,
    *,
    exclude: Skip | None = None,
    siblings: float = 2.0,
    parents: Sequence[Probe] = (),
) -> Hypothesis | None:
    """Records naming the same mother and father as the anchor's own record; ``parents``
    are the anchor's parents known with a birth year (a sibling is born when they could
    have children)."""
    if not anchor.person_id or not (own.mother_name or own.father_name):
        return None
    probes = {
        column: name_probe(index, text, sex)
        for column, text, sex in (
            ("mother", own.mother_name, Sex.female),
            ("father", own.father_name, Sex.male),
        )
        if text
    }
    near = _near(index, anchor, -25, 25)
    found = [
        (index.mothers if c == "mother" else index.fathers).union(
            filed(p.surname_keys, p.initials), near
        )
        for c, p in probes.items()
        if p.has_name
    ]
    if not found:
        return None
    rows = _without(distinct(np.concatenate(found)), exclude)
    if len(rows) > PRUNE:
        keep = np.zeros(len(rows), dtype=np.bool_)
        for column, probe in probes.items():
            keep |= np.isin(rows, _pruned(index, rows, probe, column))
        rows = rows[keep]
    parts: list[Part] = []
    for column, probe in probes.items():
        if probe.has_name:
            parts += _name_parts(index, rows, probe, column, f"{column}_name ")
    parts.append(generation_part(index, rows, anchor, -25, 25, "age_gap"))
    for parent in parents:
        if parent.year:
            oldest = OLDEST_MOTHER if parent.sex == FEMALE else OLDEST_FATHER
            parts.append(
                generation_part(index, rows, parent, 15, oldest, "age_gap", inside=0.0,
                                just=-8.0)
            )  # fmt: skip
    filled = max(index.filled["mother"], index.filled["father"], 1)
    prior = _log2(siblings / filled)
    return Hypothesis.make("same_parents", anchor.person_id, Hop.sibling, rows, parts, prior,
                           chain, own.id)  # fmt: skip


def partner_of(
    index: RecordIndex,
    anchor: Probe,
    own: list[tuple[Record, float]],
    *,
    exclude: Skip | None = None,
) -> list[Hypothesis]:
    """Records naming the anchor as partner, and records of the partner the anchor's own
    record names."""
    if not anchor.has_name or not anchor.person_id:
        return []
    near = _near(index, anchor, -20, 20)
    keys = filed(anchor.all_surname_keys, anchor.initials)
    rows = _pruned(index, _without(index.partners.union(keys, near), exclude), anchor, "partner")
    parts = [
        *_name_parts(index, rows, anchor, "partner", "partner_name "),
        generation_part(index, rows, anchor, -20, 20),
    ]
    prior = _log2(1.0 / max(index.filled["partner"], 1))
    out = [Hypothesis.make("partner_of", anchor.person_id, Hop.partner, rows, parts, prior)]
    for record, chain in own:
        if not record.partner_name:
            continue
        probe = name_probe(index, record.partner_name)
        if not probe.has_name:
            continue
        keys = filed(probe.surname_keys, probe.initials)
        rows = _pruned(index, _without(index.surnames.union(keys, near), exclude), probe, "given")
        parts = [
            *_name_parts(index, rows, probe, "given", ""),
            generation_part(index, rows, anchor, -20, 20),
        ]
        prior = _log2(1.0 / max(len(index), 1))
        out.append(
            Hypothesis.make(
                "partner_named", anchor.person_id, Hop.partner, rows, parts, prior, chain, record.id
            )  # fmt: skip
        )
    return out


def household(
    index: RecordIndex, anchor: Probe, *, exclude: Skip | None = None, kin_share: float = 0.4
) -> Hypothesis | None:
    """Records at one of the anchor's addresses: household members are often kin.
    ``kin_share`` is the share of co-residents who are family."""
    if not anchor.addresses or not anchor.person_id:
        return None
    rows = _without(index.addresses.union(anchor.addresses), exclude)
    if not len(rows):
        return None
    n = len(rows)
    same = Part(
        "address",
        None,
        np.full(n, "", dtype=object),
        np.full(n, "same address", dtype=object),
        np.zeros(n),
    )
    parts = [
        same,
        *_name_parts(index, rows, anchor, "given", "")[1:],
    ]
    # a shared surname supports kinship; a different one (a partner's) says little
    parts[1] = replace(parts[1], field="surname", weight=np.clip(parts[1].weight, -0.5, 2.0))
    prior = _log2(kin_share / (1 - kin_share))
    return Hypothesis.make("household", anchor.person_id, Hop.household, rows, parts, prior)


def family_name(
    index: RecordIndex,
    parent: Probe,
    places: frozenset[int],
    *,
    exclude: Skip | None = None,
    relatives: float = 4.0,
    max_share: float = 0.005,
) -> Hypothesis | None:
    """Records carrying a parent's birth surname: possibly kin on that parent's side.
    Common surnames (more than ``max_share`` of the corpus) are not searched this way:
    they say too little. ``relatives`` is the expected number of a person's kin who
    carry their birth surname in the corpus."""
    if not parent.person_id:
        return None
    keys = parent.birth_name_keys
    probe_names = parent.surnames[-1:] if parent.birth_surname_keys else parent.surnames[:1]
    if not keys or not probe_names:
        return None
    size = max((index.surnames.total(k) for k in keys), default=0)
    if size > max(50, max_share * len(index)):
        return None
    rows = index.surnames.union(filed(keys, ALL_INITIALS))
    if len(rows) > 2 * max(50, max_share * len(index)):
        return None
    rows = _without(rows, exclude)
    probe = Probe(
        parent.person_id, frozenset(), (), tuple(probe_names), keys, frozenset(),
        year=parent.year, approximate=True,
    )  # fmt: skip
    shares = _surname_shares(index, probe, "surname")
    parts = [
        surname_part(
            rows, probe.surnames, shares, [index.surname, index.birth_surname], "surname"
        ),  # fmt: skip
        place_part(index, rows, places, "place"),
        generation_part(index, rows, probe, -70, 45, "age", inside=0.0),
    ]
    prior = _log2(relatives / max(len(index), 1))
    return Hypothesis.make("family_name", parent.person_id, Hop.relative, rows, parts, prior)


def sibling_by_name(
    index: RecordIndex,
    anchor: Probe,
    parents: Sequence[Probe],
    places: frozenset[int],
    *,
    exclude: Skip | None = None,
    siblings: float = 2.0,
    max_share: float = 0.01,
) -> Hypothesis | None:
    """Records carrying the anchor's birth surname, born within the anchor's generation:
    possibly a brother or sister whose record names no parents. The rarer the name and
    the nearer the place, the likelier; a record naming other parents than the anchor's
    known ones is someone else's child. Common surnames are not searched this way."""
    keys = anchor.birth_name_keys
    names = anchor.surnames[-1:] if anchor.birth_surname_keys else anchor.surnames[:1]
    if not anchor.person_id or not anchor.year or not keys or not names:
        return None
    size = max((index.surnames.total(k) for k in keys), default=0)
    if size > max(50, max_share * len(index)):
        return None
    rows = _without(
        index.surnames.union(filed(keys, ALL_INITIALS), _near(index, anchor, -15, 15, 2)), exclude
    )
    if not len(rows):
        return None
    probe = Probe(anchor.person_id, frozenset(), (), tuple(names), keys, frozenset())
    shares = _surname_shares(index, probe, "surname")
    parts = [
        surname_part(rows, probe.surnames, shares, [index.surname, index.birth_surname], "surname"),
        place_part(index, rows, places, "place"),
        generation_part(index, rows, anchor, -15, 15, "age_gap", inside=1.0),
    ]
    for parent in parents:
        column = "mother" if parent.sex == FEMALE else "father" if parent.sex == MALE else None
        if column is None or not parent.has_name:
            continue
        other = _other_parent(index, rows, [parent], column)
        weight = np.where(other.level == "different", -6.0, other.weight)
        parts.append(replace(other, field=f"{column}_name", weight=weight))
    prior = _log2(siblings / max(len(index), 1))
    return Hypothesis.make("family_name", anchor.person_id, Hop.sibling, rows, parts, prior)


def family_name_parent(
    index: RecordIndex,
    parent: Probe,
    child: Probe,
    places: frozenset[int],
    *,
    exclude: Skip | None = None,
    cousins: float = 3.0,
    max_share: float = 0.005,
) -> list[Hypothesis]:
    """Records whose mother or father carries a parent's birth surname, born in the
    child's generation: possibly first cousins on that parent's side (an aunt or uncle
    passed the name on, or kept it). Common surnames are not searched this way.
    ``cousins`` is the expected number of such cousins in the corpus."""
    keys = parent.birth_name_keys
    names = parent.surnames[-1:] if parent.birth_surname_keys else parent.surnames[:1]
    if not parent.person_id or not keys or not names:
        return []
    out = []
    for column in ("mother", "father"):
        postings = index.mothers if column == "mother" else index.fathers
        filled = max(index.filled[column], 1)
        size = max((postings.total(k) for k in keys), default=0)
        if size > max(50, max_share * filled):
            continue
        near = _near(index, child, -25, 25) if child.year else None
        rows = _without(postings.union(filed(keys, ALL_INITIALS), near), exclude)
        if not len(rows):
            continue
        probe = Probe(parent.person_id, frozenset(), (), tuple(names), keys, frozenset())
        shares = _surname_shares(index, probe, column)
        names_col: NameColumns = getattr(index, column)
        parts = [
            surname_part(rows, probe.surnames, shares, [names_col.surname],
                         f"{column}_name surname"),
            place_part(index, rows, places, "place"),
            generation_part(index, rows, child, -25, 25, "age", inside=0.5),
        ]  # fmt: skip
        prior = _log2(cousins / filled)
        out.append(
            Hypothesis.make(
                "family_name_parent", parent.person_id, Hop.cousin, rows, parts, prior
            )  # fmt: skip
        )
    return out


def named_by(
    index: RecordIndex, anchor: Probe, *, exclude: Skip | None = None
) -> Hypothesis | None:
    """Records of people the anchor named (who told us about them): a relative's word."""
    if not anchor.person_id:
        return None
    rows = _without(index.named_by.get(anchor.person_id), exclude)
    if not len(rows):
        return None
    n = len(rows)
    part = Part(
        "named_by",
        anchor.label or None,
        np.full(n, "", dtype=object),
        np.full(n, "named by a relative", dtype=object),
        np.full(n, 1.0),
    )
    return Hypothesis.make("named_by", anchor.person_id, Hop.named, rows, [part], 0.0)
