"""A small index of a store's graph for the kinship search, built once per call.

Persons become integers (in id order, so results are deterministic) and ties become
links: ``up`` (child → parent, or grandchild → grandparent over two generations),
``down`` (the reverse), ``sib`` (explicit sibling ties) and ``partners``. Each link has
a *rank*, the kind of kinship it carries (:data:`RANK_KIND`); the search prefers
paths of lower rank. Informal ties (friend, neighbour, teacher…) are not kinship and
are left out; guardians and ``other_relative`` ties are kept aside as direct
relations only.

Derived links: the current partner of a parent who is not the child's parent is a
step-parent (a foster parent's partner a foster parent), linked *via* that parent so
paths show the parent in between.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import networkx as nx

from ..model import Basis, PartnerStatus, Sex, Tie, TieKind
from ..model.tie import default_basis
from .kinds import Kind

BLOOD, ADOPTIVE, LEGAL, FOSTER, STEP, SOCIAL, IN_LAW = range(7)

RANK_KIND = {
    BLOOD: Kind.blood,
    ADOPTIVE: Kind.adoptive,
    LEGAL: Kind.legal,
    FOSTER: Kind.foster,
    STEP: Kind.step,
    SOCIAL: Kind.social,
    IN_LAW: Kind.in_law,
}

_BASIS_RANK = {
    Basis.biological: BLOOD,
    Basis.adoptive: ADOPTIVE,
    Basis.legal: LEGAL,
    Basis.foster: FOSTER,
    Basis.social: SOCIAL,
}

# Lineage codes, weakest evidence first: where paths disagree the strongest wins. A
# plain ``sibling`` tie says full (TIE_FULL), but parents who show a half relation
# say more; two shared parents say full whatever the ties say.
UNKNOWN, TIE_FULL, HALF, FULL, LINEAL = range(5)

_FORMER_STATUS = frozenset({PartnerStatus.separated, PartnerStatus.divorced})
_MARRIED_STATUS = frozenset({PartnerStatus.married, PartnerStatus.widowed, PartnerStatus.divorced})

Link = tuple[int, int, int, int]
"""(other person, rank, generations 1 or 2, via person or -1)."""


@dataclass(frozen=True)
class PartnerTie:
    former: bool
    married: bool


@dataclass
class KinIndex:
    """Persons as integers and their kinship links."""

    ids: list[str]
    pos: dict[str, int]
    sex: list[Sex]
    up: list[list[Link]]
    down: list[list[Link]]
    sib: list[list[tuple[int, int, int]]]
    """(sibling, rank, lineage TIE_FULL or HALF)."""
    partners: list[dict[int, PartnerTie]]
    lineage_parents: list[frozenset[int]]
    """Parents by blood, adoption or law (for full vs half)."""
    side_parents: list[frozenset[int]]
    """Every parent but step-parents (for the side of the family)."""
    ranks: frozenset[int]
    direct: dict[int, list[tuple[int, TieKind, Basis, bool]]] = field(default_factory=dict)
    """Guardian and other_relative ties, on both ends: (other person, kind, basis,
    whether the other person is the tie's source, i.e. the guardian)."""

    @classmethod
    def build(cls, g: nx.MultiDiGraph) -> KinIndex:
        ids = sorted(g.nodes)
        pos = {pid: i for i, pid in enumerate(ids)}
        n = len(ids)
        sex = [_sex(g.nodes[pid].get("person")) for pid in ids]
        up_best: list[dict[tuple[int, int, int], int]] = [{} for _ in range(n)]
        sib_best: list[dict[int, tuple[int, int]]] = [{} for _ in range(n)]
        partners: list[dict[int, PartnerTie]] = [{} for _ in range(n)]
        direct: dict[int, list[tuple[int, TieKind, Basis, bool]]] = {}

        for source, target, data in _edges(g):
            s, t = pos[source], pos[target]
            kind, basis, status = _tie_facts(data)
            if kind in (TieKind.parent, TieKind.grandparent):
                _keep_best(up_best[t], (s, 2 if kind is TieKind.grandparent else 1, -1), basis)
            elif kind is TieKind.step_parent:
                _keep_best(up_best[t], (s, 1, -1), STEP)
            elif kind.is_sibling:
                rank = STEP if kind is TieKind.step_sibling else _BASIS_RANK[basis]
                lineage = HALF if kind is TieKind.half_sibling else TIE_FULL
                for a, b in ((s, t), (t, s)):
                    old = sib_best[a].get(b)
                    # A lower rank wins; at equal rank a recorded half tie beats a full one.
                    if old is None or (rank, -lineage) < (old[0], -old[1]):
                        sib_best[a][b] = (rank, lineage)
            elif kind.is_couple:
                tie = PartnerTie(
                    former=kind is TieKind.ex_partner or status in _FORMER_STATUS,
                    married=status in _MARRIED_STATUS,
                )
                for a, b in ((s, t), (t, s)):
                    old_tie = partners[a].get(b)
                    if old_tie is not None:  # current wins over former; married sticks
                        tie = PartnerTie(
                            former=old_tie.former and tie.former,
                            married=old_tie.married or tie.married,
                        )
                    partners[a][b] = tie
            elif kind in (TieKind.guardian, TieKind.other_relative):
                direct.setdefault(s, []).append((t, kind, basis, False))
                direct.setdefault(t, []).append((s, kind, basis, True))

        up: list[list[Link]] = [
            sorted((p, rank, gens, via) for (p, gens, via), rank in links.items())
            for links in up_best
        ]
        parents_of = [
            {p for p, rank, gens, via in links if gens == 1 and via < 0 and rank != STEP}
            for links in up
        ]
        _add_step_links(up, partners, parents_of)

        down: list[list[Link]] = [[] for _ in range(n)]
        ranks: set[int] = set()
        for child, links in enumerate(up):
            for parent, rank, gens, via in links:
                down[parent].append((child, rank, gens, via))
                ranks.add(rank)
        for links in down:
            links.sort()
        sib = [sorted((b, rank, lin) for b, (rank, lin) in links.items()) for links in sib_best]
        ranks.update(rank for links in sib for _, rank, _ in links)
        if any(partners):
            ranks.add(IN_LAW)
        lineage_parents = [
            frozenset(p for p, rank, gens, via in links if gens == 1 and via < 0 and rank <= LEGAL)
            for links in up
        ]
        side_parents = [
            frozenset(p for p, rank, gens, via in links if gens == 1 and via < 0 and rank != STEP)
            for links in up
        ]
        return cls(
            ids=ids,
            pos=pos,
            sex=sex,
            up=up,
            down=down,
            sib=sib,
            partners=partners,
            lineage_parents=lineage_parents,
            side_parents=side_parents,
            ranks=frozenset(ranks),
            direct=direct,
        )

    def pair_lineage(self, x: int, y: int) -> int:
        """FULL if ``x`` and ``y`` share two parents, HALF if they share one and each has
        another one recorded, else UNKNOWN."""
        px, py = self.lineage_parents[x], self.lineage_parents[y]
        shared = len(px & py)
        if shared >= 2:
            return FULL
        if shared == 1 and len(px) >= 2 and len(py) >= 2:
            return HALF
        return UNKNOWN


def _edges(g: nx.MultiDiGraph) -> Iterator[tuple[str, str, dict[str, object]]]:
    yield from g.edges(data=True)


def _tie_facts(data: dict[str, object]) -> tuple[TieKind, Basis, PartnerStatus | None]:
    tie = data.get("tie")
    if isinstance(tie, Tie):
        return tie.kind, tie.basis or default_basis(tie.kind), tie.partner_status
    kind = TieKind(str(data.get("kind")))
    return kind, default_basis(kind), None


def _keep_best(
    links: dict[tuple[int, int, int], int], key: tuple[int, int, int], rank_or_basis: int | Basis
) -> None:
    rank = _BASIS_RANK[rank_or_basis] if isinstance(rank_or_basis, Basis) else rank_or_basis
    old = links.get(key)
    if old is None or rank < old:
        links[key] = rank


def _add_step_links(
    up: list[list[Link]], partners: list[dict[int, PartnerTie]], parents_of: list[set[int]]
) -> None:
    """A parent's current partner who is not the child's parent: a step-parent (a foster
    parent's partner: a foster parent), linked via that parent."""
    for child, links in enumerate(up):
        extra: list[Link] = []
        for parent, rank, gens, via in links:
            if gens != 1 or via >= 0 or rank == STEP:
                continue
            for other, tie in partners[parent].items():
                if tie.former or other == child or other in parents_of[child]:
                    continue
                extra.append((other, FOSTER if rank == FOSTER else STEP, 1, parent))
        if extra:
            links.extend(extra)
            links.sort()


def _sex(person: object) -> Sex:
    sex = getattr(person, "sex", None)
    return sex if isinstance(sex, Sex) else Sex.unknown
