"""The relationship calculator: what a person is to another, derived from the graph.

Works on any graph shaped like :func:`tenhands.graph.network.build_graph` makes
(a store's ``case_subgraph`` or ``neighbourhood``). Kinship ties are read as
follows; every other kind (friend, neighbour, teacher, godparent, professional,
other…) is not kinship, and a person tied to FROM only by those is unrelated.

- ``parent`` (source is parent of target): blood, adoptive, foster, legal or social
  by its basis; ``grandparent``: the same over two generations, when the parent in
  between is not known; ``step_parent``: a step-parent. The current partner of a
  parent who is not the child's parent is a step-parent too.
- ``sibling`` / ``half_sibling`` / ``step_sibling``: siblings whose parents may not
  be in the graph (when they are, full and half follow from the parents).
- ``partner`` and ``ex_partner`` (``partner_status`` separated or divorced counts as
  ex): FROM's partner's relatives are in-laws, a relative's partner is "by
  marriage". The relatives of an ex-partner are *former* in-laws and said as such
  ("ex-schoonmoeder", "former mother-in-law"), and so is a parent's ex-partner who is
  not FROM's parent ("ex-partner van moeder"); an ex-partner's relatives beyond that
  are not followed.
- ``guardian`` and ``other_relative``: direct relations only (a guardian, a ward, a
  relative of unknown degree), used when nothing closer relates the two.

When several relationships exist the closest kind wins (blood, adoptive, legal,
foster, step, social, partner/in-law), then the fewest generations, then the fewest
up; every equally close path is kept (see :class:`Relationship`).
"""

from __future__ import annotations

import networkx as nx

from ..errors import NotFound
from ..model import Basis, Sex, TieKind
from .index import HALF, RANK_KIND, UNKNOWN, KinIndex
from .kinds import Kind, Lineage, Role
from .relationship import (
    FixedTrace,
    Relationship,
    geometry_role,
    self_relationship,
    term_for,
)
from .search import (
    BOTH,
    END_PHASES,
    FORMER_PHASES,
    IN_LAW_PHASES,
    MATERNAL,
    PARTNER_START,
    PATERNAL,
    PHASE_BITS,
    Found,
    LevelRun,
    Search,
    SearchTrace,
    decode,
)
from .sides import Side

_SIDE = {0: Side.none, MATERNAL: Side.maternal, PATERNAL: Side.paternal, BOTH: Side.both}
_LINEAGE_KINDS = frozenset({Kind.blood, Kind.adoptive, Kind.legal, Kind.in_law})


def relate(g: nx.MultiDiGraph, from_id: str, to_id: str) -> Relationship:
    """What ``to_id`` is to ``from_id``.

    Raises :class:`~tenhands.graph.errors.NotFound` for an id that is not in ``g``.

    Examples
    --------
    >>> from tenhands.graph.model import Person, Tie
    >>> from tenhands.graph.network import build_graph
    >>> persons = [
    ...     Person(id="kid", sex="female"),
    ...     Person(id="mum", sex="female"),
    ...     Person(id="oma", sex="female"),
    ... ]
    >>> ties = [
    ...     Tie(id="t1", source_id="mum", target_id="kid", kind="parent"),
    ...     Tie(id="t2", source_id="oma", target_id="mum", kind="parent"),
    ... ]
    >>> r = relate(build_graph(persons, ties), "kid", "oma")
    >>> r.words("nl"), r.words("en", with_side=True), r.side.value, (r.up, r.down)
    ('grootmoeder', 'maternal grandmother', 'maternal', (2, 0))
    >>> r.path
    ('kid', 'mum', 'oma')
    """
    _require(g, from_id)
    _require(g, to_id)
    if from_id == to_id:
        return self_relationship(from_id, _sex(g, from_id))
    ix = KinIndex.build(g)
    source, target = ix.pos[from_id], ix.pos[to_id]
    ties = _direct_ties(g, from_id).get(to_id, ())
    search = Search(ix, source)
    for level in search.levels():
        run = search.run(level, target=target)
        found = search.best_states(run, skip={source}).get(target)
        if found is not None:
            return _relationship(ix, run, source, target, found, ties)
    return _direct(ix, source, target, ties) or Relationship(from_id, to_id, ties=ties)


def relationships_from(g: nx.MultiDiGraph, from_id: str) -> dict[str, Relationship]:
    """What every other person in ``g`` is to ``from_id`` (unrelated ones included).

    One search per kind over the whole graph: fast enough for a child and 5,000
    persons. Paths are listed only when asked for (:attr:`Relationship.paths`).

    Examples
    --------
    >>> from tenhands.graph.model import Person, Tie
    >>> from tenhands.graph.network import build_graph
    >>> persons = [Person(id=i, sex=s) for i, s in [
    ...     ("kid", "male"), ("dad", "male"), ("sis", "female"), ("buur", "male")]]
    >>> ties = [
    ...     Tie(id="t1", source_id="dad", target_id="kid", kind="parent"),
    ...     Tie(id="t2", source_id="dad", target_id="sis", kind="parent"),
    ...     Tie(id="t3", source_id="buur", target_id="kid", kind="neighbour"),
    ... ]
    >>> rels = relationships_from(build_graph(persons, ties), "kid")
    >>> {pid: r.words("en") for pid, r in sorted(rels.items())}
    {'buur': 'not related', 'dad': 'father', 'sis': 'sister'}
    >>> rels["buur"].ties
    ('neighbour',)
    """
    _require(g, from_id)
    ix = KinIndex.build(g)
    source = ix.pos[from_id]
    ties = _direct_ties(g, from_id)
    search = Search(ix, source)
    found_at: dict[int, Relationship] = {}
    skip = {source}
    for level in search.levels():
        run = search.run(level)
        for node, found in search.best_states(run, skip).items():
            found_at[node] = _relationship(ix, run, source, node, found, ties.get(ix.ids[node], ()))
            skip.add(node)
    result: dict[str, Relationship] = {}
    for node, pid in enumerate(ix.ids):
        if node == source:
            continue
        rel = found_at.get(node)
        if rel is None:
            rel = _direct(ix, source, node, ties.get(pid, ())) or Relationship(
                from_id, pid, ties=ties.get(pid, ())
            )
        result[pid] = rel
    return result


# -- building the result ----------------------------------------------------------------


def _relationship(
    ix: KinIndex, run: LevelRun, source: int, node: int, found: Found, ties: tuple[str, ...]
) -> Relationship:
    state = min(found.states, key=lambda s: s & ((1 << PHASE_BITS) - 1))
    phase = state & ((1 << PHASE_BITS) - 1)
    up, down, _ = decode(found.cost)
    sex = ix.sex[node]
    married = False
    if phase in PARTNER_START:
        role, kind = Role.partner, Kind.partner
        married = ix.partners[source][node].married
    elif phase in IN_LAW_PHASES:
        kind = Kind.in_law
        role = {(1, 0): Role.parent_in_law, (1, 1): Role.sibling_in_law}.get(
            (up, down), Role.relative_of_partner
        )
    elif phase in END_PHASES:
        kind = Kind.in_law
        role = {(0, 1): Role.child_in_law, (1, 1): Role.sibling_in_law}.get(
            (up, down), Role.partner_of_relative
        )
        relative = run.preds[state][0][0] >> PHASE_BITS
        married = ix.partners[relative][node].married
    else:
        kind = RANK_KIND[run.level]
        role = geometry_role(up, down)
    lineage = Lineage.full
    if kind in _LINEAGE_KINDS and found.lineage in (UNKNOWN, HALF):
        lineage = Lineage.half if found.lineage == HALF else Lineage.unknown
    return Relationship(
        ix.ids[source],
        ix.ids[node],
        related=True,
        kind=kind,
        role=role,
        term=term_for(role, sex, married=married, up=up, down=down),
        sex=sex,
        up=up,
        down=down,
        lineage=lineage,
        side=_SIDE[found.mask],
        former=phase in FORMER_PHASES,
        married=married,
        path_count=found.count,
        ties=ties,
        trace=SearchTrace(ix, run, tuple(sorted(found.states))),
    )


def _direct(ix: KinIndex, source: int, node: int, ties: tuple[str, ...]) -> Relationship | None:
    """A guardian, ward or relative of unknown degree, from a direct tie only."""
    best: tuple[int, Role, Kind] | None = None
    for other, tie_kind, basis, other_is_source in ix.direct.get(source, ()):
        if other != node:
            continue
        if tie_kind is TieKind.guardian:
            option = (0, Role.guardian if other_is_source else Role.ward, Kind.legal)
        else:
            option = (1, Role.relative, _BASIS_KIND[basis])
        if best is None or option[0] < best[0]:
            best = option
    if best is None:
        return None
    _, role, kind = best
    from_id, to_id, sex = ix.ids[source], ix.ids[node], ix.sex[node]
    return Relationship(
        from_id,
        to_id,
        related=True,
        kind=kind,
        role=role,
        term=term_for(role, sex),
        sex=sex,
        path_count=1,
        ties=ties,
        trace=FixedTrace(
            (((from_id, 0, 0), (to_id, 0, 0)),),
            {from_id: ix.sex[source], to_id: sex},
        ),
    )


_BASIS_KIND = {
    Basis.biological: Kind.blood,
    Basis.adoptive: Kind.adoptive,
    Basis.legal: Kind.legal,
    Basis.foster: Kind.foster,
    Basis.social: Kind.social,
}


def _direct_ties(g: nx.MultiDiGraph, person_id: str) -> dict[str, tuple[str, ...]]:
    kinds: dict[str, set[str]] = {}
    for _, other, kind in g.out_edges(person_id, data="kind"):
        kinds.setdefault(other, set()).add(str(kind))
    for other, _, kind in g.in_edges(person_id, data="kind"):
        kinds.setdefault(other, set()).add(str(kind))
    return {other: tuple(sorted(k)) for other, k in kinds.items()}


def _require(g: nx.MultiDiGraph, person_id: str) -> None:
    if person_id not in g:
        raise NotFound("person", person_id)


def _sex(g: nx.MultiDiGraph, person_id: str) -> Sex:
    sex = getattr(g.nodes[person_id].get("person"), "sex", None)
    return sex if isinstance(sex, Sex) else Sex.unknown


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
    return {pid: rel.side for pid, rel in relationships_from(g, child_id).items()}
